"""The brand wizard in headless Chromium: a private company, and a sole proprietor who
verifies the mobile phone with the PIN the sandbox texted."""

from compliance.models import Brand, SubmissionState
from sandbox.models.brands import SandboxOtp
from tests.e2e.helpers import assert_accessible_basics, field


def _continue(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue").click()


def _start(page, entity_type: str):
    page.goto("/brands/")
    with page.expect_navigation():
        page.get_by_role("button", name="Register a brand").click()
    assert_accessible_basics(page)
    page.locator(f'input[value="{entity_type}"]').check()
    _continue(page)


def _contact(page):
    field(page, "Street address").fill("1 Main St")
    field(page, "City").fill("Chicago")
    field(page, "State").fill("il")
    field(page, "ZIP code").fill("60601")
    field(page, "Business phone").fill("(312) 555-0001")
    field(page, "Support email").fill("hello@example.com")
    field(page, "Website").fill("https://bit.ly/abc")
    field(page, "Support email").focus()  # leaving the website field validates it
    page.get_by_text("Use your own domain, not a URL shortener").wait_for()
    field(page, "Website").fill("https://danaflorists.example")
    _continue(page)


def _submit(page):
    assert_accessible_basics(page)
    page.get_by_label("I understand that this costs").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Submit to Telnyx").click()


def test_private_company_completes_the_wizard(logged_in_page):
    page = logged_in_page
    _start(page, "PRIVATE_PROFIT")
    field(page, "Legal company name").fill("Dana Florists LLC")
    field(page, "Display name").fill("Dana Florists")
    field(page, "EIN (tax id)").fill("12-345")
    field(page, "Industry").select_option("RETAIL")
    field(page, "Display name").focus()
    page.get_by_text("An EIN is 9 digits").wait_for()
    field(page, "EIN (tax id)").fill("46-1234567")
    _continue(page)
    _contact(page)

    review = page.locator("main").inner_text()
    assert "461234567" in review and "+13125550001" in review
    _submit(page)
    page.get_by_text("Your brand is registered and verified.").wait_for()
    brand = Brand.objects.get()
    assert brand.submission_state == SubmissionState.SUBMITTED and brand.brand_id


def test_sole_proprietor_completes_the_wizard_and_verifies_by_pin(logged_in_page):
    page = logged_in_page
    _start(page, "SOLE_PROPRIETOR")
    field(page, "First name").fill("Dana")
    field(page, "Last name").fill("Doe")
    field(page, "Display name").fill("Dana's Flowers")
    field(page, "Mobile phone").fill("(312) 555-0002")
    field(page, "Industry").select_option("RETAIL")
    _continue(page)
    _contact(page)
    _submit(page)

    with page.expect_navigation():
        page.get_by_role("link", name="Verify your mobile phone").first.click()
    assert_accessible_basics(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Send the PIN").click()
    page.get_by_text("A PIN was texted to ••••••••0002.").wait_for()

    field(page, "PIN").fill(SandboxOtp.objects.get().pin)
    with page.expect_navigation():
        page.get_by_role("button", name="Verify").click()
    page.get_by_text("Your mobile phone is verified").wait_for()
    assert Brand.objects.get().identity_status == "VERIFIED"
