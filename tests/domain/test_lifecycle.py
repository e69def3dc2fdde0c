"""Status rules: property tests of next_status, the webhook event table, groups and words."""

from functools import reduce
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compliance import lifecycle
from compliance.lifecycle import (
    APPEALABLE,
    ASSIGNMENT_PENDING,
    CAN_CARRY_TRAFFIC,
    PENDING,
    PROGRESS,
    TERMINAL,
    AssignmentStatus,
    Badge,
    BrandIdentityStatus,
    BrandStatus,
    CampaignStatus,
    EventMeaning,
    EventStatus,
    EventType,
    SubmissionStatus,
    appeal_allowed,
    meaning_of_event,
    next_status,
    rank,
)

C = CampaignStatus

EVENT_TYPES = list(EventType)
EVENT_STATUSES = list(EventStatus)
REPO = Path(__file__).resolve().parents[2]

statuses = st.sampled_from(list(CampaignStatus))
maybe_statuses = st.none() | statuses
events = st.tuples(st.sampled_from(list(EventType)), st.sampled_from(list(EventStatus)))


def apply_all(start, proposed_statuses):
    return reduce(next_status, proposed_statuses, start)


def most_advanced(candidates):
    known = [status for status in candidates if status is not None]
    return max(known, key=rank) if known else None


# --- enum values (declared once, in the generated vocabulary: tests/telnyx/test_vocabulary.py) --


def test_unknown_campaign_status_is_refused_not_guessed():
    with pytest.raises(ValueError):
        lifecycle.plain_words("ACTIVE")
    with pytest.raises(ValueError):
        next_status(C.TCR_PENDING, "SUSPENDED", authoritative=True)


# --- progress order and next_status ---------------------------------------------------------


def test_progress_order_lists_every_status_once():
    assert sorted(PROGRESS) == sorted(CampaignStatus)
    assert [rank(status) for status in PROGRESS] == list(range(len(CampaignStatus)))


@pytest.mark.parametrize(
    ("lower", "higher"),
    [
        (C.TCR_PENDING, C.TCR_ACCEPTED),
        (C.TCR_ACCEPTED, C.TELNYX_ACCEPTED),
        (C.TELNYX_ACCEPTED, C.MNO_PENDING),
        (C.MNO_PENDING, C.MNO_ACCEPTED),
        (C.MNO_ACCEPTED, C.MNO_PROVISIONED),
        # a rejection after an acceptance of the same stage moves the campaign
        (C.TCR_ACCEPTED, C.TCR_FAILED),
        (C.TELNYX_ACCEPTED, C.TELNYX_FAILED),
        (C.MNO_PENDING, C.MNO_REJECTED),
        (C.MNO_ACCEPTED, C.MNO_REJECTED),
        # a later stage proves the earlier one was passed
        (C.TELNYX_FAILED, C.MNO_PENDING),
        (C.MNO_REJECTED, C.MNO_PROVISIONED),
        (C.MNO_PROVISIONED, C.TCR_SUSPENDED),
        (C.TCR_SUSPENDED, C.TCR_EXPIRED),
    ],
)
def test_progress_order(lower, higher):
    assert rank(lower) < rank(higher)
    assert next_status(lower, higher) == higher
    assert next_status(higher, lower) == higher


def test_stale_tcr_acceptance_leaves_a_provisioned_campaign_live():
    assert next_status(C.MNO_PROVISIONED, C.TCR_ACCEPTED) == C.MNO_PROVISIONED


def test_carrier_rejection_after_carrier_review_started_moves_the_campaign():
    assert next_status(C.MNO_PENDING, C.MNO_REJECTED) == C.MNO_REJECTED


def test_appeal_moves_a_rejected_campaign_back_only_through_a_readback():
    assert next_status(C.MNO_REJECTED, C.TCR_ACCEPTED) == C.MNO_REJECTED
    after_appeal = next_status(C.MNO_REJECTED, C.TCR_ACCEPTED, authoritative=True)
    assert after_appeal == C.TCR_ACCEPTED
    assert apply_all(after_appeal, [C.TELNYX_ACCEPTED, C.MNO_PENDING]) == C.MNO_PENDING
    assert apply_all(after_appeal, [C.MNO_PROVISIONED, C.TELNYX_ACCEPTED]) == C.MNO_PROVISIONED


def test_nothing_known_is_the_lowest_and_nothing_proposed_changes_nothing():
    assert next_status(None, C.TCR_PENDING) == C.TCR_PENDING
    assert next_status(C.MNO_PENDING, None) == C.MNO_PENDING
    assert next_status(C.MNO_PENDING, None, authoritative=True) == C.MNO_PENDING
    assert next_status(None, None) is None


