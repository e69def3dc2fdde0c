"""Every URL that could change state refuses a POST without the CSRF token, plain or HTMX
(htmx sends the token in the x-csrftoken header from <body hx-headers>; without it: 403).
The list comes from the URLconf; only the webhook receiver (Ed25519 signature) and the
sandbox (bearer token) are exempt, by design."""

import pytest
from django.test import Client

from .urlwalk import all_routes

EXEMPT = ("webhooks/", "sandbox/")
ROUTES = [route for route in all_routes() if not route.startswith(*EXEMPT)]


@pytest.fixture
def csrf_client(owner) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    client.get("/")  # a CSRF cookie, as a browser would have: only the token is missing
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_post_without_csrf_token_is_refused(route, csrf_client):
    url = route.placeholder_url()
    assert csrf_client.post(url, {"x": "1"}).status_code == 403, url
    htmx = csrf_client.post(url, {"x": "1"}, headers={"HX-Request": "true"})
    assert htmx.status_code == 403, f"{url} (HTMX)"


@pytest.mark.django_db
def test_csrf_exempt_views_are_only_the_machine_endpoints(csrf_client):
    """The harness detects an exempt view: the webhook receiver answers a token-less POST
    itself (401/400 for the missing signature), not with the CSRF 403."""
    exempt = [
        route
        for route in all_routes()
        if getattr(route.callback, "csrf_exempt", False) and not route.startswith(*EXEMPT)
    ]
    assert exempt == []
    assert csrf_client.post("/webhooks/telnyx/", b"{}", content_type="application/json")[
        "Content-Type"
    ].startswith("application/json")


@pytest.mark.django_db
def test_a_post_with_the_token_gets_past_csrf(csrf_client):
    """Control: the same client with the token is not refused, so the 403s above are CSRF."""
    token = csrf_client.cookies["csrftoken"].value
    response = csrf_client.post("/notifications/read-all/", headers={"X-CSRFToken": token})
    assert response.status_code == 302
