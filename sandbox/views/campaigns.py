"""Sandbox endpoints for Telnyx's campaigns resources (paths relative to /sandbox/telnyx/v2/).

Both spellings where the seed and the spec differ: /10dlc/campaign/usecase/cost and
/10dlc/campaign/usecase_cost, /10dlc/campaign/{id}/osr/attributes and .../osr_attributes.
Qualification and review rules: sandbox/campaign_review.py; lifecycle: sandbox/tasks/campaigns.py.
"""

from django.db import transaction
from django.http import JsonResponse
from django.urls import path
from django.utils import timezone

from compliance.telnyx.fields import FIELDS
from sandbox import campaign_review
from sandbox.api import (
    ApiError,
    brands_of,
    campaigns_of,
    endpoint,
    json_body,
    page_of_records,
    validate,
)
from sandbox.enums import USECASES  # what GET /10dlc/enum/usecase serves
from sandbox.models.brands import SANDBOX_CSP_ID, SandboxBrand
from sandbox.models.campaigns import SandboxCampaign, SandboxPartnerCampaign, brand_facts
from sandbox.ratelimit import rate_limited
from sandbox.tasks.campaigns import start_review

APPEALABLE = ("TELNYX_FAILED", "MNO_REJECTED")
# Submitted fields a campaign shows back (TelnyxCampaignCsp has no mnoIds or tag).
CONTENT_FIELDS = tuple(
    name for name in FIELDS["CampaignBuilderSubmitParams"] if name in FIELDS["TelnyxCampaignCsp"]
)
PARTNER_SEED = (
    ("CSHARE1", "BPART01", "Partner Pizza Co", "CUSTOMER_CARE", "PARTNERCSP"),
    ("CSHARE2", "BPART02", "Partner Plumbing", "ACCOUNT_NOTIFICATION", "PARTNERCSP"),
)


def _iso(value) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def _campaign_or_404(request, campaign_id: str) -> SandboxCampaign:
    campaign = campaigns_of(request).select_related("brand").filter(campaign_id=campaign_id).first()
    if campaign is None:
        raise ApiError(404, f"Campaign {campaign_id} not found.", code="10005")
    return campaign


def _brand_or_error(
    request, brand_id: str, *, status: int = 404, pointer: str = ""
) -> SandboxBrand:
    brand = brands_of(request).filter(brand_id=brand_id).first()
    if brand is None:
        raise ApiError(status, f"Brand {brand_id} not found.", pointer=pointer, code="10005")
    return brand


def _usecase_or_422(usecase: str, pointer: str = "/usecase") -> str:
    if usecase not in USECASES:
        raise ApiError(422, f"usecase must be one of {', '.join(USECASES)}.", pointer=pointer)
    return usecase


def campaign_wire(campaign: SandboxCampaign, *, listed: bool = False) -> dict:
    """TelnyxCampaignCsp (or CampaignListResponse when listed)."""
    brand = brand_facts(campaign.brand)
    data = {
        name: campaign.attributes[name] for name in CONTENT_FIELDS if name in campaign.attributes
    }
    data.update(
        {
            "brandId": brand.brand_id,
            "campaignId": campaign.campaign_id,
            "cspId": SANDBOX_CSP_ID,
            "usecase": campaign.usecase,
            "subUsecases": campaign.attributes.get("subUsecases") or [],
            "termsAndConditions": bool(campaign.attributes.get("termsAndConditions", False)),
            "mock": brand.mock,
            "brandDisplayName": brand.display_name,
            "tcrBrandId": brand.tcr_brand_id,
            "tcrCampaignId": campaign.tcr_campaign_id
            if campaign.campaign_status != "TCR_PENDING"
            else None,
            "campaignStatus": campaign.campaign_status,
            "submissionStatus": campaign.submission_status,
            "status": campaign.status,
            "failureReasons": campaign.failure_reasons or None,
            "isTMobileRegistered": campaign.is_t_mobile_registered,
            "isTMobileSuspended": False,
            "isTMobileNumberPoolingEnabled": bool(campaign.attributes.get("numberPool")),
            "createDate": _iso(campaign.created_at),
            "billedDate": _iso(campaign.billed_date),
            "nextRenewalOrExpirationDate": _iso(campaign.next_renewal_or_expiration),
        }
    )
    if listed:
        data["assignedPhoneNumbersCount"] = 0
    return data


