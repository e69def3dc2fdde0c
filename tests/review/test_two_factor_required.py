"""Reviewers and staff see and act for every organisation: /review/ and /admin/ open only once
their account has an authenticator app (compliance.middleware.TwoFactorRequiredMiddleware)."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from compliance.tenancy import REVIEWERS_GROUP
from tests.conftest import give_authenticator, verified_user

pytestmark = pytest.mark.django_db


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def reviewer_without_app():
    group, _ = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    group.permissions.add(Permission.objects.get(codename="review_campaigns"))
    user = verified_user("vera", "vera@example.com")  # a reviewer who is not staff
    user.groups.add(group)
    return user


@pytest.mark.parametrize("url", ["/review/", "/review/campaigns/", "/admin/"])
def test_a_staff_reviewer_without_an_authenticator_is_sent_to_set_one_up(url):
    group, _ = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    group.permissions.add(Permission.objects.get(codename="review_campaigns"))
    user = verified_user("sam", "sam@example.com", is_staff=True)
    user.groups.add(group)
    response = _signed_in(user).get(url, follow=False)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_a_reviewer_without_an_authenticator_is_told_why(reviewer_without_app):
    response = _signed_in(reviewer_without_app).get("/review/", follow=True)
    assert "must set up two-factor sign-in" in response.content.decode()


def test_staff_without_an_authenticator_cannot_open_the_admin():
    user = verified_user("ops", "ops@example.com", is_staff=True, is_superuser=True)
    response = _signed_in(user).get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_with_an_authenticator_the_console_and_the_admin_open(reviewer_without_app):
    give_authenticator(reviewer_without_app)
    assert _signed_in(reviewer_without_app).get("/review/").status_code == 200
    staff = verified_user("ops", "ops@example.com", is_staff=True, is_superuser=True)
    give_authenticator(staff)
    assert _signed_in(staff).get(reverse("admin:index")).status_code == 200


def test_recovery_codes_alone_do_not_count_as_an_authenticator_app(reviewer_without_app):
    Authenticator.objects.create(
        user=reviewer_without_app, type=Authenticator.Type.RECOVERY_CODES, data={}
    )
    response = _signed_in(reviewer_without_app).get("/review/")
    assert response["Location"] == reverse("mfa_activate_totp")


def test_customers_are_not_asked_and_still_cannot_open_the_console(owner_client):
    assert owner_client.get(reverse("home")).status_code == 200
    assert owner_client.get("/review/").status_code == 403


def test_the_setup_page_itself_opens_for_a_reviewer_without_an_authenticator(
    reviewer_without_app,
):
    client = _signed_in(reviewer_without_app)
    response = client.get(reverse("mfa_activate_totp"))
    # allauth asks for the password again before any security change, then shows the code
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
