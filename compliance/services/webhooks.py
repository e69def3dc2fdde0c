"""Telnyx webhooks: parse and store an accepted event, then apply it through the lifecycle.

The view (compliance/webhooks.py) verifies the signature, then calls `record_event`, which
parses the body (`MalformedEvent` when it is not JSON of a known shape), and stores it once:
the de-duplication key is the envelope's ``data.id`` when present, else the SHA-256 of the raw
body, under a unique constraint, so concurrent deliveries of one event store one row.
`apply_event` then acts on the stored row, at most once: its claim (a conditional UPDATE that
skips a row another applier holds), its effects and its outcome commit together, and a
read-back from Telnyx runs after that commit. `apply_pending_events` applies the stored rows
not yet applied, oldest first, in batches (`EventBatch`: one claim, a few loads and one write
per table for up to 100 events, with the same lifecycle and the same exactly-once claim; the
`apply_pending_webhook_events` task, which the receiver schedules after storing).

Two shapes arrive (WEBHOOKS.md): the flat campaignStatusUpdate, and the envelope
``{"data": {"event_type", "id", "payload"}}`` for 10dlc.campaign/brand/phone_number.update
and the messaging events (handed to compliance.services.messages). Campaign status moves
only through `compliance.lifecycle`: an event moves it forward with `next_status`; when its
meaning is unclear the campaign is read back from Telnyx and that answer is the truth
(``authoritative=True``). The reconciliation
(compliance/services/reconcile.py) applies its GETs with the same `apply_campaign_record` /
`apply_brand_record`.
"""

import hashlib
import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connections, router, transaction
from django.utils import timezone

from compliance import deferred, hot_sql, lifecycle, presentation
from compliance.lifecycle import CampaignStatus
from compliance.models import (
    Brand,
    Campaign,
    CampaignEvent,
    Organisation,
    PhoneNumber,
    ReviewClaim,
    WebhookEvent,
)
from compliance.services import hosted, messages, notifications, number_status
from compliance.services.telnyx_accounts import client_for
from compliance.telnyx.client import TelnyxClient
from compliance.telnyx.errors import TelnyxError

logger = logging.getLogger(__name__)

FLAT_CAMPAIGN_KIND = "campaignStatusUpdate"
CAMPAIGN_KIND = "10dlc.campaign.update"
BRAND_KIND = "10dlc.brand.update"
NUMBER_KIND = "10dlc.phone_number.update"
MESSAGE_KINDS = frozenset({"message.sent", "message.finalized", "message.received"})
_TENDLC_KINDS = frozenset({CAMPAIGN_KIND, BRAND_KIND, NUMBER_KIND})
_TEXT_FIELDS = (
    "brandId",
    "campaignId",
    "type",
    "status",
    "description",
    "phoneNumber",
    "assignmentStatus",
)
STORED_HEADERS = (
    "telnyx-timestamp",
    "telnyx-signature-ed25519",
    "content-type",
    "user-agent",
)

Outcome = WebhookEvent.Outcome


class MalformedEvent(ValueError):
    """A signed body that is not JSON of a shape the app knows; nothing is stored."""


@dataclass(frozen=True)
class ParsedEvent:
    kind: str  # campaignStatusUpdate, or the envelope's event_type
    event_id: str  # the envelope's data.id, "" for the flat shape
    payload: dict  # the flat body, or the envelope's data.payload
    data: dict  # the envelope's data object ({} for the flat shape)

    def text(self, field: str) -> str:
        return _text(self.payload.get(field))

    @property
    def campaign_ref(self) -> str:
        return self.text("campaignId") if self.kind in _CAMPAIGN_REF_KINDS else ""

    @property
    def brand_ref(self) -> str:
        return self.text("brandId") if self.kind in _CAMPAIGN_REF_KINDS | {BRAND_KIND} else ""


_CAMPAIGN_REF_KINDS = frozenset({FLAT_CAMPAIGN_KIND, CAMPAIGN_KIND, NUMBER_KIND})


# Parsing -------------------------------------------------------------------------------------


