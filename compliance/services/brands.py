"""Brand use cases: the wizard's draft, submission to Telnyx (idempotent and crash-safe),
status and feedback, revet, 2FA email, delete, Sole Proprietor OTP and external vetting.

Submission: the draft is moved to PENDING and the attempt stamped in a transaction (row
locked) BEFORE Telnyx is called, so a double click or a second tab finds it PENDING and sends
nothing. The HTTP call happens outside any transaction. A 422 makes the submission FAILED with
the errors on the wizard's fields; 429, 5xx and timeouts leave it PENDING and a background
task retries. Because a failed POST may still have created the brand, every create after the
first attempt first looks for the brand at Telnyx by listing, so it is never created twice.
"""

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from pydantic import ValidationError

from compliance import brand_rules, deferred, errors, lifecycle
from compliance.http import telnyx_webhook_url
from compliance.masking import mask_name, scrub_digits
from compliance.models import (
    AuditEntry,
    Brand,
    Organisation,
    OtpAttempt,
    OtpVerification,
    SubmissionState,
    Vetting,
)
from compliance.models.otp import MAX_WRONG_PINS, WRONG_PIN_WINDOW
from compliance.presentation import person
from compliance.services import guardrails, ledger, members, submission
from compliance.services.telnyx_accounts import client_for
from compliance.telnyx.errors import (
    BadRequest,
    NotFound,
    TelnyxError,
    ValidationFailed,
)
from compliance.telnyx.schemas.brands import (
    BrandCreate,
    BrandUpdate,
    ExternalVetting,
    TelnyxBrand,
)

logger = logging.getLogger(__name__)

MAX_SUBMISSION_ATTEMPTS = 5
LOOKUP_SLACK = timedelta(minutes=10)  # clock skew between us and Telnyx
REFRESH_AT_MOST_EVERY = timedelta(seconds=1)  # many tabs polling one brand

DEFAULT_PIN_SMS = "@OTP_PIN@ is your code to verify {name} for business text messaging."
DEFAULT_SUCCESS_SMS = "Thank you: {name} is verified for business text messaging."

_WIRE_TO_FIELD = {
    (field.alias or name): name
    for name, field in (BrandCreate.model_fields | BrandUpdate.model_fields).items()
}


class ActionRefused(errors.Refusal):
    """A brand action that cannot be done now; str(exc) says why, in plain words."""


@dataclass(frozen=True)
class SubmitResult:
    brand: Brand
    outcome: str  # "submitted", "pending", "failed" or "unchanged"
    message: str


# -- errors in plain words (compliance/errors.py) -------------------------------------------
def _words(exc: TelnyxError, brand: Brand | None, doing: str) -> str:
    return errors.plain_words(exc, doing, thing="brand", mask=lambda text: _masked(text, brand))


def field_errors_of(exc: TelnyxError, brand: Brand | None = None) -> dict[str, list[str]]:
    """Telnyx's errors keyed by Brand field name ("" for errors on no known field)."""
    return errors.field_errors(exc, _WIRE_TO_FIELD, mask=lambda text: _masked(text, brand))


def _masked(text: str, brand: Brand | None) -> str:
    """Telnyx's text with what it may echo of the brand's sensitive values masked: long digit
    runs (EIN, mobile phone) and a sole proprietor's first and last name."""
    text = scrub_digits(text)
    if brand is not None:
        for name in (brand.first_name, brand.last_name):
            if len(name) > 1:
                text = re.sub(rf"\b{re.escape(name)}\b", mask_name(name), text, flags=re.I)
    return text


# -- the draft -------------------------------------------------------------------------------
def start_draft(organisation: Organisation, user) -> Brand:
    """A new draft, or the organisation's oldest untouched one (no answer yet): "Register a
    brand" clicked again and again leaves one "Untitled brand", not a pile of them."""
    untouched = (
        Brand.objects.filter(
            Q(brand_id__isnull=True) | Q(brand_id=""),
            organisation=organisation,
            submission_state=SubmissionState.DRAFT,
            entity_type="",
        )
        .order_by("created_at")
        .first()
    )
    if untouched is not None:
        return untouched
    return Brand.objects.create(organisation=organisation, created_by=user, country="US")


