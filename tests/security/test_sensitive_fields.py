"""EINs, sole proprietors' names and mobile numbers are never shown in full in lists, error
messages or logs (SECURITY.md)."""

import json
import logging
import re
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse

from compliance.models import Brand, SubmissionState
from compliance.telnyx.client import get_client
from compliance.telnyx.errors import ValidationFailed

from . import factories

EIN = "461234567"
EIN_DASHED = "46-1234567"


@contextmanager
def telnyx_answering(status: int, body: dict):
    """A real HTTP server on 127.0.0.1 standing in for Telnyx, answering every request with
    `status` and `body` (Telnyx echoing submitted values in an error, which the sandbox never
    does)."""

    class Handler(BaseHTTPRequestHandler):
        def _answer(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            payload = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = _answer  # noqa: N815

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v2"
    finally:
        server.shutdown()
        server.server_close()


ECHOING_422 = {
    "errors": [
        {
            "code": "10002",
            "title": "Invalid value",
            "detail": f"EIN {EIN_DASHED} does not match Jane Doe (+13125550101)",
            "source": {"pointer": "/ein"},
        }
    ]
}


def _ready_draft(organisation) -> Brand:
    return Brand.objects.create(
        organisation=organisation,
        entity_type="PRIVATE_PROFIT",
        display_name="Alice Bakery",
        company_name="Alice Bakery LLC",
        ein=EIN,
        vertical="RETAIL",
        street="1 Main St",
        city="Chicago",
        state="IL",
        postal_code="60601",
        country="US",
        phone="+13125550001",
        email="hello@alicebakery.example",
        website="https://alicebakery.example",
    )


@pytest.mark.django_db
def test_the_brand_list_never_shows_a_full_ein(owner_client, organisation):
    brand = _ready_draft(organisation)
    factories.brand(organisation)
    page = owner_client.get(reverse("brand_list")).content.decode()
    assert "Alice Bakery" in page
    assert EIN not in page and EIN_DASHED not in page
    detail = owner_client.get(reverse("brand_detail", args=[brand.public_id])).content.decode()
    assert EIN not in detail and "•••••4567" in detail


def test_telnyx_errors_never_carry_a_full_ein(settings):
    # A real Telnyx (a server echoing the EIN) with a real key: the client needs no sandbox key.
    settings.TELNYX_API_KEY, settings.SANDBOX_MODE = "KEY-test", False
    with telnyx_answering(422, ECHOING_422) as url, get_client() as client:
        client.http.base_url = url
        with pytest.raises(ValidationFailed) as caught:
            client.request("POST", "/10dlc/brand", json={"displayName": "x"})
    error = caught.value
    assert EIN_DASHED not in str(error) and EIN not in str(error)
    assert "•••••4567" in str(error)
    assert all(EIN_DASHED not in item.message for item in error.errors)


@pytest.mark.django_db
def test_a_telnyx_refusal_shown_to_the_user_masks_what_telnyx_echoed(
    owner_client, organisation, settings, caplog
):
    brand = _ready_draft(organisation)
    Brand.objects.filter(pk=brand.pk).update(first_name="Jane", last_name="Doe")
    caplog.set_level(logging.DEBUG)
    with telnyx_answering(422, ECHOING_422) as url:
        settings.TELNYX_BASE_URL = url
        review = reverse("brand_wizard_step", args=[brand.public_id, "review"])
        page = owner_client.post(review, {"confirm_cost": "on"}, follow=True).content.decode()
    brand.refresh_from_db()
    assert brand.submission_state == SubmissionState.FAILED
    errors_shown = re.findall(r'class="message error">(.*?)</li>|role="alert">(.*?)</div>', page)
    shown = " ".join(map(" ".join, errors_shown)) + brand.submission_error
    shown += json.dumps(brand.field_errors, ensure_ascii=False)
    assert "EIN •••••4567 does not match J••• D••" in shown  # the user is told what Telnyx said…
    for secret in (EIN, EIN_DASHED, "Jane Doe", "+13125550101", "5550101"):
        assert secret not in shown, secret  # …without the values it echoed
        assert secret not in caplog.text, secret
