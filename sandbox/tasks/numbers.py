"""Sandbox lifecycle of numbers: assignments settle, profile tasks run, messages are sent and
their delivery webhooks (message.sent, message.finalized) go to the messaging profile's
webhook_url, signed like Telnyx's; a handset's reply to one of the account's numbers arrives
as a signed message.received (`receive_reply`)."""

import uuid

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from sandbox import pace, webhooks
from sandbox.models.numbers import (
    AssignmentTask,
    Message,
    NumberAssignment,
    PhoneNumber,
)
from sandbox.records import assignment_json, carriable_campaign, message_json


@task
def complete_assignment(assignment_pk: int) -> None:
    settled = NumberAssignment.objects.filter(
        pk=assignment_pk, assignment_status="PENDING_ASSIGNMENT"
    ).update(assignment_status="ASSIGNED", updated_at=timezone.now())
    if settled:
        notify_number(NumberAssignment.objects.get(pk=assignment_pk))


@task
def complete_unassignment(assignment_pk: int) -> None:
    assignment = NumberAssignment.objects.filter(
        pk=assignment_pk, assignment_status="PENDING_UNASSIGNMENT"
    ).first()
    if assignment is None:
        return
    record = assignment_json(assignment)
    if NumberAssignment.objects.filter(
        pk=assignment_pk, assignment_status="PENDING_UNASSIGNMENT"
    ).delete()[0]:
        # Gone: the record has no assignment status left to report (the app reads it back).
        gone = {k: v for k, v in record.items() if k not in ("assignmentStatus", "updatedAt")}
        notify_number_record(assignment.campaign_id, gone)


def notify_number(assignment: NumberAssignment) -> bool:
    """Tell the campaign's webhook that a number's assignment moved (assigned, failed)."""
    return notify_number_record(assignment.campaign_id, assignment_json(assignment))


def notify_number_record(campaign_id: str, record: dict) -> bool:
    """A signed 10dlc.phone_number.update (WEBHOOKS.md: the envelope; a campaign's webhooks
    carry the events of its numbers) whose payload is the assignment record, to the
    campaign's webhookURL (then its webhookFailoverURL)."""
    from sandbox.models.campaigns import SandboxCampaign

    campaign = (
        SandboxCampaign.objects.select_related("brand__account")
        .filter(campaign_id=campaign_id)
        .first()
    )
    if campaign is None:
        return False
    url = campaign.attributes.get("webhookURL") or ""
    failover = campaign.attributes.get("webhookFailoverURL") or ""
    if not (url or failover):
        return False
    envelope = {
        "data": {
            "event_type": "10dlc.phone_number.update",
            "id": str(uuid.uuid4()),
            "occurred_at": timezone.now().isoformat().replace("+00:00", "Z"),
            "payload": record,
            "record_type": "event",
        },
        "meta": {"attempt": 1, "delivered_to": url or failover},
    }
    return webhooks.deliver(
        url or failover,
        envelope,
        failover_url=failover if url else "",
        account=campaign.brand.account,
    )


@task
def run_profile_task(task_id: str) -> None:
    """pending → processing → completed (or failed when no number could be assigned)."""
    claimed = AssignmentTask.objects.filter(pk=task_id, status="pending").update(
        status="processing", updated_at=timezone.now()
    )
    if not claimed:
        return
    assignment_task = AssignmentTask.objects.get(pk=task_id)
    campaign = carriable_campaign(assignment_task.campaign_id, pointer="/campaignId")
    numbers = PhoneNumber.objects.filter(profile_id=assignment_task.messaging_profile_id)
    assigned = 0
    settled: list[NumberAssignment] = []
    for number in numbers:
        with transaction.atomic():
            current = NumberAssignment.objects.filter(phone_number=number.phone_number).first()
            if current is not None and current.campaign_id != campaign.campaign_id:
                status = "failed"
            else:
                assignment, _ = NumberAssignment.objects.update_or_create(
                    phone_number=number.phone_number,
                    defaults={
                        "campaign_id": campaign.campaign_id,
                        "tcr_campaign_id": campaign.tcr_campaign_id,
                        "brand_id": campaign.brand_id,
                        "tcr_brand_id": campaign.tcr_brand_id,
                        "assignment_status": "ASSIGNED",
                        "failure_reasons": "",
                    },
                )
                status = "completed"
                assigned += 1
                settled.append(assignment)
            assignment_task.numbers.create(phone_number=number.phone_number, status=status)
    assignment_task.status = "completed" if assigned else "failed"
    assignment_task.save(update_fields=["status", "updated_at"])
    for assignment in settled:
        notify_number(assignment)


