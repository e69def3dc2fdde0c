"""Secrets stored at rest (an organisation's Telnyx API key): sealed with PyNaCl's SecretBox
(XSalsa20-Poly1305, a random nonce per value) under a key derived from
settings.TELNYX_ACCOUNTS_SECRET, so the database alone never reveals them.

    token = seal("KEY0123...")   # text for a column: base64 of nonce + ciphertext
    unseal(token)                # the original, or SealedUnreadable
"""

import base64
import binascii

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from nacl import encoding
from nacl import hash as nacl_hash
from nacl.exceptions import CryptoError
from nacl.secret import SecretBox

# A fixed context so the derived key is used for nothing else than these columns.
_PERSONALISATION = b"tendlc-accounts"


class SealedUnreadable(Exception):
    """A sealed value that the current secret cannot open (the secret changed, or the value
    was altered)."""


def sealing_configured() -> bool:
    return bool(settings.TELNYX_ACCOUNTS_SECRET)


def _box() -> SecretBox:
    secret = settings.TELNYX_ACCOUNTS_SECRET
    if not secret:
        raise ImproperlyConfigured(
            "TELNYX_ACCOUNTS_SECRET must be set to store organisations' Telnyx API keys."
        )
    key = nacl_hash.blake2b(
        secret.encode(),
        digest_size=SecretBox.KEY_SIZE,
        person=_PERSONALISATION,
        encoder=encoding.RawEncoder,
    )
    return SecretBox(key)


def seal(plain: str) -> str:
    return base64.b64encode(bytes(_box().encrypt(plain.encode()))).decode("ascii")


def unseal(token: str) -> str:
    try:
        return _box().decrypt(base64.b64decode(token, validate=True)).decode()
    except (CryptoError, binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise SealedUnreadable("the stored value cannot be opened with the current secret") from exc
