"""Hosted opt-in background work: the confirmation text to a subscriber (issue 20, finding 14)."""

from django.tasks import task

from compliance.deferred import deferrable
from compliance.services import hosted


@deferrable
@task
def send_opt_in_confirmation_task(record_pk: int) -> None:
    """Text the subscriber who filled in the hosted opt-in form, asking them to reply YES."""
    hosted.send_confirmation(record_pk)
