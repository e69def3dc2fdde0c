"""The reviewer console's records: the append-only audit trail, claims and internal notes.

Reviewers are the compliance staff of the company running the app; they act on every
organisation's campaigns, so everything they do is written to the audit trail, which is never
edited or deleted (not by the app, not by the admin).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class AuditTrailIsAppendOnly(Exception):
    """An attempt to change or delete a written audit entry."""


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditTrailIsAppendOnly("Audit entries cannot be changed.")

    def delete(self):
        raise AuditTrailIsAppendOnly("Audit entries cannot be deleted.")


class AuditEntry(models.Model):
    """Who did what, when, to which campaign or brand, with the values before and after."""

    class Action(models.TextChoices):
        CLAIM = "claim", "Claimed"
        UNCLAIM = "unclaim", "Released the claim"
        NOTE = "note", "Internal note"
        EDIT = "edit", "Edited the campaign"
        APPEAL = "appeal", "Appealed"
        APPEAL_FAILED = "appeal_failed", "Appeal refused by Telnyx"
        MESSAGE = "message", "Messaged the customer"
        OVERRIDE = "override", "Overrode the rule checks"
        CUSTOMER_MESSAGE = "customer_message", "The customer wrote"
        APPEAL_REQUEST = "appeal_request", "The customer asked for an appeal"
        APPEAL_DECLINED = "appeal_declined", "Declined the appeal request"
        # The organisation's own members (compliance/services/members.py).
        MEMBER_INVITED = "member_invited", "Invited a member"
        INVITATION_RESENT = "invitation_resent", "Sent an invitation again"
        INVITATION_REVOKED = "invitation_revoked", "Revoked an invitation"
        MEMBER_JOINED = "member_joined", "Joined the organisation"
        ROLE_CHANGED = "role_changed", "Changed a member's role"
        MEMBER_REMOVED = "member_removed", "Removed a member"
        OWNER_TRANSFERRED = "owner_transferred", "Transferred ownership"
        # Confirmations that charge a fee (compliance/roles.py: submit_billable).
        BRAND_SUBMITTED = "brand_submitted", "Confirmed the brand registration fee"
        CAMPAIGN_SUBMITTED = "campaign_submitted", "Confirmed the campaign submission fee"
        VETTING_ORDERED = "vetting_ordered", "Confirmed the vetting fee"

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=20, choices=Action.choices)
    organisation = models.ForeignKey(
        "compliance.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    campaign = models.ForeignKey(
        "compliance.Campaign",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_entries",
    )
    brand = models.ForeignKey(
        "compliance.Brand", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    note = models.TextField(blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["action", "created_at"])]

    def __str__(self) -> str:
        return (
            f"{self.actor} {self.get_action_display().lower()} at {self.created_at:%Y-%m-%d %H:%M}"
        )

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditTrailIsAppendOnly("Audit entries cannot be changed.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditTrailIsAppendOnly("Audit entries cannot be deleted.")

    @property
    def changes(self) -> list[tuple[str, object, object]]:
        """(field, before, after) for every key in either side, in a stable order."""
        keys = sorted(set(self.before) | set(self.after))
        return [(key, self.before.get(key), self.after.get(key)) for key in keys]


class ReviewClaim(models.Model):
    """A reviewer working on a campaign. At most one active (unreleased) claim per campaign;
    released claims stay as history."""

    campaign = models.ForeignKey(
        "compliance.Campaign", on_delete=models.CASCADE, related_name="review_claims"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    claimed_at = models.DateTimeField(auto_now_add=True)
    released_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-claimed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign"],
                condition=Q(released_at__isnull=True),
                name="one_active_claim_per_campaign",
            )
        ]

    def __str__(self) -> str:
        return f"{self.campaign} claimed by {self.reviewer}"

    @classmethod
    def release_closed_case(cls, campaign) -> int:
        """A campaign live again (its appeal succeeded) needs no reviewer: release its claim,
        kept as history. How many claims were released."""
        return cls.objects.filter(campaign=campaign, released_at__isnull=True).update(
            released_at=timezone.now()
        )


class ReviewNote(models.Model):
    """A reviewer's internal note on a campaign. Never shown to the customer."""

    campaign = models.ForeignKey(
        "compliance.Campaign", on_delete=models.CASCADE, related_name="review_notes"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:60]


class Appeal(models.Model):
    """One appeal of a rejected campaign (POST /10dlc/campaign/{id}/appeal).

    The row is written before the call, in state SENDING, under a lock on the campaign; the
    partial unique constraint lets only one appeal of a campaign be in flight, so a double
    click or two reviewers appeal once. Campaign.appealed_at is set only once Telnyx accepted.
    """

    class State(models.TextChoices):
        SENDING = "sending", "Being sent to Telnyx"
        # Telnyx took the appeal for review; the outcome is the campaign status that follows.
        ACCEPTED = "accepted", "Sent to Telnyx for review"
        FAILED = "failed", "Refused or not delivered"

    campaign = models.ForeignKey(
        "compliance.Campaign", on_delete=models.CASCADE, related_name="appeals"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.SENDING)
    status_at_appeal = models.CharField(max_length=30)  # campaignStatus when appealed
    error = models.TextField(blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    appealed_at = models.DateTimeField(null=True, blank=True)  # Telnyx's appealed_at

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign"],
                condition=Q(state="sending"),
                name="one_appeal_in_flight_per_campaign",
            )
        ]

    def __str__(self) -> str:
        return f"Appeal of {self.campaign} ({self.get_state_display()})"


class CaseMessage(models.Model):
    """A message on a campaign between its organisation and the reviewers: both sides read
    the whole conversation (a reviewer's internal notes are ReviewNote, never shown)."""

    class Side(models.TextChoices):
        CUSTOMER = "customer", "Customer"
        REVIEWER = "reviewer", "Reviewer"

    campaign = models.ForeignKey(
        "compliance.Campaign", on_delete=models.CASCADE, related_name="case_messages"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    side = models.CharField(max_length=10, choices=Side.choices)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:60]


class AppealRequest(models.Model):
    """A customer's request that a rejected campaign be appealed, with what changed. It waits
    in the reviewers' queue until a reviewer sends the appeal (SENT) or declines it with a
    message (DECLINED); with no reviewer on the installation the customer's request is sent
    to Telnyx at once. At most one open request per campaign."""

    class State(models.TextChoices):
        OPEN = "open", "Waiting for a reviewer"
        SENT = "sent", "Appeal sent to Telnyx"
        DECLINED = "declined", "Declined by the reviewer"

    campaign = models.ForeignKey(
        "compliance.Campaign", on_delete=models.CASCADE, related_name="appeal_requests"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    explanation = models.TextField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    appeal = models.ForeignKey(Appeal, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign"],
                condition=Q(state="open"),
                name="one_open_appeal_request_per_campaign",
            )
        ]

    def __str__(self) -> str:
        return f"Appeal request for {self.campaign} ({self.get_state_display()})"
