"""Campaign use cases: the builder's draft, qualification, compliance checks, submission to
Telnyx (crash-safe, idempotent, retried without duplicates), read-back, edit, deactivation.

Submission: the draft is locked (select_for_update) and marked PENDING with
`submission_attempted_at` BEFORE the POST, so a crash, timeout or second click never makes a
second campaign: a PENDING campaign is never POSTed again by `submit_campaign`; the background
retry (compliance/tasks/campaigns.py) first looks for it at Telnyx among the brand's campaigns
(by referenceId, which is the campaign's public_id) and only POSTs when it is not there.
"""

import json
import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from compliance import checks, errors, lifecycle
from compliance.http import telnyx_webhook_url
from compliance.models import Brand, Campaign, CampaignEvent, SubmissionState
from compliance.services import ledger, submission
from compliance.services.telnyx_accounts import client_for
from compliance.services.webhooks import read_back_campaign, replay_pending_events
from compliance.telnyx.client import TelnyxClient
from compliance.telnyx.errors import (
    BadRequest,
    TelnyxError,
    ValidationFailed,
)
from compliance.telnyx.schemas.campaigns import (
    CampaignBuilderSubmitParams,
    CampaignUpdateParams,
)

logger = logging.getLogger(__name__)

USECASE_CACHE_KEY = "telnyx:enum:usecase"
USECASE_CACHE_SECONDS = 24 * 3600
CARRIER_NAMES_CACHE_KEY = "telnyx:enum:mno"
MAX_SUBMISSION_ATTEMPTS = 6

# Model field → campaignBuilder wire name (CampaignBuilderSubmitParams).
CONTENT_FIELDS = {
    "usecase": "usecase",
    "sub_usecases": "subUsecases",
    "description": "description",
    "message_flow": "messageFlow",
    **{f"sample{i}": f"sample{i}" for i in range(1, 6)},
    "optin_keywords": "optinKeywords",
    "optin_message": "optinMessage",
    "optout_keywords": "optoutKeywords",
    "optout_message": "optoutMessage",
    "help_keywords": "helpKeywords",
    "help_message": "helpMessage",
    "embedded_link": "embeddedLink",
    "embedded_link_sample": "embeddedLinkSample",
    "embedded_phone": "embeddedPhone",
    "number_pool": "numberPool",
    "age_gated": "ageGated",
    "direct_lending": "directLending",
    "subscriber_optin": "subscriberOptin",
    "subscriber_optout": "subscriberOptout",
    "subscriber_help": "subscriberHelp",
    "terms_and_conditions": "termsAndConditions",
    "privacy_policy_link": "privacyPolicyLink",
    "terms_and_conditions_link": "termsAndConditionsLink",
    "auto_renewal": "autoRenewal",
}
MODEL_FIELD = {wire: name for name, wire in CONTENT_FIELDS.items()}
# PUT /10dlc/campaign/{id} takes only these (besides resellerId and the webhooks).
EDITABLE_FIELDS = (
    "sample1",
    "sample2",
    "sample3",
    "sample4",
    "sample5",
    "message_flow",
    "help_message",
    "auto_renewal",
)

USECASE_WORDS = {
    "2FA": "One-time passwords and login codes.",
    "ACCOUNT_NOTIFICATION": "Updates about a customer's account: password changes, renewals.",
    "CUSTOMER_CARE": "Conversations with customers about support and their account.",
    "DELIVERY_NOTIFICATION": "Tells customers where their order or package is.",
    "FRAUD_ALERT": "Warnings about suspicious activity on an account.",
    "HIGHER_EDUCATION": "Messages from colleges and universities to their students.",
    "LOW_VOLUME": "A small mix of messages (a few thousand a month at most).",
    "MARKETING": "Promotions, offers and news sent to subscribers.",
    "MIXED": "Several kinds of messages in one campaign (pick 2 to 5 kinds).",
    "POLLING_VOTING": "Surveys and polls (not political elections).",
    "PUBLIC_SERVICE_ANNOUNCEMENT": "Information for the public from a public body or charity.",
    "SECURITY_ALERT": "Alerts that a system or account may be compromised.",
    "SOLE_PROPRIETOR": "The one campaign of a sole proprietor (a business without a tax id).",
}


class CampaignError(errors.Refusal):
    """Why a campaign action did not happen, in plain words; `field_errors` keyed by model
    field name ("" for the whole form)."""


