"""A brand: the business registered with TCR through Telnyx.

The row is the wizard's draft while `submission_state` is DRAFT; once submitted it mirrors
Telnyx's brand (`brand_id`, `identity_status`, `status`, `failure_reasons`).
"""

import uuid

from django.conf import settings
from django.db import models

from .organisations import OrgScoped
from .submission import SubmissionState, Submittable


class Brand(OrgScoped, Submittable):
    class EntityType(models.TextChoices):
        PRIVATE_PROFIT = "PRIVATE_PROFIT", "Private company"
        PUBLIC_PROFIT = "PUBLIC_PROFIT", "Publicly traded company"
        NON_PROFIT = "NON_PROFIT", "Non-profit organisation"
        GOVERNMENT = "GOVERNMENT", "Government entity"
        SOLE_PROPRIETOR = "SOLE_PROPRIETOR", "Sole proprietor"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Identity (Telnyx wire names in comments where they differ).
    entity_type = models.CharField(max_length=20, choices=EntityType.choices, blank=True)
    display_name = models.CharField(max_length=100, blank=True)  # displayName
    company_name = models.CharField(max_length=100, blank=True)  # companyName
    ein = models.CharField(max_length=20, blank=True)
    first_name = models.CharField(max_length=100, blank=True)
    last_name = models.CharField(max_length=100, blank=True)
    mobile_phone = models.CharField(max_length=20, blank=True)  # E.164
    alt_business_id = models.CharField(max_length=50, blank=True)
    alt_business_id_type = models.CharField(max_length=10, blank=True)  # NONE, DUNS, GIIN, LEI
    stock_symbol = models.CharField(max_length=10, blank=True)
    stock_exchange = models.CharField(max_length=10, blank=True)
    vertical = models.CharField(max_length=30, blank=True)
    # Address and contact.
    street = models.CharField(max_length=100, blank=True)
    city = models.CharField(max_length=100, blank=True)
    state = models.CharField(max_length=20, blank=True)
    postal_code = models.CharField(max_length=10, blank=True)
    country = models.CharField(max_length=2, default="US")
    phone = models.CharField(max_length=20, blank=True)  # E.164
    email = models.EmailField(max_length=100, blank=True)
    business_contact_email = models.EmailField(max_length=100, blank=True)
    website = models.URLField(max_length=100, blank=True)

    # Telnyx's side.
    brand_id = models.CharField(max_length=64, unique=True, null=True, blank=True)  # brandId
    tcr_brand_id = models.CharField(max_length=32, blank=True)
    identity_status = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=25, blank=True)  # OK, REGISTRATION_PENDING, ...
    failure_reasons = models.JSONField(default=list, blank=True)
    # Brand feedback (why UNVERIFIED): [{"id", "displayName", "description", "fields"}].
    feedback = models.JSONField(default=list, blank=True)
    # Telnyx's 422 on the last submission, keyed by this model's field names ("" = general).
    field_errors = models.JSONField(default=dict, blank=True)
    revetted_at = models.DateTimeField(null=True, blank=True)
    two_fa_email_sent_at = models.DateTimeField(null=True, blank=True)
    # Registered outside the app and imported from Telnyx (services/adoption.py).
    adopted_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organisation", "submission_state"])]

    def __str__(self) -> str:
        return self.display_name or self.company_name or "Untitled brand"

    @property
    def is_sole_proprietor(self) -> bool:
        return self.entity_type == self.EntityType.SOLE_PROPRIETOR

    @property
    def is_editable(self) -> bool:
        """The wizard may change it: a draft, a refused submission, or a registered brand
        being corrected for resubmission (never while a submission is in flight)."""
        return self.submission_state != SubmissionState.PENDING

    @property
    def is_deletable_draft(self) -> bool:
        """A draft never sent to Telnyx: deleting it touches nothing outside this app."""
        return self.submission_state == SubmissionState.DRAFT and not self.brand_id

    @property
    def is_registered(self) -> bool:
        """Registered at Telnyx (it has a brandId), whatever its verification."""
        return bool(self.brand_id)
