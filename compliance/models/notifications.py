"""In-app notifications for an organisation's members, or for the reviewers."""

import uuid

from django.db import models

from .organisations import Organisation


class Notification(models.Model):
    class Audience(models.TextChoices):
        CUSTOMER = "customer", "Customer"
        REVIEWERS = "reviewers", "Reviewers"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="notifications"
    )
    audience = models.CharField(max_length=10, choices=Audience.choices, default=Audience.CUSTOMER)
    campaign = models.ForeignKey(
        "compliance.Campaign", null=True, blank=True, on_delete=models.CASCADE
    )
    brand = models.ForeignKey("compliance.Brand", null=True, blank=True, on_delete=models.CASCADE)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organisation", "audience", "read_at"])]

    def __str__(self) -> str:
        return self.title
