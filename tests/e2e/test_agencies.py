"""An agency that registers brands for its clients, in a real browser: it adds a client's
organisation from the account page, switches between its two organisations from the header,
sees each one's brands and campaigns only, with the active organisation named on every page;
a link to the other organisation's brand offers the switch instead of showing it."""

import re
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

from compliance.models import Organisation
from tests.e2e.helpers import assert_accessible_basics, field, screenshot
from tests.factories import live_campaign, organisation_of, registered_brand

AXE = Axe()
PAGES = ["/", "/brands/", "/campaigns/", "/numbers/", "/fees/", "/notifications/", "/accounts/"]


def _active(page) -> str:
    """The organisation the header names as the one the user works in."""
    return page.locator("[data-active-organisation]").inner_text()


def _sees_only(page, organisation: str, mine: str, theirs: str) -> None:
    """Every page names `organisation`; the brand and campaign lists show `mine` only."""
    for path in PAGES:
        page.goto(path)
        assert _active(page) == organisation, path
    for path in ("/brands/", "/campaigns/"):
        page.goto(path)
        table = page.locator("main").inner_text()
        assert mine in table and theirs not in table, path


def _serious_violations(page) -> list[str]:
    results = AXE.run(page)
    return [
        f"{v['id']}: {v['help']}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_an_agency_switches_between_its_clients_and_sees_each_ones_work_only(
    logged_in_page, e2e_user, browser_errors
):
    page = logged_in_page
    own = organisation_of(e2e_user)
    live_campaign(own, brand=registered_brand(own, display_name="Dana Blooms"))
    assert _active(page) == "Dana Florists LLC"
    assert page.locator(".org-switcher").count() == 0  # one organisation: just its name

    # The agency adds its client from the account page, and works in it at once.
    page.goto("/accounts/")
    with page.expect_navigation():
        page.get_by_role("link", name="Add an organisation").click()
    assert_accessible_basics(page)
    field(page, "Organisation name").fill("Evergreen Dental")
    with page.expect_navigation():
        page.get_by_role("button", name="Add the organisation").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Evergreen Dental"
    assert _active(page) == "Evergreen Dental"
    client = Organisation.objects.get(name="Evergreen Dental")
    client_brand = registered_brand(client, display_name="Evergreen Smiles")
    live_campaign(client, brand=client_brand)

    _sees_only(page, "Evergreen Dental", mine="Evergreen Smiles", theirs="Dana Blooms")

    # The header's switcher: open it, pick the agency's own organisation.
    page.goto("/campaigns/")
    page.locator(".org-switcher summary").click()
    assert_accessible_basics(page)
    assert _serious_violations(page) == []
    screenshot(page, "organisation-switcher", both_widths=True)
    with page.expect_navigation():
        page.locator(".org-menu").get_by_role("button", name="Dana Florists LLC").click()
    assert urlsplit(page.url).path == "/"  # the dashboard, not the page of the other one
    assert page.get_by_role("heading", level=1).inner_text() == "Dana Florists LLC"
    assert "You are now working in Dana Florists LLC" in page.locator("main").inner_text()

    _sees_only(page, "Dana Florists LLC", mine="Dana Blooms", theirs="Evergreen Smiles")

    # A link to the client's brand (an e-mail, a bookmark) is not shown under the agency:
    # the page says where it is and offers the switch.
    page.goto(f"/brands/{client_brand.public_id}/")
    browser_errors[:] = [e for e in browser_errors if "404" not in e]  # the page's own status
    assert page.get_by_role("heading", level=1).inner_text() == "This is in Evergreen Dental"
    assert "Evergreen Smiles" not in page.locator("main").inner_text()
    assert _active(page) == "Dana Florists LLC"
    assert_accessible_basics(page)
    screenshot(page, "belongs-to-another-organisation")
    with page.expect_navigation():
        page.get_by_role("button", name="Switch to Evergreen Dental and open it").click()
    assert re.search(rf"/brands/{client_brand.public_id}/$", page.url)
    assert _active(page) == "Evergreen Dental"
    assert "Evergreen Smiles" in page.get_by_role("heading", level=1).inner_text()


def test_the_organisation_pages_fit_a_phone_and_pass_axe(phone_page, e2e_user, browser_errors):
    """The account page listing two organisations, adding one, the open switcher and the page
    offering the switch, at phone width (390 px): nothing wider than the screen, no serious
    accessibility violation."""
    from compliance import accounts
    from tests.e2e.helpers import log_in

    client = accounts.found_organisation(e2e_user, "Evergreen Dental Group of Greater Chicago")
    brand = registered_brand(client, display_name="Evergreen Smiles")
    page = phone_page
    log_in(page, e2e_user.username)
    width = page.viewport_size["width"]
    problems = []
    for path in ("/accounts/", "/accounts/organisations/new/", "/", f"/brands/{brand.public_id}/"):
        page.goto(path)
        if path == "/":
            page.locator(".org-switcher summary").click()
        wide = page.evaluate("() => document.documentElement.scrollWidth")
        if wide > width:
            problems.append(f"{path}: {wide} px wide on a {width} px screen")
        problems.extend(f"{path}: {v}" for v in _serious_violations(page))
    browser_errors[:] = [e for e in browser_errors if "404" not in e]  # the offer's own status
    assert problems == [], "\n".join(problems)
