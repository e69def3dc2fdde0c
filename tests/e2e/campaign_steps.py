"""The campaign builder walked in the browser the way a person does it, shared by the builder
test and the journey: each step is checked for the accessibility basics, a live compliance
check fires while a sample is typed and goes away once it is fixed, and a failed step moves
focus to the field with the error."""

from tests.e2e.helpers import (
    assert_accessible_basics,
    assert_focus_on_first_error,
    field,
    screenshot,
)
from tests.factories import good_content

SHORTENED = (
    "{brand}: your order #1234 is ready, track it at https://bit.ly/3xYz. Reply STOP to opt out."
)


def settle_live_checks(page) -> None:
    """Leave the field being typed in (its change event fires a live check) and wait until no
    htmx request is in flight: SQLite's shared in-memory test database has no busy timeout,
    so a check reading the campaign while the step saves it fails with "table is locked"."""
    page.evaluate("() => document.activeElement?.blur()")
    page.wait_for_function("() => !document.querySelector('.htmx-request')")


def save_and_continue(page) -> None:
    """Submit the step; a valid step answers with an htmx client redirect to the next one."""
    settle_live_checks(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue").click()


def type_into(locator, text: str) -> None:
    """Fill a field and type its last character, as a person's keystrokes would: the live
    checks listen to keyup."""
    locator.fill(text[:-1])
    locator.press_sequentially(text[-1])


def start_campaign(page, brand_name: str) -> None:
    page.goto("/campaigns/")
    with page.expect_navigation():
        page.get_by_role("link", name="New campaign").click()
    assert_accessible_basics(page)
    with page.expect_navigation():
        page.get_by_role("button", name=f"Start a campaign for {brand_name}").click()


def choose_usecase(page) -> None:
    assert page.get_by_role("heading", level=2).inner_text() == "Use case"
    assert_accessible_basics(page)
    page.get_by_role("radio", name="Customer Care", exact=False).check()
    save_and_continue(page)
    assert "your brand qualifies" in page.locator(".qualification").inner_text()
    assert "10.00 a month" in page.locator(".qualification").inner_text()


def fill_texts(page, brand_name: str, *, shots: str = "") -> None:
    """Description, consent and samples; on the samples step the shortener check fires while
    typing and disappears when the link is fixed."""
    content = good_content(brand_name)
    assert_accessible_basics(page)
    field(page, "Describe the campaign: who sends what, to whom, and why").fill(
        content["description"]
    )
    save_and_continue(page)
    assert_accessible_basics(page)
    field(page, "How do people agree to receive these messages?").fill(content["messageFlow"])
    save_and_continue(page)

    assert_accessible_basics(page)
    field(page, "Sample message 2").fill(content["sample2"])
    sample1 = field(page, "Sample message 1")
    findings = page.locator("#findings-sample1")
    type_into(sample1, SHORTENED.format(brand=brand_name))
    must_fix = findings.locator(".finding.error", has_text="URL shortener bit.ly")
    must_fix.wait_for()
    assert must_fix.inner_text().startswith("Must fix:")
    assert "Use the full link on your own domain" in must_fix.inner_text()
    if shots:
        screenshot(page, f"{shots}-builder-findings", both_widths=True)
    type_into(sample1, content["sample1"])
    must_fix.wait_for(state="detached")
    assert findings.locator(".finding.error").count() == 0, findings.inner_text()
    save_and_continue(page)


def fill_rest(page, brand_name: str) -> None:
    """Keywords, flags and links (a mistyped link fails the step and gets the focus)."""
    content = good_content(brand_name)
    assert_accessible_basics(page)
    for label, key in [
        ("Opt-in keywords (comma-separated)", "optinKeywords"),
        ("Optin message", "optinMessage"),
        ("Opt-out keywords (comma-separated)", "optoutKeywords"),
        ("Optout message", "optoutMessage"),
        ("Help keywords (comma-separated)", "helpKeywords"),
        ("Help message", "helpMessage"),
    ]:
        field(page, label).fill(content[key])
    save_and_continue(page)

    assert_accessible_basics(page)
    for label in [
        "Subscribers opt in",
        "Subscribers can opt out",
        "Subscribers can ask for help",
        "I agree to the carriers' terms and conditions",
    ]:
        page.get_by_label(label).check()
    save_and_continue(page)

    assert_accessible_basics(page)
    # A link the browser accepts but Django does not: the step comes back with the error.
    field(page, "Privacy policy link").fill("https://alicebakery")
    field(page, "Terms and conditions link").fill(content["termsAndConditionsLink"])
    settle_live_checks(page)
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_text("Enter a valid URL.").wait_for()
    assert assert_focus_on_first_error(page) == "privacy_policy_link"
    assert_accessible_basics(page)
    field(page, "Privacy policy link").fill(content["privacyPolicyLink"])
    save_and_continue(page)


def submit(page, *, shots: str = "") -> None:
    """The review step lists the content and no blocking finding; submitting leads to the
    campaign page."""
    assert page.get_by_role("heading", level=2).inner_text() == "Review and submit"
    assert_accessible_basics(page)
    review = page.locator("dl.review").inner_text()
    assert "Customer care" in review and "https://alicebakery.com/privacy" in review
    assert page.locator("#step-form .finding.error").count() == 0
    if shots:
        screenshot(page, f"{shots}-builder-review")
    page.get_by_label("I understand that this costs").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Submit to Telnyx").click()


def edit_in_steps(page, link: str, samples: dict[str, str]) -> None:
    """Open the edit of a submitted campaign (the customer's "Edit" or the reviewer's "Edit in
    steps"), change samples (label → text), walk the other steps and save at Telnyx. The
    checks on the last step show no error before saving."""
    with page.expect_navigation():
        page.get_by_role("link", name=link, exact=True).click()
    for label, text in samples.items():
        field(page, label).fill(text)
    while page.locator("#step-form h2").first.inner_text() != "Review and save":
        with page.expect_navigation():
            page.get_by_role("button", name="Save and continue").click()
    assert page.locator("#step-form .finding.error").count() == 0
    with page.expect_navigation():
        page.get_by_role("button", name="Save at Telnyx").click()
    assert "Saved at Telnyx" in page.locator("ul.messages").inner_text()
