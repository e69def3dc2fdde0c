"""Sandbox lifecycle of numbers: assignments settle, profile tasks run, messages are sent and
their delivery webhooks (message.sent, message.finalized) go to the messaging profile's
webhook_url, signed like Telnyx's."""

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
from sandbox.records import carriable_campaign, message_json


@task
def complete_assignment(assignment_pk: int) -> None:
    NumberAssignment.objects.filter(
        pk=assignment_pk, assignment_status="PENDING_ASSIGNMENT"
    ).update(assignment_status="ASSIGNED", updated_at=timezone.now())


@task
def complete_unassignment(assignment_pk: int) -> None:
    NumberAssignment.objects.filter(
        pk=assignment_pk, assignment_status="PENDING_UNASSIGNMENT"
    ).delete()


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
    for number in numbers:
        with transaction.atomic():
            current = NumberAssignment.objects.filter(phone_number=number.phone_number).first()
            if current is not None and current.campaign_id != campaign.campaign_id:
                status = "failed"
            else:
                NumberAssignment.objects.update_or_create(
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
            assignment_task.numbers.create(phone_number=number.phone_number, status=status)
    assignment_task.status = "completed" if assigned else "failed"
    assignment_task.save(update_fields=["status", "updated_at"])


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
    webhooks.deliver(
        message.webhook_url or message.webhook_failover_url,
        envelope,
        failover_url=message.webhook_failover_url if message.webhook_url else "",
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


@task
def finalize_message(message_id: str) -> None:
    message = Message.objects.get(pk=message_id)
    message.status = "delivered"
    message.completed_at = timezone.now()
    message.save(update_fields=["status", "completed_at"])
    _deliver_event(message, "message.finalized")