def parse_event(body: bytes) -> ParsedEvent:
    """The event in a raw body, routed by shape; `MalformedEvent` when it has none."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise MalformedEvent("the body is not UTF-8 JSON") from None
    if not isinstance(data, dict):
        raise MalformedEvent("the body is not a JSON object")
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # "\ud800": valid JSON, but no database stores it
        raise MalformedEvent("the body holds a lone surrogate") from None
    if "data" in data:
        return _parse_envelope(data["data"])
    _check_text_fields(data)
    if not _text(data.get("campaignId")):
        raise MalformedEvent("neither an envelope nor a campaignStatusUpdate with a campaignId")
    return ParsedEvent(FLAT_CAMPAIGN_KIND, "", data, {})


def _parse_envelope(data) -> ParsedEvent:
    if not isinstance(data, dict):
        raise MalformedEvent("data is not an object")
    kind, event_id, payload = data.get("event_type"), data.get("id", ""), data.get("payload", {})
    if not isinstance(kind, str) or not kind.strip() or len(kind) > 40 or "\x00" in kind:
        raise MalformedEvent("data.event_type is missing or not a short string")
    if not isinstance(event_id, str) or len(event_id) > 200 or "\x00" in event_id:
        raise MalformedEvent("data.id is not a string")
    if not isinstance(payload, dict):
        raise MalformedEvent("data.payload is not an object")
    if kind in _TENDLC_KINDS:
        _check_text_fields(payload)
    return ParsedEvent(kind, event_id.strip(), payload, data)


def _check_text_fields(payload: dict) -> None:
    for field in _TEXT_FIELDS:
        if payload.get(field) is not None and not isinstance(payload[field], str):
            raise MalformedEvent(f"{field} is not a string")


def dedup_key(parsed: ParsedEvent, body: bytes) -> str:
    if parsed.event_id:
        if len(parsed.event_id) <= 120:
            return f"id:{parsed.event_id}"
        return "id-sha256:" + hashlib.sha256(parsed.event_id.encode()).hexdigest()
    return "sha256:" + hashlib.sha256(body).hexdigest()


# Storing -------------------------------------------------------------------------------------


def record_event(
    body: bytes,
    headers: Mapping[str, str],
    signed_timestamp: int,
    *,
    organisation: Organisation | None = None,
) -> tuple[WebhookEvent, bool]:
    """Store a verified event once: (the row, whether this call stored it). `organisation`:
    the one whose own account's URL received it (it may change only that organisation's
    rows); None for the platform URL.

    Raises `MalformedEvent` (nothing stored). A duplicate (same key, even from a concurrent
    request) returns the existing row and False.
    """
    parsed = parse_event(body)
    event = WebhookEvent(
        dedup_key=dedup_key(parsed, body),
        kind=parsed.kind,
        raw_body=body.decode("utf-8"),
        headers=_headers_worth_keeping(headers),
        signed_at=datetime.fromtimestamp(signed_timestamp, tz=UTC),
        telnyx_campaign_id=parsed.campaign_ref[:64],
        telnyx_brand_id=parsed.brand_ref[:64],
        organisation=organisation,
    )
    event.pk = _insert_unless_stored(event)
    if event.pk is None:
        return WebhookEvent.objects.get(dedup_key=event.dedup_key), False
    event._state.adding = False
    return event, True


def _insert_unless_stored(event: WebhookEvent) -> int | None:
    """INSERT ... ON CONFLICT (dedup_key) DO NOTHING RETURNING id: the new row's id, or None
    when an event with this key is stored already. One statement, one commit, no exception
    to recover from: the receiver's hot path (the ORM's create would need a transaction
    around it to survive the IntegrityError of a concurrent duplicate)."""
    using = router.db_for_write(WebhookEvent)
    connection = connections[using]
    fields = [f for f in WebhookEvent._meta.concrete_fields if not f.primary_key]
    values = [f.get_db_prep_save(f.pre_save(event, add=True), connection) for f in fields]
    row = hot_sql.fetch_one(_insert_sql(connection), values, using=using)
    return row[0] if row else None


_INSERT_SQL: dict[str, str] = {}  # by database vendor


def _insert_sql(connection) -> str:
    if connection.vendor not in _INSERT_SQL:
        _INSERT_SQL[connection.vendor] = _build_insert_sql(connection.ops.quote_name)
    return _INSERT_SQL[connection.vendor]


def _build_insert_sql(quote: Callable[[str], str]) -> str:
    # Identifiers come from the model and are quoted; every value is a parameter.
    meta = WebhookEvent._meta
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    columns = ", ".join(quote(f.column or "") for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    key = quote(meta.get_field("dedup_key").column or "")
    pk = quote(meta.pk.column or "")
    insert = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
    return f"{insert} ON CONFLICT ({key}) DO NOTHING RETURNING {pk}"


def _headers_worth_keeping(headers: Mapping[str, str]) -> dict[str, str]:
    lowered = {key.lower(): value for key, value in headers.items()}
    return {name: _text(lowered[name], 300) for name in STORED_HEADERS if name in lowered}


# Applying ------------------------------------------------------------------------------------


def apply_event(event: WebhookEvent) -> WebhookEvent:
    """Act on a stored event, once: a second call (or a concurrent one) does nothing.

    The claim, the handler's database work and the outcome commit together, in one
    transaction: a process stopped half-way leaves the event pending (the next apply task
    takes it), never claimed but unapplied. A read-back from Telnyx that the event calls for
    runs after that commit, outside any transaction, and then updates the outcome."""
    with transaction.atomic():
        now = timezone.now()
        if not _claim(event, now):
            event.refresh_from_db()  # applied, or being applied, by someone else
            return event
        event.processed_at = now  # every field this function writes is set below
        parsed = parse_event(event.raw_body.encode("utf-8"))
        handler = _HANDLERS.get(parsed.kind)
        if handler is None and parsed.kind in MESSAGE_KINDS:
            handler = _apply_message_event
        read_back = None
        if handler is None:
            event.outcome, event.note = Outcome.IGNORED, f"Unknown event type {parsed.kind!r}."
        else:
            read_back = handler(event, parsed)
        _save_outcome(event)
    if read_back is not None:
        _run_read_back(event, read_back)
    logger.info("webhook %s (%s) %s", event.pk, event.kind, event.outcome)
    return event


def _claim(event: WebhookEvent, now) -> bool:
    """Mark the event processed in the open transaction, unless it is already, or another
    worker holds it (SKIP LOCKED on PostgreSQL: appliers running side by side pass over each
    other's events instead of queueing behind each other's transactions)."""
    free = (
        WebhookEvent.objects.filter(pk=event.pk, processed_at__isnull=True)
        .order_by()
        .select_for_update(skip_locked=True)
        .values("pk")
    )
    return WebhookEvent.objects.filter(pk__in=free).update(processed_at=now) == 1


def _save_outcome(event: WebhookEvent) -> None:
    event.note = event.note[:255]
    event.save(update_fields=["outcome", "note", "error", "campaign"])


def schedule_apply() -> None:
    """Make sure an apply task starts after this moment (call it once the event is stored)."""
    deferred.schedule_once("apply_pending_webhook_events")


def apply_pending_events(batch: int = 100) -> int:
    """Apply the stored events not yet applied, oldest first, a batch at a time, until a claim
    finds less than a full batch; how many this call went through. An event stored after that
    claim has a task of its own to come: the receiver calls schedule_apply once the event is
    committed, and this task has started, so it is not the one waiting in the queue.

    Safe to run concurrently: each event is claimed once (SKIP LOCKED), and one that another
    applier holds is left to it. An event whose handler fails unexpectedly is marked FAILED
    and the others still go on (see `EventBatch`).

    A backlog (a first batch that comes back full) queues one more apply task unless one is
    waiting: the receiver queues a task only when none waits, so a burst stored while the
    workers were busy or stopped holds a single task, and a second worker would idle while
    this one drains it. Each task that finds a backlog queues at most one more, so every idle
    worker joins and never more than one task waits."""
    seen, helped = 0, False
    while True:
        try:
            applied = EventBatch(batch).run()
        except Exception:  # rolled back, claims included: the same events, one at a time
            logger.exception("a batch of webhook events failed; applying them one by one")
            applied = _apply_one_by_one(batch)
        seen += applied
        if applied < batch:
            return seen
        if not helped:  # a backlog: let an idle worker join (see `schedule_helper`)
            helped = True
            deferred.schedule_helper("apply_pending_webhook_events")


def _apply_one_by_one(batch: int) -> int:
    """The next `batch` events, each in its own transaction: one whose handler fails is marked
    FAILED and the others still go on."""
    pending = _pending_and_free(batch=batch)
    for event in pending:
        try:
            apply_event(event)
        except Exception as exc:
            logger.exception("webhook %s could not be applied", event.pk)
            WebhookEvent.objects.filter(pk=event.pk).update(
                outcome=Outcome.FAILED,
                processed_at=timezone.now(),
                error=f"Applying the event failed ({type(exc).__name__}).",
            )
    return len(pending)


def _pending_and_free(*, batch: int) -> list[WebhookEvent]:
    """The next stored events not yet applied, leaving out those another applier holds right
    now (SKIP LOCKED, on PostgreSQL). The locks end with this read; apply_event claims each
    event again."""
    with transaction.atomic():
        return list(
            WebhookEvent.objects.select_for_update(skip_locked=True)
            .filter(processed_at__isnull=True)
            .order_by("pk")[:batch]
        )


class EventBatch:
    """One pass over up to `size` stored events, in a few statements whatever their number.

    In one transaction: claim the events (SKIP LOCKED, then one UPDATE), load the campaigns
    they name in one or two queries (those whose status may move under a row lock, in primary
    key order so two appliers never deadlock), apply the lifecycle in memory in event order,
    then write: one INSERT for the timeline, one UPDATE for the campaigns that moved, one for
    the events' outcomes. Notifications are created as each status change happens (one per
    change that matters, as `apply_campaign_status` does); their e-mails go after the commit.
    Read-backs from Telnyx run after the commit, as `apply_event` runs them. Exactly once:
    the claim, the effects and the outcomes commit together, or not at all. Campaign events
    are the batched ones; phone-number, brand and message events go through their own handlers
    (number_status.py writes a number's status), each in a savepoint."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.timeline: list[CampaignEvent] = []
        self.moved: dict[int, Campaign] = {}
        self.read_backs: list[tuple[WebhookEvent, ReadBack]] = []
        self.campaigns: dict[str, Campaign | None] = {}
        self.numbers: dict[str, PhoneNumber] = {}
        self.numbers_changed: dict[int, PhoneNumber] = {}
        self.follow: set[int] = set()  # organisations with numbers still pending

    def run(self) -> int:
        with transaction.atomic():
            now = timezone.now()
            events = self._claim(now)
            if not events:
                return 0
            parsed = {event.pk: _parse_stored(event) for event in events}
            self._load_campaigns(events, parsed)
            for event in events:
                event.processed_at = now
                self._apply(event, parsed[event.pk])
            self._write(events, now)
        for event, read_back in self.read_backs:
            _run_read_back(event, read_back)
        for organisation_id in sorted(self.follow):
            number_status.start_following(organisation_id)
        for event in events:
            logger.info("webhook %s (%s) %s", event.pk, event.kind, event.outcome)
        return len(events)

    def _claim(self, now) -> list[WebhookEvent]:
        events = list(
            WebhookEvent.objects.select_for_update(skip_locked=True)
            .filter(processed_at__isnull=True)
            .order_by("pk")[: self.size]
        )
        if events:
            WebhookEvent.objects.filter(pk__in=[e.pk for e in events]).update(processed_at=now)
        return events

    def _load_campaigns(self, events: list[WebhookEvent], parsed: dict) -> None:
        """The campaigns the batch names: those whose status may move under a row lock, in
        primary-key order (two appliers never deadlock); those only a number event names
        without one. The numbers that number events report, locked, in one query."""
        moving, recording, phones = set(), set(), set()
        for event in events:
            p = parsed[event.pk]
            if p is None or not p.campaign_ref:
                continue
            if _HANDLERS.get(p.kind) is _apply_campaign_event:
                moving.add(p.campaign_ref)
            elif _batched_number_event(p):
                recording.add(p.campaign_ref)
                phones.add(p.text("phoneNumber"))
        recording -= moving
        base = Campaign.objects.select_related("brand", "organisation").order_by("pk")
        locked = base.select_for_update(of=("self",))
        by_pk: dict[int, Campaign] = {}
        for refs, query in ((moving, locked), (recording, base)):
            if not refs:
                continue
            for campaign in query.filter(campaign_id__in=refs):
                self.campaigns[str(campaign.campaign_id)] = by_pk.setdefault(campaign.pk, campaign)
            missing = refs - self.campaigns.keys()
            if missing:  # a CAMPAIGN_NUDGE names the TCR campaign id
                for campaign in query.filter(tcr_campaign_id__in=missing):
                    # one object per campaign, whichever id an event names it by
                    self.campaigns.setdefault(
                        campaign.tcr_campaign_id, by_pk.setdefault(campaign.pk, campaign)
                    )
        if phones:
            numbers = PhoneNumber.objects.select_for_update().filter(phone_number__in=phones)
            for number in numbers.order_by("pk"):
                self.numbers.setdefault(number.phone_number, number)

    def _campaign(self, ref: str, event: WebhookEvent) -> Campaign | None:
        campaign = self.campaigns.get(ref) if ref else None
        return campaign if _routed_to_its_owner(event, campaign) else None

    def _apply(self, event: WebhookEvent, parsed: "ParsedEvent | None") -> None:
        if parsed is None:
            _mark_failed(event, MalformedEvent("stored body"))
            return
        handler = _HANDLERS.get(parsed.kind)
        if handler is None and parsed.kind in MESSAGE_KINDS:
            handler = _apply_message_event
        if handler is None:
            event.outcome, event.note = Outcome.IGNORED, f"Unknown event type {parsed.kind!r}."
        elif handler is _apply_campaign_event:
            self._campaign_event(event, parsed)
        elif _batched_number_event(parsed):
            self._number_event(event, parsed)
        else:
            try:
                with transaction.atomic():  # a savepoint: a failing handler undoes only itself
                    read_back = handler(event, parsed)
            except Exception as exc:
                logger.exception("webhook %s could not be applied", event.pk)
                _mark_failed(event, exc)
                return
            if read_back is not None:
                self.read_backs.append((event, read_back))

    def _campaign_event(self, event: WebhookEvent, parsed: ParsedEvent) -> None:
        if _names_another_organisations(event, self.campaigns.get(parsed.campaign_ref)):
            return
        campaign = self._campaign(parsed.campaign_ref, event)
        if campaign is None:
            _unknown(event, "campaign", parsed.campaign_ref)
            return
        event.campaign = campaign
        event_type, event_status = parsed.text("type"), parsed.text("status")
        meaning = lifecycle.meaning_of_event(event_type, event_status)
        before = campaign.campaign_status
        moved = lifecycle.next_status(before or None, meaning.implied, authoritative=False)
        after = str(moved) if moved else before
        change = StatusChange(before, after)
        if change.changed:
            campaign.campaign_status = after
            campaign.status_changed_at = timezone.now()
        self.moved[campaign.pk] = campaign  # updated_at moves on every event, as before
        self.timeline.append(
            CampaignEvent(
                campaign=campaign,
                kind=CampaignEvent.Kind.WEBHOOK,
                event_type=event_type[:40],
                event_status=event_status[:20],
                description=_text(parsed.text("description") or meaning.summary),
                from_status=before,
                to_status=after,
                webhook_event=event,
            )
        )
        if change.changed:
            _notify_campaign_change(campaign, change, parsed.text("description"))
        event.outcome = Outcome.APPLIED if change.changed else Outcome.IGNORED
        event.note = meaning.summary if change.changed else f"No change ({change.describe()})."
        if meaning.needs_readback:

            def read_back() -> None:
                if read_back_campaign(campaign).changed:
                    event.outcome = Outcome.APPLIED
                    event.note = "Read back from Telnyx: " + meaning.summary

            self.read_backs.append((event, read_back))

    def _number_event(self, event: WebhookEvent, parsed: ParsedEvent) -> None:
        """A number event, as `_apply_number_event` reads it: the assignment record it carries
        is observed in memory on the locked number (number_status.observe, monotonic) and
        written with the batch; another shape is read back after the commit."""
        phone_number = parsed.text("phoneNumber")
        found = self.campaigns.get(parsed.campaign_ref), self.numbers.get(phone_number)
        if any(_names_another_organisations(event, row) for row in found):
            return
        campaign = self._campaign(parsed.campaign_ref, event)
        number = self.numbers.get(phone_number)
        if campaign is None and number is None:
            _unknown(event, "campaign", parsed.campaign_ref)
            return
        entry, seen = _read_number_event(event, parsed, campaign)
        if entry is not None:
            self.timeline.append(entry)
        if number is None:
            return
        if seen is None:  # a shape without the assignment record: read back after the commit

            def read_back() -> None:
                number_status.apply_seen(phone_number, None)
                event.note = f"Number {phone_number} read back from Telnyx."

            self.read_backs.append((event, read_back))
            return
        ours: dict[str, Campaign] = {}
        if campaign is not None and campaign.organisation_id == number.organisation_id:
            ours[seen.campaign_id] = campaign
        changed = number_status.observe(number, seen, ours)
        _note_number_change(event, phone_number, seen.assignment_status, changed)
        if changed:
            self.numbers_changed[number.pk] = number
        if number.assignment_status in number_status.PENDING:
            self.follow.add(number.organisation_id)

    def _write(self, events: list[WebhookEvent], now) -> None:
        if self.timeline:
            CampaignEvent.objects.bulk_create(self.timeline)
        if self.numbers_changed:
            hot_sql.update_rows(
                PhoneNumber, list(self.numbers_changed.values()), number_status.FIELDS
            )
        if self.moved:
            campaigns = list(self.moved.values())
            for campaign in campaigns:
                campaign.updated_at = now
            hot_sql.update_rows(
                Campaign, campaigns, ["campaign_status", "status_changed_at", "updated_at"]
            )
        for event in events:
            event.note = event.note[:255]
        hot_sql.update_rows(
            WebhookEvent, events, ["processed_at", "outcome", "note", "error", "campaign"]
        )


def _parse_stored(event: WebhookEvent) -> "ParsedEvent | None":
    try:
        return parse_event(event.raw_body.encode("utf-8"))
    except MalformedEvent:
        return None


def _mark_failed(event: WebhookEvent, exc: BaseException) -> None:
    event.outcome = Outcome.FAILED
    event.error = f"Applying the event failed ({type(exc).__name__})."


def _run_read_back(event: WebhookEvent, read_back: "ReadBack") -> None:
    """A read-back after the commit; its outcome saved (FAILED, reconciliation retries, when
    Telnyx cannot answer)."""
    try:
        read_back()
    except TelnyxError as exc:
        logger.warning("webhook %s: read-back failed: %s", event.pk, exc)
        event.outcome = Outcome.FAILED
        event.error = f"Reading back from Telnyx failed ({exc}); reconciliation will retry."
    except Exception as exc:
        logger.exception("webhook %s: read-back failed", event.pk)
        _mark_failed(event, exc)
    _save_outcome(event)


def replay_pending_events(campaign: Campaign) -> int:
    """Apply the stored UNKNOWN_CAMPAIGN events for a campaign whose Telnyx id was just
    recorded (Telnyx may send webhooks before our submission's response is stored).
    Returns how many were applied."""
    if not campaign.campaign_id:
        return 0
    replayed = 0
    pending = WebhookEvent.objects.filter(
        outcome=Outcome.UNKNOWN_CAMPAIGN, telnyx_campaign_id=campaign.campaign_id
    ).order_by("received_at", "pk")
    for event in pending:
        reopened = WebhookEvent.objects.filter(
            pk=event.pk, outcome=Outcome.UNKNOWN_CAMPAIGN
        ).update(outcome=Outcome.RECEIVED, processed_at=None, note="")
        if reopened:
            apply_event(event)
            replayed += 1
    return replayed


def _find_campaign(ref: str) -> Campaign | None:
    """Webhooks are global: the campaign of any organisation. A CAMPAIGN_NUDGE carries the
    TCR campaign id instead of Telnyx's (10DLC-API.md §7.2)."""
    if not ref:
        return None
    return (
        Campaign.objects.filter(campaign_id=ref).first()
        or Campaign.objects.filter(tcr_campaign_id=ref).first()
    )


def _our_number_in_message(parsed: ParsedEvent) -> PhoneNumber | None:
    """The app's number a messaging event is about: the sender of an outbound message, the
    recipient of an inbound one."""
    inner = parsed.payload
    if parsed.kind == "message.received":
        ours = ((inner.get("to") or [{}])[0] or {}).get("phone_number")
    else:
        ours = (inner.get("from") or {}).get("phone_number")
    return PhoneNumber.objects.filter(phone_number=ours).first() if isinstance(ours, str) else None


def _routed_to_its_owner(event: WebhookEvent, row) -> bool:
    """Whether an event may change `row`: any row for the platform URL's events; only the
    receiving organisation's rows for an event that came to its own account's URL."""
    return (
        row is None or event.organisation_id is None or row.organisation_id == event.organisation_id
    )


def _names_another_organisations(event: WebhookEvent, row) -> bool:
    """An event from one organisation's account URL that names another organisation's row is
    ignored (and logged): a key of one account must never move another tenant's state."""
    if _routed_to_its_owner(event, row):
        return False
    logger.warning(
        "webhook %s came to organisation %s's account URL but names a %s of organisation %s:"
        " ignored",
        event.pk,
        event.organisation_id,
        type(row).__name__.lower(),
        row.organisation_id,
    )
    event.outcome = Outcome.IGNORED
    event.note = "Names a record of another organisation; ignored."
    return True


# A handler records what the event means inside apply_event's transaction; when that calls
# for asking Telnyx, it returns the read-back, which apply_event runs after the commit.
ReadBack = Callable[[], None]


def _unknown(event: WebhookEvent, what: str, ref: str) -> ReadBack | None:
    event.outcome = Outcome.UNKNOWN_CAMPAIGN
    event.note = f"No {what} {ref or '(no id)'} in this app (yet); stored for replay."
    return None  # nothing to read back: the event waits for its campaign or brand


def _apply_campaign_event(event: WebhookEvent, parsed: ParsedEvent) -> ReadBack | None:
    campaign = _find_campaign(parsed.campaign_ref)
    if _names_another_organisations(event, campaign):
        return None
    if campaign is None:
        return _unknown(event, "campaign", parsed.campaign_ref)
    event.campaign = campaign
    event_type, event_status = parsed.text("type"), parsed.text("status")
    meaning = lifecycle.meaning_of_event(event_type, event_status)
    change = apply_campaign_status(
        campaign,
        meaning.implied,
        kind=CampaignEvent.Kind.WEBHOOK,
        always_record=True,
        event_type=event_type,
        event_status=event_status,
        description=parsed.text("description") or meaning.summary,
        detail=parsed.text("description"),
        webhook_event=event,
    )
    event.outcome = Outcome.APPLIED if change.changed else Outcome.IGNORED
    event.note = meaning.summary if change.changed else f"No change ({change.describe()})."
    if not meaning.needs_readback:
        return None

    def read_back() -> None:
        if read_back_campaign(campaign).changed:
            event.outcome = Outcome.APPLIED
            event.note = "Read back from Telnyx: " + meaning.summary

    return read_back


def _apply_brand_event(event: WebhookEvent, parsed: ParsedEvent) -> ReadBack | None:
    brand = Brand.objects.filter(brand_id=parsed.brand_ref).first() if parsed.brand_ref else None
    if _names_another_organisations(event, brand):
        return None
    if brand is None:
        return _unknown(event, "brand", parsed.brand_ref)
    event.note = parsed.text("description") or parsed.text("type")

    def read_back() -> None:
        changed = read_back_brand(brand)
        event.outcome = Outcome.APPLIED if changed else Outcome.IGNORED

    return read_back


def _batched_number_event(parsed: ParsedEvent) -> bool:
    """A phone-number event the batch applies itself: one that names its number."""
    return _HANDLERS.get(parsed.kind) is _apply_number_event and bool(parsed.text("phoneNumber"))


def _number_seen(parsed: ParsedEvent) -> "number_status.Seen | None":
    """The assignment record a phone-number event carries, when it carries one."""
    status = parsed.text("assignmentStatus")
    if status in lifecycle.AssignmentStatus and parsed.campaign_ref:
        return number_status.Seen(
            parsed.campaign_ref, status, _text(parsed.payload.get("failureReasons"))
        )
    return None


def _read_number_event(
    event: WebhookEvent, parsed: ParsedEvent, campaign: Campaign | None
) -> "tuple[CampaignEvent | None, number_status.Seen | None]":
    """What a phone-number event says, in memory: its timeline entry (unsaved; None when it is
    routine progress) and the assignment record it carries. Sets the event's campaign and a
    first outcome. One reading for the single and the batched apply."""
    phone_number = parsed.text("phoneNumber")
    event.campaign = campaign
    seen = _number_seen(parsed)
    status = seen.assignment_status if seen else ""
    detail = (
        parsed.text("description")
        or _reasons_text(parsed.payload.get("reasons"))
        or (seen.failure_reasons if seen else "")
    )
    # The timeline tells what a person may need: failures, and events in the guide's words;
    # routine progress (a status, or a bare record of a removal) only moves the number.
    worth_telling = (
        status.startswith("FAILED")
        if seen is not None
        else bool(parsed.text("type") or parsed.text("status") or detail)
    )
    event.outcome, event.note = (
        Outcome.APPLIED,
        ("Recorded in the campaign's timeline." if worth_telling else "Routine progress."),
    )
    if campaign is None or not worth_telling:
        return None, seen
    entry = CampaignEvent(
        campaign=campaign,
        kind=CampaignEvent.Kind.WEBHOOK,
        event_type=parsed.text("type")[:40],
        event_status=(parsed.text("status") or status)[:20],
        description=_text(
            f"Number {phone_number}: {detail}" if detail else f"Number {phone_number}"
        ),
        from_status=campaign.campaign_status,
        to_status=campaign.campaign_status,
        webhook_event=event,
    )
    return entry, seen


def _note_number_change(event: WebhookEvent, phone_number: str, status: str, changed: bool):
    event.note = (
        f"Number {phone_number}: {status}." if changed else "No change (a late or repeated event)."
    )
    event.outcome = Outcome.APPLIED if changed else Outcome.IGNORED


def _apply_number_event(event: WebhookEvent, parsed: ParsedEvent) -> ReadBack | None:
    """A phone-number event (10dlc.phone_number.update): the number's assignment status moves
    through compliance/services/number_status. A payload that carries the assignment record
    (phoneNumber, campaignId, assignmentStatus) is observed as is, monotonic, so a late or
    repeated event changes nothing; any other shape is read back from Telnyx. Failures (and
    shapes the app cannot read) are also recorded in the campaign's timeline."""
    phone_number = parsed.text("phoneNumber")
    campaign = _find_campaign(parsed.campaign_ref)
    number = PhoneNumber.objects.filter(phone_number=phone_number).first() if phone_number else None
    if any(_names_another_organisations(event, row) for row in (campaign, number)):
        return None
    if campaign is None and number is None:
        return _unknown(event, "campaign", parsed.campaign_ref)
    entry, seen = _read_number_event(event, parsed, campaign)
    if entry is not None:
        entry.save()
    status = seen.assignment_status if seen else ""
    if number is None:
        return None
    if seen is not None:
        changed = number_status.save_observed(number, seen)
        _note_number_change(event, phone_number, status, changed)
        if number.assignment_status in number_status.PENDING:
            number_status.start_following(number.organisation_id)
        return None

    def read_back() -> None:
        number_status.apply_seen(phone_number, None)
        event.note = f"Number {phone_number} read back from Telnyx."

    return read_back


def _apply_message_event(event: WebhookEvent, parsed: ParsedEvent) -> None:
    if _names_another_organisations(event, _our_number_in_message(parsed)):
        return
    messages.apply_message_event(parsed.data)  # it takes the envelope or its data object
    event.outcome, event.note = Outcome.APPLIED, "Handed to the test-message records."
    confirmed = parsed.kind == "message.received" and hosted.apply_reply(parsed.data, event)
    if confirmed:
        event.note = "A subscriber's reply: it confirmed their hosted opt-in."


_HANDLERS = {
    FLAT_CAMPAIGN_KIND: _apply_campaign_event,
    CAMPAIGN_KIND: _apply_campaign_event,
    BRAND_KIND: _apply_brand_event,
    NUMBER_KIND: _apply_number_event,
}


# Status changes (shared by webhooks and reconciliation) --------------------------------------


@dataclass(frozen=True)
class StatusChange:
    before: str
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def describe(self) -> str:
        if self.changed:
            return f"{self.before or 'unknown'} → {self.after}"
        return f"stays {self.after or 'unknown'}"


def apply_campaign_status(
    campaign: Campaign,
    proposed: CampaignStatus | None,
    *,
    kind: CampaignEvent.Kind,
    authoritative: bool = False,
    always_record: bool = False,
    event_type: str = "",
    event_status: str = "",
    description: str = "",
    detail: str = "",
    webhook_event: WebhookEvent | None = None,
    telnyx_record: dict | None = None,
) -> StatusChange:
    """Move the campaign through `lifecycle.next_status`, under a row lock; record it in
    the timeline (always, or only on change), notify on change (``detail``: what Telnyx said,
    e.g. the reasons of a rejection). ``telnyx_record`` (a read-back) also refreshes the
    mirrored fields."""
    with transaction.atomic():
        locked = (
            Campaign.objects.select_for_update(of=("self",))
            .select_related("brand", "organisation")  # for the notification's words
            .get(pk=campaign.pk)
        )
        before = locked.campaign_status
        moved = lifecycle.next_status(before or None, proposed, authoritative=authoritative)
        after = str(moved) if moved else before
        fields = ["updated_at"]
        if after != before:
            locked.campaign_status = after
            locked.status_changed_at = timezone.now()
            fields += ["campaign_status", "status_changed_at"]
        if telnyx_record is not None:
            _mirror_campaign(locked, telnyx_record)
            fields += [
                "failure_reasons",
                "telnyx_submission_status",
                "telnyx_response",
                "last_synced_at",
            ]
        locked.save(update_fields=fields)
        change = StatusChange(before, after)
        if change.changed or always_record:
            CampaignEvent.objects.create(
                campaign=locked,
                kind=kind,
                event_type=event_type[:40],
                event_status=event_status[:20],
                description=_text(description),
                from_status=before,
                to_status=after,
                webhook_event=webhook_event,
            )
        if change.changed:
            _notify_campaign_change(locked, change, detail)
    for name in ("campaign_status", "status_changed_at", "failure_reasons", "last_synced_at"):
        setattr(campaign, name, getattr(locked, name))
    return change


def read_back_campaign(
    campaign: Campaign,
    *,
    client: TelnyxClient | None = None,
    kind: CampaignEvent.Kind = CampaignEvent.Kind.RECONCILE,
) -> StatusChange:
    """GET the campaign from Telnyx and take its campaignStatus as the truth."""
    if client is None:
        with client_for(campaign.organisation_id) as own_client:
            return read_back_campaign(campaign, client=own_client, kind=kind)
    assert campaign.campaign_id  # only created campaigns are read back
    return apply_campaign_record(campaign, client.get_campaign(campaign.campaign_id), kind=kind)


def apply_campaign_record(
    campaign: Campaign, response, *, kind: CampaignEvent.Kind = CampaignEvent.Kind.RECONCILE
) -> StatusChange:
    """Take the campaign as Telnyx reports it (the answer of a GET) as the truth."""
    record = _wire(response)
    reported = _text(record.get("campaignStatus"))
    proposed = CampaignStatus(reported) if reported in CampaignStatus else None
    return apply_campaign_status(
        campaign,
        proposed,
        kind=kind,
        authoritative=True,
        event_status=reported,
        description=f"Telnyx reports the campaign as {reported or 'without a status'}.",
        # failureReasons stay on the record after a successful appeal: quote them only when
        # the status read back is a rejection, never beside an acceptance.
        detail="; ".join(_reasons_list(record.get("failureReasons")))
        if proposed in lifecycle.APPEALABLE or proposed in lifecycle.TERMINAL
        else "",
        telnyx_record=record,
    )


def read_back_brand(brand: Brand, *, client: TelnyxClient | None = None) -> bool:
    """GET the brand from Telnyx and mirror its status and identityStatus; notify on change."""
    if client is None:
        with client_for(brand.organisation_id) as own_client:
            return read_back_brand(brand, client=own_client)
    assert brand.brand_id  # only registered brands are read back
    return apply_brand_record(brand, client.get_brand(brand.brand_id))


def apply_brand_record(brand: Brand, response) -> bool:
    """Mirror the brand as Telnyx reports it (the answer of a GET); whether its status or
    identityStatus changed."""
    record = _wire(response)
    status = _known(record.get("status"), lifecycle.BrandStatus)
    identity = _known(record.get("identityStatus"), lifecycle.BrandIdentityStatus)
    with transaction.atomic():
        locked = Brand.objects.select_for_update().get(pk=brand.pk)
        before = (locked.status, locked.identity_status)
        locked.status = status or locked.status
        locked.identity_status = identity or locked.identity_status
        locked.failure_reasons = _reasons_list(record.get("failureReasons"))
        locked.tcr_brand_id = _text(record.get("tcrBrandId"), 32) or locked.tcr_brand_id
        locked.telnyx_response = record
        locked.last_synced_at = timezone.now()
        locked.save()
        changed = (locked.status, locked.identity_status) != before
        if changed:
            words = lifecycle.brand_plain_words(
                locked.status or None, locked.identity_status or None
            )
            notifications.notify(
                locked.organisation, f"Brand {locked}: {words}", words, brand=locked
            )
            if locked.identity_status == lifecycle.BrandIdentityStatus.UNVERIFIED:
                # Telnyx's feedback on what to fix: read in the background (the brand page
                # shows what is stored and never calls Telnyx itself).
                deferred.schedule("refresh_brand_task", locked.pk, on_commit=True)
    brand.status, brand.identity_status = locked.status, locked.identity_status
    return changed


def _notify_campaign_change(campaign: Campaign, change: StatusChange, detail: str) -> None:
    status = presentation.campaign_status_code(change.after)
    title = f"{campaign}: {status.label}"
    body = status.sentence
    if detail:
        body += f"\n\nTelnyx says: {detail}"
    if change.after in lifecycle.WORTH_TELLING:
        notifications.notify(campaign.organisation, title, body, campaign=campaign)
    if change.after in lifecycle.CAN_CARRY_TRAFFIC:
        ReviewClaim.release_closed_case(campaign)
    if change.after in lifecycle.APPEALABLE:
        notifications.notify_reviewers(
            campaign.organisation,
            f"Rejected: {campaign} ({campaign.organisation})",
            body,
            campaign=campaign,
        )


def _mirror_campaign(campaign: Campaign, record: dict) -> None:
    campaign.failure_reasons = _reasons_list(record.get("failureReasons"))
    campaign.telnyx_submission_status = _text(record.get("submissionStatus"), 10)
    campaign.tcr_campaign_id = _text(record.get("tcrCampaignId"), 32) or campaign.tcr_campaign_id
    campaign.telnyx_response = record
    campaign.last_synced_at = timezone.now()


# Small helpers -------------------------------------------------------------------------------


def _wire(response) -> dict:
    """A client response (pydantic model or dict) as wire-named JSON."""
    if hasattr(response, "model_dump"):
        return response.model_dump(by_alias=True, mode="json")
    return dict(response or {})


def _text(value, limit: int = 2000) -> str:
    """Untrusted text, safe to store: a string, no NUL (PostgreSQL refuses it), bounded."""
    if not isinstance(value, str):
        return ""
    return value.replace("\x00", "").strip()[:limit]


def _known(value, enum) -> str:
    text = _text(value)
    return text if text in enum else ""


def _reasons_list(value) -> list[str]:
    if isinstance(value, str):
        return [_text(value)] if _text(value) else []
    if isinstance(value, list):
        return [_text(v) if isinstance(v, str) else _reasons_text([v]) for v in value if v]
    return []


def _reasons_text(reasons) -> str:
    """Telnyx's ``reasons`` ([{"fields": [...], "description": ...}]) as one line."""
    if not isinstance(reasons, list):
        return ""
    parts = [
        _text(r.get("description")) for r in reasons if isinstance(r, dict) and r.get("description")
    ]
    return "; ".join(p for p in parts if p)
