"""Every campaign method of the Telnyx client against the live sandbox, over real HTTP,
asserting parsed values; the sandbox's qualification, review lifecycle, appeals and signed
campaignStatusUpdate webhooks."""

import json

import pytest
from pydantic import ValidationError

from compliance.models import WebhookEvent
from compliance.telnyx.errors import BadRequest, NotFound, ValidationFailed
from compliance.telnyx.schemas.campaigns import CampaignBuilderSubmitParams
from compliance.telnyx.signatures import verify_webhook
from compliance.webhook_keys import webhook_public_key
from sandbox import webhooks
from sandbox.models.campaigns import SandboxCampaign
from sandbox.tasks.campaigns import status_update
from tests.factories import (
    good_content,
    sole_proprietor_brand,
    unverified_brand,
    verified_brand,
)

pytestmark = pytest.mark.django_db(transaction=True)


def submit(telnyx, brand_id, **overrides):
    return telnyx.submit_campaign(
        CampaignBuilderSubmitParams(brandId=brand_id, **good_content(**overrides))
    )


# -- qualify and cost ---------------------------------------------------------------------------
def test_qualify_gives_fees_sub_usecase_limits_and_carrier_metadata(telnyx):
    brand_id = verified_brand(telnyx)
    answer = telnyx.qualify_by_usecase(brand_id, "MIXED")
    assert answer.usecase == "MIXED"
    assert (answer.monthly_fee, answer.quarterly_fee, answer.annual_fee) == (10.0, 30.0, 120.0)
    assert (answer.min_sub_usecases, answer.max_sub_usecases) == (2, 5)
    carriers = answer.carriers
    assert set(carriers) == {"10017", "10035", "10999"}
    assert carriers["10017"].min_msg_samples == 2 and carriers["10017"].qualify is True
    assert telnyx.qualify_by_usecase(brand_id, "CUSTOMER_CARE").max_sub_usecases == 0
    assert telnyx.qualify_by_usecase(brand_id, "LOW_VOLUME").monthly_fee == 1.5


def test_qualify_refuses_sole_proprietor_usecase_for_a_company_and_vice_versa(telnyx):
    company = verified_brand(telnyx)
    with pytest.raises(BadRequest, match="only for sole proprietor"):
        telnyx.qualify_by_usecase(company, "SOLE_PROPRIETOR")
    sole = sole_proprietor_brand(telnyx)
    assert telnyx.qualify_by_usecase(sole, "SOLE_PROPRIETOR").monthly_fee == 2.0
    with pytest.raises(BadRequest, match="can only run the SOLE_PROPRIETOR"):
        telnyx.qualify_by_usecase(sole, "MARKETING")


def test_qualify_refuses_unverified_brands_unknown_brands_and_unknown_usecases(telnyx):
    with pytest.raises(BadRequest, match="UNVERIFIED"):
        telnyx.qualify_by_usecase(unverified_brand(telnyx), "MARKETING")
    with pytest.raises(BadRequest, match="UNVERIFIED"):
        telnyx.qualify_by_usecase(sole_proprietor_brand(telnyx, verify=False), "SOLE_PROPRIETOR")
    with pytest.raises(NotFound):
        telnyx.qualify_by_usecase("no-such-brand", "MARKETING")
    with pytest.raises(ValidationFailed) as caught:
        telnyx.qualify_by_usecase(verified_brand(telnyx), "SPAM")
    assert "usecase" in caught.value.field_errors()


def test_usecase_cost_on_the_spec_path_and_the_seed_path(telnyx):
    cost = telnyx.get_usecase_cost("MARKETING")
    assert (cost.campaign_usecase, cost.monthly_cost, cost.up_front_cost) == (
        "MARKETING",
        "10.00",
        "15.00",
    )
    seed = telnyx.request("GET", "/10dlc/campaign/usecase_cost", params={"usecase": "LOW_VOLUME"})
    assert seed["monthlyCost"] == "1.50"
    with pytest.raises(ValidationFailed):
        telnyx.get_usecase_cost("NOPE")


