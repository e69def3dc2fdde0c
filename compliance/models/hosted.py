"""Hosted compliance pages: a brand's public SMS terms page and opt-in form, and the consent
records the form collects (the proof of opt-in carriers ask for).

The brand's public slug lives here, not on Brand, so the pages can be switched off without
touching the brand.
"""

import hashlib

from django.db import models
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
    """One subscriber's consent, with exactly what they were shown when they gave it."""

    brand = models.ForeignKey(
        "compliance.Brand", on_delete=models.CASCADE, related_name="opt_in_records"
    )
    phone = models.CharField(max_length=20)  # E.164
    consented_at = models.DateTimeField(auto_now_add=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=500, blank=True)
    page_url = models.CharField(max_length=500, blank=True)
    disclosure = models.TextField()  # the exact consent text next to the box
    disclosure_sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["-consented_at", "-id"]
        indexes = [models.Index(fields=["brand", "phone"])]

    def __str__(self) -> str:
        return f"{self.phone} opted in to {self.brand} at {self.consented_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        self.disclosure_sha256 = disclosure_hash(self.disclosure)
        super().save(*args, **kwargs)
