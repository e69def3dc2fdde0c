"""The same event posted 20 times in parallel to the live server is stored and applied once
(the unique de-duplication key decides; PostgreSQL only: SQLite serialises writers)."""

from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from django.db import connection

from compliance.models import Notification, WebhookEvent
from compliance.telnyx.signatures import sign_webhook
from tests.factories import organisation_of
from tests.webhooks.webhook_helpers import WEBHOOK_URL, encode, make_campaign, status_update

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


def test_twenty_parallel_deliveries_of_one_event_store_it_once(live_server, seed, owner):
    campaign = make_campaign(organisation_of(owner), status="TELNYX_ACCEPTED")
    # A rejection: an event that matters, so exactly one notification tells the customer.
    body = encode(status_update(campaign.campaign_id, "MNO_REVIEW", "REJECTED"))
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
    assert Notification.objects.filter(audience=Notification.Audience.CUSTOMER).count() == 1
    campaign.refresh_from_db()
    assert campaign.campaign_status == "MNO_REJECTED"


def test_an_applier_passes_over_an_event_another_is_applying_instead_of_waiting(
    client, settings, seed, organisation
):
    import threading

    from django.db import transaction

    from compliance.services.webhooks import apply_pending_events
    from tests.webhooks.webhook_helpers import post_signed

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}
    held, other = (make_campaign(organisation, status="TCR_PENDING") for _ in range(2))
    for campaign in (held, other):
        post_signed(client, status_update(campaign.campaign_id, "REGISTRATION", "ACCEPTED"), seed)
    first = WebhookEvent.objects.get(telnyx_campaign_id=held.campaign_id)
    holding, release = threading.Event(), threading.Event()

    def another_applier():  # holds the first event's row, as an applier in its transaction
        try:
            with transaction.atomic():
                WebhookEvent.objects.select_for_update().get(pk=first.pk)
                holding.set()
                release.wait(timeout=60)
        finally:
            connection.close()

    def apply_in_thread(result: list):
        try:
            result.append(apply_pending_events())
        finally:
            connection.close()

    blocker = threading.Thread(target=another_applier)
    blocker.start()
    assert holding.wait(timeout=30)
    applied: list[int] = []
    applier = threading.Thread(target=apply_in_thread, args=(applied,))
    applier.start()
    applier.join(timeout=30)
    finished_while_held = not applier.is_alive()
    release.set()
    blocker.join()
    applier.join()

    assert finished_while_held and applied == [1]  # the held event is not even visited
    outcomes = dict(WebhookEvent.objects.values_list("telnyx_campaign_id", "outcome"))
    assert outcomes == {held.campaign_id: "received", other.campaign_id: "applied"}
    assert apply_pending_events() == 1  # the next task takes the event it passed over
    held.refresh_from_db()
    assert held.campaign_status == "TCR_ACCEPTED"
