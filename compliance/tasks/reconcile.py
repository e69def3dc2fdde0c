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
from django.tasks import task
from django.utils import timezone

from compliance import deferred, leases
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
    """Whether a repeating run is waiting, or running within its lease (so --loop starts one
    chain); a run whose worker died past its lease does not count (deferred.py)."""
    return deferred.repeating_run_alive(reconcile_statuses, settings.RECONCILE_LEASE_SECONDS)
