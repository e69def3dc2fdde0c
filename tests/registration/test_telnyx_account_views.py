"""The Telnyx account page (issue 22.6): the owner connects the organisation's own account,
sees only the key's last four characters and the account's webhook address, imports, and
disconnects after a confirmation. Teammates look; outsiders only ever reach their own."""

import pytest
from django.urls import reverse

from compliance.models import AccountImport, TelnyxAccount
from sandbox.models import SandboxAccount
from sandbox.seed_account import seed_existing_account

pytestmark = pytest.mark.django_db(transaction=True)

PAGE = reverse("telnyx_account")


@pytest.fixture
def sandbox_account(telnyx_sandbox, settings) -> SandboxAccount:
    settings.TELNYX_IMPORT_CALLS_PER_SECOND = 0
    account = SandboxAccount.open("Second")
    seed_existing_account(brands=1, campaigns_per_brand=1, numbers=0, account=account)
    return account


def _connect(client, sandbox_account, **overrides):
    data = {
        "label": "Our Telnyx",
        "api_key": sandbox_account.token,
        "public_key": sandbox_account.public_key_b64,
    } | overrides
    return client.post(PAGE, data)


def test_the_owner_connects_and_the_page_never_shows_the_key(
    owner_client, sandbox_account, organisation
):
    answer = _connect(owner_client, sandbox_account)
    assert answer.status_code == 302

    page = owner_client.get(PAGE).content.decode()
    account = TelnyxAccount.objects.get(organisation=organisation)
    assert sandbox_account.token not in page
    assert sandbox_account.token[-4:] in page
    assert f"/webhooks/telnyx/{account.public_id}/" in page
    assert "Our Telnyx" in page


def test_a_wrong_key_is_shown_in_words_on_the_form(owner_client, sandbox_account):
    answer = _connect(owner_client, sandbox_account, api_key="wrong-key-1234")
    page = answer.content.decode()
    assert answer.status_code == 200
    assert "Telnyx did not accept this API key" in page
    assert "wrong-key-1234" not in page  # the password field is not filled back
    assert not TelnyxAccount.objects.exists()


def test_a_teammate_may_look_but_not_connect(teammate_client, sandbox_account):
    assert teammate_client.get(PAGE).status_code == 200
    assert _connect(teammate_client, sandbox_account).status_code == 403
    assert teammate_client.post(reverse("telnyx_account_start_import")).status_code == 403
    assert not TelnyxAccount.objects.exists()


def test_an_outsider_never_sees_nor_changes_another_organisations_account(
    owner_client, outsider_client, sandbox_account, organisation
):
    _connect(owner_client, sandbox_account)
    owner_client.post(reverse("telnyx_account_start_import"))
    account = TelnyxAccount.objects.get(organisation=organisation)
    job = AccountImport.objects.get(organisation=organisation)

    page = outsider_client.get(PAGE).content.decode()
    assert str(account.public_id) not in page
    assert account.api_key_last4 not in page
    assert "Check and connect" in page  # their own organisation has none
    import_url = reverse("telnyx_account_import", args=[job.public_id])
    assert outsider_client.get(import_url).status_code == 404
    # Their disconnect reaches their own organisation (none connected), never this one.
    outsider_client.post(reverse("telnyx_account_disconnect"))
    assert TelnyxAccount.objects.filter(pk=account.pk).exists()


def test_import_then_disconnect_is_refused_while_the_campaign_is_live(
    owner_client, sandbox_account, organisation
):
    _connect(owner_client, sandbox_account)
    answer = owner_client.post(reverse("telnyx_account_start_import"))
    job = AccountImport.objects.get(organisation=organisation)
    assert answer["Location"] == reverse("telnyx_account_import", args=[job.public_id])
    progress = owner_client.get(answer["Location"]).content.decode()
    assert "Finished" in progress

    confirm = owner_client.get(reverse("telnyx_account_disconnect")).content.decode()
    assert "1 live campaign" in confirm
    owner_client.post(reverse("telnyx_account_disconnect"))
    assert TelnyxAccount.objects.filter(organisation=organisation).exists()


def test_disconnecting_after_the_confirmation(owner_client, sandbox_account, organisation):
    _connect(owner_client, sandbox_account)
    confirm = owner_client.get(reverse("telnyx_account_disconnect")).content.decode()
    assert "The API key is deleted from Tendlc" in confirm
    answer = owner_client.post(reverse("telnyx_account_disconnect"))
    assert answer.status_code == 302
    assert not TelnyxAccount.objects.exists()


def test_the_forms_carry_csrf_and_a_post_without_it_is_refused(owner, sandbox_account):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(owner)
    assert "csrfmiddlewaretoken" in strict.get(PAGE).content.decode()
    assert _connect(strict, sandbox_account).status_code == 403
    assert not TelnyxAccount.objects.exists()


def test_checking_again_says_when_telnyx_no_longer_accepts_the_key(
    owner_client, sandbox_account, organisation
):
    _connect(owner_client, sandbox_account)
    answer = owner_client.post(reverse("telnyx_account_check"), follow=True)
    assert "Telnyx accepted the key" in answer.content.decode()

    # The key was rolled in the Telnyx portal.
    SandboxAccount.objects.filter(pk=sandbox_account.pk).update(token="rolled-key")
    answer = owner_client.post(reverse("telnyx_account_check"), follow=True)
    assert "Telnyx did not accept this API key" in answer.content.decode()
