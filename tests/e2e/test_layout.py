"""Every main page, for a customer, a reviewer and an anonymous visitor, at desktop
(1280×800) and phone (390×844) width: no page is wider than its viewport (wide tables scroll
inside .table-wrap), and axe-core finds no serious or critical accessibility violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group, Permission, User

from compliance.models import CaseMessage, ProfileAssignmentTask
from compliance.services import notifications
from compliance.tenancy import REVIEWERS_GROUP
from tests.conftest import give_authenticator, verified_user
from tests.e2e.conftest import DESKTOP, PHONE
from tests.e2e.helpers import log_in
from tests.factories import (
    draft_brand,
    live_campaign,
    messaging_profile,
    organisation_of,
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
    organisation = organisation_of(e2e_user)
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
    rejected = submitted_campaign(
        organisation,
        brand=brand,
        usecase="MARKETING",
        status="MNO_REJECTED",
        failure_reasons=["The opt-in is not clear enough for a carrier reviewer."],
    )
    notifications.notify(organisation, "Marketing campaign: Rejected", campaign=rejected)
    notifications.notify(organisation, "Marketing campaign: Live", campaign=rejected)
    notifications.notify_reviewers(organisation, "Rejected: Marketing", campaign=rejected)
    CaseMessage.objects.create(campaign=rejected, author=e2e_user, body="Why was it rejected?")
    return {
        "brand": brand,
        "campaign": live,
        "profile": profile,
        "draft": second,
        "rejected": rejected,
    }


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
        "/notifications/settings/",
        "/fees/",
        f"/campaigns/{seeded['rejected'].public_id}/",
        "/campaigns/new/",
    ]


def _reviewer_pages(seeded) -> list[str]:
    rejected = seeded["rejected"].public_id
    return [
        "/",
        "/review/",
        f"/review/campaigns/{rejected}/",
        f"/review/campaigns/{rejected}/audit/",
        f"/review/brands/{seeded['brand'].public_id}/",
        "/review/audit/",
        "/review/fees/",
        "/review/partners/",
        "/notifications/",
        "/notifications/settings/",
        "/rules/",
    ]


ANONYMOUS_PAGES = ("/accounts/login/", "/accounts/signup/", "/accounts/password/reset/", "/rules/")


@pytest.fixture
def layout_reviewer(transactional_db) -> User:
    group, _ = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    group.permissions.add(Permission.objects.get(codename="review_campaigns"))
    user = verified_user("rita", "rita@example.com", is_staff=True)
    user.groups.add(group)
    give_authenticator(user)  # reviewers must have two-factor sign-in
    return user


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


def _check(page, paths, width) -> list[str]:
    problems = []
    for path in paths:
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        problems.extend(_too_wide(page, path, width))
        problems.extend(f"{path}: {v}" for v in _serious_violations(page))
    return problems


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_reviewer_pages_fit_the_viewport_and_pass_axe(page, seeded, layout_reviewer, viewport):
    page.set_viewport_size(viewport)
    log_in(page, "rita")
    problems = _check(page, _reviewer_pages(seeded), viewport["width"])
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_anonymous_pages_fit_the_viewport_and_pass_axe(page, viewport):
    page.set_viewport_size(viewport)
    problems = _check(page, ANONYMOUS_PAGES, viewport["width"])
    assert problems == [], "\n".join(problems)
