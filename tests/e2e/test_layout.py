"""Every main page at desktop (1280×800) and phone (390×844) width: no page is wider than
its viewport (wide tables scroll inside .table-wrap), and axe-core finds no serious or
critical accessibility violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from compliance.models import ProfileAssignmentTask
from tests.e2e.conftest import DESKTOP, PHONE
from tests.e2e.helpers import log_in
from tests.factories import (
    draft_brand,
    live_campaign,
    messaging_profile,
    phone_number,
    registered_brand,
    submitted_campaign,
)

AXE = Axe()
BLOCKING = {"serious", "critical"}


@pytest.fixture
def seeded(e2e_user):
    """An organisation with something on every page: brands, campaigns, numbers with long
    failure reasons, a messaging profile with numbers and an assignment task."""
    organisation = e2e_user.membership.organisation
    brand = registered_brand(organisation, display_name="Dana Florists of Greater Chicago")
    second = draft_brand(organisation, display_name="Dana's Second Shop", entity_type="")
    live = live_campaign(organisation, brand=brand, usecase="CUSTOMER_CARE")
    submitted_campaign(organisation, brand=brand, usecase="ACCOUNT_NOTIFICATION")
    profile = messaging_profile(organisation, name="Order alerts for the downtown shop")
    for i in range(4):
        phone_number(
            organisation,
            profile=profile,
            campaign=live,
            telnyx_campaign_id=live.campaign_id,
            assignment_status="FAILED_ASSIGNMENT" if i % 2 else "ASSIGNED",
            failure_reasons="The number is already assigned to another campaign at a carrier"
            if i % 2
            else "",
            number_type="long-code",
        )
    ProfileAssignmentTask.objects.create(
        organisation=organisation,
        profile=profile,
        campaign=live,
        created_by=e2e_user,
        task_id="T-layout",
    )
    return {"brand": brand, "campaign": live, "profile": profile, "draft": second}


def _pages(seeded) -> list[str]:
    return [
        "/",
        "/brands/",
        f"/brands/{seeded['brand'].public_id}/",
        f"/brands/{seeded['draft'].public_id}/wizard/entity-type/",
        "/campaigns/",
        f"/campaigns/{seeded['campaign'].public_id}/",
        "/numbers/",
        "/numbers/profiles/",
        f"/numbers/profiles/{seeded['profile'].public_id}/",
        "/rules/",
        "/notifications/",
        "/fees/",
    ]


def _overflow(page) -> int:
    return page.evaluate("() => document.documentElement.scrollWidth")


_WIDEST_JS = """
(width) => [...document.querySelectorAll("body *")]
  .filter((el) => el.getBoundingClientRect().right > width + 1)
  .filter((el) => !el.closest(".table-wrap") || el.matches(".table-wrap"))
  .slice(0, 3)
  .map((el) => el.outerHTML.slice(0, 120))
"""


def _too_wide(page, path: str, width: int) -> list[str]:
    actual = _overflow(page)
    if actual <= width:
        return []
    culprits = page.evaluate(_WIDEST_JS, width)
    return [f"{path}: {actual} px wide in a {width} px viewport; {culprits}"]


def _serious_violations(page) -> list[str]:
    results = AXE.run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:3])
        for v in results.response["violations"]
        if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_main_pages_fit_the_viewport_and_pass_axe(page, seeded, viewport):
    page.set_viewport_size(viewport)
    log_in(page, "dana")
    problems = []
    for path in _pages(seeded):
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        problems.extend(_too_wide(page, path, viewport["width"]))
        problems.extend(f"{path}: {v}" for v in _serious_violations(page))
    assert problems == [], "\n".join(problems)


def test_anonymous_pages_fit_the_phone_and_pass_axe(phone_page):
    problems = []
    for path in ("/accounts/login/", "/accounts/signup/", "/accounts/password_reset/", "/rules/"):
        response = phone_page.goto(path)
        assert response is not None and response.status == 200, path
        problems.extend(_too_wide(phone_page, path, PHONE["width"]))
        problems.extend(f"{path}: {v}" for v in _serious_violations(phone_page))
    assert problems == [], "\n".join(problems)
