"""The 10DLC domain's models, one module per concern."""

from .brands import Brand, SubmissionState
from .campaigns import Campaign, CampaignEvent
from .notifications import Notification
from .organisations import Membership, Organisation, OrganisationQuerySet, OrgScoped
from .review import Appeal, AuditEntry, AuditTrailIsAppendOnly, ReviewClaim, ReviewNote
from .webhooks import WebhookEvent

__all__ = [
    "Appeal",
    "AuditEntry",
    "AuditTrailIsAppendOnly",
    "ReviewClaim",
    "ReviewNote",
    "Brand",
    "Campaign",
    "CampaignEvent",
    "Membership",
    "Notification",
    "OrgScoped",
    "Organisation",
    "OrganisationQuerySet",
    "SubmissionState",
    "WebhookEvent",
]
