"""The status stepper of a brand or campaign page, in words: where it is, what happens next,
how long that usually takes and what the user can do now.

Pure: status values in, words out, derived from compliance/lifecycle.py (which stages a
campaign passes, which statuses are pending, terminal or appealable). The pages render a
`Stepper`; `key` names the state, so a page polling its status reloads as a whole when the
key changes (a rejection card, an appeal form or new actions appear without a manual reload),
and `final` says the status will not change on its own (the page stops polling).

The durations are what the registry, Telnyx and the carriers usually take; the only one the
documents name is the carriers' review ("3 to 10 business days", lifecycle.py).
"""

from dataclasses import dataclass

from compliance import lifecycle
from compliance.lifecycle import BrandIdentityStatus, BrandStatus, CampaignStatus

C = CampaignStatus

DONE, CURRENT, FAILED, TODO = "done", "current", "failed", "todo"


@dataclass(frozen=True)
class Stage:
    label: str
    state: str  # done, current, failed or todo


@dataclass(frozen=True)
class Stepper:
    key: str  # the state this stepper describes; a change reloads the page
    stages: tuple[Stage, ...]
    where: str  # where it stands
    next: str  # what happens next
    how_long: str  # how long that usually takes ("" when nothing is awaited)
    you_can: str  # what the user can do now
    action: str  # the page's link for it: continue, fix, appeal, otp, vetting, assign, new, ""
    final: bool  # the status will not change on its own: no polling

    @property
    def position(self) -> int:
        """1-based number of the stage it is at (the first not done)."""
        return next(
            (i for i, stage in enumerate(self.stages, 1) if stage.state != DONE),
            len(self.stages),
        )


# -- campaigns ---------------------------------------------------------------------------------
CAMPAIGN_STAGES = ("Draft", "Submitted", "Registry", "Telnyx review", "Carrier review", "Live")

# The stage (index in CAMPAIGN_STAGES) each campaignStatus is at, and whether it failed there.
_CAMPAIGN_STAGE: dict[CampaignStatus, tuple[int, bool]] = {
    C.TCR_PENDING: (2, False),
    C.TCR_ACCEPTED: (3, False),
    C.TCR_FAILED: (2, True),
    C.TELNYX_ACCEPTED: (4, False),
    C.TELNYX_FAILED: (3, True),
    C.MNO_PENDING: (4, False),
    C.MNO_ACCEPTED: (5, False),
    C.MNO_REJECTED: (4, True),
    C.MNO_PROVISIONED: (5, False),
    C.MNO_PROVISIONING_FAILED: (5, True),
    C.TCR_SUSPENDED: (5, True),
    C.TCR_EXPIRED: (5, True),
}

_SUPPORT = "Write to our reviewers from this page; they contact Telnyx for you."

