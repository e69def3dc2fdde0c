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


# -- the findings' inputs, fuzzed: every field of a signed event, and the signature headers ----
# (tests/security/hostile.py). Never a 500; a refused delivery stores nothing; an accepted one
# is applied to the end (processed, never FAILED half-way: nothing half-saved).
import json  # noqa: E402
import time  # noqa: E402

from django.test import Client  # noqa: E402
from hypothesis import HealthCheck, example, given  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from compliance.services.webhooks import apply_pending_events  # noqa: E402
from compliance.telnyx.signatures import generate_keypair, sign_webhook  # noqa: E402
from tests.security.hostile import HOSTILE_JSON_NUMBERS, HOSTILE_VALUES, hostile_text  # noqa: E402
from tests.webhooks.webhook_helpers import envelope, status_update  # noqa: E402

SEED, PUBLIC_KEY = generate_keypair()
EVENT_TYPES = ["10dlc.campaign.update", "10dlc.brand.update", "message.sent", "message.received"]
FUZZ = hypothesis_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# A JSON value as raw text: hostile strings (json.dumps writes a lone surrogate as its
# "\ud800" escape and NUL as "\u0000") or number literals json.dumps would never write.
raw_json_values = st.one_of(hostile_text.map(json.dumps), st.sampled_from(HOSTILE_JSON_NUMBERS))


def _event(campaign_id: str, event_type: str, raw: dict, envelope_raw: dict) -> bytes:
    """A signed-able event for `campaign_id` whose payload fields in `raw` and envelope
    fields in `envelope_raw` are the given raw JSON text."""
    document = envelope(event_type, status_update(campaign_id, "MNO_REVIEW", "ACCEPTED"))
    values = {}
    for where, fields in ((document["data"]["payload"], raw), (document["data"], envelope_raw)):
        for name, value in fields.items():
            placeholder = f"@@RAW-{len(values)}@@"
            where[name] = placeholder
            values[json.dumps(placeholder)] = value
    text = json.dumps(document)
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text.encode()


_payload_fields = st.dictionaries(
    st.sampled_from(["campaignId", "brandId", "type", "status", "description", "cspId"]),
    raw_json_values,
    min_size=1,
    max_size=4,
)
_envelope_fields = st.dictionaries(
    st.sampled_from(["event_type", "id", "occurred_at"]), raw_json_values, max_size=2
)


@pytest.fixture
def hostile_campaign(settings, make_campaign, telnyx_sandbox):
    """A campaign (in the app and at the live sandbox, which read-backs reach) the events are
    aimed at."""
    from sandbox.models.campaigns import SandboxCampaign

    settings.TELNYX_PUBLIC_KEY = PUBLIC_KEY
    campaign = make_campaign("TCR_ACCEPTED")
    # The content a read-back needs (the fixture's sandbox campaign has none).
    SandboxCampaign.objects.filter(campaign_id=campaign.campaign_id).update(
        attributes={
            "description": "Order updates for Bakery customers.",
            "subUsecases": [],
            "termsAndConditions": True,
        }
    )
    return campaign


@pytest.mark.django_db(transaction=True)
@FUZZ
@given(
    event_type=st.sampled_from(EVENT_TYPES),
    raw=_payload_fields,
    envelope_raw=_envelope_fields,
)
@example(event_type="10dlc.campaign.update", raw={"description": '"\\ud800"'}, envelope_raw={})
@example(event_type="10dlc.campaign.update", raw={"description": '"a\\u0000b"'}, envelope_raw={})
@example(event_type="10dlc.campaign.update", raw={"status": "9" * 5000}, envelope_raw={})
@example(event_type="10dlc.campaign.update", raw={"type": "1e309"}, envelope_raw={})
@example(event_type="10dlc.brand.update", raw={"brandId": "NaN"}, envelope_raw={})
@example(
    event_type="10dlc.campaign.update",
    raw={"description": json.dumps(HOSTILE_VALUES["10,000 characters"])},
    envelope_raw={"event_type": json.dumps(HOSTILE_VALUES["control characters"])},
)
def test_signed_events_with_hostile_values_never_500_and_are_applied_whole_or_not_stored(
    hostile_campaign, event_type, raw, envelope_raw
):
    body = _event(hostile_campaign.campaign_id, event_type, raw, envelope_raw)
    stored_before = WebhookEvent.objects.count()

    response = Client().post(
        WEBHOOK_URL, body, content_type="application/json", headers=sign_webhook(body, SEED)
    )

    assert response.status_code in {200, 400, 413}, body[:300]  # 413: above 256 KB
    if response.status_code != 200:
        assert WebhookEvent.objects.count() == stored_before
        return
    apply_pending_events()
    for event in WebhookEvent.objects.all():
        assert event.processed_at is not None, event.error
        assert event.outcome != WebhookEvent.Outcome.FAILED, (event.error, body[:300])


_hostile_timestamps = st.one_of(
    hostile_text,
    st.sampled_from(["-1", "1e309", "0x10", " 1", "١٢٣٤٥٦٧٨٩٠", "𝟏𝟐𝟑", "9" * 13]),
    st.integers(-(10**40), 10**40).map(str),
)


@pytest.mark.django_db
@FUZZ
@given(timestamp=_hostile_timestamps, signature=hostile_text)
def test_hostile_signature_headers_never_500_and_store_nothing(settings, timestamp, signature):
    settings.TELNYX_PUBLIC_KEY = PUBLIC_KEY
    body = _event("CAMPAIGN-1", "10dlc.campaign.update", {"description": '"x"'}, {})
    # Header values travel as latin-1 text: what an HTTP client can put on the wire.
    as_sent = {
        TIMESTAMP_HEADER: timestamp.encode("utf-8", "surrogatepass").decode("latin-1"),
        SIGNATURE_HEADER: signature.encode("utf-8", "surrogatepass").decode("latin-1"),
    }
    response = Client().post(WEBHOOK_URL, body, content_type="application/json", headers=as_sent)
    assert response.status_code in {400, 401}, (timestamp[:50], signature[:50])
    assert not WebhookEvent.objects.exists()


def test_a_unicode_digit_timestamp_is_refused_not_read_as_a_number(client, seed):
    """int() reads "١٢٣" as 123: a timestamp of non-ASCII digits is malformed, not a time."""
    arabic_indic = str(int(time.time())).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    body = b"{}"
    headers = sign_webhook(body, seed)
    headers[TIMESTAMP_HEADER] = arabic_indic
    response = client.post(WEBHOOK_URL, body, content_type="application/json", headers=headers)
    assert response.status_code == 400
    assert not WebhookEvent.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_signed_event_with_control_characters_and_a_huge_text_is_stored_and_applied(
    hostile_campaign,
):
    """The accepted side of the property above, for sure: storable hostile text is taken
    and applied to the end."""
    description = HOSTILE_VALUES["control characters"] + HOSTILE_VALUES["10,000 characters"]
    raw = {"description": json.dumps(description + HOSTILE_VALUES["line breaks"])}
    body = _event(hostile_campaign.campaign_id, "10dlc.campaign.update", raw, {})
    response = Client().post(
        WEBHOOK_URL, body, content_type="application/json", headers=sign_webhook(body, SEED)
    )
    assert response.status_code == 200
    apply_pending_events()
    event = WebhookEvent.objects.get()
    assert event.processed_at is not None
    assert event.outcome != WebhookEvent.Outcome.FAILED, event.error
