"""Brand screens: list, the registration wizard, the brand page and its actions, OTP, vetting.

Every brand is loaded through `_brand_for` (tenancy: another organisation's brand is a 404).
Views validate forms and call compliance.services.brands; Telnyx trouble reaches them as
ActionRefused with a plain message, shown to the user, never a 500.
"""

from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRefresh

from compliance import checks, lifecycle, presentation
from compliance.forms import CostConfirmationForm
from compliance.http import HtmxHttpRequest, post_redirect
from compliance.masking import mask
from compliance.models import Brand, SubmissionState
from compliance.roles import Capability, require, role_required
from compliance.services import brands as services
from compliance.services import guardrails
from compliance.services.sitecheck import request_site_check
from compliance.tenancy import current_organisation, get_owned_or_404, scoped
from registration import dashboard
from registration.brand_forms import (
    ENTITY_SENTENCES,
    FIELDS,
    WIZARD,
    BrandFieldsStep,
    BrandStep,
    OtpSendForm,
    OtpVerifyForm,
    VettingImportForm,
    VettingOrderForm,
)
from registration.listing import listing
from registration.wizard import Step, walk

TEMPLATE = "registration/brands/wizard.html"
DETAIL = "registration/brands/detail.html"


def _brand_for(request, public_id) -> Brand:
    return get_owned_or_404(request, Brand, public_id=public_id)


# -- list and new ----------------------------------------------------------------------------
@login_required
@require_GET
@role_required(Capability.VIEW)
def brand_list(request: HtmxHttpRequest) -> HttpResponse:
    brands = listing(
        request,
        scoped(request, Brand),
        search_fields=BRAND_SEARCH,
        statuses=presentation.BRAND_STATUS_FILTERS,
        sorts=BRAND_SORTS,
    )
    return render(
        request,
        "registration/brands/list.html",
        {"listing": brands, "any_brand": scoped(request, Brand).exists()},
    )


BRAND_SORTS = (
    ("newest", "Newest first", ("-created_at",)),
    ("oldest", "Oldest first", ("created_at",)),
    ("updated", "Recently changed", ("-updated_at",)),
    ("name", "Name (A to Z)", ("display_name", "company_name")),
)
BRAND_SEARCH = ("display_name", "company_name", "first_name", "last_name", "brand_id", "ein")


@login_required
@require_POST
@role_required(Capability.EDIT)
def brand_new(request: HtmxHttpRequest) -> HttpResponse:
    """Open a new draft, or the untouched one left by an earlier click."""
    brand = services.start_draft(current_organisation(request), request.user)
    return post_redirect(request, reverse("brand_wizard", args=[brand.public_id]))


@login_required
@require_POST
@role_required(Capability.EDIT)
def brand_delete_drafts(request: HtmxHttpRequest) -> HttpResponse:
    """Delete the drafts ticked in the list (only drafts never sent to Telnyx)."""
    ids = []
    for value in request.POST.getlist("drafts"):
        try:
            ids.append(UUID(value))
        except ValueError:
            continue
    deleted = services.delete_drafts(current_organisation(request), ids)
    if deleted:
        messages.success(request, f"{deleted} draft{'s' if deleted > 1 else ''} deleted.")
    else:
        messages.info(request, "Tick the drafts to delete first.")
    return post_redirect(request, reverse("brand_list"))


# -- the wizard (registration/wizard.py walks the steps of brand_forms.WIZARD) ---------------
def _step_url(brand: Brand, step: Step) -> str:
    return reverse("brand_wizard_step", args=[brand.public_id, step.id])


def _wizard_context(brand: Brand, step: Step, form=None) -> dict:
    return {
        "brand": brand,
        "step": step,
        "steps": WIZARD.progress(brand, step),
        "position": WIZARD.position(brand, step),
        "form": form,
        "entity_sentences": ENTITY_SENTENCES,
        "general_errors": brand.field_errors.get("", []),
    }


