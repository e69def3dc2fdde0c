"""One protocol for everything sent to Telnyx that costs money or creates state.

    reserve → send → record the outcome → (Telnyx did not answer) schedule a retry

1. `reserve` moves the object from DRAFT/FAILED to PENDING under a row lock, recording the
   attempt *before* any call: a second click, a second tab or a second process finds it
   PENDING and sends nothing.
2. `send` makes the area's call and sorts the result: sent (Telnyx answered), unanswered
   (timeout, 5xx, 429: it may or may not have reached Telnyx) or refused (Telnyx said no).
3. `keep_pending` records that Telnyx did not answer and schedules the area's retry task with
   backoff; `claim_retry` lets exactly one worker take that retry (a conditional UPDATE on the
   attempt counter), which then *looks for the object at Telnyx first* (the area's
   find-after-timeout call) and only then sends again. `exhausted` tells when to stop.
4. `heal_stale` (run by reconciliation) retries submissions left pending with no retry coming
   (the sending process was killed between recording the attempt and scheduling a retry).
5. `refuse` records Telnyx's refusal (FAILED: the user fixes it and submits again); the area
   records success itself (its response fields differ).

Each area (services/brands.py, services/campaigns.py) keeps only its request body, its
find-after-timeout lookup and what it stores from Telnyx's answer. Appeals (services/review.py)
are one call with no retry: they use `send` and the same plain words.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from compliance import deferred
from compliance.models import SubmissionState, Submittable
from compliance.services import members
from compliance.telnyx.errors import RateLimited, TelnyxError, Unavailable

RETRY_BASE_SECONDS = 30
RETRY_MAX_SECONDS = 600
# A submission pending longer than this has no retry coming (the process that sent it died
# before it could schedule one, or its automatic retries ran out): reconciliation retries it.
STALE_AFTER = timedelta(minutes=15)
OPEN_STATES = (SubmissionState.DRAFT, SubmissionState.FAILED)


@dataclass(frozen=True)
class Sent[R]:
    """What one call to Telnyx came to: `answer` when it answered, else the error."""

    answer: R | None = None
    unanswered: TelnyxError | None = None  # timeout, 5xx, 429: may or may not have arrived
    refused: TelnyxError | None = None  # Telnyx said no (4xx)


def reserve[M: Submittable](
    queryset: models.QuerySet[M],
    check: Callable[[M], None] = lambda obj: None,
    *,
    confirmed_by: Any = None,
) -> tuple[M, bool]:
    """Lock the one object of `queryset` and, when it is open (a draft or a refused
    submission), run `check` (which raises the area's refusal) and move it to PENDING with the
    attempt recorded, and who confirmed its cost (`confirmed_by`, a user or None) for the fee
    ledger and the audit trail. (object, True) when this call reserved it; (object, False)
    when it was already in flight or submitted, so the caller sends nothing."""
    with transaction.atomic():
        obj = queryset.select_for_update().get()
        if obj.submission_state not in OPEN_STATES:
            return obj, False
        check(obj)
        obj.submission_state = SubmissionState.PENDING
        obj.submission_attempted_at = timezone.now()
        obj.submission_attempts = 1
        obj.submission_error = ""
        obj.cost_confirmed_by = confirmed_by
        obj.save()
        if confirmed_by is not None:
            members.record_confirmation(obj, confirmed_by)
    return obj, True


def send[R](call: Callable[[], R]) -> Sent[R]:
    """Make the call; sort Telnyx's errors into unanswered (safe to look and retry) and
    refused."""
    try:
        return Sent(answer=call())
    except (Unavailable, RateLimited) as exc:
        return Sent(unanswered=exc)
    except TelnyxError as exc:
        return Sent(refused=exc)


def retry_delay(attempts: int, exc: TelnyxError | None = None) -> float:
    """Exponential backoff from the attempt count, never sooner than Telnyx's Retry-After."""
    delay = min(RETRY_MAX_SECONDS, RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0))
    retry_after = getattr(exc, "retry_after", None)
    return max(delay, retry_after) if retry_after else delay


def keep_pending(obj: Submittable, exc: TelnyxError, *, retry_task: str, message: str) -> None:
    """Telnyx did not answer: say so, and schedule the area's retry task."""
    type(obj)._default_manager.filter(pk=obj.pk).update(submission_error=message)
    obj.submission_error = message
    delay = retry_delay(obj.submission_attempts, exc)
    deferred.schedule(retry_task, obj.pk, delay=delay)


def claim_retry[M: Submittable](model: type[M], pk: int) -> M | None:
    """Take the next attempt of a pending submission: exactly one worker gets it (the attempt
    counter moves only if nobody moved it since we read it). None when it is not pending or
    another worker took it."""
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None or obj.submission_state != SubmissionState.PENDING:
        return None
    claimed = model._default_manager.filter(
        pk=pk,
        submission_state=SubmissionState.PENDING,
        submission_attempts=obj.submission_attempts,
    ).update(submission_attempts=F("submission_attempts") + 1)
    if not claimed:
        return None
    obj.refresh_from_db()
    return obj


def exhausted(obj: Submittable, max_attempts: int) -> bool:
    return obj.submission_attempts > max_attempts


def refuse(obj: Submittable, message: str, **fields: Any) -> None:
    """Telnyx refused it: FAILED with the reason, so the user can fix it and submit again."""
    values = {"submission_state": SubmissionState.FAILED, "submission_error": message} | fields
    type(obj)._default_manager.filter(pk=obj.pk).update(**values)
    for name, value in values.items():
        setattr(obj, name, value)


def heal_stale(model: type[Submittable], retry_task: str) -> list[int]:
    """Schedule a retry of every submission of `model` pending for longer than STALE_AFTER;
    the retry claims it (one worker), looks for it at Telnyx first and sends only if it is not
    there, so a submission never stays "pending" for ever and is never created twice."""
    cutoff = timezone.now() - STALE_AFTER
    stale = list(
        model._default_manager.filter(
            submission_state=SubmissionState.PENDING, submission_attempted_at__lt=cutoff
        ).values_list("pk", flat=True)
    )
    for pk in stale:
        deferred.schedule(retry_task, pk)
    return stale
