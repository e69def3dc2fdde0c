"""Fault injection for tests and demos: make the next N matching requests fail."""

from django.db import transaction
from django.db.models import F

from sandbox.models import Fault


def inject(
    kind: str, count: int = 1, *, path_contains: str = "", method: str = "", retry_after: int = 1
) -> Fault:
    return Fault.objects.create(
        kind=kind,
        remaining=count,
        path_contains=path_contains,
        method=method.upper(),
        retry_after=retry_after,
    )


def clear() -> None:
    Fault.objects.all().delete()


def take(method: str, path: str) -> Fault | None:
    """Consume one pending fault that matches this request, or None. Safe under concurrency:
    a conditional UPDATE claims it."""
    candidates = Fault.objects.filter(remaining__gt=0).order_by("id")
    for fault in candidates:
        if fault.path_contains and fault.path_contains not in path:
            continue
        if fault.method and fault.method != method.upper():
            continue
        with transaction.atomic():
            claimed = Fault.objects.filter(pk=fault.pk, remaining__gt=0).update(
                remaining=F("remaining") - 1
            )
        if claimed:
            return fault
    return None
