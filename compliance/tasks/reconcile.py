"""The periodic read-back of unsettled brands and campaigns (services/reconcile.py): a
schedule that survives any crash, and never two runs at once (compliance/tasks/periodic.py).
"""

from django.conf import settings
from django.tasks import task

from compliance.services.reconcile import reconcile_all
from compliance.tasks.periodic import Schedule

LEASE = "reconciliation"


@task
def reconcile_statuses(repeat: bool = False) -> dict:
    return SCHEDULE.run(repeat, lambda: reconcile_all().as_dict())


SCHEDULE = Schedule(
    name="reconciliation",
    task=reconcile_statuses,
    lease=LEASE,
    every=lambda: settings.RECONCILE_EVERY_SECONDS,
    lease_seconds=lambda: settings.RECONCILE_LEASE_SECONDS,
)


def schedule_next_run():
    return SCHEDULE.schedule_next()


def loop_is_scheduled() -> bool:
    """Whether a repeating run is waiting, or running within its lease (so --loop starts one
    chain). A run still marked running past RECONCILE_LEASE_SECONDS lost its worker."""
    return SCHEDULE.is_scheduled()
