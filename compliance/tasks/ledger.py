"""The fee ledger's monthly fees as a schedule of their own (services/ledger.py): every
FEES_EVERY_SECONDS, surviving any crash (compliance/tasks/periodic.py). The service takes the
fees lease itself (reconciliation records the fees too), so two passes never run at once."""

from django.conf import settings
from django.tasks import task

from compliance.services import ledger
from compliance.tasks.periodic import Schedule


@task
def record_monthly_fees_task(repeat: bool = False) -> dict:
    return SCHEDULE.run(repeat, lambda: {"monthly_fees": ledger.record_monthly_fees()})


SCHEDULE = Schedule(
    name="monthly fee recording",
    task=record_monthly_fees_task,
    lease="",  # ledger.record_monthly_fees holds ledger.FEES_LEASE
    every=lambda: settings.FEES_EVERY_SECONDS,
    lease_seconds=lambda: settings.FEES_LEASE_SECONDS,
)
