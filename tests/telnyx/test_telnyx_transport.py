"""The client's retry policy and error mapping, over real HTTP to the sandbox's brand
endpoints with injected faults."""

import time

import pytest

from compliance.telnyx.client import TelnyxClient
from compliance.telnyx.errors import (
    NotFound,
    RateLimited,
    Unauthorized,
    Unavailable,
    ValidationFailed,
)
from compliance.telnyx.schemas.brands import BrandCreate
from sandbox import faults
from sandbox.api import TIMEOUT_SLEEP_SECONDS
from sandbox.models import Fault
from sandbox.models.brands import SandboxBrand

pytestmark = pytest.mark.django_db(transaction=True)


def a_brand(**overrides) -> BrandCreate:
    return BrandCreate(
        **{
            "entity_type": "PRIVATE_PROFIT",
            "display_name": "Transport Co",
            "company_name": "Transport Co LLC",
            "ein": "461234567",
            "email": "ops@transport.example",
            "country": "US",
            "vertical": "TRANSPORTATION",
        }
        | overrides
    )


def test_get_retries_after_429_honouring_retry_after(telnyx):
    created = telnyx.create_brand(a_brand())
    faults.inject("429", 1, path_contains="/10dlc/brand/", method="GET", retry_after=1)
    started = time.monotonic()
    assert telnyx.get_brand(created.brand_id).brand_id == created.brand_id
    assert time.monotonic() - started >= 1.0
    assert Fault.objects.get().remaining == 0


def test_get_retries_after_503(telnyx):
    created = telnyx.create_brand(a_brand())
    faults.inject("503", 2, path_contains="/10dlc/brand/", method="GET")
    assert telnyx.get_brand(created.brand_id).display_name == "Transport Co"
    assert Fault.objects.get().remaining == 0


@pytest.fixture
def impatient(telnyx_sandbox):
    """A client that gives up well before the sandbox's injected time-out answers."""
    from compliance.telnyx.client import get_client

    with get_client(timeout=TIMEOUT_SLEEP_SECONDS / 2, backoff_base=0.01, backoff_max=0.05) as c:
        yield c


def test_get_retries_after_a_timeout(telnyx, impatient):
    created = telnyx.create_brand(a_brand())
    faults.inject("timeout", 1, path_contains="/10dlc/brand/", method="GET")
    assert impatient.get_brand(created.brand_id).brand_id == created.brand_id
    _let_the_slow_answer_finish()


def _let_the_slow_answer_finish():
    """The sandbox thread still sleeps on the request the client gave up on; let it end
    before the test database goes away."""
    time.sleep(TIMEOUT_SLEEP_SECONDS - 1.5)


@pytest.mark.parametrize(
    ("kind", "error"), [("503", Unavailable), ("429", RateLimited), ("timeout", Unavailable)]
)
def test_post_is_never_retried(impatient, kind, error):
    faults.inject(kind, 1, path_contains="/10dlc/brand", method="POST")
    with pytest.raises(error):
        impatient.create_brand(a_brand())
    assert Fault.objects.get().remaining == 0  # the sandbox saw exactly one request
    assert not SandboxBrand.objects.exists()
    if kind == "timeout":
        _let_the_slow_answer_finish()


def test_exhausted_retries_raise_unavailable(telnyx):
    faults.inject("503", 10, path_contains="/10dlc/brand", method="GET")
    with pytest.raises(Unavailable):
        telnyx.list_brands()
    assert Fault.objects.get().remaining == 10 - (telnyx.max_retries + 1)


def test_a_wrong_key_is_unauthorized(telnyx_sandbox):
    with (
        TelnyxClient(telnyx_sandbox, "wrong-key", timeout=2) as client,
        pytest.raises(Unauthorized) as caught,
    ):
        client.list_brands()
    assert caught.value.errors[0].code == "10009"


@pytest.mark.spec_violation_on_purpose
def test_422_maps_errors_to_wire_fields(telnyx):
    body = a_brand().to_wire() | {"vertical": "NOT_A_VERTICAL"}
    body.pop("email")
    with pytest.raises(ValidationFailed) as caught:
        telnyx.request("POST", "/10dlc/brand", json=body)
    errors = caught.value.field_errors()
    assert set(errors) == {"email", "vertical"}
    assert "required" in errors["email"][0]


def test_unknown_id_is_not_found(telnyx):
    with pytest.raises(NotFound):
        telnyx.get_brand("00000000-0000-0000-0000-000000000000")


def test_pagination_walks_every_page(telnyx):
    for n in range(7):
        telnyx.create_brand(a_brand(display_name=f"Paged {n}"))
    names = {b.display_name for b in telnyx.iter_brands(records_per_page=3)}
    assert names == {f"Paged {n}" for n in range(7)}