# (where, next, how long, you can, action) for each campaignStatus.
_CAMPAIGN_WORDS: dict[CampaignStatus, tuple[str, str, str, str, str]] = {
    C.TCR_PENDING: (
        "The Campaign Registry is checking your campaign.",
        "Once it accepts, Telnyx reviews the campaign.",
        "Usually a few minutes.",
        "Nothing: wait, this page updates by itself.",
        "",
    ),
    C.TCR_ACCEPTED: (
        "The Campaign Registry accepted your campaign.",
        "Telnyx reviews it, then sends it to the carriers.",
        "Usually 1 to 3 business days.",
        "Nothing: wait, we notify you when Telnyx decides.",
        "",
    ),
    C.TCR_FAILED: (
        "The Campaign Registry refused your campaign.",
        "Nothing happens until you submit a corrected campaign.",
        "",
        "Copy this campaign into a new draft, fix the reasons shown and submit it.",
        "new",
    ),
    C.TELNYX_ACCEPTED: (
        "Telnyx approved your campaign.",
        "The carriers review it.",
        "Usually 3 to 10 business days.",
        "Nothing: wait, we notify you when the carriers decide.",
        "",
    ),
    C.TELNYX_FAILED: (
        "Telnyx's review rejected your campaign.",
        "Nothing happens until you fix it and appeal.",
        "An appeal is usually answered in 1 to 3 business days.",
        "Fix the reasons shown, then ask for an appeal.",
        "appeal",
    ),
    C.MNO_PENDING: (
        "The carriers are reviewing your campaign.",
        "Once they approve, they set it up for sending.",
        "Usually 3 to 10 business days.",
        "Nothing: wait, we notify you when the carriers decide.",
        "",
    ),
    C.MNO_ACCEPTED: (
        "The carriers approved your campaign.",
        "They set it up; then you can assign numbers to it.",
        "Usually within a day.",
        "Nothing: wait, we notify you when it is live.",
        "",
    ),
    C.MNO_REJECTED: (
        "A carrier rejected your campaign.",
        "Nothing happens until you fix it and appeal.",
        "An appeal is usually answered in 3 to 10 business days.",
        "Fix the reasons shown, then ask for an appeal.",
        "appeal",
    ),
    C.MNO_PROVISIONED: (
        "Your campaign is live.",
        "Messages from its numbers reach the carriers' customers.",
        "",
        "Assign phone numbers to it and start sending.",
        "assign",
    ),
    C.MNO_PROVISIONING_FAILED: (
        "The carriers approved your campaign but could not set it up.",
        "Nothing happens until support looks into it.",
        "",
        _SUPPORT,
        "",
    ),
    C.TCR_SUSPENDED: (
        "Your campaign is suspended and sends no messages.",
        "It stays suspended until the registry restores it.",
        "",
        _SUPPORT,
        "",
    ),
    C.TCR_EXPIRED: (
        "Your campaign has expired and sends no messages.",
        "It cannot come back; a new campaign can.",
        "",
        "Copy this campaign into a new draft and submit it.",
        "new",
    ),
}


def _stages(names: tuple[str, ...], at: int, failed: bool, *, all_done: bool = False):
    def state(index: int) -> str:
        if all_done or index < at:
            return DONE
        if index == at:
            return FAILED if failed else CURRENT
        return TODO

    return tuple(Stage(name, state(i)) for i, name in enumerate(names))


def campaign_stepper(
    submission_state: str, campaign_status: str | None, *, deactivated: bool = False
) -> Stepper:
    """The stepper of a campaign from its submission state (draft, pending, submitted,
    failed), its campaignStatus and whether the customer deactivated it."""
    if submission_state == "draft":
        return Stepper(
            "draft",
            _stages(CAMPAIGN_STAGES, 0, False),
            "This campaign is a draft: nothing has been sent.",
            "When you submit it, it goes to the registry, Telnyx and the carriers.",
            "About 1 to 2 weeks from submission to live.",
            "Finish the steps and submit it.",
            "continue",
            True,
        )
    if submission_state == "pending":
        return Stepper(
            "pending",
            _stages(CAMPAIGN_STAGES, 1, False),
            "We are sending your campaign to Telnyx.",
            "Once Telnyx answers, the registry checks it.",
            "Usually a few seconds; we retry by ourselves if Telnyx is slow.",
            "Nothing: wait, this page updates by itself.",
            "",
            False,
        )
    if submission_state == "failed":
        return Stepper(
            "failed",
            _stages(CAMPAIGN_STAGES, 1, True),
            "Telnyx refused the submission.",
            "Nothing happens until you fix it and submit again.",
            "",
            "Fix what is shown and submit again.",
            "fix",
            True,
        )
    if deactivated:
        return Stepper(
            "deactivated",
            _stages(CAMPAIGN_STAGES, 5, True),
            "You deactivated this campaign; it sends no messages.",
            "It cannot come back; a new campaign can.",
            "",
            "Copy this campaign into a new draft if you need it again.",
            "new",
            True,
        )
    if campaign_status is None or campaign_status not in CampaignStatus.__members__:
        return Stepper(
            f"unknown:{campaign_status or ''}",
            _stages(CAMPAIGN_STAGES, 2, False),
            "Your campaign was submitted; Telnyx has not told us where it stands yet.",
            "The registry, Telnyx and the carriers review it.",
            "Usually 1 to 2 weeks in all.",
            "Nothing: wait, this page updates by itself.",
            "",
            False,
        )
    status = CampaignStatus(campaign_status)
    at, failed = _CAMPAIGN_STAGE[status]
    where, after, how_long, you_can, action = _CAMPAIGN_WORDS[status]
    live = status in lifecycle.CAN_CARRY_TRAFFIC
    return Stepper(
        status.value,
        _stages(CAMPAIGN_STAGES, at, failed, all_done=live),
        where,
        after,
        how_long,
        you_can,
        action,
        status not in lifecycle.PENDING,
    )