@login_required
@require_http_methods(["GET", "POST"])
@role_required(Capability.EDIT)
def brand_wizard(
    request: HtmxHttpRequest, public_id: UUID, step_name: str | None = None
) -> HttpResponse:
    brand = _brand_for(request, public_id)
    if not brand.is_editable:
        messages.info(request, "This brand is being submitted; you can edit it once it is done.")
        return redirect("brand_detail", public_id=brand.public_id)

    def show(step: Step, form) -> HttpResponse:
        context = _wizard_context(brand, step, form)
        if request.htmx and request.method == "POST":
            return render(request, f"{TEMPLATE}#step", context)
        return render(request, TEMPLATE, context)

    return walk(
        request,
        WIZARD,
        brand,
        step_name,
        url=lambda step: _step_url(brand, step),
        render=show,
        finish=lambda step: _review(request, brand, step),
    )


@login_required
@require_POST
@role_required(Capability.EDIT)
def brand_validate_field(request: HtmxHttpRequest, public_id: UUID, step_name: str) -> HttpResponse:
    """HTMX: validate one field on blur and answer the region next to it (its errors), never
    the input, which the user may be typing in again."""
    brand = _brand_for(request, public_id)
    step = WIZARD.step(brand, step_name)
    name = request.GET.get("field", "")
    if not isinstance(step, BrandFieldsStep) or name not in step.field_names(brand):
        raise Http404("No such field.")
    form = step.form(brand, request.POST)
    form.is_valid()
    return render(
        request, f"{TEMPLATE}#field-check", {"row": form.row(name), "brand": brand, "step": step}
    )


def _confirmation(brand: Brand, data=None) -> CostConfirmationForm | None:
    """The cost box of a first registration (a registered brand's changes are not billed)."""
    if brand.brand_id:
        return None
    return CostConfirmationForm(data, fee=guardrails.brand_registration_fee(brand))


def _review(request, brand: Brand, step):
    confirmation = _confirmation(brand, request.POST if request.method == "POST" else None)
    if request.method == "POST" and confirmation is not None:
        require(request, Capability.SUBMIT_BILLABLE)  # a member prepares, an admin confirms
    if request.method == "POST" and (confirmation is None or confirmation.is_valid()):
        try:
            result = services.submit_brand(
                current_organisation(request),
                brand.public_id,
                confirmed_by=request.user if confirmation is not None else None,
            )
        except services.ActionRefused as exc:
            messages.error(request, str(exc))
            return post_redirect(request, reverse("brand_wizard", args=[brand.public_id]))
        level = {"submitted": messages.SUCCESS, "failed": messages.ERROR}.get(
            result.outcome, messages.INFO
        )
        messages.add_message(request, level, result.message)
        if result.brand.website:
            request_site_check(brand=result.brand, again=True)
        if result.outcome == "failed" and result.brand.field_errors:
            return post_redirect(request, reverse("brand_wizard", args=[brand.public_id]))
        return post_redirect(request, reverse("brand_detail", args=[brand.public_id]))
    missing = services.missing_fields(brand)
    sections = []
    for each in WIZARD.applicable(brand):
        if each.final or not isinstance(each, BrandStep):
            continue
        values = [
            (FIELDS[n].label if n in FIELDS else "Entity type", _display(brand, n))
            for n in each.field_names(brand)
        ]
        sections.append((each, values))
    context = _wizard_context(brand, step) | {
        "sections": sections,
        "missing": [FIELDS[n].label if n in FIELDS else n for n in missing],
        "mock_brand": settings.TELNYX_MOCK_BRANDS,
        "confirmation": confirmation,
        "brand_findings": guardrails.brand_findings(brand),
        "limit_problem": guardrails.sole_proprietor_mobile_problem(brand),
    }
    return render(request, TEMPLATE, context)


def _display(brand: Brand, name: str) -> str:
    if name == "entity_type":
        return brand.get_entity_type_display()
    value = getattr(brand, name)
    choices = FIELDS[name].choices
    if choices:
        value = dict(choices).get(value, value)
    return value or ""


def _field_label(wire: str) -> str:
    name = services.wire_to_field(wire)
    return FIELDS[name].label if name in FIELDS else wire


# -- the brand page --------------------------------------------------------------------------
def _stepper_context(brand: Brand) -> dict:
    stepper = presentation.brand_stepper(brand)
    url, label = dashboard.brand_action(brand, stepper)
    return {"stepper": stepper, "action_url": url, "action_label": label}