@dataclass(frozen=True)
class Qualification:
    usecase: str
    qualifies: bool
    reason: str = ""
    monthly_fee: Decimal | None = None
    quarterly_fee: Decimal | None = None
    annual_fee: Decimal | None = None
    up_front_cost: Decimal | None = None
    min_sub_usecases: int = 0
    max_sub_usecases: int = 0
    carriers: tuple[str, ...] = ()


# -- the brand and the draft -------------------------------------------------------------------
def brand_problem(brand: Brand, *, campaign: Campaign | None = None) -> str:
    """Why the brand cannot have (another) campaign now; "" when it can."""
    if not brand.is_registered:
        return "This brand is not registered with Telnyx yet; submit the brand first."
    if brand.identity_status not in lifecycle.CAN_CREATE_CAMPAIGN:
        if brand.is_sole_proprietor:
            return (
                "This sole proprietor brand is not verified yet: confirm the one-time PIN sent "
                "to its mobile phone first."
            )
        return (
            f"This brand is {brand.identity_status or 'not verified yet'}; carriers accept "
            "campaigns only from verified brands. Fix the brand's details or order vetting."
        )
    if brand.is_sole_proprietor:
        others = brand.campaigns.filter(deactivated_at__isnull=True)
        if campaign is not None:
            others = others.exclude(pk=campaign.pk)
        if others.exists():
            return "A sole proprietor brand can have only one campaign, and it already has one."
    return ""


def campaign_brands(organisation):
    """The organisation's brands registered at Telnyx (campaigns start from one)."""
    return Brand.objects.filter(organisation=organisation, brand_id__isnull=False)


def start_campaign(organisation, user, brand: Brand) -> Campaign:
    problem = brand_problem(brand)
    if problem:
        raise CampaignError(problem)
    campaign = Campaign(organisation=organisation, brand=brand, created_by=user)
    if brand.is_sole_proprietor:
        campaign.usecase = "SOLE_PROPRIETOR"
    campaign.save()
    return campaign


def clone_campaign(campaign: Campaign, user, brand: Brand) -> Campaign:
    """A new draft for `brand` (the same or another of the organisation's brands) with every
    field of `campaign`, including those Telnyx locks after submission. The use case is
    qualified again for the brand in the builder, whose steps re-run the checks and whose
    last step shows the cost again before anything is sent."""
    if brand.organisation_id != campaign.organisation_id:
        raise CampaignError("Copy a campaign only to a brand of the same organisation.")
    problem = brand_problem(brand)
    if problem:
        raise CampaignError(problem)
    copy = Campaign(organisation=campaign.organisation, brand=brand, created_by=user)
    for name in (*CONTENT_FIELDS, "campaign_verify_token"):
        setattr(copy, name, getattr(campaign, name))
    copy.copied_from = campaign
    if brand.is_sole_proprietor:  # a sole proprietor has exactly one use case
        copy.usecase, copy.sub_usecases = "SOLE_PROPRIETOR", []
    elif copy.usecase == "SOLE_PROPRIETOR":
        copy.usecase, copy.sub_usecases = "", []
    with transaction.atomic():  # the copy and the source's timeline line, or neither
        copy.save()
        CampaignEvent.objects.create(
            campaign=campaign,
            kind=CampaignEvent.Kind.EDIT,
            description=f"Copied into a new draft for {brand}.",
        )
    return copy


def save_draft(campaign: Campaign, values: dict) -> Campaign:
    """Store a wizard step's values on the draft (never on a submitted campaign)."""
    if campaign.submission_state not in (SubmissionState.DRAFT, SubmissionState.FAILED):
        raise CampaignError("This campaign was submitted; use Edit to change it.")
    for name, value in values.items():
        setattr(campaign, name, value)
    campaign.save()
    return campaign


# -- use cases and qualification --------------------------------------------------------------
def usecases(*, client: TelnyxClient | None = None) -> list[str]:
    """The use cases Telnyx accepts (GET /10dlc/enum/usecase), cached for a day."""
    cached = cache.get(USECASE_CACHE_KEY)
    if cached:
        return cached
    try:
        values = _with_client(client, lambda c: c.get_enum("usecase"))
    except TelnyxError as exc:
        raise CampaignError(_plain(exc, "load the list of use cases")) from exc
    names = [v if isinstance(v, str) else str(v) for v in values]
    if isinstance(values, dict):
        names = list(values)
    cache.set(USECASE_CACHE_KEY, names, USECASE_CACHE_SECONDS)
    return names


