"""Shared fixtures: an owner, a teammate, an outsider (another organisation) and a reviewer,
each with a logged-in client. The outsider proves tenancy in every view test."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.test import Client

from compliance import accounts
from compliance.models import Membership
from compliance.tenancy import REVIEWERS_GROUP
from tests import spec_contract
from tests.factories import organisation_of

PASSWORD = "a-Long-pass-phrase-42"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite the test database is a file, as deployed, not Django's in-memory default.

    The live server shares an in-memory database's single connection with all of its
    request threads: two requests at once (a browser's HTMX field check beside its form
    post, a bulk assignment's calls in flight) then break that connection ("bad parameter
    or other API misuse"). With a file every thread has its own connection, in WAL mode.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "test.db")


# --- The contract with Telnyx's spec (tests/spec_contract.py) ----------------------------------

_CONTRACT_TOTALS: dict = {}


@pytest.fixture(scope="session", autouse=True)
def telnyx_contract(request):
    """Every 10DLC exchange of the session, checked against 10dlc-openapi.json."""
    recorder = spec_contract.ContractRecorder()
    uninstall = spec_contract.install(recorder)
    yield recorder
    uninstall()
    counts = recorder.counts()
    workeroutput = getattr(request.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker: the controller adds the counts up
        workeroutput["telnyx_contract"] = counts
    else:
        spec_contract.merge(_CONTRACT_TOTALS, counts)


@pytest.fixture(autouse=True)
def _within_the_spec(request, telnyx_contract):
    """A test fails when a request it caused, or the answer to it, breaks the spec (a test
    marked spec_violation_on_purpose may send bad requests; the answers are still judged)."""
    start = len(telnyx_contract.exchanges)
    telnyx_contract.on_purpose = (
        request.node.get_closest_marker("spec_violation_on_purpose") is not None
    )
    yield
    telnyx_contract.on_purpose = False
    broken = telnyx_contract.since(start)
    if broken:
        pytest.fail(
            "Telnyx exchanges outside 10dlc-openapi.json:\n"
            + "\n".join(e.describe() for e in broken),
            pytrace=False,
        )


@pytest.hookimpl(optionalhook=True)  # an xdist hook: absent when the run is not distributed
def pytest_testnodedown(node, error):
    counts = getattr(node, "workeroutput", {}).get("telnyx_contract")
    if counts:
        spec_contract.merge(_CONTRACT_TOTALS, counts)


def pytest_terminal_summary(terminalreporter):
    lines = spec_contract.summary_lines(_CONTRACT_TOTALS)
    if lines:
        terminalreporter.section("Telnyx contract (10dlc-openapi.json)")
        for line in lines:
            terminalreporter.write_line(line)


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend", "QUEUES": []}
    }
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    settings.SANDBOX_STEP_SECONDS = 0  # the sandbox's lifecycle runs at once in tests
    settings.TELNYX_API_KEY = ""
    settings.TELNYX_PUBLIC_KEY = ""
    settings.SANDBOX_MODE = True


@pytest.fixture
def telnyx_sandbox(live_server, settings) -> str:
    """The app pointed at its own sandbox on the live server, over real HTTP; webhooks come
    back to the live server. Returns the Telnyx base URL."""
    settings.TELNYX_BASE_URL = f"{live_server.url}/sandbox/telnyx/v2"
    settings.APP_BASE_URL = live_server.url
    return settings.TELNYX_BASE_URL


@pytest.fixture
def sandbox_api_key(db) -> str:
    """The sandbox's bearer token: random per installation (sandbox.models.ApiKey), the one the
    app's client sends by itself in sandbox mode."""
    from sandbox.models import ApiKey

    return ApiKey.current().token


@pytest.fixture
def telnyx(telnyx_sandbox):
    """A Telnyx client talking to the sandbox (short backoff for tests; the timeout leaves room
    for the sandbox's immediate lifecycle on a loaded machine)."""
    from compliance.telnyx.client import get_client

    with get_client(timeout=15.0, backoff_base=0.01, backoff_max=0.05) as client:
        yield client


