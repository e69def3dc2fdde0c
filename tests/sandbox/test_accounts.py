"""The sandbox plays several Telnyx accounts (issue 22.6): each API key is its own account,
with its own brands, campaigns and number assignments and its own webhook key; the default
account is unchanged. Real HTTP to the live server's sandbox."""

import io

import httpx
import pytest
from django.core.management import call_command

from compliance.telnyx.client import get_client
from compliance.telnyx.errors import NotFound, Unauthorized
from compliance.telnyx.signatures import SignatureError, verify_webhook
from sandbox import webhooks
from sandbox.models import SandboxAccount, SigningKey
from sandbox.seed_account import seed_existing_account

pytestmark = pytest.mark.django_db(transaction=True)


def test_each_key_sees_only_its_own_account(telnyx_sandbox):
    other = SandboxAccount.open("Other")
    seed_existing_account(
        brands=2,
        campaigns_per_brand=1,
        numbers=4,
        prefix="Other",
        account=other,
        first_number=17745550000,  # a number is in one account only
    )
    seed_existing_account(brands=1, campaigns_per_brand=1, numbers=2, prefix="Default")

    with get_client(api_key=other.token) as theirs, get_client() as default:
        their_brands = [b.brand_id for b in theirs.iter_brands()]
        default_brands = [b.brand_id for b in default.iter_brands()]
        assert len(their_brands) == 2 and len(default_brands) == 1
        assert not set(their_brands) & set(default_brands)
        with pytest.raises(NotFound):
            default.get_brand(their_brands[0])
        [their_campaign] = list(theirs.iter_campaigns(their_brands[0]))
        with pytest.raises(NotFound):
            default.get_campaign(their_campaign.campaign_id)
        assert theirs.get_campaign(their_campaign.campaign_id).campaign_id
        their_numbers = {a.phone_number for a in theirs.all_phone_number_campaigns()}
        default_numbers = {a.phone_number for a in default.all_phone_number_campaigns()}
        assert len(their_numbers) == 4 and len(default_numbers) == 2


def test_an_unknown_key_is_refused(telnyx_sandbox):
    with get_client(api_key="no-such-account") as stranger, pytest.raises(Unauthorized):
        stranger.list_brands(records_per_page=1)


def test_each_account_signs_with_its_own_key():
    other = SandboxAccount.open()
    body = b'{"hello": "world"}'

    signed = webhooks.signed_headers(body, account=other)

    assert verify_webhook(body, signed, other.public_key_b64)
    with pytest.raises(SignatureError, match="invalid_signature"):
        verify_webhook(body, signed, SigningKey.current().public_key_b64)
    default = webhooks.signed_headers(body)
    with pytest.raises(SignatureError, match="invalid_signature"):
        verify_webhook(body, default, other.public_key_b64)


def test_the_command_opens_an_account_holding_registrations_and_prints_its_keys(
    telnyx_sandbox,
):
    out = io.StringIO()
    call_command("sandbox_account", "--label", "Second", "--brands", "1", stdout=out, stderr=out)

    account = SandboxAccount.objects.get(label="Second")
    assert f"API key:    {account.token}" in out.getvalue()
    assert f"Public key: {account.public_key_b64}" in out.getvalue()
    assert account.brands.count() == 1
    answer = httpx.get(
        f"{telnyx_sandbox}/10dlc/brand",
        headers={"Authorization": f"Bearer {account.token}"},
        timeout=10,
    )
    assert answer.json()["totalRecords"] == 1


def test_a_number_cannot_be_assigned_to_another_accounts_campaign(telnyx_sandbox):
    from compliance.telnyx.errors import ValidationFailed
    from sandbox.models.campaigns import SandboxCampaign
    from sandbox.models.numbers import PhoneNumber as SandboxNumber

    other = SandboxAccount.open()
    seed_existing_account(brands=1, campaigns_per_brand=1, numbers=0, account=other)
    [theirs] = SandboxCampaign.objects.filter(brand__account=other)
    SandboxNumber.objects.create(phone_number="+13125550777")  # the default account's
    SandboxNumber.objects.create(phone_number="+13125550778", account=other)

    with get_client() as default, pytest.raises(ValidationFailed, match="not found"):
        default.assign_number("+13125550777", theirs.campaign_id)
    with get_client(api_key=other.token) as own:
        with pytest.raises(ValidationFailed, match="not a number of this account"):
            own.assign_number("+13125550777", theirs.campaign_id)
        assert own.assign_number("+13125550778", theirs.campaign_id).campaign_id
    # Their assignment is read, moved and removed with their key only.
    with get_client() as default:
        for attempt in (
            lambda: default.get_number_assignment("+13125550778"),
            lambda: default.move_number("+13125550778", theirs.campaign_id),
            lambda: default.unassign_number("+13125550778"),
        ):
            with pytest.raises(NotFound):
                attempt()
    with get_client(api_key=other.token) as own:
        assert own.get_number_assignment("+13125550778").campaign_id == theirs.campaign_id


def test_messaging_profiles_and_numbers_are_the_accounts_own(telnyx_sandbox):
    from sandbox.models.numbers import PhoneNumber as SandboxNumber

    other = SandboxAccount.open()
    SandboxNumber.objects.create(phone_number="+13125550901", account=other)
    SandboxNumber.objects.create(phone_number="+13125550902")

    with get_client(api_key=other.token) as theirs, get_client() as default:
        profile = theirs.create_messaging_profile(name="Theirs", whitelisted_destinations=["US"])
        assert [p.id for p in theirs.all_messaging_profiles()] == [profile.id]
        assert profile.id not in [p.id for p in default.all_messaging_profiles()]
        with pytest.raises(NotFound):
            default.get_messaging_profile(profile.id)
        assert [n.phone_number for n in theirs.all_messaging_numbers()] == ["+13125550901"]
        assert "+13125550901" not in [n.phone_number for n in default.all_messaging_numbers()]
