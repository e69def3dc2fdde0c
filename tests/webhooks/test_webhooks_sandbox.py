"""Webhooks and reconciliation against the live sandbox, over real HTTP: the sandbox runs the
campaign's lifecycle and signs its webhooks; the app applies them, reads campaigns back when an
event's meaning is unclear, and heals missed webhooks by reconciliation."""

import io
import itertools
import threading
import time

import pytest
from django.core import mail
from django.core.management import call_command

from compliance.models import (
    Brand,
    Campaign,
    CampaignEvent,
    Notification,
    SubmissionState,
    WebhookEvent,
)
from compliance.services.reconcile import reconcile_all
from compliance.services.webhooks import replay_pending_events
from compliance.telnyx.signatures import generate_keypair
from sandbox import faults
from tests.factories import registered_brand, verified_brand
from tests.webhooks.webhook_helpers import envelope, post_signed

pytestmark = pytest.mark.django_db(transaction=True)

DEAD_URL = "http://127.0.0.1:9/webhooks/telnyx/"  # nothing listens: the webhook is dropped
GOOD_CONTENT = {
    "usecase": "CUSTOMER_CARE",
    "description": "Order updates for Alice Bakery customers: confirmations and pickup times.",
    "message_flow": "Customers opt in at checkout on alicebakery.example by ticking a box that "
    "is not pre-ticked; the terms and privacy policy are linked next to it.",
    "sample1": "Alice Bakery: your order 123 is ready for pickup. Reply STOP to opt out.",
    "sample2": "Alice Bakery: we are baking your cake now. Reply STOP to opt out.",
    "optout_keywords": "STOP",
    "subscriber_optout": True,
}


@pytest.fixture
def brand(telnyx, organisation) -> Brand:
    """Alice Bakery, registered at the sandbox; the app has not read its verification yet."""
    return registered_brand(organisation, verified_brand(telnyx), identity_status="")


def submit(telnyx, brand, webhook_url: str, **content) -> Campaign:
    """Submit a campaign to the sandbox, then record its id (as the campaign helper does)."""
    fields = GOOD_CONTENT | content
    answer = telnyx.submit_campaign(brand_id=brand.brand_id, webhook_url=webhook_url, **fields)
    return Campaign.objects.create(
        organisation=brand.organisation,
        brand=brand,
        usecase=fields["usecase"],
        submission_state=SubmissionState.SUBMITTED,
        campaign_id=answer.campaign_id,
        campaign_status=answer.campaign_status,
    )


def test_the_sandbox_lifecycle_reaches_the_app_by_signed_webhooks(
    telnyx, live_server, brand, teammate
):
    campaign = submit(telnyx, brand, f"{live_server.url}/webhooks/telnyx/")
    # The sandbox ran the whole lifecycle before answering: its webhooks came first.
    assert WebhookEvent.objects.filter(outcome=WebhookEvent.Outcome.UNKNOWN_CAMPAIGN).count() == 4
    assert campaign.campaign_status == "TCR_PENDING"

    assert replay_pending_events(campaign) == 4

    campaign.refresh_from_db()
    assert campaign.campaign_status == "MNO_PROVISIONED"
    webhook_types = list(
        campaign.events.filter(kind=CampaignEvent.Kind.WEBHOOK).values_list("event_type", flat=True)
    )
    assert webhook_types == ["REGISTRATION", "TELNYX_REVIEW", "MNO_REVIEW", "VERIFIED"]
    assert campaign.last_synced_at is not None  # VERIFIED was confirmed by a read-back
    assert campaign.telnyx_response["campaignStatus"] == "MNO_PROVISIONED"
    assert Notification.objects.filter(campaign=campaign).count() == 1  # live; not 4 (issue 19)
    assert {m.to[0] for m in mail.outbox} == {"alice@example.com", "bob@example.com"}


def test_a_rejection_is_read_back_with_its_reasons_and_reaches_the_reviewers(
    telnyx, live_server, brand, reviewer
):
    campaign = submit(telnyx, brand, f"{live_server.url}/webhooks/telnyx/", description="Cakes")

    replay_pending_events(campaign)  # REGISTRATION ACCEPTED, then TELNYX_REVIEW REJECTED

    campaign.refresh_from_db()
    assert campaign.campaign_status == "TELNYX_FAILED"
    reason = "T1: the description is too short to say what the campaign sends"
    assert campaign.failure_reasons == [reason]  # read back from Telnyx
    assert campaign.telnyx_response["campaignStatus"] == "TELNYX_FAILED"
    customer = Notification.objects.filter(audience=Notification.Audience.CUSTOMER).first()
    assert reason in customer.body
    reviewers = Notification.objects.get(audience=Notification.Audience.REVIEWERS)
    assert reviewers.campaign == campaign
    assert "rita@example.com" in {m.to[0] for m in mail.outbox}


def test_reconciliation_heals_a_dropped_webhook(telnyx, brand, teammate):
    campaign = submit(telnyx, brand, DEAD_URL)
    assert not WebhookEvent.objects.exists()  # every webhook was lost

    report = reconcile_all(client=telnyx)

    campaign.refresh_from_db()
    assert campaign.campaign_status == "MNO_PROVISIONED"
    assert f"campaign {campaign.campaign_id}: TCR_PENDING → MNO_PROVISIONED" in report.changes
    entry = campaign.events.get()
    assert (entry.kind, entry.from_status, entry.to_status) == (
        CampaignEvent.Kind.RECONCILE,
        "TCR_PENDING",
        "MNO_PROVISIONED",
    )
    assert Notification.objects.filter(campaign=campaign).count() == 1
    assert reconcile_all(client=telnyx).changes == []  # healed: nothing left to do


