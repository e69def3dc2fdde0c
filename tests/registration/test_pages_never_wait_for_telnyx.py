"""Issue 20, finding 13: the brand and vetting pages called Telnyx on every view; with Telnyx
slow they took 18 s each and tied up the server's workers. They now render from the database
only: webhooks, reconciliation and an explicit Refresh bring fresh data.

Telnyx (the sandbox on the live server, over real HTTP) is made slow and failing with the
sandbox's fault injection, and every request that reaches it is counted."""

import threading

import pytest
from django.core.signals import request_started
from django.urls import reverse

from compliance.models import Brand
from sandbox import faults
from sandbox.models import Fault
from tests.registration.test_brand_pages import COMPANY, not_heard_back, registered

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sandbox_requests():
    """Every request that reached the sandbox's Telnyx API, by path."""
    seen: list[str] = []
    lock = threading.Lock()

    def count(sender, environ, **kwargs):
        path = environ.get("PATH_INFO", "")
        if path.startswith("/sandbox/telnyx/"):
            with lock:
                seen.append(path)

    request_started.connect(count, weak=False)
    yield seen
    request_started.disconnect(count)


def _telnyx_slow_and_failing() -> None:
    faults.inject("timeout", 50)  # each one answers after 3 s
    faults.inject("500", 50)


def test_finding13_the_brand_and_vetting_pages_make_no_telnyx_call_when_telnyx_is_slow(
    owner_client, organisation, owner, telnyx_sandbox, sandbox_requests
):
    brand = not_heard_back(registered(organisation, owner, COMPANY))
    owner_client.post(reverse("brand_vetting", args=[brand.public_id]), {"kind": "refresh"})
    _telnyx_slow_and_failing()
    sandbox_requests.clear()

    detail = owner_client.get(reverse("brand_detail", args=[brand.public_id]))
    status = owner_client.get(
        reverse("brand_status", args=[brand.public_id]), headers={"HX-Request": "true"}
    )
    vetting = owner_client.get(reverse("brand_vetting", args=[brand.public_id]))

    assert sandbox_requests == []
    assert sum(Fault.objects.values_list("remaining", flat=True)) == 100  # none consumed
    assert detail.status_code == status.status_code == vetting.status_code == 200
    assert "Alice Bakery" in detail.content.decode()
    assert "being registered" in status.content.decode()
    page = vetting.content.decode()
    assert "External vetting" in page and '<option value="AEGIS">AEGIS</option>' in page


def test_finding13_refresh_is_one_quick_try_then_the_background_with_plain_words(
    owner_client, organisation, owner, telnyx_sandbox, sandbox_requests
):
    brand = registered(organisation, owner, COMPANY)
    faults.inject("500", 1, path_contains="/10dlc/brand/", method="GET")  # the quick try
    sandbox_requests.clear()

    response = owner_client.post(
        reverse("brand_action", args=[brand.public_id, "refresh"]), follow=True
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "We will try again in the background" in page
    assert "500" not in page
    # The quick try failed at once (no retries); the background read-back (run at once by the
    # tests' task backend) found Telnyx answering again and stored the status.
    brand.refresh_from_db()
    assert brand.status == "OK" and brand.last_synced_at is not None
    assert sandbox_requests.count(f"/sandbox/telnyx/v2/10dlc/brand/{brand.brand_id}") == 2


def test_finding13_the_vetting_refresh_says_in_plain_words_when_telnyx_fails(
    owner_client, organisation, owner, telnyx_sandbox
):
    brand = registered(organisation, owner, COMPANY)
    _telnyx_slow_and_failing()
    Fault.objects.filter(kind="timeout").delete()

    response = owner_client.post(
        reverse("brand_vetting", args=[brand.public_id]), {"kind": "refresh"}, follow=True
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "could not read the vettings" in page and "The page shows what was last read." in page
    assert Brand.objects.get(pk=brand.pk).vettings.count() == 0