def delete_drafts(organisation: Organisation, public_ids) -> int:
    """Delete the organisation's drafts among `public_ids` that were never sent to Telnyx
    (anything else is left alone); how many were deleted."""
    drafts = Brand.objects.filter(
        Q(brand_id__isnull=True) | Q(brand_id=""),
        organisation=organisation,
        public_id__in=public_ids,
        submission_state=SubmissionState.DRAFT,
        campaigns__isnull=True,
    ).distinct()
    deleted = 0
    for brand in drafts:
        brand.delete()
        deleted += 1
    return deleted


def save_step(brand: Brand, values: dict) -> Brand:
    """Store one wizard step's cleaned values on the draft. Editing a registered brand makes
    its changes unsent (DRAFT) until it is resubmitted."""
    if not brand.is_editable:
        raise ActionRefused("This brand is being submitted; wait until Telnyx has answered.")
    for name, value in values.items():
        setattr(brand, name, value if value is not None else "")
        brand.field_errors.pop(name, None)
    if brand.submission_state == SubmissionState.SUBMITTED:
        brand.submission_state = SubmissionState.DRAFT
    brand.save()
    return brand


def missing_fields(brand: Brand) -> list[str]:
    if not brand.entity_type:
        return ["entity_type"]
    return [f for f in brand_rules.required_fields(brand.entity_type) if not getattr(brand, f)]


def _values(brand: Brand, names, body: type[BrandCreate] | type[BrandUpdate]) -> dict:
    """The brand's answers among `names` that `body` carries, blanks left out."""
    return {
        n: getattr(brand, n)
        for n in names
        if n in body.model_fields and getattr(brand, n) not in ("", None)
    }


def create_body(brand: Brand) -> BrandCreate:
    """Only the fields that apply to the entity type, plus the webhook and test switches."""
    # Only what CreateBrand has: the alternate business id is sent by an update afterwards.
    fields = _values(brand, brand_rules.applicable_fields(brand.entity_type), BrandCreate)
    return BrandCreate(
        entity_type=brand.entity_type,
        webhook_url=telnyx_webhook_url(brand.organisation),
        mock=settings.TELNYX_MOCK_BRANDS or None,
        **fields,
    )


def update_body(brand: Brand) -> BrandUpdate:
    """Only what UpdateBrand has: a sole proprietor's mobile phone is not updatable (it is the
    number the OTP went to), so it is left out rather than refused."""
    fields = _values(brand, brand_rules.applicable_fields(brand.entity_type), BrandUpdate)
    if not brand.alt_business_id:
        fields.pop("alt_business_id_type", None)
    return BrandUpdate(
        entity_type=brand.entity_type,
        webhook_url=telnyx_webhook_url(brand.organisation),
        **fields,
    )


# -- submission ------------------------------------------------------------------------------
def submit_brand(organisation: Organisation, public_id, *, confirmed_by=None) -> SubmitResult:
    """Create the brand at Telnyx (or, once registered, send its changes). Safe to call twice:
    only the call that reserves the draft (services/submission.py) sends anything.
    `confirmed_by`: the user who confirmed the cost, for the fee ledger."""
    queryset = Brand.objects.filter(organisation=organisation, public_id=public_id)
    earlier_attempt = queryset.values_list("submission_attempted_at", "brand_id").first() or (
        None,
        None,
    )
    brand, reserved = submission.reserve(queryset, _check_ready, confirmed_by=confirmed_by)
    if not reserved:
        return SubmitResult(brand, "unchanged", _state_words(brand))
    # An earlier attempt of this draft may have created it at Telnyx: look before creating.
    look_first = earlier_attempt[0] is not None
    return _send(brand, look_first=look_first and not earlier_attempt[1])


def _check_ready(brand: Brand) -> None:
    missing = missing_fields(brand)
    if missing:
        raise ActionRefused("Some required answers are missing: " + ", ".join(missing))
    limit = guardrails.sole_proprietor_mobile_problem(brand)
    if limit:
        raise ActionRefused(limit)
    _check_bodies(brand)
    brand.field_errors = {}


