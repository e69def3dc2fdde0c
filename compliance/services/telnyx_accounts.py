"""An organisation's own Telnyx account (issue 22.6): connect it (the key checked with one
cheap read), check it again, disconnect it, and `client_for`, the one place that builds the
Telnyx client an organisation's work talks through.

    client_for(organisation)   # its own account's key, else the platform's (as before)
    connect(organisation, user, api_key=..., public_key=..., label=...)
    disconnect(account)        # refused while the organisation has live campaigns

An organisation without an account of its own keeps the platform account (TELNYX_API_KEY,
or the sandbox's default account) exactly as before.
"""

import logging
import threading

from django.db import transaction
from django.utils import timezone

from compliance import errors, lifecycle
from compliance.http import telnyx_webhook_url
from compliance.models import Brand, Campaign, MessagingProfile, Organisation, TelnyxAccount
from compliance.sealed import SealedUnreadable, sealing_configured
from compliance.telnyx.client import TelnyxClient, get_client
from compliance.telnyx.errors import TelnyxError
from compliance.telnyx.signatures import SignatureError, check_public_key

logger = logging.getLogger(__name__)

KEY_HINT = (
    "Copy the key again from the Telnyx portal (Account Settings, API Keys) and paste it whole."
)


class AccountRefused(errors.Refusal):
    """Why an account could not be connected, checked or disconnected, in plain words."""


def account_of(organisation: Organisation | int | None) -> TelnyxAccount | None:
    if organisation is None:
        return None
    organisation_id = organisation if isinstance(organisation, int) else organisation.pk
    return TelnyxAccount.objects.filter(organisation_id=organisation_id).first()


def client_for(organisation: Organisation | int | None, **overrides) -> TelnyxClient:
    """The Telnyx client for an organisation's work (an Organisation or its primary key; None
    for work that is no organisation's): its own account's key when it connected one, else
    the platform's. Every service and task builds its client here."""
    account = account_of(organisation)
    if account is None:
        return get_client(**overrides)
    try:
        api_key = account.api_key
    except SealedUnreadable:
        # Never fall back to the platform key: that would act in another Telnyx account.
        raise AccountRefused(
            "The stored Telnyx API key of this organisation cannot be read any more (the "
            "server's secret changed). Connect the account again on the Telnyx account page."
        ) from None
    return get_client(api_key=api_key, **overrides)


class ClientsByOrganisation:
    """Clients for the rows of many organisations at once (reconciliation): `platform` for
    organisations without an account of their own, one client per own account otherwise,
    made once and shared by the worker threads. The accounts are read when it is made, so the
    threads never query the database."""

    def __init__(self, platform: TelnyxClient, **overrides):
        self.platform = platform
        self.overrides = overrides
        self.accounts = {a.organisation_id: a for a in TelnyxAccount.objects.all()}
        self._own: dict[int, TelnyxClient] = {}
        self._lock = threading.Lock()

    def for_organisation(self, organisation_id: int) -> TelnyxClient:
        account = self.accounts.get(organisation_id)
        if account is None:
            return self.platform
        with self._lock:
            if organisation_id not in self._own:
                try:
                    api_key = account.api_key
                except SealedUnreadable:
                    raise AccountRefused(
                        f"The stored API key of organisation {organisation_id} cannot be read."
                    ) from None
                self._own[organisation_id] = get_client(api_key=api_key, **self.overrides)
            return self._own[organisation_id]

    def close(self) -> None:
        for client in self._own.values():
            client.close()


def webhook_url(account: TelnyxAccount) -> str:
    return telnyx_webhook_url(account.organisation)


def _check_key(api_key: str) -> None:
    """One cheap documented read (GET /10dlc/brand, one record per page) with the key."""
    with get_client(api_key=api_key, max_retries=1) as client:
        client.list_brands(records_per_page=1)


def connect_refusal(organisation: Organisation) -> str | None:
    """Why the organisation cannot connect an account of its own now; None when it can.

    The app does not record which Telnyx account each registration lives in: an organisation's
    work goes through one account. So an organisation whose brands or messaging profiles were
    made through Tendlc's own account cannot switch: read with another key they would look
    deleted at Telnyx (and a profile sync would drop their numbers)."""
    if TelnyxAccount.objects.filter(organisation=organisation).exists():
        return None  # replacing the key of the account already connected
    held = _held(organisation)
    if not held:
        return None
    return (
        f"{organisation} already has {held} registered through Tendlc's own Telnyx account. "
        "They live in that account, so Tendlc must keep using it for your organisation. To "
        "use your own Telnyx account, connect it from a new organisation (sign up again) "
        "before registering anything."
    )


