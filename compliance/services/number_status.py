"""The one place a number's 10DLC assignment status is written, and how it follows Telnyx.

Three kinds of writer, one rule each:

- `set_fields`: copy an assignment record onto a number in memory (the adoption import builds
  unsaved numbers with it; every writer below ends in it).
- `save_answer`: Telnyx's answer to our own POST, PUT or DELETE (one number, or a bulk item):
  a new assignment begins, so it is taken as is, unless a webhook or a poll stored a later
  state of the same assignment while the call was in flight (the sandbox, like Telnyx, may
  deliver "assigned" before the POST's "pending" answer reaches us).
- `observe`: what a webhook, a poll or a refresh saw. Within one campaign an assignment only
  moves forward (pending → assigned or failed → being removed → removed or failed to remove,
  `RANK`), like a campaign's lifecycle: a stale or out-of-order observation never moves it
  back. An observation of another campaign (a move) or of no assignment at all is the truth.

Following: while any of an organisation's numbers is pending (being assigned or removed),
`follow_pending` polls Telnyx for them in the background, on a backoff that grows with how
long they have been pending (2 s at first, up to 5 minutes), paced at NUMBERS_BULK_RATE calls
per second, until nothing is pending. Each turn queues the next before it works and polls
under the organisation's lease, so a killed worker loses no schedule and two never poll at
once. Webhooks (10dlc.phone_number.update) usually settle a number first; the polls are the
fallback when no webhook comes.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from compliance import deferred, leases, lifecycle, presentation
from compliance.models import Campaign, PhoneNumber
from compliance.pacing import Pacer
from compliance.services.telnyx_accounts import client_for
from compliance.telnyx.client import TelnyxClient
from compliance.telnyx.errors import NotFound, RateLimited, TelnyxError

logger = logging.getLogger(__name__)

Status = lifecycle.AssignmentStatus
PENDING = tuple(sorted(lifecycle.ASSIGNMENT_PENDING))
FIELDS = [
    "telnyx_campaign_id",
    "campaign",
    "assignment_status",
    "failure_reasons",
    "assignment_updated_at",
]
# How far an assignment to one campaign has come ("" = no assignment: removed).
RANK = {
    Status.PENDING_ASSIGNMENT: 0,
    Status.ASSIGNED: 1,
    Status.FAILED_ASSIGNMENT: 1,
    Status.PENDING_UNASSIGNMENT: 2,
    Status.FAILED_UNASSIGNMENT: 3,
    "": 3,
}
UNASSIGNING = (Status.PENDING_UNASSIGNMENT, Status.FAILED_UNASSIGNMENT)
FOLLOW_TASK = "follow_pending_numbers_task"
FIRST_POLL_SECONDS = 2.0
MAX_POLL_SECONDS = 300.0
GIVE_UP_AFTER = timedelta(days=1)  # reconciliation's sync takes over from there
ONE_BY_ONE = 20  # up to this many pending numbers of a campaign are read one by one


@dataclass(frozen=True)
class Seen:
    """An assignment as a webhook's payload reports it (the same attributes as the client's
    PhoneNumberCampaign record)."""

    campaign_id: str
    assignment_status: str
    failure_reasons: str = ""


def _status_of(record) -> str:
    return (getattr(record, "assignment_status", "") or "") if record is not None else ""


def _campaign_of(record) -> str:
    return (getattr(record, "campaign_id", "") or "") if record is not None else ""


def set_fields(number: PhoneNumber, record, campaigns: dict[str, Campaign]) -> None:
    """Copy the record (None: no assignment) onto the number, in memory."""
    if record is None:
        number.clear_assignment()
    else:
        number.telnyx_campaign_id = record.campaign_id
        number.campaign = campaigns.get(record.campaign_id)
        number.assignment_status = record.assignment_status or ""
        number.failure_reasons = record.failure_reasons or ""
    number.assignment_updated_at = timezone.now()


def is_stale(number: PhoneNumber, record) -> bool:
    """Whether the record is behind what the number already shows: same campaign, less far."""
    if record is None:
        return False  # no assignment at Telnyx: the truth, whatever we showed
    if not number.assignment_status or _campaign_of(record) != number.telnyx_campaign_id:
        return False
    return RANK.get(_status_of(record), 0) < RANK.get(number.assignment_status, 0)


def observe(number: PhoneNumber, record, campaigns: dict[str, Campaign]) -> bool:
    """Apply what a webhook, poll or refresh saw, in memory, unless it is stale; whether the
    number changed."""
    if is_stale(number, record):
        return False
    before = (number.telnyx_campaign_id, number.assignment_status, number.failure_reasons)
    set_fields(number, record, campaigns)
    return before != (number.telnyx_campaign_id, number.assignment_status, number.failure_reasons)


def save_observed(number: PhoneNumber, record) -> bool:
    """`observe` on the stored row, under its lock; the number in hand follows. Whether it
    changed."""
    with transaction.atomic():
        locked = PhoneNumber.objects.select_for_update().get(pk=number.pk)
        changed = observe(locked, record, _campaigns(locked.organisation_id, [record]))
        if changed:
            locked.save(update_fields=FIELDS)
    _copy(locked, number)
    return changed


def save_answer(
    number: PhoneNumber, record, campaigns: dict[str, Campaign], *, sent_at, follow: bool = True
) -> None:
    """Store Telnyx's answer to our own call (sent at `sent_at`): a new assignment, unless an
    observation stored since then is further along the same one. `follow`: start following
    the number while it is pending (a bulk job starts once, when it finishes)."""
    with transaction.atomic():
        locked = PhoneNumber.objects.select_for_update().get(pk=number.pk)
        written_since = locked.assignment_updated_at and locked.assignment_updated_at > sent_at
        removed_since = (
            written_since and not locked.assignment_status and _status_of(record) in UNASSIGNING
        )
        if not (written_since and is_stale(locked, record)) and not removed_since:
            set_fields(locked, record, campaigns)
            locked.save(update_fields=FIELDS)
    _copy(locked, number)
    if follow and locked.assignment_status in PENDING:
        start_following(locked.organisation_id)


def _copy(source: PhoneNumber, target: PhoneNumber) -> None:
    if source is not target:
        for name in ("telnyx_campaign_id", "campaign_id", "assignment_status", "failure_reasons"):
            setattr(target, name, getattr(source, name))
        target.assignment_updated_at = source.assignment_updated_at
        if target.campaign_id is None:
            target.campaign = None


def _campaigns(organisation_id: int, records: Iterable) -> dict[str, Campaign]:
    ids = {_campaign_of(r) for r in records} - {""}
    if not ids:
        return {}
    return {
        c.campaign_id or "": c
        for c in Campaign.objects.filter(organisation_id=organisation_id, campaign_id__in=ids)
    }


# -- webhooks ---------------------------------------------------------------------------------
def apply_seen(phone_number: str, seen: Seen | None, *, client: TelnyxClient | None = None):
    """A phone-number event for `phone_number` (webhooks are global: any organisation's
    number). With the assignment status in its payload, observed as is (monotonic, so a late
    or repeated event changes nothing); without one, the number is read back from Telnyx.
    Returns the number (None when it is not one of the app's)."""
    number = PhoneNumber.objects.filter(phone_number=phone_number).first()
    if number is None:
        return None
    if seen is None:
        client = client or client_for(number.organisation_id)
        try:
            record = client.get_number_assignment(phone_number)
        except NotFound:
            record = None
        save_observed(number, record)
    else:
        save_observed(number, seen)
    if number.assignment_status in PENDING:
        start_following(number.organisation_id)
    return number


# -- following what is pending -----------------------------------------------------------------
def start_following(organisation_id: int) -> None:
    """Make sure a poll of the organisation's pending numbers comes soon (a backend that runs
    tasks at once, as in tests, does nothing here: the turn is called directly)."""
    if not deferred.waiting(FOLLOW_TASK, organisation_id, within=FIRST_POLL_SECONDS):
        deferred.schedule_later(FOLLOW_TASK, organisation_id, delay=FIRST_POLL_SECONDS)


def follow_all_pending() -> int:
    """Reconciliation's safety net: make sure every organisation with pending assignments has
    a poll coming (a chain lost with its queue, or one that gave up after a day). Returns how
    many organisations have pending numbers."""
    organisations = list(
        PhoneNumber.objects.filter(assignment_status__in=PENDING)
        .values_list("organisation_id", flat=True)
        .distinct()
        .order_by()
    )
    for organisation_id in organisations:
        start_following(organisation_id)
    return len(organisations)


def next_poll_in(newest_pending_age: timedelta) -> float:
    """Seconds until the next poll: half the age of the newest pending change, 2 s to 5 min."""
    return min(MAX_POLL_SECONDS, max(FIRST_POLL_SECONDS, newest_pending_age.total_seconds() / 2))


def pending_numbers(organisation_id: int):
    return PhoneNumber.objects.filter(
        organisation_id=organisation_id, assignment_status__in=PENDING
    )


def follow_pending(
    organisation_id: int, *, client: TelnyxClient | None = None, pacer: Pacer | None = None
) -> int:
    """One turn: queue the next turn (when anything is pending and it has not been pending
    for a day), then poll under the organisation's lease. Returns how many numbers are
    still pending after it."""
    ages = pending_numbers(organisation_id).aggregate(
        newest=Max("assignment_updated_at"), oldest=Min("assignment_updated_at")
    )
    if ages["newest"] is None:
        return 0
    now = timezone.now()
    if now - ages["oldest"] < GIVE_UP_AFTER:
        delay = next_poll_in(now - ages["newest"])
        if not deferred.waiting(FOLLOW_TASK, organisation_id, within=delay):
            deferred.schedule_later(FOLLOW_TASK, organisation_id, delay=delay)
    lease = f"numbers-follow:{organisation_id}"
    with leases.held(lease, float(settings.NUMBERS_PROFILE_LEASE_SECONDS)) as ours:
        if ours:
            poll_pending(organisation_id, client=client, pacer=pacer)
    return pending_numbers(organisation_id).count()


def poll_pending(
    organisation_id: int, *, client: TelnyxClient | None = None, pacer: Pacer | None = None
) -> int:
    """Read the pending numbers back from Telnyx: one by one when a campaign has a few, by the
    campaign's assignment list when it has many. Stops at a 429 (the next turn goes on).
    Returns how many numbers changed."""
    client = client or client_for(organisation_id)
    pacer = pacer or Pacer.per_second(settings.NUMBERS_BULK_RATE)
    by_campaign = (
        pending_numbers(organisation_id)
        .values("telnyx_campaign_id")
        .annotate(count=Count("id"))
        .order_by("telnyx_campaign_id")
    )
    changed = 0
    try:
        for row in by_campaign:
            campaign_id = row["telnyx_campaign_id"]
            if row["count"] <= ONE_BY_ONE:
                for number in pending_numbers(organisation_id).filter(
                    telnyx_campaign_id=campaign_id
                ):
                    pacer.wait()
                    try:
                        record = client.get_number_assignment(number.phone_number)
                    except NotFound:
                        record = None
                    changed += save_observed(number, record)
            else:
                pacer.wait()
                changed += observe_campaign(organisation_id, client, campaign_id)
    except RateLimited as exc:
        logger.info("numbers follow-up of organisation %s paused: %s", organisation_id, exc)
    except TelnyxError as exc:
        logger.warning("numbers follow-up of organisation %s failed: %s", organisation_id, exc)
    return changed


def observe_campaign(organisation_id: int, client: TelnyxClient, campaign_id: str) -> int:
    """Read one campaign's assignment list and observe it on the organisation's numbers that
    are on it here or there; how many changed."""
    records = {
        r.phone_number: r
        for r in client.all_phone_number_campaigns(
            records_per_page=500, telnyx_campaign_id=campaign_id
        )
    }
    return observe_records(
        PhoneNumber.objects.filter(organisation_id=organisation_id).filter(
            Q(phone_number__in=records) | Q(telnyx_campaign_id=campaign_id)
        ),
        records,
        organisation_id,
    )


def observe_records(numbers, records: dict, organisation_id: int) -> int:
    """Observe `records` (by phone number; a number missing from it has no assignment) on the
    numbers, saved in batches; how many changed."""
    campaigns = _campaigns(organisation_id, records.values())
    changed = [n for n in numbers if observe(n, records.get(n.phone_number), campaigns)]
    PhoneNumber.objects.bulk_update(changed, FIELDS, batch_size=500)
    return len(changed)


# -- what the screens count ---------------------------------------------------------------------
STATUS_ORDER = [
    Status.ASSIGNED,
    Status.PENDING_ASSIGNMENT,
    Status.PENDING_UNASSIGNMENT,
    Status.FAILED_ASSIGNMENT,
    Status.FAILED_UNASSIGNMENT,
    "",
]


@dataclass(frozen=True)
class StatusCount:
    status: str
    count: int

    @property
    def label(self) -> str:
        return presentation.assignment_status(self.status).label

    @property
    def badge(self) -> str:
        return presentation.assignment_status(self.status).badge


def counts_by_status(numbers) -> list[StatusCount]:
    """How many of `numbers` have each status (one query); the counts add up to all of them."""
    found = dict(numbers.order_by().values_list("assignment_status").annotate(count=Count("id")))
    return [
        StatusCount(str(status), found.get(str(status), 0))
        for status in STATUS_ORDER
        if found.get(str(status), 0)
    ]


def status_key(counts: list[StatusCount]) -> str:
    """What a screen showed, compact: a poll that finds it changed reloads the screen."""
    return ",".join(f"{c.status or 'NONE'}={c.count}" for c in counts)


def any_pending(counts: list[StatusCount]) -> bool:
    return any(c.status in PENDING for c in counts)
