"""Messaging profiles, phone numbers and their 10DLC assignments, bulk assignment jobs,
assignment-by-profile tasks and test messages.

Ownership: a messaging profile belongs to the organisation that created it through the app
(or claimed it); a number belongs to the organisation whose profile it is on. These tables are
a local copy of Telnyx's truth, refreshed by compliance.services.numbers.sync_organisation, so
the numbers screen never waits on Telnyx. Each number carries its one 10DLC assignment
(Telnyx allows one campaign per number): campaign, assignmentStatus, failureReasons.
"""

import uuid

from django.conf import settings
from django.db import models

from compliance import lifecycle

from .campaigns import Campaign
from .organisations import OrgScoped


class MessagingProfile(OrgScoped):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    telnyx_id = models.CharField(max_length=64, unique=True)  # Telnyx's profile id
    name = models.CharField(max_length=200)
    whitelisted_destinations = models.JSONField(default=list, blank=True)
    webhook_url = models.CharField(max_length=500, blank=True)
    enabled = models.BooleanField(default=True)
    telnyx_response = models.JSONField(default=dict, blank=True)  # raw, for audit
    last_synced_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class PhoneNumber(OrgScoped):
    """A messaging-enabled number on one of the organisation's profiles, with its 10DLC
    assignment. `campaign` is set when the assigned campaign is one of the organisation's;
    `telnyx_campaign_id` always holds Telnyx's campaignId."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    telnyx_id = models.CharField(max_length=64, blank=True)
    phone_number = models.CharField(max_length=20, unique=True)  # E.164
    profile = models.ForeignKey(
        MessagingProfile, null=True, blank=True, on_delete=models.SET_NULL, related_name="numbers"
    )
    number_type = models.CharField(max_length=12, blank=True)  # long-code, toll-free, ...
    campaign = models.ForeignKey(
        Campaign, null=True, blank=True, on_delete=models.SET_NULL, related_name="numbers"
    )
    telnyx_campaign_id = models.CharField(max_length=64, blank=True)
    assignment_status = models.CharField(
        max_length=24,
        blank=True,
        choices=[(s.value, s.value) for s in lifecycle.AssignmentStatus],
    )  # "" = not assigned
    failure_reasons = models.TextField(blank=True)
    assignment_updated_at = models.DateTimeField(null=True, blank=True)
    last_synced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["phone_number"]
        indexes = [
            models.Index(fields=["organisation", "phone_number"]),
            models.Index(fields=["organisation", "profile", "phone_number"]),
            models.Index(fields=["organisation", "campaign", "phone_number"]),
            models.Index(fields=["organisation", "assignment_status", "phone_number"]),
        ]

    def __str__(self) -> str:
        return self.phone_number

    @property
    def is_assigned(self) -> bool:
        return self.assignment_status not in ("", lifecycle.AssignmentStatus.FAILED_ASSIGNMENT)

    @property
    def assignment_words(self) -> str:
        if not self.assignment_status:
            return "Not assigned to a campaign."
        return lifecycle.assignment_plain_words(self.assignment_status)

    @property
    def assignment_badge(self) -> str:
        if not self.assignment_status:
            return ""
        return lifecycle.assignment_badge(self.assignment_status).value

    def clear_assignment(self) -> None:
        self.campaign = None
        self.telnyx_campaign_id = ""
        self.assignment_status = ""
        self.failure_reasons = ""


class BulkAssignment(OrgScoped):
    """A bulk change of many numbers' assignments, run in the background (compliance.tasks.
    numbers): assign them to one campaign, move them to one campaign, unassign them, or an
    imported CSV's rows (each item names its own campaign). A job starts as a draft, shown as
    a confirmation with its counts; nothing is sent before the user confirms it."""

    class Kind(models.TextChoices):
        ASSIGN = "assign", "Assign"
        MOVE = "move", "Move"
        UNASSIGN = "unassign", "Unassign"
        IMPORT = "import", "Import"

    class State(models.TextChoices):
        DRAFT = "draft", "Waiting for your confirmation"
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        FINISHED = "finished", "Finished"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.ASSIGN)
    # The campaign numbers go to (assign, move); none for unassign and import.
    campaign = models.ForeignKey(
        Campaign, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    total = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)  # chosen, but nothing to change
    # An import's rows that cannot be sent: [{"line": 3, "text": "...", "error": "..."}].
    row_errors = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The worker running the job holds its lease (taken with a conditional UPDATE, renewed as
    # it goes); a job whose lease ran out lost its worker and is taken up by another.
    lease_holder = models.CharField(max_length=32, blank=True)
    lease_expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        """What the job does, in words (headings, links, the confirmation)."""
        count = f"{self.total} number{'' if self.total == 1 else 's'}"
        if self.kind == self.Kind.MOVE:
            return f"Moving {count} to {self.campaign}"
        if self.kind == self.Kind.UNASSIGN:
            return f"Unassigning {count} from their campaigns"
        if self.kind == self.Kind.IMPORT:
            return f"Importing {count} from a CSV file"
        return f"Assigning {count} to {self.campaign}"

    @property
    def is_draft(self) -> bool:
        return self.state == self.State.DRAFT

    def progress(self) -> dict:
        """done, failed, remaining and percent, in one query."""
        counts = self.items.aggregate(
            done=models.Count("id", filter=models.Q(state=BulkAssignmentItem.State.DONE)),
            failed=models.Count("id", filter=models.Q(state=BulkAssignmentItem.State.FAILED)),
        )
        finished = counts["done"] + counts["failed"]
        return {
            **counts,
            "remaining": max(0, self.total - finished),
            "percent": round(100 * finished / self.total) if self.total else 100,
        }

    @property
    def is_finished(self) -> bool:
        return self.state == self.State.FINISHED


class BulkAssignmentItem(models.Model):
    """One number of a bulk job. A worker claims it (pending → in_flight) with a conditional
    UPDATE, so two workers never send the same number; the claim is a lease that the worker
    renews while the call is in flight. An in-flight item whose lease ran out (its worker
    died) is claimed again and read back at Telnyx before anything is sent."""

    class State(models.TextChoices):
        PENDING = "pending", "Waiting"
        IN_FLIGHT = "in_flight", "Sending"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    job = models.ForeignKey(BulkAssignment, on_delete=models.CASCADE, related_name="items")
    number = models.ForeignKey(PhoneNumber, on_delete=models.CASCADE, related_name="+")
    # An import row's campaign (other kinds use the job's).
    campaign = models.ForeignKey(
        Campaign, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Telnyx's campaignId the number was on when the job was drafted (moves, unassigns).
    from_campaign_id = models.CharField(max_length=64, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    reason = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    lease_expires_at = models.DateTimeField(null=True, blank=True)  # while in flight
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["job", "number"], name="bulk_item_once_per_job")
        ]
        indexes = [models.Index(fields=["job", "state"])]

    def __str__(self) -> str:
        return f"{self.number_id} {self.state}"


class ProfileAssignmentTask(OrgScoped):
    """POST /10dlc/phoneNumberAssignmentByProfile and the task Telnyx runs for it."""

    class Status(models.TextChoices):  # 10dlc_TaskStatus, plus our own "not sent"
        PENDING = "pending", "Pending"
        PROCESSING = "processing", "Processing"
        COMPLETED = "completed", "Completed"
        FAILED = "failed", "Failed"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    profile = models.ForeignKey(MessagingProfile, on_delete=models.CASCADE, related_name="+")
    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    task_id = models.CharField(max_length=64, unique=True)  # Telnyx's taskId
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    polls = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Assign {self.profile} to {self.campaign}: {self.status}"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.COMPLETED, self.Status.FAILED)


class ProfileAssignmentNumber(models.Model):
    """Telnyx's per-number status of a profile task (a free string, e.g. pending)."""

    task = models.ForeignKey(
        ProfileAssignmentTask, on_delete=models.CASCADE, related_name="numbers"
    )
    phone_number = models.CharField(max_length=20)
    status = models.CharField(max_length=30)

    class Meta:
        ordering = ["phone_number"]
        constraints = [
            models.UniqueConstraint(fields=["task", "phone_number"], name="profile_task_number")
        ]

    def __str__(self) -> str:
        return f"{self.phone_number} {self.status}"


