"""Bulk move and bulk unassign in headless Chromium, through the numbers screen's bulk action
bar: tick numbers, choose the action, read the confirmation's counts, confirm, watch the
progress; the sandbox (Telnyx) ends with each number where the user sent it."""

from compliance.models import PhoneNumber
from sandbox.models.numbers import NumberAssignment
from tests.e2e.helpers import assert_accessible_basics, field
from tests.factories import organisation_of

COUNT = 10


def _tick(page, *phones):
    for phone in phones:
        page.get_by_label(f"Select {phone}").check()


def _confirm(page, heading: str, button: str, done: int) -> None:
    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert "Nothing has been sent to Telnyx yet." in page.locator("main").inner_text()
    assert_accessible_basics(page)
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()
    page.get_by_test_id("bulk-finished").wait_for()
    assert page.get_by_test_id("bulk-done").inner_text() == str(done)
    assert page.get_by_test_id("bulk-failed").inner_text() == "0"


def test_bulk_move_then_bulk_unassign_from_the_numbers_screen(
    logged_in_page, e2e_user, make_profile, make_campaign
):
    page = logged_in_page
    organisation = organisation_of(e2e_user)
    make_profile(COUNT, organisation=organisation)
    first = make_campaign(organisation=organisation)
    second = make_campaign(organisation=organisation)
    for i in range(6):  # six numbers are on the first campaign at Telnyx
        NumberAssignment.objects.create(
            phone_number=f"+1312555{i:04d}",
            campaign_id=first.campaign_id,
            assignment_status="ASSIGNED",
        )

    with page.expect_navigation():
        page.get_by_role("navigation").get_by_role("link", name="Numbers").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Refresh from Telnyx").click()
    page.get_by_text(f"{COUNT} numbers", exact=False).first.wait_for()

    # Bulk move: three of the first campaign's numbers, and one on no campaign (skipped).
    _tick(page, "+13125550000", "+13125550001", "+13125550002", "+13125550009")
    field(page, "Campaign (to assign or move to)").select_option(label=str(second))
    with page.expect_navigation():
        page.get_by_role("button", name="Move selected numbers").click()
    assert page.get_by_test_id("bulk-skipped").inner_text() == "1"
    _confirm(page, f"Move 3 numbers to {second}?", "Yes, move them", done=3)
    assert page.get_by_role("heading", level=1).inner_text() == f"Moving 3 numbers to {second}"
    moved = NumberAssignment.objects.filter(campaign_id=second.campaign_id)
    assert sorted(moved.values_list("phone_number", flat=True)) == [
        "+13125550000",
        "+13125550001",
        "+13125550002",
    ]

    # Bulk unassign: two others still on the first campaign.
    with page.expect_navigation():
        page.get_by_role("link", name="← Numbers").click()
    _tick(page, "+13125550003", "+13125550004")
    with page.expect_navigation():
        page.get_by_role("button", name="Unassign the selected numbers").click()
    _confirm(page, "Unassign 2 numbers?", "Yes, unassign them", done=2)
    gone = NumberAssignment.objects.filter(phone_number__in=["+13125550003", "+13125550004"])
    assert set(gone.values_list("assignment_status", flat=True)) <= {"PENDING_UNASSIGNMENT"}
    assert NumberAssignment.objects.get(phone_number="+13125550005").campaign_id == (
        first.campaign_id
    )  # untouched
    statuses = dict(
        PhoneNumber.objects.filter(organisation=organisation).values_list(
            "phone_number", "assignment_status"
        )
    )
    assert statuses["+13125550003"] in ("", "PENDING_UNASSIGNMENT")

    with page.expect_navigation():
        page.get_by_role("link", name="← Numbers").click()
    listing = page.locator("main").inner_text()
    assert str(second) in listing and "PENDING" not in listing  # statuses in words
