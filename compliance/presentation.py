"""How a status reads to people: one place for the label, the badge colour and the sentence
of every brand, campaign and number-assignment status, used by every page, e-mail and CSV.

lifecycle.py says what a status *means* (pending, terminal, appealable …); this module says
how it *reads*. A status the app does not know (Telnyx added one) reads "Status not known yet"
with the raw code kept for the technical-details disclosure, never a crash and never the bare
code as the label.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import ua_parser
from django.db.models import Q

from compliance import lifecycle, stepper
from compliance.lifecycle import Badge
from compliance.models import Brand, Campaign, SubmissionState


@dataclass(frozen=True)
class Status:
    label: str  # a few words for the badge: "Live", "Rejected by the carriers"
    badge: str  # the badge's colour class: ok, info, warn, bad, "" (neutral)
    sentence: str = ""  # where it stands and what happens next, in one sentence
    code: str = ""  # Telnyx's raw code, for the technical-details disclosure only


UNKNOWN = "Status not known yet"

CAMPAIGN_LABELS = {
    "TCR_PENDING": "With the registry",
    "TCR_ACCEPTED": "Accepted by the registry",
    "TCR_FAILED": "Refused by the registry",
    "TELNYX_ACCEPTED": "Accepted by Telnyx",
    "TELNYX_FAILED": "Rejected by Telnyx",
    "MNO_PENDING": "With the carriers",
    "MNO_ACCEPTED": "Accepted by the carriers",
    "MNO_REJECTED": "Rejected by the carriers",
    "MNO_PROVISIONED": "Live",
    "MNO_PROVISIONING_FAILED": "Carrier set-up failed",
    "TCR_SUSPENDED": "Suspended",
    "TCR_EXPIRED": "Expired",
}

ASSIGNMENT_LABELS = {
    "ASSIGNED": "Assigned",
    "PENDING_ASSIGNMENT": "Being assigned",
    "FAILED_ASSIGNMENT": "Assignment failed",
    "PENDING_UNASSIGNMENT": "Being unassigned",
    "FAILED_UNASSIGNMENT": "Unassignment failed",
}

IDENTITY_LABELS = {
    "VERIFIED": "Verified",
    "VETTED_VERIFIED": "Verified and vetted",
    "UNVERIFIED": "Not verified",
    "SELF_DECLARED": "Self-declared",
}

_OUR_SIDE = {
    SubmissionState.PENDING: Status(
        "Being submitted",
        Badge.INFO,
        "We recorded the submission and are waiting for Telnyx's answer; it is retried "
        "automatically and never sent twice.",
    ),
    SubmissionState.FAILED: Status(
        "Needs changes", Badge.BAD, "Telnyx refused the last submission; fix it and submit again."
    ),
}


def campaign_status(campaign: Campaign) -> Status:
    """Our side first (draft, being submitted, refused, deactivated), then Telnyx's status."""
    if campaign.submission_state == SubmissionState.DRAFT:
        return Status("Draft", "", "This campaign has not been submitted yet.")
    if campaign.submission_state in _OUR_SIDE:
        return _OUR_SIDE[SubmissionState(campaign.submission_state)]
    if campaign.deactivated_at:
        return Status(
            "Deactivated", Badge.BAD, "You deactivated this campaign; it sends no messages."
        )
    return campaign_status_code(campaign.campaign_status or None)


def campaign_status_code(code: str | None) -> Status:
    """A campaignStatus on its own (timelines, lists of events)."""
    if code is None:
        return Status("Submitted", Badge.INFO, lifecycle.plain_words(None))
    if code not in CAMPAIGN_LABELS:
        return Status(UNKNOWN, Badge.INFO, "Telnyx reported a status we do not know yet.", code)
    return Status(CAMPAIGN_LABELS[code], lifecycle.badge(code), lifecycle.plain_words(code), code)


