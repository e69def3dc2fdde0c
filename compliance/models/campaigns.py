"""A campaign: what a brand sends, for which use case, and its carriers' decisions.

Draft fields use Telnyx's campaignBuilder names (snake_cased); Telnyx's side mirrors
campaignStatus, submissionStatus, failureReasons and per-carrier metadata.
"""

import uuid

from django.conf import settings
from django.db import models

from compliance import lifecycle

from .brands import Brand
from .organisations import OrgScoped
from .submission import Submittable


class Campaign(OrgScoped, Submittable):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    brand = models.ForeignKey(Brand, on_delete=models.PROTECT, related_name="campaigns")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    # Content (campaignBuilder body).
    usecase = models.CharField(max_length=40, blank=True)
    sub_usecases = models.JSONField(default=list, blank=True)
    description = models.TextField(blank=True)
    message_flow = models.TextField(blank=True)
    sample1 = models.TextField(blank=True)
    sample2 = models.TextField(blank=True)
    sample3 = models.TextField(blank=True)
    sample4 = models.TextField(blank=True)
    sample5 = models.TextField(blank=True)
    optin_keywords = models.CharField(max_length=255, blank=True)
    optin_message = models.TextField(blank=True)
    optout_keywords = models.CharField(max_length=255, blank=True, default="STOP")
    optout_message = models.TextField(blank=True)
    help_keywords = models.CharField(max_length=255, blank=True, default="HELP")
    help_message = models.TextField(blank=True)
    embedded_link = models.BooleanField(default=False)
    embedded_link_sample = models.CharField(max_length=255, blank=True)
    embedded_phone = models.BooleanField(default=False)
    number_pool = models.BooleanField(default=False)
    age_gated = models.BooleanField(default=False)
    direct_lending = models.BooleanField(default=False)
    subscriber_optin = models.BooleanField(default=True)
    subscriber_optout = models.BooleanField(default=True)
    subscriber_help = models.BooleanField(default=True)
    terms_and_conditions = models.BooleanField(default=True)
    privacy_policy_link = models.URLField(max_length=255, blank=True)
    terms_and_conditions_link = models.URLField(max_length=255, blank=True)
    auto_renewal = models.BooleanField(default=True)
    # Campaign Verify's token for a POLITICAL campaign: the checker requires it (rule U6).
    # Telnyx's spec has no field for it, so it is kept here and never sent in the body.
    campaign_verify_token = models.CharField(max_length=100, blank=True)

    # Telnyx's side.
    campaign_id = models.CharField(max_length=64, unique=True, null=True, blank=True)
    tcr_campaign_id = models.CharField(max_length=32, blank=True)
    campaign_status = models.CharField(max_length=30, blank=True)  # campaignStatus
    # Telnyx's submissionStatus (CREATED, PENDING, FAILED); ours is submission_state.
    telnyx_submission_status = models.CharField(max_length=10, blank=True)
    failure_reasons = models.JSONField(default=list, blank=True)
    mno_metadata = models.JSONField(default=dict, blank=True)
    operation_status = models.JSONField(default=dict, blank=True)
    monthly_cost = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    up_front_cost = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    # qualify-by-usecase's answer for `usecase` (fees, sub-usecase limits, carriers), raw.
    qualification = models.JSONField(default=dict, blank=True)
    deactivated_at = models.DateTimeField(null=True, blank=True)
    next_renewal_or_expiration = models.DateField(null=True, blank=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    appealed_at = models.DateTimeField(null=True, blank=True)
    # Registered outside the app and imported from Telnyx (services/adoption.py).
    adopted_at = models.DateTimeField(null=True, blank=True)
    # The content as last sent to Telnyx (at submission, or at an appeal after a reviewer's
    # edits), by model field name: what changed since is shown after a rejection.
    submitted_content = models.JSONField(default=dict, blank=True)
    submitted_content_at = models.DateTimeField(null=True, blank=True)

    # The campaign this draft was copied from (a rejected one's way out, or a template).
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies"
    )

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["organisation", "campaign_status"]),
            models.Index(fields=["campaign_status", "status_changed_at"]),
        ]

    def __str__(self) -> str:
        if not self.usecase:
            return f"New campaign for {self.brand}"
        return f"{lifecycle.usecase_label(self.usecase)} campaign for {self.brand}"

    @property
    def samples(self) -> list[str]:
        return [
            s for s in (self.sample1, self.sample2, self.sample3, self.sample4, self.sample5) if s
        ]


class CampaignEvent(models.Model):
    """The campaign's timeline: every status change, webhook event, submission and appeal."""

    class Kind(models.TextChoices):
        SUBMISSION = "submission", "Submission"
        WEBHOOK = "webhook", "Carrier/Telnyx event"
        STATUS = "status", "Status change"
        RECONCILE = "reconcile", "Read back from Telnyx"
        APPEAL = "appeal", "Appeal"
        EDIT = "edit", "Edit"
        MESSAGE = "message", "Message"
        ADOPTED = "adopted", "Imported from Telnyx"

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    event_type = models.CharField(max_length=40, blank=True)  # webhook `type`
    event_status = models.CharField(max_length=20, blank=True)  # webhook `status`
    description = models.TextField(blank=True)
    from_status = models.CharField(max_length=30, blank=True)
    to_status = models.CharField(max_length=30, blank=True)
    webhook_event = models.ForeignKey(
        "compliance.WebhookEvent", null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.description[:60]}"
