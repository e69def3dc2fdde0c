"""Every rejection has a way out (issue 18), walked in a real browser against the sandbox.

1. A campaign registered earlier (outside the app's checks) is rejected by the carriers for a
   reason the checker models: a sample carries a link while the embedded-link flag says none.
   The report names the rule and says the flag is locked; the customer edits the samples to
   agree with it, asks for an appeal; a reviewer sends it; the carriers accept.
2. A campaign the app submitted is rejected for a reason no rule models (the sandbox's
   sweepstakes rule). The report says so honestly; the customer copies it into a new draft,
   changes the description and submits the copy.
The fee ledger shows every fee the app confirmed on the way: the second campaign's
submission, the appeal and the copy's submission (the first campaign was registered outside
the app, so its fee is not the app's to record).
"""

import pytest
from django.urls import reverse

from compliance.models import AppealRequest, Campaign, FeeEntry, SubmissionState
from compliance.services import campaigns as campaign_services
from compliance.services import rejections
from compliance.services.webhooks import replay_pending_events
from compliance.telnyx.client import get_client
from compliance.telnyx.schemas.campaigns import CampaignBuilderSubmitParams
from tests.e2e.campaign_steps import edit_in_steps, save_and_continue
from tests.e2e.helpers import field, log_in, screenshot
from tests.factories import good_content, registered_brand, verified_brand

LINKED = (
    "Alice Bakery: thanks for your question, our answers are at https://alicebakery.com/faq. "
    "Reply HELP for help, STOP to opt out."
)
UNLINKED = good_content()["sample2"]
SWEEPSTAKES = (
    "Alice Bakery answers customer questions about orders and deliveries by text, and "
    "announces the winners of our monthly sweepstakes to customers who asked to be contacted."
)
EXPLANATION = "We removed the link from the second sample, so it now agrees with the flag."


def client():
    return get_client(timeout=5.0, backoff_base=0.01, backoff_max=0.05)


def draft(organisation, owner, brand, **wire) -> Campaign:
    content = good_content() | wire
    fields = {campaign_services.MODEL_FIELD[k]: v for k, v in content.items()}
    return Campaign.objects.create(
        organisation=organisation, brand=brand, created_by=owner, **fields
    )


@pytest.fixture
def brand(app_server, organisation):
    with client() as telnyx:
        return registered_brand(organisation, verified_brand(telnyx))


@pytest.fixture
def registered_elsewhere(app_server, organisation, owner, brand) -> Campaign:
    """Campaign 1, sent to Telnyx directly (as before the app's checks existed)."""
    campaign = draft(organisation, owner, brand, sample2=LINKED)
    content = {
        name: getattr(campaign, name)
        for name in campaign_services.CONTENT_FIELDS
        if name in CampaignBuilderSubmitParams.model_fields and getattr(campaign, name) != ""
    }
    with client() as telnyx:
        created = telnyx.submit_campaign(
            brand_id=brand.brand_id,
            **content,
            webhook_url=app_server + reverse("telnyx_webhook"),
        )
    Campaign.objects.filter(pk=campaign.pk).update(
        campaign_id=created.campaign_id,
        campaign_status="TCR_PENDING",
        submission_state=SubmissionState.SUBMITTED,
        submitted_content=rejections.snapshot(campaign),
    )
    campaign.refresh_from_db()
    replay_pending_events(campaign)
    campaign.refresh_from_db()
    assert campaign.campaign_status == "MNO_REJECTED", campaign.failure_reasons
    return campaign


@pytest.fixture
def sweepstakes(app_server, organisation, owner, brand) -> Campaign:
    """Campaign 2, submitted by the app (its checks pass) and rejected for sweepstakes."""
    campaign = draft(organisation, owner, brand, description=SWEEPSTAKES)
    campaign_services.qualify(campaign, "CUSTOMER_CARE")
    campaign_services.submit_campaign(campaign, confirmed_by=owner)
    campaign.refresh_from_db()
    campaign_services.refresh_campaign(campaign)
    campaign.refresh_from_db()
    assert campaign.campaign_status == "MNO_REJECTED", campaign.failure_reasons
    return campaign


