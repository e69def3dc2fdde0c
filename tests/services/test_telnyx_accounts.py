"""Issue 22.6: an organisation's own Telnyx account, over real HTTP to the sandbox playing a
second account: the key is checked before it is stored, stored sealed, and every call of the
organisation's work goes out with it; organisations without one keep the platform account."""

import pytest
from django.db import connection

from compliance.models import Campaign, TelnyxAccount
from compliance.sealed import SealedUnreadable
from compliance.services import telnyx_accounts
from compliance.services.telnyx_accounts import AccountRefused, client_for
from compliance.telnyx.errors import NotFound
from sandbox.models import SandboxAccount
from sandbox.seed_account import seed_existing_account
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def second_account(telnyx_sandbox) -> SandboxAccount:
    """Another Telnyx account the sandbox plays, already holding one brand and campaign."""
    account = SandboxAccount.open("Second")
    seed_existing_account(
        brands=1, campaigns_per_brand=1, numbers=0, prefix="Second", account=account
    )
    return account


def _connect(organisation, owner, sandbox_account) -> TelnyxAccount:
    return telnyx_accounts.connect(
        organisation,
        owner,
        api_key=sandbox_account.token,
        public_key=sandbox_account.public_key_b64,
        label="Our Telnyx",
    )


def test_the_key_is_checked_at_telnyx_and_stored_sealed(second_account, organisation, owner):
    account = _connect(organisation, owner, second_account)

    assert account.api_key == second_account.token
    assert account.api_key_last4 == second_account.token[-4:]
    assert account.checked_at is not None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT api_key_sealed FROM compliance_telnyxaccount WHERE id = %s", [account.pk]
        )
        [stored] = cursor.fetchone()
    assert second_account.token not in stored
    assert second_account.token[:12] not in stored


def test_a_key_sealed_under_another_secret_is_never_used(
    second_account, organisation, owner, settings
):
    _connect(organisation, owner, second_account)
    settings.TELNYX_ACCOUNTS_SECRET = "another secret"
    with pytest.raises(SealedUnreadable):
        _ = TelnyxAccount.objects.get(organisation=organisation).api_key
    with pytest.raises(AccountRefused, match="cannot be read any more"):
        client_for(organisation)  # never the platform key instead


def test_a_wrong_key_is_refused_in_words_and_nothing_is_stored(second_account, organisation, owner):
    with pytest.raises(AccountRefused) as refused:
        telnyx_accounts.connect(
            organisation,
            owner,
            api_key="not-the-key",
            public_key=second_account.public_key_b64,
        )
    assert "Telnyx did not accept this API key" in refused.value.message
    assert refused.value.field_errors["api_key"]
    assert not TelnyxAccount.objects.exists()


def test_a_public_key_that_is_not_one_is_refused_before_any_call(
    second_account, organisation, owner
):
    with pytest.raises(AccountRefused) as refused:
        telnyx_accounts.connect(organisation, owner, api_key=second_account.token, public_key="abc")
    assert "44 characters" in refused.value.field_errors["public_key"][0]
    assert not TelnyxAccount.objects.exists()


def test_network_trouble_is_said_plainly(organisation, owner, settings, db):
    settings.TELNYX_BASE_URL = "http://127.0.0.1:9/v2"  # nothing listens
    account = SandboxAccount.open()
    with pytest.raises(AccountRefused, match="could not be reached"):
        _connect(organisation, owner, account)


def test_each_organisation_talks_with_its_own_account(
    second_account, organisation, owner, outsider
):
    _connect(organisation, owner, second_account)
    [theirs] = SandboxAccount.objects.get(pk=second_account.pk).brands.all()

    with client_for(organisation) as own:
        assert [b.brand_id for b in own.iter_brands()] == [theirs.brand_id]
    with client_for(factories.organisation_of(outsider)) as platform:
        assert theirs.brand_id not in [b.brand_id for b in platform.iter_brands()]
        with pytest.raises(NotFound):  # another account's brand is not there for this key
            platform.get_brand(theirs.brand_id)


def test_the_import_reads_the_organisations_own_account(
    second_account, organisation, owner, settings
):
    settings.TELNYX_IMPORT_CALLS_PER_SECOND = 0
    seed_existing_account(brands=2, campaigns_per_brand=1, numbers=0, prefix="Platform")
    from compliance.services import adoption

    _connect(organisation, owner, second_account)
    job = adoption.start_import(organisation, owner)
    job.refresh_from_db()

    assert job.count("brands", "added") == 1  # its own account's only, not the platform's 2
    [campaign] = Campaign.objects.filter(organisation=organisation)
    assert campaign.campaign_status == "MNO_PROVISIONED"


def test_disconnecting_is_refused_while_registrations_live_in_the_account(
    second_account, organisation, owner, settings
):
    settings.TELNYX_IMPORT_CALLS_PER_SECOND = 0
    from compliance.services import adoption

    account = _connect(organisation, owner, second_account)
    adoption.start_import(organisation, owner)
    with pytest.raises(AccountRefused, match="1 live campaign"):
        telnyx_accounts.disconnect(account)
    assert TelnyxAccount.objects.filter(pk=account.pk).exists()

    # Not live any more, its brand still lives in the account: still refused, said so.
    Campaign.objects.filter(organisation=organisation).update(campaign_status="TCR_EXPIRED")
    with pytest.raises(AccountRefused, match="holds 1 brand in this Telnyx account"):
        telnyx_accounts.disconnect(account)
    assert TelnyxAccount.objects.filter(pk=account.pk).exists()


def test_an_organisation_registered_through_the_platform_account_cannot_switch(
    second_account, organisation, owner
):
    from tests.factories import submitted_campaign

    submitted_campaign(organisation, status="MNO_PROVISIONED")  # its brand is registered too

    with pytest.raises(AccountRefused, match="Tendlc must keep using it") as refused:
        _connect(organisation, owner, second_account)
    assert "1 brand, 1 live campaign registered" in refused.value.message
    assert not TelnyxAccount.objects.exists()
