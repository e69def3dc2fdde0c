"""The daily digest of notifications (services/notifications.send_digests).

Like the reconciliation (tasks/reconcile.py), a run started with ``repeat=True`` (``manage.py
digests --loop``) enqueues the next one DIGEST_EVERY_SECONDS later *before* it works, so a
worker killed mid-run leaves the next run in the queue: the schedule survives any crash. It
needs no lease: each user's digest is claimed with a conditional UPDATE, so two runs at once
never send one digest twice. A run sends the digests that are due (a day after the last one);
running it hourly sends each within the hour it falls due.
"""

from datetime import timedelta

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from compliance import deferred
from compliance.services.notifications import send_digests


@task
def send_daily_digests(repeat: bool = False) -> dict:
    if repeat:
        schedule_next_run()
    return {"digests_sent": send_digests()}


def schedule_next_run():
    run_after = timezone.now() + timedelta(seconds=settings.DIGEST_EVERY_SECONDS)
    return send_daily_digests.using(run_after=run_after).enqueue(repeat=True)


def loop_is_scheduled() -> bool:
    return deferred.repeating_run_alive(send_daily_digests, settings.DIGEST_STALE_SECONDS)