def test_reconcile_command_prints_what_changed(telnyx, brand):
    campaign = submit(telnyx, brand, DEAD_URL, description="Cakes")
    brand.status = "REGISTRATION_PENDING"
    brand.save()
    out = io.StringIO()

    call_command("reconcile", stdout=out)

    lines = out.getvalue().splitlines()
    assert f"brand {brand.brand_id}: REGISTRATION_PENDING/? → OK/VERIFIED" in lines
    assert f"campaign {campaign.campaign_id}: TCR_PENDING → TELNYX_FAILED" in lines
    assert lines[-1] == "Checked 1 brands and 1 campaigns: 2 changed, 0 errors."
    campaign.refresh_from_db()
    assert campaign.failure_reasons  # the reasons came back with the status


def test_reconciliation_rides_out_a_rate_limit(telnyx, brand, settings):
    campaign = submit(telnyx, brand, DEAD_URL)
    faults.inject("429", 1, path_contains="/10dlc/campaign/", method="GET", retry_after=1)

    report = reconcile_all(client=telnyx)

    assert report.errors == []
    campaign.refresh_from_db()
    assert campaign.campaign_status == "MNO_PROVISIONED"


def test_reconciliation_paces_its_calls_with_two_in_flight(telnyx, brand, settings):
    settings.RECONCILE_MIN_INTERVAL = 0.3
    settings.RECONCILE_CONCURRENCY = 2
    submit(telnyx, brand, DEAD_URL)
    submit(telnyx, brand, DEAD_URL)
    submit(telnyx, brand, DEAD_URL)
    starts, lock = [], threading.Lock()

    def timed(get):
        def call(*args, **kwargs):
            with lock:
                starts.append(time.monotonic())
            return get(*args, **kwargs)

        return call

    telnyx.get_brand, telnyx.get_campaign = timed(telnyx.get_brand), timed(telnyx.get_campaign)

    report = reconcile_all(client=telnyx)

    assert (report.brands_checked, report.campaigns_checked, report.errors) == (1, 3, [])
    gaps = [later - earlier for earlier, later in itertools.pairwise(sorted(starts))]
    assert len(gaps) == 3 and min(gaps) >= 0.29  # four calls, each start 0.3 s after the last


def test_one_failing_read_back_is_reported_and_the_others_still_heal(telnyx, brand):
    first = submit(telnyx, brand, DEAD_URL)
    second = submit(telnyx, brand, DEAD_URL)
    faults.inject("500", 1, path_contains=f"/10dlc/campaign/{first.campaign_id}", method="GET")

    report = reconcile_all(client=telnyx)

    assert len(report.errors) == 1 and first.campaign_id in report.errors[0]
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.campaign_status, second.campaign_status) == ("TCR_PENDING", "MNO_PROVISIONED")


def test_a_failed_read_back_marks_the_event_failed_and_reconciliation_heals_it(
    telnyx, live_server, client, settings, brand
):
    seed, settings.TELNYX_PUBLIC_KEY = generate_keypair()
    campaign = submit(telnyx, brand, DEAD_URL, description="Cakes")  # Telnyx: TELNYX_FAILED
    faults.inject("500", 1, path_contains="/10dlc/campaign/", method="GET")
    payload = {"campaignId": campaign.campaign_id, "type": "TCR_EVENT", "status": "failed"}

    assert post_signed(client, payload, seed).status_code == 200

    event = WebhookEvent.objects.get()
    assert event.outcome == WebhookEvent.Outcome.FAILED
    assert "reconciliation will retry" in event.error
    assert campaign.events.get().event_type == "TCR_EVENT"  # still in the timeline
    reconcile_all(client=telnyx)
    campaign.refresh_from_db()
    assert campaign.campaign_status == "TELNYX_FAILED"


def test_a_brand_event_reads_the_brand_back(telnyx, client, settings, brand, teammate):
    seed, settings.TELNYX_PUBLIC_KEY = generate_keypair()
    Brand.objects.filter(pk=brand.pk).update(status="REGISTRATION_PENDING", identity_status="")
    payload = envelope(
        "10dlc.brand.update",
        {
            "brandId": brand.brand_id,
            "description": "Brand is added",
            "eventType": "BRAND_ADD",
            "status": "success",
            "type": "TCR_BRAND_UPDATE",
        },
    )

    assert post_signed(client, payload, seed).status_code == 200

    brand.refresh_from_db()
    assert (brand.status, brand.identity_status) == ("OK", "VERIFIED")
    assert WebhookEvent.objects.get().outcome == WebhookEvent.Outcome.APPLIED
    notification = Notification.objects.get(brand=brand)
    assert "registered and verified" in notification.body


def test_a_brand_event_for_an_unknown_brand_is_stored_as_unknown(client, settings, db):
    seed, settings.TELNYX_PUBLIC_KEY = generate_keypair()
    payload = envelope("10dlc.brand.update", {"brandId": "nobody", "type": "REGISTRATION"})

    post_signed(client, payload, seed)

    event = WebhookEvent.objects.get()
    assert (event.outcome, event.telnyx_brand_id) == (
        WebhookEvent.Outcome.UNKNOWN_CAMPAIGN,
        "nobody",
    )