def _check_bodies(brand: Brand) -> None:
    """Build the bodies this submission will send before anything is reserved or sent: an
    answer outside the spec is refused next to its field, never a crash half way."""
    try:
        if brand.brand_id or brand.alt_business_id:
            update_body(brand)
        if not brand.brand_id:
            create_body(brand)
    except ValidationError as exc:
        problems: dict[str, list[str]] = {}
        for error in exc.errors():
            wire = str(error["loc"][0]) if error["loc"] else ""
            problems.setdefault(_WIRE_TO_FIELD.get(wire, wire), []).append(error["msg"])
        raise ActionRefused(
            "Some answers are outside what Telnyx accepts: " + ", ".join(sorted(problems)),
            field_errors=problems,
        ) from exc


def retry_submission(brand_pk: int) -> SubmitResult | None:
    """The background retry: claim the attempt (one worker only), then look before creating."""
    brand = submission.claim_retry(Brand, brand_pk)
    if brand is None:
        return None
    if submission.exhausted(brand, MAX_SUBMISSION_ATTEMPTS):
        submission.refuse(
            brand,
            f"Telnyx could not be reached after {MAX_SUBMISSION_ATTEMPTS} attempts. "
            "Your answers are saved: submit again when you are ready.",
        )
        return None
    return _send(brand, look_first=True)


def _send(brand: Brand, *, look_first: bool) -> SubmitResult:
    def call() -> TelnyxBrand:
        with client_for(brand.organisation_id) as client:
            if brand.brand_id:
                return client.update_brand(brand.brand_id, update_body(brand))
            response = _create_once(client, brand, look_first=look_first)
            if brand.alt_business_id:
                response = client.update_brand(response.brand_id, update_body(brand))
            return response

    sent = submission.send(call)
    if sent.unanswered is not None:
        submission.keep_pending(
            brand,
            sent.unanswered,
            retry_task="retry_brand_submission",
            message="Telnyx is not reachable right now; we will retry automatically.",
        )
        brand.refresh_from_db()
        return SubmitResult(
            brand,
            "pending",
            "Submission pending: Telnyx did not answer in time. We will retry automatically; "
            "your brand will not be registered twice.",
        )
    if sent.refused is not None:
        return _refused(brand, sent.refused)
    assert sent.answer is not None
    _record_submitted(brand, sent.answer)
    return SubmitResult(brand, "submitted", "Your brand was sent to Telnyx for registration.")


def _create_once(client, brand: Brand, *, look_first: bool) -> TelnyxBrand:
    if look_first:
        existing = find_at_telnyx(client, brand)
        if existing:
            logger.info("brand %s was already created at Telnyx as %s", brand.pk, existing)
            return client.get_brand(existing)
    return client.create_brand(create_body(brand))


def find_at_telnyx(client, brand: Brand) -> str | None:
    """The brandId of a brand at Telnyx that an earlier attempt of this draft created: same
    display name, entity type, email and company, created since the first attempt, and not
    already another brand of ours."""
    since = (brand.submission_attempted_at or timezone.now()) - LOOKUP_SLACK
    for found in client.iter_brands(display_name=brand.display_name, entity_type=brand.entity_type):
        if (found.email or "").lower() != brand.email.lower():
            continue
        if (found.company_name or "") != (brand.company_name or ""):
            continue
        created = _parse_time(found.created_at)
        if created is not None and created < since:
            continue
        if Brand.objects.filter(brand_id=found.brand_id).exclude(pk=brand.pk).exists():
            continue
        return found.brand_id
    return None