# -- campaignBuilder ------------------------------------------------------------------------
@endpoint("GET")
def qualify(request, brand_id: str, usecase: str):
    _usecase_or_422(usecase)
    brand = brand_facts(_brand_or_error(request, brand_id))
    problem = campaign_review.qualification_problem(brand, usecase)
    if problem:
        raise ApiError(400, problem, code="10004", title="Brand does not qualify")
    low, high = campaign_review.sub_usecase_limits(usecase)
    monthly = campaign_review.monthly_fee(usecase)
    return JsonResponse(
        {
            "usecase": usecase,
            "monthlyFee": float(monthly),
            "quarterlyFee": float(monthly * 3),
            "annualFee": float(monthly * 12),
            "minSubUsecases": low,
            "maxSubUsecases": high,
            "mnoMetadata": campaign_review.mno_metadata(usecase),
        }
    )


@endpoint("POST")
def campaign_builder(request):
    body = json_body(request)
    validate(body, "CampaignBuilderSubmitParams")
    usecase = _usecase_or_422(body["usecase"])
    record = _brand_or_error(request, body["brandId"], status=422, pointer="/brandId")
    brand = brand_facts(record)
    problem = campaign_review.qualification_problem(brand, usecase)
    if problem:
        raise ApiError(400, problem, code="10004", title="Brand does not qualify")
    _check_sub_usecases(usecase, body.get("subUsecases") or [])
    with transaction.atomic():
        SandboxBrand.objects.select_for_update().filter(pk=record.pk).first()  # one at a time
        live = SandboxCampaign.objects.filter(brand=record, deactivated_at__isnull=True)
        if brand.sole_proprietor and live.exists():
            raise ApiError(400, "A sole proprietor brand can have only one campaign.")
        reference = body.get("referenceId")
        if reference and SandboxCampaign.objects.filter(attributes__referenceId=reference).exists():
            raise ApiError(
                400,
                f"A campaign with referenceId {reference} already exists.",
                code="10012",
                title="Duplicate resource",
                pointer="/referenceId",
            )
        campaign = SandboxCampaign.objects.create(brand=record, usecase=usecase, attributes=body)
        answer = campaign_wire(campaign)
        start_review(campaign)
    return JsonResponse(answer)


def _check_sub_usecases(usecase: str, sub_usecases: list) -> None:
    low, high = campaign_review.sub_usecase_limits(usecase)
    for value in sub_usecases:
        _usecase_or_422(value, pointer="/subUsecases")
    if not low <= len(sub_usecases) <= high:
        raise ApiError(
            422,
            f"{usecase} takes {low} to {high} sub-usecases; {len(sub_usecases)} given.",
            pointer="/subUsecases",
        )


# -- campaigns ----------------------------------------------------------------------------------
LIST_SORTS = {
    "createdAt": "created_at",
    "campaignId": "campaign_id",
    "status": "status",
    "tcrCampaignId": "tcr_campaign_id",
    "assignedPhoneNumbersCount": "created_at",
}


@endpoint("GET")
def campaign_list(request):
    brand_id = request.GET.get("brandId", "")
    if not brand_id:
        raise ApiError(422, "brandId is required.", pointer="/brandId")
    sort = request.GET.get("sort") or "-createdAt"
    if sort not in FIELDS["CampaignListParams"]["sort"]["enum"]:
        raise ApiError(422, f"sort {sort} is not supported.", pointer="/sort")
    order = ("-" if sort.startswith("-") else "") + LIST_SORTS[sort.lstrip("-")]
    campaigns = (
        campaigns_of(request)
        .select_related("brand")
        .filter(brand__brand_id=brand_id)
        .order_by(order, "-id")
    )
    return JsonResponse(
        page_of_records([campaign_wire(c, listed=True) for c in campaigns], request)
    )


@endpoint("GET", "PUT", "DELETE")
@rate_limited
def campaign_detail(request, campaign_id: str):
    campaign = _campaign_or_404(request, campaign_id)
    if request.method == "GET":
        return JsonResponse(campaign_wire(campaign))
    if campaign.deactivated_at is not None:
        raise ApiError(400, f"Campaign {campaign_id} is deactivated.", code="10006")
    if request.method == "PUT":
        body = json_body(request)
        validate(body, "CampaignUpdateParams", partial=True)
        campaign.attributes = {**campaign.attributes, **body}
        campaign.save(update_fields=["attributes", "updated_at"])
        return JsonResponse(campaign_wire(campaign))
    now = timezone.now()
    SandboxCampaign.objects.filter(pk=campaign.pk).update(
        deactivated_at=now,
        status="EXPIRED",
        campaign_status="TCR_EXPIRED",
        next_renewal_or_expiration=now,
        updated_at=now,
    )
    return JsonResponse(
        {
            "time": round(now.timestamp(), 3),
            "message": f"Campaign {campaign_id} deactivated.",
            "record_type": "campaign",
        }
    )


