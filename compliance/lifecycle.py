"""Status rules of 10DLC brands, campaigns and number assignments: pure functions, no ORM/HTTP.

Every value here comes from ../shared/telnyx/ (FIELDS.md, WEBHOOKS.md, 10DLC-API.md §5, §7).

Campaign progress order
=======================

A campaign passes four stages: the registry (TCR), Telnyx's own review, the carriers' (MNO)
review, and provisioning at the carriers; once live it can be suspended or expire. Within a
stage, "waiting" ranks below "accepted", and a failure ranks above the acceptance of the
same stage (so a rejection after an acceptance moves the campaign); every status of a later
stage ranks above every status of an earlier one, because a campaign cannot be in a later
stage without having passed the earlier ones. The order is total:

====  =========================  =============================================
rank  campaignStatus             stage
====  =========================  =============================================
0     TCR_PENDING                registry: submitted, waiting for TCR
1     TCR_ACCEPTED               registry: accepted (also where an appeal resets to)
2     TCR_FAILED                 registry: refused
3     TELNYX_ACCEPTED            Telnyx review: accepted
4     TELNYX_FAILED              Telnyx review: refused (appealable)
5     MNO_PENDING                carrier review: waiting
6     MNO_ACCEPTED               carrier review: accepted
7     MNO_REJECTED               carrier review: refused (appealable)
8     MNO_PROVISIONED            provisioning: live, numbers can be assigned
9     MNO_PROVISIONING_FAILED    provisioning: failed
10    TCR_SUSPENDED              after going live: suspended (reversible, spec)
11    TCR_EXPIRED                after going live: expired (not reversible, spec)
====  =========================  =============================================

`next_status` (events and read-backs)
=====================================

``next_status(current, proposed)`` for a webhook event is the higher-ranked of the two. As
this is the maximum over a total order, it is idempotent (the same event twice changes
nothing), commutative and associative (events applied in any order end in the status of the
most advanced one) and never ranks below ``current``: a late or repeated event cannot move
a campaign backwards (MNO_PROVISIONED stays when a stale TCR_ACCEPTED arrives), while a
rejection after an acceptance of the same stage moves it (MNO_PENDING → MNO_REJECTED).

``authoritative=True`` means the status was read back from ``GET /10dlc/campaign/{id}``:
Telnyx's answer is taken as the truth, whatever its rank. That is the only way a campaign
moves down the order, e.g. when an appeal resets a TELNYX_FAILED or MNO_REJECTED campaign to
TCR_ACCEPTED (10DLC-API.md §2.3), when a suspension is lifted, or to correct a stale
rejection that arrived after an appeal had already succeeded (events carry no ordering
information a pure rule could use; the periodic read-back repairs such cases).

Webhook events (`meaning_of_event`)
===================================

A campaignStatusUpdate says what happened (``type`` + ``status``), not the new
campaignStatus (WEBHOOKS.md). ``status`` ACCEPTED and success count as positive, REJECTED
and failed as negative (matched without regard to case, as the enum mixes both cases).

==========================  ===========  ==================  ========  =====================
type                        status       implies             readback  why
==========================  ===========  ==================  ========  =====================
REGISTRATION                positive     TCR_ACCEPTED        no        TCR registered it
REGISTRATION                negative     TCR_FAILED          yes       failureReasons
TELNYX_REVIEW               positive     TELNYX_ACCEPTED     no        §7.2
TELNYX_REVIEW               negative     TELNYX_FAILED       yes       failureReasons
MNO_REVIEW                  positive     MNO_ACCEPTED        no        §7.2; not yet live
MNO_REVIEW                  negative     MNO_REJECTED        yes       failureReasons
VERIFIED                    positive     MNO_PROVISIONED     yes       (a)
TCR_EVENT                   positive     TCR_ACCEPTED        yes       (b)
TCR_EVENT                   negative     None                yes       (b)
VERIFIED                    negative     None                yes       undocumented
TELNYX_EVENT                any          None                yes       (c)
NUMBER_POOL_(DE)PROVISIONED any          None                yes       (d)
any                         DORMANT      None                yes       (c)
unknown type or status      -            None                yes       WEBHOOKS.md
==========================  ===========  ==================  ========  =====================

(a) 10DLC-API.md §7.2 reads VERIFIED as "reached MNO_PROVISIONED", from a runbook example,
    not from the spec. Going live lets numbers carry traffic, so it is confirmed by a read-back.
(b) a TCR_EVENT's real meaning is its ``eventType`` (CAMPAIGN_EXPIRED, …_SUSPENDED,
    MNO_CAMPAIGN_OPERATION_REJECTED, …), which the spec's flat payload does not carry. Any
    positive TCR event at least proves TCR accepted the campaign (a harmless lower bound under
    `next_status`); a negative one could be a registry, carrier or suspension matter.
(c) TELNYX_EVENT/DORMANT: the runbook calls a dormant campaign suspended, but no document
    says which campaignStatus follows; the read-back tells.
(d) number-pool events concern the campaign's numbers, not its campaignStatus.

Every negative event asks for a read-back: the customer needs ``failureReasons`` to fix or
appeal, and a rejection may be stale after a successful appeal. A service applies
``implied`` with ``next_status`` at once and, when ``needs_readback``, reads the campaign
back and applies that answer with ``authoritative=True``.

Groups
======

- PENDING: a decision is awaited; poll and reconcile these often.
- TERMINAL: Telnyx will not change them on its own (the failures, and expiry); the two
  APPEALABLE ones can move again only after the customer appeals.
- The remaining two, MNO_PROVISIONED and TCR_SUSPENDED, are settled but can still change
  (suspension, expiry, lifted suspension); reconcile them now and then.
- CAN_CARRY_TRAFFIC = {MNO_PROVISIONED}: the only status the documents describe as the
  carriers having set the campaign up (VERIFIED, "reached MNO_PROVISIONED"). Before it the
  carriers are still reviewing or provisioning; a suspended or expired campaign has been
  removed from the carriers' registry (spec: "campaign data is deleted from the OSR").
"""

