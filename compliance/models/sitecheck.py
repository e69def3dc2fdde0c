"""A website or privacy-policy check (RULES.md W1–W5) of a brand or campaign, run as a task.

The row is created RUNNING before the task is enqueued; the task stores the findings (in the
shape of compliance.checks.Finding) and DONE, or UNREACHABLE when the page could not be read
(which is a "could not check" warning, never a block). An organisation over its hourly number
of checks gets a LIMITED row, never run, whose one warning says so in plain words.
"""

import uuid
from datetime import timedelta

from django.db import models
from django.utils import timezone

from .organisations import OrgScoped

# A check still RUNNING after this long lost its worker: the page stops polling for it.
STALLED_AFTER = timedelta(minutes=2)


class SiteCheck(OrgScoped):
    class Kind(models.TextChoices):
        WEBSITE = "website", "Website"
        PRIVACY = "privacy", "Privacy policy"

    class Status(models.TextChoices):
        RUNNING = "running", "Checking…"
        DONE = "done", "Checked"
        UNREACHABLE = "unreachable", "Could not check"
        LIMITED = "limited", "Not checked (hourly limit)"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    brand = models.ForeignKey(
        "compliance.Brand", on_delete=models.CASCADE, related_name="site_checks"
    )
    # Set for a campaign's privacy policy; the brand website check belongs to the brand only.
    campaign = models.ForeignKey(
        "compliance.Campaign",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="site_checks",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    url = models.CharField(max_length=255)
    final_url = models.CharField(max_length=2048, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.RUNNING)
    findings = models.JSONField(default=list, blank=True)  # [{rule, field, severity, …}]
    created_at = models.DateTimeField(auto_now_add=True)
    checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["brand", "kind", "-created_at"]),
            models.Index(fields=["campaign", "kind", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} check of {self.url}: {self.get_status_display()}"

    @property
    def is_running(self) -> bool:
        return self.status == self.Status.RUNNING

    @property
    def is_stalled(self) -> bool:
        return self.is_running and self.created_at < timezone.now() - STALLED_AFTER

    @property
    def errors(self) -> list[dict]:
        return [f for f in self.findings if f["severity"] == "error"]