def brand_status(brand: Brand) -> Status:
    """Our side first, then Telnyx's registration and verification of the brand."""
    if brand.submission_state in _OUR_SIDE:
        return _OUR_SIDE[SubmissionState(brand.submission_state)]
    if not brand.brand_id:
        return Status("Draft", "", "Your brand has not been registered yet.")
    status, identity = brand.status or None, brand.identity_status or None
    known = (status is None or status in lifecycle.BrandStatus.__members__) and (
        identity is None or identity in lifecycle.BrandIdentityStatus.__members__
    )
    if not known:
        return Status(
            UNKNOWN,
            Badge.INFO,
            "Telnyx reported a status we do not know yet.",
            f"{status}/{identity}",
        )
    if lifecycle.brand_is_pending(status):
        label = "Registering"
    elif status == lifecycle.BrandStatus.REGISTRATION_FAILED:
        label = "Registration failed"
    else:
        label = IDENTITY_LABELS.get(identity or "", "Registered")
    if brand.submission_state == SubmissionState.DRAFT:
        label += " · unsent changes"
    return Status(
        label,
        lifecycle.brand_badge(status, identity),
        lifecycle.brand_plain_words(status, identity),
        "/".join(code for code in (status, identity) if code),
    )


def campaign_stepper(campaign: Campaign) -> stepper.Stepper:
    """The campaign page's stepper (compliance/stepper.py holds the words)."""
    return stepper.campaign_stepper(
        campaign.submission_state,
        campaign.campaign_status or None,
        deactivated=bool(campaign.deactivated_at),
    )


def brand_stepper(brand: Brand) -> stepper.Stepper:
    """The brand page's stepper (compliance/stepper.py holds the words)."""
    return stepper.brand_stepper(
        brand.submission_state,
        bool(brand.brand_id),
        brand.status or None,
        brand.identity_status or None,
        sole_proprietor=brand.is_sole_proprietor,
    )


def assignment_status(code: str | None) -> Status:
    """A number's assignment to a campaign."""
    if not code:
        return Status("Not assigned", "", "This number is not assigned to a campaign.")
    if code not in ASSIGNMENT_LABELS:
        return Status(UNKNOWN, Badge.INFO, "Telnyx reported a status we do not know yet.", code)
    return Status(
        ASSIGNMENT_LABELS[code],
        lifecycle.assignment_badge(code),
        lifecycle.assignment_plain_words(code),
        code,
    )


# GET /10dlc/campaign/{id}/operationStatus, per carrier (spec example: APPROVED, REVIEW).
CARRIER_DECISIONS = {"APPROVED": "Approved", "REVIEW": "In review"}


def carrier_decision(code: str | None) -> str:
    """A carrier's operation status in words; "Not known yet" for none or one we do not know."""
    return CARRIER_DECISIONS.get(code or "", "Not known yet")


def carrier_name(network_id: str, metadata: dict | None = None, names: dict | None = None) -> str:
    """A carrier by name: the `mno` of its per-carrier metadata, else the displayName Telnyx's
    MNO enum gives its network id (`names`), else "Carrier network <id>" (an unnamed network
    is still told apart from the others). A "name" made of digits is an id, not a name."""
    for candidate in ((metadata or {}).get("mno"), (names or {}).get(str(network_id))):
        words = str(candidate or "").strip()
        if words and not words.isdigit():
            return words
    return f"Carrier network {network_id}"


def browser_words(user_agent: str | None) -> str:
    """A signed-in browser as people name it: "Chrome on Windows", "Mobile Safari on iPhone",
    "An unknown browser" (ua-parser's Browserscope rules; the raw string only in the
    technical details)."""
    parsed = ua_parser.parse(user_agent or "")
    unknown = ("", "Other", "Generic Smartphone")
    device = parsed.device.family if parsed.device else ""
    where = device if device not in unknown else (parsed.os.family if parsed.os else "")
    browser = parsed.user_agent.family if parsed.user_agent else ""
    browser = browser.removeprefix("Headless")  # HeadlessChrome is Chrome, run by a program
    if browser in unknown:
        browser = "An unknown browser"
    return f"{browser} on {where}" if where not in unknown else browser


def person(user) -> str:
    """A user in words for the audit trail and the members page: their name and e-mail
    address, never an id."""
    if user is None:
        return "Nobody"
    name = user.get_full_name() or user.get_username()
    if user.email and user.email != name:
        return f"{name} ({user.email})"
    return name


