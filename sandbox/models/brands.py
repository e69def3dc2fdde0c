"""Sandbox state for Telnyx's brands resources: brands, their OTPs and external vettings."""

import secrets
import uuid

from django.db import models
from django.utils import timezone

SANDBOX_CSP_ID = "SANDBOX"


def _new_id() -> str:
    return str(uuid.uuid4())


def _tcr_brand_id() -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
    return "B" + "".join(secrets.choice(alphabet) for _ in range(6))


class SandboxBrand(models.Model):
    """A brand as Telnyx keeps it. `attributes` holds the submitted wire fields (camelCase)
    besides the ones the sandbox filters or decides on, which are columns."""

    # The Telnyx account holding it: null for the installation's default account.
    account = models.ForeignKey(
        "sandbox.SandboxAccount",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="brands",
    )
    brand_id = models.CharField(max_length=64, unique=True, default=_new_id)
    tcr_brand_id = models.CharField(max_length=10, default=_tcr_brand_id)
    display_name = models.CharField(max_length=100)
    entity_type = models.CharField(max_length=20)
    country = models.CharField(max_length=2)
    state = models.CharField(max_length=20, blank=True)
    attributes = models.JSONField(default=dict)
    status = models.CharField(max_length=25, default="REGISTRATION_PENDING")
    identity_status = models.CharField(max_length=20, blank=True)
    failure_reasons = models.TextField(blank=True)
    feedback = models.JSONField(default=list)  # BrandFeedback categories
    revetted_at = models.DateTimeField(null=True, blank=True)
    two_fa_emails_sent = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.brand_id})"


class SandboxOtp(models.Model):
    """One Sole Proprietor OTP: the PIN the sandbox "texted" to the brand's mobile phone."""

    brand = models.ForeignKey(SandboxBrand, on_delete=models.CASCADE, related_name="otps")
    reference_id = models.CharField(max_length=64, unique=True, default=_new_id)
    pin = models.CharField(max_length=10)
    pin_sms = models.TextField()
    success_sms = models.TextField()
    mobile_phone = models.CharField(max_length=20)
    delivery_status = models.CharField(max_length=30, default="PENDING")
    delivery_status_date = models.DateTimeField(null=True, blank=True)
    request_date = models.DateTimeField(default=timezone.now)
    verify_date = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-request_date", "-id"]

    def __str__(self) -> str:
        return f"OTP {self.reference_id} for {self.brand_id}"

    @property
    def text(self) -> str:
        """The SMS as the phone would show it."""
        return self.pin_sms.replace("@OTP_PIN@", self.pin)


class SandboxVetting(models.Model):
    """An external vetting ordered or imported for a brand; scored after a pace step."""

    brand = models.ForeignKey(SandboxBrand, on_delete=models.CASCADE, related_name="vettings")
    evp_id = models.CharField(max_length=10)
    vetting_class = models.CharField(max_length=30)
    vetting_id = models.CharField(max_length=64, default=_new_id)
    vetting_token = models.CharField(max_length=200, blank=True)
    vetting_score = models.IntegerField(null=True, blank=True)
    create_date = models.DateTimeField(default=timezone.now)
    vetted_date = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-create_date", "-id"]

    def __str__(self) -> str:
        return f"{self.evp_id}/{self.vetting_class} for {self.brand_id}"
