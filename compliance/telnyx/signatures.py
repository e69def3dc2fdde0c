"""Telnyx webhook signatures (Ed25519), as described in ../shared/telnyx/WEBHOOKS.md.

Telnyx signs every webhook with the account's Ed25519 key. Two headers carry the proof
(header names are case-insensitive):

- ``telnyx-timestamp``: Unix time in seconds, as decimal text;
- ``telnyx-signature-ed25519``: base64 of the 64-byte signature of
  ``b"{timestamp header text}|" + raw request body``.

`verify_webhook` checks a request against the account's public key (base64 of 32 bytes) and
returns the timestamp, or raises `SignatureError` whose ``reason`` says exactly why it was
refused. The checks run in this order, so each request gets one precise reason:

1. ``bad_key``: the configured public key is not base64 or not 32 bytes (a configuration
   error: the caller should answer 5xx so Telnyx retries once it is fixed);
2. ``missing_signature`` / ``missing_timestamp``: a header is absent or blank;
3. ``bad_timestamp``: the timestamp is not a non-negative decimal integer;
4. ``stale_timestamp`` / ``future_timestamp``: it lies more than ``tolerance`` seconds
   before / after now (a difference of exactly ``tolerance`` is accepted, as in the SDKs);
5. ``bad_signature_encoding`` / ``bad_signature_length``: the signature is not strict
   base64 / does not decode to 64 bytes;
6. ``invalid_signature``: PyNaCl's verify refuses it (signatures are never compared with ==).

`sign_webhook`, `generate_keypair` and `public_key_for` are the signing side, for the local
stand-in of Telnyx (sandbox/) and for tests.

This module imports PyNaCl only (no Django): Django's ``request.headers`` is a Mapping and
works as ``headers`` unchanged, as does any plain dict.
"""

import base64
import binascii
import time
from collections.abc import Mapping
from enum import StrEnum

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

TIMESTAMP_HEADER = "telnyx-timestamp"
SIGNATURE_HEADER = "telnyx-signature-ed25519"
DEFAULT_TOLERANCE = 300
KEY_BYTES = 32
SIGNATURE_BYTES = 64


class Reason(StrEnum):
    MISSING_SIGNATURE = "missing_signature"
    MISSING_TIMESTAMP = "missing_timestamp"
    BAD_TIMESTAMP = "bad_timestamp"
    STALE_TIMESTAMP = "stale_timestamp"
    FUTURE_TIMESTAMP = "future_timestamp"
    BAD_KEY = "bad_key"
    BAD_SIGNATURE_ENCODING = "bad_signature_encoding"
    BAD_SIGNATURE_LENGTH = "bad_signature_length"
    INVALID_SIGNATURE = "invalid_signature"


class SignatureError(Exception):
    """A webhook was refused; ``reason`` (a `Reason`) says why."""

    def __init__(self, reason: Reason | str, detail: str = ""):
        self.reason = Reason(reason)
        self.detail = detail
        super().__init__(f"{self.reason}: {detail}" if detail else str(self.reason))


