"""Members and roles in a real browser: an owner signs up and invites a teammate as member;
the teammate signs up from the invitation's link, joins, prepares a brand draft but cannot
confirm its registration (the fee is an owner's or admin's to confirm); the owner submits it,
and the members page names who did each thing."""

import re

from django.core import mail

from compliance.models import Brand, Membership, SubmissionState
from tests.conftest import PASSWORD
from tests.e2e.helpers import (
    assert_accessible_basics,
    confirm_email_from_outbox,
    field,
    screenshot,
)
from tests.e2e.test_brand_wizard import _contact, _continue


def _sign_up_owner(page) -> None:
    page.goto("/accounts/signup/")
    field(page, "Username").fill("olga")
    field(page, "Email").fill("olga@example.com")
    field(page, "Organisation name").fill("Olga Flowers LLC")
    field(page, "Password").fill(PASSWORD)
    field(page, "Password (again)").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Create account").click()
    confirm_email_from_outbox(page, "olga@example.com")
    assert page.get_by_role("heading", level=1).inner_text() == "Olga Flowers LLC"


def _invite_teammate(page) -> str:
    page.get_by_role("link", name="Members").first.click()
    page.wait_for_url("**/organisation/members/")
    assert_accessible_basics(page)
    field(page, "E-mail address").fill("tom@example.com")
    page.get_by_label("Member", exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Send the invitation").click()
    page.get_by_text("Invitation sent to tom@example.com").wait_for()
    assert "tom@example.com" in page.locator("#invitations").inner_text()
    screenshot(page, "members-invitation-waiting")
    [message] = [m for m in mail.outbox if m.to == ["tom@example.com"]]
    assert "olga (olga@example.com) invited you to Olga Flowers LLC" in message.subject
    return re.search(r"https?://\S+/invitations/\S+/", message.body).group(0)


def _teammate_joins(page, link: str) -> None:
    page.goto(link)
    assert_accessible_basics(page)
    assert (
        "invited tom@example.com to join Olga Flowers LLC as member"
        in page.locator("main").inner_text()
    )
    screenshot(page, "invitation")
    with page.expect_navigation():
        page.get_by_role("link", name="Create your account").click()
    # The address the invitation went to is filled in; no organisation to name.
    assert field(page, "Email").input_value() == "tom@example.com"
    field(page, "Username").fill("tom")
    field(page, "Password").fill(PASSWORD)
    field(page, "Password (again)").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Create account").click()
    # Opening the link proved the address: back on the invitation, signed in.
    with page.expect_navigation():
        page.get_by_role("button", name="Join Olga Flowers LLC").click()
    page.get_by_text("Welcome to Olga Flowers LLC. You joined as member.").wait_for()


def _teammate_prepares_a_brand(page) -> Brand:
    page.goto("/brands/")
    with page.expect_navigation():
        page.get_by_role("button", name="Register a brand").click()
    page.locator('input[value="PRIVATE_PROFIT"]').check()
    _continue(page)
    field(page, "Legal company name").fill("Olga Flowers LLC")
    field(page, "Display name").fill("Olga Flowers")
    field(page, "EIN (tax id)").fill("46-1234567")
    field(page, "Industry").select_option("RETAIL")
    _continue(page)
    _contact(page)
    # The review: everything is there, but confirming the registration is not theirs.
    submit = page.get_by_role("button", name="Submit to Telnyx")
    assert submit.is_disabled()
    reason = page.locator("#needs-admin").inner_text()
    assert "Only an owner or admin can confirm what costs money" in reason
    assert_accessible_basics(page)
    screenshot(page, "brand-review-as-member")
    # Forcing the button does not help: the server refuses, in words.
    submit.evaluate("button => button.disabled = false")
    with page.expect_navigation():
        submit.click()
    assert page.get_by_role("heading", level=1).inner_text() == "You cannot do this here"
    assert "Ask an owner or admin to confirm it: it charges a fee." in page.inner_text("main")
    screenshot(page, "forbidden-as-member")
    brand = Brand.objects.get()
    assert brand.submission_state == SubmissionState.DRAFT and not brand.brand_id
    return brand


def test_invite_a_member_who_prepares_a_brand_that_the_owner_submits(browser, page, app_server):
    mail.outbox.clear()
    _sign_up_owner(page)
    link = _invite_teammate(page)

    teammate_context = browser.new_context(base_url=app_server)
    teammate_context.set_default_timeout(15_000)
    teammate = teammate_context.new_page()
    try:
        _teammate_joins(teammate, link)
        assert Membership.objects.get(user__username="tom").role == Membership.Role.MEMBER
        brand = _teammate_prepares_a_brand(teammate)
    finally:
        teammate_context.close()

    # The owner opens the draft the member prepared and confirms its registration.
    page.goto(f"/brands/{brand.public_id}/wizard/review/")
    assert "needs-admin" not in page.content()
    with page.expect_navigation():
        page.get_by_role("button", name="Submit to Telnyx").click()
    page.get_by_text("Your brand is registered and verified.").wait_for()
    brand.refresh_from_db()
    assert brand.submission_state == SubmissionState.SUBMITTED and brand.brand_id
    assert brand.cost_confirmed_by.username == "olga"

    page.goto("/organisation/members/")
    trail = page.locator("#activity").inner_text()
    assert "olga (olga@example.com) invited tom@example.com as member." in trail
    assert "tom (tom@example.com) accepted the invitation of olga (olga@example.com)" in trail
    assert (
        "olga (olga@example.com) confirmed the registration fee of the brand Olga Flowers." in trail
    )
    members = page.locator("#members").inner_text()
    assert "tom (tom@example.com)" in members and "Member" in members
    assert_accessible_basics(page)
    screenshot(page, "members", both_widths=True)
