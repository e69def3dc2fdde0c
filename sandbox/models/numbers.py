"""Sandbox state for Telnyx's numbers resources: messaging profiles, the account's
messaging-enabled numbers, number↔campaign assignments, assignment-by-profile tasks and
messages."""

import uuid

from django.db import models


def _uuid() -> str:
    return str(uuid.uuid4())


def _number_id() -> str:
    """Telnyx numbers have long decimal ids ("1293384261075731499")."""
    return str(uuid.uuid4().int >> 65)


class MessagingProfile(models.Model):
    id = models.CharField(primary_key=True, max_length=36, default=_uuid)
    # The Telnyx account holding it: null for the installation's default account.
    account = models.ForeignKey(
        "sandbox.SandboxAccount", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(max_length=200)
    enabled = models.BooleanField(default=True)
    whitelisted_destinations = models.JSONField(default=list)
    webhook_url = models.CharField(max_length=500, blank=True)
    webhook_failover_url = models.CharField(max_length=500, blank=True)
    webhook_api_version = models.CharField(max_length=10, default="2")
    settings = models.JSONField(default=dict)  # every other writable field, as sent
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.name


class PhoneNumber(models.Model):
    """A number of the sandbox's Telnyx account, messaging-enabled."""

    id = models.CharField(primary_key=True, max_length=24, default=_number_id)
    account = models.ForeignKey(
        "sandbox.SandboxAccount", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    phone_number = models.CharField(max_length=20, unique=True)
    profile = models.ForeignKey(
        MessagingProfile, null=True, blank=True, on_delete=models.SET_NULL, related_name="numbers"
    )
    type = models.CharField(max_length=12, default="long-code")
    messaging_product = models.CharField(max_length=20, default="P2P")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["phone_number"]

    def __str__(self) -> str:
        return self.phone_number


class NumberAssignment(models.Model):
    """One number's 10DLC campaign (a number carries at most one)."""

    phone_number = models.CharField(max_length=20, unique=True)
    campaign_id = models.CharField(max_length=64, db_index=True)
    tcr_campaign_id = models.CharField(max_length=32, blank=True)
    brand_id = models.CharField(max_length=64, blank=True)
    tcr_brand_id = models.CharField(max_length=32, blank=True)
    assignment_status = models.CharField(max_length=24, default="PENDING_ASSIGNMENT")
    failure_reasons = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.phone_number} → {self.campaign_id}"


class AssignmentTask(models.Model):
    """POST /10dlc/phoneNumberAssignmentByProfile: pending → processing → completed/failed."""

    task_id = models.CharField(primary_key=True, max_length=36, default=_uuid)
    messaging_profile_id = models.CharField(max_length=36)
    campaign_id = models.CharField(max_length=64, blank=True)
    tcr_campaign_id = models.CharField(max_length=32, blank=True)
    status = models.CharField(max_length=12, default="pending")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"task {self.task_id} {self.status}"


class AssignmentTaskNumber(models.Model):
    task = models.ForeignKey(AssignmentTask, on_delete=models.CASCADE, related_name="numbers")
    phone_number = models.CharField(max_length=20)
    status = models.CharField(max_length=12, default="pending")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.phone_number} {self.status}"


class Message(models.Model):
    """An outbound message sent through POST /messages."""

    id = models.CharField(primary_key=True, max_length=36, default=_uuid)
    profile = models.ForeignKey(MessagingProfile, null=True, on_delete=models.SET_NULL)
    from_number = models.CharField(max_length=20)
    to_number = models.CharField(max_length=20)
    text = models.TextField(blank=True)
    status = models.CharField(max_length=24, default="queued")
    tcr_campaign_id = models.CharField(max_length=32, blank=True)
    errors = models.JSONField(default=list)
    webhook_url = models.CharField(max_length=500, blank=True)
    webhook_failover_url = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.from_number} → {self.to_number} ({self.status})"
