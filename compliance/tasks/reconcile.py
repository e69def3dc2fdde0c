"""The periodic read-back of unsettled brands and campaigns (services/reconcile.py).

The db_worker has no scheduler: a run started with ``repeat=True`` (``manage.py reconcile
--loop``) enqueues the next one RECONCILE_EVERY_SECONDS later *before* it does any work, so a
worker killed in the middle of a run leaves the next run in the queue: the schedule survives
any crash. A run holds the reconciliation lease (compliance/leases.py) while it works, renewed
as it goes, so two runs never overlap; a run that finds the lease held (a slow run still going,
or a killed one whose lease has not run out yet) does nothing and leaves it to the next.
"""

from datetime import timedelta

from django.conf import settings
from django.tasks import TaskResultStatus, task
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from compliance import leases
from compliance.services.reconcile import reconcile_all

LEASE = "reconciliation"


@task
def reconcile_statuses(repeat: bool = False) -> dict:
    if repeat:
        schedule_next_run()
    with leases.held(LEASE, settings.RECONCILE_LEASE_SECONDS) as ours:
        if not ours:
            return {"skipped": "another reconciliation is running"}
        return reconcile_all().as_dict()


def schedule_next_run():
    run_after = timezone.now() + timedelta(seconds=settings.RECONCILE_EVERY_SECONDS)
    return reconcile_statuses.using(run_after=run_after).enqueue(repeat=True)


def loop_is_scheduled() -> bool:
    """Whether a repeating run is waiting, or running within its lease (so --loop starts one chain).

    A worker killed mid-run leaves its row RUNNING forever; past RECONCILE_LEASE_SECONDS that
    row is marked failed so the schedule survives the crash instead of reading as alive.
    """
    if not isinstance(reconcile_statuses.get_backend(), DatabaseBackend):
        return False
    runs = DBTaskResult.objects.filter(task_path=reconcile_statuses.module_path)
    lease_expired_before = timezone.now() - timedelta(seconds=settings.RECONCILE_LEASE_SECONDS)
    runs.filter(status=TaskResultStatus.RUNNING, started_at__lt=lease_expired_before).update(
        status=TaskResultStatus.FAILED, finished_at=timezone.now()
    )
    return runs.filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]).exists()
