"""Contract: the numbers schemas, the client's bodies and the sandbox's responses use exactly
the wire names and enums of compliance/telnyx/fields.py; the assignment endpoints are rate
limited like Telnyx (429, code 10011, Retry-After)."""

import pytest

from compliance.telnyx.errors import RateLimited
from compliance.telnyx.fields import FIELDS
from compliance.telnyx.schemas import numbers as schemas
from sandbox import ratelimit
from sandbox.models.numbers import MessagingProfile, NumberAssignment, PhoneNumber

REQUESTS = {
    schemas.MessagingProfileCreateParams: "MessagingProfileCreateParams",
    schemas.PhoneNumberCampaignCreateParams: "PhoneNumberCampaignCreateParams",
    schemas.AssignByProfileParams: "PhoneNumberAssignmentByProfileAssignParams",
    schemas.MessageSendParams: "MessageSendParams",
}
RESPONSES = {
    schemas.MessagingProfile: "MessagingMessagingProfile",
    schemas.PhoneNumberWithMessagingSettings: "PhoneNumberWithMessagingSettings",
    schemas.PhoneNumberCampaign: "PhoneNumberCampaign",
    schemas.AssignByProfileResponse: "PhoneNumberAssignmentByProfileAssignResponse",
    schemas.ProfileAssignmentTask: "PhoneNumberAssignmentByProfileRetrieveStatusResponse",
    schemas.ProfileAssignmentPhoneNumber: "ProfileAssignmentPhoneNumbers",
    schemas.OutboundMessagePayload: "OutboundMessagePayload",
}


def _wire_names(model) -> set[str]:
    return {field.alias or name for name, field in model.model_fields.items()}


@pytest.mark.parametrize("model, schema", [*REQUESTS.items(), *RESPONSES.items()])
def test_every_schema_field_is_a_wire_field(model, schema):
    assert _wire_names(model) <= set(FIELDS[schema])


@pytest.mark.parametrize("model, schema", REQUESTS.items())
def test_request_schemas_require_what_telnyx_requires(model, schema):
    required = {name for name, spec in FIELDS[schema].items() if spec["required"]}
    ours = {f.alias or n for n, f in model.model_fields.items() if f.is_required()}
    assert ours == required


def test_assignment_status_enum_is_telnyx_s():
    literal = schemas.PhoneNumberCampaign.model_fields["assignment_status"].annotation
    assert set(literal.__args__[0].__args__) == set(
        FIELDS["PhoneNumberCampaign"]["assignmentStatus"]["enum"]
    )


@pytest.mark.django_db(transaction=True)
def test_sandbox_responses_only_use_wire_fields(telnyx):
    profile = MessagingProfile.objects.create(name="P", whitelisted_destinations=["US"])
    number = PhoneNumber.objects.create(phone_number="+13125550000", profile=profile)
    NumberAssignment.objects.create(phone_number="+13125550000", campaign_id="c-1")
    bodies = {
        "MessagingMessagingProfile": telnyx.request("GET", f"/messaging_profiles/{profile.id}")[
            "data"
        ],
        "PhoneNumberWithMessagingSettings": telnyx.request(
            "GET", f"/phone_numbers/{number.id}/messaging"
        )["data"],
        "PhoneNumberCampaign": telnyx.request(
            "GET", "/10dlc/phone_number_campaigns/%2B13125550000"
        ),
        "OutboundMessagePayload": telnyx.request(
            "POST", "/messages", json={"from": "+13125550000", "to": "+13125550001", "text": "x"}
        )["data"],
    }
    for schema, body in bodies.items():
        assert set(body) <= set(FIELDS[schema]), schema
        for name, value in body.items():
            allowed = FIELDS[schema][name]["enum"]
            if allowed and value is not None:
                assert value in allowed, (schema, name, value)


@pytest.mark.django_db(transaction=True)
def test_assignment_endpoints_answer_429_with_retry_after_over_the_rate_limit(
    telnyx, settings, monkeypatch
):
    monkeypatch.setattr(ratelimit, "_bucket", None)
    settings.SANDBOX_RATE_LIMIT = 2
    telnyx.max_retries = 0
    telnyx.list_phone_number_campaigns()
    telnyx.list_phone_number_campaigns()
    with pytest.raises(RateLimited) as raised:
        telnyx.list_phone_number_campaigns()
    assert raised.value.retry_after >= 1
    assert raised.value.errors[0].code == "10011"
    telnyx.list_messaging_profiles()  # not an assignment endpoint: not limited


def test_token_bucket_refills_at_the_rate():
    now = [0.0]
    bucket = ratelimit.TokenBucket(2, clock=lambda: now[0])
    assert [bucket.take(), bucket.take()] == [0.0, 0.0]
    assert bucket.take() == pytest.approx(0.5)
    now[0] = 0.5
    assert bucket.take() == 0.0