# -- submit, lifecycle, read ------------------------------------------------------------------
def test_a_compliant_campaign_goes_from_tcr_pending_to_provisioned(telnyx):
    brand_id = verified_brand(telnyx)
    created = submit(telnyx, brand_id, referenceId="ref-1")
    assert created.campaign_status == "TCR_PENDING"
    assert created.submission_status == "PENDING"
    assert created.brand_id == brand_id and created.usecase == "CUSTOMER_CARE"
    assert created.reference_id == "ref-1" and created.csp_id == "SANDBOX"

    campaign = telnyx.get_campaign(created.campaign_id)
    assert campaign.campaign_status == "MNO_PROVISIONED"
    assert campaign.submission_status == "CREATED"
    assert campaign.tcr_campaign_id.startswith("C")
    assert campaign.failure_reasons is None
    assert campaign.brand_display_name == "Alice Bakery"
    assert campaign.is_t_mobile_registered is True
    assert campaign.next_renewal_or_expiration_date and campaign.billed_date
    assert campaign.sample1.startswith("Alice Bakery: your order")

    assert telnyx.get_operation_status(created.campaign_id) == {
        "10017": "APPROVED",
        "10035": "APPROVED",
        "10999": "APPROVED",
    }
    metadata = telnyx.get_mno_metadata(created.campaign_id)
    assert metadata["10999"].req_subscriber_optout is True
    assert telnyx.get_osr_attributes(created.campaign_id)["brandId"] == brand_id
    osr_seed = telnyx.request("GET", f"/10dlc/campaign/{created.campaign_id}/osr_attributes")
    assert osr_seed["brandId"] == brand_id
    assert telnyx.get_sharing(created.campaign_id).shared_by_me is None


@pytest.mark.spec_violation_on_purpose
def test_submit_refuses_missing_fields_and_wrong_sub_usecase_counts_with_pointers(telnyx):
    brand_id = verified_brand(telnyx)
    with pytest.raises(ValidationFailed) as caught:
        telnyx.request("POST", "/10dlc/campaignBuilder", json={"brandId": brand_id})
    assert {"description", "usecase"} <= set(caught.value.field_errors())
    with pytest.raises(ValidationFailed) as caught:
        submit(telnyx, brand_id, usecase="MIXED", subUsecases=["MARKETING"])
    assert "2 to 5" in caught.value.field_errors()["subUsecases"][0]
    with pytest.raises(ValidationFailed) as caught:
        submit(telnyx, "no-such-brand")
    assert "brandId" in caught.value.field_errors()
    with pytest.raises(ValidationFailed) as caught:
        telnyx.request(
            "POST", "/10dlc/campaignBuilder", json={**good_content(), "brandId": brand_id, "x": 1}
        )
    assert "x" in caught.value.field_errors()


def test_submit_refuses_unverified_brands_a_second_sole_proprietor_campaign_and_duplicates(
    telnyx,
):
    with pytest.raises(BadRequest, match="verified brand"):
        submit(telnyx, unverified_brand(telnyx))
    sole = sole_proprietor_brand(telnyx)
    submit(telnyx, sole, usecase="SOLE_PROPRIETOR", sample1="Jane's Cakes: hi. Reply STOP.")
    with pytest.raises(BadRequest, match="only one campaign"):
        submit(telnyx, sole, usecase="SOLE_PROPRIETOR")
    brand_id = verified_brand(telnyx)
    submit(telnyx, brand_id, referenceId="same")
    with pytest.raises(BadRequest) as caught:
        submit(telnyx, brand_id, referenceId="same")
    assert caught.value.errors[0].code == "10012"


def test_list_campaigns_pages_and_the_iterator_walks_every_page(telnyx):
    brand_id = verified_brand(telnyx)
    other = verified_brand(telnyx, display_name="Other Shop")
    ids = {submit(telnyx, brand_id).campaign_id for _ in range(3)}
    submit(telnyx, other, description="Other Shop " + good_content()["description"])
    first = telnyx.list_campaigns(brand_id, records_per_page=2)
    assert (first.page, first.total_records, len(first.records)) == (1, 3, 2)
    second = telnyx.list_campaigns(brand_id, page=2, records_per_page=2, sort="createdAt")
    assert len(second.records) == 1
    assert {c.campaign_id for c in telnyx.iter_campaigns(brand_id, records_per_page=2)} == ids
    assert all(c.assigned_phone_numbers_count == 0 for c in first.records)
    with pytest.raises(ValidationFailed):
        telnyx.request("GET", "/10dlc/campaign")


def test_get_update_deactivate_of_unknown_campaigns_are_not_found(telnyx):
    for call in (
        lambda: telnyx.get_campaign("nope"),
        lambda: telnyx.update_campaign("nope", sample1="x"),
        lambda: telnyx.deactivate_campaign("nope"),
        lambda: telnyx.submit_appeal("nope", "fixed"),
        lambda: telnyx.get_mno_metadata("nope"),
        lambda: telnyx.get_operation_status("nope"),
    ):
        with pytest.raises(NotFound):
            call()


