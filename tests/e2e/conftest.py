"""Browser-test fixtures: Debian's Chromium driven by Playwright's sync API against
pytest-django's live server, which also serves the Telnyx sandbox and the static files.

Every test in tests/e2e is marked `e2e` and is skipped when `chromium` is not on PATH.
Playwright never downloads a browser here: it launches the system Chromium.
"""

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from compliance import accounts
from tests.conftest import PASSWORD
from tests.e2e.helpers import log_in

# Never fetch Playwright's own browser builds.
os.environ["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1"

CHROMIUM = shutil.which("chromium")
E2E_DIR = Path(__file__).parent
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# How long a step may wait for the page: generous, because a run on two cores shared with other
# work once took over 15 s to fire a page's load event (not a speed assertion: bench/ measures).
TIMEOUT_MS = 30_000


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(reason="chromium is not on PATH: browser tests skipped (make e2e)")
    for item in items:
        if E2E_DIR in item.path.parents:
            item.add_marker(pytest.mark.e2e)
            if not CHROMIUM:
                item.add_marker(skip)


@pytest.fixture(scope="package")
def browser():
    """One headless Chromium for the browser tests of this process; Playwright gives it a
    fresh temporary profile and deletes it on close.

    Package-scoped, not session-scoped: Playwright's sync API keeps an event loop running
    in this thread while it is started, which makes Django's async-unsafe guard refuse the
    tests' own ORM calls. The guard is lifted for exactly as long as Playwright runs, so the
    other tests in the same xdist worker (and the subprocesses they start) keep it.
    """
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def app_server(live_server, settings) -> str:
    """The live server's URL, with the app wired to its own sandbox and an instant lifecycle."""
    settings.TELNYX_BASE_URL = live_server.url + "/sandbox/telnyx/v2"
    settings.APP_BASE_URL = live_server.url
    settings.SANDBOX_STEP_SECONDS = 0
    return live_server.url


@pytest.fixture
def browser_errors() -> list[str]:
    """Console errors, uncaught exceptions and blocked requests seen by this test's pages.

    The page fixtures fail the test at teardown if any were collected: CSP violations, a
    missing static file or a script error never pass silently. A test that expects one
    inspects and clears the list itself.
    """
    errors: list[str] = []
    yield errors
    assert errors == [], "the browser reported errors:\n" + "\n".join(errors)


def _open_page(browser, app_url: str, viewport: dict, errors: list[str]):
    context = browser.new_context(viewport=viewport, base_url=app_url)
    context.set_default_timeout(TIMEOUT_MS)
    app_origin = urlsplit(app_url).netloc

    def loopback_only(route):
        # The app must load nothing from elsewhere (no CDN): anything else is blocked.
        if urlsplit(route.request.url).netloc == app_origin:
            route.continue_()
        else:
            errors.append(f"blocked off-site request: {route.request.url}")
            route.abort()

    context.route("**/*", loopback_only)
    page = context.new_page()
    page.on("console", lambda msg: msg.type == "error" and errors.append(f"console: {msg.text}"))
    page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    return context, page


@pytest.fixture
def page(browser, app_server, browser_errors):
    """A desktop-width (1280x800) page in a fresh context; relative URLs go to the app."""
    context, page = _open_page(browser, app_server, DESKTOP, browser_errors)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, app_server, browser_errors):
    """A phone-width (390x844) page in a fresh context; relative URLs go to the app."""
    context, page = _open_page(browser, app_server, PHONE, browser_errors)
    yield page
    context.close()


@pytest.fixture
def e2e_user(transactional_db):
    """An owner with an organisation, created the way sign-up creates them."""
    return accounts.sign_up(
        username="dana",
        email="dana@example.com",
        password=PASSWORD,
        organisation_name="Dana Florists LLC",
    )


@pytest.fixture
def logged_in_page(page, e2e_user):
    """A desktop page logged in as `e2e_user` through the login form, on the overview."""
    log_in(page, e2e_user.username)
    return page
