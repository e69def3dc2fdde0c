"""Signed webhook delivery, as Telnyx does it: Ed25519 over "{timestamp}|{raw body}"."""

import base64
import json
import logging
import time

import httpx

from sandbox.models import SandboxAccount, SigningKey

logger = logging.getLogger(__name__)


def signed_headers(
    body: bytes, timestamp: int | None = None, *, account: SandboxAccount | None = None
) -> dict[str, str]:
    """Signed with the account's own key (the default account's when `account` is None)."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    key = account.nacl_key if account is not None else SigningKey.current().nacl_key
    signature = key.sign(f"{timestamp}|".encode() + body).signature
    return {
        "telnyx-timestamp": str(timestamp),
        "telnyx-signature-ed25519": base64.b64encode(signature).decode(),
        "content-type": "application/json",
    }


def deliver(
    url: str, payload: dict, *, failover_url: str = "", account: SandboxAccount | None = None
) -> bool:
    """POST the payload to url (then failover_url); True when one answered 2xx."""
    body = json.dumps(payload, separators=(",", ":")).encode()
    for target in filter(None, (url, failover_url)):
        for _attempt in range(3):
            try:
                response = httpx.post(
                    target, content=body, headers=signed_headers(body, account=account), timeout=5
                )
            except httpx.HTTPError as exc:
                logger.warning("sandbox webhook to %s failed: %s", target, exc)
                continue
            if response.is_success:
                return True
            logger.warning("sandbox webhook to %s answered %s", target, response.status_code)
    return False
