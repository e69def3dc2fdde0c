"""Leases for background work: a worker that holds one is the only one doing that work; one
that stops renewing it (killed, crashed) loses it when it runs out, and the next worker takes
the work over. Taken with a conditional UPDATE that only one worker can win.

`held(name, seconds)` is for work with no row of its own (reconciliation): a context manager
that takes the lease, renews it from a small thread while the work runs, and releases it.
"""

import logging
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.db import (
    DatabaseError,
    IntegrityError,
    connection,
    transaction,
)
from django.db.models import Q
from django.utils import timezone

from compliance.models import WorkLease

logger = logging.getLogger(__name__)


def new_holder() -> str:
    return uuid.uuid4().hex


def acquire(name: str, seconds: float, holder: str) -> bool:
    """Take the lease `name` for `seconds` unless another holder's is still running."""
    now = timezone.now()
    try:
        with transaction.atomic():
            WorkLease.objects.get_or_create(name=name)
    except IntegrityError:  # another worker created it at the same moment
        pass
    free = Q(holder="") | Q(expires_at__isnull=True) | Q(expires_at__lt=now) | Q(holder=holder)
    return bool(
        WorkLease.objects.filter(free, name=name).update(
            holder=holder, expires_at=now + timedelta(seconds=seconds)
        )
    )


def renew(name: str, seconds: float, holder: str) -> bool:
    """Extend our lease; False when it is no longer ours (it ran out and was taken over)."""
    return bool(
        WorkLease.objects.filter(name=name, holder=holder).update(
            expires_at=timezone.now() + timedelta(seconds=seconds)
        )
    )


def release(name: str, holder: str) -> None:
    WorkLease.objects.filter(name=name, holder=holder).update(holder="", expires_at=None)


@contextmanager
def held(name: str, seconds: float) -> Iterator[bool]:
    """Yield True while this worker holds the lease `name` (renewed every third of `seconds`
    until the block ends), False when another worker holds it (do nothing then)."""
    holder = new_holder()
    if not acquire(name, seconds, holder):
        yield False
        return
    stop = threading.Event()

    def keep_renewing() -> None:
        try:
            while not stop.wait(seconds / 3):
                try:
                    if not renew(name, seconds, holder):
                        logger.warning("lease %s was taken over by another worker", name)
                        return
                except DatabaseError as exc:  # e.g. SQLite busy: try again at the next turn
                    logger.warning("lease %s not renewed this time: %s", name, exc)
        finally:
            connection.close()  # this thread's own connection

    renewer = threading.Thread(target=keep_renewing, name=f"lease {name}", daemon=True)
    renewer.start()
    try:
        yield True
    finally:
        stop.set()
        renewer.join()
        release(name, holder)
