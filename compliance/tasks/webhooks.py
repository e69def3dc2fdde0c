"""Apply a stored webhook event after the receiver has answered Telnyx."""

from django.tasks import task

from compliance.models import WebhookEvent
from compliance.services.webhooks import apply_event


@task
def apply_webhook_event(event_id: int) -> str:
    event = WebhookEvent.objects.filter(pk=event_id).first()
    if event is None:
        return "gone"
    return apply_event(event).outcome