from dataclasses import dataclass
from enum import StrEnum

# The wire's status enums are declared once, in the generated vocabulary.
from compliance.telnyx.fields import (  # noqa: F401  (re-exported for the domain)
    AssignmentStatus,
    BrandIdentityStatus,
    BrandStatus,
    CampaignStatus,
    EventStatus,
    EventType,
    SubmissionStatus,
)


class Badge(StrEnum):
    OK = "ok"
    WARN = "warn"
    BAD = "bad"
    INFO = "info"


C = CampaignStatus

PROGRESS: tuple[CampaignStatus, ...] = (
    C.TCR_PENDING,
    C.TCR_ACCEPTED,
    C.TCR_FAILED,
    C.TELNYX_ACCEPTED,
    C.TELNYX_FAILED,
    C.MNO_PENDING,
    C.MNO_ACCEPTED,
    C.MNO_REJECTED,
    C.MNO_PROVISIONED,
    C.MNO_PROVISIONING_FAILED,
    C.TCR_SUSPENDED,
    C.TCR_EXPIRED,
)
_RANK = {status: rank for rank, status in enumerate(PROGRESS)}

PENDING = frozenset(
    {C.TCR_PENDING, C.TCR_ACCEPTED, C.TELNYX_ACCEPTED, C.MNO_PENDING, C.MNO_ACCEPTED}
)
TERMINAL = frozenset(
    {C.TCR_FAILED, C.TELNYX_FAILED, C.MNO_REJECTED, C.MNO_PROVISIONING_FAILED, C.TCR_EXPIRED}
)
APPEALABLE = frozenset({C.TELNYX_FAILED, C.MNO_REJECTED})
# Submitted and not at a dead end: in review, live, or suspended (still the customer's).
LIVE = frozenset(PROGRESS) - TERMINAL
CAN_CARRY_TRAFFIC = frozenset({C.MNO_PROVISIONED})
WORTH_TELLING = TERMINAL | CAN_CARRY_TRAFFIC | {C.TCR_SUSPENDED}
"""The statuses a customer is notified of: a decision that asks something of them or ends
the wait (live, rejected, refused, suspended, expired). The steps between (accepted by the
registry, by Telnyx, by the carriers) show on the page's stepper and timeline only, so one
approval is one notification, not four."""

_CAMPAIGN_WORDS = {
    C.TCR_PENDING: "Your campaign has been sent to The Campaign Registry and is waiting for it.",
    C.TCR_ACCEPTED: "The Campaign Registry accepted your campaign; Telnyx will review it next.",
    C.TCR_FAILED: (
        "The Campaign Registry refused your campaign; fix the reasons shown and submit a new one."
    ),
    C.TELNYX_ACCEPTED: "Telnyx approved your campaign and is sending it to the carriers.",
    C.TELNYX_FAILED: (
        "Telnyx's review rejected your campaign; fix the reasons shown, then appeal."
    ),
    C.MNO_PENDING: "The carriers are reviewing your campaign (usually 3 to 10 business days).",
    C.MNO_ACCEPTED: "The carriers approved your campaign and are setting it up.",
    C.MNO_REJECTED: "A carrier rejected your campaign; fix the reasons shown, then appeal.",
    C.MNO_PROVISIONED: "Your campaign is live: assign numbers to it and start sending.",
    C.MNO_PROVISIONING_FAILED: (
        "The carriers approved your campaign but could not set it up; contact support."
    ),
    C.TCR_SUSPENDED: "Your campaign is suspended and cannot send messages until it is restored.",
    C.TCR_EXPIRED: "Your campaign has expired; register a new campaign to send messages again.",
}

