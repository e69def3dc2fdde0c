"""Apply stored webhook events after the receiver has answered Telnyx.

The receiver stores each event, then schedules `apply_pending_webhook_events` with
`deferred.schedule_once`: one task applies every event stored so far, so a burst of webhooks
costs a handful of tasks, not one each.
"""

from django.tasks import task

from compliance.deferred import deferrable
from compliance.services.webhooks import apply_pending_events


@deferrable
@task(queue_name="webhooks")
def apply_pending_webhook_events() -> int:
    return apply_pending_events()