class TestMessage(OrgScoped):
    """A test SMS from an assigned number, and where its delivery stands."""

    __test__ = False  # not a pytest test class

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    from_number = models.ForeignKey(PhoneNumber, on_delete=models.CASCADE, related_name="+")
    to_number = models.CharField(max_length=20)
    text = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    telnyx_message_id = models.CharField(max_length=64, unique=True, null=True, blank=True)
    status = models.CharField(max_length=24, default="queued")  # to[0].status
    errors = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    FINAL = frozenset({"delivered", "sending_failed", "delivery_failed", "delivery_unconfirmed"})

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Test SMS {self.from_number_id} → {self.to_number}"

    @property
    def is_final(self) -> bool:
        return self.status in self.FINAL or (bool(self.errors) and self.completed_at is not None)


class TestMessageEvent(models.Model):
    """A messaging webhook (message.sent / message.finalized / message.received). Stored by
    Telnyx's message id, so an event that arrives before the send call returns is kept and
    attached once the message is known."""

    __test__ = False

    message = models.ForeignKey(
        TestMessage, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    telnyx_message_id = models.CharField(max_length=64, db_index=True)
    telnyx_event_id = models.CharField(max_length=64, unique=True)
    event_type = models.CharField(max_length=30)
    status = models.CharField(max_length=24, blank=True)
    detail = models.TextField(blank=True)
    occurred_at = models.DateTimeField(null=True, blank=True)
    payload = models.JSONField(default=dict)  # raw, for audit
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["occurred_at", "id"]

    def __str__(self) -> str:
        return f"{self.event_type} {self.status}"
