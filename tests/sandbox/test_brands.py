"""The sandbox's brand endpoints: Telnyx's errors, the lifecycle rules and the OTP page."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from sandbox.models.brands import SandboxBrand, SandboxOtp

pytestmark = pytest.mark.django_db(transaction=True)

BASE = "/sandbox/telnyx/v2/10dlc"


@pytest.fixture
def api(sandbox_api_key):
    return Client(headers={"Authorization": f"Bearer {sandbox_api_key}"})


def create(api, **fields):
    body = {
        "entityType": "PRIVATE_PROFIT",
        "displayName": "Acme",
        "companyName": "Acme LLC",
        "ein": "461234567",
        "country": "US",
        "email": "a@acme.example",
        "vertical": "TECHNOLOGY",
    } | fields
    response = api.post(f"{BASE}/brand", body, content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


def brand(api, brand_id):
    return api.get(f"{BASE}/brand/{brand_id}").json()


def test_a_missing_or_wrong_token_is_401_in_telnyx_format():
    response = Client().get(f"{BASE}/brand")
    assert response.status_code == 401
    assert response.json()["errors"][0]["code"] == "10009"
    wrong = Client(headers={"Authorization": "Bearer nope"}).get(f"{BASE}/brand")
    assert wrong.status_code == 401


def test_missing_required_fields_and_bad_enums_are_422_with_pointers(api):
    response = api.post(
        f"{BASE}/brand", {"entityType": "LLC", "unknown": 1}, content_type="application/json"
    )
    assert response.status_code == 422  # in the spec's shape for a 422: {"detail": [...]}
    locations = {tuple(e["loc"]) for e in response.json()["detail"]}
    assert {
        ("body", name)
        for name in ("entityType", "displayName", "country", "email", "vertical", "unknown")
    } == locations
    assert not SandboxBrand.objects.exists()


def test_unknown_brand_ids_are_404_on_every_brand_path(api):
    for path in ("brand/nope", "brand/feedback/nope", "brand_feedback/nope", "brand/nope/smsOtp"):
        assert api.get(f"{BASE}/{path}").status_code == 404, path
    assert api.delete(f"{BASE}/brand/nope").status_code == 404
    assert api.put(f"{BASE}/brand/nope/revet").status_code == 404
    assert api.get(f"{BASE}/enum/nope").status_code == 404


@pytest.mark.parametrize(
    ("fields", "identity", "category"),
    [
        ({}, "VERIFIED", None),
        ({"ein": "12-3456789"}, "UNVERIFIED", "TAX_ID"),
        ({"ein": "111111111"}, "UNVERIFIED", "TAX_ID"),
        ({"companyName": "Name Mismatch Inc"}, "UNVERIFIED", "TAX_ID"),
        ({"entityType": "PUBLIC_PROFIT"}, "UNVERIFIED", "STOCK_SYMBOL"),
        (
            {"entityType": "PUBLIC_PROFIT", "stockSymbol": "ACME", "stockExchange": "NYSE"},
            "VERIFIED",
            None,
        ),
        ({"entityType": "GOVERNMENT"}, "UNVERIFIED", "GOVERNMENT_ENTITY"),
    ],
)
def test_brand_verification_follows_its_data(api, fields, identity, category):
    created = create(api, **fields)
    assert created["status"] == "REGISTRATION_PENDING"
    assert "identityStatus" not in created  # no value yet: left out, not null
    after = brand(api, created["brandId"])
    assert (after["status"], after["identityStatus"]) == ("OK", identity)
    feedback = api.get(f"{BASE}/brand/feedback/{created['brandId']}").json()["category"]
    assert [c["id"] for c in feedback] == ([category] if category else [])


def test_a_malformed_ein_fails_the_registration_with_a_reason(api):
    created = create(api, ein="12345")
    after = brand(api, created["brandId"])
    assert after["status"] == "REGISTRATION_FAILED"
    assert after["failureReasons"] == "The EIN must be 9 digits."


def test_update_cannot_set_the_identity_status(api):
    created = create(api, ein="000000000")
    body = {k: v for k, v in created.items() if k in ("entityType", "displayName", "country")}
    body |= {"email": "a@acme.example", "vertical": "TECHNOLOGY", "identityStatus": "VERIFIED"}
    response = api.put(f"{BASE}/brand/{created['brandId']}", body, content_type="application/json")
    assert response.status_code == 200
    assert brand(api, created["brandId"])["identityStatus"] == "UNVERIFIED"


def test_an_expired_otp_is_refused_in_the_detail_format(api):
    created = create(
        api,
        entityType="SOLE_PROPRIETOR",
        firstName="Jo",
        lastName="Doe",
        mobilePhone="+13125550009",
        ein=None,
    )
    api.post(
        f"{BASE}/brand/{created['brandId']}/smsOtp",
        {"pinSms": "PIN @OTP_PIN@", "successSms": "ok"},
        content_type="application/json",
    )
    otp = SandboxOtp.objects.get()
    SandboxOtp.objects.update(request_date=timezone.now() - timedelta(minutes=11))
    response = api.put(
        f"{BASE}/brand/{created['brandId']}/smsOtp",
        {"otpPin": otp.pin},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["detail"][0]["loc"] == ["body", "otpPin"]
    assert brand(api, created["brandId"])["identityStatus"] == "UNVERIFIED"


def test_pin_sms_without_the_placeholder_is_422(api):
    created = create(api, entityType="SOLE_PROPRIETOR", mobilePhone="+13125550009", ein=None)
    response = api.post(
        f"{BASE}/brand/{created['brandId']}/smsOtp",
        {"pinSms": "no pin", "successSms": "ok"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "pinSms"]


def test_the_sandbox_home_page_shows_the_pin_it_would_have_texted(api, reviewer_client):
    created = create(api, entityType="SOLE_PROPRIETOR", mobilePhone="+13125550009", ein=None)
    api.post(
        f"{BASE}/brand/{created['brandId']}/smsOtp",
        {"pinSms": "Acme code @OTP_PIN@", "successSms": "ok"},
        content_type="application/json",
    )
    pin = SandboxOtp.objects.get().pin
    page = reviewer_client.get("/sandbox/").content.decode()  # staff: every organisation's
    assert f"Acme code {pin}" in page
    assert "0009" in page and "+13125550009" not in page  # the mobile number masked