def test_next_status_accepts_wire_text():
    assert next_status("MNO_PENDING", "MNO_REJECTED") is C.MNO_REJECTED


@given(start=maybe_statuses, proposed=st.lists(statuses, min_size=1), data=st.data())
def test_events_in_any_order_end_in_the_most_advanced_one(start, proposed, data):
    shuffled = data.draw(st.permutations(proposed))
    expected = most_advanced([start, *proposed])
    assert apply_all(start, proposed) == expected
    assert apply_all(start, shuffled) == expected


@given(sequence=st.lists(events, min_size=1), data=st.data())
def test_webhook_events_in_any_order_end_in_the_most_advanced_implied_status(sequence, data):
    shuffled = data.draw(st.permutations(sequence))
    implied = [meaning_of_event(*event).implied for event in sequence]
    expected = most_advanced(implied)
    assert apply_all(None, implied) == expected
    assert apply_all(None, [meaning_of_event(*event).implied for event in shuffled]) == expected


@given(current=maybe_statuses, proposed=maybe_statuses)
def test_the_same_event_twice_changes_nothing(current, proposed):
    once = next_status(current, proposed)
    assert next_status(once, proposed) == once


@given(start=maybe_statuses, proposed=st.lists(statuses), data=st.data())
def test_duplicated_deliveries_change_nothing(start, proposed, data):
    with_duplicates = data.draw(st.permutations(proposed + proposed))
    assert apply_all(start, with_duplicates) == apply_all(start, proposed)


@given(start=statuses, proposed=st.lists(maybe_statuses))
def test_the_result_never_ranks_below_the_start(start, proposed):
    assert rank(apply_all(start, proposed)) >= rank(start)


@given(current=maybe_statuses, proposed=statuses)
def test_an_authoritative_readback_always_wins(current, proposed):
    assert next_status(current, proposed, authoritative=True) == proposed


@given(start=maybe_statuses, before=st.lists(statuses), truth=statuses)
def test_a_readback_after_any_events_is_the_status(start, before, truth):
    assert next_status(apply_all(start, before), truth, authoritative=True) == truth


# --- groups, appeals, words -----------------------------------------------------------------


def test_appealable_is_exactly_telnyx_failed_and_mno_rejected():
    assert {C.TELNYX_FAILED, C.MNO_REJECTED} == APPEALABLE


@given(status=statuses)
def test_appeal_is_allowed_exactly_for_appealable_statuses(status):
    allowed, reason = appeal_allowed(status)
    assert allowed is (status in {C.TELNYX_FAILED, C.MNO_REJECTED})
    assert reason.endswith(".")


def test_appeal_refusal_reasons_say_why():
    assert appeal_allowed(None) == (False, "The campaign has not been submitted yet.")
    assert "under review" in appeal_allowed(C.MNO_PENDING)[1]
    assert "already live" in appeal_allowed(C.MNO_PROVISIONED)[1]
    assert "new campaign" in appeal_allowed(C.TCR_EXPIRED)[1]
    assert "new campaign" in appeal_allowed(C.TCR_FAILED)[1]
    assert "support" in appeal_allowed(C.TCR_SUSPENDED)[1]
    assert "support" in appeal_allowed(C.MNO_PROVISIONING_FAILED)[1]


def test_pending_terminal_and_settled_statuses_partition_all_statuses():
    settled = set(CampaignStatus) - PENDING - TERMINAL
    assert not PENDING & TERMINAL
    assert settled == {C.MNO_PROVISIONED, C.TCR_SUSPENDED}
    assert APPEALABLE <= TERMINAL


def test_pending_statuses_are_the_ones_awaiting_a_decision():
    assert {
        C.TCR_PENDING,
        C.TCR_ACCEPTED,
        C.TELNYX_ACCEPTED,
        C.MNO_PENDING,
        C.MNO_ACCEPTED,
    } == PENDING


def test_only_a_provisioned_campaign_carries_traffic():
    assert {C.MNO_PROVISIONED} == CAN_CARRY_TRAFFIC


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (C.TCR_PENDING, Badge.INFO),
        (C.MNO_ACCEPTED, Badge.INFO),
        (C.MNO_PROVISIONED, Badge.OK),
        (C.TELNYX_FAILED, Badge.WARN),
        (C.MNO_REJECTED, Badge.WARN),
        (C.TCR_SUSPENDED, Badge.WARN),
        (C.TCR_FAILED, Badge.BAD),
        (C.MNO_PROVISIONING_FAILED, Badge.BAD),
        (C.TCR_EXPIRED, Badge.BAD),
        (None, Badge.INFO),
    ],
)
def test_campaign_badge(status, expected):
    assert lifecycle.badge(status) == expected


