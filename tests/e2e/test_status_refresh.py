"""When a campaign's status moves while its page is open, the whole page follows: the
rejection card and the appeal appear without a manual reload (the stepper's poll answers
HX-Refresh), and polling stops once the status is final."""

from datetime import timedelta

from django.utils import timezone

from compliance.models import Campaign
from tests.factories import organisation_of, registered_brand, submitted_campaign


def test_a_rejection_appears_on_the_open_campaign_page_without_a_reload(logged_in_page, e2e_user):
    page = logged_in_page
    organisation = organisation_of(e2e_user)
    campaign = submitted_campaign(
        organisation,
        brand=registered_brand(organisation),
        status="MNO_PENDING",
        usecase="CUSTOMER_CARE",
        last_synced_at=timezone.now() + timedelta(hours=1),  # no read-back needed
    )
    base = page.url.split("/", 3)[:3]
    page.goto("/".join(base) + f"/campaigns/{campaign.public_id}/")
    page.locator('[data-stepper="MNO_PENDING"]').wait_for()
    assert page.get_by_role("link", name="Ask for an appeal").count() == 0

    Campaign.objects.filter(pk=campaign.pk).update(
        campaign_status="MNO_REJECTED",
        failure_reasons=["The message flow does not say how customers opt in."],
    )

    page.locator('[data-stepper="MNO_REJECTED"]').wait_for(timeout=10_000)
    # Outside the status panel: only a whole-page reload brings these.
    page.locator("#conversation").wait_for()
    assert page.get_by_role("link", name="Ask for an appeal").first.is_visible()
    assert page.locator("#campaign-status[hx-trigger]").count() == 0  # final: no more polling
