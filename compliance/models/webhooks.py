"""Every accepted webhook, stored before it is acted on (raw body for audit)."""

from django.db import models


class WebhookEvent(models.Model):
    class Outcome(models.TextChoices):
        RECEIVED = "received", "Received"
        APPLIED = "applied", "Applied"
        IGNORED = "ignored", "Ignored (stale or no change)"
        UNKNOWN_CAMPAIGN = "unknown", "Unknown campaign or brand"
        FAILED = "failed", "Failed to apply"

    dedup_key = models.CharField(max_length=128, unique=True)
    kind = models.CharField(max_length=40, blank=True)  # campaignStatusUpdate, message.sent ...
    raw_body = models.TextField()
    headers = models.JSONField(default=dict)
    signed_at = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)
    telnyx_campaign_id = models.CharField(max_length=64, blank=True, db_index=True)
    telnyx_brand_id = models.CharField(max_length=64, blank=True)
    campaign = models.ForeignKey(
        "compliance.Campaign",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="webhook_events",
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.RECEIVED)
    processed_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    note = models.CharField(max_length=255, blank=True)  # why it was ignored, or what it did

    class Meta:
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["outcome", "telnyx_campaign_id"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.dedup_key[:12]}"
