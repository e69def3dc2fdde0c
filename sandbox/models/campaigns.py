"""Sandbox state for Telnyx's campaigns resources: native campaigns (campaignBuilder) and
partner campaigns shared with Telnyx by another CSP."""

import secrets
import uuid

from django.db import models
from django.utils import timezone

from sandbox.campaign_review import BrandFacts
from sandbox.models.brands import SandboxBrand


def brand_facts(brand: SandboxBrand) -> BrandFacts:
    """What the campaign rules need of a sandbox brand."""
    return BrandFacts(
        brand_id=brand.brand_id,
        tcr_brand_id=brand.tcr_brand_id,
        display_name=brand.display_name,
        company_name=brand.attributes.get("companyName") or "",
        entity_type=brand.entity_type,
        identity_status=brand.identity_status,
        mock=bool(brand.attributes.get("mock")),
        website=brand.attributes.get("website") or "",
    )


def _campaign_id() -> str:
    return str(uuid.uuid4())


def _tcr_campaign_id() -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
    return "C" + "".join(secrets.choice(alphabet) for _ in range(6))


class SandboxCampaign(models.Model):
    """A campaign as Telnyx keeps it. `attributes` holds the submitted content (camelCase
    wire fields of CampaignBuilderSubmitParams, updated by PUT); what the sandbox decides on
    or filters by is a column."""

    campaign_id = models.CharField(max_length=64, unique=True, default=_campaign_id)
    tcr_campaign_id = models.CharField(max_length=10, default=_tcr_campaign_id)
    brand = models.ForeignKey(SandboxBrand, on_delete=models.CASCADE, related_name="campaigns")
    usecase = models.CharField(max_length=40)
    attributes = models.JSONField(default=dict)
    campaign_status = models.CharField(max_length=30, default="TCR_PENDING")
    submission_status = models.CharField(max_length=10, default="PENDING")
    status = models.CharField(max_length=10, default="ACTIVE")  # ACTIVE, EXPIRED
    failure_reasons = models.TextField(blank=True)
    operation_status = models.JSONField(default=dict)  # MNO id -> REVIEW/APPROVED/REJECTED
    is_t_mobile_registered = models.BooleanField(default=False)
    appeal_reason = models.TextField(blank=True)
    appealed_at = models.DateTimeField(null=True, blank=True)
    billed_date = models.DateTimeField(null=True, blank=True)
    next_renewal_or_expiration = models.DateTimeField(null=True, blank=True)
    deactivated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.usecase} {self.campaign_id} ({self.campaign_status})"


class SandboxPartnerCampaign(models.Model):
    """A campaign registered at another CSP and shared with Telnyx; listed once accepted."""

    tcr_campaign_id = models.CharField(max_length=10, unique=True, default=_tcr_campaign_id)
    tcr_brand_id = models.CharField(max_length=10)
    brand_display_name = models.CharField(max_length=100)
    usecase = models.CharField(max_length=40)
    attributes = models.JSONField(default=dict)  # content fields of TelnyxDownstreamCampaign
    campaign_status = models.CharField(max_length=30, default="MNO_PROVISIONED")
    upstream_cnp_id = models.CharField(max_length=20)
    accepted_at = models.DateTimeField(null=True, blank=True)
    shared_at = models.DateTimeField(default=timezone.now)
    webhook_url = models.CharField(max_length=500, blank=True)
    webhook_failover_url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Partner campaign {self.tcr_campaign_id}"
