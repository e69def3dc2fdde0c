"""Sandbox endpoints for Telnyx's brands resources (paths relative to /sandbox/telnyx/v2/).

Wire format as Telnyx's (10dlc-openapi.json): camelCase bodies, bare objects, 10DLC paging,
`{"errors": [...]}` for 401/404/422, and FastAPI-style `{"detail": [...]}` for the OTP
endpoints' 400/404. Brand feedback answers on the spec's path and on the seed's spelling.
The lifecycle rules are in sandbox/brand_lifecycle.py.
"""

import logging
import secrets
from datetime import timedelta

from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.urls import path
from django.utils import timezone

from sandbox import pace
from sandbox.api import (
    ApiError,
    account_of,
    brands_of,
    endpoint,
    json_body,
    page_of_records,
    validate,
)
from sandbox.brand_lifecycle import deliver_otp, score_vetting, start_registration
from sandbox.enums import ENUMS, EXT_VETTING_PROVIDERS, VETTING_CLASSES
from sandbox.models.brands import SANDBOX_CSP_ID, SandboxBrand, SandboxOtp, SandboxVetting

logger = logging.getLogger("sandbox.brands")

REVET_INTERVAL = timedelta(days=90)
VETTING_REORDER_WINDOW = timedelta(days=180)
OTP_VALIDITY = timedelta(minutes=10)
COLUMNS = {"displayName": "display_name", "entityType": "entity_type", "country": "country"}
SORTS = {"createdAt", "displayName", "brandId", "tcrBrandId", "status", "identityStatus"}


# -- wire views of the models ----------------------------------------------------------------
def _iso(value) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def brand_wire(brand: SandboxBrand) -> dict:
    """TelnyxBrand."""
    return {
        **brand.attributes,
        "entityType": brand.entity_type,
        "displayName": brand.display_name,
        "country": brand.country,
        "brandId": brand.brand_id,
        "tcrBrandId": brand.tcr_brand_id,
        "cspId": SANDBOX_CSP_ID,
        "brandRelationship": "BASIC_ACCOUNT",
        "status": brand.status,
        "identityStatus": brand.identity_status or None,
        "failureReasons": brand.failure_reasons or None,
        "createdAt": _iso(brand.created_at),
        "updatedAt": _iso(brand.updated_at),
    }


def brand_basic_wire(brand: SandboxBrand) -> dict:
    """BrandListResponse (Telnyx spells the count `assignedCampaingsCount`)."""
    data = brand.attributes
    return {
        "assignedCampaingsCount": 0,
        "brandId": brand.brand_id,
        "companyName": data.get("companyName"),
        "createdAt": _iso(brand.created_at),
        "displayName": brand.display_name,
        "email": data.get("email"),
        "entityType": brand.entity_type,
        "failureReasons": brand.failure_reasons or None,
        "identityStatus": brand.identity_status or None,
        "status": brand.status,
        "tcrBrandId": brand.tcr_brand_id,
        "updatedAt": _iso(brand.updated_at),
        "website": data.get("website"),
    }


def otp_wire(otp: SandboxOtp) -> dict:
    """BrandSMSOtpStatus."""
    return {
        "brandId": otp.brand.brand_id,
        "deliveryStatus": otp.delivery_status,
        "mobilePhone": otp.mobile_phone,
        "referenceId": otp.reference_id,
        "requestDate": _iso(otp.request_date),
        "deliveryStatusDate": _iso(otp.delivery_status_date),
        "deliveryStatusDetails": None,
        "verifyDate": _iso(otp.verify_date),
    }


def vetting_wire(vetting: SandboxVetting) -> dict:
    """ExternalVetting."""
    return {
        "createDate": _iso(vetting.create_date),
        "evpId": vetting.evp_id,
        "vettedDate": _iso(vetting.vetted_date),
        "vettingClass": vetting.vetting_class,
        "vettingId": vetting.vetting_id,
        "vettingScore": vetting.vetting_score,
        "vettingToken": vetting.vetting_token or None,
    }


# -- helpers ---------------------------------------------------------------------------------
def _brand_or_404(request, brand_id: str) -> SandboxBrand:
    brand = brands_of(request).filter(brand_id=brand_id).first()
    if brand is None:
        raise ApiError(404, f"Brand {brand_id} not found.", code="10005")
    return brand


def _detail(status: int, loc: list[str], msg: str, kind: str = "value_error") -> JsonResponse:
    """The FastAPI-style error body the OTP endpoints use (HTTPValidationError)."""
    return JsonResponse({"detail": [{"loc": loc, "msg": msg, "type": kind}]}, status=status)


