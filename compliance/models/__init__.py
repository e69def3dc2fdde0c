"""The 10DLC domain's models, one module per concern."""

from .adoption import AccountImport
from .brands import Brand
from .campaigns import Campaign, CampaignEvent
from .hosted import HostedPages, OptInRecord
from .leases import WorkLease
from .ledger import FeeEntry
from .notifications import EmailPreference, Notification
from .numbers import (
    BulkAssignment,
    BulkAssignmentItem,
    MessagingProfile,
    PhoneNumber,
    ProfileAssignmentNumber,
    ProfileAssignmentTask,
    TestMessage,
    TestMessageEvent,
)
from .organisations import Invitation, Membership, Organisation, OrganisationQuerySet, OrgScoped
from .otp import OtpAttempt, OtpVerification
from .review import (
    Appeal,
    AppealRequest,
    AuditEntry,
    AuditTrailIsAppendOnly,
    CaseMessage,
    ReviewClaim,
    ReviewNote,
)
from .sitecheck import SiteCheck
from .submission import SubmissionState, Submittable
from .telnyx_accounts import TelnyxAccount
from .vetting import Vetting
from .webhooks import WebhookEvent

__all__ = [
    "AccountImport",
    "TelnyxAccount",
    "Appeal",
    "AuditEntry",
    "AuditTrailIsAppendOnly",
    "ReviewClaim",
    "ReviewNote",
    "AppealRequest",
    "CaseMessage",
    "Brand",
    "BulkAssignment",
    "BulkAssignmentItem",
    "Campaign",
    "CampaignEvent",
    "FeeEntry",
    "HostedPages",
    "Invitation",
    "Membership",
    "MessagingProfile",
    "EmailPreference",
    "Notification",
    "OptInRecord",
    "OrgScoped",
    "OtpAttempt",
    "OtpVerification",
    "Organisation",
    "OrganisationQuerySet",
    "SiteCheck",
    "SubmissionState",
    "Submittable",
    "Vetting",
    "WorkLease",
    "PhoneNumber",
    "ProfileAssignmentNumber",
    "ProfileAssignmentTask",
    "TestMessage",
    "TestMessageEvent",
    "WebhookEvent",
]
