"""Rejection to rule, through the customer's and the reviewer's campaign pages: the rules a
rejection points at with their state now, what changed since the content was sent, the appeal
kept closed while a matched rule fails, the audited override; and the sandbox's repeated
rejection after an appeal reaching the timeline."""

import pytest
from django.urls import reverse
from django.utils import timezone

from compliance.models import Appeal, AuditEntry, Campaign, CampaignEvent, WebhookEvent
from compliance.services import rejections
from compliance.services import review as services
from tests.conftest import SUBMITTED_CAMPAIGN
from tests.factories import verified_brand
from tests.review.review_helpers import REASON, submit_rejected_campaign

UNBRANDED_SAMPLE2 = "Our pumpkin pies are back! Order yours in store today. Reply STOP to end."
OVERRIDE = "The carrier misread the samples; appealing as they stand on purpose."
APPEAL = {"appeal_reason": REASON, "confirm_cost": "on"}


def url(name, campaign):
    return reverse(name, args=[campaign.public_id])


@pytest.fixture
def rejected(organisation, make_submitted_campaign):
    """Rejected by carriers for an unbranded sample; sample2 is still unbranded, and the
    description was changed since it was sent."""
    campaign = make_submitted_campaign(
        organisation, campaign_status="MNO_REJECTED", sample2=UNBRANDED_SAMPLE2
    )
    sent = rejections.snapshot(campaign) | {"description": "Alice Bakery sends offers."}
    Campaign.objects.filter(pk=campaign.pk).update(
        submitted_content=sent,
        submitted_content_at=timezone.now(),
        failure_reasons=["Brand name missing from the sample messages"],
    )
    CampaignEvent.objects.create(
        campaign=campaign,
        kind=CampaignEvent.Kind.WEBHOOK,
        event_type="MNO_REVIEW",
        event_status="REJECTED",
        description="Carrier: sample messages do not identify the brand",
        from_status="MNO_PENDING",
        to_status="MNO_REJECTED",
    )
    campaign.refresh_from_db()
    return campaign


def _fix(campaign):
    Campaign.objects.filter(pk=campaign.pk).update(sample2="Alice Bakery: " + UNBRANDED_SAMPLE2)
    campaign.refresh_from_db()


def test_the_customer_page_opens_with_the_matched_rules_and_what_changed(owner_client, rejected):
    html = owner_client.get(url("campaign_detail", rejected)).content.decode()
    assert html.index('id="rejection"') < html.index('id="campaign-status"')
    assert "Brand name missing from the sample messages" in html
    assert "Carrier: sample messages do not identify the brand" in html
    row = html.split('id="matched-S2"')[1].split("</tr>")[0]
    assert "still fails" in row and "Start each sample with the brand name" in row
    changes = html.split('class="changes"')[1].split("</table>")[0]
    assert "Alice Bakery sends offers." in changes  # as sent
    assert SUBMITTED_CAMPAIGN["description"] in changes  # now
    assert "Sample2" not in changes  # unchanged fields are not listed
    gate = html.split('id="appeal-gate"')[1].split("</div>")[0]
    assert "The appeal stays closed" in gate and "S2 (Samples name the brand) still fails" in gate
    assert "Why it was rejected" in html and html.count("Why it was rejected") == 1


def test_the_customer_page_shows_a_rule_that_passes_now(owner_client, rejected):
    _fix(rejected)
    html = owner_client.get(url("campaign_detail", rejected)).content.decode()
    assert "passes now" in html.split('id="matched-S2"')[1].split("</tr>")[0]
    assert "you can ask for an appeal" in html


def test_a_campaign_that_is_not_rejected_has_no_rejection_section(
    owner_client, organisation, make_submitted_campaign
):
    campaign = make_submitted_campaign(organisation, campaign_status="MNO_PROVISIONED")
    assert 'id="rejection"' not in owner_client.get(url("campaign_detail", campaign)).text


def test_an_old_campaign_without_a_copy_of_what_was_sent_says_so(
    owner_client, organisation, make_submitted_campaign
):
    campaign = make_submitted_campaign(organisation, campaign_status="TELNYX_FAILED")
    assert (
        "No copy of the content as sent was kept"
        in owner_client.get(url("campaign_detail", campaign)).content.decode()
    )