def _store(brand: SandboxBrand, body: dict) -> None:
    brand.display_name = body["displayName"]
    brand.entity_type = body["entityType"]
    brand.country = body["country"]
    brand.state = body.get("state") or ""
    brand.attributes = {k: v for k, v in body.items() if k not in COLUMNS and v is not None}


# -- brands ----------------------------------------------------------------------------------
@endpoint("GET", "POST")
def brands(request):
    if request.method == "POST":
        return _create_brand(request)
    query = request.GET
    validate(
        {k: v for k, v in query.items() if k not in ("page", "recordsPerPage")},
        "BrandListParams",
        partial=True,
    )
    records = brands_of(request)
    for wire, column in {**COLUMNS, "state": "state", "brandId": "brand_id"}.items():
        if query.get(wire):
            records = records.filter(**{column: query[wire]})
    if query.get("tcrBrandId"):
        records = records.filter(tcr_brand_id=query["tcrBrandId"])
    sort = query.get("sort") or "-createdAt"
    if sort.lstrip("-") in SORTS:
        column = {
            "createdAt": "created_at",
            "displayName": "display_name",
            "brandId": "brand_id",
            "tcrBrandId": "tcr_brand_id",
            "identityStatus": "identity_status",
        }.get(sort.lstrip("-"), sort.lstrip("-"))
        records = records.order_by(("-" if sort.startswith("-") else "") + column, "id")
    page = page_of_records(list(records), request)
    page["records"] = [brand_basic_wire(b) for b in page["records"]]
    return JsonResponse(page)


def _create_brand(request):
    body = json_body(request)
    validate(body, "BrandCreateParams")
    with transaction.atomic():
        brand = SandboxBrand(account=account_of(request))
        _store(brand, body)
        start_registration(brand)
        answer = brand_wire(brand)
    return JsonResponse(answer)


@endpoint("GET", "PUT", "DELETE")
def brand(request, brand_id: str):
    record = _brand_or_404(request, brand_id)
    if request.method == "DELETE":
        record.delete()
        return HttpResponse(status=204)
    if request.method == "PUT":
        body = json_body(request)
        validate(body, "BrandUpdateParams")
        body.pop("identityStatus", None)  # TCR decides it; an update cannot set it
        with transaction.atomic():
            _store(record, {**record.attributes, **body})
            start_registration(record)
            answer = brand_wire(record)
        return JsonResponse(answer)
    return JsonResponse(brand_wire(record))


@endpoint("POST")
def two_fa_email(request, brand_id: str):
    record = _brand_or_404(request, brand_id)
    SandboxBrand.objects.filter(pk=record.pk).update(
        two_fa_emails_sent=record.two_fa_emails_sent + 1
    )
    logger.info("sandbox brand %s: 2FA email re-sent", brand_id)
    return HttpResponse(status=200)


@endpoint("PUT")
def revet(request, brand_id: str):
    record = _brand_or_404(request, brand_id)
    if record.status == "REGISTRATION_PENDING":
        raise ApiError(400, "The brand is still being registered.", code="10015")
    if record.revetted_at and timezone.now() - record.revetted_at < REVET_INTERVAL:
        raise ApiError(400, "A brand can be revetted at most once every 3 months.", code="10015")
    with transaction.atomic():
        record.revetted_at = timezone.now()
        start_registration(record)
        answer = brand_wire(record)
    return JsonResponse(answer)


@endpoint("GET")
def feedback(request, brand_id: str):
    record = _brand_or_404(request, brand_id)
    return JsonResponse({"brandId": record.brand_id, "category": record.feedback})


# -- external vetting ------------------------------------------------------------------------
@endpoint("GET", "POST", "PUT")
def external_vetting(request, brand_id: str):
    record = _brand_or_404(request, brand_id)
    if request.method == "GET":
        return JsonResponse([vetting_wire(v) for v in record.vettings.all()], safe=False)
    body = json_body(request)
    if request.method == "POST":
        validate(body, "ExternalVettingOrderParams")
        _check_provider(body)
        if body["vettingClass"] not in VETTING_CLASSES:
            raise ApiError(
                422,
                f"vettingClass must be one of {', '.join(VETTING_CLASSES)}.",
                pointer="/vettingClass",
            )
        recent = record.vettings.filter(
            evp_id=body["evpId"],
            vetting_class=body["vettingClass"],
            create_date__gte=timezone.now() - VETTING_REORDER_WINDOW,
        )
        if recent.exists():
            raise ApiError(
                400,
                "A vetting of this class by this provider is in progress or succeeded in the "
                "last 180 days.",
                code="10012",
                title="Duplicate resource",
            )
        vetting = record.vettings.create(evp_id=body["evpId"], vetting_class=body["vettingClass"])
    else:
        validate(body, "ExternalVettingImportsParams")
        _check_provider(body)
        vetting = record.vettings.create(
            evp_id=body["evpId"],
            vetting_class=VETTING_CLASSES[0],
            vetting_id=body["vettingId"],
            vetting_token=body.get("vettingToken") or "",
        )
    answer = vetting_wire(vetting)
    pace.schedule(score_vetting, vetting.pk)
    return JsonResponse(answer)


