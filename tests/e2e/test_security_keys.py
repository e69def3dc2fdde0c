"""A customer adds a security key (WebAuthn) as their second factor and signs in with it, in
a real browser: Chromium's virtual authenticator plays the key (it answers offline, as a key
on a keyring does)."""

import pytest
from allauth.mfa.models import Authenticator

from tests.conftest import PASSWORD
from tests.e2e.helpers import assert_accessible_basics, field, log_in


@pytest.fixture
def security_key(page):
    """A virtual security key plugged into this page's browser."""
    session = page.context.new_cdp_session(page)
    session.send("WebAuthn.enable")
    options = {
        "protocol": "ctap2",
        "transport": "usb",
        "hasResidentKey": True,
        "hasUserVerification": True,
        "isUserVerified": True,
    }
    session.send("WebAuthn.addVirtualAuthenticator", {"options": options})
    return session


def test_a_customer_adds_a_security_key_and_signs_in_with_it(page, owner, security_key, settings):
    settings.MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True  # the test server speaks plain HTTP
    log_in(page, owner.username)
    page.goto("/accounts/2fa/webauthn/add/")
    if "/accounts/reauthenticate/" in page.url:  # allauth asks for the password first
        field(page, "Password").fill(PASSWORD)
        with page.expect_navigation():
            page.get_by_role("button", name="Confirm").click()
    assert_accessible_basics(page)
    field(page, "Name").fill("My keyring key")
    with page.expect_navigation():
        page.locator("#mfa_webauthn_add").click()
    assert Authenticator.objects.filter(user=owner, type=Authenticator.Type.WEBAUTHN).exists()

    page.context.clear_cookies()  # a new sign-in: password, then the key
    page.goto("/accounts/login/")
    field(page, "Username or email").fill(owner.username)
    field(page, "Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Log in").click()
    assert "/accounts/2fa/authenticate/" in page.url
    with page.expect_navigation():
        page.locator("#mfa_webauthn_authenticate").click()
    assert "/accounts/" not in page.url or page.url.endswith("/accounts/")  # signed in
    page.goto("/accounts/")
    assert "Your account" in page.locator("h1").inner_text()
    assert "On (security key)" in page.locator("main").inner_text()
