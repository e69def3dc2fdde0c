"""The campaign builder in headless Chromium: a verified brand's campaign is built step by step,
a compliance check fires while a sample is typed and disappears once it is fixed, a mistyped
link fails its step with the focus on it, and the submitted campaign's page shows it live."""

import pytest

from compliance.models import Campaign, SubmissionState
from tests.e2e import campaign_steps
from tests.e2e.helpers import assert_accessible_basics, screenshot
from tests.factories import BRAND_NAME, organisation_of, verified_brand
from tests.registration.test_campaign_builder import registered_brand


@pytest.fixture
def brand(app_server, e2e_user):
    """A brand of the user's organisation, registered and verified at the sandbox."""
    from compliance.telnyx.client import get_client

    with get_client(timeout=5.0, backoff_base=0.01, backoff_max=0.05) as telnyx:
        return registered_brand(organisation_of(e2e_user), verified_brand(telnyx))


def test_a_check_fires_while_typing_is_fixed_and_the_campaign_goes_live(logged_in_page, brand):
    page = logged_in_page
    campaign_steps.start_campaign(page, BRAND_NAME)
    campaign_steps.choose_usecase(page)
    campaign_steps.fill_texts(page, BRAND_NAME, shots="campaign")
    campaign_steps.fill_rest(page, BRAND_NAME)
    campaign_steps.submit(page)

    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == f"Customer care campaign for {BRAND_NAME}"
    status = page.locator("#campaign-status")
    status.get_by_text("Your campaign is live").wait_for()
    assert "Campaign submitted to Telnyx." in page.locator("ul.messages").inner_text()
    assert "$10.00 a month" in status.inner_text()
    assert "Live" in page.locator(".timeline").inner_text()
    assert_accessible_basics(page)
    screenshot(page, "campaign-page", both_widths=True)

    campaign = Campaign.objects.get(brand=brand)
    assert campaign.submission_state == SubmissionState.SUBMITTED
    assert campaign.campaign_status == "MNO_PROVISIONED"
    assert "bit.ly" not in campaign.sample1
    assert campaign.privacy_policy_link == "https://alicebakery.com/privacy"


def test_step_x_of_n_no_errors_before_acting_and_unsaved_typing_is_not_thrown_away(
    logged_in_page, brand
):
    page = logged_in_page
    campaign_steps.start_campaign(page, BRAND_NAME)
    assert page.locator("#step-count").inner_text().startswith("Step 1 of ")
    campaign_steps.choose_usecase(page)
    count = page.locator("#step-count").inner_text()
    assert count.startswith("Step 2 of ") and count.endswith(": Description")
    # The step opens without a "Must fix" on fields nobody has touched.
    assert page.locator(".finding.error").count() == 0

    description = page.get_by_label("Describe the campaign: who sends what, to whom, and why")
    description.press_sequentially("Order updates", delay=10)
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    here = page.url
    page.get_by_role("link", name="1. Use case").click()
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"] and page.url == here
    assert description.input_value() == "Order updates"
