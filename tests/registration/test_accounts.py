import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

from compliance.models import Membership, Organisation
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _signup(client, **overrides):
    data = {
        "username": "carol",
        "email": "carol@example.com",
        "organisation_name": "Carol's Cupcakes",
        "password1": PASSWORD,
        "password2": PASSWORD,
    } | overrides
    return client.post(reverse("signup"), data)


def test_sign_up_creates_organisation_owner_and_logs_in(client):
    response = _signup(client)
    assert response.status_code == 302
    user = User.objects.get(username="carol")
    assert user.membership.role == Membership.Role.OWNER
    assert user.membership.organisation.name == "Carol's Cupcakes"
    page = client.get(reverse("home"))
    assert "Carol&#x27;s Cupcakes" in page.content.decode()


def test_sign_up_with_taken_username_shows_field_error_and_creates_nothing(client, owner):
    response = _signup(client, username="alice")
    assert response.status_code == 200
    assert "username already exists" in response.content.decode()
    assert Organisation.objects.count() == 1


def test_sign_up_with_weak_password_shows_field_error_and_creates_nothing(client):
    response = _signup(client, password1="123", password2="123")
    assert response.status_code == 200
    assert "too short" in response.content.decode()
    assert not User.objects.filter(username="carol").exists()
    assert not Organisation.objects.exists()


def test_organisation_slugs_stay_unique(db):
    first = Organisation.objects.create(name="Acme")
    second = Organisation.objects.create(name="Acme")
    assert first.slug == "acme" and second.slug == "acme-2"


def test_login_page_is_served_to_anonymous_users(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "<h1>Log in</h1>" in response.content.decode()


def test_home_requires_login(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_login_and_logout(client, owner):
    response = client.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200
    client.post(reverse("logout"))
    assert client.get(reverse("home")).status_code == 302


def test_password_reset_sends_a_link(client, owner):
    response = client.post(reverse("password_reset"), {"email": "alice@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/reset/" in mail.outbox[0].body


def test_pages_carry_the_htmx_csrf_header_and_local_htmx(owner_client):
    html = owner_client.get(reverse("home")).content.decode()
    assert 'hx-headers=\'{"x-csrftoken": "' in html
    assert "/static/django_htmx/htmx" in html
    assert "https://" not in html.split("<body")[0]
