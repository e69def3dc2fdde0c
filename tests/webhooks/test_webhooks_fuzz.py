"""Hypothesis throws arbitrary bytes and headers at the receiver: never a 500, and without a
valid signature never a stored event nor a campaign change."""

import json
import time

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.models import CampaignEvent, Notification, WebhookEvent
from compliance.telnyx.signatures import generate_keypair, sign_webhook
from tests.webhooks.webhook_helpers import WEBHOOK_URL, make_campaign

pytestmark = pytest.mark.django_db

SEED, PUBLIC_KEY = generate_keypair()

header_text = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=120)
signature_headers = st.fixed_dictionaries(
    {},
    optional={
        "telnyx-timestamp": st.one_of(
            header_text, st.integers(0, 2**40).map(str), st.just(str(int(time.time())))
        ),
        "telnyx-signature-ed25519": st.one_of(
            header_text, st.binary(min_size=64, max_size=64).map(lambda b: b.hex()[:88])
        ),
        "content-type": header_text,
        "x-anything": header_text,
    },
)
# Events whose meaning is clear (no read-back from Telnyx), for a known or unknown campaign.
events = st.builds(
    lambda cid, t, s: f'{{"campaignId": "{cid}", "type": "{t}", "status": "{s}"}}'.encode(),
    st.sampled_from(["CAMPAIGN-1", "other"]),
    st.sampled_from(["MNO_REVIEW", "REGISTRATION", "TELNYX_REVIEW"]),
    st.sampled_from(["ACCEPTED", "success"]),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["data", "id", "event_type", "payload", "campaignId", "type"])
            | st.text(max_size=8),
            children,
            max_size=4,
        )
    ),
    max_leaves=12,
).map(lambda value: json.dumps(value).encode())
bodies = st.one_of(
    st.binary(max_size=2048), st.text(max_size=500).map(str.encode), json_values, events
)
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def campaign(settings, organisation):
    settings.TELNYX_PUBLIC_KEY = PUBLIC_KEY
    return make_campaign(organisation, status="TCR_ACCEPTED", campaign_id="CAMPAIGN-1")


@FUZZ
@given(body=bodies, headers=signature_headers, method=st.sampled_from(["POST", "PUT", "GET"]))
def test_unsigned_or_badly_signed_requests_never_500_and_never_change_state(
    campaign, body, headers, method
):
    response = Client().generic(
        method, WEBHOOK_URL, body, content_type="application/json", headers=headers
    )

    assert response.status_code in {400, 401, 405, 413}
    assert not WebhookEvent.objects.exists()
    assert not CampaignEvent.objects.exists()
    assert not Notification.objects.exists()
    campaign.refresh_from_db()
    assert campaign.campaign_status == "TCR_ACCEPTED"


@FUZZ
@given(body=bodies)
def test_validly_signed_arbitrary_bodies_never_500(campaign, body):
    stored_before = WebhookEvent.objects.count()

    response = Client().post(
        WEBHOOK_URL, body, content_type="application/json", headers=sign_webhook(body, SEED)
    )

    assert response.status_code in {200, 400}
    if response.status_code == 400:
        assert WebhookEvent.objects.count() == stored_before
