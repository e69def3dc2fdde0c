"""Sandbox endpoints for Telnyx's numbers resources (paths relative to /sandbox/telnyx/v2/).

Messaging profiles, messaging numbers, messages and opt-outs answer in snake_case wrapped in
{"data": ...}; the 10DLC assignment endpoints answer camelCase bare objects. The assignment
endpoints are rate limited (settings.SANDBOX_RATE_LIMIT, see sandbox/ratelimit.py).
"""

from urllib.parse import unquote

import phonenumbers
from django.db import IntegrityError, transaction
from django.http import JsonResponse
from django.urls import path

from sandbox import pace
from sandbox.api import (
    ApiError,
    account_of,
    brands_of,
    campaigns_of,
    endpoint,
    json_body,
    numbers_of,
    page_of_data,
    page_of_records,
    profiles_of,
    validate,
)
from sandbox.models.brands import SandboxBrand
from sandbox.models.numbers import (
    AssignmentTask,
    Message,
    MessagingProfile,
    NumberAssignment,
    PhoneNumber,
)
from sandbox.ratelimit import rate_limited
from sandbox.records import assignment_json, carriable_campaign, iso, message_json
from sandbox.tasks import numbers as tasks

PROFILE_COLUMNS = (
    "name",
    "enabled",
    "whitelisted_destinations",
    "webhook_url",
    "webhook_failover_url",
    "webhook_api_version",
)
ACTIVE_ASSIGNMENT = (
    "PENDING_ASSIGNMENT",
    "ASSIGNED",
    "PENDING_UNASSIGNMENT",
    "FAILED_UNASSIGNMENT",
)


def _e164(value, pointer: str) -> str:
    try:
        parsed = phonenumbers.parse(str(value), None)
    except phonenumbers.NumberParseException:
        parsed = None
    if (
        parsed is None
        or not phonenumbers.is_possible_number(parsed)
        or phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) != value
    ):
        raise ApiError(422, f"{value!r} is not an E.164 phone number.", pointer=pointer)
    return value


# -- messaging profiles ------------------------------------------------------------------------
def profile_json(profile: MessagingProfile) -> dict:
    return {
        "id": profile.id,
        "record_type": "messaging_profile",
        **{name: getattr(profile, name) for name in PROFILE_COLUMNS},
        **profile.settings,
        "created_at": iso(profile.created_at),
        "updated_at": iso(profile.updated_at),
    }


def _apply_profile_fields(profile: MessagingProfile, body: dict) -> None:
    for name, value in body.items():
        if name in PROFILE_COLUMNS:
            setattr(profile, name, value if value is not None else "")
        else:
            profile.settings[name] = value


def _profile_or_404(request, profile_id: str) -> MessagingProfile:
    profile = profiles_of(request).filter(pk=profile_id).first()
    if profile is None:
        raise ApiError(404, "Messaging profile not found.", code="10005")
    return profile


@endpoint("GET", "POST")
def messaging_profiles(request):
    if request.method == "GET":
        profiles = [profile_json(p) for p in profiles_of(request)]
        return JsonResponse(page_of_data(profiles, request))
    body = json_body(request)
    validate(body, "MessagingProfileCreateParams")
    if not isinstance(body["whitelisted_destinations"], list):
        raise ApiError(
            422, "whitelisted_destinations must be a list.", pointer="/whitelisted_destinations"
        )
    profile = MessagingProfile(account=account_of(request))
    _apply_profile_fields(profile, body)
    profile.save()
    return JsonResponse({"data": profile_json(profile)})


@endpoint("GET", "PATCH", "DELETE")
def messaging_profile(request, profile_id):
    profile = _profile_or_404(request, profile_id)
    if request.method == "PATCH":
        body = json_body(request)
        validate(body, "MessagingProfileCreateParams", partial=True)
        _apply_profile_fields(profile, body)
        profile.save()
    elif request.method == "DELETE":
        data = profile_json(profile)
        profile.delete()
        return JsonResponse({"data": data})
    return JsonResponse({"data": profile_json(profile)})


@endpoint("GET")
def profile_phone_numbers(request, profile_id):
    profile = _profile_or_404(request, profile_id)
    numbers = [number_json(n) for n in profile.numbers.select_related("profile")]
    return JsonResponse(page_of_data(numbers, request))