# -- brands ------------------------------------------------------------------------------------
BRAND_STAGES = ("Details", "Registration", "Verification", "Ready for campaigns")


def brand_stepper(
    submission_state: str,
    registered: bool,
    status: str | None,
    identity_status: str | None,
    *,
    sole_proprietor: bool = False,
) -> Stepper:
    """The stepper of a brand from its submission state, whether Telnyx holds it (brand_id),
    its status and its identityStatus."""
    if submission_state == "pending":
        return Stepper(
            "pending",
            _stages(BRAND_STAGES, 1, False),
            "We are sending your brand to Telnyx.",
            "Once Telnyx answers, The Campaign Registry registers it.",
            "Usually a few seconds; we retry by ourselves if Telnyx is slow.",
            "Nothing: wait, this page updates by itself.",
            "",
            False,
        )
    if submission_state == "failed":
        return Stepper(
            "failed",
            _stages(BRAND_STAGES, 1, True),
            "Telnyx refused the submission.",
            "Nothing happens until you fix it and submit again.",
            "",
            "Fix what is shown and submit again.",
            "fix",
            True,
        )
    if not registered:
        return Stepper(
            "draft",
            _stages(BRAND_STAGES, 0, False),
            "This brand is a draft: nothing has been sent.",
            "When you submit it, The Campaign Registry registers and verifies it.",
            "Usually a few minutes from submission.",
            "Finish the registration and submit it.",
            "continue",
            True,
        )
    if lifecycle.brand_is_pending(status):
        return Stepper(
            "registering",
            _stages(BRAND_STAGES, 1, False),
            lifecycle.brand_plain_words(status, identity_status),
            "It then checks your business details against public records.",
            "Usually a few minutes.",
            "Nothing: wait, this page updates by itself.",
            "",
            False,
        )
    if status == BrandStatus.REGISTRATION_FAILED:
        return Stepper(
            "registration-failed",
            _stages(BRAND_STAGES, 1, True),
            lifecycle.brand_plain_words(status, identity_status),
            "Nothing happens until you fix it and resubmit.",
            "",
            "Fix the reasons shown and resubmit.",
            "fix",
            True,
        )
    if identity_status is None or identity_status not in BrandIdentityStatus.__members__:
        return Stepper(
            f"registered:{identity_status or ''}",
            _stages(BRAND_STAGES, 2, False),
            "Your brand is registered; its verification is not known yet.",
            "The registry checks your business details.",
            "Usually a few minutes.",
            "Nothing: wait, this page updates by itself.",
            "",
            False,
        )
    if lifecycle.brand_can_create_campaign(identity_status):
        vetted = identity_status == BrandIdentityStatus.VETTED_VERIFIED
        return Stepper(
            f"ready:{identity_status}",
            _stages(BRAND_STAGES, 3, False, all_done=True),
            lifecycle.brand_plain_words(status, identity_status),
            "Campaigns for this brand can be registered.",
            "",
            "Register a campaign."
            if vetted
            else "Register a campaign, or order an external vetting for higher sending limits.",
            "campaign",
            True,
        )
    if sole_proprietor:
        return Stepper(
            "otp",
            _stages(BRAND_STAGES, 2, False),
            "Your brand is registered; your mobile phone is not verified yet.",
            "Once you enter the PIN sent to your phone, the brand is verified.",
            "A few minutes: the PIN arrives by text message.",
            "Verify your mobile phone with the PIN.",
            "otp",
            True,
        )
    return Stepper(
        "unverified",
        _stages(BRAND_STAGES, 2, True),
        "Your brand is registered but the registry could not verify it.",
        "Nothing happens until you fix the details it questioned, or a vetting confirms them.",
        "An external vetting usually takes 1 to 7 business days.",
        "Fix what the feedback names and resubmit, or order an external vetting.",
        "vetting",
        True,
    )
