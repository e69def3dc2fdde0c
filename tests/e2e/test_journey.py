"""The whole journey as one test, in headless Chromium against the live server and its Telnyx
sandbox (immediate lifecycle, signed webhooks back to /webhooks/telnyx/):

sign up → brand wizard (private company) → brand verified → campaign builder (a check fires,
the user fixes it) → submit → campaign provisioned by webhook → bulk-assign 20 numbers (confirmed
with its counts) with the progress bar → test SMS delivered → a reviewer, in a second browser
context, appeals a second campaign Telnyx rejected. Each page is checked for what a person sees
and for the accessibility basics; the main screens are shot at desktop and phone width
(test-artifacts/screenshots/).
"""

from django.contrib.auth.models import User

from compliance.models import AuditEntry, Brand, Campaign, PhoneNumber, WebhookEvent
from compliance.telnyx.client import get_client
from sandbox.models.numbers import MessagingProfile as SandboxProfile
from sandbox.models.numbers import PhoneNumber as SandboxNumber
from tests.conftest import PASSWORD
from tests.e2e import campaign_steps
from tests.e2e.helpers import (
    assert_accessible_basics,
    assert_focus_on_first_error,
    confirm_email_from_outbox,
    field,
    log_in,
    screenshot,
)
from tests.factories import organisation_of
from tests.review.review_helpers import FIXED, REASON, submit_rejected_campaign

BRAND = "Dana Florists"
NUMBERS = 20
TO = "+13125550199"


def _shot(page, name: str) -> None:
    assert_accessible_basics(page)
    screenshot(page, f"journey-{name}", both_widths=True)


def _sign_up(page) -> User:
    page.goto("/")
    assert "/accounts/login/" in page.url
    _shot(page, "01-login")
    with page.expect_navigation():
        page.get_by_role("link", name="Create an account").click()
    _shot(page, "02-sign-up")
    field(page, "Username").fill("dana")
    field(page, "Email").fill("dana@danaflorists.example")
    field(page, "Organisation name").fill("Dana Florists LLC")
    field(page, "Password").fill(PASSWORD)
    field(page, "Password (again)").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Create account").click()
    assert "/accounts/confirm-email/" in page.url
    confirm_email_from_outbox(page, "dana@danaflorists.example")
    assert page.get_by_role("heading", level=1).inner_text() == "Dana Florists LLC"
    _shot(page, "03-overview")
    return User.objects.get(username="dana")