@endpoint("POST")
def appeal(request, campaign_id: str):
    campaign = _campaign_or_404(request, campaign_id)
    body = json_body(request)
    validate(body, "CampaignSubmitAppealParams")
    if not str(body["appeal_reason"]).strip():
        raise ApiError(422, "appeal_reason is required.", pointer="/appeal_reason")
    if campaign.campaign_status not in APPEALABLE or campaign.deactivated_at:
        raise ApiError(
            400,
            f"Campaign is {campaign.campaign_status}; only TELNYX_FAILED or MNO_REJECTED "
            "campaigns can be appealed.",
            code="10007",
            title="Campaign not appealable",
        )
    now = timezone.now()
    with transaction.atomic():
        moved = SandboxCampaign.objects.filter(
            pk=campaign.pk, campaign_status=campaign.campaign_status
        ).update(
            campaign_status="TCR_ACCEPTED",
            appeal_reason=body["appeal_reason"],
            appealed_at=now,
            updated_at=now,
        )
        if not moved:
            raise ApiError(400, "The campaign changed status; read it again.", code="10007")
        start_review(campaign)
    return JsonResponse({"appealed_at": now.isoformat()})


@endpoint("GET")
def mno_metadata(request, campaign_id: str):
    campaign = _campaign_or_404(request, campaign_id)
    return JsonResponse(campaign_review.mno_metadata(campaign.usecase))


@endpoint("GET")
def operation_status(request, campaign_id: str):
    return JsonResponse(_campaign_or_404(request, campaign_id).operation_status)


@endpoint("GET")
def osr_attributes(request, campaign_id: str):
    """Free-form; the spec's example keys once the campaign is in the carriers' registry."""
    campaign = _campaign_or_404(request, campaign_id)
    if campaign.campaign_status != "MNO_PROVISIONED":
        return JsonResponse({})
    return JsonResponse({"brandId": campaign.brand.brand_id, "msg_class": "E", "status": "7"})


@endpoint("GET")
def usecase_cost(request):
    usecase = _usecase_or_422(request.GET.get("usecase", ""))
    return JsonResponse(
        {
            "campaignUsecase": usecase,
            "description": f"Campaign cost for the {usecase} use case (sandbox prices).",
            "monthlyCost": str(campaign_review.monthly_fee(usecase)),
            "upFrontCost": str(campaign_review.UP_FRONT_COST),
        }
    )


# -- sharing and partner campaigns ------------------------------------------------------------
@endpoint("GET")
def sharing(request, campaign_id: str):
    """Native sandbox campaigns are shared with nobody: both sides empty."""
    _campaign_or_404(request, campaign_id)
    return JsonResponse({})


def _partner_seed() -> None:
    for tcr_id, tcr_brand, name, usecase, upstream in PARTNER_SEED:
        SandboxPartnerCampaign.objects.get_or_create(
            tcr_campaign_id=tcr_id,
            defaults={
                "tcr_brand_id": tcr_brand,
                "brand_display_name": name,
                "usecase": usecase,
                "upstream_cnp_id": upstream,
                "attributes": {
                    "description": f"{name} sends {usecase.lower().replace('_', ' ')} messages.",
                    "sample1": f"{name}: your request is confirmed. Reply STOP to opt out.",
                    "subUsecases": [],
                    "termsAndConditions": True,
                },
            },
        )


@endpoint("POST")
def accept_sharing(request, campaign_id: str):
    if not (campaign_id[:1] == "C" and 6 <= len(campaign_id) <= 9 and campaign_id.isalnum()):
        raise ApiError(
            422, "campaignId must be a TCR campaign id (C + 5–8 characters).", pointer="/campaignId"
        )
    _partner_seed()
    partner = SandboxPartnerCampaign.objects.filter(tcr_campaign_id=campaign_id).first()
    if partner is None:
        raise ApiError(404, f"No campaign {campaign_id} is shared with Telnyx.", code="10005")
    if partner.accepted_at is None:
        partner.accepted_at = timezone.now()
        partner.save(update_fields=["accepted_at", "updated_at"])
    return JsonResponse({}, status=202)


def partner_wire(partner: SandboxPartnerCampaign) -> dict:
    """TelnyxDownstreamCampaign."""
    return {
        **partner.attributes,
        "tcrCampaignId": partner.tcr_campaign_id,
        "tcrBrandId": partner.tcr_brand_id,
        "brandDisplayName": partner.brand_display_name,
        "usecase": partner.usecase,
        "campaignStatus": partner.campaign_status,
        "assignedPhoneNumbersCount": 0,
        "webhookURL": partner.webhook_url or None,
        "webhookFailoverURL": partner.webhook_failover_url or None,
        "createdAt": _iso(partner.created_at),
        "updatedAt": _iso(partner.updated_at),
    }


