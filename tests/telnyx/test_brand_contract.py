"""Contract: every brand body the client can send, and every brand response the sandbox
returns, has only the fields FIELDS.md lists for its schema, with valid enum values."""

import typing

import pytest

from compliance.telnyx.fields import FIELDS
from compliance.telnyx.schemas import brands as schemas

REQUESTS = {
    schemas.BrandCreate: "BrandCreateParams",
    schemas.BrandUpdate: "BrandUpdateParams",
    schemas.BrandListQuery: "BrandListParams",
    schemas.SmsOtpTrigger: "BrandTriggerSMSOtpParams",
    schemas.SmsOtpVerify: "BrandVerifySMSOtpParams",
    schemas.ExternalVettingOrder: "ExternalVettingOrderParams",
    schemas.ExternalVettingImport: "ExternalVettingImportsParams",
}
RESPONSES = {
    schemas.TelnyxBrand: "TelnyxBrand",
    schemas.BrandBasic: "BrandListResponse",
    schemas.BrandFeedback: "BrandGetFeedbackResponse",
    schemas.FeedbackCategory: "Category",
    schemas.SmsOtpTriggered: "BrandTriggerSMSOtpResponse",
    schemas.SmsOtpStatus: "BrandSMSOtpStatus",
    schemas.ExternalVetting: "ExternalVetting",
    schemas.BrandOptionalAttributes: "BrandOptionalAttributes",
}


def _literal_values(annotation) -> set[str] | None:
    if typing.get_origin(annotation) is typing.Literal:
        return set(typing.get_args(annotation))
    for arg in typing.get_args(annotation):
        values = _literal_values(arg)
        if values is not None:
            return values
    return None


@pytest.mark.parametrize(("model", "schema"), (REQUESTS | RESPONSES).items())
def test_schema_has_exactly_the_wire_fields_and_enums(model, schema):
    spec = FIELDS[schema]
    aliases = {f.alias or name: f for name, f in model.model_fields.items()}
    assert set(aliases) == set(spec), f"{model.__name__} differs from {schema}"
    for wire, field in aliases.items():
        if spec[wire]["enum"]:
            assert _literal_values(field.annotation) == set(spec[wire]["enum"]), wire
        if spec[wire]["required"]:
            assert field.is_required(), wire


def test_the_fullest_create_body_stays_within_the_wire_fields():
    body = schemas.BrandCreate(
        **{name: _sample(name, f) for name, f in schemas.BrandCreate.model_fields.items()}
    ).to_wire()
    assert set(body) == set(FIELDS["BrandCreateParams"])


def _sample(name, field):
    values = _literal_values(field.annotation)
    if values:
        return sorted(values)[0]
    if "bool" in str(field.annotation):
        return True
    return {
        "phone": "+13125550001",
        "mobile_phone": "+13125550002",
        "country": "US",
        "email": "a@example.com",
    }.get(name, "x")


def _check(body: dict, schema: str) -> None:
    spec = FIELDS[schema]
    unknown = set(body) - set(spec)
    assert not unknown, f"{schema}: fields not in FIELDS.md: {unknown}"
    for name, rule in spec.items():
        if rule["required"]:
            assert body.get(name) is not None, f"{schema}.{name} is required"
        value = body.get(name)
        if rule["enum"] and value is not None:
            assert value in rule["enum"], f"{schema}.{name}={value!r}"


@pytest.mark.django_db(transaction=True)
def test_every_brand_response_of_the_sandbox_matches_fields(telnyx):
    create = schemas.BrandCreate(
        entity_type="SOLE_PROPRIETOR",
        display_name="Contract",
        first_name="Jo",
        last_name="Doe",
        mobile_phone="+13125550003",
        country="US",
        email="jo@example.com",
        vertical="RETAIL",
        website="https://jo.example",
        webhook_url="https://app.example/webhooks/telnyx/",
        mock=True,
    )
    brand = telnyx.request("POST", "/10dlc/brand", json=create.to_wire())
    _check(brand, "TelnyxBrand")
    brand_id = brand["brandId"]
    _check(telnyx.request("GET", f"/10dlc/brand/{brand_id}"), "TelnyxBrand")
    for record in telnyx.request("GET", "/10dlc/brand")["records"]:
        _check(record, "BrandListResponse")
    feedback = telnyx.request("GET", f"/10dlc/brand/feedback/{brand_id}")
    _check(feedback, "BrandGetFeedbackResponse")
    for category in feedback["category"]:
        _check(category, "Category")
    assert telnyx.request("GET", f"/10dlc/brand_feedback/{brand_id}") == feedback
    trigger = telnyx.request(
        "POST", f"/10dlc/brand/{brand_id}/smsOtp", json={"pinSms": "@OTP_PIN@", "successSms": "ok"}
    )
    _check(trigger, "BrandTriggerSMSOtpResponse")
    _check(telnyx.request("GET", f"/10dlc/brand/{brand_id}/smsOtp"), "BrandSMSOtpStatus")
    _check(
        telnyx.request("GET", f"/10dlc/brand/smsOtp/{trigger['referenceId']}"),
        "BrandSMSOtpStatus",
    )
    order = {"evpId": "AEGIS", "vettingClass": "STANDARD"}
    _check(
        telnyx.request("POST", f"/10dlc/brand/{brand_id}/externalVetting", json=order),
        "ExternalVetting",
    )
    imported = {"evpId": "AEGIS", "vettingId": "V1"}
    _check(
        telnyx.request("PUT", f"/10dlc/brand/{brand_id}/externalVetting", json=imported),
        "ExternalVetting",
    )
    for vetting in telnyx.request("GET", f"/10dlc/brand/{brand_id}/externalVetting"):
        _check(vetting, "ExternalVetting")
    update = schemas.BrandUpdate(
        entity_type="SOLE_PROPRIETOR",
        display_name="Contract 2",
        country="US",
        email="jo@example.com",
        vertical="RETAIL",
    )
    _check(telnyx.request("PUT", f"/10dlc/brand/{brand_id}", json=update.to_wire()), "TelnyxBrand")
    _check(telnyx.request("PUT", f"/10dlc/brand/{brand_id}/revet"), "TelnyxBrand")
