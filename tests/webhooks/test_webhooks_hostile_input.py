"""Regression tests for the outside tester's findings on the webhook receiver (issue 20,
finding 9): hostile input is refused with a 400 and leaves no trace, never a 500."""

import base64

import pytest

from compliance.models import WebhookEvent
from compliance.telnyx.signatures import SIGNATURE_HEADER, TIMESTAMP_HEADER
from tests.webhooks.webhook_helpers import WEBHOOK_URL, post_signed

pytestmark = pytest.mark.django_db


def test_a_309_digit_timestamp_is_refused_as_malformed_not_a_500(client, seed):
    response = client.post(
        WEBHOOK_URL,
        b"{}",
        content_type="application/json",
        headers={
            TIMESTAMP_HEADER: "9" * 309,
            SIGNATURE_HEADER: base64.b64encode(b"x" * 64).decode(),
        },
    )
    assert response.status_code == 400
    assert not WebhookEvent.objects.exists()


def test_a_signed_body_with_a_lone_surrogate_is_refused_not_a_500(client, seed):
    body = (
        b'{"data": {"event_type": "10dlc.campaign.update", '
        b'"payload": {"campaignId": "C1", "description": "\\ud800"}}}'
    )
    response = post_signed(client, body, seed)
    assert response.status_code == 400
    assert not WebhookEvent.objects.exists()