def _continue(page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue").click()


def _register_brand(page) -> Brand:
    with page.expect_navigation():
        page.get_by_role("navigation").get_by_role("link", name="Brands").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Register a brand").click()
    _shot(page, "04-brand-wizard-type")
    page.locator('input[value="PRIVATE_PROFIT"]').check()
    _continue(page)

    field(page, "Legal company name").fill("Dana Florists LLC")
    field(page, "Display name").fill(BRAND)
    field(page, "Industry").select_option("RETAIL")
    field(page, "EIN (tax id)").fill("12-345")
    # The server refuses the short EIN: htmx swaps the step back in, focus on the field.
    page.get_by_role("button", name="Save and continue").click()
    page.locator(".field.has-error", has_text="An EIN is 9 digits").wait_for()
    assert assert_focus_on_first_error(page) == "ein"
    _shot(page, "05-brand-wizard-company-error")
    field(page, "EIN (tax id)").fill("46-1234567")
    _continue(page)

    field(page, "Street address").fill("1 Main St")
    field(page, "City").fill("Chicago")
    field(page, "State").fill("il")
    field(page, "ZIP code").fill("60601")
    field(page, "Business phone").fill("(312) 555-0001")
    field(page, "Support email").fill("hello@danaflorists.example")
    field(page, "Website").fill("https://danaflorists.example")
    _shot(page, "06-brand-wizard-contact")
    _continue(page)

    review = page.locator("main").inner_text()
    assert "461234567" in review and "+13125550001" in review and "Dana Florists LLC" in review
    _shot(page, "07-brand-wizard-review")
    with page.expect_navigation():
        page.get_by_role("button", name="Submit to Telnyx").click()
    # The brand page polls until the sandbox has verified the brand.
    page.get_by_text("Your brand is registered and verified.").wait_for()
    assert page.get_by_role("heading", level=1).inner_text().startswith(BRAND)
    _shot(page, "08-brand-page")
    brand = Brand.objects.get(display_name=BRAND)
    assert brand.identity_status == "VERIFIED" and brand.brand_id
    return brand


def _build_campaign(page, brand: Brand) -> Campaign:
    campaign_steps.start_campaign(page, BRAND)
    campaign_steps.choose_usecase(page)
    campaign_steps.fill_texts(page, BRAND, shots="journey-09")
    campaign_steps.fill_rest(page, BRAND)
    campaign_steps.submit(page, shots="journey-10")

    # The campaign page polls; the sandbox's decisions arrive as signed webhooks.
    status = page.locator("#campaign-status")
    status.get_by_text("Your campaign is live").wait_for()
    assert (
        page.get_by_role("heading", level=1).inner_text() == f"Customer care campaign for {BRAND}"
    )
    timeline = page.locator(".timeline").inner_text()
    assert "Carrier/Telnyx event: Accepted by the carriers → Live" in timeline
    _shot(page, "11-campaign-page")
    campaign = Campaign.objects.get(brand=brand)
    assert campaign.campaign_status == "MNO_PROVISIONED"
    applied = WebhookEvent.objects.filter(telnyx_campaign_id=campaign.campaign_id)
    assert applied.filter(outcome="applied").exists(), "no signed webhook reached the receiver"
    return campaign


def _numbers_from_telnyx(page) -> None:
    """A messaging profile made through the app; 20 numbers bought on it at Telnyx (the
    sandbox's account); the app reads them back."""
    with page.expect_navigation():
        page.get_by_role("navigation").get_by_role("link", name="Numbers").click()
    assert "No numbers yet" in page.locator("main").inner_text()
    with page.expect_navigation():
        page.get_by_role("link", name="Messaging profiles").click()
    assert_accessible_basics(page)
    field(page, "Name").fill("Dana Florists orders")
    with page.expect_navigation():
        page.get_by_role("button", name="Create profile").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Dana Florists orders"

    remote = SandboxProfile.objects.get(name="Dana Florists orders")
    SandboxNumber.objects.bulk_create(
        SandboxNumber(phone_number=f"+1312555{7000 + i}", profile=remote) for i in range(NUMBERS)
    )
    with page.expect_navigation():
        page.get_by_role("navigation").get_by_role("link", name="Numbers").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Refresh from Telnyx").click()
    page.get_by_text(f"{NUMBERS} numbers", exact=False).first.wait_for()
    assert page.get_by_role("link", name="+13125557000").is_visible()
    _shot(page, "12-numbers")


def _bulk_assign(page, campaign: Campaign) -> None:
    field(page, "Campaign (to assign or move to)").select_option(label=str(campaign))
    page.get_by_label(f"All {NUMBERS} numbers matching the filter").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Assign selected numbers", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == (
        f"Assign {NUMBERS} numbers to {campaign}?"
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Yes, assign them").click()
    assert page.get_by_role("heading", level=1).inner_text() == (
        f"Assigning {NUMBERS} numbers to {campaign}"
    )
    page.get_by_test_id("bulk-finished").wait_for()
    assert page.get_by_test_id("bulk-done").inner_text() == str(NUMBERS)
    assert page.get_by_test_id("bulk-failed").inner_text() == "0"
    assert page.get_by_role("progressbar").get_attribute("value") == "100"
    _shot(page, "13-bulk-progress")
    assigned = PhoneNumber.objects.filter(campaign=campaign)
    assert assigned.count() == NUMBERS


def _test_sms(page) -> None:
    with page.expect_navigation():
        page.get_by_role("link", name="← Numbers").click()
    with page.expect_navigation():
        page.get_by_role("link", name="Send a test SMS").click()
    assert_accessible_basics(page)
    field(page, "To").fill("312 555 01")  # too short: refused by the field, focus on it
    with page.expect_navigation():
        page.get_by_role("button", name="Send").click()
    assert assert_focus_on_first_error(page) == "to"
    field(page, "To").fill(TO)
    with page.expect_navigation():
        page.get_by_role("button", name="Send").click()
    assert page.get_by_role("heading", level=1).inner_text() == f"Test SMS to {TO}"
    status = page.get_by_test_id("sms-status")
    page.locator("#deliveries", has_text="Status: delivered").wait_for()
    assert status.inner_text() == "delivered"
    assert "message.finalized" in page.locator("#deliveries .timeline").inner_text()
    _shot(page, "14-test-sms")


def _reviewer_appeals(reviewer_page, rejected: Campaign) -> None:
    page = reviewer_page
    log_in(page, "rita")
    with page.expect_navigation():
        page.get_by_role("navigation").get_by_role("link", name="Review").click()
    assert "Alice Bakery" in page.locator("main").inner_text()
    _shot(page, "15-review-queue")
    with page.expect_navigation():
        page.get_by_role("link", name="Alice Bakery").first.click()
    page.get_by_role("button", name="Claim this campaign").click()
    page.wait_for_url("**/review/campaigns/**")
    assert "Claimed by rita" in page.locator("#claim").inner_text()
    assert page.locator("#findings .finding.error").count() > 0  # unbranded samples

    campaign_steps.edit_in_steps(
        page,
        "Edit in steps",
        {"Sample message 1": FIXED["sample1"], "Sample message 2": FIXED["sample2"]},
    )
    _shot(page, "16-review-campaign")
    field(page, "Appeal reason").fill(REASON)
    page.get_by_label("I understand that this costs").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Send the appeal to Telnyx").click()
    assert "Telnyx accepted the appeal" in page.locator("ul.messages").inner_text()
    assert "The appeal succeeded" in page.locator("#appeal").inner_text()
    _shot(page, "17-review-campaign-appealed")
    assert list(
        AuditEntry.objects.filter(campaign=rejected).order_by("id").values_list("action", flat=True)
    ) == ["claim", "edit", "appeal"]


def test_sign_up_to_live_campaign_numbers_test_sms_and_an_appeal(
    page, phone_page, app_server, reviewer, make_submitted_campaign
):
    user = _sign_up(page)
    brand = _register_brand(page)
    campaign = _build_campaign(page, brand)
    _numbers_from_telnyx(page)
    _bulk_assign(page, campaign)
    _test_sms(page)

    # A second campaign of the organisation, which Telnyx's review rejected.
    with get_client(timeout=5.0, backoff_base=0.01, backoff_max=0.05) as telnyx:
        rejected = submit_rejected_campaign(
            telnyx, app_server, organisation_of(user), make_submitted_campaign
        )
    _reviewer_appeals(phone_page, rejected)

    # The customer sees the outcome on their campaign page, and the rules behind the checks.
    page.goto(f"/campaigns/{rejected.public_id}/")
    page.locator("#campaign-status").get_by_text("Your campaign is live").wait_for()
    assert "Appeal" in page.locator(".appeal-status").inner_text()
    with page.expect_navigation():
        page.get_by_role("navigation").get_by_role("link", name="Rules").click()
    _shot(page, "18-rules")
    rejected.refresh_from_db()
    assert rejected.campaign_status == "MNO_PROVISIONED"

    # Registered through Tendlc's own Telnyx account, the organisation cannot switch to one
    # of its own: the page says why instead of offering the form.
    page.goto("/accounts/telnyx/")
    assert "Tendlc must keep using it" in page.get_by_test_id("connect-refusal").inner_text()
    _shot(page, "19-telnyx-account-refused")