def carrier_names_from_enum(values: list | dict) -> dict[str, str]:
    """Network id → name from GET /10dlc/enum/mno: a list of objects (the spec's
    EnumObjectListResponse example: networkId, displayName) or a mapping of id → name."""
    pairs: list[tuple[object, object]]
    if isinstance(values, dict):
        pairs = [(key, value) for key, value in values.items() if isinstance(value, str)]
    else:
        pairs = [
            (item.get("networkId"), item.get("displayName"))
            for item in values
            if isinstance(item, dict)
        ]
    return {str(key): str(name) for key, name in pairs if key is not None and name}


def remember_carrier_names(client: TelnyxClient) -> None:
    """Read the carriers' names once a day (background reads only: pages use
    `cached_carrier_names`). A failure leaves the names unknown; pages then show network ids."""
    if cache.get(CARRIER_NAMES_CACHE_KEY) is not None:
        return
    try:
        names = carrier_names_from_enum(client.get_enum("mno"))
    except TelnyxError as exc:
        logger.info("carrier names not read: %s", exc)
        return
    cache.set(CARRIER_NAMES_CACHE_KEY, names, USECASE_CACHE_SECONDS)


def cached_carrier_names() -> dict[str, str]:
    """The carriers' names last read from Telnyx (never calls Telnyx)."""
    return cache.get(CARRIER_NAMES_CACHE_KEY) or {}


def usecase_words(usecase: str) -> str:
    return USECASE_WORDS.get(usecase, usecase.replace("_", " ").capitalize() + ".")


def qualify(campaign: Campaign, usecase: str, *, client: TelnyxClient | None = None):
    """Ask Telnyx whether the brand qualifies for the use case; store the answer (fees,
    sub-usecase limits) on the draft. Returns a Qualification."""

    def ask(c: TelnyxClient):
        brand_id = campaign.brand.brand_id or ""  # brand_problem() refuses unregistered brands
        return c.qualify_by_usecase(brand_id, usecase), c.get_usecase_cost(usecase)

    try:
        answer, cost = _with_client(client, ask, organisation_id=campaign.organisation_id)
    except (BadRequest, ValidationFailed) as exc:
        return Qualification(usecase=usecase, qualifies=False, reason=_reason(exc))
    except TelnyxError as exc:
        raise CampaignError(_plain(exc, "check the use case with Telnyx")) from exc
    wire = answer.model_dump(by_alias=True, mode="json", exclude_none=True)
    wire["upFrontCost"] = cost.up_front_cost
    campaign.usecase = usecase
    campaign.qualification = wire
    campaign.monthly_cost = _decimal(cost.monthly_cost)
    campaign.up_front_cost = _decimal(cost.up_front_cost)
    if not answer.max_sub_usecases:
        campaign.sub_usecases = []
    campaign.save()
    return qualification_of(campaign)


def qualification_of(campaign: Campaign) -> Qualification | None:
    """The stored qualification of the draft's use case (None before qualify)."""
    q = campaign.qualification
    if not q or q.get("usecase") != campaign.usecase:
        return None
    return Qualification(
        usecase=campaign.usecase,
        qualifies=True,
        monthly_fee=_decimal(q.get("monthlyFee")),
        quarterly_fee=_decimal(q.get("quarterlyFee")),
        annual_fee=_decimal(q.get("annualFee")),
        up_front_cost=_decimal(q.get("upFrontCost")),
        min_sub_usecases=int(q.get("minSubUsecases") or 0),
        max_sub_usecases=int(q.get("maxSubUsecases") or 0),
        carriers=tuple(sorted((q.get("mnoMetadata") or {}).keys())),
    )


# -- compliance checks --------------------------------------------------------------------------
def wire_content(campaign: Campaign, overrides: dict | None = None) -> dict:
    """The campaign's content by wire name; `overrides` (model field names) are unsaved
    values, e.g. what the user is typing."""
    values = {name: getattr(campaign, name) for name in CONTENT_FIELDS} | (overrides or {})
    return {CONTENT_FIELDS[name]: value for name, value in values.items()}


