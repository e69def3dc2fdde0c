"""Every brand method of the Telnyx client against the live sandbox, over real HTTP."""

import logging
import re

import pytest

from compliance.telnyx.errors import BadRequest, NotFound, ValidationFailed
from compliance.telnyx.schemas.brands import BrandCreate, BrandUpdate

pytestmark = pytest.mark.django_db(transaction=True)


def private_company(**overrides) -> BrandCreate:
    fields = {
        "entity_type": "PRIVATE_PROFIT",
        "display_name": "Alice Bakery",
        "company_name": "Alice Bakery LLC",
        "ein": "461234567",
        "country": "US",
        "email": "support@alicebakery.example",
        "vertical": "RETAIL",
        "phone": "+13125550001",
        "street": "1 Main St",
        "city": "Chicago",
        "state": "IL",
        "postal_code": "60601",
        "website": "https://alicebakery.example",
        "mock": True,
    } | overrides
    return BrandCreate(**fields)


def sole_proprietor() -> BrandCreate:
    return BrandCreate(
        entity_type="SOLE_PROPRIETOR",
        display_name="Jane's Cakes",
        first_name="Jane",
        last_name="Doe",
        mobile_phone="+13125550002",
        country="US",
        email="jane@example.com",
        vertical="RETAIL",
        mock=True,
    )


def test_create_brand_returns_pending_brand_then_get_shows_it_verified(telnyx):
    created = telnyx.create_brand(private_company())
    assert created.brand_id and created.tcr_brand_id.startswith("B")
    assert created.status == "REGISTRATION_PENDING"
    assert created.display_name == "Alice Bakery"
    assert created.entity_type == "PRIVATE_PROFIT"
    assert created.brand_relationship == "BASIC_ACCOUNT"

    brand = telnyx.get_brand(created.brand_id)
    assert brand.status == "OK"
    assert brand.identity_status == "VERIFIED"
    assert brand.company_name == "Alice Bakery LLC"
    assert brand.mock is True


def test_test_ein_makes_an_unverified_brand_with_feedback_on_the_tax_id(telnyx):
    created = telnyx.create_brand(private_company(ein="123456789"))
    assert telnyx.get_brand(created.brand_id).identity_status == "UNVERIFIED"

    feedback = telnyx.get_brand_feedback(created.brand_id)
    assert feedback.brand_id == created.brand_id
    assert [c.id for c in feedback.category] == ["TAX_ID"]
    assert feedback.category[0].fields == ["ein", "companyName"]
    assert feedback.category[0].display_name == "Tax ID"


def test_list_brands_filters_by_display_name_and_pages(telnyx):
    for n in range(3):
        telnyx.create_brand(private_company(display_name=f"Listed {n}"))
    telnyx.create_brand(private_company(display_name="Other"))

    page = telnyx.list_brands(page=1, records_per_page=2, sort="displayName")
    assert page.total_records == 4 and page.page == 1
    assert [b.display_name for b in page.records] == ["Listed 0", "Listed 1"]

    only = telnyx.list_brands(display_name="Other")
    assert only.total_records == 1
    assert only.records[0].display_name == "Other"
    assert only.records[0].status == "OK"
    assert only.records[0].assigned_campaigns_count == 0

    names = sorted(b.display_name for b in telnyx.iter_brands(records_per_page=1))
    assert names == ["Listed 0", "Listed 1", "Listed 2", "Other"]


def test_update_brand_resubmits_it(telnyx):
    created = telnyx.create_brand(private_company(ein="000000000"))
    assert telnyx.get_brand(created.brand_id).identity_status == "UNVERIFIED"

    update = BrandUpdate(
        **private_company(ein="461234567").model_dump(exclude={"mock", "mobile_phone"}),
        alt_business_id="123456789",
        alt_business_id_type="DUNS",
    )
    updated = telnyx.update_brand(created.brand_id, update)
    assert updated.status == "REGISTRATION_PENDING"
    assert updated.alt_business_id_type == "DUNS"

    brand = telnyx.get_brand(created.brand_id)
    assert brand.identity_status == "VERIFIED"
    assert brand.ein == "461234567"
    assert telnyx.get_brand_feedback(created.brand_id).category == []


def test_delete_brand_then_get_is_not_found(telnyx):
    created = telnyx.create_brand(private_company())
    assert telnyx.delete_brand(created.brand_id) is None
    with pytest.raises(NotFound):
        telnyx.get_brand(created.brand_id)


def test_unknown_brand_is_not_found(telnyx):
    with pytest.raises(NotFound) as caught:
        telnyx.get_brand_feedback("no-such-brand")
    assert caught.value.status == 404


