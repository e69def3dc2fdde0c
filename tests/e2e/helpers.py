"""Helpers for browser tests: finding fields by label, screenshots, and the accessibility
checks every page must pass."""

import re
from pathlib import Path

from django.conf import settings
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.conftest import PASSWORD, totp_code

SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"
WIDTHS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
FOCUS_TIMEOUT_MS = 5_000

ERROR_FIELD = '[aria-invalid="true"], .has-error input, .has-error select, .has-error textarea'

_UNLABELLED_FIELDS_JS = """
() => {
  const skipped = new Set(["hidden", "submit", "button", "reset", "image"]);
  const visible = (el) => el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== "hidden";
  const named = (el) => {
    if (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`)) return true;
    if (el.closest("label")) return true;
    if ((el.getAttribute("aria-label") || "").trim()) return true;
    const ids = (el.getAttribute("aria-labelledby") || "").split(/\\s+/).filter(Boolean);
    return ids.some((id) => (document.getElementById(id)?.textContent || "").trim());
  };
  return [...document.querySelectorAll("input, select, textarea")]
    .filter((el) => !skipped.has((el.getAttribute("type") || "").toLowerCase()))
    .filter(visible)
    .filter((el) => !named(el))
    .map((el) => el.outerHTML.slice(0, 160));
}
"""


def field(page, label: str):
    """The form field whose label reads exactly `label` (Django appends a colon)."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}:?$"))


def log_in(page, username: str, password: str = PASSWORD) -> None:
    """Log in through the real login form and wait for the page it leads to; an account with
    two-factor sign-in (reviewers, staff) then enters the code its authenticator app shows."""
    page.goto("/accounts/login/")
    field(page, "Username or email").fill(username)
    field(page, "Password").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Log in").click()
    if "/accounts/2fa/authenticate/" in page.url:
        enter_two_factor_code(page, username)


def confirm_email_from_outbox(page, address: str) -> None:
    """Open the confirmation link sent to `address` (Django's outbox: the live server runs in
    this process) and confirm, as the new user would from their inbox."""
    from django.core import mail

    [message] = [m for m in mail.outbox if m.to == [address]][-1:]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    page.goto(link)
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm").click()


def authenticator_secret(username: str) -> str:
    """The TOTP secret of the user's authenticator app (set up by tests.conftest's
    give_authenticator or in the browser), as the phone app would hold it."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import decrypt

    authenticator = Authenticator.objects.get(user__username=username, type=Authenticator.Type.TOTP)
    return decrypt(authenticator.data["secret"])


def enter_two_factor_code(page, username: str) -> None:
    """Type the code the user's authenticator app shows now, and sign in. A code is good
    once (allauth refuses a replay within its period): when this one was already used (a
    sign-in right after setting the app up), the next period's code is typed, as a person
    would wait for the app to show a new one."""
    import time

    from allauth.mfa import app_settings as mfa_settings

    secret = authenticator_secret(username)
    for _ in range(2):
        field(page, "Code").fill(totp_code(secret))
        with page.expect_navigation():
            page.get_by_role("button", name="Sign In").click()
        if "/accounts/2fa/authenticate/" not in page.url:
            return
        period = mfa_settings.TOTP_PERIOD
        time.sleep(period - time.time() % period + 0.5)


def screenshot(page, name: str, *, both_widths: bool = False) -> list[Path]:
    """Save a full-page PNG under test-artifacts/screenshots/.

    With both_widths, the page is shot at desktop and phone width (`name-desktop.png`,
    `name-phone.png`) and its viewport is put back afterwards.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    if not both_widths:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=path, full_page=True)
        return [path]
    original = page.viewport_size
    paths = []
    for label, size in WIDTHS.items():
        page.set_viewport_size(size)
        path = SCREENSHOTS / f"{name}-{label}.png"
        page.screenshot(path=path, full_page=True)
        paths.append(path)
    page.set_viewport_size(original)
    return paths


def assert_accessible_basics(page) -> None:
    """Every visible form field has a label, the page has exactly one h1, a language and a
    title."""
    unlabelled = page.evaluate(_UNLABELLED_FIELDS_JS)
    assert unlabelled == [], f"fields without a label on {page.url}: {unlabelled}"
    h1_count = page.locator("h1").count()
    assert h1_count == 1, f"{page.url} has {h1_count} h1 elements, expected exactly one"
    assert page.locator("html").get_attribute("lang"), f"{page.url}: <html> has no lang"
    assert page.title().strip(), f"{page.url} has an empty <title>"


def assert_focus_on_first_error(page, *, timeout_ms: int = FOCUS_TIMEOUT_MS) -> str:
    """After a failed submission, the focused element is the first field with an error.

    Returns the focused field's name, so the test can say which field it expected.
    """
    first = page.locator(ERROR_FIELD).first
    assert first.count() == 1, f"{page.url} shows no field marked as having an error"
    try:
        page.wait_for_function(
            "(selector) => document.activeElement === document.querySelector(selector)",
            arg=ERROR_FIELD,
            timeout=timeout_ms,
        )
    except PlaywrightTimeout as exc:
        focused = page.evaluate("() => document.activeElement?.outerHTML?.slice(0, 160)")
        raise AssertionError(
            f"focus is on {focused!r}, not on the first field with an error "
            f"({first.get_attribute('name')!r})"
        ) from exc
    # Focus that lands first and is then taken away (autofocus, a late script) is a failure.
    still_focused = page.evaluate(
        """(selector) => new Promise((resolve) => requestAnimationFrame(() =>
             requestAnimationFrame(() =>
               resolve(document.activeElement === document.querySelector(selector)))))""",
        ERROR_FIELD,
    )
    assert still_focused, "focus moved away from the first field with an error"
    return first.get_attribute("name")


def connect_telnyx_account(page, *, api_key: str, public_key: str, label: str = "") -> None:
    """From the account overview to the Telnyx account page, paste the keys and connect, as
    an owner would with the keys copied from the Telnyx portal."""
    page.goto("/accounts/")
    with page.expect_navigation():
        page.get_by_role("link", name="Telnyx account").click()
    if label:
        field(page, "Name (optional)").fill(label)
    field(page, "API key").fill(api_key)
    field(page, "Public key").fill(public_key)
    with page.expect_navigation():
        page.get_by_role("button", name="Check and connect").click()