def brand_context(brand: Brand, *, campaign: Campaign | None = None) -> checks.BrandContext:
    others = brand.campaigns.filter(deactivated_at__isnull=True)
    if campaign is not None and campaign.pk:
        others = others.exclude(pk=campaign.pk)
    return checks.BrandContext(
        display_name=brand.display_name,
        company_name=brand.company_name,
        website=brand.website,
        entity_type=brand.entity_type,
        vertical=brand.vertical,
        email=brand.email,
        phone=brand.phone,
        identity_status=brand.identity_status,
        existing_campaign_count=others.count(),
        otp_verified=(brand.identity_status == "VERIFIED") if brand.is_sole_proprietor else None,
    )


def findings(campaign: Campaign, overrides: dict | None = None) -> list[checks.Finding]:
    """Every compliance finding of the campaign (with unsaved `overrides`)."""
    q = qualification_of(campaign)
    context = brand_context(campaign.brand, campaign=campaign)
    if q is not None:
        context.min_sub_usecases, context.max_sub_usecases = (
            q.min_sub_usecases,
            q.max_sub_usecases,
        )
    token = (overrides or {}).get("campaign_verify_token", campaign.campaign_verify_token)
    content = checks.CampaignContent.from_wire(
        wire_content(campaign, overrides) | {"campaignVerifyToken": token}, brand=context
    )
    return checks.check_campaign(content)


def findings_by_model_field(found: list[checks.Finding]) -> dict[str, list[checks.Finding]]:
    grouped: dict[str, list[checks.Finding]] = {}
    for finding in found:
        grouped.setdefault(MODEL_FIELD.get(finding.field, ""), []).append(finding)
    return grouped


# -- submission ---------------------------------------------------------------------------------
def submit_campaign(
    campaign: Campaign, *, client: TelnyxClient | None = None, confirmed_by=None
) -> Campaign:
    """Submit the draft once. Raises CampaignError when the brand, the checks or Telnyx refuse
    it; returns the campaign SUBMITTED, or PENDING when Telnyx could not be reached (a
    background task then finishes the job; services/submission.py). `confirmed_by`: the user
    who confirmed the cost, for the fee ledger."""
    queryset = Campaign.objects.select_related("brand").filter(
        pk=campaign.pk, campaign_id__isnull=True
    )
    if not queryset.exists():
        return Campaign.objects.select_related("brand").get(pk=campaign.pk)  # already created
    locked, reserved = submission.reserve(queryset, _check_ready, confirmed_by=confirmed_by)
    if not reserved:
        return locked  # in flight or submitted: never a second campaign
    return _with_client(client, lambda c: _post(locked, c), organisation_id=locked.organisation_id)


def _check_ready(campaign: Campaign) -> None:
    problem = brand_problem(campaign.brand, campaign=campaign)
    if problem:
        raise CampaignError(problem)
    blocking = checks.blocking(findings(campaign))
    if blocking:
        raise CampaignError(
            "Fix the problems listed before submitting.",
            {
                name: [f.message for f in found]
                for name, found in findings_by_model_field(blocking).items()
            },
        )
    # What is sent, kept to show what changed if carriers reject it (services.rejections).
    campaign.submitted_content = {name: getattr(campaign, name) for name in CONTENT_FIELDS}
    campaign.submitted_content_at = timezone.now()


def submit_params(campaign: Campaign) -> CampaignBuilderSubmitParams:
    content = {k: v for k, v in wire_content(campaign).items() if v not in ("", None)}
    if not content.get("subUsecases"):
        content.pop("subUsecases", None)
    return CampaignBuilderSubmitParams.model_validate(
        {
            "brandId": campaign.brand.brand_id,
            "referenceId": str(campaign.public_id),
            "webhookURL": telnyx_webhook_url(campaign.organisation),
            **content,
        }
    )


def _post(campaign: Campaign, client: TelnyxClient) -> Campaign:
    sent = submission.send(lambda: client.submit_campaign(submit_params(campaign)))
    if sent.unanswered is not None:
        _still_pending(campaign, sent.unanswered)
        return campaign
    if sent.refused is not None:
        submission.refuse(campaign, _reason(sent.refused))
        raise CampaignError(
            "Telnyx refused the campaign: " + _reason(sent.refused), _field_errors(sent.refused)
        ) from sent.refused
    assert sent.answer is not None
    return record_created(
        campaign, sent.answer.campaign_id, sent.answer.model_dump(by_alias=True), client=client
    )


