"""Every customer URL, read from the URL configuration, visited by another organisation with
the owner's ids: 404 for each method the view accepts. A new URL is covered without editing
this test; a new kind of kwarg fails it until factories.py knows how to make one."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from . import factories
from .urlwalk import OPERATOR, PUBLIC, SIGN_IN_STAGES, all_routes, customer_routes

ROUTES_WITH_IDS = [route for route in customer_routes() if route.kwargs]


def url_for(route, organisation) -> str:
    """The route filled with objects of `organisation` (see factories.py)."""
    values = {}
    for name in route.kwargs:
        if name == "public_id":
            make = factories.BY_COLLECTION.get(route.collection)
            if make is None:
                pytest.fail(
                    f"add a factory for {name} of {route.collection!r} ({route.route}) "
                    "to tests/security/factories.py BY_COLLECTION"
                )
            values[name] = make(organisation).public_id
        else:
            by_url = factories.OTHER_KWARGS.get(name, {})
            value = by_url.get(route.name, by_url.get(""))
            if value is None:
                pytest.fail(
                    f"add a factory for {name} ({route.route}) to tests/security/factories.py"
                )
            values[name] = value
    return route.fill(values) + factories.QUERY.get(route.name, "")


def test_every_customer_url_with_ids_is_walked():
    """The walk finds the customer URLs (a broken walk would make the test below vacuous)."""
    names = {route.name for route in ROUTES_WITH_IDS}
    assert {"brand_detail", "campaign_detail", "number_detail", "notification_read"} <= names
    assert not any(route.route.startswith(("review/", "admin/")) for route in ROUTES_WITH_IDS)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("route", ROUTES_WITH_IDS, ids=str)
def test_another_organisations_ids_are_404(
    route, telnyx_sandbox, organisation, owner_client, outsider_client
):
    url = url_for(route, organisation)
    accepted = []
    for method in ("get", "post"):
        as_outsider = getattr(outsider_client, method)(url)
        if as_outsider.status_code == 405:
            # The view does not take this method from anyone (the owner neither).
            assert getattr(owner_client, method)(url).status_code == 405
            continue
        assert as_outsider.status_code == 404, f"{method.upper()} {url} by another organisation"
        # Control: the same URL works for its owner, so the 404 above is tenancy at work.
        as_owner = getattr(owner_client, method)(url)
        assert as_owner.status_code not in (404, 405), f"{method.upper()} {url} by its owner"
        accepted.append(method)
    assert accepted, f"{url} accepts neither GET nor POST"


def test_an_unknown_kwarg_fails_with_the_factory_to_add(organisation):
    from .urlwalk import Route

    route = Route("widgets/<uuid:public_id>/", "widget_detail", None, {"public_id": "uuid"})
    with pytest.raises(pytest.fail.Exception, match="add a factory for public_id of 'widgets'"):
        url_for(route, organisation)


# -- signing in ---------------------------------------------------------------------------------
# Anonymous visitors may open the public pages and log out; everything else sends them to the
# login page first (admin has its own login; the sandbox's API and webhooks authenticate
# machines; the sandbox's page is for signed-in users).
ANONYMOUS_ALLOWED = PUBLIC | SIGN_IN_STAGES | {"account_logout"}
SIGNED_IN_ROUTES = [
    route
    for route in all_routes()
    if not route.startswith("admin/", "sandbox/telnyx/", "webhooks/")
    and route.name not in ANONYMOUS_ALLOWED | OPERATOR
]


@pytest.mark.django_db
@pytest.mark.parametrize("route", SIGNED_IN_ROUTES, ids=str)
def test_every_other_url_requires_login(route):
    url = route.placeholder_url()
    response = Client().get(url)
    assert response.status_code == 302, url
    assert response["Location"].startswith(reverse(settings.LOGIN_URL) + "?next="), url


@pytest.mark.django_db
@pytest.mark.parametrize(
    "route", [r for r in all_routes() if r.name in PUBLIC and not r.kwargs], ids=str
)
def test_public_pages_open_without_login(route):
    """The allow-list above is not wider than it needs to be: these pages really are public
    (the hosted /c/<slug>/ pages are tested in tests/hosted/test_hosted_pages.py)."""
    assert Client().get(route.placeholder_url()).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("route", [r for r in all_routes() if r.name in SIGN_IN_STAGES], ids=str)
def test_the_steps_of_a_sign_in_send_a_visitor_without_one_to_log_in(route):
    response = Client().get(route.placeholder_url())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))


# -- a user of several organisations (an agency and its clients) --------------------------------
@pytest.fixture
def agency(db):
    """A user who works for their own agency and for one client (Client Co); Alice's
    organisation (the owner fixture's) is not theirs."""
    from compliance import accounts
    from tests.conftest import PASSWORD

    user = accounts.sign_up(
        username="agnes",
        email="agnes@example.com",
        password=PASSWORD,
        organisation_name="Agnes Agency",
    )
    accounts.found_organisation(user, "Client Co")
    return user


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("route", ROUTES_WITH_IDS, ids=str)
def test_a_user_of_several_organisations_sees_only_the_active_ones_ids(
    route, telnyx_sandbox, organisation, owner_client, agency
):
    """Belonging to several organisations widens nothing: another organisation's ids stay a
    plain 404; ids of the user's other organisation are a 404 too while they work in this
    one (the page names it and offers the switch), and open once they switch to it."""
    from compliance.models import Organisation

    client = Client()
    client.force_login(agency)
    client_co = Organisation.objects.get(name="Client Co")
    assert (
        client.post(reverse("switch_organisation", args=[_agency_own(agency)])).status_code == 302
    )

    not_theirs = url_for(route, organisation)
    theirs_elsewhere = url_for(route, client_co)
    accepted = []
    for method in ("get", "post"):
        response = getattr(client, method)(not_theirs)
        if response.status_code == 405:
            continue
        assert response.status_code == 404, f"{method.upper()} {not_theirs}: not their organisation"
        page = response.content.decode()
        assert "This is in" not in page and organisation.name not in page  # a plain 404
        elsewhere = getattr(client, method)(theirs_elsewhere)
        if route.name == "switch_organisation":
            assert elsewhere.status_code == 302  # switching to their own is the point
            client.post(reverse("switch_organisation", args=[_agency_own(agency)]))
            continue
        assert elsewhere.status_code == 404, f"{method.upper()} {theirs_elsewhere} in the agency"
        if method == "get":
            assert "This is in Client Co" in elsewhere.content.decode(), theirs_elsewhere
        accepted.append((method, theirs_elsewhere))
    # Control: in Client Co, its objects open (so the 404s above were the active organisation).
    client.post(reverse("switch_organisation", args=[client_co.public_id]))
    for method, url in accepted:
        response = getattr(client, method)(url)
        assert response.status_code not in (404, 405), f"{method.upper()} {url} in Client Co"


def _agency_own(user):
    from tests.factories import organisation_of

    return organisation_of(user).public_id
