"""Contract: every campaign body the client can send, and every campaign response the sandbox
returns (and every webhook it sends), has only the fields fields.py (FIELDS.md) lists for its
schema, with the required ones present, JSON types right and enum values valid."""

import json
import typing

import httpx
import pytest

from compliance.models import WebhookEvent
from compliance.telnyx.client import TelnyxClient
from compliance.telnyx.fields import FIELDS
from compliance.telnyx.schemas import campaigns as schemas
from tests.factories import good_content, verified_brand

REQUESTS = {
    schemas.CampaignBuilderSubmitParams: "CampaignBuilderSubmitParams",
    schemas.CampaignUpdateParams: "CampaignUpdateParams",
    schemas.CampaignSubmitAppealParams: "CampaignSubmitAppealParams",
}
RESPONSES = {
    schemas.TelnyxCampaignCsp: "TelnyxCampaignCsp",
    schemas.CampaignSubmitAppealResponse: "CampaignSubmitAppealResponse",
    schemas.CampaignDeactivateResponse: "CampaignDeactivateResponse",
    schemas.BrandQualifyByUsecaseResponse: "BrandQualifyByUsecaseResponse",
    schemas.UsecaseGetCostResponse: "UsecaseGetCostResponse",
    schemas.CampaignStatusUpdate: "CampaignStatusUpdate",
}
_TYPES = {"string": str, "boolean": bool, "integer": int, "number": (int, float)}


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


def test_list_items_have_exactly_the_list_response_fields():
    aliases = {f.alias or n for n, f in schemas.CampaignListItem.model_fields.items()}
    assert aliases == set(FIELDS["CampaignListResponse"])


def assert_conforms(body: dict, schema: str, where: str) -> None:
    spec = FIELDS[schema]
    unknown = set(body) - set(spec)
    assert not unknown, f"{where}: {sorted(unknown)} not in {schema}"
    for name, field in spec.items():
        if field["required"]:
            assert body.get(name) is not None, f"{where}: {name} missing"
    for name, value in body.items():
        if value is None:
            assert spec[name]["nullable"], f"{where}: {name} is null"
            continue
        if spec[name]["enum"]:
            values = value if isinstance(value, list) else [value]
            assert set(values) <= set(spec[name]["enum"]), f"{where}: {name}={value}"
        expected = _TYPES.get(spec[name]["type"].split(" ")[0])
        if expected:
            assert isinstance(value, expected), f"{where}: {name} is {type(value).__name__}"


class Recorder(httpx.HTTPTransport):
    """A real HTTP transport that keeps every exchange."""

    def __init__(self):
        super().__init__()
        self.exchanges: list[tuple[str, str, dict | None, object]] = []

    def handle_request(self, request):
        response = super().handle_request(request)
        response.read()
        sent = json.loads(request.content) if request.content else None
        received = response.json() if response.content else None
        self.exchanges.append((request.method, request.url.path, sent, received))
        return response


@pytest.mark.django_db(transaction=True)
def test_every_campaign_exchange_with_the_sandbox_stays_within_the_wire_fields(
    telnyx_sandbox, sandbox_api_key, live_server
):
    recorder = Recorder()
    client = TelnyxClient(telnyx_sandbox, sandbox_api_key, transport=recorder)
    brand_id = verified_brand(client)
    full = schemas.CampaignBuilderSubmitParams(
        brandId=brand_id,
        **good_content(
            usecase="MIXED",
            subUsecases=["CUSTOMER_CARE", "ACCOUNT_NOTIFICATION"],
            sample3="Alice Bakery: your account was updated. Reply STOP to opt out.",
            sample4="Alice Bakery: your order shipped. Reply STOP to opt out.",
            sample5="Alice Bakery: your table is ready. Reply STOP to opt out.",
            autoRenewal=True,
            embeddedLinkSample="https://alicebakery.example/menu",
            mnoIds=[10017, 10035],
            referenceId="contract-1",
            resellerId="R1",
            tag=["contract"],
            webhookURL=f"{live_server.url}/webhooks/telnyx/",
            webhookFailoverURL=f"{live_server.url}/webhooks/telnyx/",
        ),
    )
    assert set(full.to_wire()) == set(FIELDS["CampaignBuilderSubmitParams"])
    rejected = client.submit_campaign(
        full.model_copy(
            update={
                "sample1": "Hi.",
                "sample2": "Hey.",
                "sample3": None,
                "sample4": None,
                "sample5": None,
                "reference_id": "contract-2",
            }
        )
    )
    created = client.submit_campaign(full)
    client.get_campaign(created.campaign_id)
    client.list_campaigns(brand_id)
    client.update_campaign(
        rejected.campaign_id,
        schemas.CampaignUpdateParams(
            **{
                name: "Alice Bakery: fixed. Reply STOP to opt out."
                for name in schemas.SAMPLE_FIELDS
            },
            message_flow=good_content()["messageFlow"],
            help_message="Alice Bakery: help at support@alicebakery.com",
            reseller_id="R1",
            auto_renewal=True,
            webhook_url=f"{live_server.url}/webhooks/telnyx/",
            webhook_failover_url=f"{live_server.url}/webhooks/telnyx/",
        ),
    )
    client.submit_appeal(rejected.campaign_id, "Fixed the samples.")
    client.qualify_by_usecase(brand_id, "MIXED")
    client.get_usecase_cost("MIXED")
    client.deactivate_campaign(created.campaign_id)
    client.close()

    checked = set()
    for method, path, sent, received in recorder.exchanges:
        route = path.split("/v2", 1)[1]
        if route.startswith("/10dlc/brand"):
            continue
        request_schema, response_schema = _schemas_of(method, route)
        if request_schema:
            assert_conforms(sent, request_schema, f"{method} {route} request")
            checked.add(request_schema)
        if response_schema == "CampaignListResponse":
            for record in received["records"]:
                assert_conforms(record, response_schema, "list record")
        else:
            assert_conforms(received, response_schema, f"{method} {route} response")
        checked.add(response_schema)
    assert checked == {
        "CampaignBuilderSubmitParams",
        "CampaignUpdateParams",
        "CampaignSubmitAppealParams",
        "TelnyxCampaignCsp",
        "CampaignListResponse",
        "CampaignSubmitAppealResponse",
        "CampaignDeactivateResponse",
        "BrandQualifyByUsecaseResponse",
        "UsecaseGetCostResponse",
    }
    webhook_bodies = [json.loads(e.raw_body) for e in WebhookEvent.objects.all()]
    assert len(webhook_bodies) >= 5
    for body in webhook_bodies:
        assert_conforms(body, "CampaignStatusUpdate", "webhook")


def _schemas_of(method: str, route: str) -> tuple[str | None, str]:
    """(request schema, response schema) of a campaign exchange."""
    if route == "/10dlc/campaignBuilder":
        return "CampaignBuilderSubmitParams", "TelnyxCampaignCsp"
    if route.startswith("/10dlc/campaignBuilder/brand/"):
        return None, "BrandQualifyByUsecaseResponse"
    if route == "/10dlc/campaign/usecase/cost":
        return None, "UsecaseGetCostResponse"
    if route == "/10dlc/campaign":
        return None, "CampaignListResponse"
    if route.endswith("/appeal"):
        return "CampaignSubmitAppealParams", "CampaignSubmitAppealResponse"
    return {
        "GET": (None, "TelnyxCampaignCsp"),
        "PUT": ("CampaignUpdateParams", "TelnyxCampaignCsp"),
        "DELETE": (None, "CampaignDeactivateResponse"),
    }[method]
