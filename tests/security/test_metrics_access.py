"""The operator's endpoints (urlwalk.OPERATOR: /metrics) answer Prometheus's scraper only: a
bearer METRICS_TOKEN or an address in METRICS_ALLOWED_NETWORKS, the address read past the
trusted proxies only. Anonymous visitors, signed-in customers, reviewers and staff get nothing;
unconfigured, the endpoint does not exist (404)."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from .urlwalk import OPERATOR, all_routes

TOKEN = "a-long-random-scrape-token-42"
ROUTES = [route for route in all_routes() if route.name in OPERATOR]


def test_the_operator_routes_are_walked():
    assert {route.name for route in ROUTES} == OPERATOR


@pytest.fixture
def configured(settings):
    settings.METRICS_TOKEN = TOKEN
    settings.METRICS_ALLOWED_NETWORKS = []


@pytest.fixture
def staff_client(db) -> Client:
    user = User.objects.create_user("ops", "ops@example.com", "x", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_unconfigured_the_operator_routes_do_not_exist(route, settings, staff_client):
    settings.METRICS_TOKEN = ""
    settings.METRICS_ALLOWED_NETWORKS = []
    assert Client().get(route.placeholder_url()).status_code == 404
    assert staff_client.get(route.placeholder_url()).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_nobody_but_the_scraper_reads_them_not_even_staff(
    route, configured, client, owner, staff_client
):
    url = route.placeholder_url()
    assert Client().get(url).status_code == 403
    client.force_login(owner)
    assert client.get(url).status_code == 403
    assert staff_client.get(url).status_code == 403
    for wrong in (f"Bearer {TOKEN[:-1]}", f"Basic {TOKEN}", TOKEN, "Bearer "):
        assert Client().get(url, headers={"Authorization": wrong}).status_code == 403, wrong
    assert Client().get(url, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_an_allowed_network_is_the_clients_address_past_the_trusted_proxy(route, settings):
    settings.METRICS_TOKEN = ""
    settings.METRICS_ALLOWED_NETWORKS = ["10.1.2.0/24"]
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    url = route.placeholder_url()

    scraper = Client(REMOTE_ADDR="10.1.2.7")
    assert scraper.get(url).status_code == 200
    # Through the TLS proxy (trusted): the client's own address decides, not the proxy's.
    proxied = Client(REMOTE_ADDR="127.0.0.1")
    assert proxied.get(url, headers={"X-Forwarded-For": "203.0.113.9"}).status_code == 403
    assert proxied.get(url, headers={"X-Forwarded-For": "10.1.2.7"}).status_code == 200
    # A client outside cannot claim an allowed address: its header is not believed.
    outsider = Client(REMOTE_ADDR="203.0.113.9")
    assert outsider.get(url, headers={"X-Forwarded-For": "10.1.2.7"}).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_the_scrape_shows_no_organisations_data(route, configured, organisation):
    body = Client().get(route.placeholder_url(), headers={"Authorization": f"Bearer {TOKEN}"})
    assert body.status_code == 200
    assert organisation.name.encode() not in body.content
    assert b"alice" not in body.content
