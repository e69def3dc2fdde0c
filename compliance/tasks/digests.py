"""The daily digest of notifications (services/notifications.send_digests), a schedule that
survives any crash like reconciliation (compliance/tasks/periodic.py). It takes no lease:
each user's digest is claimed with a conditional UPDATE, so two runs at once never send one
digest twice. A run sends the digests that are due (a day after the last one); running it
hourly sends each within the hour it falls due.
"""

from django.conf import settings
from django.tasks import task

from compliance.services.notifications import send_digests
from compliance.tasks.periodic import Schedule


@task
def send_daily_digests(repeat: bool = False) -> dict:
    return SCHEDULE.run(repeat, lambda: {"digests_sent": send_digests()})


SCHEDULE = Schedule(
    name="daily digest",
    task=send_daily_digests,
    lease="",
    every=lambda: settings.DIGEST_EVERY_SECONDS,
    lease_seconds=lambda: settings.DIGEST_STALE_SECONDS,
)


def schedule_next_run():
    return SCHEDULE.schedule_next()


def loop_is_scheduled() -> bool:
    return SCHEDULE.is_scheduled()