# -- messaging numbers -------------------------------------------------------------------------
def number_json(number: PhoneNumber) -> dict:
    features = {"domestic_two_way": True, "international_inbound": False}
    features["international_outbound"] = False
    return {
        "id": number.id,
        "record_type": "messaging_settings",
        "phone_number": number.phone_number,
        "messaging_profile_id": number.profile_id,
        "messaging_product": number.messaging_product,
        "country_code": "US",
        "type": number.type,
        "traffic_type": "A2P",
        "eligible_messaging_products": ["A2P", "P2P"],
        "features": {"sms": features, "mms": None},
        "tags": [],
        "created_at": iso(number.created_at),
        "updated_at": iso(number.updated_at),
    }


@endpoint("GET")
def messaging_numbers(request):
    numbers = [number_json(n) for n in numbers_of(request)]
    return JsonResponse(page_of_data(numbers, request))


@endpoint("GET", "PATCH")
def number_messaging(request, number_id):
    number = numbers_of(request).filter(pk=number_id).first()
    if number is None:
        raise ApiError(404, "Phone number not found.", code="10005")
    if request.method == "PATCH":
        body = json_body(request)
        allowed = {"messaging_profile_id", "messaging_product"}
        unknown = [name for name in body if name not in allowed]
        if unknown:
            raise ApiError(422, f"{unknown[0]} is not a known field.", pointer=f"/{unknown[0]}")
        if "messaging_profile_id" in body:
            profile_id = body["messaging_profile_id"]
            if profile_id and not profiles_of(request).filter(pk=profile_id).exists():
                raise ApiError(422, "Messaging profile not found.", pointer="/messaging_profile_id")
            number.profile_id = profile_id or None
        if body.get("messaging_product"):
            number.messaging_product = body["messaging_product"]
        number.save()
    return JsonResponse({"data": number_json(number)})


# -- number <-> campaign assignments -------------------------------------------------------------
ASSIGNMENT_FILTERS = {
    "filter[telnyx_campaign_id]": "campaign_id",
    "filter[tcr_campaign_id]": "tcr_campaign_id",
    "filter[telnyx_brand_id]": "brand_id",
    "filter[tcr_brand_id]": "tcr_brand_id",
}
ASSIGNMENT_SORTS = {
    "assignmentStatus": "assignment_status",
    "createdAt": "created_at",
    "phoneNumber": "phone_number",
}


def _account_number(request, phone_number: str, pointer: str) -> PhoneNumber:
    number = numbers_of(request).filter(phone_number=phone_number).first()
    if number is None:
        raise ApiError(422, f"{phone_number} is not a number of this account.", pointer=pointer)
    return number


def _check_sole_proprietor_capacity(campaign, phone_number: str) -> None:
    if not campaign.sole_proprietor:
        return
    others = NumberAssignment.objects.filter(
        campaign_id=campaign.campaign_id, assignment_status__in=ACTIVE_ASSIGNMENT
    ).exclude(phone_number=phone_number)
    if others.exists():
        raise ApiError(
            422,
            "A Sole Proprietor campaign can have only one phone number.",
            pointer="/campaignId",
        )


def _assignment_body(request) -> tuple[str, object]:
    body = json_body(request)
    validate(body, "PhoneNumberCampaignCreateParams")
    phone_number = _e164(body["phoneNumber"], "/phoneNumber")
    _account_number(request, phone_number, "/phoneNumber")
    return phone_number, carriable_campaign(
        body["campaignId"], pointer="/campaignId", campaigns=campaigns_of(request)
    )


def _assignments_of(request):
    """The number assignments of the request's account (by their brands): the default
    account sees every assignment but those of the other accounts the sandbox plays."""
    account = account_of(request)
    if account is None:
        others = SandboxBrand.objects.filter(account__isnull=False).values("brand_id")
        return NumberAssignment.objects.exclude(brand_id__in=others)
    return NumberAssignment.objects.filter(brand_id__in=brands_of(request).values("brand_id"))


