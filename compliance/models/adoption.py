"""Registrations made outside the app, taken over from Telnyx (issue 22.4)."""

import uuid

from django.conf import settings
from django.db import models

from .organisations import OrgScoped


class AccountImport(OrgScoped):
    """One run of "import what this Telnyx account already holds" for an organisation: a
    background job with progress, leased so a crashed worker's run is taken up again, and
    idempotent (objects already known are counted, never created twice)."""

    class State(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Importing"
        FINISHED = "finished", "Finished"
        FAILED = "failed", "Stopped"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    # {"brands": {"added": n, "known": n}, "campaigns": {...}, "vettings": {...}, "numbers": {...}}
    counts = models.JSONField(default=dict, blank=True)
    # What could not be mapped, in plain words (one line each).
    unmapped = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    @property
    def done(self) -> bool:
        return self.state in (self.State.FINISHED, self.State.FAILED)

    def count(self, kind: str, outcome: str) -> int:
        return int(self.counts.get(kind, {}).get(outcome, 0))
