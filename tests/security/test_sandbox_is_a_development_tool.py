"""Regression tests for the outside tester's finding 2 (issue 20): the sandbox is a development
tool. It needed no login, listed every organisation's sole proprietors, mobile numbers and OTP
PINs, accepted the default key `sandbox-key` (which read another organisation's EIN and
deactivated its campaign) and was routed even with a real Telnyx key. One test per point,
named for what now holds."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from compliance.models import Brand
from sandbox.models import ApiKey
from sandbox.models.brands import SandboxBrand, SandboxOtp
from sandbox.models.campaigns import SandboxCampaign
from tests.factories import organisation_of

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
API = "/sandbox/telnyx/v2/10dlc"
OLD_DEFAULT_KEY = "sandbox-key"
PRODUCTION_SECRET = "x" * 30 + "-Production-Secret-Key-0123456789abcdef"


def _env(**overrides) -> dict:
    """The environment of a fresh process: no Telnyx key, no permission, unless given."""
    drop = {"TELNYX_API_KEY", "TELNYX_PUBLIC_KEY", "TENDLC_ALLOW_SANDBOX_IN_PRODUCTION"}
    return {k: v for k, v in os.environ.items() if k not in drop} | overrides


def _run(code_or_args: list[str], **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *code_or_args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=_env(**env),
        timeout=120,
    )


def _sole_proprietor_with_a_pin(organisation, *, name: str, mobile: str, pin: str) -> SandboxOtp:
    """A sole proprietor brand of `organisation` at the sandbox, and the PIN it "texted"."""
    remote = SandboxBrand.objects.create(
        display_name=name, entity_type="SOLE_PROPRIETOR", country="US", status="OK"
    )
    Brand.objects.create(
        organisation=organisation,
        display_name=name,
        entity_type="SOLE_PROPRIETOR",
        brand_id=remote.brand_id,
    )
    return SandboxOtp.objects.create(
        brand=remote,
        pin=pin,
        pin_sms=f"{name}: your code is @OTP_PIN@",
        success_sms="Verified",
        mobile_phone=mobile,
    )


@pytest.fixture
def two_organisations_pins(organisation, outsider):
    ours = _sole_proprietor_with_a_pin(
        organisation, name="Jane Cakes", mobile="+13125550101", pin="481516"
    )
    theirs = _sole_proprietor_with_a_pin(
        organisation_of(outsider), name="Mallory Doe", mobile="+13125550199", pin="234242"
    )
    return ours, theirs


# -- point 1: routed only in sandbox mode ------------------------------------------------------
ROUTES_SEEN_WITH = """
import django
django.setup()
from django.urls import Resolver404, resolve
for path in ("/sandbox/", "/sandbox/telnyx/v2/10dlc/brand"):
    try:
        resolve(path)
        print(path, "routed")
    except Resolver404:
        print(path, "404")
