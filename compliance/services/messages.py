"""Test SMS: send one from an assigned number of a live campaign, and record its delivery
webhooks (message.sent, message.finalized) and replies (message.received).

`apply_message_event` is what the webhook receiver (compliance/webhooks) calls for message.*
events, after it has verified and stored them.
"""

from datetime import datetime

from django.db import transaction
from django.db.models import Count, Q
from django.utils.dateparse import parse_datetime

from compliance import errors, lifecycle, ratelimit
from compliance.http import telnyx_webhook_url
from compliance.models import Organisation, PhoneNumber, TestMessage, TestMessageEvent
from compliance.services.numbers import (
    NumberError,
    normalise_e164,
)
from compliance.services.telnyx_accounts import client_for
from compliance.telnyx.client import TelnyxClient
from compliance.telnyx.errors import TelnyxError

MESSAGE_EVENTS = ("message.sent", "message.finalized", "message.received")


def sending_numbers(organisation: Organisation):
    """Numbers that may send a test SMS: ASSIGNED to one of our provisioned campaigns."""
    return (
        PhoneNumber.objects.for_organisation(organisation)
        .filter(
            assignment_status=lifecycle.AssignmentStatus.ASSIGNED,
            campaign__campaign_status__in=lifecycle.CAN_CARRY_TRAFFIC,
        )
        .select_related("campaign")
    )


def why_not_sending(organisation: Organisation) -> list[str]:
    """Why the organisation's other numbers are not offered as senders, in words, one line
    per reason with its count (one query)."""
    Status = lifecycle.AssignmentStatus
    others = (
        PhoneNumber.objects.for_organisation(organisation)
        .exclude(pk__in=sending_numbers(organisation).values("pk"))
        .aggregate(
            pending=Count("id", filter=Q(assignment_status=Status.PENDING_ASSIGNMENT)),
            failed=Count("id", filter=Q(assignment_status=Status.FAILED_ASSIGNMENT)),
            leaving=Count(
                "id",
                filter=Q(
                    assignment_status__in=[Status.PENDING_UNASSIGNMENT, Status.FAILED_UNASSIGNMENT]
                ),
            ),
            not_live=Count("id", filter=Q(assignment_status=Status.ASSIGNED)),
            unassigned=Count("id", filter=Q(assignment_status="")),
        )
    )
    sentences = {
        "pending": "still being assigned: they can send once Telnyx confirms the assignment",
        "failed": "could not be assigned to their campaign: see the reason on each number",
        "leaving": "being removed from their campaign",
        "not_live": "assigned to a campaign the carriers have not provisioned (or no longer)",
        "unassigned": "not assigned to any campaign",
    }
    return [
        f"{count} {'number is' if count == 1 else 'numbers are'} {sentences[key]}."
        for key, count in others.items()
        if count
    ]


def send_test_message(
    organisation: Organisation,
    user,
    number: PhoneNumber,
    to: str,
    text: str,
    client: TelnyxClient | None = None,
) -> TestMessage:
    if not sending_numbers(organisation).filter(pk=number.pk).exists():
        raise NumberError(
            f"{number} cannot send yet: it must be assigned (ASSIGNED) to a live campaign.",
            field="from_number",
        )
    try:
        to = normalise_e164(to)
    except NumberError as exc:
        raise NumberError(exc.message, field="to") from exc
    limit = ratelimit.TEST_SMS_PER_ORGANISATION
    if ratelimit.hit(limit, str(organisation.public_id)):
        raise NumberError(
            f"Your organisation has sent {limit.limit} test messages in the last "
            f"{limit.window_words}: wait a while before sending another."
        )
    message = TestMessage.objects.create(
        organisation=organisation,
        from_number=number,
        to_number=to,
        text=text,
        created_by=user,
        status="sending",
    )
    client = client or client_for(organisation)
    try:
        sent = client.send_message(
            from_=number.phone_number,
            to=to,
            text=text,
            webhook_url=telnyx_webhook_url(organisation),
        )
    except TelnyxError as exc:
        message.status = "sending_failed"
        message.errors = errors.plain_words(exc, "send the test message", thing="number")
        message.save(update_fields=["status", "errors"])
        return message
    recipient = sent.to[0] if sent.to else None
    message.telnyx_message_id = sent.id
    message.status = (recipient.status if recipient else None) or "queued"
    message.save(update_fields=["telnyx_message_id", "status"])
    # A webhook may have arrived before Telnyx's answer: attach it now.
    early = TestMessageEvent.objects.filter(telnyx_message_id=sent.id, message=None)
    for event in early.order_by("occurred_at", "id"):
        event.message = message
        event.save(update_fields=["message"])
        _apply_to_message(message, event)
    return message


