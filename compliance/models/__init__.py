"""The 10DLC domain's models, one module per concern."""

from .brands import Brand, SubmissionState
from .campaigns import Campaign, CampaignEvent
from .notifications import Notification
from .organisations import Membership, Organisation, OrganisationQuerySet, OrgScoped
from .otp import OtpAttempt, OtpVerification
from .vetting import Vetting
from .webhooks import WebhookEvent

__all__ = [
    "Brand",
    "Campaign",
    "CampaignEvent",
    "Membership",
    "Notification",
    "OrgScoped",
    "OtpAttempt",
    "OtpVerification",
    "Organisation",
    "OrganisationQuerySet",
    "SubmissionState",
    "Vetting",
    "WebhookEvent",
]