def _check_provider(body: dict) -> None:
    if body["evpId"] not in EXT_VETTING_PROVIDERS:
        raise ApiError(
            422,
            f"evpId must be one of {', '.join(EXT_VETTING_PROVIDERS)}.",
            pointer="/evpId",
        )


# -- Sole Proprietor OTP ---------------------------------------------------------------------
@endpoint("GET", "POST", "PUT")
def sms_otp(request, brand_id: str):
    record = _brand_or_404(request, brand_id)
    if request.method == "GET":
        otp = record.otps.first()
        if otp is None:
            return _detail(404, ["path", "brandId"], "No OTP was requested for this brand.")
        return JsonResponse(otp_wire(otp))
    body = json_body(request)
    if request.method == "POST":
        return _trigger_otp(record, body)
    validate(body, "BrandVerifySMSOtpParams")
    return _verify_otp(record, str(body["otpPin"]))


def _trigger_otp(record: SandboxBrand, body: dict):
    validate(body, "BrandTriggerSMSOtpParams")
    if "@OTP_PIN@" not in body["pinSms"]:
        raise ApiError(422, "pinSms must contain @OTP_PIN@.", pointer="/pinSms")
    if record.entity_type != "SOLE_PROPRIETOR":
        return _detail(400, ["path", "brandId"], "OTP is only for SOLE_PROPRIETOR brands.")
    mobile = record.attributes.get("mobilePhone") or ""
    if not mobile.startswith("+1"):
        return _detail(400, ["body", "mobilePhone"], "The brand has no US or CA mobilePhone.")
    otp = record.otps.create(
        pin=f"{secrets.randbelow(10**6):06d}",
        pin_sms=body["pinSms"],
        success_sms=body["successSms"],
        mobile_phone=mobile,
    )
    # The demo user reads the PIN here or on the sandbox's home page.
    logger.info("sandbox SMS to %s: %s", mobile, otp.text)
    pace.schedule(deliver_otp, otp.reference_id)
    return JsonResponse({"brandId": record.brand_id, "referenceId": otp.reference_id})


def _verify_otp(record: SandboxBrand, pin: str):
    otp = record.otps.filter(verify_date__isnull=True).first()
    fresh = otp is not None and timezone.now() - otp.request_date < OTP_VALIDITY
    if otp is None or not fresh or not secrets.compare_digest(otp.pin, pin):
        return _detail(400, ["body", "otpPin"], "Invalid or expired OTP.")
    with transaction.atomic():
        otp.verify_date = timezone.now()
        otp.save(update_fields=["verify_date"])
        record.identity_status = "VERIFIED"
        record.feedback = []
        record.save(update_fields=["identity_status", "feedback", "updated_at"])
    logger.info("sandbox SMS to %s: %s", otp.mobile_phone, otp.success_sms)
    return HttpResponse(status=204)


@endpoint("GET")
def sms_otp_by_reference(request, reference_id: str):
    otps = SandboxOtp.objects.select_related("brand").filter(reference_id=reference_id)
    if request.GET.get("brandId"):
        otps = otps.filter(brand__brand_id=request.GET["brandId"])
    otp = otps.first()
    if otp is None:
        return _detail(404, ["path", "referenceId"], "No OTP with this reference.")
    return JsonResponse(otp_wire(otp))


# -- enums -----------------------------------------------------------------------------------
@endpoint("GET")
def enum(request, name: str):
    if name not in ENUMS:
        raise ApiError(404, f"Unknown enum endpoint {name}.", code="10005")
    return JsonResponse(ENUMS[name], safe=False)


urlpatterns = [
    path("10dlc/brand", brands, name="sandbox_brands"),
    path("10dlc/brand/feedback/<str:brand_id>", feedback, name="sandbox_brand_feedback"),
    path("10dlc/brand_feedback/<str:brand_id>", feedback),  # the seed document's spelling
    path("10dlc/brand/smsOtp/<str:reference_id>", sms_otp_by_reference),
    path("10dlc/brand/<str:brand_id>", brand, name="sandbox_brand"),
    path("10dlc/brand/<str:brand_id>/2faEmail", two_fa_email),
    path("10dlc/brand/<str:brand_id>/externalVetting", external_vetting),
    path("10dlc/brand/<str:brand_id>/revet", revet),
    path("10dlc/brand/<str:brand_id>/smsOtp", sms_otp),
    path("10dlc/enum/<str:name>", enum),
]
