"""The spec's limits (REQUEST_RULES, generated from 10dlc-openapi.json) reach every place a value
is typed: each request schema names its body's rules, the brand model holds no more than
CreateBrand / UpdateBrand allow, and the campaign edit form no more than UpdateCampaignRequest."""

import pytest

from compliance.forms import CampaignEditForm
from compliance.models import Brand
from compliance.services import campaigns as campaign_services
from compliance.telnyx.fields import OPERATIONS, REQUEST_RULES
from compliance.telnyx.schemas import brands, campaigns, numbers
from compliance.telnyx.schemas.base import TelnyxRequest

BODIES = {
    brands.BrandCreate: "CreateBrand",
    brands.BrandUpdate: "UpdateBrand",
    brands.SmsOtpTrigger: "TriggerBrandSmsOtpRequest",
    brands.SmsOtpVerify: "VerifyBrandSmsOtpRequest",
    brands.ExternalVettingOrder: "OrderExternalVetting",
    brands.ExternalVettingImport: "ImportExternalVetting",
    campaigns.CampaignUpdateParams: "UpdateCampaignRequest",
    campaigns.CampaignBuilderSubmitParams: "CampaignRequest",
    campaigns.CampaignSubmitAppealParams: "AppealCampaignBody",
    campaigns.UpdatePartnerCampaignParams: "UpdatePartnerCampaignRequest",
    numbers.PhoneNumberCampaignCreateParams: "PhoneNumberCampaignCreate",
    numbers.AssignByProfileParams: "AssignProfileToCampaignRequest",
}


def test_every_10dlc_request_body_of_the_spec_has_a_schema_with_its_rules():
    bodies = {op["request"] for op in OPERATIONS.values() if op["request"]}
    assert bodies == set(BODIES.values())
    for model, body in BODIES.items():
        assert model.wire_rules is REQUEST_RULES[body], model.__name__
        assert issubclass(model, TelnyxRequest)


@pytest.mark.parametrize("body", ["CreateBrand", "UpdateBrand"])
def test_the_brand_model_holds_no_more_than_the_spec_allows(body):
    model = brands.BrandCreate if body == "CreateBrand" else brands.BrandUpdate
    for name, field in model.model_fields.items():
        limit = REQUEST_RULES[body].get(field.alias or name, {}).get("maxLength")
        if limit is not None and hasattr(Brand, name):
            assert Brand._meta.get_field(name).max_length <= limit, name


def test_the_campaign_edit_form_holds_no_more_than_the_update_allows():
    form = CampaignEditForm()
    rules = REQUEST_RULES["UpdateCampaignRequest"]
    checked = 0
    for name, field in form.fields.items():
        limit = rules.get(campaign_services.CONTENT_FIELDS.get(name, name), {}).get("maxLength")
        if limit is not None:
            assert field.max_length is not None and field.max_length <= limit, name
            checked += 1
    assert checked == 7  # five samples, the message flow and the help message
