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
    telnyx_campaign_id = models.CharField(max_length=64, blank=True)
    telnyx_brand_id = models.CharField(max_length=64, blank=True)
    campaign = models.ForeignKey(
        "compliance.Campaign",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="webhook_events",
    )
    # The organisation whose own Telnyx account's URL received the event (verified with that
    # account's key): it may only change that organisation's rows. Null: the platform URL.
    organisation = models.ForeignKey(
        "compliance.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.RECEIVED)
    processed_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    note = models.CharField(max_length=255, blank=True)  # why it was ignored, or what it did

    class Meta:
        ordering = ["-received_at"]
        # Partial indexes: a new event enters neither the second (its outcome is RECEIVED) nor,
        # once applied, the first, so storing an event (the receiver's hot path) stays cheap.
        indexes = [
            # The events not yet applied, oldest first: what `apply_pending_events` reads.
            models.Index(
                fields=["id"],
                condition=models.Q(processed_at__isnull=True),
                name="webhook_event_unapplied",
            ),
            # Events for a campaign not known yet, replayed once its id is recorded.
            models.Index(
                fields=["telnyx_campaign_id"],
                condition=models.Q(outcome="unknown"),
                name="webhook_event_for_replay",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.dedup_key[:12]}"
