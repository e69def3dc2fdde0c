"""The fee ledger: every billable action Telnyx accepted, recorded once, with what it cost.

One row per charge: a brand registration (or a registered brand's resubmission), an external
vetting, a campaign submission (its one-off fee and first months), each monthly campaign fee
as it falls due, and each appeal. `amount` is None when no amount is known; `words` then say
so. compliance/services/ledger.py writes the rows; nothing edits them.
"""

import uuid

from django.conf import settings
from django.db import models

from .brands import Brand
from .campaigns import Campaign
from .organisations import OrgScoped


class FeeEntry(OrgScoped):
    class Kind(models.TextChoices):
        BRAND_REGISTRATION = "brand_registration", "Brand registration"
        BRAND_RESUBMISSION = "brand_resubmission", "Brand resubmission"
        EXTERNAL_VETTING = "external_vetting", "External vetting"
        CAMPAIGN_SUBMISSION = "campaign_submission", "Campaign submission"
        MONTHLY_FEE = "monthly_fee", "Monthly campaign fee"
        APPEAL = "appeal", "Appeal"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=24, choices=Kind.choices)
    # kind, the object and which occurrence of the action (a month, an appeal, a vetting …):
    # unique, so a retried or repeated recording of the same charge adds nothing.
    key = models.CharField(max_length=200, unique=True)
    brand = models.ForeignKey(
        Brand, null=True, blank=True, on_delete=models.SET_NULL, related_name="fee_entries"
    )
    campaign = models.ForeignKey(
        Campaign, null=True, blank=True, on_delete=models.SET_NULL, related_name="fee_entries"
    )
    subject = models.CharField(max_length=255)  # the object in words, kept if it is deleted
    amount = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    words = models.TextField()  # what was charged, in a sentence (and why no amount, if none)
    incurred_on = models.DateField()
    # Who ticked "I understand that this costs …" (None: nobody was asked).
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["incurred_on", "created_at", "id"]
        verbose_name_plural = "fee entries"
        indexes = [models.Index(fields=["organisation", "incurred_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.subject} on {self.incurred_on}"
