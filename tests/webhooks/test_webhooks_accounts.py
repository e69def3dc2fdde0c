"""Issue 22.6: webhooks of an organisation's own Telnyx account come to that account's URL,
are verified with its public key only, and change only that organisation's rows. Real
Ed25519 signatures made by the sandbox playing the accounts, delivered over real HTTP to the
live server."""

import httpx
import pytest

from compliance.http import telnyx_webhook_url
from compliance.models import Campaign, WebhookEvent
from compliance.services import adoption, telnyx_accounts
from sandbox import webhooks as sandbox_webhooks
from sandbox.models import SandboxAccount
from sandbox.models.campaigns import SandboxCampaign
from sandbox.seed_account import seed_existing_account
from tests import factories
from tests.webhooks.webhook_helpers import encode, status_update

pytestmark = pytest.mark.django_db(transaction=True)


def _account_holding_a_campaign(prefix: str) -> SandboxAccount:
    account = SandboxAccount.open(prefix)
    seed_existing_account(
        brands=1,
        campaigns_per_brand=1,
        numbers=0,
        prefix=prefix,
        account=account,
        first_number=17745550000 + account.pk * 1000,
    )
    return account


def _adopted(organisation, user, sandbox_account) -> Campaign:
    """The organisation connects the account and imports its campaign, which the test then
    sets back to awaiting the carriers (the app's row only; the sandbox's stays live)."""
    telnyx_accounts.connect(
        organisation,
        user,
        api_key=sandbox_account.token,
        public_key=sandbox_account.public_key_b64,
    )
    adoption.start_import(organisation, user)
    campaign = Campaign.objects.get(organisation=organisation)
    Campaign.objects.filter(pk=campaign.pk).update(campaign_status="MNO_PENDING")
    return campaign


@pytest.fixture
def accounts(telnyx_sandbox, settings, organisation, owner, outsider):
    settings.TELNYX_IMPORT_CALLS_PER_SECOND = 0
    first, second = _account_holding_a_campaign("First"), _account_holding_a_campaign("Second")
    ours = _adopted(organisation, owner, first)
    theirs = _adopted(factories.organisation_of(outsider), outsider, second)
    return first, second, ours, theirs


def _provisioned(campaign: Campaign) -> dict:
    return status_update(str(campaign.campaign_id), "VERIFIED", "ACCEPTED", "Campaign provisioned.")


def test_the_accounts_url_is_the_one_its_organisations_registrations_carry(accounts, organisation):
    url = telnyx_webhook_url(organisation)
    assert url.endswith(f"/webhooks/telnyx/{organisation.telnyx_account.public_id}/")


def test_an_event_signed_by_the_account_is_applied_to_its_organisation(accounts, organisation):
    first, _second, ours, _theirs = accounts

    delivered = sandbox_webhooks.deliver(
        telnyx_webhook_url(organisation), _provisioned(ours), account=first
    )

    assert delivered
    event = WebhookEvent.objects.get(campaign=ours)
    assert event.organisation_id == organisation.pk
    ours.refresh_from_db()
    assert ours.campaign_status == "MNO_PROVISIONED"


def test_an_event_signed_with_another_key_is_refused_on_the_accounts_url(
    accounts, organisation, live_server
):
    _first, second, ours, _theirs = accounts
    url = telnyx_webhook_url(organisation)
    for wrong in (second, None):  # another account's key, the platform's (sandbox) key
        body = encode(_provisioned(ours))
        headers = sandbox_webhooks.signed_headers(body, account=wrong)
        answer = httpx.post(url, content=body, headers=headers, timeout=10)
        assert answer.status_code == 401
        assert answer.json() == {"result": "invalid_signature"}
    assert not WebhookEvent.objects.exists()
    ours.refresh_from_db()
    assert ours.campaign_status == "MNO_PENDING"


def test_an_event_naming_another_organisations_campaign_is_ignored(
    accounts, organisation, outsider, caplog
):
    first, _second, _ours, theirs = accounts

    # Signed with the first account's key, on its URL, but naming the outsider's campaign.
    assert sandbox_webhooks.deliver(
        telnyx_webhook_url(organisation), _provisioned(theirs), account=first
    )

    theirs.refresh_from_db()
    assert theirs.campaign_status == "MNO_PENDING"
    event = WebhookEvent.objects.get()
    assert event.outcome == WebhookEvent.Outcome.IGNORED
    assert event.campaign is None
    assert "another organisation" in event.note
    assert "names a campaign of organisation" in caplog.text


def test_the_sandbox_signs_an_accounts_lifecycle_with_its_own_key(accounts, organisation):
    """The sandbox's own notifier (what its lifecycle sends) reaches the right URL and key."""
    first, _second, ours, _theirs = accounts
    sandbox_campaign = SandboxCampaign.objects.get(campaign_id=ours.campaign_id)
    sandbox_campaign.attributes["webhookURL"] = telnyx_webhook_url(organisation)
    sandbox_campaign.save()
    from sandbox.tasks.campaigns import notify

    assert notify(sandbox_campaign, "VERIFIED", "ACCEPTED", "Campaign provisioned.")
    ours.refresh_from_db()
    assert ours.campaign_status == "MNO_PROVISIONED"


def test_an_unknown_account_url_is_refused(live_server, db):
    answer = httpx.post(
        f"{live_server.url}/webhooks/telnyx/00000000-0000-0000-0000-000000000000/",
        content=b"{}",
        timeout=10,
    )
    assert answer.status_code == 404


def test_reconciliation_reads_each_organisation_with_its_own_account(accounts):
    """Both campaigns were set back to awaiting the carriers in the app; each lives in another
    sandbox account, invisible to the platform key: only their own keys find them live."""
    from compliance.services.reconcile import reconcile_all

    _first, _second, ours, theirs = accounts

    report = reconcile_all()

    assert report.errors == []
    for campaign in (ours, theirs):
        campaign.refresh_from_db()
        assert campaign.campaign_status == "MNO_PROVISIONED"


def test_a_message_event_about_another_organisations_number_is_ignored(
    accounts, organisation, outsider
):
    from tests.factories import phone_number
    from tests.webhooks.webhook_helpers import envelope

    first, _second, _ours, _theirs = accounts
    theirs = phone_number(factories.organisation_of(outsider), phone_number="+13125550999")
    finalized = envelope(
        "message.finalized",
        {
            "id": "msg-1",
            "from": {"phone_number": theirs.phone_number},
            "to": [{"phone_number": "+13125550100", "status": "delivered"}],
        },
    )

    assert sandbox_webhooks.deliver(telnyx_webhook_url(organisation), finalized, account=first)

    event = WebhookEvent.objects.get()
    assert event.outcome == WebhookEvent.Outcome.IGNORED
    assert "another organisation" in event.note