def test_the_reviewer_sees_the_appeal_button_disabled_while_a_matched_rule_fails(
    reviewer_client, rejected
):
    html = reviewer_client.get(url("review_campaign", rejected)).content.decode()
    assert html.index('id="rejection"') < html.index('id="claim"')
    assert 'type="submit" disabled aria-disabled="true">Send the appeal to Telnyx' in html
    assert 'name="override" value="1"' in html
    assert 'name="override_reason"' in html

    refused = reviewer_client.post(url("review_appeal", rejected), APPEAL)
    assert refused.status_code == 200
    assert "The appeal stays closed (S2)" in refused.content.decode()
    short = reviewer_client.post(
        url("review_appeal", rejected), APPEAL | {"override": "1", "override_reason": "trust me"}
    )
    assert "in at least 5 words" in short.content.decode()
    assert not Appeal.objects.exists()
    assert not AuditEntry.objects.exists()


def test_the_appeal_button_opens_once_the_matched_rules_pass(reviewer_client, rejected):
    _fix(rejected)
    html = reviewer_client.get(url("review_campaign", rejected)).content.decode()
    assert '<button class="primary" type="submit">Send the appeal to Telnyx</button>' in html
    assert 'name="override"' not in html


def test_an_appeal_needs_the_cost_box(reviewer_client, rejected):
    _fix(rejected)
    html = reviewer_client.get(url("review_campaign", rejected)).content.decode()
    assert "I understand that this costs a new review" in html
    response = reviewer_client.post(url("review_appeal", rejected), {"appeal_reason": REASON})
    assert response.status_code == 200
    assert response.context["appeal_form"].errors["confirm_cost"]
    assert not Appeal.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_an_override_is_audited_and_the_second_rejection_reaches_the_timeline(
    telnyx, live_server, organisation, make_submitted_campaign, reviewer_client, reviewer
):
    campaign = submit_rejected_campaign(
        telnyx, live_server.url, organisation, make_submitted_campaign
    )
    first = list(campaign.events.filter(event_status="REJECTED").values_list("description"))
    assert len(first) == 1
    assert services.appeal_gate(campaign) == ["S2"]  # T5: no sample names the brand

    response = reviewer_client.post(
        url("review_appeal", campaign), APPEAL | {"override": "1", "override_reason": OVERRIDE}
    )
    assert response.status_code == 302
    override = AuditEntry.objects.get(action="override")
    assert override.actor == reviewer and override.campaign == campaign
    assert override.note == OVERRIDE
    assert override.before == {"failing_rules": ["S2"]}
    assert AuditEntry.objects.filter(action="appeal").count() == 1

    # The sandbox reviewed the unchanged campaign again and rejected it again; that webhook's
    # body differs from the first (it names the appeal), so it was not dropped as a duplicate.
    campaign.refresh_from_db()
    assert campaign.campaign_status == "TELNYX_FAILED"
    rejections_seen = campaign.events.filter(kind="webhook", event_status="REJECTED")
    assert rejections_seen.count() == 2
    second = rejections_seen.last()
    assert second.description.startswith("Review of the appeal of")
    assert WebhookEvent.objects.filter(campaign=campaign).count() >= 2
    # The report now reads this round's texts, and what was sent at the appeal.
    report = rejections.rejection_report(campaign)
    assert second.description in report.texts
    assert report.changes == []
    # The appeal of this very content was turned down: it stays closed on that ground too.
    assert report.turned_down_at is not None
    assert services.appeal_gate(campaign) == [
        "S2",
        "the same content was already turned down on appeal",
    ]


@pytest.mark.django_db(transaction=True)
def test_a_submission_keeps_a_copy_of_what_was_sent(telnyx, owner_client, organisation):
    from compliance.models import Brand, SubmissionState

    brand = Brand.objects.create(
        organisation=organisation,
        entity_type="PRIVATE_PROFIT",
        display_name="Alice Bakery",
        company_name="Alice Bakery LLC",
        website="https://alicebakery.example",  # the campaign's links are on this domain
        email="support@alicebakery.example",
        phone="+13125550001",
        vertical="RETAIL",
        submission_state=SubmissionState.SUBMITTED,
        brand_id=verified_brand(telnyx),
        status="OK",
        identity_status="VERIFIED",
    )
    content = {k: v for k, v in SUBMITTED_CAMPAIGN.items() if k != "usecase"}
    campaign = Campaign.objects.create(organisation=organisation, brand=brand, **content)
    owner_client.post(
        reverse("campaign_step", args=[campaign.public_id, "usecase"]), {"usecase": "MARKETING"}
    )
    response = owner_client.post(
        reverse("campaign_step", args=[campaign.public_id, "review"]), {"confirm_cost": "on"}
    )
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.campaign_id
    assert campaign.submitted_content == rejections.snapshot(campaign)
    assert campaign.submitted_content["sample1"] == SUBMITTED_CAMPAIGN["sample1"]
    assert campaign.submitted_content_at is not None
