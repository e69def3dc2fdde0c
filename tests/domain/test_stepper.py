"""The status stepper's words for every campaign and brand status (compliance/stepper.py):
where it is, what happens next, how long, what the user can do, and when polling stops."""

import pytest

from compliance import lifecycle, stepper
from compliance.lifecycle import CampaignStatus as C
from compliance.stepper import CURRENT, DONE, FAILED, TODO

# status -> (stage it is at, its state there, words it says, action, final)
CAMPAIGN = {
    C.TCR_PENDING: ("Registry", CURRENT, "Registry is checking", "", False),
    C.TCR_ACCEPTED: ("Telnyx review", CURRENT, "Registry accepted", "", False),
    C.TCR_FAILED: ("Registry", FAILED, "Registry refused", "new", True),
    C.TELNYX_ACCEPTED: ("Carrier review", CURRENT, "Telnyx approved", "", False),
    C.TELNYX_FAILED: ("Telnyx review", FAILED, "Telnyx's review rejected", "appeal", True),
    C.MNO_PENDING: ("Carrier review", CURRENT, "carriers are reviewing", "", False),
    C.MNO_ACCEPTED: ("Live", CURRENT, "carriers approved", "", False),
    C.MNO_REJECTED: ("Carrier review", FAILED, "carrier rejected", "appeal", True),
    C.MNO_PROVISIONED: (None, DONE, "is live", "assign", True),
    C.MNO_PROVISIONING_FAILED: ("Live", FAILED, "could not set it up", "", True),
    C.TCR_SUSPENDED: ("Live", FAILED, "suspended", "", True),
    C.TCR_EXPIRED: ("Live", FAILED, "expired", "new", True),
}


def test_every_campaign_status_has_a_stepper_case():
    assert set(CAMPAIGN) == set(lifecycle.PROGRESS)


@pytest.mark.parametrize("status", list(CAMPAIGN), ids=str)
def test_campaign_stepper_says_where_it_is_and_what_the_user_can_do(status):
    at, state, words, action, final = CAMPAIGN[status]
    shown = stepper.campaign_stepper("submitted", status.value)

    assert words in shown.where
    assert shown.next and shown.you_can
    assert shown.action == action
    assert shown.final is final
    # Polling stops exactly when the lifecycle says no decision is awaited.
    assert shown.final is (status not in lifecycle.PENDING)
    assert shown.key == status.value
    states = {stage.label: stage.state for stage in shown.stages}
    if at is None:
        assert set(states.values()) == {DONE}
    else:
        assert states[at] == state
        labels = [stage.label for stage in shown.stages]
        before = labels[: labels.index(at)]
        assert {states[label] for label in before} == {DONE}
        assert {states[label] for label in labels[labels.index(at) + 1 :]} <= {TODO}
    if status in lifecycle.PENDING:
        assert shown.how_long.startswith("Usually")
    assert not any(code in shown.where + shown.next + shown.you_can for code in CAMPAIGN)


def test_only_the_carriers_review_quotes_the_documented_three_to_ten_days():
    assert stepper.campaign_stepper("submitted", "MNO_PENDING").how_long == (
        "Usually 3 to 10 business days."
    )


@pytest.mark.parametrize(
    ("state", "deactivated", "words", "action", "final", "position"),
    [
        ("draft", False, "is a draft", "continue", True, 1),
        ("pending", False, "sending your campaign", "", False, 2),
        ("failed", False, "refused the submission", "fix", True, 2),
        ("submitted", True, "deactivated", "new", True, 6),
    ],
)
def test_campaign_stepper_before_and_after_telnyx(
    state, deactivated, words, action, final, position
):
    shown = stepper.campaign_stepper(state, "MNO_PROVISIONED", deactivated=deactivated)
    assert words in shown.where
    assert (shown.action, shown.final, shown.position) == (action, final, position)


def test_a_status_telnyx_never_documented_keeps_polling_and_names_no_code():
    shown = stepper.campaign_stepper("submitted", "SOMETHING_NEW")
    assert not shown.final
    assert "SOMETHING_NEW" not in shown.where + shown.next + shown.you_can


# (submission_state, registered, status, identity, sole proprietor) -> words, action, final
BRAND = [
    (("draft", False, None, None, False), "is a draft", "continue", True, "Details"),
    (("pending", False, None, None, False), "sending your brand", "", False, "Registration"),
    (("failed", False, None, None, False), "refused the submission", "fix", True, "Registration"),
    (
        ("submitted", True, "REGISTRATION_PENDING", None, False),
        "being registered",
        "",
        False,
        "Registration",
    ),
    (
        ("submitted", True, "REGISTRATION_FAILED", None, False),
        "registration failed",
        "fix",
        True,
        "Registration",
    ),
    (("submitted", True, "OK", None, False), "not known yet", "", False, "Verification"),
    (
        ("submitted", True, "OK", "VERIFIED", False),
        "registered and verified",
        "campaign",
        True,
        None,
    ),
    (
        ("submitted", True, "OK", "VETTED_VERIFIED", False),
        "verified and vetted",
        "campaign",
        True,
        None,
    ),
    (("submitted", True, "OK", "SELF_DECLARED", False), "own declaration", "campaign", True, None),
    (
        ("submitted", True, "OK", "UNVERIFIED", False),
        "could not verify",
        "vetting",
        True,
        "Verification",
    ),
    (
        ("submitted", True, "OK", "UNVERIFIED", True),
        "mobile phone is not verified",
        "otp",
        True,
        "Verification",
    ),
]


@pytest.mark.parametrize(("values", "words", "action", "final", "at"), BRAND, ids=str)
def test_brand_stepper_says_where_it_is_and_what_the_user_can_do(values, words, action, final, at):
    state, registered, status, identity, sole = values
    shown = stepper.brand_stepper(state, registered, status, identity, sole_proprietor=sole)
    assert words in shown.where.lower()
    assert (shown.action, shown.final) == (action, final)
    assert shown.next and shown.you_can
    current = [stage.label for stage in shown.stages if stage.state in (CURRENT, FAILED)]
    assert current == ([at] if at else [])