@given(status=statuses)
def test_badges_follow_the_groups(status):
    badge = lifecycle.badge(status)
    assert (badge == Badge.OK) is (status in CAN_CARRY_TRAFFIC)
    assert (badge == Badge.INFO) is (status in PENDING)


def test_every_campaign_status_has_its_own_one_sentence_explanation():
    sentences = [lifecycle.plain_words(status) for status in CampaignStatus]
    assert len(set(sentences)) == len(CampaignStatus)
    for sentence in sentences:
        assert sentence.endswith(".") and sentence.count(". ") == 0
    assert "not been submitted" in lifecycle.plain_words(None)
    assert "appeal" in lifecycle.plain_words(C.MNO_REJECTED)
    assert "live" in lifecycle.plain_words(C.MNO_PROVISIONED)


def test_submission_status_words():
    words = {lifecycle.submission_plain_words(status) for status in SubmissionStatus}
    assert len(words) == 3
    assert "could not be submitted" in lifecycle.submission_plain_words("FAILED")


# --- webhook events --------------------------------------------------------------------------

POSITIVE = ["ACCEPTED", "success"]
NEGATIVE = ["REJECTED", "failed"]

# (type, status) -> (implied campaignStatus, needs_readback), every combination of the enums.
EVENT_TABLE = {
    **{("REGISTRATION", s): (C.TCR_ACCEPTED, False) for s in POSITIVE},
    **{("REGISTRATION", s): (C.TCR_FAILED, True) for s in NEGATIVE},
    **{("TELNYX_REVIEW", s): (C.TELNYX_ACCEPTED, False) for s in POSITIVE},
    **{("TELNYX_REVIEW", s): (C.TELNYX_FAILED, True) for s in NEGATIVE},
    **{("MNO_REVIEW", s): (C.MNO_ACCEPTED, False) for s in POSITIVE},
    **{("MNO_REVIEW", s): (C.MNO_REJECTED, True) for s in NEGATIVE},
    **{("VERIFIED", s): (C.MNO_PROVISIONED, True) for s in POSITIVE},
    **{("VERIFIED", s): (None, True) for s in NEGATIVE},
    **{("TCR_EVENT", s): (C.TCR_ACCEPTED, True) for s in POSITIVE},
    **{("TCR_EVENT", s): (None, True) for s in NEGATIVE},
    **{(t, "DORMANT"): (None, True) for t in EVENT_TYPES},
    **{
        (t, s): (None, True)
        for t in ["TELNYX_EVENT", "NUMBER_POOL_PROVISIONED", "NUMBER_POOL_DEPROVISIONED"]
        for s in EVENT_STATUSES
    },
}


def test_event_table_covers_every_documented_combination():
    assert set(EVENT_TABLE) == {(t, s) for t in EVENT_TYPES for s in EVENT_STATUSES}


@pytest.mark.parametrize(("event_type", "event_status"), sorted(EVENT_TABLE))
def test_meaning_of_event(event_type, event_status):
    meaning = meaning_of_event(event_type, event_status)
    assert isinstance(meaning, EventMeaning)
    assert (meaning.implied, meaning.needs_readback) == EVENT_TABLE[(event_type, event_status)]
    assert meaning.summary.endswith(".")


def test_events_that_imply_nothing_always_ask_for_a_readback():
    for event_type, event_status in EVENT_TABLE:
        meaning = meaning_of_event(event_type, event_status)
        assert meaning.implied is not None or meaning.needs_readback


def test_every_rejection_asks_for_a_readback_of_the_reasons():
    for event_type in EVENT_TYPES:
        for event_status in NEGATIVE:
            assert meaning_of_event(event_type, event_status).needs_readback


@pytest.mark.parametrize(
    ("event_type", "event_status"),
    [
        ("CAMPAIGN_NUDGE", "ACCEPTED"),  # the runbook's nudge example; not in the spec
        ("TCR_BRAND_UPDATE", "success"),  # a brand event
        ("MNO_REVIEW", "PENDING"),
        ("MNO_REVIEW", None),
        (None, "ACCEPTED"),
        ("", ""),
    ],
)
def test_unknown_or_missing_event_values_ask_for_a_readback(event_type, event_status):
    meaning = meaning_of_event(event_type, event_status)
    assert meaning == EventMeaning(None, True, meaning.summary)
    assert "Unrecognised" in meaning.summary


