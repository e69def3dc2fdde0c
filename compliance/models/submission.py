"""The columns every object sent to Telnyx carries (brands and campaigns): where our side of
its submission stands. compliance/services/submission.py is the protocol that moves them."""

from django.conf import settings
from django.db import models


class SubmissionState(models.TextChoices):
    """Where our side of a submission stands (Telnyx's own status is a separate field)."""

    DRAFT = "draft", "Draft"
    PENDING = "pending", "Submission pending"  # recorded before the call; a task retries it
    SUBMITTED = "submitted", "Submitted"
    FAILED = "failed", "Submission failed"  # Telnyx refused it (422); fix and resubmit


class Submittable(models.Model):
    """Abstract: an object created at Telnyx through the submission protocol."""

    submission_state = models.CharField(
        max_length=10, choices=SubmissionState.choices, default=SubmissionState.DRAFT
    )
    # Attempts of the current submission (the first one and each background retry).
    submission_attempts = models.PositiveSmallIntegerField(default=0)
    submission_attempted_at = models.DateTimeField(null=True, blank=True)
    submission_error = models.TextField(blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    telnyx_response = models.JSONField(default=dict, blank=True)  # raw, for audit
    last_synced_at = models.DateTimeField(null=True, blank=True)
    # Who ticked the cost box of the current submission: the fee ledger records it as the
    # one who confirmed the charge, also when a background retry is what Telnyx accepts.
    cost_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True

    @property
    def in_flight(self) -> bool:
        """Recorded as sent and not yet answered: nothing may change it meanwhile."""
        return self.submission_state == SubmissionState.PENDING