def verify_webhook(
    body: bytes,
    headers: Mapping[str, str],
    public_key_b64: str,
    *,
    tolerance: int = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> int:
    """Check a Telnyx webhook; return its timestamp or raise `SignatureError`.

    ``body`` is the raw request body exactly as received (``request.body``), never
    re-serialised JSON; ``now`` (Unix seconds) defaults to the current time.
    """
    raw_body = _raw_bytes(body)
    if tolerance < 0:
        raise ValueError("tolerance must be zero or positive")
    verify_key = VerifyKey(_decode_public_key(public_key_b64))

    signature_text = _header(headers, SIGNATURE_HEADER)
    if not signature_text:
        raise SignatureError(Reason.MISSING_SIGNATURE, f"no {SIGNATURE_HEADER} header")
    timestamp_text = _header(headers, TIMESTAMP_HEADER)
    if not timestamp_text:
        raise SignatureError(Reason.MISSING_TIMESTAMP, f"no {TIMESTAMP_HEADER} header")

    timestamp = _parse_timestamp(timestamp_text)
    current = time.time() if now is None else now
    if current - timestamp > tolerance:
        raise SignatureError(
            Reason.STALE_TIMESTAMP, f"{current - timestamp:.0f}s old, limit {tolerance}s"
        )
    if timestamp - current > tolerance:
        raise SignatureError(
            Reason.FUTURE_TIMESTAMP, f"{timestamp - current:.0f}s ahead, limit {tolerance}s"
        )

    signature = _decode_signature(signature_text)
    message = timestamp_text.encode("ascii") + b"|" + raw_body
    try:
        verify_key.verify(message, signature)
    except BadSignatureError:
        raise SignatureError(Reason.INVALID_SIGNATURE, "signature does not verify") from None
    return timestamp


def sign_webhook(
    body: bytes, signing_key: str | SigningKey, timestamp: int | None = None
) -> dict[str, str]:
    """The two headers Telnyx would send with ``body``, signed with ``signing_key``.

    ``signing_key`` is a `SigningKey` or the base64 of its 32-byte seed (see
    `generate_keypair`); ``timestamp`` defaults to now.
    """
    key = signing_key if isinstance(signing_key, SigningKey) else _signing_key(signing_key)
    timestamp_text = str(int(time.time()) if timestamp is None else int(timestamp))
    signed = key.sign(timestamp_text.encode("ascii") + b"|" + _raw_bytes(body))
    return {
        TIMESTAMP_HEADER: timestamp_text,
        SIGNATURE_HEADER: base64.b64encode(signed.signature).decode("ascii"),
    }


def generate_keypair() -> tuple[str, str]:
    """A fresh key pair as (base64 seed, base64 public key)."""
    key = SigningKey.generate()
    return _b64(bytes(key)), _b64(bytes(key.verify_key))


def public_key_for(seed_b64: str) -> str:
    """The base64 public key matching a base64 seed."""
    return _b64(bytes(_signing_key(seed_b64).verify_key))


def _raw_bytes(body: bytes) -> bytes:
    if isinstance(body, str):
        raise TypeError("pass the raw request body as bytes (request.body), not text")
    return bytes(body)


def _header(headers: Mapping[str, str], name: str) -> str:
    """The header's value, matching the name case-insensitively; "" when absent or blank."""
    for key, value in headers.items():
        if key.lower() == name:
            return (value or "").strip()
    return ""


def _parse_timestamp(text: str) -> int:
    # int() would also accept "+1", " 1", "1_000" or non-ASCII digits; Telnyx sends plain digits.
    if not (text.isascii() and text.isdigit()):
        raise SignatureError(Reason.BAD_TIMESTAMP, f"{text[:40]!r} is not an integer")
    if len(text) > 12:  # Unix seconds have 10 digits until the year 2286; more is hostile
        raise SignatureError(Reason.BAD_TIMESTAMP, f"{text[:40]!r} is not a Unix time")
    return int(text)


def check_public_key(public_key_b64: str) -> None:
    """Raise `SignatureError` (reason ``bad_key``) unless the text is a usable public key:
    base64 of 32 bytes, as the Telnyx portal shows it."""
    _decode_public_key(public_key_b64)


def _decode_public_key(public_key_b64: str) -> bytes:
    try:
        key = base64.b64decode(public_key_b64 or "", validate=True)
    except (binascii.Error, ValueError):
        raise SignatureError(Reason.BAD_KEY, "public key is not base64") from None
    if len(key) != KEY_BYTES:
        raise SignatureError(Reason.BAD_KEY, f"public key is {len(key)} bytes, not {KEY_BYTES}")
    return key


def _decode_signature(signature_b64: str) -> bytes:
    try:
        signature = base64.b64decode(signature_b64, validate=True)
    except (binascii.Error, ValueError):
        raise SignatureError(Reason.BAD_SIGNATURE_ENCODING, "signature is not base64") from None
    if len(signature) != SIGNATURE_BYTES:
        raise SignatureError(
            Reason.BAD_SIGNATURE_LENGTH,
            f"signature is {len(signature)} bytes, not {SIGNATURE_BYTES}",
        )
    return signature


def _signing_key(seed_b64: str) -> SigningKey:
    try:
        seed = base64.b64decode(seed_b64, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("signing key seed is not base64") from None
    if len(seed) != KEY_BYTES:
        raise ValueError(f"signing key seed is {len(seed)} bytes, not {KEY_BYTES}")
    return SigningKey(seed)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")
