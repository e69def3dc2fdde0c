import re
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

from compliance.models import Membership, Organisation
from tests.conftest import PASSWORD
from tests.factories import organisation_of

pytestmark = pytest.mark.django_db


def _signup(client, **overrides):
    data = {
        "username": "carol",
        "email": "carol@example.com",
        "organisation_name": "Carol's Cupcakes",
        "password1": PASSWORD,
        "password2": PASSWORD,
    } | overrides
    return client.post(reverse("account_signup"), data)


def _confirmation_link(message) -> str:
    return re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)


def test_sign_up_creates_organisation_owner_and_asks_to_verify_the_email(client, mailoutbox):
    response = _signup(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(username="carol")
    assert user.memberships.get().role == Membership.Role.OWNER
    assert organisation_of(user).name == "Carol's Cupcakes"
    assert not EmailAddress.objects.get(user=user).verified
    assert "_auth_user_id" not in client.session  # not signed in before the address is verified
    assert client.get(reverse("home")).status_code == 302
    [message] = mailoutbox
    assert message.to == ["carol@example.com"]
    assert "/accounts/confirm-email/" in message.body


def test_the_confirmation_link_verifies_the_address_and_signs_in(client, mailoutbox):
    _signup(client)
    link = urlsplit(_confirmation_link(mailoutbox[0])).path
    page = client.get(link)
    assert page.status_code == 200 and "carol@example.com" in page.content.decode()
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="carol@example.com").verified
    page = client.get(reverse("home"))
    assert "Carol&#x27;s Cupcakes" in page.content.decode()


def test_an_unverified_account_cannot_sign_in_until_it_confirms(client, mailoutbox):
    _signup(client)
    response = client.post(reverse("account_login"), {"login": "carol", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    assert len(mailoutbox) == 1  # resent at most once in 3 minutes (confirm_email limit)


def test_account_emails_use_the_shared_layout_in_text_and_html(client, mailoutbox):
    _signup(client)
    [message] = mailoutbox
    assert message.body.startswith("Tendlc · 10DLC registration")
    assert message.subject.startswith("Tendlc: ")
    [(html, kind)] = message.alternatives
    assert kind == "text/html"
    assert "10DLC registration" in html and "/accounts/confirm-email/" in html
    assert "Tendlc · 10DLC registration" not in html  # the text header is not repeated


def test_existing_users_log_in_by_username_or_email(client, owner):
    assert (
        client.post(reverse("account_login"), {"login": "alice", "password": PASSWORD}).status_code
        == 302
    )
    client.post(reverse("account_logout"))
    assert (
        client.post(
            reverse("account_login"), {"login": "ALICE@example.com", "password": PASSWORD}
        ).status_code
        == 302
    )


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
    response = client.get(reverse("account_login"))
    assert response.status_code == 200
    assert "<h1>Log in</h1>" in response.content.decode()


def test_home_requires_login(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_login_and_logout(client, owner):
    response = client.post(reverse("account_login"), {"login": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200
    client.post(reverse("account_logout"))
    assert client.get(reverse("home")).status_code == 302


def test_password_reset_sends_a_link_that_sets_a_new_password(client, owner):
    response = client.post(reverse("account_reset_password"), {"email": "alice@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+(/accounts/password/reset/key/\S+/)", mail.outbox[0].body)
    form = client.get(link.group(1), follow=True)
    assert form.status_code == 200
    new = "a-New-passw0rd-for-alice"
    done = client.post(form.redirect_chain[-1][0], {"password1": new, "password2": new})
    assert done.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password(new)


def test_pages_carry_the_htmx_csrf_header_and_local_htmx(owner_client):
    html = owner_client.get(reverse("home")).content.decode()
    assert 'hx-headers=\'{"x-csrftoken": "' in html
    assert "/static/django_htmx/htmx" in html
    assert "https://" not in html.split("<body")[0]


def test_users_from_before_allauth_keep_logging_in_after_the_migration(client):
    """Migration 0017 gives every existing user a verified primary address (the function it
    runs, on the real models): their password and login work unchanged."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("compliance.migrations.0017_existing_users_email_addresses")
    old = User.objects.create_user("olga", "Olga@Example.com", PASSWORD)  # no allauth address
    User.objects.create_user("nomail", "", PASSWORD)
    migration.addresses_for_existing_users(apps, None)
    migration.addresses_for_existing_users(apps, None)  # a second run adds nothing
    [address] = EmailAddress.objects.filter(user=old)
    assert address.verified and address.primary and address.email == "olga@example.com"
    assert EmailAddress.objects.count() == 1
    response = client.post(reverse("account_login"), {"login": "olga", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("home")