_CAMPAIGN_BADGES = {
    **dict.fromkeys(PENDING, Badge.INFO),
    C.MNO_PROVISIONED: Badge.OK,
    **dict.fromkeys(APPEALABLE | {C.TCR_SUSPENDED}, Badge.WARN),
    **dict.fromkeys(TERMINAL - APPEALABLE, Badge.BAD),
}


def campaign_status(value: CampaignStatus | str) -> CampaignStatus:
    """The enum member for a campaignStatus text; ValueError for a value Telnyx never sends."""
    return CampaignStatus(value)


def rank(status: CampaignStatus | str) -> int:
    """How far along the campaign is (see the order in the module docstring)."""
    return _RANK[campaign_status(status)]


def plain_words(status: CampaignStatus | str | None) -> str:
    """One sentence telling the customer where the campaign stands."""
    if status is None:
        return "Your campaign has not been submitted yet."
    return _CAMPAIGN_WORDS[campaign_status(status)]


def badge(status: CampaignStatus | str | None) -> Badge:
    """ok (live), info (in review), warn (needs the customer), bad (dead end)."""
    if status is None:
        return Badge.INFO
    return _CAMPAIGN_BADGES[campaign_status(status)]


def next_status(
    current: CampaignStatus | str | None,
    proposed: CampaignStatus | str | None,
    *,
    authoritative: bool = False,
) -> CampaignStatus | None:
    """The campaign's status once ``proposed`` (from an event or a read-back) is applied.

    Non-authoritative: the higher-ranked of the two (None, "nothing known", ranks lowest).
    Authoritative (Telnyx's GET said so): ``proposed`` itself, unless it is None.
    """
    current = None if current is None else campaign_status(current)
    proposed = None if proposed is None else campaign_status(proposed)
    if proposed is None:
        return current
    if authoritative or current is None:
        return proposed
    return max(current, proposed, key=_RANK.__getitem__)


def appeal_allowed(status: CampaignStatus | str | None) -> tuple[bool, str]:
    """Whether ``POST /10dlc/campaign/{id}/appeal`` is allowed now, and why (or why not)."""
    if status is None:
        return False, "The campaign has not been submitted yet."
    status = campaign_status(status)
    if status in APPEALABLE:
        return True, "The campaign was rejected; an appeal sends it back for manual review."
    if status in PENDING:
        return False, "The campaign is still under review; only a rejection can be appealed."
    if status in CAN_CARRY_TRAFFIC:
        return False, "The campaign is already live."
    if status == C.TCR_SUSPENDED:
        return False, "A suspension cannot be appealed through the API; contact support."
    if status == C.TCR_EXPIRED:
        return False, "An expired campaign cannot be appealed; register a new campaign."
    if status == C.TCR_FAILED:
        return False, "The registry refused the campaign; fix it and submit a new campaign."
    return False, "Provisioning failures cannot be appealed; contact support."


@dataclass(frozen=True)
class EventMeaning:
    """What a campaignStatusUpdate webhook tells about its campaign."""

    implied: CampaignStatus | None
    needs_readback: bool
    summary: str


_POSITIVE = frozenset({EventStatus.ACCEPTED, EventStatus.SUCCESS})
_NEGATIVE = frozenset({EventStatus.REJECTED, EventStatus.FAILED})

