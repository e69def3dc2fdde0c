"""Sign-in, sign-up and password-reset limits are django-allauth's (ACCOUNT_RATE_LIMITS),
in the shared cache and keyed on the proxy-aware client address (compliance.ratelimit.
client_ip through compliance/allauth_adapter.py)."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN_PER_ACCOUNT = 5  # failed sign-ins per account in 15 minutes
LOGIN_PER_ADDRESS = 20  # failed sign-ins per client address in 15 minutes
SIGNUP_PER_ADDRESS = 10  # per hour
RESET_PER_ADDRESS = 5  # per hour, each one sends an e-mail


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def _log_in(client, login, password, **extra):
    return client.post(reverse("account_login"), {"login": login, "password": password}, **extra)


def test_the_limits_in_settings_are_the_documented_ones(settings):
    limits = settings.ACCOUNT_RATE_LIMITS
    assert limits["login_failed"] == f"{LOGIN_PER_ADDRESS}/15m/ip,{LOGIN_PER_ACCOUNT}/15m/key"
    assert limits["signup"] == f"{SIGNUP_PER_ADDRESS}/h/ip"
    assert limits["reset_password"].startswith(f"{RESET_PER_ADDRESS}/h/ip")


def test_login_is_refused_after_five_wrong_passwords_for_an_account(client, owner):
    for _ in range(LOGIN_PER_ACCOUNT):
        response = _log_in(client, "alice", "wrong")
        assert response.status_code == 200
        assert "not correct" in response.content.decode()
    response = _log_in(client, "alice", PASSWORD)
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_account_limit_counts_the_account_whether_named_by_username_or_email(client, owner):
    for n in range(LOGIN_PER_ACCOUNT):
        _log_in(client, "alice" if n % 2 else "ALICE", "wrong")
    response = _log_in(client, "alice", PASSWORD)
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_successful_login_by_username_or_email_works_under_the_limit(client, owner):
    for _ in range(LOGIN_PER_ACCOUNT - 1):
        _log_in(client, "alice", "wrong")
    assert _log_in(client, "alice", PASSWORD).status_code == 302
    client.post(reverse("account_logout"))
    assert _log_in(client, "alice@example.com", PASSWORD).status_code == 302


def test_login_is_refused_per_address_across_usernames(client, owner):
    for n in range(LOGIN_PER_ADDRESS):
        _log_in(client, f"nobody{n}", "wrong")
    response = _log_in(client, "alice", PASSWORD)
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_up_is_limited_per_address_with_a_page_in_plain_words(client):
    for _ in range(SIGNUP_PER_ADDRESS):
        client.post(reverse("account_signup"), {"username": ""})
    response = client.post(reverse("account_signup"), {"username": "late"})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()


def test_password_reset_is_limited_per_address(client, owner, mailoutbox):
    for _ in range(RESET_PER_ADDRESS):
        response = client.post(reverse("account_reset_password"), {"email": "alice@example.com"})
        assert response.status_code == 302
    response = client.post(reverse("account_reset_password"), {"email": "alice@example.com"})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert len(mailoutbox) == RESET_PER_ADDRESS
