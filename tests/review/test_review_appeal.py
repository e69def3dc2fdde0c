"""Appeals and edits from the reviewer console: the status rule, the reason, one appeal at a
time, Telnyx errors, and a rejected campaign fixed and appealed against the live sandbox
through to the decision webhook arriving at the live server."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from compliance.models import (
    Appeal,
    AuditEntry,
    Campaign,
    CampaignEvent,
    ReviewNote,
    WebhookEvent,
)
from compliance.services import review as services
from sandbox import faults
from tests.factories import edit_in_steps
from tests.review.review_helpers import FIXED, REASON, UNBRANDED, submit_rejected_campaign


def url(name, campaign):
    return reverse(name, args=[campaign.public_id])


def edit_data(campaign, **changes) -> dict:
    values = {name: getattr(campaign, name) for name in services.EDITABLE_FIELDS} | changes
    data = {k: v for k, v in values.items() if k != "auto_renewal"}
    if values["auto_renewal"]:
        data["auto_renewal"] = "on"
    return data


# Refusals (no Telnyx call) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "why"),
    [
        ("TCR_PENDING", "still under review"),
        ("MNO_PROVISIONED", "already live"),
        ("TCR_FAILED", "submit a new campaign"),
        ("TCR_SUSPENDED", "contact support"),
        ("", "not been submitted"),
    ],
)
def test_appeal_is_refused_for_other_statuses_with_the_reason(
    reviewer_client, organisation, make_submitted_campaign, status, why
):
    campaign = make_submitted_campaign(organisation, campaign_status=status)
    page = reviewer_client.get(url("review_campaign", campaign)).content.decode()
    assert why in page
    assert "Send the appeal to Telnyx" not in page

    response = reviewer_client.post(
        url("review_appeal", campaign), {"appeal_reason": REASON, "confirm_cost": "on"}
    )
    assert response.status_code == 200
    assert why in response.content.decode()
    campaign.refresh_from_db()
    assert campaign.appealed_at is None
    assert not Appeal.objects.exists() and not AuditEntry.objects.exists()


@pytest.mark.parametrize("reason", ["", "Please appeal this.", "word " * 300])
def test_appeal_reason_needs_a_few_words_and_at_most_1024_characters(
    reviewer_client, organisation, make_submitted_campaign, reason
):
    campaign = make_submitted_campaign(organisation, campaign_status="MNO_REJECTED")
    response = reviewer_client.post(
        url("review_appeal", campaign), {"appeal_reason": reason, "confirm_cost": "on"}
    )
    assert response.status_code == 200
    assert response.context["appeal_form"].errors["appeal_reason"]
    assert not Appeal.objects.exists()


def test_an_appeal_in_flight_refuses_a_second_one(reviewer, organisation, make_submitted_campaign):
    campaign = make_submitted_campaign(organisation, campaign_status="TELNYX_FAILED")
    Appeal.objects.create(
        campaign=campaign, requested_by=reviewer, reason=REASON, status_at_appeal="TELNYX_FAILED"
    )
    with pytest.raises(services.AppealRefused, match="being sent right now"):
        services.appeal(campaign, reviewer, REASON)
    assert Appeal.objects.count() == 1


def test_the_database_allows_one_appeal_in_flight_per_campaign(
    reviewer, organisation, make_submitted_campaign
):
    from django.db import IntegrityError, transaction

    campaign = make_submitted_campaign(organisation, campaign_status="TELNYX_FAILED")
    fields = dict(campaign=campaign, requested_by=reviewer, reason=REASON, status_at_appeal="X")
    Appeal.objects.create(**fields)
    Appeal.objects.create(**fields, state=Appeal.State.FAILED)
    with pytest.raises(IntegrityError), transaction.atomic():
        Appeal.objects.create(**fields)


def test_review_page_shows_failure_reasons_event_texts_matched_rules_and_findings(
    reviewer_client, organisation, make_submitted_campaign
):
    campaign = make_submitted_campaign(
        organisation,
        campaign_status="MNO_REJECTED",
        failure_reasons=["Sample messages do not include opt-out language"],
        sample2="Our pies are back!",
    )
    CampaignEvent.objects.create(
        campaign=campaign,
        kind=CampaignEvent.Kind.WEBHOOK,
        event_type="MNO_REVIEW",
        event_status="REJECTED",
        description="Carrier: brand name missing from the sample messages",
        from_status="MNO_PENDING",
        to_status="MNO_REJECTED",
    )
    page = reviewer_client.get(url("review_campaign", campaign)).content.decode()
    assert "Sample messages do not include opt-out language" in page
    assert "Carrier: brand name missing from the sample messages" in page
    assert 'id="matched-S3"' in page and 'id="matched-S2"' in page
    assert "<strong>sample2</strong>" in page  # a finding of check_campaign on the content
    assert "VERIFIED" in page  # the brand's identity status


def test_customer_partial_shows_the_appeal_state_but_never_notes(
    reviewer, organisation, make_submitted_campaign
):
    from django.utils import timezone

    campaign = make_submitted_campaign(organisation, campaign_status="TCR_ACCEPTED")
    ReviewNote.objects.create(campaign=campaign, author=reviewer, body="Internal: risky brand.")
    template = Template("{% load review %}{% appeal_status campaign %}")
    assert template.render(Context({"campaign": campaign})).strip() == ""

    Campaign.objects.filter(pk=campaign.pk).update(appealed_at=timezone.now())
    campaign.refresh_from_db()
    html = template.render(Context({"campaign": campaign}))
    assert "Appealed on" in html
    assert "The appeal is being reviewed." in html
    assert "risky brand" not in html


# Against the live sandbox ----------------------------------------------------------------


@pytest.fixture
def rejected_campaign(transactional_db, telnyx, live_server, organisation, make_submitted_campaign):
    return submit_rejected_campaign(telnyx, live_server.url, organisation, make_submitted_campaign)


@pytest.mark.django_db(transaction=True)
def test_an_appeal_left_being_sent_by_a_stopped_process_no_longer_blocks_the_next(
    rejected_campaign, reviewer
):
    campaign = rejected_campaign
    Campaign.objects.filter(pk=campaign.pk).update(**FIXED)
    stuck = Appeal.objects.create(
        campaign=campaign, requested_by=reviewer, reason=REASON, status_at_appeal="TELNYX_FAILED"
    )
    Appeal.objects.filter(pk=stuck.pk).update(requested_at=timezone.now() - timedelta(minutes=6))

    services.appeal(campaign, reviewer, REASON)

    stuck.refresh_from_db()
    assert stuck.state == Appeal.State.FAILED and "No answer from Telnyx" in stuck.error
    assert Appeal.objects.filter(state=Appeal.State.ACCEPTED).count() == 1
    campaign.refresh_from_db()
    assert campaign.appealed_at is not None


@pytest.mark.django_db(transaction=True)
def test_reviewer_claims_fixes_and_appeals_through_to_the_decision_webhook(
    rejected_campaign, reviewer_client, reviewer, telnyx, owner_client
):
    campaign = rejected_campaign
    page = reviewer_client.get(url("review_campaign", campaign)).content.decode()
    assert "T5" in page  # the sandbox's rejection text, shown to the reviewer

    reviewer_client.post(url("review_claim", campaign))

    response = edit_in_steps(reviewer_client, "review_edit_step", campaign, **FIXED)
    assert response.status_code == 302
    assert telnyx.get_campaign(campaign.campaign_id).sample1 == FIXED["sample1"]

    response = reviewer_client.post(
        url("review_appeal", campaign), {"appeal_reason": REASON, "confirm_cost": "on"}
    )
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.appealed_at is not None
    # The sandbox reviewed the appeal and its decision came back by signed webhook.
    assert campaign.campaign_status == "MNO_PROVISIONED"
    assert WebhookEvent.objects.filter(campaign=campaign, kind__icontains="").exists()
    timeline = list(campaign.events.values_list("kind", "event_type"))
    appeal_at = timeline.index(("appeal", ""))
    assert ("webhook", "VERIFIED") in timeline[appeal_at:]

    state = services.appeal_state(campaign)
    assert state.outcome == "approved"
    page = reviewer_client.get(url("review_campaign", campaign)).content.decode()
    assert "The appeal succeeded" in page

    # The customer sees the appeal's state on their campaign page, never the internal notes.
    reviewer_client.post(url("review_note", campaign), {"body": "Internal: second strike."})
    customer_page = owner_client.get(reverse("campaign_detail", args=[campaign.public_id]))
    assert "The appeal succeeded" in customer_page.content.decode()
    assert "second strike" not in customer_page.content.decode()

    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["claim", "edit", "appeal", "note"]
    edit = AuditEntry.objects.get(action="edit")
    assert edit.before == {"sample1": UNBRANDED["sample1"], "sample2": UNBRANDED["sample2"]}
    assert edit.after == FIXED
    appeal = AuditEntry.objects.get(action="appeal")
    assert appeal.before == {"campaign_status": "TELNYX_FAILED", "appealed_at": None}
    assert appeal.after["appeal_reason"] == REASON


@pytest.mark.django_db(transaction=True)
def test_an_appeal_without_a_fix_is_turned_down_and_can_be_appealed_again(
    rejected_campaign, reviewer
):
    override = "The carrier misread the samples; appealing as they stand on purpose."
    services.appeal(rejected_campaign, reviewer, REASON, override_reason=override)
    rejected_campaign.refresh_from_db()
    assert rejected_campaign.campaign_status == "TELNYX_FAILED"
    assert services.appeal_state(rejected_campaign).outcome == "rejected"
    # A new rejection, a new appeal.
    services.appeal(rejected_campaign, reviewer, REASON, override_reason=override)
    assert Appeal.objects.filter(state=Appeal.State.ACCEPTED).count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_second_appeal_after_the_first_is_refused_with_the_reason(
    rejected_campaign, reviewer_client, reviewer
):
    services.edit_campaign(rejected_campaign, reviewer, FIXED)
    first = reviewer_client.post(
        url("review_appeal", rejected_campaign), {"appeal_reason": REASON, "confirm_cost": "on"}
    )
    second = reviewer_client.post(
        url("review_appeal", rejected_campaign), {"appeal_reason": REASON, "confirm_cost": "on"}
    )
    assert first.status_code == 302
    assert second.status_code == 200
    assert "already live" in second.content.decode()
    assert Appeal.objects.count() == 1
    assert AuditEntry.objects.filter(action="appeal").count() == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's shared in-memory test database locks tables instead of waiting",
)
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_appeals_send_one(rejected_campaign, reviewer):
    services.edit_campaign(rejected_campaign, reviewer, FIXED)
    barrier = threading.Barrier(2)
    outcomes = []

    def attempt():
        try:
            barrier.wait()
            campaign = Campaign.objects.get(pk=rejected_campaign.pk)
            services.appeal(campaign, reviewer, REASON)
            outcomes.append("sent")
        except services.AppealRefused as exc:
            outcomes.append(f"refused: {exc}")
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes)[-1] == "sent"
    assert sorted(outcomes)[0].startswith("refused")
    assert Appeal.objects.filter(state=Appeal.State.ACCEPTED).count() == 1
    assert AuditEntry.objects.filter(action="appeal").count() == 1
    assert rejected_campaign.events.filter(kind="appeal").count() == 1


@pytest.mark.django_db(transaction=True)
def test_telnyx_error_on_appeal_is_shown_and_nothing_is_recorded_as_appealed(
    rejected_campaign, reviewer_client, reviewer
):
    services.edit_campaign(rejected_campaign, reviewer, FIXED)  # the matched rule passes
    faults.inject("500", path_contains="/appeal")
    response = reviewer_client.post(
        url("review_appeal", rejected_campaign), {"appeal_reason": REASON, "confirm_cost": "on"}
    )
    assert response.status_code == 200
    assert "Telnyx could not be reached, so we could not send the appeal" in (
        response.content.decode()
    )
    rejected_campaign.refresh_from_db()
    assert rejected_campaign.appealed_at is None
    assert rejected_campaign.campaign_status == "TELNYX_FAILED"
    assert not rejected_campaign.events.filter(kind="appeal").exists()
    assert Appeal.objects.get().state == Appeal.State.FAILED
    failed = AuditEntry.objects.exclude(action="edit").get()
    assert failed.action == "appeal_failed" and "nothing was changed" in failed.note

    # Nothing is left in flight: the next attempt goes through.
    reviewer_client.post(
        url("review_appeal", rejected_campaign), {"appeal_reason": REASON, "confirm_cost": "on"}
    )
    rejected_campaign.refresh_from_db()
    assert rejected_campaign.appealed_at is not None


@pytest.mark.django_db(transaction=True)
def test_an_edit_with_check_errors_is_blocked_and_not_sent(
    rejected_campaign, reviewer_client, telnyx
):
    response = edit_in_steps(
        reviewer_client, "review_edit_step", rejected_campaign, sample1="Sale.", sample2="Sale."
    )
    assert response.status_code == 200
    assert "Fix the errors the checks found before saving" in response.content.decode()
    assert telnyx.get_campaign(rejected_campaign.campaign_id).sample1 == UNBRANDED["sample1"]
    assert not AuditEntry.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_telnyx_error_on_edit_is_shown_and_nothing_is_stored(rejected_campaign, reviewer_client):
    faults.inject("500", path_contains="/10dlc/campaign/", method="PUT")
    response = edit_in_steps(reviewer_client, "review_edit_step", rejected_campaign, **FIXED)
    assert response.status_code == 200
    assert "so we could not save the changes at Telnyx" in response.content.decode()
    rejected_campaign.refresh_from_db()
    assert rejected_campaign.sample1 == UNBRANDED["sample1"]
    assert not AuditEntry.objects.exists()


def test_checks_rerun_while_the_reviewer_types(
    reviewer_client, organisation, make_submitted_campaign
):
    campaign = make_submitted_campaign(organisation, campaign_status="TELNYX_FAILED")
    checks = reverse("review_edit_check", args=[campaign.public_id, "samples"])
    clean = reviewer_client.post(checks, edit_data(campaign))
    assert 'class="finding error"' not in clean.text
    dirty = reviewer_client.post(checks, edit_data(campaign, sample1="Big sale, come now"))
    assert 'id="findings-sample1"' in dirty.text and 'class="finding error"' in dirty.text


# -- appeal outcomes told right (issue 18.5) ---------------------------------------------------
def test_a_successful_appeal_closes_the_case_and_quotes_no_old_reason(
    rejected_campaign, reviewer_client, reviewer, telnyx
):
    from compliance.models import Notification, ReviewClaim

    campaign = rejected_campaign
    reviewer_client.post(url("review_claim", campaign))
    edit_in_steps(reviewer_client, "review_edit_step", campaign, **FIXED)
    reviewer_client.post(
        url("review_appeal", campaign), {"appeal_reason": REASON, "confirm_cost": "on"}
    )
    campaign.refresh_from_db()
    assert campaign.campaign_status == "MNO_PROVISIONED"

    claim = ReviewClaim.objects.get(campaign=campaign)
    assert claim.released_at is not None  # the case is closed: nobody holds it any more
    after_appeal = Notification.objects.filter(
        campaign=campaign, created_at__gte=campaign.appealed_at
    ).exclude(title__icontains="Rejected")
    assert after_appeal.filter(title__icontains="Live").exists()
    # The rejection's reasons (the sandbox's "T5 …") are never quoted beside an acceptance.
    assert all("T5" not in n.body for n in after_appeal), [n.body for n in after_appeal]


def test_the_appeal_list_says_sent_for_review_never_accepted(
    rejected_campaign, reviewer_client, reviewer
):
    campaign = rejected_campaign
    Campaign.objects.filter(pk=campaign.pk).update(**FIXED)
    services.appeal(campaign, reviewer, REASON)
    page = reviewer_client.get(url("review_campaign", campaign)).content.decode()
    assert "Sent to Telnyx for review" in page
    assert "Accepted by Telnyx" not in page


def test_telnyx_timestamps_in_event_texts_are_written_for_people(
    reviewer_client, organisation, make_submitted_campaign
):
    from compliance.models import CampaignEvent

    campaign = make_submitted_campaign(organisation, campaign_status="TELNYX_FAILED")
    CampaignEvent.objects.create(
        campaign=campaign,
        kind=CampaignEvent.Kind.WEBHOOK,
        description="Review of the appeal of 2026-12-03T07:14:16.555921+00:00: still unbranded",
        to_status="TELNYX_FAILED",
    )
    page = reviewer_client.get(url("review_campaign", campaign)).content.decode()
    assert "December 3, 2026 at 07:14 UTC" in page
    assert "2026-12-03T07:14" not in page