def apply_message_event(payload: dict) -> None:
    """Record a messaging webhook on its test message. `payload` is the webhook body (the
    {"data": {...}, "meta": {...}} envelope), its `data` object, or `data.payload` alone (what
    the receiver passes; the event type is then read from the message itself). Duplicates
    change nothing; events of messages we did not send are ignored."""
    if not isinstance(payload, dict):
        return
    data = payload.get("data", payload)
    if "event_type" not in data and "id" in data:  # the bare message payload
        data = {"event_type": _event_type_of(data), "payload": data}
    event_type = data.get("event_type")
    inner = data.get("payload") or {}
    if event_type not in MESSAGE_EVENTS or not isinstance(inner, dict) or not inner.get("id"):
        return
    recipient_status = ((inner.get("to") or [{}])[0] or {}).get("status") or ""
    event_id = str(data.get("id") or f"{inner['id']}:{event_type}:{recipient_status}")
    recipient = (inner.get("to") or [{}])[0] or {}
    with transaction.atomic():
        message = _message_for(event_type, inner, recipient)
        if event_type != "message.received" and message is None and not _ours_pending(inner):
            return
        event, created = TestMessageEvent.objects.get_or_create(
            telnyx_event_id=event_id,
            defaults={
                "message": message,
                "telnyx_message_id": inner["id"],
                "event_type": event_type,
                "status": recipient.get("status") or "",
                "detail": _detail(event_type, inner),
                "occurred_at": _when(data.get("occurred_at")),
                "payload": data,
            },
        )
        if created and message is not None:
            _apply_to_message(message, event)


def _event_type_of(message: dict) -> str:
    """message.received / .finalized / .sent, from a bare message payload."""
    if message.get("direction") == "inbound":
        return "message.received"
    if message.get("completed_at"):
        return "message.finalized"
    return "message.sent"


def _ours_pending(inner: dict) -> bool:
    """An event that may arrive before send_test_message has stored Telnyx's message id:
    from one of our numbers, with a test message still waiting for its id."""
    sender = (inner.get("from") or {}).get("phone_number")
    return TestMessage.objects.filter(
        from_number__phone_number=sender, telnyx_message_id=None
    ).exists()


def _message_for(event_type: str, inner: dict, recipient: dict) -> TestMessage | None:
    if event_type == "message.received":
        # A reply: from the number we texted, to our sending number.
        return (
            TestMessage.objects.filter(
                to_number=(inner.get("from") or {}).get("phone_number"),
                from_number__phone_number=recipient.get("phone_number"),
            )
            .order_by("-created_at")
            .first()
        )
    return TestMessage.objects.filter(telnyx_message_id=inner["id"]).first()


def _apply_to_message(message: TestMessage, event: TestMessageEvent) -> None:
    if event.event_type == "message.received":
        return
    inner = event.payload.get("payload") or {}
    fields = []
    # message.finalized is final: a late message.sent never moves the status back.
    if event.status and not (message.is_final and event.event_type == "message.sent"):
        message.status = event.status
        fields.append("status")
    for name in ("sent_at", "completed_at"):
        value = _when(inner.get(name))
        if value and getattr(message, name) is None:
            setattr(message, name, value)
            fields.append(name)
    errors = "; ".join(
        e.get("detail") or e.get("title") or e.get("code", "")
        for e in inner.get("errors") or []
        if isinstance(e, dict)
    )
    if errors:
        message.errors = errors
        fields.append("errors")
    if fields:
        message.save(update_fields=fields)


def _detail(event_type: str, inner: dict) -> str:
    if event_type == "message.received":
        return inner.get("text") or ""
    return "; ".join(
        e.get("detail") or e.get("title") or ""
        for e in inner.get("errors") or []
        if isinstance(e, dict)
    )


def _when(value) -> datetime | None:
    return parse_datetime(value) if isinstance(value, str) and value else None
