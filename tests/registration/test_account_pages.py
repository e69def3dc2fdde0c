"""The account pages: the overview links every setting (e-mail, password, two-factor,
sessions, e-mail preferences, deletion); deleting an account is refused while its user is the
only owner of an organisation with live campaigns."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.urls import reverse

from compliance.models import Membership
from tests import factories
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _reauthenticate(client) -> None:
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302


def test_the_overview_links_every_setting(owner_client):
    page = owner_client.get(reverse("account")).content.decode()
    for name in (
        "account_email",
        "account_change_password",
        "mfa_index",
        "usersessions_list",
        "email_preferences",
        "telnyx_account",
        "account_delete",
    ):
        assert f'href="{reverse(name)}"' in page, name
    assert "Alice Bakery LLC" in page and "Two-factor sign-in" in page


@pytest.mark.parametrize(
    "name", ["account_email", "account_change_password", "mfa_index", "usersessions_list"]
)
def test_allauths_pages_open_in_the_apps_layout_with_a_way_back(owner_client, name):
    page = owner_client.get(reverse(name))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'class="topbar"' in html and f'href="{reverse("account")}"' in html


def test_the_password_is_changed_from_its_page(owner_client, owner):
    new = "a-Fresh-passw0rd-for-alice"
    response = owner_client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password(new)


def test_a_new_email_address_is_confirmed_before_it_replaces_the_old_one(
    owner_client, owner, mailoutbox
):
    response = owner_client.post(
        reverse("account_email"), {"email": "alice@new.example", "action_add": ""}
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.email == "alice@example.com"  # not yet
    assert not EmailAddress.objects.get(email="alice@new.example").verified
    message = [m for m in mailoutbox if m.to == ["alice@new.example"]][0]
    link = re.search(r"https?://\S+(/accounts/confirm-email/\S+/)", message.body).group(1)
    owner_client.post(link)
    owner.refresh_from_db()
    assert owner.email == "alice@new.example"
    assert not EmailAddress.objects.filter(email="alice@example.com").exists()


def test_deleting_is_refused_while_the_only_owner_has_live_campaigns(owner_client, organisation):
    factories.live_campaign(organisation)
    _reauthenticate(owner_client)
    page = owner_client.get(reverse("account_delete")).content.decode()
    assert "only owner of Alice Bakery LLC, which has 1 live campaign" in page
    assert "Delete my account" not in page
    owner_client.post(reverse("account_delete"))
    assert User.objects.get(username="alice").is_active


def test_deleting_needs_the_password_again(owner_client):
    response = owner_client.post(reverse("account_delete"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert User.objects.get(username="alice").is_active


def test_an_account_is_deleted_and_can_no_longer_log_in(client, owner_client, owner, organisation):
    factories.submitted_campaign(organisation, status="TELNYX_FAILED")  # a dead end: not live
    _reauthenticate(owner_client)
    response = owner_client.post(reverse("account_delete"))
    assert response.status_code == 302
    owner.refresh_from_db()
    assert not owner.is_active and owner.email == "" and owner.username.startswith("deleted-")
    assert not Membership.objects.filter(user=owner).exists()
    assert not EmailAddress.objects.filter(user=owner).exists()
    response = client.post(reverse("account_login"), {"login": "alice", "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_a_teammate_may_delete_while_an_owner_stays(teammate_client, teammate, organisation):
    factories.live_campaign(organisation)
    _reauthenticate(teammate_client)
    assert teammate_client.post(reverse("account_delete")).status_code == 302
    teammate.refresh_from_db()
    assert not teammate.is_active


# -- an owner may require two-factor sign-in for every member ---------------------------------
def test_an_owner_without_an_authenticator_cannot_require_it(owner_client, organisation):
    response = owner_client.post(reverse("account_require_two_factor"), {"require": "on"})
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert not organisation.require_two_factor
    page = owner_client.get(reverse("account")).content.decode()
    assert "Set up two-factor sign-in for yourself first" in page


def test_once_required_members_set_it_up_before_any_other_page(
    owner_client, owner, organisation, teammate_client, teammate
):
    from tests.conftest import give_authenticator

    give_authenticator(owner)
    owner_client.post(reverse("account_require_two_factor"), {"require": "on"})
    organisation.refresh_from_db()
    assert organisation.require_two_factor
    assert owner_client.get(reverse("home")).status_code == 200  # the owner has one

    for url in (reverse("home"), reverse("brand_list"), reverse("notifications")):
        response = teammate_client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("mfa_activate_totp")
    assert teammate_client.get(reverse("account")).status_code == 200  # account pages stay open
    give_authenticator(teammate)
    assert teammate_client.get(reverse("home")).status_code == 200


def test_only_the_owner_may_require_it(teammate_client, organisation):
    response = teammate_client.post(reverse("account_require_two_factor"), {"require": "on"})
    assert response.status_code == 403
    organisation.refresh_from_db()
    assert not organisation.require_two_factor
    assert (
        "Require it for every member"
        not in teammate_client.get(reverse("account")).content.decode()
    )


def test_the_sessions_page_names_browsers_in_words_and_signs_out_the_others(owner, client):
    """Two browsers signed in: each is named ("Chrome on Windows"), never by its raw
    description or network address outside the technical details; "Sign out everywhere else"
    ends the other one."""
    from django.test import Client

    windows = (
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Safari/537.36"
    )
    iphone = (
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1"
    )
    other = Client(HTTP_USER_AGENT=iphone, REMOTE_ADDR="203.0.113.9")
    for browser in (client, other):
        agent = {"HTTP_USER_AGENT": windows} if browser is client else {}
        response = browser.post(
            reverse("account_login"), {"login": owner.username, "password": PASSWORD}, **agent
        )
        assert response.status_code == 302
    page = client.get(reverse("usersessions_list"), HTTP_USER_AGENT=windows).content.decode()
    assert "<td>Chrome on Windows</td>" in page and "<td>Mobile Safari on iPhone</td>" in page
    visible, _, technical = page.partition('<details class="technical">')
    assert "203.0.113.9" not in visible and "AppleWebKit" not in visible
    assert "203.0.113.9" in technical and "AppleWebKit" in technical
    assert "This browser" in page and "Sign out everywhere else" in page

    response = client.post(reverse("usersessions_list"), HTTP_USER_AGENT=windows)
    assert response.status_code == 302
    assert other.get(reverse("account")).status_code == 302  # signed out: sent to sign in
    assert client.get(reverse("account")).status_code == 200


def test_the_only_owner_hands_the_organisation_over_before_deleting(owner_client, owner, teammate):
    """Members are never left without an owner (issue 23: members and roles)."""
    _reauthenticate(owner_client)
    page = owner_client.get(reverse("account_delete")).content.decode()
    assert "only owner of Alice Bakery LLC, which has 1 other member" in page
    owner_client.post(reverse("account_delete"))
    assert User.objects.get(username="alice").is_active
