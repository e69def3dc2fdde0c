"""The harness itself: htmx and app.js load under the CSP, and the checks can fail."""

import pytest

from tests.e2e.helpers import assert_accessible_basics, assert_focus_on_first_error


def test_htmx_and_app_js_load_under_the_csp_without_console_errors(page, browser_errors):
    response = page.goto("/accounts/login/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self' 'nonce-" in csp
    assert page.evaluate("() => typeof htmx === 'object' && htmx.version").startswith("2.")
    app_js = page.locator("script[src$='/js/app.js']").get_attribute("src")
    assert page.request.get(app_js).ok
    page.wait_for_load_state("load")
    assert browser_errors == []


def test_a_csp_violation_is_reported_as_a_browser_error(page, browser_errors):
    page.goto("/accounts/login/")
    page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.injected = true";
          document.body.append(script);
        }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.injected") is None
    assert any("Content Security Policy" in error for error in browser_errors)
    browser_errors.clear()


def test_accessibility_check_rejects_an_unlabelled_field(page):
    page.goto("/accounts/login/")
    page.evaluate(
        "() => document.querySelector('form').append(Object.assign("
        "document.createElement('input'), {name: 'nickname'}))"
    )
    with pytest.raises(AssertionError, match="fields without a label"):
        assert_accessible_basics(page)


def test_accessibility_check_rejects_a_second_h1(page):
    page.goto("/accounts/login/")
    page.evaluate("() => document.body.append(document.createElement('h1'))")
    with pytest.raises(AssertionError, match="2 h1 elements"):
        assert_accessible_basics(page)


def test_focus_check_rejects_focus_left_elsewhere(page):
    page.goto("/accounts/signup/")
    with page.expect_navigation():
        page.get_by_role("button", name="Create account").click()
    assert assert_focus_on_first_error(page) == "username"
    page.get_by_role("button", name="Create account").focus()
    with pytest.raises(AssertionError, match="not on the first field with an error"):
        assert_focus_on_first_error(page, timeout_ms=300)