# -- rejection, edit, appeal ------------------------------------------------------------------
def test_no_opt_out_language_is_rejected_by_telnyx_then_fixed_and_appealed_to_provisioned(telnyx):
    brand_id = verified_brand(telnyx)
    created = submit(
        telnyx,
        brand_id,
        sample1="Alice Bakery: your order is ready.",
        sample2="Alice Bakery: we answer within one hour.",
    )
    rejected = telnyx.get_campaign(created.campaign_id)
    assert rejected.campaign_status == "TELNYX_FAILED"
    assert "T4" in rejected.failure_reasons

    with pytest.raises(BadRequest, match="only TELNYX_FAILED or MNO_REJECTED"):
        telnyx.submit_appeal(submit(telnyx, brand_id).campaign_id, "no reason")

    updated = telnyx.update_campaign(
        created.campaign_id, sample1="Alice Bakery: your order is ready. Reply STOP to opt out."
    )
    assert updated.sample1.endswith("Reply STOP to opt out.")
    appeal = telnyx.submit_appeal(created.campaign_id, "Samples now carry opt-out language.")
    assert appeal.appealed_at is not None
    assert telnyx.get_campaign(created.campaign_id).campaign_status == "MNO_PROVISIONED"


def test_a_carrier_rejects_url_shorteners_and_an_appeal_without_a_fix_is_rejected_again(telnyx):
    brand_id = verified_brand(telnyx)
    created = submit(
        telnyx,
        brand_id,
        sample2="Alice Bakery: track your order at https://bit.ly/abc. Reply STOP to opt out.",
        embeddedLink=True,
    )
    campaign = telnyx.get_campaign(created.campaign_id)
    assert campaign.campaign_status == "MNO_REJECTED"
    assert "M1" in campaign.failure_reasons
    assert set(telnyx.get_operation_status(created.campaign_id).values()) == {"REJECTED"}
    telnyx.submit_appeal(created.campaign_id, "Please look again.")
    assert telnyx.get_campaign(created.campaign_id).campaign_status == "MNO_REJECTED"
    stored = SandboxCampaign.objects.get(campaign_id=created.campaign_id)
    assert stored.appeal_reason == "Please look again."


def test_flags_that_disagree_with_the_samples_are_rejected_by_the_carriers(telnyx):
    brand_id = verified_brand(telnyx)
    created = submit(telnyx, brand_id, embeddedLink=True, embeddedPhone=True)
    reasons = telnyx.get_campaign(created.campaign_id).failure_reasons
    assert "M2" in reasons and "M3" in reasons


def test_update_sends_only_editable_fields_and_the_sandbox_refuses_others(telnyx):
    brand_id = verified_brand(telnyx)
    campaign_id = submit(telnyx, brand_id).campaign_id
    with pytest.raises(ValidationError):
        telnyx.update_campaign(campaign_id, description="not editable")
    with pytest.raises(ValidationFailed) as caught:
        telnyx.request("PUT", f"/10dlc/campaign/{campaign_id}", json={"description": "x"})
    assert "description" in caught.value.field_errors()
    updated = telnyx.update_campaign(
        campaign_id,
        help_message="Alice Bakery: help at support@alicebakery.com",
        auto_renewal=False,
    )
    assert updated.help_message.startswith("Alice Bakery: help")
    assert updated.auto_renewal is False


def test_deactivate_expires_the_campaign_for_good(telnyx):
    campaign_id = submit(telnyx, verified_brand(telnyx)).campaign_id
    answer = telnyx.deactivate_campaign(campaign_id)
    assert answer.time > 0 and answer.record_type == "campaign"
    campaign = telnyx.get_campaign(campaign_id)
    assert (campaign.status, campaign.campaign_status) == ("EXPIRED", "TCR_EXPIRED")
    with pytest.raises(BadRequest):
        telnyx.deactivate_campaign(campaign_id)
    with pytest.raises(BadRequest):
        telnyx.update_campaign(campaign_id, sample1="Alice Bakery: hi. Reply STOP.")


