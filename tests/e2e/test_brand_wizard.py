"""The brand wizard in headless Chromium: a private company, and a sole proprietor who
verifies the mobile phone with the PIN the sandbox texted."""

import time

import pytest

from compliance.models import Brand, SubmissionState
from registration.brand_forms import BrandStepForm
from sandbox.models.brands import SandboxOtp
from tests.e2e.helpers import assert_accessible_basics, assert_focus_on_first_error, field


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
    # A test (mock) brand costs nothing: no cost box to tick, only the words.
    assert "Cost: Nothing" in page.locator("#brand-cost").inner_text()
    assert page.get_by_label("I understand that this costs").count() == 0
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


# -- typing while a field check answers slowly (issue 19) ---------------------------------------
CHECK_DELAY_SECONDS = 1.5


@pytest.fixture
def slow_field_check(monkeypatch):
    """Every live field check answers CHECK_DELAY_SECONDS late, as on a slow network (the
    live server runs in another thread, so only the check waits, never the browser)."""
    row = BrandStepForm.row

    def slow_row(self, name):
        time.sleep(CHECK_DELAY_SECONDS)
        return row(self, name)

    monkeypatch.setattr(BrandStepForm, "row", slow_row)


def _focused_name(page) -> str:
    return page.evaluate("() => document.activeElement && document.activeElement.name")


def test_every_character_lands_where_it_is_typed_while_a_check_answers_slowly(
    logged_in_page, slow_field_check
):
    page = logged_in_page
    _start(page, "PRIVATE_PROFIT")
    ein, display = field(page, "EIN (tax id)"), field(page, "Display name")

    ein.click()
    ein.press_sequentially("12-345", delay=40)
    display.click()  # leaving the EIN sends its check, which answers late
    typed = "Dana Florists of Chicago"
    display.press_sequentially(typed, delay=90)  # longer than the check takes
    page.get_by_text("An EIN is 9 digits").wait_for()
    display.press_sequentially(" IL", delay=90)
    assert display.input_value() == typed + " IL"
    assert ein.input_value() == "12-345"
    assert _focused_name(page) == "display_name"
    # The answer marks the EIN as needing a fix without taking the cursor there.
    assert ein.get_attribute("aria-invalid") == "true"

    # Back into the EIN while the check of what it held is still on its way: the answer
    # replaces only the words next to the field, never what is being typed in it.
    ein.click()
    ein.press("End")
    ein.press_sequentially("6", delay=40)
    field(page, "Legal company name").click()  # a check of "12-3456" goes out
    ein.click()
    ein.press("End")
    ein.press_sequentially("789", delay=300)  # the answer arrives while typing
    assert ein.input_value() == "12-3456789"
    assert _focused_name(page) == "ein"
    field(page, "Legal company name").click()  # the check of the whole EIN clears the error
    page.get_by_text("An EIN is 9 digits").wait_for(state="detached")
    assert ein.get_attribute("aria-invalid") is None

    field(page, "Legal company name").press_sequentially("Dana Florists LLC", delay=20)
    field(page, "Industry").select_option("RETAIL")
    _continue(page)
    brand = Brand.objects.get()
    assert (brand.ein, brand.display_name, brand.company_name) == (
        "123456789",
        "Dana Florists of Chicago IL",
        "Dana Florists LLC",
    )


def test_focus_moves_to_the_first_error_only_after_save(logged_in_page):
    page = logged_in_page
    _start(page, "PRIVATE_PROFIT")
    # Nothing is flagged before the user has done anything.
    assert page.locator(".errorlist li, .finding.error").count() == 0
    field(page, "Display name").fill("Dana Florists")
    page.get_by_role("button", name="Save and continue").click()
    page.locator(".errorlist li").first.wait_for()
    assert_focus_on_first_error(page)
    assert _focused_name(page) == "company_name"


def test_the_stepper_shows_every_step_from_the_first_screen(logged_in_page):
    page = logged_in_page
    page.goto("/brands/")
    with page.expect_navigation():
        page.get_by_role("button", name="Register a brand").click()
    assert "Step 1 of 4" in page.locator("#step-count").inner_text()
    steps = page.locator(".wizard-steps").inner_text()
    for title in ("Entity type", "Identity", "Address and contact", "Review and submit"):
        assert title in steps
    page.locator('input[value="PRIVATE_PROFIT"]').check()
    _continue(page)
    assert "Step 2 of 4: Identity" in page.locator("#step-count").inner_text()


def test_leaving_a_step_with_unsaved_typing_asks_first(logged_in_page):
    page = logged_in_page
    _start(page, "PRIVATE_PROFIT")
    identity = page.url
    field(page, "Legal company name").press_sequentially("Dana Florists LLC", delay=10)
    asked = []

    def answer(dialog):
        asked.append(dialog.type)
        if len(asked) == 1:
            dialog.dismiss()
        else:
            dialog.accept()

    page.on("dialog", answer)
    page.get_by_role("link", name="1. Entity type").click()
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"] and page.url == identity
    assert field(page, "Legal company name").input_value() == "Dana Florists LLC"
    with page.expect_navigation():
        page.get_by_role("link", name="1. Entity type").click()
    assert asked == ["beforeunload", "beforeunload"] and page.url != identity
