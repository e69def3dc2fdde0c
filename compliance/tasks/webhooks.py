"""Webhooks and reconciliation: apply a stored event after the receiver has answered Telnyx;
read unsettled brands and campaigns back."""

from datetime import timedelta

from django.conf import settings
from django.tasks import TaskResultStatus, task
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from compliance.models import WebhookEvent
from compliance.services.reconcile import reconcile_all
from compliance.services.webhooks import apply_event


@task
def apply_webhook_event(event_id: int) -> str:
    """Apply a stored webhook event after the receiver has answered Telnyx."""
    event = WebhookEvent.objects.filter(pk=event_id).first()
    if event is None:
        return "gone"
    return apply_event(event).outcome


@task
def reconcile_statuses(repeat: bool = False) -> dict:
    """Read unsettled brands and campaigns back from Telnyx (services/reconcile.py).

    The db_worker has no scheduler: a run started with ``repeat=True`` (``manage.py reconcile
    --loop``) enqueues the next one RECONCILE_EVERY_SECONDS later, even when it fails.
    """
    try:
        return reconcile_all().as_dict()
    finally:
        if repeat:
            schedule_next_reconcile()


def schedule_next_reconcile():
    run_after = timezone.now() + timedelta(seconds=settings.RECONCILE_EVERY_SECONDS)
    return reconcile_statuses.using(run_after=run_after).enqueue(repeat=True)


def reconcile_loop_is_scheduled() -> bool:
    """Whether a repeating run is already waiting or running (so --loop starts one chain)."""
    if not isinstance(reconcile_statuses.get_backend(), DatabaseBackend):
        return False
    return DBTaskResult.objects.filter(
        task_path=reconcile_statuses.module_path,
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
    ).exists()
