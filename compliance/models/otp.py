"""Sole Proprietor OTP: each PIN sent to a brand's mobile phone, and each PIN typed in.

Attempts are kept to enforce the lock-out (at most 5 wrong PINs per hour per brand).
"""

from datetime import timedelta

from django.db import models
from django.utils import timezone

from .brands import Brand
from .organisations import OrgScoped

MAX_WRONG_PINS = 5
WRONG_PIN_WINDOW = timedelta(hours=1)
RESEND_COOL_DOWN = timedelta(seconds=60)


class OtpVerification(OrgScoped):
    """One PIN sent by Telnyx (POST smsOtp), with its delivery status as last read."""

    brand = models.ForeignKey(Brand, on_delete=models.CASCADE, related_name="otp_verifications")
    reference_id = models.CharField(max_length=64, unique=True)  # referenceId
    requested_at = models.DateTimeField(default=timezone.now)
    delivery_status = models.CharField(max_length=40, blank=True)  # e.g. DELIVERED_HANDSET
    delivery_status_date = models.DateTimeField(null=True, blank=True)
    verified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return f"OTP {self.reference_id} for {self.brand}"

    @property
    def resend_available_at(self):
        return self.requested_at + RESEND_COOL_DOWN


class OtpAttemptQuerySet(models.QuerySet):
    def wrong_in_window(self, brand: Brand, now=None):
        now = now or timezone.now()
        return self.filter(brand=brand, correct=False, attempted_at__gt=now - WRONG_PIN_WINDOW)


class OtpAttempt(OrgScoped):
    """One PIN typed in by a user; wrong ones count towards the lock-out."""

    brand = models.ForeignKey(Brand, on_delete=models.CASCADE, related_name="otp_attempts")
    attempted_at = models.DateTimeField(default=timezone.now)
    correct = models.BooleanField(default=False)

    objects = OtpAttemptQuerySet.as_manager()  # type: ignore[assignment,misc]  # narrower queryset

    class Meta:
        ordering = ["-attempted_at", "-id"]
        indexes = [models.Index(fields=["brand", "attempted_at"])]

    def __str__(self) -> str:
        return f"{'Correct' if self.correct else 'Wrong'} PIN for {self.brand}"