def _client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def owner(db) -> User:
    return accounts.sign_up(
        username="alice",
        email="alice@example.com",
        password=PASSWORD,
        organisation_name="Alice Bakery LLC",
    )


@pytest.fixture
def organisation(owner):
    return organisation_of(owner)


def verified_user(username: str, email: str, **extra) -> User:
    """A user whose e-mail address is verified (allauth signs in only those)."""
    from allauth.account.models import EmailAddress

    user = User.objects.create_user(username, email, PASSWORD, **extra)
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    return user


def give_authenticator(user: User) -> str:
    """Set up two-factor sign-in (an authenticator app, TOTP) for `user`, as reviewers and
    staff must before /review/ or /admin/ open; returns the secret (see `totp_code`)."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    user.totp_secret = secret
    return secret


def totp_code(secret: str, *, ahead: int = 0) -> str:
    """The code an authenticator app shows now for `secret` (`ahead` periods later)."""
    import time

    from allauth.mfa import app_settings as mfa_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    counter = int(time.time()) // mfa_settings.TOTP_PERIOD + ahead
    return format_hotp_value(hotp_value(secret, counter))


@pytest.fixture
def teammate(owner) -> User:
    user = verified_user("bob", "bob@example.com")
    Membership.objects.create(user=user, organisation=organisation_of(owner))
    return user


@pytest.fixture
def outsider(db) -> User:
    return accounts.sign_up(
        username="mallory",
        email="mallory@example.com",
        password=PASSWORD,
        organisation_name="Other Org Inc",
    )


@pytest.fixture
def reviewer(db) -> User:
    group, _ = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    group.permissions.add(Permission.objects.get(codename="review_campaigns"))
    user = verified_user("rita", "rita@example.com", is_staff=True)
    user.groups.add(group)
    give_authenticator(user)  # reviewers and staff must have two-factor sign-in
    return user


@pytest.fixture
def admin_user(db) -> User:
    """pytest-django's superuser (behind its `admin_client`), with two-factor sign-in as every
    staff account must have before /admin/ opens."""
    user = User.objects.create_superuser("admin", "admin@example.com", PASSWORD)
    give_authenticator(user)
    return user


@pytest.fixture
def owner_client(owner) -> Client:
    return _client_for(owner)


@pytest.fixture
def teammate_client(teammate) -> Client:
    return _client_for(teammate)


@pytest.fixture
def outsider_client(outsider) -> Client:
    return _client_for(outsider)


@pytest.fixture
def reviewer_client(reviewer) -> Client:
    return _client_for(reviewer)


# --- Reviewer console (compliance/review) ----------------------------------------------------

SUBMITTED_CAMPAIGN = {
    "usecase": "MARKETING",
    "description": "Alice Bakery sends weekly promotions, new menu items and event invitations "
    "to customers who opted in on our website or in store.",
    "message_flow": "Customers opt in on https://alicebakery.example/sms by entering their phone "
    "number and ticking an unchecked box: 'Yes, send me Alice Bakery offers by text. Up to 4 "
    "msgs/month. Msg & data rates may apply. Reply HELP for help, STOP to opt out. Privacy: "
    "https://alicebakery.example/privacy Terms: https://alicebakery.example/terms'",
    "sample1": "Alice Bakery: 20% off all croissants this weekend only! Show this text in store. "
    "Reply STOP to opt out.",
    "sample2": "Alice Bakery: our pumpkin pies are back! Order yours at "
    "https://alicebakery.example/pies. Reply STOP to end.",
    "optin_keywords": "START",
    "optin_message": "Alice Bakery: you're subscribed to offers. Up to 4 msgs/month. Msg & data "
    "rates may apply. Reply HELP for help, STOP to opt out.",
    "optout_keywords": "STOP,END,CANCEL,UNSUBSCRIBE,QUIT",
    "optout_message": "Alice Bakery: you have been unsubscribed and will no longer receive "
    "messages.",
    "help_keywords": "HELP,INFO",
    "help_message": "Alice Bakery: for help call (512) 555-0142 or email hello@alicebakery.example."
    " Reply STOP to opt out.",
    "embedded_link": True,
    "privacy_policy_link": "https://alicebakery.example/privacy",
    "terms_and_conditions_link": "https://alicebakery.example/terms",
}


@pytest.fixture
def make_submitted_campaign(db):
    """make(organisation, campaign_status=..., **fields): a brand and a campaign as they stand
    after submission to Telnyx (the rows only; no Telnyx call)."""
    import uuid

    from django.utils import timezone

    from compliance.models import Brand, Campaign, SubmissionState

    def make(organisation, *, campaign_status="TELNYX_FAILED", brand=None, **fields):
        if brand is None:
            brand = Brand.objects.create(
                organisation=organisation,
                submission_state=SubmissionState.SUBMITTED,
                entity_type="PRIVATE_PROFIT",
                display_name="Alice Bakery",
                company_name="Alice Bakery LLC",
                website="https://alicebakery.example",
                email="hello@alicebakery.example",
                phone="+15125550142",
                vertical="RETAIL",
                brand_id=str(uuid.uuid4()),
                identity_status="VERIFIED",
                status="OK",
            )
        values = {
            "submission_state": SubmissionState.SUBMITTED,
            "campaign_id": str(uuid.uuid4()),
            "campaign_status": campaign_status,
            "status_changed_at": timezone.now(),
            "submitted_at": timezone.now(),
            **SUBMITTED_CAMPAIGN,
            **fields,
        }
        return Campaign.objects.create(organisation=organisation, brand=brand, **values)

    return make


# -- numbers (messaging profiles, numbers, assignments) ------------------------------------------
@pytest.fixture
def make_campaign(organisation):
    """A campaign of the organisation and the sandbox campaign it stands for, same status."""
    from compliance.models import Brand, Campaign
    from sandbox.models.brands import SandboxBrand
    from sandbox.models.campaigns import SandboxCampaign

    def make(status="MNO_PROVISIONED", *, organisation=organisation, usecase="CUSTOMER_CARE"):
        entity = "SOLE_PROPRIETOR" if usecase == "SOLE_PROPRIETOR" else "PRIVATE_PROFIT"
        remote_brand = SandboxBrand.objects.create(
            display_name="Bakery", entity_type=entity, country="US", status="OK"
        )
        remote = SandboxCampaign.objects.create(
            brand=remote_brand, usecase=usecase, campaign_status=status
        )
        brand = Brand.objects.create(
            organisation=organisation,
            display_name="Bakery",
            entity_type=entity,
            brand_id=remote_brand.brand_id,
        )
        return Campaign.objects.create(
            organisation=organisation,
            brand=brand,
            usecase=usecase,
            campaign_id=remote.campaign_id,
            tcr_campaign_id=remote.tcr_campaign_id,
            campaign_status=status,
        )

    return make


@pytest.fixture
def make_profile(organisation):
    """A sandbox messaging profile with `count` numbers (+13125550000 upwards from `start`),
    claimed by the organisation (not yet synced)."""
    from compliance.services.numbers import claim_profile
    from sandbox.models.numbers import MessagingProfile as SandboxProfile
    from sandbox.models.numbers import PhoneNumber as SandboxNumber

    def make(count=5, *, start=0, organisation=organisation, name="Alerts"):
        remote = SandboxProfile.objects.create(name=name, whitelisted_destinations=["US"])
        SandboxNumber.objects.bulk_create(
            SandboxNumber(phone_number=f"+1312555{start + i:04d}", profile=remote)
            for i in range(count)
        )
        return claim_profile(organisation, remote.id, name)

    return make


@pytest.fixture(autouse=True)
def _bulk_concurrency_for_the_test_database(settings):
    """SQLite's shared in-memory test database locks whole tables under concurrent writers
    (no busy timeout), so bulk jobs send one number at a time there; PostgreSQL runs them
    with the configured thread pool."""
    from django.db import connection

    if connection.vendor == "sqlite":
        settings.NUMBERS_BULK_CONCURRENCY = 1


# --- Hardening: a fast password hasher in tests --------------------------------------------------
@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """PBKDF2's production cost (over a million iterations) is most of the time of a test that
    signs users up; the hasher is not what the tests prove."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