"""


def test_with_a_real_telnyx_key_the_sandbox_is_not_routed():
    with_key = _run(
        ["-c", ROUTES_SEEN_WITH],
        DJANGO_SETTINGS_MODULE="compliance.settings",
        TELNYX_API_KEY="KEY-real-telnyx-key",
    )
    assert with_key.returncode == 0, with_key.stderr
    assert "/sandbox/ 404" in with_key.stdout
    assert "/sandbox/telnyx/v2/10dlc/brand 404" in with_key.stdout
    # Control: without a key (sandbox mode) both are routed.
    without = _run(["-c", ROUTES_SEEN_WITH], DJANGO_SETTINGS_MODULE="compliance.settings")
    assert without.returncode == 0, without.stderr
    assert "/sandbox/ routed" in without.stdout
    assert "/sandbox/telnyx/v2/10dlc/brand routed" in without.stdout


def test_outside_sandbox_mode_the_sandbox_views_answer_404(settings, reviewer_client):
    """The backstop behind the routing: a sandbox view reached outside sandbox mode is a 404."""
    api = Client(headers={"Authorization": f"Bearer {ApiKey.current().token}"})
    assert api.get(f"{API}/brand").status_code == 200  # control
    assert reviewer_client.get("/sandbox/").status_code == 200  # control
    settings.SANDBOX_MODE = False
    settings.TELNYX_API_KEY = "KEY-real-telnyx-key"
    assert api.get(f"{API}/brand").status_code == 404
    assert reviewer_client.get("/sandbox/").status_code == 404


# -- point 2: the page behind login, each organisation's PINs to its own members ---------------
def test_the_sandbox_page_needs_a_signed_in_user(two_organisations_pins):
    response = Client().get("/sandbox/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")


def test_a_member_sees_only_their_own_organisations_pins_with_the_mobile_masked(
    owner_client, two_organisations_pins
):
    page = owner_client.get("/sandbox/").content.decode()
    assert "Jane Cakes" in page and "481516" in page
    assert "0101" in page and "+13125550101" not in page  # own mobile number: masked
    assert "Mallory Doe" not in page
    assert "234242" not in page
    assert "0199" not in page


def test_staff_see_every_organisations_pins_with_the_mobiles_masked(
    reviewer_client, two_organisations_pins
):
    page = reviewer_client.get("/sandbox/").content.decode()
    assert "481516" in page and "234242" in page
    assert "Jane Cakes" in page and "Mallory Doe" in page
    assert "+13125550101" not in page and "+13125550199" not in page


def test_a_signed_in_user_without_an_organisation_sees_no_pin(two_organisations_pins):
    from django.contrib.auth.models import User

    client = Client()
    client.force_login(User.objects.create_user("nobody", "n@example.com", "x"))
    page = client.get("/sandbox/").content.decode()
    assert "481516" not in page and "234242" not in page
    assert "No PIN sent yet." in page


# -- point 3: the API key is random per installation; the old default is refused ---------------
def test_the_sandbox_api_key_is_random_per_installation_and_the_old_default_is_refused():
    token = ApiKey.current().token
    assert token != OLD_DEFAULT_KEY and len(token) >= 32
    assert ApiKey.current().token == token  # the same for every process of the installation
    ApiKey.objects.all().delete()
    assert ApiKey.current().token != token  # another installation: another key

    installation = Client(headers={"Authorization": f"Bearer {ApiKey.current().token}"})
    assert installation.get(f"{API}/brand").status_code == 200
    for wrong in (OLD_DEFAULT_KEY, token, ""):
        refused = Client(headers={"Authorization": f"Bearer {wrong}"}).get(f"{API}/brand")
        assert refused.status_code == 401, wrong


def test_an_old_default_key_row_is_refused_too():
    """An installation whose stored key is the old default (copied by hand) is still refused."""
    ApiKey.objects.update_or_create(pk=1, defaults={"token": OLD_DEFAULT_KEY})
    refused = Client(headers={"Authorization": f"Bearer {OLD_DEFAULT_KEY}"}).get(f"{API}/brand")
    assert refused.status_code == 401


def test_the_apps_client_sends_the_installation_key_by_itself(settings):
    from compliance.telnyx.client import get_client

    with get_client() as client:
        assert client.http.headers["Authorization"] == f"Bearer {ApiKey.current().token}"
    settings.TELNYX_API_KEY = "KEY-real-telnyx-key"
    settings.SANDBOX_MODE = False
    with get_client() as client:
        assert client.http.headers["Authorization"] == "Bearer KEY-real-telnyx-key"


@pytest.mark.django_db(transaction=True)
def test_the_app_talks_to_the_sandbox_with_the_installation_key(telnyx):
    """Over real HTTP, as `make run` does: the client's key is the one the sandbox accepts."""
    assert ApiKey.current().token != OLD_DEFAULT_KEY
    telnyx.list_brands()  # no 401


def test_the_api_key_is_shown_to_staff_and_hidden_from_customers(reviewer_client, owner_client):
    token = ApiKey.current().token
    assert token in reviewer_client.get("/sandbox/").content.decode()
    customer_page = owner_client.get("/sandbox/").content.decode()
    assert token not in customer_page
    assert "sandbox_key --api-key" in customer_page


def test_make_run_makes_the_key_through_sandbox_seed():
    from django.core.management import call_command

    ApiKey.objects.all().delete()
    call_command("sandbox_seed", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert ApiKey.objects.filter(pk=1).exists()
    assert "sandbox_seed" in (ROOT / "Makefile").read_text()


# -- point 4: sandbox mode with DEBUG=0 refuses to start unless explicitly allowed -------------
def test_sandbox_mode_with_debug_off_refuses_to_start_unless_allowed():
    production = {"DEBUG": "0", "SECRET_KEY": PRODUCTION_SECRET, "ALLOWED_HOSTS": "a.example"}
    refused = _run(["manage.py", "check"], **production)
    assert refused.returncode != 0
    assert "TELNYX_API_KEY must be set when DEBUG is off" in refused.stderr
    assert "TENDLC_ALLOW_SANDBOX_IN_PRODUCTION=1" in refused.stderr
    allowed = _run(["manage.py", "check"], **production, TENDLC_ALLOW_SANDBOX_IN_PRODUCTION="1")
    assert allowed.returncode == 0, allowed.stderr
    with_key = _run(["manage.py", "check"], **production, TELNYX_API_KEY="KEY-real-telnyx-key")
    assert with_key.returncode == 0, with_key.stderr


# -- point 5: the old default key no longer reaches another organisation's objects -------------
def test_the_old_default_key_cannot_read_or_deactivate_another_organisations_campaign(
    outsider, make_campaign
):
    theirs = make_campaign(organisation=organisation_of(outsider))
    remote_brand_id = theirs.brand.brand_id
    attacker = Client(headers={"Authorization": f"Bearer {OLD_DEFAULT_KEY}"})
    assert attacker.get(f"{API}/brand/{remote_brand_id}").status_code == 401
    assert attacker.delete(f"{API}/campaign/{theirs.campaign_id}").status_code == 401
    assert SandboxCampaign.objects.get(campaign_id=theirs.campaign_id).status == "ACTIVE"
    # Control: the installation's own key (which only the app and staff have) does deactivate.
    app = Client(headers={"Authorization": f"Bearer {ApiKey.current().token}"})
    assert app.delete(f"{API}/campaign/{theirs.campaign_id}").status_code == 200
    assert SandboxCampaign.objects.get(campaign_id=theirs.campaign_id).status == "EXPIRED"
