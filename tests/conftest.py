"""Shared fixtures: an owner, a teammate, an outsider (another organisation) and a reviewer,
each with a logged-in client. The outsider proves tenancy in every view test."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.test import Client

from compliance import accounts
from compliance.models import Membership
from compliance.tenancy import REVIEWERS_GROUP

PASSWORD = "a-Long-pass-phrase-42"


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
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
def telnyx(telnyx_sandbox):
    """A Telnyx client talking to the sandbox (short timeouts and backoff for tests)."""
    from compliance.telnyx.client import get_client

    with get_client(timeout=2.0, backoff_base=0.01, backoff_max=0.05) as client:
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
    return owner.membership.organisation


@pytest.fixture
def teammate(owner) -> User:
    user = User.objects.create_user("bob", "bob@example.com", PASSWORD)
    Membership.objects.create(user=user, organisation=owner.membership.organisation)
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
    user = User.objects.create_user("rita", "rita@example.com", PASSWORD, is_staff=True)
    user.groups.add(group)
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
