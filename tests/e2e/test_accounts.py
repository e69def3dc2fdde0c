"""Signing up, logging in and out, in a real browser at desktop and phone width."""

import re

from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.core import mail

from compliance.models import Organisation
from tests.conftest import PASSWORD
from tests.e2e.helpers import (
    assert_accessible_basics,
    assert_focus_on_first_error,
    field,
    log_in,
    screenshot,
)
from tests.factories import organisation_of


def _fill_sign_up(page, *, password: str) -> None:
    field(page, "Username").fill("erin")
    field(page, "Email").fill("erin@example.com")
    field(page, "Organisation name").fill("Erin's Electric LLC")
    field(page, "Password").fill(password)
    field(page, "Password (again)").fill(password)


def test_sign_up_verify_the_email_then_land_on_the_overview_of_the_new_organisation(page):
    """Sign up → the confirmation e-mail (read from Django's outbox) → its link → confirm →
    signed in, on the dashboard of the new organisation."""
    mail.outbox.clear()
    page.goto("/accounts/signup/")
    assert_accessible_basics(page)
    screenshot(page, "sign-up", both_widths=True)
    _fill_sign_up(page, password=PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Create account").click()

    assert "/accounts/confirm-email/" in page.url
    assert page.get_by_role("heading", level=1).inner_text() == "Confirm your e-mail address"
    assert_accessible_basics(page)
    assert organisation_of(User.objects.get(username="erin")).name == "Erin's Electric LLC"
    page.goto("/")  # not signed in before the address is confirmed
    assert "/accounts/login/" in page.url

    [message] = mail.outbox
    assert message.to == ["erin@example.com"]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    page.goto(link)
    assert_accessible_basics(page)
    screenshot(page, "confirm-email")
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Erin's Electric LLC"
    assert EmailAddress.objects.get(email="erin@example.com").verified
    assert_accessible_basics(page)
    screenshot(page, "overview", both_widths=True)


def test_weak_password_shows_the_error_by_the_field_and_focuses_it(page):
    page.goto("/accounts/signup/")
    _fill_sign_up(page, password="123")
    with page.expect_navigation():
        page.get_by_role("button", name="Create account").click()

    password = field(page, "Password")
    assert password.get_attribute("aria-invalid") == "true"
    field_group = page.locator(".field.has-error", has=password)
    assert "too short" in field_group.locator(".errorlist").inner_text()
    assert assert_focus_on_first_error(page) == "password1"
    assert page.evaluate("() => document.activeElement.id") == "id_password1"
    assert_accessible_basics(page)
    screenshot(page, "sign-up-weak-password")
    assert not User.objects.filter(username="erin").exists()
    assert not Organisation.objects.exists()


def test_log_in_and_out_through_the_forms(page, e2e_user):
    page.goto("/")
    assert "/accounts/login/" in page.url
    assert_accessible_basics(page)
    screenshot(page, "login", both_widths=True)

    log_in(page, e2e_user.username)
    assert page.get_by_role("heading", level=1).inner_text() == "Dana Florists LLC"

    with page.expect_navigation():
        page.get_by_role("button", name="Log out").click()
    assert "/accounts/login/" in page.url
    page.goto("/")
    assert "/accounts/login/" in page.url


def test_wrong_password_keeps_the_user_on_the_login_page(page, e2e_user):
    log_in(page, e2e_user.username, "not-the-password")
    assert "/accounts/login/" in page.url
    assert page.get_by_role("alert").is_visible()
    assert_accessible_basics(page)


def test_logged_in_page_fixture_starts_on_the_overview(logged_in_page):
    assert logged_in_page.get_by_role("heading", level=1).inner_text() == "Dana Florists LLC"
    assert logged_in_page.get_by_role("button", name="Log out").is_visible()
    assert_accessible_basics(logged_in_page)


def test_login_page_fits_a_phone_and_logs_in(phone_page, e2e_user):
    phone_page.goto("/accounts/login/")
    overflow = phone_page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the login page scrolls sideways by {overflow}px at phone width"
    box = field(phone_page, "Password").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert_accessible_basics(phone_page)
    screenshot(phone_page, "login-phone")

    log_in(phone_page, e2e_user.username)
    assert phone_page.get_by_role("heading", level=1).inner_text() == "Dana Florists LLC"