def sign_in_as(page, user) -> None:
    page.context.clear_cookies()
    log_in(page, user.username)


def test_every_rejection_has_a_way_out(page, owner, reviewer, registered_elsewhere, sweepstakes):
    # -- 1. a reason the checker models ------------------------------------------------------
    campaign = registered_elsewhere
    sign_in_as(page, owner)
    page.goto(reverse("campaign_detail", args=[campaign.public_id]))
    rule = page.locator("#matched-S7")
    assert "still fails" in rule.inner_text()
    assert "Embedded link cannot be changed once a campaign is submitted" in rule.inner_text()
    assert "The appeal stays closed" in page.locator("#appeal-gate").inner_text()
    screenshot(page, "way-out-rejected", both_widths=True)

    edit_in_steps(page, "Edit", {"Sample message 2": UNLINKED})
    assert "passes now" in page.locator("#matched-S7").inner_text()
    assert "you can ask for an appeal" in page.locator("#appeal-gate").inner_text()

    with page.expect_navigation():
        page.locator("#campaign-status").get_by_role("link", name="Ask for an appeal").click()
    field(page, "What changed, or why the rejection is mistaken").fill(EXPLANATION)
    with page.expect_navigation():
        page.get_by_role("button", name="Ask our reviewers to appeal").click()
    assert "Our reviewers have your request" in page.locator("ul.messages").inner_text()
    assert "Waiting for a reviewer" in page.locator("#conversation").inner_text()

    sign_in_as(page, reviewer)
    page.goto("/review/?status=requested")
    with page.expect_navigation():
        page.get_by_role("link", name="Alice Bakery").first.click()
    assert EXPLANATION in page.locator("#appeal-request").inner_text()
    assert field(page, "Appeal reason").input_value() == EXPLANATION
    page.get_by_label("I understand that this costs").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Send the appeal to Telnyx").click()
    assert "Telnyx accepted the appeal" in page.locator("ul.messages").inner_text()
    assert "The appeal succeeded" in page.locator("#appeal").inner_text()
    campaign.refresh_from_db()
    assert campaign.campaign_status == "MNO_PROVISIONED"
    assert AppealRequest.objects.get(campaign=campaign).state == "sent"

    # -- 2. a reason no rule models ----------------------------------------------------------
    sign_in_as(page, owner)
    page.goto(reverse("campaign_detail", args=[sweepstakes.public_id]))
    report = page.locator("#rejection").inner_text()
    assert "sweepstakes, contests and giveaways are not accepted" in report
    assert "We do not check for this reason yet" in report
    assert "passes now" not in report
    assert "not something we check" in page.locator("#appeal-gate").inner_text()

    with page.expect_navigation():
        page.get_by_role("link", name="Copy into a new draft").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Copy for Alice Bakery").click()
    assert "A copy of" in page.locator("main").inner_text()
    page.get_by_role("radio", name="Customer Care", exact=False).check()
    save_and_continue(page)
    description = field(page, "Describe the campaign: who sends what, to whom, and why")
    assert "sweepstakes" in description.input_value()
    description.fill(good_content()["description"])
    while page.locator("#step-form h2").first.inner_text() != "Review and submit":
        save_and_continue(page)
    page.get_by_label("I understand that this costs").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Submit to Telnyx").click()
    copy = Campaign.objects.get(copied_from=sweepstakes)
    assert copy.campaign_id and "sweepstakes" not in copy.description

    # -- the ledger ------------------------------------------------------------------------
    page.goto(reverse("fee_ledger"))
    ledger = page.locator("main").inner_text()
    screenshot(page, "way-out-ledger", both_widths=True)
    entries = FeeEntry.objects.filter(organisation=campaign.organisation)
    assert {(e.kind, e.campaign_id) for e in entries} >= {
        (FeeEntry.Kind.CAMPAIGN_SUBMISSION, sweepstakes.pk),
        (FeeEntry.Kind.APPEAL, campaign.pk),
        (FeeEntry.Kind.CAMPAIGN_SUBMISSION, copy.pk),
    }
    assert ledger.count("$15.00") >= 1 and "Running total" in ledger