# -- messages ----------------------------------------------------------------------------------
def _deliver_event(message: Message, event_type: str) -> None:
    if not message.webhook_url and not message.webhook_failover_url:
        return
    envelope = {
        "data": {
            "event_type": event_type,
            "id": str(uuid.uuid4()),
            "occurred_at": timezone.now().isoformat().replace("+00:00", "Z"),
            "payload": message_json(message),
            "record_type": "event",
        },
        "meta": {"attempt": 1, "delivered_to": message.webhook_url or message.webhook_failover_url},
    }
    sender = PhoneNumber.objects.filter(phone_number=message.from_number).first()
    webhooks.deliver(
        message.webhook_url or message.webhook_failover_url,
        envelope,
        failover_url=message.webhook_failover_url if message.webhook_url else "",
        account=sender.account if sender is not None else None,  # signed with its key
    )


@task
def send_message(message_id: str, *, assigned: bool) -> None:
    message = Message.objects.get(pk=message_id)
    if not assigned:
        message.status = "sending_failed"
        message.completed_at = timezone.now()
        message.errors = [
            {
                "code": "10015",
                "title": "Invalid parameter",
                "detail": "The sending number is not assigned to a 10DLC campaign.",
            }
        ]
        message.save(update_fields=["status", "completed_at", "errors"])
        _deliver_event(message, "message.finalized")
        return
    message.status = "sent"
    message.sent_at = timezone.now()
    message.save(update_fields=["status", "sent_at"])
    _deliver_event(message, "message.sent")
    pace.schedule(finalize_message, message.id)


def receive_reply(from_number: str, to_number: str, text: str, *, url: str = "") -> bool:
    """A handset (`from_number`) texts `text` to one of the account's numbers (`to_number`):
    Telnyx delivers a signed message.received to the number's messaging profile webhook_url;
    the sandbox falls back to the webhook_url of the last message that number sent to this
    handset (the conversation the app started). True when the app answered 2xx."""
    number = PhoneNumber.objects.filter(phone_number=to_number).select_related("profile").first()
    profile = number.profile if number is not None else None
    last = (
        Message.objects.filter(from_number=to_number, to_number=from_number)
        .order_by("-created_at")
        .first()
    )
    target = url or (profile.webhook_url if profile else "") or (last.webhook_url if last else "")
    if not target:
        return False
    now = timezone.now().isoformat().replace("+00:00", "Z")
    payload = {
        "id": str(uuid.uuid4()),
        "record_type": "message",
        "direction": "inbound",
        "type": "SMS",
        "messaging_profile_id": profile.id if profile else None,
        "from": {
            "phone_number": from_number,
            "carrier": "Sandbox Wireless",
            "line_type": "Wireless",
        },
        "to": [{"phone_number": to_number, "carrier": "Telnyx", "line_type": "VoIP"}],
        "text": text,
        "encoding": "GSM-7",
        "parts": 1,
        "received_at": now,
    }
    envelope = {
        "data": {
            "event_type": "message.received",
            "id": str(uuid.uuid4()),
            "occurred_at": now,
            "payload": payload,
            "record_type": "event",
        },
        "meta": {"attempt": 1, "delivered_to": target},
    }
    return webhooks.deliver(target, envelope, account=number.account if number else None)


@task
def finalize_message(message_id: str) -> None:
    message = Message.objects.get(pk=message_id)
    message.status = "delivered"
    message.completed_at = timezone.now()
    message.save(update_fields=["status", "completed_at"])
    _deliver_event(message, "message.finalized")