def _still_pending(campaign: Campaign, exc: TelnyxError) -> None:
    logger.warning(
        "campaign %s submission attempt %s: %s", campaign.pk, campaign.submission_attempts, exc
    )
    if campaign.submission_attempts >= MAX_SUBMISSION_ATTEMPTS:
        # No more automatic retries; reconciliation looks for it again later.
        Campaign.objects.filter(pk=campaign.pk).update(
            submission_error="Telnyx could not be reached after several tries; the submission "
            "is kept and will be checked again. Contact support if this lasts."
        )
        campaign.refresh_from_db(fields=["submission_error"])
        return
    submission.keep_pending(
        campaign,
        exc,
        retry_task="retry_campaign_submission",
        message="Telnyx did not answer; the submission is kept and retried automatically.",
    )


def resume_submission(campaign_pk: int, *, client=None) -> Campaign | None:
    """A retry (one worker only): find the campaign at Telnyx (by referenceId) or POST it
    again."""
    campaign = submission.claim_retry(Campaign, campaign_pk)
    if campaign is None or campaign.campaign_id:
        return campaign

    def resume(c: TelnyxClient) -> Campaign:
        looked = submission.send(lambda: find_at_telnyx(campaign, c))
        if looked.unanswered is not None:
            _still_pending(campaign, looked.unanswered)
            return campaign
        if looked.answer is not None:
            return record_created(campaign, looked.answer["campaignId"], looked.answer, client=c)
        try:
            return _post(campaign, c)
        except CampaignError:
            return campaign

    return _with_client(client, resume, organisation_id=campaign.organisation_id)


def find_at_telnyx(campaign: Campaign, client: TelnyxClient) -> dict | None:
    reference = str(campaign.public_id)
    for record in client.iter_campaigns(campaign.brand.brand_id or ""):
        if record.reference_id == reference:
            return record.model_dump(by_alias=True)
    return None


def record_created(
    campaign: Campaign, campaign_id: str, record: dict, *, client: TelnyxClient
) -> Campaign:
    """Store Telnyx's campaignId (once), then apply webhooks that came before it, then read
    the campaign back and take its campaignStatus as the truth."""
    now = timezone.now()
    with transaction.atomic():
        stored = Campaign.objects.filter(pk=campaign.pk, campaign_id__isnull=True).update(
            campaign_id=campaign_id,
            tcr_campaign_id=record.get("tcrCampaignId") or "",
            campaign_status=record.get("campaignStatus") or "",
            telnyx_submission_status=record.get("submissionStatus") or "",
            submission_state=SubmissionState.SUBMITTED,
            submission_error="",
            submitted_at=now,
            status_changed_at=now,
            telnyx_response=_jsonable(record),
        )
        campaign.refresh_from_db()
        if stored:
            CampaignEvent.objects.create(
                campaign=campaign,
                kind=CampaignEvent.Kind.SUBMISSION,
                description="Submitted to Telnyx (its campaign id is in the technical details).",
                to_status=campaign.campaign_status,
            )
            ledger.record_campaign_submission(campaign)
    replay_pending_events(campaign)
    try:
        refresh_campaign(campaign, client=client)
    except CampaignError as exc:
        logger.warning("campaign %s read-back after submission failed: %s", campaign.pk, exc)
    return campaign


# -- after submission ---------------------------------------------------------------------------
def refresh_campaign(campaign: Campaign, *, client: TelnyxClient | None = None) -> Campaign:
    """Read the campaign, its carriers and its cost back from Telnyx."""
    campaign_id = campaign.campaign_id
    if not campaign_id:
        return campaign

    def read(c: TelnyxClient):
        read_back_campaign(campaign, client=c)
        remember_carrier_names(c)
        return (
            c.get_mno_metadata(campaign_id),
            c.get_operation_status(campaign_id),
            c.get_usecase_cost(campaign.usecase),
        )

    try:
        metadata, operations, cost = _with_client(
            client, read, organisation_id=campaign.organisation_id
        )
    except TelnyxError as exc:
        raise CampaignError(_plain(exc, "read the campaign back from Telnyx")) from exc
    campaign.refresh_from_db()
    renewal_before = campaign.next_renewal_or_expiration
    record = campaign.telnyx_response or {}
    campaign.tcr_campaign_id = record.get("tcrCampaignId") or campaign.tcr_campaign_id
    campaign.mno_metadata = {k: v.model_dump(by_alias=True) for k, v in metadata.items()}
    campaign.operation_status = operations
    campaign.monthly_cost = _decimal(cost.monthly_cost)
    campaign.up_front_cost = _decimal(cost.up_front_cost)
    campaign.next_renewal_or_expiration = _date(record.get("nextRenewalOrExpirationDate"))
    campaign.last_synced_at = timezone.now()
    with transaction.atomic():
        campaign.save()
        _record_renewal(campaign, renewal_before)
    return campaign


