"""In-app notifications for an organisation's members, or for the reviewers."""

import uuid

from django.conf import settings
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


class EmailPreference(models.Model):
    """How a user wants notifications by e-mail: one at a time, a daily digest, or none.
    A user with no row gets them one at a time (the default before preferences existed)."""

    class Delivery(models.TextChoices):
        IMMEDIATE = "immediate", "One e-mail per notification, as it happens"
        DAILY = "daily", "One e-mail a day with everything new (daily digest)"
        OFF = "off", "No e-mails: I read them in the app"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preference"
    )
    delivery = models.CharField(max_length=10, choices=Delivery.choices, default=Delivery.IMMEDIATE)
    # The end of the period the last digest covered; the next covers what came after it. A
    # digest run claims a user by moving it with a conditional UPDATE, so two runs never
    # send the same digest twice.
    digest_through = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user}: {self.get_delivery_display()}"
