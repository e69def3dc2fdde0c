"""Helpers for the webhook tests: campaigns to aim events at, and signed deliveries."""

import json
import uuid

from compliance.models import Campaign
from compliance.telnyx.signatures import sign_webhook
from tests.factories import submitted_campaign

WEBHOOK_URL = "/webhooks/telnyx/"


def make_campaign(organisation, *, status="TCR_PENDING", campaign_id=None, **fields) -> Campaign:
    """A submitted campaign of a registered brand, in `status`."""
    if campaign_id:
        fields["campaign_id"] = campaign_id
    return submitted_campaign(organisation, status=status, **fields)


def status_update(campaign_id: str, type_: str, status: str, description: str = "") -> dict:
    """A flat campaignStatusUpdate, as the OpenAPI spec declares it."""
    return {
        "brandId": "B123",
        "campaignId": campaign_id,
        "cspId": "CSP1",
        "isTMobileRegistered": False,
        "type": type_,
        "status": status,
        "description": description or f"{type_} {status}",
    }


def envelope(event_type: str, payload: dict, *, event_id=None, attempt: int = 1) -> dict:
    return {
        "data": {
            "event_type": event_type,
            "id": event_id or str(uuid.uuid4()),
            "occurred_at": "2026-08-07T17:22:37.328+00:00",
            "payload": payload,
            "record_type": "event",
        },
        "meta": {"attempt": attempt, "delivered_to": "https://example.test/webhooks/telnyx/"},
    }


def encode(payload) -> bytes:
    return json.dumps(payload).encode()


def post_signed(client, payload_or_body, seed: str, *, timestamp: int | None = None):
    body = payload_or_body if isinstance(payload_or_body, bytes) else encode(payload_or_body)
    return client.post(
        WEBHOOK_URL,
        body,
        content_type="application/json",
        headers=sign_webhook(body, seed, timestamp),
    )
