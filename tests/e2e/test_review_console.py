"""A reviewer claims, fixes and appeals a rejected campaign in a real browser, against the
sandbox on the live server; the decision comes back by signed webhook."""

import pytest

from compliance.models import AuditEntry, Campaign
from compliance.telnyx.client import get_client
from tests.e2e.campaign_steps import edit_in_steps
from tests.e2e.helpers import assert_accessible_basics, field, log_in, screenshot
from tests.review.review_helpers import FIXED, REASON, submit_rejected_campaign


@pytest.fixture
def rejected_campaign(app_server, organisation, make_submitted_campaign):
    with get_client(timeout=5.0, backoff_base=0.01, backoff_max=0.05) as telnyx:
        return submit_rejected_campaign(telnyx, app_server, organisation, make_submitted_campaign)


def test_reviewer_claims_fixes_and_appeals_a_rejected_campaign(page, reviewer, rejected_campaign):
    log_in(page, reviewer.username)
    page.goto("/review/?status=TELNYX_FAILED")
    assert_accessible_basics(page)
    screenshot(page, "review-queue", both_widths=True)
    with page.expect_navigation():
        page.get_by_role("link", name="Alice Bakery").click()

    page.get_by_role("button", name="Claim this campaign").click()
    page.wait_for_url("**/review/campaigns/**")
    assert "Claimed by rita" in page.locator("#claim").inner_text()
    # The rejection points at S2, which still fails: the appeal button stays disabled.
    assert "still fails" in page.locator("#matched-S2").inner_text()
    assert page.get_by_role("button", name="Send the appeal to Telnyx").is_disabled()

    # The edit in steps: the checks on its last step show no error left on the samples.
    edit_in_steps(
        page,
        "Edit in steps",
        {"Sample message 1": FIXED["sample1"], "Sample message 2": FIXED["sample2"]},
    )
    screenshot(page, "review-campaign-fixed")

    assert "passes now" in page.locator("#matched-S2").inner_text()
    field(page, "Appeal reason").fill(REASON)
    page.get_by_label("I understand that this costs").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Send the appeal to Telnyx").click()
    assert "Telnyx accepted the appeal" in page.locator("ul.messages").inner_text()
    assert "The appeal succeeded" in page.locator("#appeal").inner_text()
    assert_accessible_basics(page)
    screenshot(page, "review-campaign-appealed", both_widths=True)

    campaign = Campaign.objects.get(pk=rejected_campaign.pk)
    assert campaign.campaign_status == "MNO_PROVISIONED"
    assert campaign.sample1 == FIXED["sample1"]
    assert list(AuditEntry.objects.order_by("id").values_list("action", flat=True)) == [
        "claim",
        "edit",
        "appeal",
    ]
