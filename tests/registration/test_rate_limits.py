import pytest
from django.core.cache import cache
from django.urls import reverse

from compliance import ratelimit
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_login_is_refused_after_five_wrong_passwords_for_a_user(client, owner):
    for _ in range(ratelimit.LOGIN_PER_USER.limit):
        response = client.post(reverse("login"), {"username": "alice", "password": "wrong"})
        assert response.status_code == 200
    response = client.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_successful_login_resets_the_users_counter(client, owner):
    for _ in range(ratelimit.LOGIN_PER_USER.limit - 1):
        client.post(reverse("login"), {"username": "alice", "password": "wrong"})
    assert (
        client.post(reverse("login"), {"username": "alice", "password": PASSWORD}).status_code
        == 302
    )
    client.post(reverse("logout"))
    assert (
        client.post(reverse("login"), {"username": "alice", "password": "wrong"}).status_code == 200
    )


def test_login_is_refused_per_ip_across_usernames(client, owner):
    for n in range(ratelimit.LOGIN_PER_IP.limit):
        client.post(reverse("login"), {"username": f"nobody{n}", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 429


def test_sign_up_is_limited_per_ip(client):
    for _ in range(ratelimit.SIGNUP_PER_IP.limit):
        client.post(reverse("signup"), {"username": ""})
    response = client.post(reverse("signup"), {"username": "late"})
    assert response.status_code == 429
    assert "Too many sign-ups" in response.content.decode()


def test_password_reset_is_limited_per_ip_with_a_clear_message(client, owner, mailoutbox):
    for _ in range(ratelimit.PASSWORD_RESET_PER_IP.limit):
        response = client.post(reverse("password_reset"), {"email": "alice@example.com"})
        assert response.status_code == 302
    response = client.post(reverse("password_reset"), {"email": "alice@example.com"})
    assert response.status_code == 429
    assert "Too many password reset requests" in response.content.decode()
    assert len(mailoutbox) == ratelimit.PASSWORD_RESET_PER_IP.limit
