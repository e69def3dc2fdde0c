"""Use cases of messaging profiles, numbers and their 10DLC campaign assignments.

Ownership: a messaging profile belongs to the organisation that created it here (or claimed
it, e.g. the demo data); the numbers on an organisation's profiles are that organisation's.
`sync_organisation` copies profiles, numbers and assignments from Telnyx into local tables,
which the screens read.

Assignment: one number (POST), move (PUT), unassign (DELETE); only to a campaign that can
carry traffic (compliance.lifecycle.CAN_CARRY_TRAFFIC); a Sole Proprietor campaign takes one
number. Bulk: a background job whose items are claimed one by one with a conditional UPDATE,
each claim a lease (settings.NUMBERS_BULK_LEASE_SECONDS, renewed as the job goes) so that a
job whose worker died is taken up again by another, which reads the numbers that were in
flight back at Telnyx before sending them again. The Telnyx calls run on a small thread pool
(settings.NUMBERS_BULK_CONCURRENCY), their starts paced at settings.NUMBERS_BULK_RATE per
second when it is set, while the database work stays on the job's thread. A 429 means "not
processed", so the item is retried after Retry-After (and the whole job pauses); an unclear
5xx or timeout is read back with GET before any retry, so a number is never assigned twice.
"""

import csv
import logging
import time
import uuid
from collections import deque
from collections.abc import Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import timedelta

import phonenumbers
from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from compliance import deferred, errors, leases, lifecycle
from compliance.http import telnyx_webhook_url
from compliance.models import (
    Brand,
    BulkAssignment,
    BulkAssignmentItem,
    Campaign,
    MessagingProfile,
    Organisation,
    PhoneNumber,
    ProfileAssignmentNumber,
    ProfileAssignmentTask,
)
from compliance.pacing import Pacer
from compliance.services import number_status
from compliance.services.telnyx_accounts import client_for
from compliance.telnyx.client import TelnyxClient
from compliance.telnyx.errors import (
    NotFound,
    RateLimited,
    TelnyxError,
    Unavailable,
    ValidationFailed,
)
from compliance.telnyx.schemas.numbers import PhoneNumberCampaign

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5  # per bulk item; a 429 does not count (nothing was processed)
PROFILE_POLL_SECONDS = 2.0
PROFILE_MAX_POLLS = 900
LIVE_ASSIGNMENT = (
    lifecycle.AssignmentStatus.PENDING_ASSIGNMENT,
    lifecycle.AssignmentStatus.ASSIGNED,
)


class NumberError(errors.Refusal):
    """A refusal to show the user, in plain words. `offer_move`: the number is assigned to
    another campaign, so the screen offers to move it instead."""

    def __init__(self, message: str, *, field: str = "", offer_move: bool = False):
        super().__init__(message, {field: [message]} if field else None)
        self.field = field
        self.offer_move = offer_move


