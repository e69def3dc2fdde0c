"""A rejected campaign's case between the customer and the reviewers: the conversation (both
sides, notified, on the timeline and in the audit trail), the customer's appeal request (in
the reviewers' queue, sent or declined by a reviewer, or sent straight to Telnyx when the
installation has no reviewer), and the gate that keeps a request closed while a rule fails."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from compliance.models import (
    Appeal,
    AppealRequest,
    AuditEntry,
    Campaign,
    CampaignEvent,
    CaseMessage,
    Notification,
)
from compliance.review import queue
from compliance.services import cases, rejections
from tests.review.review_helpers import FIXED, REASON, submit_rejected_campaign

EXPLANATION = "We added the brand name to every sample message as the carrier asked."


def url(name, campaign):
    return reverse(name, args=[campaign.public_id])


@pytest.fixture
def rejected(organisation, make_submitted_campaign):
    """Rejected for a reason our check (S2) now passes: the samples were fixed since."""
    campaign = make_submitted_campaign(organisation, campaign_status="MNO_REJECTED")
    sent = rejections.snapshot(campaign) | {"sample1": "Fresh bread today. Reply STOP to end."}
    Campaign.objects.filter(pk=campaign.pk).update(
        submitted_content=sent,
        submitted_content_at=timezone.now(),
        failure_reasons=["Brand name missing from the sample messages"],
    )
    campaign.refresh_from_db()
    return campaign


def test_the_customer_and_the_reviewer_write_to_each_other(
    owner_client, reviewer_client, reviewer, owner, rejected
):
    page = owner_client.get(url("campaign_detail", rejected)).text
    assert 'id="conversation"' in page and "Send to our reviewers" in page

    response = owner_client.post(
        url("campaign_message", rejected), {"body": "Why was it rejected?"}
    )
    assert response.status_code == 302 and response.url.endswith("#conversation")
    message = CaseMessage.objects.get()
    assert (message.side, message.author, message.body) == (
        "customer",
        owner,
        "Why was it rejected?",
    )
    assert Notification.objects.filter(audience="reviewers", campaign=rejected).exists()
    assert AuditEntry.objects.filter(action="customer_message", actor=owner).exists()

    review_page = reviewer_client.get(url("review_campaign", rejected)).text
    assert "Why was it rejected?" in review_page
    reviewer_client.post(
        url("review_message", rejected),
        {"title": "About your campaign", "body": "The carrier wants the brand in each sample."},
    )
    assert CaseMessage.objects.filter(side="reviewer", author=reviewer).exists()
    assert Notification.objects.filter(audience="customer", campaign=rejected).exists()

    page = owner_client.get(url("campaign_detail", rejected)).text
    conversation = page.split('id="conversation"')[1].split("</section>")[0]
    assert conversation.index("Why was it rejected?") < conversation.index("brand in each sample")
    timeline = [e.description for e in rejected.events.filter(kind=CampaignEvent.Kind.MESSAGE)]
    assert timeline == [
        "Message from the customer: Why was it rejected?",
        "Message from our reviewers: The carrier wants the brand in each sample.",
    ]


def test_an_empty_message_is_refused_in_words(owner_client, rejected):
    response = owner_client.post(url("campaign_message", rejected), {"body": "  "}, follow=True)
    assert "Write a message first" in response.text
    assert not CaseMessage.objects.exists()


def test_the_customer_asks_and_a_reviewer_sends_the_appeal(
    owner_client, reviewer_client, reviewer, owner, rejected, telnyx_sandbox
):
    """The request waits in the queue; the reviewer's appeal form holds the customer's words;
    sending it answers the request and tells the customer."""
    form = owner_client.get(url("campaign_appeal_request", rejected)).text
    assert "Ask our reviewers to appeal" in form and "confirm_cost" not in form
    response = owner_client.post(
        url("campaign_appeal_request", rejected), {"explanation": EXPLANATION}
    )
    assert response.status_code == 302
    request = AppealRequest.objects.get()
    assert (request.state, request.requested_by) == ("open", owner)
    assert Notification.objects.filter(
        audience="reviewers", title__startswith="Appeal requested"
    ).exists()
    assert AuditEntry.objects.filter(action="appeal_request", actor=owner).exists()
    assert list(queue.filter_items(category=queue.REQUESTED)) == [rejected]
    # A second request while one is open is refused.
    again = owner_client.get(url("campaign_appeal_request", rejected)).text
    assert "You already asked for an appeal" in again

    review_page = reviewer_client.get(url("review_campaign", rejected)).text
    assert 'id="appeal-request"' in review_page and EXPLANATION in review_page
    assert f"{EXPLANATION}</textarea>" in review_page  # the appeal reason is filled in


def test_a_reviewer_declines_the_request_with_what_to_change(
    owner_client, reviewer_client, reviewer, rejected
):
    owner_client.post(url("campaign_appeal_request", rejected), {"explanation": EXPLANATION})
    too_short = reviewer_client.post(url("review_decline_request", rejected), {"body": "No."})
    assert "in at least 5 words" in too_short.text
    reviewer_client.post(
        url("review_decline_request", rejected),
        {"body": "Please add the opt-out wording to the second sample first."},
    )
    request = AppealRequest.objects.get()
    assert (request.state, request.closed_by) == ("declined", reviewer)
    assert AuditEntry.objects.filter(action="appeal_declined", actor=reviewer).exists()
    page = owner_client.get(url("campaign_detail", rejected)).text
    assert "Declined by the reviewer" in page
    assert "Please add the opt-out wording to the second sample first." in page
    assert Notification.objects.filter(
        audience="customer", title__startswith="Appeal not sent"
    ).exists()
    # The customer may ask again once they changed something.
    assert "Ask for an appeal" in page


def test_a_request_stays_closed_while_a_matched_rule_fails(
    owner_client, organisation, make_submitted_campaign
):
    campaign = make_submitted_campaign(
        organisation,
        campaign_status="MNO_REJECTED",
        sample1="Fresh bread today. Reply STOP to end.",
        sample2="New pies this week. Reply STOP to end.",
        failure_reasons=["Brand name missing from the sample messages"],
    )
    page = owner_client.get(url("campaign_appeal_request", campaign)).text
    assert "The appeal stays closed (S2)" in page and "Write to our reviewers instead" in page
    owner_client.post(url("campaign_appeal_request", campaign), {"explanation": EXPLANATION})
    assert not AppealRequest.objects.exists()


def test_a_request_needs_an_explanation(owner_client, rejected):
    response = owner_client.post(url("campaign_appeal_request", rejected), {"explanation": "fixed"})
    assert response.status_code == 200 and "at least 5 words" in response.text
    assert not AppealRequest.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_without_reviewers_the_request_goes_to_telnyx_after_the_cost_is_confirmed(
    telnyx, live_server, organisation, owner_client, make_submitted_campaign
):
    Group.objects.all().delete()  # no reviewer on this installation
    assert not cases.reviewers_exist()
    campaign = submit_rejected_campaign(
        telnyx, live_server.url, organisation, make_submitted_campaign
    )
    Campaign.objects.filter(pk=campaign.pk).update(**FIXED)
    form = owner_client.get(url("campaign_appeal_request", campaign)).text
    assert "confirm_cost" in form and "Send the appeal to Telnyx" in form
    unconfirmed = owner_client.post(
        url("campaign_appeal_request", campaign), {"explanation": REASON}
    )
    assert unconfirmed.status_code == 200 and not Appeal.objects.exists()
    owner_client.post(
        url("campaign_appeal_request", campaign), {"explanation": REASON, "confirm_cost": "on"}
    )
    request = AppealRequest.objects.get()
    assert request.state == "sent" and request.appeal.state == "accepted"
