"""Hosted compliance pages: a brand's public SMS terms page and opt-in form, and the consent
records the form collects (the proof of opt-in carriers ask for).

The brand's public slug lives here, not on Brand, so the pages can be switched off without
touching the brand.
"""

import hashlib

from django.db import models
from django.utils import timezone
from django.utils.text import slugify

from .organisations import OrgScoped


class HostedPages(OrgScoped):
    brand = models.OneToOneField(
        "compliance.Brand", on_delete=models.CASCADE, related_name="hosted_pages"
    )
    slug = models.SlugField(max_length=60, unique=True)
    enabled = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "hosted pages"

    def __str__(self) -> str:
        return f"/c/{self.slug}/"

    @classmethod
    def unique_slug(cls, name: str) -> str:
        base = slugify(name)[:50] or "brand"
        slug, n = base, 1
        while cls.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug


def disclosure_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class OptInRecord(OrgScoped):
    """One subscriber's consent request, with exactly what they were shown when they asked.

    The form alone proves nothing about the phone (issue 20, finding 14: anyone could create
    consent for anyone): the program's number texts the subscriber, and the consent is
    confirmed only by their reply (YES or the program's opt-in keyword) from that phone to that
    number, kept as evidence (the signed webhook delivery and its text). A request nobody
    confirms expires at `expires_at` (settings.OPT_IN_CONFIRM_HOURS)."""

    class State(models.TextChoices):
        WAITING = "waiting", "Waiting for the subscriber's reply"
        CONFIRMED = "confirmed", "Confirmed by the subscriber's reply"
        EXPIRED = "expired", "Expired: the subscriber never replied"

    brand = models.ForeignKey(
        "compliance.Brand", on_delete=models.CASCADE, related_name="opt_in_records"
    )
    campaign = models.ForeignKey(  # the program the form offered (its number, its keywords)
        "compliance.Campaign", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    phone = models.CharField(max_length=20)  # E.164
    consented_at = models.DateTimeField(auto_now_add=True)  # the form was sent
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=500, blank=True)
    page_url = models.CharField(max_length=500, blank=True)
    disclosure = models.TextField()  # the exact consent text next to the box
    disclosure_sha256 = models.CharField(max_length=64)
    expires_at = models.DateTimeField()  # unconfirmed after this: expired
    # The confirmation text: from the program's number, to `phone`.
    confirmation_from = models.CharField(max_length=20, blank=True)
    confirmation_text = models.TextField(blank=True)
    confirmation_message_id = models.CharField(max_length=64, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmation_error = models.TextField(blank=True)  # in plain words
    # The subscriber's reply that confirmed it: the evidence.
    confirmed_at = models.DateTimeField(null=True, blank=True)
    reply_text = models.TextField(blank=True)
    reply_message_id = models.CharField(max_length=64, blank=True)
    reply_event = models.ForeignKey(  # the signed delivery, stored as received
        "compliance.WebhookEvent",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-consented_at", "-id"]
        indexes = [
            models.Index(fields=["brand", "phone"]),
            models.Index(fields=["phone", "confirmation_from"]),
        ]

    def __str__(self) -> str:
        return f"{self.phone} asked to join {self.brand} at {self.consented_at:%Y-%m-%d %H:%M}"

    @property
    def state(self) -> "OptInRecord.State":
        if self.confirmed_at is not None:
            return self.State.CONFIRMED
        if self.expires_at <= timezone.now():
            return self.State.EXPIRED
        return self.State.WAITING

    @property
    def is_confirmed(self) -> bool:
        return self.state is self.State.CONFIRMED

    def save(self, *args, **kwargs):
        self.disclosure_sha256 = disclosure_hash(self.disclosure)
        super().save(*args, **kwargs)