def _detail_context(brand: Brand) -> dict:
    pending = brand.submission_state == SubmissionState.PENDING or (
        brand.brand_id and lifecycle.brand_is_pending(brand.status or None)
    )
    categories = [c for c in brand.feedback if isinstance(c, dict)]
    feedback = [
        {
            **category,
            "labels": [_field_label(f) for f in category.get("fields", [])],
            "rules": reason.rules,
        }
        for category, reason in zip(categories, checks.read_brand_feedback(categories), strict=True)
    ]
    return {
        "brand": brand,
        "pending": pending,
        "plain_words": lifecycle.brand_plain_words(
            brand.status or None, brand.identity_status or None
        )
        if brand.brand_id
        else None,
        "feedback": feedback,
        "vetting_fee": guardrails.vetting_fee(),
        "otp_needed": brand.is_sole_proprietor
        and brand.brand_id
        and brand.identity_status == "UNVERIFIED",
    } | _stepper_context(brand)


@login_required
@require_GET
@role_required(Capability.VIEW)
def brand_detail(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    """From the database only (issue 20, finding 13): webhooks, reconciliation and the
    Refresh button keep it current; a slow Telnyx never slows this page."""
    brand = _brand_for(request, public_id)
    return render(request, DETAIL, _detail_context(brand))


@login_required
@require_GET
@role_required(Capability.VIEW)
def brand_status(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    """HTMX polling target: the status panel, polling itself while the brand is pending. It
    shows what is stored (webhooks and reconciliation bring the news), never calling Telnyx."""
    brand = _brand_for(request, public_id)
    # From the database only (finding 13): a pending brand asks the worker for a read-back.
    context = _detail_context(brand)
    if context["pending"]:
        services.refresh_while_watched(brand)
    if request.GET.get("seen", context["stepper"].key) != context["stepper"].key:
        # The status moved: the whole page changes (feedback, actions), not only this panel.
        return HttpResponseClientRefresh()
    return render(request, f"{DETAIL}#status", context)


ACTIONS = {
    "revet": (services.revet_brand, "Revet requested: the registry checks your brand again."),
    "resend-2fa-email": (services.resend_2fa_email, "The verification email was sent again."),
}


@login_required
@require_POST
@role_required(Capability.VIEW)
def brand_action(request: HtmxHttpRequest, public_id: UUID, action: str) -> HttpResponse:
    brand = _brand_for(request, public_id)
    if action == "refresh":  # reading the status again changes nothing: anyone may
        return _refresh(request, brand)
    require(request, Capability.EDIT)
    if action not in ACTIONS:
        raise Http404("No such action.")
    run, done = ACTIONS[action]
    try:
        run(brand)
    except services.ActionRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done)
    return post_redirect(request, reverse("brand_detail", args=[brand.public_id]))


def _refresh(request: HtmxHttpRequest, brand: Brand) -> HttpResponse:
    """One quick read-back, else one in the background; the words say which happened."""
    try:
        outcome = services.refresh_brand_now_or_later(brand)
    except services.ActionRefused as exc:
        messages.error(request, str(exc))
    else:
        tell = messages.success if outcome == services.REFRESHED else messages.warning
        tell(request, outcome)
    return post_redirect(request, reverse("brand_detail", args=[brand.public_id]))


@login_required
@require_http_methods(["GET", "POST"])
@role_required(Capability.WITHDRAW)
def brand_delete(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    brand = _brand_for(request, public_id)
    if request.method == "POST":
        name = str(brand)
        try:
            services.delete_brand(brand)
        except services.ActionRefused as exc:
            messages.error(request, str(exc))
            return post_redirect(request, reverse("brand_detail", args=[brand.public_id]))
        messages.success(request, f"{name} was deleted.")
        return post_redirect(request, reverse("brand_list"))
    return render(request, "registration/brands/delete.html", {"brand": brand})


# -- Sole Proprietor OTP ---------------------------------------------------------------------
def _otp_page(request, brand, send_form=None, verify_form=None):
    verification = None
    try:
        verification = services.otp_status(brand)
    except services.ActionRefused as exc:
        messages.warning(request, str(exc))
    context = {
        "brand": brand,
        "verification": verification,
        "locked_until": services.otp_locked_until(brand),
        "send_form": send_form or OtpSendForm(initial=services.default_otp_texts(brand)),
        "verify_form": verify_form or OtpVerifyForm(),
    }
    return render(request, "registration/brands/otp.html", context)


def _sole_proprietor_for(request, public_id) -> Brand:
    brand = _brand_for(request, public_id)
    if not brand.is_sole_proprietor:
        raise Http404("Only sole proprietor brands verify by text message.")
    return brand


@login_required
@require_GET
@role_required(Capability.VIEW)
def brand_otp(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    return _otp_page(request, _sole_proprietor_for(request, public_id))


@login_required
@require_POST
@role_required(Capability.EDIT)
def brand_otp_send(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    brand = _sole_proprietor_for(request, public_id)
    form = OtpSendForm(request.POST)
    if not form.is_valid():
        return _otp_page(request, brand, send_form=form)
    try:
        services.trigger_otp(brand, form.cleaned_data["pin_sms"], form.cleaned_data["success_sms"])
    except services.ActionRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"A PIN was texted to {mask(brand.mobile_phone)}.")
    return post_redirect(request, reverse("brand_otp", args=[brand.public_id]))


@login_required
@require_POST
@role_required(Capability.EDIT)
def brand_otp_verify(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    brand = _sole_proprietor_for(request, public_id)
    form = OtpVerifyForm(request.POST)
    if not form.is_valid():
        return _otp_page(request, brand, verify_form=form)
    try:
        services.verify_otp(brand, form.cleaned_data["pin"].strip())
    except services.ActionRefused as exc:
        form.add_error("pin", str(exc))
        return _otp_page(request, brand, verify_form=form)
    messages.success(request, "Your mobile phone is verified: the brand is verified.")
    return post_redirect(request, reverse("brand_detail", args=[brand.public_id]))


# -- external vetting ------------------------------------------------------------------------
def _vetting_page(request, brand, order_form=None, import_form=None):
    """From the database only (issue 20, finding 13): the vettings as last read, and the
    providers from the shared cache; the page's Refresh reads both from Telnyx."""
    options = services.cached_vetting_options()
    providers, classes = options if options is not None else ([], [])
    context = {
        "brand": brand,
        "vettings": list(brand.vettings.all()),
        "options_missing": options is None,
        "order_form": order_form or VettingOrderForm(providers=providers, classes=classes),
        "import_form": import_form or VettingImportForm(providers=providers),
    }
    return render(request, "registration/brands/vetting.html", context)


def _registered_for(request, public_id) -> Brand:
    brand = _brand_for(request, public_id)
    if not brand.brand_id:
        raise Http404("This brand is not registered yet.")
    return brand


@login_required
@require_http_methods(["GET", "POST"])
@role_required(Capability.VIEW)
def brand_vetting(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    brand = _registered_for(request, public_id)
    if request.method == "GET":
        return _vetting_page(request, brand)
    kind = request.POST.get("kind")
    # Reading the vettings again: anyone; importing one: an editor; ordering one: its fee.
    if kind == "import":
        require(request, Capability.EDIT)
    elif kind != "refresh":
        require(request, Capability.SUBMIT_BILLABLE)
    if kind == "refresh":
        try:
            messages.success(request, services.refresh_vettings(brand))
        except services.ActionRefused as exc:
            messages.warning(request, f"{exc} The page shows what was last read.")
        return post_redirect(request, reverse("brand_vetting", args=[brand.public_id]))
    try:
        providers, classes = services.vetting_options()
    except services.ActionRefused as exc:
        messages.error(request, str(exc))
        return post_redirect(request, reverse("brand_vetting", args=[brand.public_id]))
    importing = request.POST.get("kind") == "import"
    form: VettingImportForm | VettingOrderForm
    if importing:
        form = VettingImportForm(request.POST, providers=providers)
    else:
        form = VettingOrderForm(request.POST, providers=providers, classes=classes)
    if not form.is_valid():
        key = "import_form" if importing else "order_form"
        return _vetting_page(request, brand, **{key: form})
    try:
        if isinstance(form, VettingImportForm):
            services.import_vetting(brand, **form.cleaned_data)
        else:
            services.order_vetting(brand, **form.order, confirmed_by=request.user)
    except services.ActionRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, "Vetting imported." if importing else "Vetting ordered; the score follows."
        )
    return post_redirect(request, reverse("brand_vetting", args=[brand.public_id]))