# -- partner campaigns ------------------------------------------------------------------------
def test_partner_campaigns_are_listed_once_accepted_and_take_webhook_updates(telnyx):
    assert telnyx.list_partner_campaigns().total_records == 0
    assert telnyx.accept_sharing("CSHARE1") == {}
    page = telnyx.list_partner_campaigns()
    assert [c.tcr_campaign_id for c in page.records] == ["CSHARE1"]
    assert page.records[0].brand_display_name == "Partner Pizza Co"
    updated = telnyx.update_partner_campaign("CSHARE1", webhook_url="https://example.com/hook")
    assert updated.webhook_url == "https://example.com/hook"
    assert telnyx.get_partner_campaign("CSHARE1").webhook_url == "https://example.com/hook"
    assert [c.tcr_campaign_id for c in telnyx.iter_partner_campaigns()] == ["CSHARE1"]
    with pytest.raises(NotFound):
        telnyx.get_partner_campaign("CSHARE2")  # shared but not accepted
    with pytest.raises(NotFound):
        telnyx.accept_sharing("CNOSUCH")


@pytest.mark.spec_violation_on_purpose
def test_accepting_sharing_of_an_id_that_is_no_tcr_campaign_id_is_422(telnyx):
    with pytest.raises(ValidationFailed) as caught:
        telnyx.accept_sharing("not-a-tcr-id")
    assert "campaignId" in caught.value.field_errors()  # loc ["path", "campaignId"]


# -- webhooks ---------------------------------------------------------------------------------
def test_each_transition_sends_a_signed_campaign_status_update_to_the_webhook_url(
    telnyx, live_server
):
    brand_id = verified_brand(telnyx)
    url = f"{live_server.url}/webhooks/telnyx/"
    campaign_id = submit(
        telnyx, brand_id, webhookURL=url, webhookFailoverURL=url + "failover"
    ).campaign_id
    events = WebhookEvent.objects.order_by("received_at", "pk")
    bodies = [json.loads(e.raw_body) for e in events]
    assert [(b["type"], b["status"]) for b in bodies] == [
        ("REGISTRATION", "ACCEPTED"),
        ("TELNYX_REVIEW", "ACCEPTED"),
        ("MNO_REVIEW", "ACCEPTED"),
        ("VERIFIED", "ACCEPTED"),
    ]
    assert {b["campaignId"] for b in bodies} == {campaign_id}
    assert set(bodies[0]) == {
        "brandId",
        "campaignId",
        "createDate",
        "cspId",
        "isTMobileRegistered",
        "type",
        "status",
        "description",
    }
    assert bodies[-1]["isTMobileRegistered"] is True


def test_a_rejection_webhook_carries_the_reasons(telnyx, live_server):
    url = f"{live_server.url}/webhooks/telnyx/"
    submit(
        telnyx,
        verified_brand(telnyx),
        webhookURL=url,
        sample1="Alice Bakery: hello there.",
        sample2="Alice Bakery: see you soon.",
    )
    last = json.loads(WebhookEvent.objects.order_by("-received_at", "-pk").first().raw_body)
    assert (last["type"], last["status"]) == ("TELNYX_REVIEW", "REJECTED")
    assert "T4" in last["description"]


def test_the_sandbox_signs_what_it_delivers_with_the_key_the_app_trusts(telnyx):
    campaign = SandboxCampaign.objects.get(
        campaign_id=submit(telnyx, verified_brand(telnyx)).campaign_id
    )
    body = json.dumps(status_update(campaign, "REGISTRATION", "ACCEPTED", "ok")).encode()
    headers = webhooks.signed_headers(body)
    assert verify_webhook(body, headers, webhook_public_key()) == int(headers["telnyx-timestamp"])


def test_shared_by_me_lists_accepted_shares_and_sharing_status_follows_acceptance(telnyx):
    assert telnyx.list_shared_by_me().total_records == 0  # nothing accepted yet
    pending = telnyx.get_partner_campaign_sharing("CSHARE1")
    assert [(k, s.sharing_status) for k, s in pending.items()] == [("PARTNERCSP", "PENDING")]

    telnyx.accept_sharing("CSHARE1")

    page = telnyx.list_shared_by_me()
    assert [(c.campaign_id, c.brand_id, c.usecase, c.status) for c in page.records] == [
        ("CSHARE1", "BPART01", "CUSTOMER_CARE", "ACTIVE")
    ]
    assert [c.campaign_id for c in telnyx.iter_shared_by_me()] == ["CSHARE1"]
    accepted = telnyx.get_partner_campaign_sharing("CSHARE1")["PARTNERCSP"]
    assert accepted.sharing_status == "ACCEPTED" and accepted.upstream_cnp_id == "PARTNERCSP"
    assert accepted.shared_date and accepted.status_date
    with pytest.raises(NotFound):
        telnyx.get_partner_campaign_sharing("CNOSUCH")
