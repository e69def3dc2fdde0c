import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Production talks to real Telnyx: sandbox mode with DEBUG=0 refuses to start
# (tests/security/test_sandbox_is_a_development_tool.py).
PRODUCTION_TELNYX_KEY = "KEY-production-placeholder"


def _manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )


def test_production_settings_pass_check_deploy():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="x" * 30 + "-Production-Secret-Key-0123456789abcdef",
        ALLOWED_HOSTS="app.example.com",
        TELNYX_API_KEY=PRODUCTION_TELNYX_KEY,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**env, "DEBUG": "0"},
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


PRODUCTION_RESPONSE = """
import json
import django
django.setup()
from django.test import Client, override_settings

# Static files are not collected for this check; the page's {% static %} needs no manifest.
storages = {"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
with override_settings(STORAGES=storages):
    client = Client(HTTP_HOST="app.example.com")
    plain = client.get("/accounts/login/")
    page = client.get("/accounts/login/", secure=True)
from django.conf import settings
print(json.dumps({
    "plain_status": plain.status_code,
    "plain_location": plain.headers.get("Location", ""),
    "status": page.status_code,
    "headers": dict(page.headers),
    "csrf_cookie_secure": bool(page.cookies["csrftoken"]["secure"]),
    "session_cookie_secure": settings.SESSION_COOKIE_SECURE,
    "session_cookie_httponly": settings.SESSION_COOKIE_HTTPONLY,
}))
"""


def test_production_responses_carry_the_security_headers():
    """A real page in production mode (DEBUG=0): HTTPS redirect, HSTS, no framing, a CSP that
    allows only this origin, a strict referrer policy, secure cookies."""
    import json

    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION_RESPONSE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "compliance.settings",
            "DEBUG": "0",
            "SECRET_KEY": "x" * 30 + "-Production-Secret-Key-0123456789abcdef",
            "ALLOWED_HOSTS": "app.example.com",
            "TELNYX_API_KEY": PRODUCTION_TELNYX_KEY,
        },
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["plain_status"] == 301
    assert seen["plain_location"] == "https://app.example.com/accounts/login/"
    assert seen["status"] == 200
    headers = seen["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    csp = dict(
        directive.strip().split(" ", 1)
        for directive in headers["Content-Security-Policy"].split(";")
    )
    assert csp["default-src"] == "'self'"
    assert csp["style-src"] == "'self'"
    assert csp["script-src"].startswith("'self' 'nonce-")  # htmx's own <script> carries the nonce
    assert csp["frame-ancestors"] == "'none'"
    assert csp["object-src"] == "'none'"
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert "unsafe-eval" not in headers["Content-Security-Policy"]
    assert seen["csrf_cookie_secure"] and seen["session_cookie_secure"]
    assert seen["session_cookie_httponly"]
