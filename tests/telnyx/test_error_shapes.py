"""Every error shape Telnyx documents (../shared/telnyx/README.md; 10dlc-openapi.json), read into
one typed error whose items name the wire field, so the message lands next to the form field:

- `{"errors": [{code, title, detail, source: {pointer | parameter}}]}` (most 4xx);
- one error object `{code, title, detail, source}` (some 400/402/404: appeal, delete brand,
  campaignBuilder);
- `{"detail": [{"loc": [...], "msg", "type"}]}` (the 422s, the OTP 400/404s);
- `{"message": ...}` (the 500 of assignment by profile).

Each shape once as a body, then once as the sandbox answers it over HTTP."""

import pytest

from compliance.errors import field_errors, plain_words
from compliance.telnyx.errors import (
    BadRequest,
    NotFound,
    Unavailable,
    ValidationFailed,
    parse_error_items,
)
from compliance.telnyx.schemas.campaigns import CampaignBuilderSubmitParams
from sandbox import faults
from tests.factories import good_content, verified_brand


def _fields(body) -> list[tuple[str, str]]:
    return [(item.field, item.message) for item in parse_error_items(body)]


# -- the shapes as bodies ----------------------------------------------------------------------
def test_an_errors_list_reads_source_pointers_and_parameters():
    body = {
        "errors": [
            {
                "code": "10015",
                "title": "Invalid",
                "detail": "Too long.",
                "source": {"pointer": "/sample1"},
            },
            {"code": "10016", "title": "Bad page.", "source": {"parameter": "page"}},
            {"code": "10001", "title": "Something failed."},
        ]
    }
    assert _fields(body) == [
        ("sample1", "Too long."),
        ("page", "Bad page."),
        ("", "Something failed."),
    ]


def test_a_single_error_object_is_one_item():
    body = {
        "code": "10007",
        "title": "Not appealable",
        "detail": "Only rejected campaigns.",
        "source": {"pointer": "/appeal_reason"},
    }
    (item,) = parse_error_items(body)
    assert (item.code, item.field, item.message) == (
        "10007",
        "appeal_reason",
        "Only rejected campaigns.",
    )


def test_a_detail_list_reads_loc_in_body_path_and_query():
    body = {
        "detail": [
            {
                "loc": ["body", "helpMessage"],
                "msg": "at most 255 characters",
                "type": "value_error",
            },
            {"loc": ["path", "campaignId"], "msg": "not a TCR id", "type": "value_error"},
            {"loc": ["query", "page"], "msg": "at least 1", "type": "value_error"},
            {"loc": ["body", "subUsecases", 1], "msg": "unknown", "type": "enum"},
            {"loc": ["body"], "msg": "not JSON", "type": "json_invalid"},
        ]
    }
    assert _fields(body) == [
        ("helpMessage", "at most 255 characters"),
        ("campaignId", "not a TCR id"),
        ("page", "at least 1"),
        ("subUsecases", "unknown"),
        ("", "not JSON"),
    ]


def test_a_message_object_is_one_item_without_a_field():
    assert _fields({"message": "Internal error"}) == [("", "Internal error")]


# -- over HTTP: each operation answers in the shape the spec documents for it ----------------
over_http = pytest.mark.django_db(transaction=True)


@over_http
def test_a_422_is_a_detail_list_and_its_loc_lands_on_the_form_field(telnyx):
    brand_id = verified_brand(telnyx)
    params = CampaignBuilderSubmitParams(
        brandId=brand_id, **good_content(usecase="MIXED", subUsecases=["MARKETING"])
    )
    with pytest.raises(ValidationFailed) as caught:
        telnyx.submit_campaign(params)
    assert set(caught.value.body) == {"detail"}
    assert caught.value.body["detail"][0]["loc"] == ["body", "subUsecases"]
    errors = field_errors(caught.value, {"subUsecases": "sub_usecases"})
    assert list(errors) == ["sub_usecases"] and "2 to 5" in errors["sub_usecases"][0]


@over_http
def test_a_documented_400_or_404_is_one_error_object(telnyx):
    campaign = telnyx.submit_campaign(
        CampaignBuilderSubmitParams(brandId=verified_brand(telnyx), **good_content())
    )
    with pytest.raises(BadRequest) as caught:
        telnyx.submit_appeal(campaign.campaign_id, "We fixed the samples and the opt-in text.")
    assert {"code", "title"} <= set(caught.value.body) and "errors" not in caught.value.body
    assert caught.value.errors[0].code == caught.value.body["code"]
    assert "refused to send the appeal" in plain_words(caught.value, "send the appeal")
    with pytest.raises(NotFound) as missing:
        telnyx.submit_appeal("no-such-campaign", "We fixed the samples and the opt-in text.")
    assert "errors" not in missing.value.body and missing.value.errors[0].code


@over_http
def test_other_4xx_are_an_errors_list(telnyx):
    with pytest.raises(NotFound) as caught:
        telnyx.get_brand("00000000-0000-0000-0000-000000000000")
    assert isinstance(caught.value.body["errors"], list)
    assert caught.value.errors[0].message


@over_http
def test_a_500_of_assignment_by_profile_is_a_message(telnyx):
    faults.inject("500", 1, path_contains="/10dlc/phoneNumberAssignmentByProfile")
    with pytest.raises(Unavailable) as caught:
        telnyx.assign_by_profile("a-profile", campaign_id="a-campaign")
    assert set(caught.value.body) == {"message"}
    assert caught.value.errors[0].message == caught.value.body["message"]
