"""A bulk assignment whose numbers turn "Assigned" on the open numbers screen without a
reload: the bulk job is started in the browser, Telnyx (the sandbox) answers each number
"pending", its first webhooks are lost and the job's read-back fails, so the screens show
"Being assigned" and poll; then the sandbox delivers its signed 10dlc.phone_number.update
events and every row follows in place. Then a bulk move of one number to a second campaign and
a bulk unassign of another, through the numbers screen's action bar and its confirmation."""

from compliance.models import BulkAssignment, PhoneNumber
from compliance.services import numbers
from compliance.telnyx.client import get_client
from sandbox import faults
from sandbox.models.campaigns import SandboxCampaign
from sandbox.models.numbers import NumberAssignment
from sandbox.tasks.numbers import notify_number
from tests.e2e.helpers import field
from tests.factories import organisation_of

DEAD_URL = "http://127.0.0.1:9/webhooks/telnyx/"  # nothing listens: the webhooks are lost
COUNT = 3


def _point_webhooks(campaign, url: str) -> None:
    remote = SandboxCampaign.objects.get(campaign_id=campaign.campaign_id)
    remote.attributes = {**remote.attributes, "webhookURL": url}
    remote.save(update_fields=["attributes"])


def test_bulk_assigned_numbers_turn_assigned_without_a_reload(
    logged_in_page, e2e_user, app_server, make_campaign, make_profile
):
    page = logged_in_page
    organisation = organisation_of(e2e_user)
    campaign = make_campaign(organisation=organisation)
    _point_webhooks(campaign, DEAD_URL)
    make_profile(COUNT, organisation=organisation)
    with get_client() as client:
        numbers.sync_organisation(organisation, client)
    # The job's closing read-back of the campaign's assignments fails once.
    faults.inject("500", 1, path_contains="/10dlc/phone_number_campaigns", method="GET")

    page.goto(app_server + "/numbers/")
    page.locator('form[action*="/bulk/"] select[name="campaign"]').select_option(
        label=str(campaign)
    )
    page.get_by_label(f"All {COUNT} numbers matching the filter").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Assign selected numbers", exact=True).click()
    with page.expect_navigation():  # the confirmation with its counts
        page.get_by_role("button", name="Yes, assign them").click()
    page.locator('[data-testid="bulk-finished"]').wait_for()
    job = BulkAssignment.objects.get()
    assert job.progress()["done"] == COUNT
    assert set(PhoneNumber.objects.values_list("assignment_status", flat=True)) == {
        "PENDING_ASSIGNMENT"
    }
    assert page.get_by_text("Being assigned").first.is_visible()

    page.goto(app_server + "/numbers/")
    assert page.locator('.number-status[data-status="PENDING_ASSIGNMENT"]').count() == COUNT
    assert page.locator("#number-status-poll[hx-trigger]").count() == 1
    navigations: list[str] = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))

    _point_webhooks(campaign, app_server + "/webhooks/telnyx/")
    for assignment in NumberAssignment.objects.all():
        assert notify_number(assignment)  # signed, answered 2xx by the app

    assigned = page.locator('.number-status[data-status="ASSIGNED"]')
    assigned.nth(COUNT - 1).wait_for(timeout=15_000)
    assert assigned.count() == COUNT
    assert navigations == []  # the same page: the rows were updated in place
    assert page.locator('.number-status[data-status="PENDING_ASSIGNMENT"]').count() == 0
    page.locator("#number-status-poll:not([hx-trigger])").wait_for(state="attached")

    page.goto(app_server + f"/numbers/bulk/{job.public_id}/")
    counts = page.locator('[data-testid="status-counts"]')
    assert "Assigned" in counts.inner_text() and str(COUNT) in counts.inner_text()
    assert page.locator("#number-status-poll[hx-trigger]").count() == 0

    # Then, from the numbers screen, a bulk move of one to a second campaign and a bulk
    # unassign of another (the journey of issue 21 to its end).
    second = make_campaign(organisation=organisation)
    first, other = sorted(NumberAssignment.objects.values_list("phone_number", flat=True))[:2]
    page.goto(app_server + "/numbers/")
    page.get_by_label(f"Select {first}").check()
    field(page, "Campaign (to assign or move to)").select_option(label=str(second))
    with page.expect_navigation():
        page.get_by_role("button", name="Move selected numbers").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Yes, move them").click()
    page.get_by_test_id("bulk-finished").wait_for()
    assert NumberAssignment.objects.get(phone_number=first).campaign_id == second.campaign_id

    page.goto(app_server + "/numbers/")
    page.get_by_label(f"Select {other}").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Unassign the selected numbers").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Yes, unassign them").click()
    page.get_by_test_id("bulk-finished").wait_for()
    assert not NumberAssignment.objects.filter(
        phone_number=other, campaign_id=campaign.campaign_id, assignment_status="ASSIGNED"
    ).exists()
