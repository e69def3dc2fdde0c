"""POST /webhooks/telnyx/ end to end, with real Ed25519 signatures."""

import time

import pytest
from django.core import mail

from compliance.models import CampaignEvent, Notification, WebhookEvent
from compliance.telnyx.signatures import generate_keypair, sign_webhook
from tests.webhooks.webhook_helpers import (
    WEBHOOK_URL,
    encode,
    envelope,
    make_campaign,
    post_signed,
    status_update,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(organisation, teammate):
    return make_campaign(organisation, status="TELNYX_ACCEPTED")


def test_a_signed_status_update_is_stored_then_moves_the_campaign(client, seed, campaign):
    payload = status_update(campaign.campaign_id, "MNO_REVIEW", "ACCEPTED", "Carriers approved")

    response = post_signed(client, payload, seed)

    assert response.status_code == 200
    assert response.json() == {"result": "accepted"}
    event = WebhookEvent.objects.get()
    assert event.kind == "campaignStatusUpdate"
    assert event.raw_body == encode(payload).decode()
    assert event.dedup_key.startswith("sha256:")
    assert set(event.headers) >= {"telnyx-timestamp", "telnyx-signature-ed25519"}
    assert abs(event.signed_at.timestamp() - time.time()) < 60
    assert event.telnyx_campaign_id == campaign.campaign_id
    assert (event.outcome, event.campaign) == (WebhookEvent.Outcome.APPLIED, campaign)
    campaign.refresh_from_db()
    assert campaign.campaign_status == "MNO_ACCEPTED"
    assert campaign.status_changed_at is not None
    entry = campaign.events.get()
    assert (entry.kind, entry.event_type, entry.event_status) == (
        CampaignEvent.Kind.WEBHOOK,
        "MNO_REVIEW",
        "ACCEPTED",
    )
    assert (entry.from_status, entry.to_status) == ("TELNYX_ACCEPTED", "MNO_ACCEPTED")
    assert entry.description == "Carriers approved"
    assert entry.webhook_event == event


def test_the_organisation_is_notified_in_app_and_by_email(
    client, seed, campaign, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_signed(client, status_update(campaign.campaign_id, "MNO_REVIEW", "REJECTED"), seed)

    notification = Notification.objects.get(audience=Notification.Audience.CUSTOMER)
    assert notification.organisation == campaign.organisation
    assert notification.campaign == campaign
    assert "Rejected by the carriers" in notification.title
    assert "MNO_REJECTED" not in notification.title  # people read words, not codes
    customers = sorted(m.to[0] for m in mail.outbox if m.to[0] != "rita@example.com")
    assert customers == ["alice@example.com", "bob@example.com"]
    assert "a carrier rejected your campaign" in mail.outbox[0].body.lower()
    # The e-mail links to the campaign itself, not to the list of notifications.
    assert f"/campaigns/{campaign.public_id}/" in mail.outbox[0].body


def test_the_enveloped_campaign_event_is_applied_and_keyed_by_its_id(client, seed, campaign):
    payload = envelope(
        "10dlc.campaign.update",
        {"campaignId": campaign.campaign_id, "type": "MNO_REVIEW", "status": "ACCEPTED"},
        event_id="02d4f0e2-7a9d-4ebf-86b9-3df81e862d49",
    )

    assert post_signed(client, payload, seed).status_code == 200

    event = WebhookEvent.objects.get()
    assert event.kind == "10dlc.campaign.update"
    assert event.dedup_key == "id:02d4f0e2-7a9d-4ebf-86b9-3df81e862d49"
    campaign.refresh_from_db()
    assert campaign.campaign_status == "MNO_ACCEPTED"


def test_the_sandbox_key_verifies_webhooks_when_no_public_key_is_configured(
    client, settings, campaign
):
    from sandbox.webhooks import signed_headers

    settings.TELNYX_PUBLIC_KEY = ""
    body = encode(status_update(campaign.campaign_id, "MNO_REVIEW", "ACCEPTED"))

    response = client.post(
        WEBHOOK_URL, body, content_type="application/json", headers=signed_headers(body)
    )

    assert response.status_code == 200
    campaign.refresh_from_db()
    assert campaign.campaign_status == "MNO_ACCEPTED"


def test_the_same_event_twice_is_stored_once_and_applied_once(client, seed, campaign):
    payload = status_update(campaign.campaign_id, "MNO_REVIEW", "ACCEPTED")

    first = post_signed(client, payload, seed)
    second = post_signed(client, payload, seed)

    assert (first.status_code, second.status_code) == (200, 200)
    assert second.json() == {"result": "duplicate"}
    assert WebhookEvent.objects.count() == 1
    assert campaign.events.count() == 1
    assert Notification.objects.count() == 0  # an acceptance on the way: timeline only


def test_a_redelivery_with_the_same_data_id_is_a_duplicate(client, seed, campaign):
    payload = {"campaignId": campaign.campaign_id, "type": "MNO_REVIEW", "status": "ACCEPTED"}
    post_signed(client, envelope("10dlc.campaign.update", payload, event_id="ev-1"), seed)

    again = envelope("10dlc.campaign.update", payload, event_id="ev-1", attempt=2)
    response = post_signed(client, again, seed)

    assert response.json() == {"result": "duplicate"}
    assert WebhookEvent.objects.count() == 1
    assert campaign.events.count() == 1


def test_a_stale_event_never_moves_a_live_campaign_backwards(client, seed, organisation):
    live = make_campaign(organisation, status="MNO_PROVISIONED")

    post_signed(client, status_update(live.campaign_id, "REGISTRATION", "ACCEPTED"), seed)

    live.refresh_from_db()
    assert live.campaign_status == "MNO_PROVISIONED"
    entry = live.events.get()  # still in the timeline
    assert (entry.event_type, entry.from_status, entry.to_status) == (
        "REGISTRATION",
        "MNO_PROVISIONED",
        "MNO_PROVISIONED",
    )
    assert WebhookEvent.objects.get().outcome == WebhookEvent.Outcome.IGNORED
    assert not Notification.objects.exists()


def test_events_out_of_order_end_in_the_most_advanced_status(client, seed, campaign):
    for type_ in ("MNO_REVIEW", "REGISTRATION", "TELNYX_REVIEW"):
        post_signed(client, status_update(campaign.campaign_id, type_, "ACCEPTED"), seed)

    campaign.refresh_from_db()
    assert campaign.campaign_status == "MNO_ACCEPTED"
    assert campaign.events.count() == 3


def test_an_event_for_an_unknown_campaign_is_stored_and_reported(client, seed, organisation):
    response = post_signed(client, status_update("not-ours", "MNO_REVIEW", "ACCEPTED"), seed)

    assert response.status_code == 200
    event = WebhookEvent.objects.get()
    assert event.outcome == WebhookEvent.Outcome.UNKNOWN_CAMPAIGN
    assert event.telnyx_campaign_id == "not-ours"
    assert "not-ours" in event.note
    assert not CampaignEvent.objects.exists()


def test_an_unknown_event_type_is_stored_and_ignored(client, seed, campaign):
    payload = envelope("call.initiated", {"call_control_id": "v3:abc"})

    response = post_signed(client, payload, seed)

    assert response.status_code == 200
    event = WebhookEvent.objects.get()
    assert (event.kind, event.outcome) == ("call.initiated", WebhookEvent.Outcome.IGNORED)
    assert "call.initiated" in event.note
    campaign.refresh_from_db()
    assert campaign.campaign_status == "TELNYX_ACCEPTED"


def test_a_phone_number_event_lands_in_the_campaigns_timeline(client, seed, campaign):
    payload = envelope(
        "10dlc.phone_number.update",
        {
            "campaignId": campaign.campaign_id,
            "phoneNumber": "+13125550100",
            "type": "ASSIGNMENT",
            "status": "failed",
            "reasons": [{"fields": ["phoneNumber"], "description": "Number is not 10DLC"}],
        },
    )

    post_signed(client, payload, seed)

    entry = campaign.events.get()
    assert (entry.event_type, entry.event_status) == ("ASSIGNMENT", "failed")
    assert entry.description == "Number +13125550100: Number is not 10DLC"
    campaign.refresh_from_db()
    assert campaign.campaign_status == "TELNYX_ACCEPTED"


# Bad input: each answered without a 500, nothing stored, the campaign untouched. -----------


def _untouched(campaign) -> None:
    assert not WebhookEvent.objects.exists()
    assert not CampaignEvent.objects.exists()
    assert not Notification.objects.exists()
    campaign.refresh_from_db()
    assert campaign.campaign_status == "TELNYX_ACCEPTED"


def _body(campaign) -> bytes:
    return encode(status_update(campaign.campaign_id, "MNO_REVIEW", "ACCEPTED"))


def _tamper_headers(case: str, body: bytes, seed: str) -> tuple[bytes, dict]:
    now = int(time.time())
    good = sign_webhook(body, seed, now)
    signature, timestamp = good["telnyx-signature-ed25519"], good["telnyx-timestamp"]
    other_seed, _ = generate_keypair()
    cases = {
        "missing signature": (body, {"telnyx-timestamp": timestamp}),
        "missing timestamp": (body, {"telnyx-signature-ed25519": signature}),
        "timestamp not a number": (
            body,
            {"telnyx-timestamp": "soon", "telnyx-signature-ed25519": signature},
        ),
        "bad base64": (
            body,
            {"telnyx-timestamp": timestamp, "telnyx-signature-ed25519": "not*base64!"},
        ),
        "signature too short": (
            body,
            {"telnyx-timestamp": timestamp, "telnyx-signature-ed25519": "c2hvcnQ="},
        ),
        "wrong key": (body, sign_webhook(body, other_seed, now)),
        "tampered body": (body.replace(b"ACCEPTED", b"REJECTED"), good),
        "timestamp 301 s old": (body, sign_webhook(body, seed, now - 301)),
        # 302: the clock runs on between signing and checking, and `now` was rounded down.
        "timestamp 302 s ahead": (body, sign_webhook(body, seed, now + 302)),
        "signature of another timestamp": (
            body,
            {"telnyx-timestamp": str(now - 1), "telnyx-signature-ed25519": signature},
        ),
    }
    return cases[case]


@pytest.mark.parametrize(
    ("case", "status", "reason"),
    [
        ("missing signature", 400, "missing_signature"),
        ("missing timestamp", 400, "missing_timestamp"),
        ("timestamp not a number", 400, "bad_timestamp"),
        ("bad base64", 400, "bad_signature_encoding"),
        ("signature too short", 400, "bad_signature_length"),
        ("wrong key", 401, "invalid_signature"),
        ("tampered body", 401, "invalid_signature"),
        ("timestamp 301 s old", 401, "stale_timestamp"),
        ("timestamp 302 s ahead", 401, "future_timestamp"),
        ("signature of another timestamp", 401, "invalid_signature"),
    ],
)
def test_a_bad_signature_is_refused_with_its_reason_and_changes_nothing(
    client, seed, campaign, case, status, reason, caplog
):
    body, headers = _tamper_headers(case, _body(campaign), seed)

    response = client.post(WEBHOOK_URL, body, content_type="application/json", headers=headers)

    assert (response.status_code, response.json()) == (status, {"result": reason})
    assert f"webhook refused: {reason}" in caplog.text
    _untouched(campaign)


def test_a_timestamp_within_300_s_is_accepted(client, seed, campaign):
    # 290 s, not 299: ten seconds of slack for a busy machine.
    response = post_signed(client, _body(campaign), seed, timestamp=int(time.time()) - 290)

    assert response.status_code == 200


@pytest.mark.parametrize(
    "body",
    [b"not json", b'{"campaignId": ', b"\xff\xfe{}", b""],
    ids=["text", "truncated", "not utf-8", "empty"],
)
def test_a_signed_body_that_is_not_json_is_refused_and_not_stored(
    client, seed, campaign, body, caplog
):
    response = post_signed(client, body, seed)

    assert (response.status_code, response.json()) == (400, {"result": "malformed_body"})
    assert "malformed_body" in caplog.text
    _untouched(campaign)


@pytest.mark.parametrize(
    "payload",
    [
        [1, 2, 3],
        "a string",
        {},
        {"hello": "world"},
        {"campaignId": 42, "type": "MNO_REVIEW", "status": "ACCEPTED"},
        {"campaignId": "c1", "type": ["MNO_REVIEW"], "status": "ACCEPTED"},
        {"data": "x"},
        {"data": {"id": "e1", "payload": {}}},
        {"data": {"event_type": 7, "id": "e1"}},
        {"data": {"event_type": "10dlc.campaign.update", "id": 5, "payload": {}}},
        {"data": {"event_type": "10dlc.campaign.update", "id": "e1", "payload": []}},
        {"data": {"event_type": "10dlc.campaign.update", "payload": {"campaignId": {}}}},
        {"data": {"event_type": "message.sent\u0000", "id": "e1"}},
        {"data": {"event_type": "message.sent", "id": "e\u00001"}},
    ],
)
def test_signed_json_of_the_wrong_shape_is_refused_and_not_stored(client, seed, campaign, payload):
    response = post_signed(client, encode(payload), seed)

    assert response.status_code == 400
    _untouched(campaign)


def test_a_body_above_256_kb_is_refused_before_verification(client, seed, campaign):
    payload = status_update(campaign.campaign_id, "MNO_REVIEW", "ACCEPTED", "x" * 300_000)

    response = post_signed(client, payload, seed)  # validly signed, still too big

    assert (response.status_code, response.json()) == (413, {"result": "body_too_large"})
    _untouched(campaign)


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_another_method_than_post_is_refused(client, seed, campaign, method):
    response = getattr(client, method)(WEBHOOK_URL)

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    _untouched(campaign)


def test_an_unusable_configured_key_answers_503_so_telnyx_retries(client, settings, campaign):
    settings.TELNYX_PUBLIC_KEY = "not-a-key"
    seed, _ = generate_keypair()

    response = post_signed(client, _body(campaign), seed)

    assert response.status_code == 503
    _untouched(campaign)


def test_a_messaging_event_is_handed_to_the_test_message_records(client, seed, campaign):
    from compliance.models import TestMessageEvent

    payload = envelope(
        "message.received",
        {
            "id": "msg-1",
            "direction": "inbound",
            "type": "SMS",
            "text": "STOP",
            "from": {"phone_number": "+13125550199"},
            "to": [{"phone_number": "+13125550100", "status": "webhook_delivered"}],
        },
        event_id="evt-msg-1",
    )

    assert post_signed(client, payload, seed).status_code == 200

    event = WebhookEvent.objects.get()
    assert (event.kind, event.outcome) == ("message.received", WebhookEvent.Outcome.APPLIED)
    recorded = TestMessageEvent.objects.get(telnyx_event_id="evt-msg-1")
    assert (recorded.event_type, recorded.detail) == ("message.received", "STOP")
    assert not campaign.events.exists()