def _parse_time(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None
    except ValueError:
        return None


def _refused(brand: Brand, exc: TelnyxError) -> SubmitResult:
    by_field = (
        field_errors_of(exc, brand) if isinstance(exc, (ValidationFailed, BadRequest)) else {}
    )
    submission.refuse(brand, _words(exc, brand, "register the brand"), field_errors=by_field)
    brand.refresh_from_db()
    message = brand.submission_error
    return SubmitResult(brand, "failed", message)


def _record_submitted(brand: Brand, response: TelnyxBrand) -> None:
    now = timezone.now()
    with transaction.atomic():
        brand = Brand.objects.select_for_update().get(pk=brand.pk)
        was_registered = bool(brand.brand_id)
        _apply(brand, response)
        brand.submission_state = SubmissionState.SUBMITTED
        brand.submitted_at = now
        brand.submission_error = ""
        brand.field_errors = {}
        brand.save()
        ledger.record_brand_submission(brand, was_registered=was_registered)
        if lifecycle.brand_is_pending(brand.status or None):
            # Verification follows the answer: read the brand back in the background (webhooks
            # and reconciliation bring later news; pages never call Telnyx).
            deferred.schedule("refresh_brand_task", brand.pk, on_commit=True)


def _apply(brand: Brand, response: TelnyxBrand) -> None:
    """Copy Telnyx's view of the brand onto the row (status fields and the raw response)."""
    brand.brand_id = response.brand_id or brand.brand_id
    brand.tcr_brand_id = response.tcr_brand_id or brand.tcr_brand_id
    brand.status = response.status or ""
    brand.identity_status = response.identity_status or ""
    brand.failure_reasons = [response.failure_reasons] if response.failure_reasons else []
    brand.telnyx_response = response.model_dump(by_alias=True, mode="json")
    brand.last_synced_at = timezone.now()


def _state_words(brand: Brand) -> str:
    if brand.submission_state == SubmissionState.PENDING:
        return "This brand's submission is pending; we are waiting for Telnyx."
    return "This brand was already submitted."


# -- status, feedback and actions on a registered brand --------------------------------------
def _registered(brand: Brand) -> str:
    if not brand.brand_id:
        raise ActionRefused("This brand is not registered with Telnyx yet.")
    return brand.brand_id


def _calling(brand: Brand | None, doing: str, action, *, quick: bool = False):
    """Run a Telnyx call for the brand; its failures become ActionRefused in plain words.
    `quick`: a person is waiting for the answer (a Refresh button), so one short try
    (TELNYX_QUICK_TIMEOUT_SECONDS, no retries) instead of the client's patient retries."""
    options = {"timeout": settings.TELNYX_QUICK_TIMEOUT_SECONDS, "max_retries": 0} if quick else {}
    try:
        with client_for(brand.organisation_id if brand else None, **options) as client:
            return action(client)
    except TelnyxError as exc:
        raise ActionRefused(_words(exc, brand, doing)) from exc


def refresh_brand(brand: Brand, *, force: bool = True, quick: bool = False) -> Brand:
    """Read the brand back from Telnyx (and its feedback when UNVERIFIED).

    Pages never call this (issue 20, finding 13: a slow Telnyx made every view of the brand
    page slow); they show what webhooks, reconciliation and the Refresh button stored."""
    if not brand.brand_id:
        return brand
    if (
        not force
        and brand.last_synced_at
        and timezone.now() - brand.last_synced_at < REFRESH_AT_MOST_EVERY
    ):
        return brand

    def read(client):
        response = client.get_brand(brand.brand_id)
        feedback = []
        if response.identity_status == "UNVERIFIED":
            feedback = [
                c.model_dump(by_alias=True)
                for c in client.get_brand_feedback(brand.brand_id).category
            ]
        return response, feedback

    response, feedback = _calling(brand, "read the brand back from Telnyx", read, quick=quick)
    _apply(brand, response)
    brand.feedback = feedback
    brand.save()
    return brand


def refresh_brand_now_or_later(brand: Brand) -> str:
    """The Refresh button: one quick read-back; when Telnyx does not answer in time, a read-back
    in the background. What happened, in plain words (ActionRefused when nothing could be
    done: the brand is not registered)."""
    _registered(brand)
    try:
        refresh_brand(brand, quick=True)
    except ActionRefused as exc:
        deferred.schedule("refresh_brand_task", brand.pk, on_commit=True)
        return (
            f"{exc} We will try again in the background: this page shows the status once "
            "Telnyx answers. Until then it shows the last known status."
        )
    return REFRESHED


REFRESHED = "Status updated from Telnyx."
WATCHED_REFRESH_EVERY = 10  # seconds: a pending brand someone is watching, read back this often


def refresh_while_watched(brand: Brand) -> None:
    """Someone is watching a pending brand's status panel: ask the task worker (never this
    request) to read it back, at most every WATCHED_REFRESH_EVERY seconds however many tabs
    poll. A backend that cannot run work later (the tests' immediate one) does nothing."""
    if not brand.brand_id:
        return
    if cache.add(f"brand-watched-refresh:{brand.pk}", 1, WATCHED_REFRESH_EVERY):
        deferred.schedule_later("refresh_brand_task", brand.pk, delay=0)


def refresh_in_background(brand_pk: int) -> None:
    """The Refresh button's background read-back (patient: the client's retries)."""
    brand = Brand.objects.filter(pk=brand_pk).first()
    if brand is None or not brand.brand_id:
        return
    try:
        refresh_brand(brand)
    except ActionRefused as exc:
        logger.warning("background read-back of brand %s failed: %s", brand_pk, exc)


def wire_to_field(wire: str) -> str:
    """The Brand field for a Telnyx wire name ("companyName" → "company_name")."""
    return _WIRE_TO_FIELD.get(wire, wire)


def feedback_by_field(brand: Brand) -> dict[str, list[str]]:
    """Brand feedback as messages keyed by Brand field name (for the wizard and brand page)."""
    result: dict[str, list[str]] = {}
    for category in brand.feedback:
        for wire in category.get("fields", []):
            name = _WIRE_TO_FIELD.get(wire, wire)
            result.setdefault(name, []).append(category.get("description", ""))
    return result


def revet_brand(brand: Brand) -> Brand:
    brand_id = _registered(brand)
    response = _calling(brand, "ask for a new vetting", lambda client: client.revet_brand(brand_id))
    _apply(brand, response)
    brand.revetted_at = timezone.now()
    brand.feedback = []
    brand.save()
    return brand


def resend_2fa_email(brand: Brand) -> Brand:
    brand_id = _registered(brand)
    _calling(
        brand, "resend the confirmation e-mail", lambda client: client.resend_2fa_email(brand_id)
    )
    brand.two_fa_email_sent_at = timezone.now()
    brand.save(update_fields=["two_fa_email_sent_at", "updated_at"])
    return brand


def delete_brand(brand: Brand) -> None:
    if brand.submission_state == SubmissionState.PENDING:
        raise ActionRefused("This brand is being submitted; wait until Telnyx has answered.")
    if brand.campaigns.exists():
        raise ActionRefused("Delete or deactivate this brand's campaigns first.")
    if brand.brand_id:
        try:
            with client_for(brand.organisation_id) as client:
                client.delete_brand(brand.brand_id)
        except NotFound:
            pass  # already gone at Telnyx
        except TelnyxError as exc:
            raise ActionRefused(_words(exc, brand, "delete the brand")) from exc
    brand.delete()


# -- Sole Proprietor OTP ---------------------------------------------------------------------
def default_otp_texts(brand: Brand) -> dict[str, str]:
    name = brand.display_name or "your brand"
    return {
        "pin_sms": DEFAULT_PIN_SMS.format(name=name),
        "success_sms": DEFAULT_SUCCESS_SMS.format(name=name),
    }


def trigger_otp(brand: Brand, pin_sms: str, success_sms: str) -> OtpVerification:
    """Text a PIN to the sole proprietor's mobile phone (not again within the cool-down)."""
    brand_id = _registered(brand)
    if not brand.is_sole_proprietor:
        raise ActionRefused("Only sole proprietor brands verify by text message.")
    last = brand.otp_verifications.first()
    now = timezone.now()
    if last is not None and now < last.resend_available_at:
        seconds = int((last.resend_available_at - now).total_seconds()) + 1
        raise ActionRefused(f"A PIN was just sent. You can ask for a new one in {seconds} s.")
    answer = _calling(
        brand,
        "send the PIN",
        lambda client: client.trigger_sms_otp(brand_id, pin_sms, success_sms),
    )
    return OtpVerification.objects.create(
        organisation=brand.organisation, brand=brand, reference_id=answer.reference_id
    )


def otp_locked_until(brand: Brand) -> datetime | None:
    wrong = OtpAttempt.objects.wrong_in_window(brand).order_by("attempted_at")
    if wrong.count() < MAX_WRONG_PINS:
        return None
    return wrong[wrong.count() - MAX_WRONG_PINS].attempted_at + WRONG_PIN_WINDOW


def verify_otp(brand: Brand, pin: str) -> Brand:
    brand_id = _registered(brand)
    locked_until = otp_locked_until(brand)
    if locked_until:
        raise ActionRefused(_lock_message(locked_until))
    try:
        with client_for(brand.organisation_id) as client:
            client.verify_sms_otp(brand_id, pin)
    except BadRequest as exc:
        OtpAttempt.objects.create(organisation=brand.organisation, brand=brand, correct=False)
        left = MAX_WRONG_PINS - OtpAttempt.objects.wrong_in_window(brand).count()
        until = otp_locked_until(brand)
        if left <= 0 and until is not None:
            raise ActionRefused(_lock_message(until)) from exc
        raise ActionRefused(
            f"That PIN is wrong or has expired. {left} tr{'y' if left == 1 else 'ies'} left "
            "this hour."
        ) from exc
    except TelnyxError as exc:
        raise ActionRefused(_words(exc, brand, "check the PIN")) from exc
    OtpAttempt.objects.create(organisation=brand.organisation, brand=brand, correct=True)
    brand.otp_verifications.filter(verified_at__isnull=True).update(verified_at=timezone.now())
    return refresh_brand(brand)


def _lock_message(until: datetime) -> str:
    minutes = max(1, int((until - timezone.now()).total_seconds() // 60) + 1)
    return (
        f"Too many wrong PINs: verification is locked for this brand for {minutes} more "
        f"minute{'s' if minutes != 1 else ''}. Ask for a new PIN after that."
    )


def otp_status(brand: Brand) -> OtpVerification | None:
    """Read the latest OTP's delivery status back from Telnyx."""
    verification = brand.otp_verifications.first()
    if verification is None or not brand.brand_id:
        return verification
    try:
        with client_for(brand.organisation_id) as client:
            try:  # the PIN we sent, by its reference; the brand's latest when Telnyx forgot it
                status = client.get_sms_otp_by_reference(verification.reference_id, brand.brand_id)
            except NotFound:
                status = client.get_sms_otp_status(brand.brand_id)
    except NotFound:
        return verification
    except TelnyxError as exc:
        raise ActionRefused(_words(exc, brand, "read the PIN status")) from exc
    if status.reference_id == verification.reference_id:
        verification.delivery_status = status.delivery_status
        verification.delivery_status_date = status.delivery_status_date
        verification.verified_at = verification.verified_at or status.verify_date
        verification.save()
    return verification


# -- external vetting ------------------------------------------------------------------------
VETTING_OPTIONS_CACHE_KEY = "telnyx:vetting-options"
VETTING_OPTIONS_CACHE_SECONDS = 24 * 3600

VettingOptions = tuple[list[tuple[str, str]], list[tuple[str, str]]]


def vetting_options(*, quick: bool = False) -> VettingOptions:
    """(providers, classes) from GET /10dlc/enum/extVettingProvider and vettingClass, kept a
    day in the shared cache (the vetting page reads them from there: `cached_vetting_options`)."""
    cached = cached_vetting_options()
    if cached is not None:
        return cached

    def read(client):
        return client.get_enum("extVettingProvider"), client.get_enum("vettingClass")

    providers, classes = _calling(None, "load the vetting providers", read, quick=quick)
    options = (_choices(providers), _choices(classes))
    cache.set(VETTING_OPTIONS_CACHE_KEY, options, VETTING_OPTIONS_CACHE_SECONDS)
    return options


def cached_vetting_options() -> VettingOptions | None:
    """The providers and classes last read from Telnyx, or None (never calls Telnyx)."""
    cached = cache.get(VETTING_OPTIONS_CACHE_KEY)
    if not cached:
        return None
    providers, classes = cached
    return [tuple(p) for p in providers], [tuple(c) for c in classes]


def refresh_vettings(brand: Brand) -> str:
    """The vetting page's Refresh: the brand's vettings and the providers, read quickly from
    Telnyx (one short try each). What happened in plain words; ActionRefused on failure."""
    sync_vettings(brand, quick=True)
    cache.delete(VETTING_OPTIONS_CACHE_KEY)
    vetting_options(quick=True)
    return "Vettings and providers read back from Telnyx."


def _choices(data) -> list[tuple[str, str]]:
    """Enum answers come as a list of strings, a list of objects, or an object."""
    if isinstance(data, dict):
        data = data.get("records", data) if "records" in data else data
    if isinstance(data, dict):
        return [
            (str(k), str(v if isinstance(v, str) else v.get("displayName", k)))
            for k, v in data.items()
        ]
    choices = []
    for item in data or []:
        if isinstance(item, dict):
            key = item.get("evpId") or item.get("id") or item.get("displayName")
            choices.append((str(key), str(item.get("displayName") or key)))
        else:
            choices.append((str(item), str(item)))
    return choices


def sync_vettings(brand: Brand, *, quick: bool = False) -> list[Vetting]:
    brand_id = _registered(brand)
    for record in _calling(
        brand,
        "read the vettings",
        lambda client: client.list_external_vettings(brand_id),
        quick=quick,
    ):
        _store_vetting(brand, record)
    return list(brand.vettings.all())


def order_vetting(brand: Brand, evp_id: str, vetting_class: str, *, confirmed_by=None) -> Vetting:
    """Order an external vetting (billed: the fee ledger records it with `confirmed_by`, the
    user who confirmed the cost, once Telnyx took the order)."""
    brand_id = _registered(brand)
    try:
        with client_for(brand.organisation_id) as client:
            record = client.order_external_vetting(brand_id, evp_id, vetting_class)
    except BadRequest as exc:
        if any(e.code == "10012" for e in exc.errors):
            raise ActionRefused(
                "A vetting of this class by this provider is already in progress, or one "
                "succeeded in the last 180 days."
            ) from exc
        raise ActionRefused(_words(exc, brand, "order the vetting")) from exc
    except TelnyxError as exc:
        raise ActionRefused(_words(exc, brand, "order the vetting")) from exc
    with transaction.atomic():
        vetting = _store_vetting(brand, record)
        ledger.record_vetting(brand, vetting.vetting_id, confirmed_by=confirmed_by)
        if confirmed_by is not None:
            members.record(
                confirmed_by,
                AuditEntry.Action.VETTING_ORDERED,
                brand.organisation,
                f"{person(confirmed_by)} confirmed the fee of a vetting of the brand {brand}.",
                brand=brand,
            )
    return vetting


def import_vetting(brand: Brand, evp_id: str, vetting_id: str, vetting_token: str = "") -> Vetting:
    brand_id = _registered(brand)
    record = _calling(
        brand,
        "import the vetting",
        lambda client: client.import_external_vetting(brand_id, evp_id, vetting_id, vetting_token),
    )
    vetting = _store_vetting(brand, record)
    if not vetting.imported:
        vetting.imported = True
        vetting.save(update_fields=["imported", "updated_at"])
    return vetting


def _store_vetting(brand: Brand, record: ExternalVetting) -> Vetting:
    vetting, _ = Vetting.objects.update_or_create(
        brand=brand,
        vetting_id=record.vetting_id or "",
        defaults={
            "organisation": brand.organisation,
            "evp_id": record.evp_id or "",
            "vetting_class": record.vetting_class or "",
            "vetting_token": record.vetting_token or "",
            "vetting_score": record.vetting_score,
            "created_at_telnyx": record.create_date or "",
            "vetted_at_telnyx": record.vetted_date or "",
        },
    )
    return vetting
