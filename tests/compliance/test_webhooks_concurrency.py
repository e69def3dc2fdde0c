"""The same event posted 20 times in parallel to the live server is stored and applied once
(the unique de-duplication key decides; PostgreSQL only: SQLite serialises writers)."""

from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from django.db import connection

from compliance.models import Notification, WebhookEvent
from compliance.telnyx.signatures import generate_keypair, sign_webhook
from tests.compliance.webhook_helpers import WEBHOOK_URL, encode, make_campaign, status_update

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


def test_twenty_parallel_deliveries_of_one_event_store_it_once(live_server, settings, owner):
    seed, settings.TELNYX_PUBLIC_KEY = generate_keypair()
    campaign = make_campaign(owner.membership.organisation, status="TELNYX_ACCEPTED")
    body = encode(status_update(campaign.campaign_id, "MNO_REVIEW", "ACCEPTED"))
    headers = sign_webhook(body, seed) | {"content-type": "application/json"}

    def deliver(_):
        return httpx.post(live_server.url + WEBHOOK_URL, content=body, headers=headers, timeout=30)

    with ThreadPoolExecutor(max_workers=20) as pool:
        responses = list(pool.map(deliver, range(20)))

    assert [r.status_code for r in responses] == [200] * 20
    results = sorted(r.json()["result"] for r in responses)
    assert results == ["accepted"] + ["duplicate"] * 19
    assert WebhookEvent.objects.count() == 1
    assert campaign.events.count() == 1
    assert Notification.objects.count() == 1
    campaign.refresh_from_db()
    assert campaign.campaign_status == "MNO_ACCEPTED"