def shared_campaign_wire(partner: SandboxPartnerCampaign) -> dict:
    """SharedCampaign: a campaign of this account shared with a partner, as TCR knows it."""
    return {
        "brandId": partner.tcr_brand_id,
        "campaignId": partner.tcr_campaign_id,
        "usecase": partner.usecase,
        "createDate": _iso(partner.created_at),
        "status": "EXPIRED" if partner.campaign_status == "TCR_EXPIRED" else "ACTIVE",
    }


@endpoint("GET")
def shared_by_me(request):
    """Only shares Telnyx has accepted are listed (the spec's note on this endpoint)."""
    _partner_seed()
    accepted = SandboxPartnerCampaign.objects.filter(accepted_at__isnull=False)
    return JsonResponse(page_of_records([shared_campaign_wire(p) for p in accepted], request))


@endpoint("GET")
def partner_sharing(request, campaign_id: str):
    """A map of the sharing partner → CampaignSharingStatus. `sharingStatus` is a free string
    in the spec; the sandbox says PENDING until the share is accepted, then ACCEPTED."""
    _partner_seed()
    partner = SandboxPartnerCampaign.objects.filter(tcr_campaign_id=campaign_id).first()
    if partner is None:
        raise ApiError(404, f"No campaign {campaign_id} is shared with Telnyx.", code="10005")
    accepted = partner.accepted_at is not None
    return JsonResponse(
        {
            partner.upstream_cnp_id: {
                "upstreamCnpId": partner.upstream_cnp_id,
                "sharedDate": _iso(partner.shared_at),
                "sharingStatus": "ACCEPTED" if accepted else "PENDING",
                "statusDate": _iso(partner.accepted_at or partner.shared_at),
            }
        }
    )


@endpoint("GET")
def partner_list(request):
    accepted = SandboxPartnerCampaign.objects.filter(accepted_at__isnull=False)
    return JsonResponse(page_of_records([partner_wire(p) for p in accepted], request))


@endpoint("GET", "PATCH")
def partner_detail(request, campaign_id: str):
    partner = SandboxPartnerCampaign.objects.filter(
        tcr_campaign_id=campaign_id, accepted_at__isnull=False
    ).first()
    if partner is None:
        raise ApiError(404, f"Partner campaign {campaign_id} not found.", code="10005")
    if request.method == "PATCH":
        body = json_body(request)
        editable = ("webhookURL", "webhookFailoverURL")
        errors = [name for name in body if name not in editable]
        if errors:
            raise ApiError(422, f"{errors[0]} is not editable.", pointer=f"/{errors[0]}")
        partner.webhook_url = body.get("webhookURL", partner.webhook_url) or ""
        partner.webhook_failover_url = (
            body.get("webhookFailoverURL", partner.webhook_failover_url) or ""
        )
        partner.save()
    return JsonResponse(partner_wire(partner))


urlpatterns = [
    path(
        "10dlc/campaignBuilder/brand/<str:brand_id>/usecase/<str:usecase>",
        qualify,
        name="sandbox_campaign_qualify",
    ),
    path("10dlc/campaignBuilder", campaign_builder, name="sandbox_campaign_builder"),
    path("10dlc/campaign", campaign_list, name="sandbox_campaign_list"),
    path("10dlc/campaign/usecase/cost", usecase_cost, name="sandbox_usecase_cost"),
    path("10dlc/campaign/usecase_cost", usecase_cost),  # seed spelling
    path("10dlc/campaign/acceptSharing/<str:campaign_id>", accept_sharing),
    path("10dlc/campaign/<str:campaign_id>", campaign_detail, name="sandbox_campaign"),
    path("10dlc/campaign/<str:campaign_id>/appeal", appeal),
    path("10dlc/campaign/<str:campaign_id>/mnoMetadata", mno_metadata),
    path("10dlc/campaign/<str:campaign_id>/operationStatus", operation_status),
    path("10dlc/campaign/<str:campaign_id>/osr/attributes", osr_attributes),
    path("10dlc/campaign/<str:campaign_id>/osr_attributes", osr_attributes),  # seed spelling
    path("10dlc/campaign/<str:campaign_id>/sharing", sharing),
    path("10dlc/partner_campaigns", partner_list),
    path("10dlc/partnerCampaign/sharedByMe", shared_by_me),
    path("10dlc/partnerCampaign/<str:campaign_id>/sharing", partner_sharing),
    path("10dlc/partner_campaigns/<str:campaign_id>", partner_detail),
]