def test_resend_2fa_email_and_revet_once_per_three_months(telnyx):
    from sandbox.models.brands import SandboxBrand

    created = telnyx.create_brand(private_company())
    assert telnyx.resend_2fa_email(created.brand_id) is None
    assert SandboxBrand.objects.get(brand_id=created.brand_id).two_fa_emails_sent == 1

    revetted = telnyx.revet_brand(created.brand_id)
    assert revetted.status == "REGISTRATION_PENDING"
    assert telnyx.get_brand(created.brand_id).status == "OK"
    with pytest.raises(BadRequest) as caught:
        telnyx.revet_brand(created.brand_id)
    assert "3 months" in caught.value.errors[0].detail


def test_external_vetting_order_is_scored_and_listed(telnyx):
    created = telnyx.create_brand(private_company())
    ordered = telnyx.order_external_vetting(created.brand_id, "AEGIS", "STANDARD")
    assert ordered.evp_id == "AEGIS" and ordered.vetting_class == "STANDARD"
    assert ordered.vetting_score is None and ordered.vetting_id

    [vetting] = telnyx.list_external_vettings(created.brand_id)
    assert vetting.vetting_id == ordered.vetting_id
    assert vetting.vetting_score == 75
    assert vetting.vetted_date
    assert telnyx.get_brand(created.brand_id).identity_status == "VETTED_VERIFIED"

    with pytest.raises(BadRequest) as caught:
        telnyx.order_external_vetting(created.brand_id, "AEGIS", "STANDARD")
    assert caught.value.errors[0].code == "10012"


def test_unknown_vetting_provider_is_a_field_error(telnyx):
    created = telnyx.create_brand(private_company())
    with pytest.raises(ValidationFailed) as caught:
        telnyx.order_external_vetting(created.brand_id, "NOPE", "STANDARD")
    assert "evpId" in caught.value.field_errors()


def test_import_external_vetting(telnyx):
    created = telnyx.create_brand(private_company())
    imported = telnyx.import_external_vetting(created.brand_id, "AEGIS", "V-42", "token-1")
    assert imported.vetting_id == "V-42" and imported.vetting_token == "token-1"
    assert telnyx.list_external_vettings(created.brand_id)[0].vetting_score == 75


def test_sole_proprietor_otp_trigger_status_and_verify(telnyx, caplog):
    created = telnyx.create_brand(sole_proprietor())
    assert telnyx.get_brand(created.brand_id).identity_status == "UNVERIFIED"

    with caplog.at_level(logging.INFO, logger="sandbox.brands"):
        triggered = telnyx.trigger_sms_otp(
            created.brand_id, "Your code is @OTP_PIN@", "Thanks, verified."
        )
    assert triggered.brand_id == created.brand_id and triggered.reference_id
    pin = re.search(r"Your code is (\d{6})", caplog.text).group(1)

    status = telnyx.get_sms_otp_status(created.brand_id)
    assert status.reference_id == triggered.reference_id
    assert status.delivery_status == "DELIVERED_HANDSET"
    assert status.mobile_phone == "+13125550002"
    assert status.verify_date is None
    by_reference = telnyx.get_sms_otp_by_reference(triggered.reference_id, created.brand_id)
    assert by_reference.request_date == status.request_date

    wrong = "000000" if pin != "000000" else "111111"
    with pytest.raises(BadRequest) as caught:
        telnyx.verify_sms_otp(created.brand_id, wrong)
    assert caught.value.field_errors() == {"otpPin": ["Invalid or expired OTP."]}

    assert telnyx.verify_sms_otp(created.brand_id, pin) is None
    assert telnyx.get_sms_otp_status(created.brand_id).verify_date is not None
    assert telnyx.get_brand(created.brand_id).identity_status == "VERIFIED"


def test_otp_for_a_company_is_refused(telnyx):
    created = telnyx.create_brand(private_company())
    with pytest.raises(BadRequest):
        telnyx.trigger_sms_otp(created.brand_id, "Code @OTP_PIN@", "Done")
    with pytest.raises(NotFound):
        telnyx.get_sms_otp_status(created.brand_id)


def test_otp_pin_text_must_hold_the_placeholder_before_anything_is_sent(telnyx):
    with pytest.raises(ValueError, match="@OTP_PIN@"):
        telnyx.trigger_sms_otp("any", "Your code", "Done")


def test_get_enum_answers_every_documented_endpoint(telnyx):
    from compliance.telnyx.brands import ENUM_ENDPOINTS

    for name in ENUM_ENDPOINTS:
        assert telnyx.get_enum(name) is not None
    assert "PRIVATE_PROFIT" in telnyx.get_enum("entityType")
    assert "LOW_VOLUME" in telnyx.get_enum("usecase")
    assert telnyx.get_enum("extVettingProvider") == {"AEGIS": "AEGIS"}
    assert telnyx.get_enum("vettingClass") == ["STANDARD"]
    assert telnyx.get_enum("approvedPublicCompany")["totalRecords"] == 2