def test_event_values_match_without_regard_to_case():
    assert meaning_of_event("mno_review", "accepted").implied == C.MNO_ACCEPTED
    assert meaning_of_event("Telnyx_Review", "FAILED").implied == C.TELNYX_FAILED
    assert meaning_of_event("REGISTRATION", "Success").implied == C.TCR_ACCEPTED


def test_a_late_registration_event_does_not_undo_carrier_approval():
    status = C.MNO_ACCEPTED
    for event in [("VERIFIED", "success"), ("REGISTRATION", "ACCEPTED"), ("TCR_EVENT", "ACCEPTED")]:
        status = next_status(status, meaning_of_event(*event).implied)
    assert status == C.MNO_PROVISIONED


# --- brands -----------------------------------------------------------------------------------

brand_statuses = st.none() | st.sampled_from(list(BrandStatus))
identities = st.none() | st.sampled_from(list(BrandIdentityStatus))


def test_brand_is_pending_only_while_its_registration_is():
    assert lifecycle.brand_is_pending("REGISTRATION_PENDING")
    assert lifecycle.brand_is_pending(None)
    assert not lifecycle.brand_is_pending("OK")
    assert not lifecycle.brand_is_pending("REGISTRATION_FAILED")


def test_campaigns_need_a_verified_vetted_or_self_declared_brand():
    allowed = {s for s in BrandIdentityStatus if lifecycle.brand_can_create_campaign(s)}
    assert allowed == {"VERIFIED", "VETTED_VERIFIED", "SELF_DECLARED"}
    assert not lifecycle.brand_can_create_campaign(None)


@pytest.mark.parametrize(
    ("status", "identity", "badge", "words"),
    [
        (None, None, Badge.INFO, "not been registered"),
        ("REGISTRATION_PENDING", None, Badge.INFO, "being registered"),
        ("REGISTRATION_FAILED", "UNVERIFIED", Badge.BAD, "registration failed"),
        ("OK", "VERIFIED", Badge.OK, "verified"),
        ("OK", "VETTED_VERIFIED", Badge.OK, "vetted"),
        ("OK", "SELF_DECLARED", Badge.OK, "own declaration"),
        ("OK", "UNVERIFIED", Badge.WARN, "not verified"),
        ("OK", None, Badge.INFO, "not known yet"),
    ],
)
def test_brand_badge_and_words(status, identity, badge, words):
    assert lifecycle.brand_badge(status, identity) == badge
    assert words in lifecycle.brand_plain_words(status, identity)


@given(status=brand_statuses, identity=identities)
def test_every_brand_combination_has_words_and_a_badge(status, identity):
    assert lifecycle.brand_plain_words(status, identity).endswith(".")
    assert lifecycle.brand_badge(status, identity) in set(Badge)


# --- number assignments -------------------------------------------------------------------------


def test_assignment_pending_set():
    assert {"PENDING_ASSIGNMENT", "PENDING_UNASSIGNMENT"} == ASSIGNMENT_PENDING
    assert [s for s in AssignmentStatus if lifecycle.assignment_is_pending(s)] == [
        AssignmentStatus.PENDING_ASSIGNMENT,
        AssignmentStatus.PENDING_UNASSIGNMENT,
    ]


@pytest.mark.parametrize(
    ("status", "badge"),
    [
        ("ASSIGNED", Badge.OK),
        ("PENDING_ASSIGNMENT", Badge.INFO),
        ("PENDING_UNASSIGNMENT", Badge.INFO),
        ("FAILED_ASSIGNMENT", Badge.BAD),
        ("FAILED_UNASSIGNMENT", Badge.BAD),
    ],
)
def test_assignment_badge(status, badge):
    assert lifecycle.assignment_badge(status) == badge


def test_every_assignment_status_has_its_own_explanation():
    words = [lifecycle.assignment_plain_words(s) for s in AssignmentStatus]
    assert len(set(words)) == len(AssignmentStatus)
    assert "being assigned" in lifecycle.assignment_plain_words("PENDING_ASSIGNMENT")


def test_module_imports_without_django():
    import subprocess
    import sys

    code = (
        "import sys; import compliance.lifecycle, compliance.telnyx.signatures; "
        "assert 'django' not in sys.modules, sorted(m for m in sys.modules if 'django' in m)"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)