def connect(
    organisation: Organisation, user, *, api_key: str, public_key: str, label: str = ""
) -> TelnyxAccount:
    """Check the key at Telnyx, validate the public key, then store the account (replacing
    the key of an account already connected). Raises AccountRefused with the reason."""
    api_key, public_key = api_key.strip(), public_key.strip()
    if not sealing_configured():
        raise AccountRefused(
            "This installation cannot store API keys yet: its operator must set "
            "TELNYX_ACCOUNTS_SECRET first."
        )
    field_errors: dict[str, list[str]] = {}
    if not api_key:
        field_errors["api_key"] = ["Paste the API key of your Telnyx account."]
    try:
        check_public_key(public_key)
    except SignatureError:
        field_errors["public_key"] = [
            "This is not a Telnyx public key: it is 44 characters of base64, shown in the "
            "Telnyx portal under Account Settings, Keys & Credentials, Public Key."
        ]
    if field_errors:
        raise AccountRefused("Check the highlighted fields.", field_errors)
    refusal = connect_refusal(organisation)
    if refusal:
        raise AccountRefused(refusal)
    try:
        _check_key(api_key)
    except TelnyxError as exc:
        words = errors.plain_words(exc, "check this API key", key_hint=KEY_HINT)
        raise AccountRefused(words, {"api_key": [words]}) from exc
    with transaction.atomic():
        account = (
            TelnyxAccount.objects.select_for_update().filter(organisation=organisation).first()
        )
        account = account or TelnyxAccount(organisation=organisation, connected_by=user)
        account.api_key = api_key
        account.public_key = public_key
        account.label = label.strip()[:100]
        account.checked_at = timezone.now()
        account.save()
    logger.info("organisation %s connected Telnyx account %s", organisation.pk, account.public_id)
    return account


def check(account: TelnyxAccount) -> TelnyxAccount:
    """Check the stored key again (one cheap read); raises AccountRefused in words."""
    try:
        with client_for(account.organisation, max_retries=1) as client:
            client.list_brands(records_per_page=1)
    except TelnyxError as exc:
        raise AccountRefused(
            errors.plain_words(exc, "reach your Telnyx account", key_hint=KEY_HINT)
        ) from exc
    account.checked_at = timezone.now()
    account.save(update_fields=["checked_at"])
    return account


def _held(organisation: Organisation) -> str:
    """What the organisation holds at Telnyx, in words ("" when nothing)."""
    brands = Brand.objects.filter(organisation=organisation, brand_id__isnull=False).count()
    profiles = MessagingProfile.objects.filter(organisation=organisation).count()
    live = Campaign.objects.filter(
        organisation=organisation, campaign_status__in=lifecycle.LIVE
    ).count()
    parts = [
        f"{brands} brand{'s' if brands != 1 else ''}" if brands else "",
        f"{live} live campaign{'s' if live != 1 else ''}" if live else "",
        f"{profiles} messaging profile{'s' if profiles != 1 else ''}" if profiles else "",
    ]
    return ", ".join(part for part in parts if part)


def disconnect_refusal(account: TelnyxAccount) -> str | None:
    """Why the account cannot be disconnected now, in plain words; None when it can. As for
    connecting: what was registered or imported through it lives in it, and Tendlc's own
    account would find none of it (brands and campaigns would look deleted, a profile sync
    would drop their numbers)."""
    held = _held(account.organisation)
    if held:
        return (
            f"{account.organisation} holds {held} in this Telnyx account. They live there, "
            "so Tendlc must keep using this account to follow and change them; it can be "
            "disconnected only while nothing is registered through it."
        )
    return None


def disconnect(account: TelnyxAccount) -> None:
    refusal = disconnect_refusal(account)
    if refusal:
        raise AccountRefused(refusal)
    logger.info(
        "organisation %s disconnected Telnyx account %s", account.organisation_id, account.public_id
    )
    account.delete()