def money(amount: Decimal | None) -> str:
    """An amount as people write it ("$1,015.00"); "Amount not known" for None."""
    return "Amount not known" if amount is None else f"${amount:,.2f}"


def day(value: date | datetime | None) -> str:
    """A date as people write it ("4 December 2026"), never ISO; "" for None."""
    if value is None:
        return ""
    return f"{value.day} {value:%B %Y}"


# Characters a spreadsheet reads as the start of a formula (OWASP CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> str:
    """A value as a CSV cell that a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    if text[:1] in ("+", "-") and text[1:].replace(" ", "").isdigit():
        return text  # a phone number (+13125550001) or a number, not a formula
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


# An ISO 8601 timestamp inside a text Telnyx wrote ("2026-12-03T07:14:16.555921+00:00").
_ISO_TIMESTAMP_RE = re.compile(
    r"\b(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r"(Z|[+-]\d{2}:?\d{2})?"
)


def plain_dates(text: str) -> str:
    """The text with every ISO timestamp written for people ("December 3, 2026 at 07:14")."""

    def human(match: re.Match) -> str:
        try:
            year, month, day, hour, minute = (int(part) for part in match.groups()[:5])
            when = datetime(year, month, day, hour, minute)
        except ValueError:
            return match.group(0)
        zone = " UTC" if match.group(7) in ("Z", "+00:00", "+0000") else ""
        return f"{when:%B} {when.day}, {when:%Y at %H:%M}{zone}"

    return _ISO_TIMESTAMP_RE.sub(human, text or "")


# -- the status filters of the brand and campaign lists ----------------------------------------
# Each is (slug, label, condition); the labels group the badges above into what a customer
# looks for: what is still a draft, what is waiting, what needs them, what is done.
_NO_BRAND_ID = Q(brand_id__isnull=True) | Q(brand_id="")
_PENDING_BRAND = Q(status="") | Q(status=lifecycle.BrandStatus.REGISTRATION_PENDING)

BRAND_STATUS_FILTERS: tuple[tuple[str, str, Q], ...] = (
    ("draft", "Drafts", _NO_BRAND_ID & Q(submission_state=SubmissionState.DRAFT)),
    (
        "waiting",
        "Being registered",
        Q(submission_state=SubmissionState.PENDING)
        | (~_NO_BRAND_ID & _PENDING_BRAND & ~Q(submission_state=SubmissionState.FAILED)),
    ),
    (
        "attention",
        "Needs changes",
        Q(submission_state=SubmissionState.FAILED)
        | Q(status=lifecycle.BrandStatus.REGISTRATION_FAILED),
    ),
    (
        "registered",
        "Registered",
        ~_NO_BRAND_ID
        & ~_PENDING_BRAND
        & ~Q(status=lifecycle.BrandStatus.REGISTRATION_FAILED)
        & ~Q(submission_state__in=[SubmissionState.PENDING, SubmissionState.FAILED]),
    ),
)

_SUBMITTED = Q(submission_state=SubmissionState.SUBMITTED, deactivated_at__isnull=True)
CAMPAIGN_STATUS_FILTERS: tuple[tuple[str, str, Q], ...] = (
    ("draft", "Drafts", Q(submission_state=SubmissionState.DRAFT)),
    (
        "waiting",
        "Under review",
        Q(submission_state=SubmissionState.PENDING)
        | (_SUBMITTED & (Q(campaign_status="") | Q(campaign_status__in=lifecycle.PENDING))),
    ),
    (
        "live",
        "Live",
        _SUBMITTED & Q(campaign_status__in=lifecycle.CAN_CARRY_TRAFFIC),
    ),
    (
        "attention",
        "Needs attention",
        Q(submission_state=SubmissionState.FAILED)
        | (
            _SUBMITTED
            & Q(campaign_status__in=lifecycle.TERMINAL | {lifecycle.CampaignStatus.TCR_SUSPENDED})
        ),
    ),
    ("deactivated", "Deactivated", Q(deactivated_at__isnull=False)),
)
