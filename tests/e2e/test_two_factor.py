"""Reviewers and staff set up two-factor sign-in (an authenticator app) before /review/ opens,
in a real browser; the code is computed from the secret the page shows, as a phone app would."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group, Permission

from compliance.tenancy import REVIEWERS_GROUP
from tests.conftest import PASSWORD, totp_code, verified_user
from tests.e2e.helpers import (
    assert_accessible_basics,
    enter_two_factor_code,
    field,
    log_in,
    screenshot,
)


@pytest.fixture
def new_reviewer(transactional_db):
    group, _ = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    group.permissions.add(Permission.objects.get(codename="review_campaigns"))
    user = verified_user("vera", "vera@example.com", is_staff=True)
    user.groups.add(group)
    return user


def test_a_reviewer_sets_up_two_factor_before_the_review_console_opens(page, new_reviewer):
    log_in(page, "vera")  # a password alone still signs in ...
    page.goto("/review/")  # ... but the console sends the reviewer to set up the app first,
    # after entering the password again (allauth asks before any security change)
    assert "/accounts/reauthenticate/" in page.url and "totp" in page.url
    assert "must set up two-factor sign-in" in page.locator("ul.messages").inner_text()
    assert_accessible_basics(page)
    field(page, "Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm").click()
    assert "/accounts/2fa/totp/activate/" in page.url
    assert_accessible_basics(page)
    screenshot(page, "two-factor-setup", both_widths=True)
    page.goto("/admin/")  # the admin too
    assert "/accounts/2fa/totp/activate/" in page.url

    secret = page.locator("#authenticator_secret").input_value()
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)
    field(page, "Authenticator code").fill("000000" if totp_code(secret) != "000000" else "111111")
    with page.expect_navigation():
        page.get_by_role("button", name="Activate").click()
    assert page.locator(".has-error").count() == 1  # a wrong code is refused by the field
    assert not Authenticator.objects.filter(user=new_reviewer).exists()

    field(page, "Authenticator code").fill(totp_code(secret))
    with page.expect_navigation():
        page.get_by_role("button", name="Activate").click()
    assert "/accounts/2fa/recovery-codes/" in page.url  # recovery codes, shown once
    assert Authenticator.objects.filter(user=new_reviewer, type=Authenticator.Type.TOTP).exists()
    assert_accessible_basics(page)
    screenshot(page, "two-factor-recovery-codes")

    page.goto("/review/")
    assert page.url.endswith("/review/")
    assert page.get_by_role("heading", level=1).is_visible()

    # The next sign-in asks for the code after the password.
    with page.expect_navigation():
        page.get_by_role("button", name="Log out").click()
    page.goto("/accounts/login/")
    field(page, "Username or email").fill("vera")
    field(page, "Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Log in").click()
    assert "/accounts/2fa/authenticate/" in page.url
    assert_accessible_basics(page)
    screenshot(page, "two-factor-sign-in")
    page.goto("/review/")  # without the code the sign-in is not finished
    assert "/review/" not in page.url
    page.goto("/accounts/2fa/authenticate/")
    enter_two_factor_code(page, "vera")
    page.goto("/review/")
    assert page.url.endswith("/review/")