# (type, positive?) -> (implied status, needs read-back, summary); see the module docstring.
_EVENT_TABLE: dict[tuple[EventType, bool], tuple[CampaignStatus | None, bool, str]] = {
    (EventType.REGISTRATION, True): (
        C.TCR_ACCEPTED,
        False,
        "The Campaign Registry accepted the campaign.",
    ),
    (EventType.REGISTRATION, False): (
        C.TCR_FAILED,
        True,
        "The Campaign Registry refused the campaign.",
    ),
    (EventType.TELNYX_REVIEW, True): (C.TELNYX_ACCEPTED, False, "Telnyx approved the campaign."),
    (EventType.TELNYX_REVIEW, False): (C.TELNYX_FAILED, True, "Telnyx rejected the campaign."),
    (EventType.MNO_REVIEW, True): (C.MNO_ACCEPTED, False, "The carriers approved the campaign."),
    (EventType.MNO_REVIEW, False): (C.MNO_REJECTED, True, "A carrier rejected the campaign."),
    (EventType.VERIFIED, True): (
        C.MNO_PROVISIONED,
        True,
        "The campaign was set up at the carriers and is live.",
    ),
    (EventType.VERIFIED, False): (
        None,
        True,
        "A verification step failed; reading the campaign back.",
    ),
    (EventType.TCR_EVENT, True): (
        C.TCR_ACCEPTED,
        True,
        "The Campaign Registry reported an update on the campaign.",
    ),
    (EventType.TCR_EVENT, False): (
        None,
        True,
        "The Campaign Registry reported a problem with the campaign.",
    ),
}

_UNCLEAR_SUMMARIES = {
    EventType.TELNYX_EVENT: "Telnyx reported an event on the campaign.",
    EventType.NUMBER_POOL_PROVISIONED: "The campaign's number pool was provisioned.",
    EventType.NUMBER_POOL_DEPROVISIONED: "The campaign's number pool was deprovisioned.",
}


def _parse[E: StrEnum](enum: type[E], value: str | None) -> E | None:
    folded = (value or "").strip().casefold()
    return next((member for member in enum if member.value.casefold() == folded), None)


def meaning_of_event(event_type: str | None, event_status: str | None) -> EventMeaning:
    """Map a campaignStatusUpdate (``type``, ``status``) to what it says about the campaign.

    Never raises: unknown or missing values ask for a read-back (WEBHOOKS.md: a field the app
    does not know is information only).
    """
    kind = _parse(EventType, event_type)
    outcome = _parse(EventStatus, event_status)
    if kind is None or outcome is None:
        return EventMeaning(
            None, True, f"Unrecognised campaign event {event_type!r}/{event_status!r}."
        )
    if outcome == EventStatus.DORMANT:
        return EventMeaning(None, True, "The campaign was marked dormant.")
    if kind in _UNCLEAR_SUMMARIES:
        return EventMeaning(None, True, _UNCLEAR_SUMMARIES[kind])
    implied, needs_readback, summary = _EVENT_TABLE[(kind, outcome in _POSITIVE)]
    return EventMeaning(implied, needs_readback, summary)


# Campaign submission (submissionStatus) ------------------------------------------------------

_SUBMISSION_WORDS = {
    SubmissionStatus.PENDING: "Your campaign submission is being processed.",
    SubmissionStatus.CREATED: "Your campaign was created at the registry.",
    SubmissionStatus.FAILED: "Your campaign could not be submitted; see the reasons shown.",
}


def submission_plain_words(status: SubmissionStatus | str) -> str:
    return _SUBMISSION_WORDS[SubmissionStatus(status)]


# Brands (status, identityStatus) --------------------------------------------------------------

CAN_CREATE_CAMPAIGN = frozenset(
    {
        BrandIdentityStatus.VERIFIED,
        BrandIdentityStatus.VETTED_VERIFIED,
        BrandIdentityStatus.SELF_DECLARED,
    }
)
"""identityStatus values that allow a campaign (compliance RULES.md B10)."""

_BRAND_STATUS_WORDS = {
    BrandStatus.REGISTRATION_PENDING: "Your brand is being registered with The Campaign Registry.",
    BrandStatus.REGISTRATION_FAILED: (
        "Your brand's registration failed; fix the reasons shown and try again."
    ),
}
_IDENTITY_WORDS = {
    BrandIdentityStatus.VERIFIED: "Your brand is registered and verified.",
    BrandIdentityStatus.VETTED_VERIFIED: "Your brand is registered, verified and vetted.",
    BrandIdentityStatus.SELF_DECLARED: "Your brand is registered on your own declaration.",
    BrandIdentityStatus.UNVERIFIED: (
        "Your brand is registered but not verified; see the feedback on what to fix."
    ),
}


def brand_is_pending(status: BrandStatus | str | None) -> bool:
    """Whether the brand's registration is still awaited (poll and reconcile it)."""
    return status is None or BrandStatus(status) == BrandStatus.REGISTRATION_PENDING


def brand_can_create_campaign(identity_status: BrandIdentityStatus | str | None) -> bool:
    return identity_status is not None and BrandIdentityStatus(identity_status) in (
        CAN_CREATE_CAMPAIGN
    )