def normalise_e164(value: str) -> str:
    """+13125550001 from what the user typed (US by default); NumberError when it is not a
    phone number."""
    text = (value or "").strip()
    try:
        parsed = phonenumbers.parse(text, "US")
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        raise NumberError(
            f"{text or 'That'} is not a valid phone number; write it as +13125550001.",
            field="phone_number",
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


# -- campaigns ---------------------------------------------------------------------------------
def can_carry_traffic(campaign: Campaign) -> bool:
    return bool(campaign.campaign_id) and campaign.campaign_status in lifecycle.CAN_CARRY_TRAFFIC


def is_sole_proprietor(campaign: Campaign) -> bool:
    return (
        campaign.usecase == "SOLE_PROPRIETOR"
        or campaign.brand.entity_type == Brand.EntityType.SOLE_PROPRIETOR
    )


def assignable_campaigns(organisation: Organisation) -> QuerySet[Campaign]:
    return (
        Campaign.objects.for_organisation(organisation)
        .filter(campaign_id__isnull=False, campaign_status__in=lifecycle.CAN_CARRY_TRAFFIC)
        .select_related("brand")
    )


def _check_campaign(campaign: Campaign, *, adding: int = 1, except_number=None) -> None:
    if not can_carry_traffic(campaign):
        status = campaign.campaign_status or "not submitted"
        raise NumberError(
            f"This campaign cannot carry traffic yet ({status}); numbers can be assigned "
            "once the carriers have provisioned it.",
            field="campaign",
        )
    if is_sole_proprietor(campaign):
        taken = PhoneNumber.objects.filter(
            telnyx_campaign_id=campaign.campaign_id, assignment_status__in=LIVE_ASSIGNMENT
        )
        if except_number is not None:
            taken = taken.exclude(pk=except_number.pk)
        if taken.count() + adding > 1:
            raise NumberError(
                "A Sole Proprietor campaign can have only one phone number.", field="campaign"
            )


def _campaigns_by_id(organisation: Organisation, ids: Iterable[str]) -> dict[str, Campaign]:
    ids = {i for i in ids if i}
    if not ids:
        return {}
    return {
        c.campaign_id: c
        for c in Campaign.objects.for_organisation(organisation).filter(campaign_id__in=ids)
    }


def _apply_record(
    number: PhoneNumber, record: PhoneNumberCampaign | None, campaigns: dict[str, Campaign]
) -> None:
    number_status.set_fields(number, record, campaigns)  # the one writer of a status


ASSIGNMENT_FIELDS = number_status.FIELDS


# -- profiles and sync -------------------------------------------------------------------------
def create_profile(
    organisation: Organisation,
    *,
    name: str,
    whitelisted_destinations: list[str],
    client: TelnyxClient | None = None,
) -> MessagingProfile:
    """Create the profile at Telnyx (its webhooks come to this app) and record it as ours."""
    client = client or client_for(organisation)
    try:
        created = client.create_messaging_profile(
            name=name,
            whitelisted_destinations=whitelisted_destinations,
            webhook_url=telnyx_webhook_url(organisation),
        )
    except TelnyxError as exc:
        raise NumberError(
            errors.plain_words(exc, "create the messaging profile", thing="number")
        ) from exc
    return MessagingProfile.objects.create(
        organisation=organisation,
        telnyx_id=created.id or "",
        name=created.name or name,
        whitelisted_destinations=created.whitelisted_destinations or whitelisted_destinations,
        webhook_url=created.webhook_url or "",
        enabled=created.enabled is not False,
        telnyx_response=created.model_dump(mode="json", by_alias=True),
    )


def claim_profile(organisation: Organisation, telnyx_id: str, name: str) -> MessagingProfile:
    """Record an existing Telnyx profile as the organisation's (demo data, onboarding).
    Idempotent; a profile another organisation owns is refused."""
    profile, _ = MessagingProfile.objects.get_or_create(
        telnyx_id=telnyx_id, defaults={"organisation": organisation, "name": name}
    )
    if profile.organisation_id != organisation.pk:
        raise NumberError("This messaging profile belongs to another organisation.")
    return profile


@dataclass
class SyncResult:
    profiles: int = 0
    numbers: int = 0
    assignments: int = 0


def _existing_numbers(phone_numbers: list[str]) -> dict[str, PhoneNumber]:
    found: dict = {}
    for start in range(0, len(phone_numbers), 900):
        chunk = phone_numbers[start : start + 900]
        found |= {n.phone_number: n for n in PhoneNumber.objects.filter(phone_number__in=chunk)}
    return found


@transaction.atomic
def _store_profile_numbers(profile: MessagingProfile, remote: list) -> int:
    now = timezone.now()
    organisation = profile.organisation
    remote = [item for item in remote if item.phone_number]
    existing = _existing_numbers([item.phone_number for item in remote])
    new: list = []
    changed: list = []
    for item in remote:
        number = existing.get(item.phone_number) or PhoneNumber(phone_number=item.phone_number)
        if number.pk and number.organisation_id != organisation.pk:
            number.clear_assignment()  # moved here from another organisation's profile
        number.organisation = organisation
        number.profile = profile
        number.telnyx_id = item.id or ""
        number.number_type = item.type or ""
        number.last_synced_at = now
        (changed if number.pk else new).append(number)
    PhoneNumber.objects.bulk_create(new, batch_size=500)
    PhoneNumber.objects.bulk_update(
        changed,
        [
            "organisation",
            "profile",
            "telnyx_id",
            "number_type",
            "last_synced_at",
            *ASSIGNMENT_FIELDS,
        ],
        batch_size=500,
    )
    # Numbers that left the profile at Telnyx are no longer this profile's.
    seen = {item.phone_number for item in remote}
    PhoneNumber.objects.filter(profile=profile).exclude(phone_number__in=seen).update(profile=None)
    return len(seen)


def refresh_assignments(
    organisation: Organisation, client: TelnyxClient, *, campaign_id: str | None = None
) -> int:
    """Read the account's number↔campaign assignments (of one campaign, or all) and apply the
    ones of the organisation's numbers. Returns how many of ours are assigned."""
    filters = {"telnyx_campaign_id": campaign_id} if campaign_id else {}
    records = {
        r.phone_number: r
        for r in client.all_phone_number_campaigns(records_per_page=500, **filters)
    }
    numbers = PhoneNumber.objects.for_organisation(organisation)
    if campaign_id:
        numbers = numbers.filter(Q(phone_number__in=records) | Q(telnyx_campaign_id=campaign_id))
    number_status.observe_records(numbers, records, organisation.pk)
    return numbers.exclude(assignment_status="").count()


def _telnyx_id(campaign: Campaign) -> str:
    """A submitted campaign's Telnyx id (numbers are only ever assigned to live campaigns)."""
    if not campaign.campaign_id:
        raise NumberError("This campaign has not been created at Telnyx yet.")
    return campaign.campaign_id


def request_sync(organisation: Organisation) -> None:
    """Read the organisation's profiles and numbers from Telnyx in the background."""
    deferred.schedule("sync_organisation_task", organisation.pk)


def sync_organisation(organisation: Organisation, client: TelnyxClient | None = None) -> SyncResult:
    """Copy the organisation's profiles, their numbers and the numbers' assignments from
    Telnyx. A profile deleted at Telnyx loses its numbers here."""
    client = client or client_for(organisation)
    result = SyncResult()
    for profile in MessagingProfile.objects.for_organisation(organisation).select_related(
        "organisation"
    ):
        try:
            remote = client.get_messaging_profile(profile.telnyx_id)
        except NotFound:
            PhoneNumber.objects.filter(profile=profile).update(profile=None)
            profile.enabled = False
            profile.save(update_fields=["enabled"])
            continue
        profile.name = remote.name or profile.name
        profile.whitelisted_destinations = remote.whitelisted_destinations or []
        profile.webhook_url = remote.webhook_url or ""
        profile.enabled = remote.enabled is not False
        profile.telnyx_response = remote.model_dump(mode="json", by_alias=True)
        profile.last_synced_at = timezone.now()
        profile.save()
        result.profiles += 1
        result.numbers += _store_profile_numbers(
            profile, list(client.all_profile_phone_numbers(profile.telnyx_id))
        )
    result.assignments = refresh_assignments(organisation, client)
    return result


# -- one number --------------------------------------------------------------------------------
def find_number(organisation: Organisation, value: str) -> PhoneNumber:
    """The organisation's number typed by the user; NumberError when it is not a phone
    number, or not one of ours (another organisation's number looks exactly like none)."""
    e164 = normalise_e164(value)
    number = PhoneNumber.objects.for_organisation(organisation).filter(phone_number=e164).first()
    if number is None:
        raise NumberError(f"{e164} is not one of your numbers.", field="phone_number")
    return number


def _save_assignment(
    number: PhoneNumber, record: PhoneNumberCampaign | None, *, sent_at=None
) -> PhoneNumber:
    """Telnyx's answer to our call sent at `sent_at` (number_status.save_answer), or, without
    it, what a read-back saw (number_status.save_observed)."""
    if sent_at is None:
        number_status.save_observed(number, record)
        if number.assignment_status in number_status.PENDING:
            number_status.start_following(number.organisation_id)
    else:
        campaigns = _campaigns_by_id(number.organisation, [getattr(record, "campaign_id", "")])
        number_status.save_answer(number, record, campaigns, sent_at=sent_at)
    return number


def _read_back(client: TelnyxClient, phone_number: str) -> PhoneNumberCampaign | None:
    try:
        return client.get_number_assignment(phone_number)
    except NotFound:
        return None


def assign_number(
    number: PhoneNumber, campaign: Campaign, client: TelnyxClient | None = None
) -> PhoneNumber:
    """POST the assignment. A number already on another campaign is refused with a move
    offer; an unclear failure is read back before it is reported."""
    if number.is_assigned and number.telnyx_campaign_id != campaign.campaign_id:
        raise NumberError(
            f"{number} is already assigned to another campaign; move it instead.",
            offer_move=True,
        )
    _check_campaign(campaign, except_number=number)
    client = client or client_for(number.organisation_id)
    sent_at = timezone.now()
    try:
        record = client.assign_number(number.phone_number, _telnyx_id(campaign))
    except ValidationFailed as exc:
        current = _read_back(client, number.phone_number)
        if current is not None and current.campaign_id != campaign.campaign_id:
            _save_assignment(number, current)
            raise NumberError(
                f"{number} is already assigned to another campaign; move it instead.",
                offer_move=True,
            ) from exc
        if current is None or current.assignment_status == "FAILED_ASSIGNMENT":
            raise NumberError(errors.plain_words(exc, "assign the number", thing="number")) from exc
        record = current  # an earlier attempt had assigned it already
    except Unavailable as exc:
        found = _read_back(client, number.phone_number)
        if found is None or found.campaign_id != campaign.campaign_id:
            raise NumberError(errors.plain_words(exc, "assign the number", thing="number")) from exc
        record = found
    except TelnyxError as exc:
        raise NumberError(errors.plain_words(exc, "assign the number", thing="number")) from exc
    return _save_assignment(number, record, sent_at=sent_at)


def move_number(
    number: PhoneNumber, campaign: Campaign, client: TelnyxClient | None = None
) -> PhoneNumber:
    """PUT: move an assigned number to another campaign."""
    if not number.is_assigned:
        raise NumberError(f"{number} is not assigned to a campaign; assign it instead.")
    if number.telnyx_campaign_id == campaign.campaign_id:
        raise NumberError(f"{number} is already assigned to this campaign.")
    _check_campaign(campaign, except_number=number)
    client = client or client_for(number.organisation_id)
    sent_at = timezone.now()
    try:
        record = client.move_number(number.phone_number, _telnyx_id(campaign))
    except TelnyxError as exc:
        outcome = (
            attempt_move(client, number.phone_number, _telnyx_id(campaign), read_back_first=True)
            if isinstance(exc, Unavailable)
            else None
        )
        if outcome is not None and outcome.kind == "done":
            return _save_assignment(number, outcome.record, sent_at=sent_at)
        raise NumberError(errors.plain_words(exc, "move the number", thing="number")) from exc
    return _save_assignment(number, record, sent_at=sent_at)


def unassign_number(number: PhoneNumber, client: TelnyxClient | None = None) -> PhoneNumber:
    """DELETE the assignment (Telnyx answers PENDING_UNASSIGNMENT, then removes it)."""
    if not number.assignment_status:
        raise NumberError(f"{number} is not assigned to a campaign.")
    client = client or client_for(number.organisation_id)
    sent_at = timezone.now()
    try:
        record = client.unassign_number(number.phone_number)
    except NotFound:
        record = None  # already gone at Telnyx
    except TelnyxError as exc:
        raise NumberError(errors.plain_words(exc, "unassign the number", thing="number")) from exc
    return _save_assignment(number, record, sent_at=sent_at)


def refresh_number(number: PhoneNumber, client: TelnyxClient | None = None) -> PhoneNumber:
    client = client or client_for(number.organisation_id)
    try:
        record = _read_back(client, number.phone_number)
    except TelnyxError as exc:
        raise NumberError(
            errors.plain_words(exc, "read the number back from Telnyx", thing="number")
        ) from exc
    return _save_assignment(number, record)


# -- bulk --------------------------------------------------------------------------------------
Kind = BulkAssignment.Kind

VERBS = {
    Kind.ASSIGN: "assign the number",
    Kind.MOVE: "move the number",
    Kind.UNASSIGN: "unassign the number",
    Kind.IMPORT: "assign the number",
}


def move_choices(
    organisation: Organisation, number: PhoneNumber | None = None
) -> QuerySet[Campaign]:
    """Where numbers may move: the organisation's live campaigns (they can carry traffic),
    but the number's own, on a compatible brand: a Sole Proprietor campaign takes one number,
    so one that has its number already is no choice."""
    campaigns = assignable_campaigns(organisation)
    full = PhoneNumber.objects.filter(
        telnyx_campaign_id__in=[c.campaign_id for c in campaigns if is_sole_proprietor(c)],
        assignment_status__in=LIVE_ASSIGNMENT,
    ).values_list("telnyx_campaign_id", flat=True)
    if number is not None and number.telnyx_campaign_id:
        campaigns = campaigns.exclude(campaign_id=number.telnyx_campaign_id)
    return campaigns.exclude(campaign_id__in=list(full))


def campaign_names(organisation: Organisation) -> dict[str, str]:
    """The organisation's campaigns by Telnyx id, named in words (where a number was)."""
    return {
        c.campaign_id: str(c)
        for c in Campaign.objects.for_organisation(organisation)
        .exclude(campaign_id=None)
        .select_related("brand")
    }


def _changes(kind: str, numbers: list[PhoneNumber], campaign: Campaign | None) -> list:
    """The numbers a job of this kind would change (the others are counted as skipped)."""
    if kind == Kind.MOVE:
        target = campaign.campaign_id if campaign is not None else None
        return [n for n in numbers if n.is_assigned and n.telnyx_campaign_id != target]
    if kind == Kind.UNASSIGN:
        return [n for n in numbers if n.assignment_status]
    return numbers


def draft_bulk_job(
    organisation: Organisation,
    user,
    kind: str,
    numbers: QuerySet[PhoneNumber],
    campaign: Campaign | None = None,
) -> BulkAssignment:
    """Record a draft job (assign, move or unassign) and its items: one per number that the
    job would change. Nothing is sent until `confirm_bulk_job`."""
    chosen = list(numbers.filter(organisation=organisation).order_by("phone_number", "id"))
    if not chosen:
        raise NumberError("Select at least one number.")
    if kind in (Kind.ASSIGN, Kind.MOVE) and campaign is None:
        raise NumberError("Choose a campaign.", field="campaign")
    changing = _changes(kind, chosen, campaign)
    if not changing:
        raise NumberError(
            "None of the selected numbers is assigned to a campaign."
            if kind == Kind.UNASSIGN
            else "The selected numbers are all on this campaign already or not assigned."
        )
    if campaign is not None:
        _check_campaign(campaign, adding=len(changing))
    with transaction.atomic():
        job = BulkAssignment.objects.create(
            organisation=organisation,
            kind=kind,
            campaign=campaign,
            created_by=user,
            state=BulkAssignment.State.DRAFT,
            total=len(changing),
            skipped=len(chosen) - len(changing),
        )
        BulkAssignmentItem.objects.bulk_create(
            [
                BulkAssignmentItem(job=job, number=n, from_campaign_id=n.telnyx_campaign_id)
                for n in changing
            ],
            batch_size=500,
        )
    return job


def confirm_bulk_job(job: BulkAssignment) -> bool:
    """The user confirmed the draft: queue it (once; a second confirmation does nothing)."""
    confirmed = BulkAssignment.objects.filter(pk=job.pk, state=BulkAssignment.State.DRAFT).update(
        state=BulkAssignment.State.QUEUED, created_at=timezone.now()
    )
    if confirmed:
        deferred.schedule("run_bulk_assignment_task", job.pk, on_commit=True)
    return bool(confirmed)


def cancel_bulk_job(job: BulkAssignment) -> bool:
    """Drop a draft that was never confirmed."""
    deleted, _ = BulkAssignment.objects.filter(pk=job.pk, state=BulkAssignment.State.DRAFT).delete()
    return bool(deleted)


def start_bulk_assignment(
    organisation: Organisation, user, campaign: Campaign, numbers: QuerySet[PhoneNumber]
) -> BulkAssignment:
    """Record an assignment job and its items, then hand it to the task worker at once."""
    job = draft_bulk_job(organisation, user, Kind.ASSIGN, numbers, campaign)
    confirm_bulk_job(job)
    job.refresh_from_db()
    return job


IMPORT_MAX_ROWS = 10_000
IMPORT_COLUMNS = ("phone_number", "campaign_id")


@dataclass
class ImportRow:
    line: int
    text: str
    error: str = ""


class ImportRefused(NumberError):
    """A file with no row that would change a number: its rows' errors go with it."""

    def __init__(self, rows: list[ImportRow], skipped: int):
        super().__init__("Nothing to import: no row would change a number.", field="file")
        self.rows = rows
        self.skipped = skipped


def _import_rows(text: str) -> list[tuple[int, str, list[str]]]:
    """(line, the line as written, its cells) of a CSV whose header names phone_number and
    campaign_id (in any order, other columns ignored: the export can be edited and sent
    back)."""
    lines = text.splitlines()
    cells = list(csv.reader(lines))
    if not cells:
        raise NumberError("The file is empty.", field="file")
    header = [h.strip().lower() for h in cells[0]]
    missing = [c for c in IMPORT_COLUMNS if c not in header]
    if missing:
        raise NumberError(
            "The first line must name the columns phone_number and campaign_id.", field="file"
        )
    if len(cells) - 1 > IMPORT_MAX_ROWS:
        raise NumberError(
            f"A file can have at most {IMPORT_MAX_ROWS:,} rows; split it.", field="file"
        )
    width = len(header)
    at = [header.index(c) for c in IMPORT_COLUMNS]
    rows: list[tuple[int, str, list[str]]] = []
    for line, row in enumerate(cells[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        text_line = lines[line - 1] if line - 1 < len(lines) else ",".join(row)
        if len(row) != width:
            rows.append((line, text_line, []))
        else:
            rows.append((line, text_line, [row[i].strip().lstrip("'") for i in at]))
    return rows


def draft_import_job(organisation: Organisation, user, text: str) -> BulkAssignment:
    """A CSV of phone_number,campaign_id as one draft job: each good row an item (a number on
    no campaign is assigned, one on another campaign moved), each bad row an error with its
    line (malformed line, not a phone number, unknown number, campaign unknown or not live,
    a number listed twice); rows that change nothing are counted as skipped. Nothing is sent
    until the job is confirmed."""
    rows = _import_rows(text)
    ours = {
        n.phone_number: n
        for n in PhoneNumber.objects.for_organisation(organisation).only(
            "id", "phone_number", "telnyx_campaign_id", "assignment_status"
        )
    }
    campaigns = {
        c.campaign_id: c
        for c in Campaign.objects.for_organisation(organisation)
        .exclude(campaign_id=None)
        .select_related("brand")
    }
    problems: list[ImportRow] = []
    items: list[BulkAssignmentItem] = []
    seen: set[str] = set()
    skipped = 0
    per_campaign: dict[str, int] = {}
    for line, written, cells in rows:
        if not cells or not all(cells):
            problems.append(
                ImportRow(line, written, "Malformed line: give a phone number and a campaign id.")
            )
            continue
        value, campaign_id = cells
        try:
            e164 = normalise_e164(value)
        except NumberError as exc:
            problems.append(ImportRow(line, written, exc.message))
            continue
        number = ours.get(e164)
        campaign = campaigns.get(campaign_id)
        if number is None or campaign is None or e164 in seen or not can_carry_traffic(campaign):
            if number is None:
                error = f"{e164} is not one of your numbers."
            elif e164 in seen:
                error = f"{e164} is listed twice; only its first line is used."
            elif campaign is None:
                error = f"No campaign of yours has the id {campaign_id}."
            else:
                error = f"{campaign} is not live, so it cannot take numbers yet."
            problems.append(ImportRow(line, written, error))
            continue
        seen.add(e164)
        if number.is_assigned and number.telnyx_campaign_id == campaign_id:
            skipped += 1
            continue
        per_campaign[campaign_id] = per_campaign.get(campaign_id, 0) + 1
        items.append(
            BulkAssignmentItem(
                number=number,
                campaign=campaign,
                from_campaign_id=number.telnyx_campaign_id if number.is_assigned else "",
            )
        )
    for campaign_id, adding in per_campaign.items():
        _check_campaign(campaigns[campaign_id], adding=adding)
    if not items:
        raise ImportRefused(problems, skipped)
    with transaction.atomic():
        job = BulkAssignment.objects.create(
            organisation=organisation,
            kind=Kind.IMPORT,
            created_by=user,
            state=BulkAssignment.State.DRAFT,
            total=len(items),
            skipped=skipped,
            row_errors=[vars(p) for p in problems],
        )
        for item in items:
            item.job = job
        BulkAssignmentItem.objects.bulk_create(items, batch_size=500)
    return job


def retry_failed_items(job: BulkAssignment) -> int:
    """Send the failed numbers again, in the background."""

    with transaction.atomic():
        count = job.items.filter(state=BulkAssignmentItem.State.FAILED).update(
            state=BulkAssignmentItem.State.PENDING, reason="", attempts=0
        )
        if count:
            BulkAssignment.objects.filter(pk=job.pk).update(
                state=BulkAssignment.State.QUEUED, finished_at=None
            )
    if count:
        deferred.schedule("run_bulk_assignment_task", job.pk, on_commit=True)
    return count


@dataclass(frozen=True)
class Outcome:
    kind: str  # done, failed, retry
    record: PhoneNumberCampaign | None = None
    reason: str = ""
    retry_after: float = 0.0
    rate_limited: bool = False  # nothing was processed: the attempt does not count
    gone: bool = False  # the number has no assignment at Telnyx (record is None)


def _rate_limited(error: TelnyxError, verb: str = "assign the number") -> Outcome:
    return Outcome(
        "retry",
        reason=errors.plain_words(error, verb, thing="number"),
        retry_after=_retry_after(error),
        rate_limited=True,
    )


def _is_rate_limit(error: TelnyxError) -> bool:
    return isinstance(error, RateLimited) or error.status == 429


def attempt_assignment(
    client: TelnyxClient, phone_number: str, campaign_id: str, *, read_back_first: bool
) -> Outcome:
    """One number's assignment, HTTP only (safe on a worker thread). `read_back_first` on a
    second attempt: an earlier one may have reached Telnyx."""
    if read_back_first:
        try:
            current = _read_back(client, phone_number)
        except TelnyxError as exc:
            if _is_rate_limit(exc):
                return _rate_limited(exc)
            return Outcome(
                "retry",
                reason=errors.plain_words(exc, "assign the number", thing="number"),
                retry_after=1.0,
            )
        if _holds(current, campaign_id):
            return Outcome("done", current)
    try:
        return Outcome("done", client.assign_number(phone_number, campaign_id))
    except RateLimited as exc:  # not processed: safe to send again
        return _rate_limited(exc)
    except ValidationFailed as exc:
        try:
            current = _read_back(client, phone_number)
        except TelnyxError:
            current = None
        if _holds(current, campaign_id):
            return Outcome("done", current)
        return Outcome(
            "failed", current, reason=errors.plain_words(exc, "assign the number", thing="number")
        )
    except Unavailable as exc:  # unclear: read back before anything else
        try:
            current = _read_back(client, phone_number)
        except TelnyxError:
            return Outcome(
                "retry",
                reason=errors.plain_words(exc, "assign the number", thing="number"),
                retry_after=1.0,
            )
        if current is not None and current.campaign_id == campaign_id:
            return Outcome("done", current)
        if current is not None:
            return Outcome("failed", current, reason="Assigned to another campaign meanwhile.")
        return Outcome(
            "retry",
            reason=errors.plain_words(exc, "assign the number", thing="number"),
            retry_after=0.5,
        )
    except TelnyxError as exc:
        return Outcome(
            "failed", reason=errors.plain_words(exc, "assign the number", thing="number")
        )


def _unclear(exc: TelnyxError, verb: str) -> Outcome:
    return Outcome("retry", reason=errors.plain_words(exc, verb, thing="number"), retry_after=1.0)


def attempt_move(
    client: TelnyxClient, phone_number: str, campaign_id: str, *, read_back_first: bool
) -> Outcome:
    """One number's move (PUT), HTTP only. PUT sets where the number is, so sending it again
    is safe; a refused move is read back, so the number is recorded where Telnyx keeps it:
    on its old campaign, never on none."""
    verb = "move the number"
    if read_back_first:
        try:
            current = _read_back(client, phone_number)
        except TelnyxError as exc:
            return _rate_limited(exc, verb) if _is_rate_limit(exc) else _unclear(exc, verb)
        if _holds(current, campaign_id):
            return Outcome("done", current)
        if current is None:
            return Outcome("failed", gone=True, reason="The number is no longer assigned.")
    try:
        return Outcome("done", client.move_number(phone_number, campaign_id))
    except RateLimited as exc:
        return _rate_limited(exc, verb)
    except NotFound:
        return Outcome("failed", gone=True, reason="The number is no longer assigned.")
    except Unavailable as exc:
        return _unclear(exc, verb)
    except TelnyxError as exc:
        try:
            current = _read_back(client, phone_number)
        except TelnyxError:
            current = None  # not recorded: the number stays as we last knew it
        if _holds(current, campaign_id):
            return Outcome("done", current)
        return Outcome("failed", current, reason=errors.plain_words(exc, verb, thing="number"))


def attempt_unassign(client: TelnyxClient, phone_number: str, *, read_back_first: bool) -> Outcome:
    """One number's unassignment (DELETE), HTTP only; a number Telnyx no longer has on a
    campaign (404) is done."""
    verb = "unassign the number"
    if read_back_first:
        try:
            current = _read_back(client, phone_number)
        except TelnyxError as exc:
            return _rate_limited(exc, verb) if _is_rate_limit(exc) else _unclear(exc, verb)
        if current is None:
            return Outcome("done", gone=True)
        if current.assignment_status == lifecycle.AssignmentStatus.PENDING_UNASSIGNMENT:
            return Outcome("done", current)
    try:
        return Outcome("done", client.unassign_number(phone_number))
    except NotFound:
        return Outcome("done", gone=True)
    except RateLimited as exc:
        return _rate_limited(exc, verb)
    except Unavailable as exc:
        return _unclear(exc, verb)
    except TelnyxError as exc:
        return Outcome("failed", reason=errors.plain_words(exc, verb, thing="number"))


def attempt_change(
    client: TelnyxClient, kind: str, item: BulkAssignmentItem, campaign_id: str
) -> Outcome:
    """One item of a job of this kind. An imported row assigns a number that is on no
    campaign and moves one that is on another."""
    phone_number, again = item.number.phone_number, item.attempts > 1
    if kind == Kind.UNASSIGN:
        return attempt_unassign(client, phone_number, read_back_first=again)
    if kind == Kind.MOVE or (kind == Kind.IMPORT and item.from_campaign_id):
        return attempt_move(client, phone_number, campaign_id, read_back_first=again)
    return attempt_assignment(client, phone_number, campaign_id, read_back_first=again)


def _holds(record: PhoneNumberCampaign | None, campaign_id: str) -> bool:
    """The number is (being) assigned to this campaign at Telnyx."""
    return (
        record is not None
        and record.campaign_id == campaign_id
        and record.assignment_status != "FAILED_ASSIGNMENT"
    )


def _retry_after(error: TelnyxError) -> float:
    retry_after = getattr(error, "retry_after", None)
    return 1.0 if retry_after is None else float(retry_after)


def _lease_seconds() -> float:
    return float(settings.NUMBERS_BULK_LEASE_SECONDS)


def _claimable(now) -> Q:
    """Items a worker may claim: waiting ones, and in-flight ones whose worker's lease ran
    out (it died; the number is read back at Telnyx before anything is sent again)."""
    State = BulkAssignmentItem.State
    expired = Q(lease_expires_at__lt=now) | Q(
        lease_expires_at__isnull=True, updated_at__lt=now - timedelta(seconds=_lease_seconds())
    )
    return Q(state=State.PENDING) | (Q(state=State.IN_FLIGHT) & expired)


def _claim_batch(job: BulkAssignment, size: int) -> list[BulkAssignmentItem]:
    """Claim up to `size` items: each with a conditional UPDATE that only one worker can win,
    leased for NUMBERS_BULK_LEASE_SECONDS. Every claim counts an attempt, so an item claimed
    again after its worker died (attempts > 1) is read back before it is sent."""
    claimed = []
    now = timezone.now()
    claimable = _claimable(now)
    candidates = (
        job.items.filter(claimable)
        .order_by("attempts", "id")  # numbers tried before go to the back of the queue
        .values_list("id", flat=True)
    )
    for item_id in candidates[: size * 2]:
        won = BulkAssignmentItem.objects.filter(claimable, pk=item_id).update(
            state=BulkAssignmentItem.State.IN_FLIGHT,
            attempts=F("attempts") + 1,
            lease_expires_at=now + timedelta(seconds=_lease_seconds()),
            updated_at=now,
        )
        if won:
            claimed.append(item_id)
        if len(claimed) == size:
            break
    return list(
        BulkAssignmentItem.objects.filter(pk__in=claimed).select_related("number", "campaign")
    )


def _still_ours(item: BulkAssignmentItem) -> QuerySet[BulkAssignmentItem]:
    """The item as long as our claim stands: its attempt count is the claim's fencing token
    (a worker that took it over after our lease ran out counted another attempt)."""
    return BulkAssignmentItem.objects.filter(
        pk=item.pk, state=BulkAssignmentItem.State.IN_FLIGHT, attempts=item.attempts
    )


def _record_outcome(
    item: BulkAssignmentItem, outcome: Outcome, campaigns: dict[str, Campaign]
) -> None:
    State = BulkAssignmentItem.State
    attempts = item.attempts
    sent_at = item.updated_at  # when it was claimed, before it was sent
    if outcome.rate_limited:
        state, reason = State.PENDING, outcome.reason
        attempts -= 1
    elif outcome.kind == "retry" and item.attempts < MAX_ATTEMPTS:
        state, reason = State.PENDING, outcome.reason
    elif outcome.kind == "done":
        state, reason = State.DONE, ""
    else:
        state = State.FAILED
        reason = outcome.reason or "Telnyx did not accept the change."
    with transaction.atomic():
        recorded = _still_ours(item).update(
            state=state,
            reason=reason,
            attempts=attempts,
            lease_expires_at=None,
            updated_at=timezone.now(),
        )
        if recorded and (outcome.record is not None or outcome.gone):
            number_status.save_answer(
                item.number, outcome.record, campaigns, sent_at=sent_at, follow=False
            )
    item.state, item.reason, item.attempts = state, reason, attempts


def _take_job(job: BulkAssignment, holder: str) -> bool:
    """Take the job's lease, unless another worker's is still running (conditional UPDATE)."""
    now = timezone.now()
    free = Q(lease_expires_at__isnull=True) | Q(lease_expires_at__lt=now) | Q(lease_holder=holder)
    return bool(
        BulkAssignment.objects.filter(free, pk=job.pk)
        .exclude(state__in=[BulkAssignment.State.FINISHED, BulkAssignment.State.DRAFT])
        .update(
            state=BulkAssignment.State.RUNNING,
            started_at=now,
            lease_holder=holder,
            lease_expires_at=now + timedelta(seconds=_lease_seconds()),
        )
    )


def _renew_leases(job: BulkAssignment, holder: str, items: Iterable[BulkAssignmentItem]) -> bool:
    """Extend the job's lease and its items' in flight; False when the job is no longer ours."""
    until = timezone.now() + timedelta(seconds=_lease_seconds())
    if not BulkAssignment.objects.filter(pk=job.pk, lease_holder=holder).update(
        lease_expires_at=until
    ):
        return False
    for item in items:
        _still_ours(item).update(lease_expires_at=until)
    return True


def _check_back(job: BulkAssignment, after: float) -> None:
    """Run the job's task again in `after` seconds: it takes the job over if its worker died
    meanwhile, and does nothing if the job finished. Enqueued before the work starts, so a
    worker killed at any moment leaves it in the queue."""
    deferred.schedule_later("run_bulk_assignment_task", job.pk, delay=max(after, 1.0))


def requeue_stalled_jobs() -> int:
    """Enqueue every unfinished job whose lease ran out (its worker died and nothing is
    coming back to it) or that no worker ever took; a run finds the job taken or finished
    and does nothing. Reconciliation calls this; returns how many were enqueued."""
    now = timezone.now()
    stalled = BulkAssignment.objects.exclude(
        state__in=[BulkAssignment.State.FINISHED, BulkAssignment.State.DRAFT]
    ).filter(
        Q(lease_expires_at__lt=now)
        | Q(lease_expires_at__isnull=True, created_at__lt=now - timedelta(seconds=_lease_seconds()))
    )
    jobs = list(stalled.values_list("pk", flat=True))
    for job_pk in jobs:
        logger.warning("bulk job %s stalled (its worker stopped): enqueued again", job_pk)
        deferred.schedule("run_bulk_assignment_task", job_pk)
    return len(jobs)


def run_bulk_assignment(
    job_pk: int,
    *,
    client: TelnyxClient | None = None,
    concurrency: int | None = None,
    pacer: Pacer | None = None,
) -> BulkAssignment:
    """Work through the job until every item is done or failed. Safe to run again (after a
    crash, or by a second worker): the worker takes the job's lease (another worker holding
    it means this run does nothing), claims items with leases of their own, renews both as
    it goes, and an item tried before is read back before it is sent again.

    A pipeline: up to `concurrency` calls in flight, the next item sent as soon as one comes
    back (its outcome recorded on this thread), call starts paced by `pacer` (default:
    settings.NUMBERS_BULK_RATE per second); a 429 holds every start for its Retry-After."""
    job = BulkAssignment.objects.select_related("campaign", "organisation").get(pk=job_pk)
    holder = uuid.uuid4().hex
    lease = _lease_seconds()
    if not _take_job(job, holder):
        job.refresh_from_db()
        if not job.is_finished and job.lease_expires_at is not None:  # another worker has it
            _check_back(job, (job.lease_expires_at - timezone.now()).total_seconds() + 1)
        return job
    _check_back(job, lease + 1)
    concurrency = concurrency or settings.NUMBERS_BULK_CONCURRENCY
    pacer = pacer or Pacer.per_second(settings.NUMBERS_BULK_RATE)
    client = client or client_for(job.organisation_id)
    campaign_id = _telnyx_id(job.campaign) if job.campaign else ""  # per item for an import
    # Every campaign of the organisation: a refused move is recorded on the old one.
    campaigns = {
        c.campaign_id: c
        for c in Campaign.objects.for_organisation(job.organisation).exclude(campaign_id=None)
    }

    def send(item: BulkAssignmentItem) -> Outcome:
        pacer.wait()
        if job.kind == Kind.ASSIGN:
            return attempt_assignment(
                client, item.number.phone_number, campaign_id, read_back_first=item.attempts > 1
            )
        target = _telnyx_id(item.campaign) if item.campaign else campaign_id
        return attempt_change(client, job.kind, item, target)

    claimed: deque[BulkAssignmentItem] = deque()
    in_flight: dict[Future, BulkAssignmentItem] = {}
    ours = True
    renewed = time.monotonic()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        while True:
            while ours and len(in_flight) < concurrency:
                if not claimed:
                    claimed.extend(_claim_batch(job, concurrency))
                if not claimed:
                    break
                item = claimed.popleft()
                in_flight[pool.submit(send, item)] = item
            if not in_flight:
                break
            finished, _ = wait(in_flight, timeout=lease / 4, return_when=FIRST_COMPLETED)
            for future in finished:
                item = in_flight.pop(future)
                outcome = future.result()
                if outcome.kind == "retry":
                    pacer.hold(outcome.retry_after)
                _record_outcome(item, outcome, campaigns)
            if ours and time.monotonic() - renewed >= lease / 4:
                ours = _renew_leases(job, holder, [*in_flight.values(), *claimed])
                renewed = time.monotonic()
    for item in claimed:  # claimed but never sent (the job was taken over): back in the queue
        _still_ours(item).update(
            state=BulkAssignmentItem.State.PENDING,
            attempts=F("attempts") - 1,
            lease_expires_at=None,
            updated_at=timezone.now(),
        )
    _finish_if_done(job, client, campaign_id)
    BulkAssignment.objects.filter(pk=job.pk, lease_holder=holder).update(
        lease_holder="", lease_expires_at=None
    )
    job.refresh_from_db()
    return job


def _finish_if_done(job: BulkAssignment, client: TelnyxClient, campaign_id: str = "") -> None:
    if job.items.exclude(
        state__in=[BulkAssignmentItem.State.DONE, BulkAssignmentItem.State.FAILED]
    ).exists():
        return
    finished = (
        BulkAssignment.objects.filter(pk=job.pk)
        .exclude(state=BulkAssignment.State.FINISHED)
        .update(
            state=BulkAssignment.State.FINISHED,
            finished_at=timezone.now(),
            lease_holder="",
            lease_expires_at=None,
        )
    )
    if not finished:
        return
    try:
        # One campaign's numbers when the job had one; else (unassign, import) all of them.
        refresh_assignments(job.organisation, client, campaign_id=campaign_id or None)
    except TelnyxError as exc:  # the statuses refresh at the next sync
        logger.warning("bulk job %s: read-back of assignments failed: %s", job.pk, exc)
    number_status.start_following(job.organisation_id)  # until the numbers settle


# -- by messaging profile ----------------------------------------------------------------------
def start_profile_assignment(
    organisation: Organisation,
    user,
    profile: MessagingProfile,
    campaign: Campaign,
    client: TelnyxClient | None = None,
) -> ProfileAssignmentTask:

    _check_campaign(campaign, adding=profile.numbers.count())
    client = client or client_for(organisation)
    try:
        response = client.assign_by_profile(profile.telnyx_id, campaign_id=campaign.campaign_id)
    except TelnyxError as exc:
        raise NumberError(
            errors.plain_words(exc, "assign the profile's numbers", thing="number")
        ) from exc
    task = ProfileAssignmentTask.objects.create(
        organisation=organisation,
        profile=profile,
        campaign=campaign,
        created_by=user,
        task_id=response.task_id,
    )
    deferred.schedule("follow_profile_assignment_task", task.pk, on_commit=True)
    return task


def poll_profile_assignment(task_pk: int, client: TelnyxClient | None = None) -> bool:
    """Read the task's status once; when it has finished, its per-number statuses and the
    numbers' assignments. True once finished (or given up)."""
    task = ProfileAssignmentTask.objects.select_related("campaign", "organisation").get(pk=task_pk)
    if task.is_finished:
        return True
    client = client or client_for(task.organisation_id)
    ProfileAssignmentTask.objects.filter(pk=task.pk).update(polls=F("polls") + 1)
    try:
        remote = client.get_profile_assignment_task(task.task_id)
    except TelnyxError as exc:
        task.error = errors.plain_words(exc, "follow the assignment at Telnyx", thing="number")
        task.save(update_fields=["error", "updated_at"])
        return task.polls + 1 >= PROFILE_MAX_POLLS
    task.status = remote.status
    task.error = ""
    if task.is_finished:
        _store_task_numbers(task, client)
        refresh_assignments(task.organisation, client, campaign_id=task.campaign.campaign_id)
        number_status.start_following(task.organisation_id)
    elif task.polls + 1 >= PROFILE_MAX_POLLS:
        task.error = "Telnyx has not finished the task; check it again later."
    task.save(update_fields=["status", "error", "updated_at"])
    return task.is_finished or bool(task.error)


def profile_lease(task_pk: int) -> str:
    return f"profile-assignment:{task_pk}"


def follow_profile_assignment(task_pk: int) -> bool | None:
    """One turn of following a profile task: a schedule that survives a killed worker.

    The next turn is queued (PROFILE_POLL_SECONDS later) *before* this one polls, so a worker
    killed mid-poll leaves it in the queue; the poll runs under the task's lease
    (NUMBERS_PROFILE_LEASE_SECONDS, renewed while it runs), so two workers never poll one task
    at once: a turn that finds the lease held (a slow turn still going, or a killed one whose
    lease has not run out) only keeps the chain going. Returns None when the next turn was
    queued (a backend that can run work later), else whether the task is finished (the
    caller loops)."""
    task = ProfileAssignmentTask.objects.filter(pk=task_pk).first()
    if task is None or task.is_finished or task.polls >= PROFILE_MAX_POLLS:
        return True
    queued = deferred.schedule_later(
        "follow_profile_assignment_task", task_pk, delay=PROFILE_POLL_SECONDS
    )
    with leases.held(profile_lease(task_pk), settings.NUMBERS_PROFILE_LEASE_SECONDS) as ours:
        finished = poll_profile_assignment(task_pk) if ours else False
    return None if queued else finished


def _store_task_numbers(task: ProfileAssignmentTask, client: TelnyxClient) -> None:
    statuses: dict = {}
    page = 1
    while True:  # this list has no totalRecords: walk until a short page
        records = client.list_profile_assignment_numbers(
            task.task_id, page=page, records_per_page=500
        ).records
        statuses |= {r.phone_number: r.status for r in records}
        if len(records) < 500:
            break
        page += 1
    with transaction.atomic():
        task.numbers.all().delete()
        ProfileAssignmentNumber.objects.bulk_create(
            [
                ProfileAssignmentNumber(task=task, phone_number=n, status=s)
                for n, s in statuses.items()
            ],
            batch_size=500,
        )