def _record_renewal(campaign: Campaign, renewal_before: date | None) -> None:
    """Telnyx moved the renewal date on: the month that fell due on the old date was billed
    (reconciliation records it too; the ledger keeps one entry per month)."""
    renewal_now = campaign.next_renewal_or_expiration
    if renewal_before is None or renewal_now is None or renewal_now <= renewal_before:
        return
    if renewal_before <= timezone.localdate() and campaign.auto_renewal:
        ledger.record_monthly_fee(campaign, renewal_before)


class EditBlocked(CampaignError):
    """The checks found errors an edit must fix first (`findings`)."""

    def __init__(self, found: list[checks.Finding]):
        self.findings = found
        super().__init__(
            "Fix the problems listed before saving.",
            {n: [f.message for f in fs] for n, fs in findings_by_model_field(found).items()},
        )


# A content field in words, for timelines, diffs and lists (the forms ask questions instead).
FIELD_WORDS = {
    **{f"sample{i}": f"sample message {i}" for i in range(1, 6)},
    "usecase": "use case",
    "sub_usecases": "kinds of messages",
    "description": "description",
    "message_flow": "consent description",
    "optin_keywords": "opt-in keywords",
    "optin_message": "opt-in confirmation",
    "optout_keywords": "opt-out keywords",
    "optout_message": "opt-out reply",
    "help_keywords": "help keywords",
    "help_message": "help reply",
    "embedded_link": "embedded link",
    "embedded_link_sample": "example link",
    "embedded_phone": "embedded phone number",
    "number_pool": "number pool",
    "age_gated": "age gate",
    "direct_lending": "direct lending",
    "subscriber_optin": "opt-in supported",
    "subscriber_optout": "opt-out supported",
    "subscriber_help": "help supported",
    "terms_and_conditions": "carriers' terms accepted",
    "privacy_policy_link": "privacy policy link",
    "terms_and_conditions_link": "terms link",
    "auto_renewal": "auto-renewal",
    "campaign_verify_token": "Campaign Verify token",
}


def field_label(name: str) -> str:
    """A campaign field's words ("Sample message 1"), for timelines, diffs and lists."""
    words = FIELD_WORDS.get(name, name.replace("_", " "))
    return words[0].upper() + words[1:]


def edit_changes(campaign: Campaign, values: dict) -> dict:
    """The editable fields whose value differs from the campaign's (what a PUT carries)."""
    return {
        name: value
        for name, value in values.items()
        if name in EDITABLE_FIELDS and getattr(campaign, name) != value
    }


def edit_blockers(campaign: Campaign, changes: dict) -> list[checks.Finding]:
    """The errors that keep an edit from being saved: those in fields the edit can change,
    and any the edit itself would introduce (a link added to a sample while the locked
    embedded-link flag says none). Errors in locked fields that were there before do not
    block: only a copy of the campaign can fix those (the rejection report says so)."""
    editable = {CONTENT_FIELDS[name] for name in EDITABLE_FIELDS}

    def key(f: checks.Finding) -> tuple:
        return (f.rule, f.field, f.message)

    before = {key(f) for f in checks.blocking(findings(campaign))}
    after = checks.blocking(findings(campaign, changes))
    return [f for f in after if f.field in editable or key(f) not in before]