def brand_plain_words(
    status: BrandStatus | str | None, identity_status: BrandIdentityStatus | str | None
) -> str:
    """One sentence on the brand; registration status first, then identity."""
    if status is None:
        return "Your brand has not been registered yet."
    status = BrandStatus(status)
    if status in _BRAND_STATUS_WORDS:
        return _BRAND_STATUS_WORDS[status]
    if identity_status is None:
        return "Your brand is registered; its verification is not known yet."
    return _IDENTITY_WORDS[BrandIdentityStatus(identity_status)]


def brand_badge(
    status: BrandStatus | str | None, identity_status: BrandIdentityStatus | str | None
) -> Badge:
    if brand_is_pending(status):
        return Badge.INFO
    if status == BrandStatus.REGISTRATION_FAILED:
        return Badge.BAD
    if identity_status is None:
        return Badge.INFO
    return Badge.OK if brand_can_create_campaign(identity_status) else Badge.WARN


# Number assignments (assignmentStatus) --------------------------------------------------------

ASSIGNMENT_PENDING = frozenset(
    {AssignmentStatus.PENDING_ASSIGNMENT, AssignmentStatus.PENDING_UNASSIGNMENT}
)

_ASSIGNMENT_WORDS = {
    AssignmentStatus.PENDING_ASSIGNMENT: "The number is being assigned to the campaign.",
    AssignmentStatus.ASSIGNED: "The number is assigned to the campaign.",
    AssignmentStatus.FAILED_ASSIGNMENT: (
        "The number could not be assigned to the campaign; see the reason shown."
    ),
    AssignmentStatus.PENDING_UNASSIGNMENT: "The number is being removed from the campaign.",
    AssignmentStatus.FAILED_UNASSIGNMENT: (
        "The number could not be removed from the campaign; see the reason shown."
    ),
}
_ASSIGNMENT_BADGES = {
    AssignmentStatus.PENDING_ASSIGNMENT: Badge.INFO,
    AssignmentStatus.PENDING_UNASSIGNMENT: Badge.INFO,
    AssignmentStatus.ASSIGNED: Badge.OK,
    AssignmentStatus.FAILED_ASSIGNMENT: Badge.BAD,
    AssignmentStatus.FAILED_UNASSIGNMENT: Badge.BAD,
}


def assignment_plain_words(status: AssignmentStatus | str) -> str:
    return _ASSIGNMENT_WORDS[AssignmentStatus(status)]


def assignment_badge(status: AssignmentStatus | str) -> Badge:
    return _ASSIGNMENT_BADGES[AssignmentStatus(status)]


def assignment_is_pending(status: AssignmentStatus | str) -> bool:
    return AssignmentStatus(status) in ASSIGNMENT_PENDING


# -- use cases as people read them ------------------------------------------------------------
USECASE_LABELS = {
    "2FA": "Two-factor authentication",
    "ACCOUNT_NOTIFICATION": "Account notifications",
    "CUSTOMER_CARE": "Customer care",
    "DELIVERY_NOTIFICATION": "Delivery notifications",
    "FRAUD_ALERT": "Fraud alerts",
    "HIGHER_EDUCATION": "Higher education",
    "LOW_VOLUME": "Low-volume mixed",
    "MARKETING": "Marketing",
    "MIXED": "Mixed",
    "POLLING_VOTING": "Polling and voting",
    "PUBLIC_SERVICE_ANNOUNCEMENT": "Public service announcements",
    "SECURITY_ALERT": "Security alerts",
    "SOLE_PROPRIETOR": "Sole proprietor",
    "AGENTS_FRANCHISES": "Agents and franchises",
    "CARRIER_EXEMPT": "Carrier-exempt",
    "CHARITY": "Charity",
    "EMERGENCY": "Emergency",
    "K12_EDUCATION": "K-12 education",
    "M2M": "Machine to machine",
    "POLITICAL": "Political",
    "PROXY": "Proxy",
    "SOCIAL": "Social",
    "SWEEPSTAKE": "Sweepstakes",
    "TRIAL": "Trial",
    "UCAAS_HIGH": "UCaaS, high volume",
    "UCAAS_LOW": "UCaaS, low volume",
}


def usecase_label(code: str) -> str:
    """A use case's name for people ("Two-factor authentication", not "2FA" or "2Fa")."""
    if not code:
        return ""
    return USECASE_LABELS.get(code, code.replace("_", " ").capitalize())
