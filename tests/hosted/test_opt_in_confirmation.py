"""Issue 20, finding 14: the public opt-in form recorded consent for any number with no word
from that phone, so anyone could create consent records for anyone. Now the form stores a
request, the program's number texts the subscriber (POST /messages to the sandbox, over real
HTTP), and only their reply of YES or the program's keyword, delivered by the sandbox as a
signed message.received to the app's webhook receiver, confirms it; unconfirmed requests
expire."""

import json
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from compliance.models import OptInRecord, PhoneNumber, WebhookEvent
from compliance.models.hosted import disclosure_hash
from compliance.services import hosted, numbers
from sandbox.models.numbers import Message as SandboxMessage
from sandbox.tasks.numbers import receive_reply

pytestmark = pytest.mark.django_db(transaction=True)

SUBSCRIBER = "+15125550199"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()  # the opt-in form's rate limit lives in the shared cache
    yield
    cache.clear()


@pytest.fixture
def program(telnyx, organisation, make_profile, make_campaign):
    """A live campaign with one assigned number, and its brand's hosted pages switched on."""
    make_profile(2)
    numbers.sync_organisation(organisation, telnyx)
    number = PhoneNumber.objects.get(phone_number="+13125550000")
    campaign = make_campaign()
    campaign.optin_keywords = "START,JOIN"
    campaign.save(update_fields=["optin_keywords"])
    numbers.assign_number(number, campaign, telnyx)
    numbers.refresh_number(number, telnyx)
    hosted.ensure_hosted_pages(campaign.brand)
    return campaign


def _sign_up(program, phone: str = "(512) 555-0199"):
    client = Client()
    url = reverse("hosted_opt_in", args=[program.brand.hosted_pages.slug])
    page = client.get(url)
    digest = disclosure_hash(page.context["program"].disclosure)
    response = client.post(url, {"phone": phone, "consent": "on", "disclosure_sha256": digest})
    assert response.status_code == 302
    return page, client.get(response["Location"])


def test_finding14_the_form_alone_creates_no_confirmed_consent_and_texts_the_subscriber(program):
    page, done = _sign_up(program)

    assert "reply <strong>YES</strong>" in page.content.decode()
    words = done.content.decode()
    assert "Reply YES" in words and "(or START, JOIN)" in words
    assert "not signed up" in words and "24 hours" in words
    record = OptInRecord.objects.get()
    assert record.state == OptInRecord.State.WAITING and not record.is_confirmed
    assert not hosted.confirmed_consents().exists()
    # The program's own number texted the subscriber, through Telnyx's POST /messages.
    [sent] = SandboxMessage.objects.filter(to_number=SUBSCRIBER)
    assert sent.from_number == "+13125550000" == record.confirmation_from
    assert "reply YES to confirm" in sent.text and sent.text == record.confirmation_text
    assert record.confirmation_message_id == sent.id and record.confirmation_sent_at


def test_finding14_a_signed_yes_from_that_phone_confirms_it_with_the_reply_as_evidence(program):
    _sign_up(program)

    assert receive_reply(SUBSCRIBER, "+13125550000", "Yes!")

    record = OptInRecord.objects.get()
    assert record.state == OptInRecord.State.CONFIRMED and record.confirmed_at
    assert record.reply_text == "Yes!" and record.reply_message_id
    evidence = record.reply_event
    assert evidence is not None and evidence.headers.get("telnyx-signature-ed25519")
    delivered = json.loads(evidence.raw_body)["data"]["payload"]
    assert delivered["from"]["phone_number"] == SUBSCRIBER
    assert delivered["text"] == "Yes!" and delivered["id"] == record.reply_message_id
    assert list(hosted.confirmed_consents()) == [record]


def test_finding14_the_programs_keyword_confirms_too(program):
    _sign_up(program)
    receive_reply(SUBSCRIBER, "+13125550000", " join ")
    assert OptInRecord.objects.get().is_confirmed


def test_finding14_a_yes_from_another_phone_or_to_another_number_confirms_nothing(program):
    _sign_up(program)

    receive_reply("+15125550123", "+13125550000", "YES", url=_webhook_url())  # another phone
    receive_reply(SUBSCRIBER, "+13125550001", "YES", url=_webhook_url())  # another number
    receive_reply(SUBSCRIBER, "+13125550000", "Who is this?")  # not a confirmation

    assert WebhookEvent.objects.filter(kind="message.received").count() == 3
    assert OptInRecord.objects.get().state == OptInRecord.State.WAITING
    assert not hosted.confirmed_consents().exists()


def test_finding14_an_unsigned_yes_is_refused_and_confirms_nothing(program, client):
    _sign_up(program)
    body = json.dumps(
        {
            "data": {
                "event_type": "message.received",
                "id": "forged-1",
                "payload": {
                    "id": "m-1",
                    "direction": "inbound",
                    "from": {"phone_number": SUBSCRIBER},
                    "to": [{"phone_number": "+13125550000"}],
                    "text": "YES",
                },
            }
        }
    )
    response = client.post(_webhook_url(), body, content_type="application/json")
    assert response.status_code in (400, 401, 403)
    assert not OptInRecord.objects.get().is_confirmed


def test_finding14_an_unconfirmed_request_expires_and_a_late_yes_does_not_confirm_it(
    program, settings
):
    settings.OPT_IN_CONFIRM_HOURS = 24
    _sign_up(program)
    record = OptInRecord.objects.get()
    assert timedelta(hours=23) < record.expires_at - timezone.now() <= timedelta(hours=24)
    OptInRecord.objects.filter(pk=record.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )

    receive_reply(SUBSCRIBER, "+13125550000", "YES")

    record.refresh_from_db()
    assert record.state == OptInRecord.State.EXPIRED and record.confirmed_at is None
    assert record.state.label == "Expired: the subscriber never replied"
    assert not hosted.waiting_requests().exists()


def test_finding14_a_second_form_while_one_waits_sends_no_second_text(program):
    _sign_up(program)
    _sign_up(program)
    assert OptInRecord.objects.count() == 1
    assert SandboxMessage.objects.filter(to_number=SUBSCRIBER).count() == 1


def test_finding14_without_a_live_number_nothing_is_sent_and_nothing_confirmed(
    telnyx, organisation, make_campaign
):
    campaign = make_campaign()
    hosted.ensure_hosted_pages(campaign.brand)
    _sign_up(campaign)
    record = OptInRecord.objects.get()
    assert "no live number" in record.confirmation_error
    assert record.confirmation_sent_at is None and not record.is_confirmed
    assert not SandboxMessage.objects.exists()


def _webhook_url() -> str:
    from compliance.http import telnyx_webhook_url

    return telnyx_webhook_url()
