"""An organisation's own Telnyx account (issue 22.6). Organisations without one use the
platform's account (TELNYX_API_KEY / the sandbox's default account), as before."""

import uuid

from django.conf import settings
from django.db import models

from compliance.sealed import seal, unseal

from .organisations import Organisation, OrgScoped


class TelnyxAccount(OrgScoped):
    """The API key (sealed at rest: compliance/sealed.py; only its last four characters are
    kept readable, for the screens), the webhook public key that verifies the events Telnyx
    sends for this account, and when the key was last checked. One per organisation."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.PROTECT, related_name="telnyx_account"
    )
    # In the account's own webhook URL (/webhooks/telnyx/<public_id>/): not a secret (the
    # signature is the authentication), only unguessable enough not to invite noise.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    label = models.CharField(max_length=100, blank=True)
    api_key_sealed = models.TextField()
    api_key_last4 = models.CharField(max_length=4)
    public_key = models.CharField(max_length=64)  # base64 of the 32-byte Ed25519 key
    connected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    connected_at = models.DateTimeField(auto_now_add=True)
    checked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.label or f"Telnyx account ending {self.api_key_last4}"

    @property
    def api_key(self) -> str:
        return unseal(self.api_key_sealed)

    @api_key.setter
    def api_key(self, value: str) -> None:
        self.api_key_sealed = seal(value)
        self.api_key_last4 = value[-4:]