@endpoint("GET", "POST")
@rate_limited
def phone_number_campaigns(request):
    if request.method == "GET":
        assignments = _assignments_of(request)
        for param, column in ASSIGNMENT_FILTERS.items():
            if request.GET.get(param):
                assignments = assignments.filter(**{column: request.GET[param]})
        sort = request.GET.get("sort", "-createdAt")
        column = ASSIGNMENT_SORTS.get(sort.lstrip("-"))
        if column is None:
            raise ApiError(422, f"sort must be one of {', '.join(ASSIGNMENT_SORTS)}.")
        assignments = assignments.order_by(("-" if sort.startswith("-") else "") + column, "id")
        records = [assignment_json(a) for a in assignments]
        return JsonResponse(page_of_records(records, request))

    phone_number, campaign = _assignment_body(request)
    existing = NumberAssignment.objects.filter(phone_number=phone_number).first()
    if existing is not None and existing.assignment_status != "FAILED_ASSIGNMENT":
        raise ApiError(
            422,
            f"{phone_number} is already assigned to campaign {existing.campaign_id}; "
            "use PUT to move it.",
            pointer="/phoneNumber",
            code="10012",
            title="Duplicate resource",
        )
    _check_sole_proprietor_capacity(campaign, phone_number)
    try:
        with transaction.atomic():
            if existing is not None:
                existing.delete()
            assignment = NumberAssignment.objects.create(
                phone_number=phone_number,
                campaign_id=campaign.campaign_id,
                tcr_campaign_id=campaign.tcr_campaign_id,
                brand_id=campaign.brand_id,
                tcr_brand_id=campaign.tcr_brand_id,
            )
    except IntegrityError as exc:  # a concurrent POST for the same number won
        raise ApiError(
            422,
            f"{phone_number} is already assigned; use PUT to move it.",
            pointer="/phoneNumber",
            code="10012",
            title="Duplicate resource",
        ) from exc
    body = assignment_json(assignment)
    pace.schedule(tasks.complete_assignment, assignment.pk)
    return JsonResponse(body)


@endpoint("GET", "PUT", "DELETE")
@rate_limited
def phone_number_campaign(request, phone_number):
    phone_number = unquote(phone_number)
    # Another account's assignment is as unknown as a missing one.
    assignment = _assignments_of(request).filter(phone_number=phone_number).first()
    if assignment is None:
        raise ApiError(404, f"{phone_number} is not assigned to a campaign.", code="10005")
    if request.method == "PUT":
        body_number, campaign = _assignment_body(request)
        if body_number != phone_number:
            raise ApiError(422, "phoneNumber must match the path.", pointer="/phoneNumber")
        _check_sole_proprietor_capacity(campaign, phone_number)
        assignment.campaign_id = campaign.campaign_id
        assignment.tcr_campaign_id = campaign.tcr_campaign_id
        assignment.brand_id = campaign.brand_id
        assignment.tcr_brand_id = campaign.tcr_brand_id
        assignment.assignment_status = "PENDING_ASSIGNMENT"
        assignment.failure_reasons = ""
        assignment.save()
        body = assignment_json(assignment)
        pace.schedule(tasks.complete_assignment, assignment.pk)
        return JsonResponse(body)
    if request.method == "DELETE":
        assignment.assignment_status = "PENDING_UNASSIGNMENT"
        assignment.save(update_fields=["assignment_status", "updated_at"])
        body = assignment_json(assignment)
        pace.schedule(tasks.complete_unassignment, assignment.pk)
        return JsonResponse(body)
    return JsonResponse(assignment_json(assignment))


# -- assignment by messaging profile -------------------------------------------------------------
@endpoint("POST")
@rate_limited
def assignment_by_profile(request):
    body = json_body(request)
    validate(body, "PhoneNumberAssignmentByProfileAssignParams")
    if bool(body.get("campaignId")) == bool(body.get("tcrCampaignId")):
        raise ApiError(
            422, "Give exactly one of campaignId and tcrCampaignId.", pointer="/campaignId"
        )
    if not profiles_of(request).filter(pk=body["messagingProfileId"]).exists():
        raise ApiError(422, "Messaging profile not found.", pointer="/messagingProfileId")
    pointer = "/campaignId" if body.get("campaignId") else "/tcrCampaignId"
    campaign = carriable_campaign(
        body.get("campaignId") or body["tcrCampaignId"],
        pointer=pointer,
        campaigns=campaigns_of(request),
    )
    task = AssignmentTask.objects.create(
        messaging_profile_id=body["messagingProfileId"],
        campaign_id=campaign.campaign_id,
        tcr_campaign_id=campaign.tcr_campaign_id,
    )
    response = {
        "messagingProfileId": task.messaging_profile_id,
        "taskId": task.task_id,
        "campaignId": body.get("campaignId"),
        "tcrCampaignId": body.get("tcrCampaignId"),
    }
    pace.schedule(tasks.run_profile_task, task.task_id)
    return JsonResponse(response, status=202)


