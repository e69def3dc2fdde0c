"""Test SMS: sent through the sandbox, whose message.sent / message.finalized webhooks
(captured over real HTTP) are applied with apply_message_event."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from compliance.models import PhoneNumber, TestMessage, TestMessageEvent
from compliance.services import messages, numbers
from compliance.services.numbers import NumberError

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def webhook_catcher(settings):
    """A loopback HTTP server standing in for the app's webhook receiver: it keeps bodies."""
    received: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers["content-length"])
            received.append(json.loads(self.rfile.read(length)))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.APP_BASE_URL = f"http://127.0.0.1:{server.server_address[1]}"
    yield received
    server.shutdown()


@pytest.fixture
def assigned_number(telnyx, organisation, make_profile, make_campaign):
    make_profile(2)
    numbers.sync_organisation(organisation, telnyx)
    number = PhoneNumber.objects.get(phone_number="+13125550000")
    numbers.assign_number(number, make_campaign(), telnyx)
    return numbers.refresh_number(number, telnyx)


def test_test_sms_records_the_delivery_webhooks(
    telnyx, organisation, owner, assigned_number, webhook_catcher
):
    message = messages.send_test_message(
        organisation, owner, assigned_number, "(312) 555-0199", "Hello", telnyx
    )
    assert message.to_number == "+13125550199" and message.telnyx_message_id
    assert [w["data"]["event_type"] for w in webhook_catcher] == [
        "message.sent",
        "message.finalized",
    ]
    assert webhook_catcher[0]["data"]["record_type"] == "event"
    assert webhook_catcher[0]["data"]["payload"]["id"] == message.telnyx_message_id
    for body in webhook_catcher + webhook_catcher:  # duplicates change nothing
        messages.apply_message_event(body)
    message.refresh_from_db()
    assert message.status == "delivered" and message.completed_at and message.sent_at
    assert list(message.events.values_list("event_type", "status")) == [
        ("message.sent", "sent"),
        ("message.finalized", "delivered"),
    ]


def test_delivery_webhooks_come_back_through_the_app_receiver(
    telnyx, organisation, owner, assigned_number, settings
):
    """End to end: the sandbox signs message.sent/.finalized to /webhooks/telnyx/ on the live
    server; the receiver verifies them and hands the payload to apply_message_event."""
    message = messages.send_test_message(
        organisation, owner, assigned_number, "+13125550199", "Hello", telnyx
    )
    message.refresh_from_db()
    assert message.status == "delivered"
    assert list(message.events.values_list("event_type", "status")) == [
        ("message.sent", "sent"),
        ("message.finalized", "delivered"),
    ]


def test_a_webhook_before_the_send_returns_is_attached_later(
    telnyx, organisation, owner, assigned_number, webhook_catcher
):
    pending = TestMessage.objects.create(
        organisation=organisation, from_number=assigned_number, to_number="+1", text="x"
    )
    body = {
        "data": {
            "event_type": "message.finalized",
            "id": "evt-1",
            "payload": {
                "id": "msg-1",
                "from": {"phone_number": "+13125550000"},
                "to": [{"phone_number": "+13125550199", "status": "delivered"}],
            },
            "record_type": "event",
        }
    }
    messages.apply_message_event(body)
    assert TestMessageEvent.objects.get().message is None
    pending.delete()
    messages.apply_message_event(
        {**body, "data": {**body["data"], "id": "evt-2", "payload": {"id": "other"}}}
    )
    assert TestMessageEvent.objects.count() == 1  # not ours, nothing pending: ignored


def test_reply_is_recorded_on_the_test_message(
    telnyx, organisation, owner, assigned_number, webhook_catcher
):
    message = messages.send_test_message(
        organisation, owner, assigned_number, "+13125550199", "Hi", telnyx
    )
    messages.apply_message_event(
        {
            "data": {
                "event_type": "message.received",
                "id": "evt-r",
                "payload": {
                    "id": "in-1",
                    "direction": "inbound",
                    "type": "SMS",
                    "text": "STOP",
                    "from": {"phone_number": "+13125550199"},
                    "to": [{"phone_number": "+13125550000"}],
                },
                "record_type": "event",
            }
        }
    )
    assert message.events.get(event_type="message.received").detail == "STOP"


def test_only_an_assigned_number_of_a_live_campaign_can_send(
    telnyx, organisation, owner, make_profile, assigned_number
):
    unassigned = PhoneNumber.objects.get(phone_number="+13125550001")
    with pytest.raises(NumberError, match="cannot send yet"):
        messages.send_test_message(organisation, owner, unassigned, "+13125550199", "x", telnyx)
    with pytest.raises(NumberError, match="not a valid phone number"):
        messages.send_test_message(organisation, owner, assigned_number, "12", "x", telnyx)


def test_test_sms_is_limited_per_organisation_with_a_clear_message(
    telnyx, organisation, owner, assigned_number
):
    from compliance import ratelimit
    from sandbox.models.numbers import Message

    limit = ratelimit.TEST_SMS_PER_ORGANISATION
    for _ in range(limit.limit):
        ratelimit.hit(limit, str(organisation.public_id))
    with pytest.raises(NumberError, match="sent 20 test messages in the last 60 minutes"):
        messages.send_test_message(organisation, owner, assigned_number, "+13125550199", "Hi")
    assert not TestMessage.objects.exists()
    assert not Message.objects.exists()  # nothing reached the sandbox