def edit_campaign(
    campaign: Campaign,
    values: dict,
    *,
    client: TelnyxClient | None = None,
    editor: str = "You",
    on_saved=None,
) -> dict[str, tuple]:
    """PUT what changed among the editable fields after the checks pass, store it and put it
    on the timeline ("{editor} changed …"); `on_saved(changes)` runs in the same transaction
    (the reviewer's audit entry). {field: (before, after)}; {} when nothing changed.
    EditBlocked when the checks find errors, CampaignError when Telnyx refuses."""
    if not campaign.campaign_id or campaign.deactivated_at:
        raise CampaignError("Only a submitted, active campaign can be edited.")
    changed = edit_changes(campaign, values)
    # UpdateCampaignRequest cannot clear a field: clearing a sample Telnyx holds is refused.
    cleared = sorted(k for k, v in changed.items() if v in ("", None))
    if cleared:
        raise CampaignError(
            "Telnyx cannot clear a field of a submitted campaign; replace the text instead.",
            {
                k: ["Telnyx keeps this once sent: write a new text instead of clearing it."]
                for k in cleared
            },
        )
    if not changed:
        return {}
    blockers = edit_blockers(campaign, changed)
    if blockers:
        raise EditBlocked(blockers)
    params = CampaignUpdateParams(**{CONTENT_FIELDS[k]: v for k, v in changed.items()})
    try:
        _with_client(
            client,
            lambda c: c.update_campaign(campaign.campaign_id, params),
            organisation_id=campaign.organisation_id,
        )
    except TelnyxError as exc:
        raise CampaignError(_plain(exc, "save the changes at Telnyx"), _field_errors(exc)) from exc
    result = {name: (getattr(campaign, name), value) for name, value in changed.items()}
    with transaction.atomic():
        Campaign.objects.filter(pk=campaign.pk).update(**changed, updated_at=timezone.now())
        for name, value in changed.items():
            setattr(campaign, name, value)
        labels = ", ".join(field_label(name).lower() for name in changed)
        CampaignEvent.objects.create(
            campaign=campaign,
            kind=CampaignEvent.Kind.EDIT,
            description=f"{editor} changed {labels}.",
        )
        if on_saved is not None:
            on_saved(result)
    return result


def deactivate_campaign(campaign: Campaign, *, client: TelnyxClient | None = None) -> Campaign:
    """DELETE at Telnyx (permanent), then read the campaign back."""
    if not campaign.campaign_id or campaign.deactivated_at:
        raise CampaignError("This campaign is not active at Telnyx.")
    try:
        _with_client(
            client,
            lambda c: c.deactivate_campaign(campaign.campaign_id),
            organisation_id=campaign.organisation_id,
        )
    except TelnyxError as exc:
        raise CampaignError(_plain(exc, "deactivate the campaign")) from exc
    campaign.deactivated_at = timezone.now()
    campaign.save(update_fields=["deactivated_at", "updated_at"])
    CampaignEvent.objects.create(
        campaign=campaign, kind=CampaignEvent.Kind.STATUS, description="Deactivated."
    )
    try:
        refresh_campaign(campaign, client=client)
    except CampaignError as exc:
        logger.warning("campaign %s read-back after deactivation failed: %s", campaign.pk, exc)
    return campaign


def is_settled(campaign: Campaign) -> bool:
    """Nothing to wait for: stop polling."""
    if campaign.submission_state == SubmissionState.PENDING:
        return False
    if campaign.submission_state != SubmissionState.SUBMITTED or campaign.deactivated_at:
        return True
    return campaign.campaign_status not in lifecycle.PENDING


# -- helpers ------------------------------------------------------------------------------------
def _with_client(client: TelnyxClient | None, action, *, organisation_id: int | None = None):
    """Run `action` with the given client, else with the organisation's own
    (compliance/services/telnyx_accounts.client_for)."""
    if client is not None:
        return action(client)
    with client_for(organisation_id) as own:
        return action(own)


def _reason(exc: TelnyxError) -> str:
    return errors.telnyx_details(exc) or exc.user_message


def _plain(exc: TelnyxError, doing: str) -> str:
    return errors.plain_words(exc, doing, thing="campaign")


def _field_errors(exc: TelnyxError) -> dict[str, list[str]]:
    return errors.field_errors(exc, MODEL_FIELD)


def _decimal(value) -> Decimal | None:
    try:
        return None if value in (None, "") else Decimal(str(value))
    except InvalidOperation:
        return None


def _date(value) -> date | None:
    parsed = parse_datetime(value) if isinstance(value, str) else None
    return parsed.date() if parsed else None


def _jsonable(record: dict) -> dict:
    return json.loads(json.dumps(record, default=str))