def _task_or_404(task_id: str) -> AssignmentTask:
    task = AssignmentTask.objects.filter(pk=task_id).first()
    if task is None:
        raise ApiError(404, "Task not found.", code="10005")
    return task


@endpoint("GET")
@rate_limited
def assignment_task(request, task_id):
    task = _task_or_404(task_id)
    return JsonResponse(
        {
            "taskId": task.task_id,
            "status": task.status,
            "createdAt": iso(task.created_at),
            "updatedAt": iso(task.updated_at),
        }
    )


@endpoint("GET")
@rate_limited
def assignment_task_numbers(request, task_id):
    task = _task_or_404(task_id)
    records = [
        {"phoneNumber": n.phone_number, "status": n.status, "taskId": task.task_id}
        for n in task.numbers.all()
    ]
    page = page_of_records(records, request)
    return JsonResponse({"records": page["records"]})  # no page/totalRecords (spec)


# -- messages ----------------------------------------------------------------------------------
@endpoint("POST")
def messages(request):
    body = json_body(request)
    body.pop("Idempotency-Key", None)
    validate(body, "MessageSendParams")
    if not body.get("from"):
        raise ApiError(422, "from is required.", pointer="/from")
    if not body.get("text"):
        raise ApiError(422, "text is required.", pointer="/text")
    sender = _account_number(request, _e164(body["from"], "/from"), "/from")
    to = _e164(body["to"], "/to")
    profile = sender.profile
    if profile is None:
        raise ApiError(422, "The sending number has no messaging profile.", pointer="/from")
    region = phonenumbers.region_code_for_number(phonenumbers.parse(to))
    allowed = profile.whitelisted_destinations or []
    if allowed and region not in allowed:
        raise ApiError(
            422,
            f"Destination {region} is not in the profile's whitelisted destinations.",
            pointer="/to",
        )
    assignment = NumberAssignment.objects.filter(
        phone_number=sender.phone_number, assignment_status="ASSIGNED"
    ).first()
    message = Message.objects.create(
        profile=profile,
        from_number=sender.phone_number,
        to_number=to,
        text=body["text"],
        tcr_campaign_id=assignment.tcr_campaign_id if assignment else "",
        webhook_url=body.get("webhook_url") or profile.webhook_url,
        webhook_failover_url=body.get("webhook_failover_url") or profile.webhook_failover_url,
    )
    data = message_json(message)
    pace.schedule(tasks.send_message, message.id, assigned=assignment is not None)
    return JsonResponse({"data": data})


@endpoint("GET")
def messaging_optouts(request):
    """The sandbox receives no inbound STOP messages, so its opt-out list stays empty."""
    return JsonResponse(page_of_data([], request))


urlpatterns = [
    path("messaging_profiles", messaging_profiles),
    path("messaging_profiles/<str:profile_id>", messaging_profile),
    path("messaging_profiles/<str:profile_id>/phone_numbers", profile_phone_numbers),
    path("phone_numbers/messaging", messaging_numbers),
    path("phone_numbers/<str:number_id>/messaging", number_messaging),
    path("10dlc/phone_number_campaigns", phone_number_campaigns),
    path("10dlc/phone_number_campaigns/<str:phone_number>", phone_number_campaign),
    path("10dlc/phoneNumberAssignmentByProfile", assignment_by_profile),
    path("10dlc/phoneNumberAssignmentByProfile/<str:task_id>", assignment_task),
    path(
        "10dlc/phoneNumberAssignmentByProfile/<str:task_id>/phoneNumbers",
        assignment_task_numbers,
    ),
    path("messages", messages),
    path("messaging_optouts", messaging_optouts),
]
