"""The campaign builder (one view walks the steps in registration/campaign_forms.py), the
campaign list and page, live compliance checks, edit and deactivate.

Every view loads the campaign through the tenancy helper (another organisation's id is a 404)
and acts through compliance.services.campaigns; Telnyx faults become plain-words messages.
"""

import contextlib
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRefresh

from compliance import lifecycle, presentation
from compliance.forms import CaseMessageForm, CostConfirmationForm
from compliance.http import HtmxHttpRequest, post_redirect
from compliance.models import Brand, Campaign, SubmissionState
from compliance.roles import Capability, require, role_required
from compliance.services import campaigns as services
from compliance.services import cases, guardrails, rejections
from compliance.services.hosted import hosted_page_urls
from compliance.services.sitecheck import (
    blocking_site_findings,
    request_site_check,
)
from compliance.tenancy import current_organisation, get_owned_or_404, scoped
from registration import campaign_edit as campaign_edit_module
from registration import dashboard, live_status
from registration.campaign_forms import WIZARD, CampaignStep
from registration.listing import listing
from registration.wizard import walk

POLL_RESYNC_SECONDS = 10


def _campaign(request, public_id) -> Campaign:
    return get_owned_or_404(request, Campaign.objects.select_related("brand"), public_id=public_id)


def _step_url(campaign: Campaign, slug: str) -> str:
    return reverse("campaign_step", args=[campaign.public_id, slug])


@login_required
@require_GET
@role_required(Capability.VIEW)
def campaign_list(request: HtmxHttpRequest) -> HttpResponse:
    campaigns = listing(
        request,
        scoped(request, Campaign).select_related("brand"),
        search_fields=CAMPAIGN_SEARCH,
        statuses=presentation.CAMPAIGN_STATUS_FILTERS,
        sorts=CAMPAIGN_SORTS,
    )
    brands = services.campaign_brands(current_organisation(request))
    return render(
        request,
        "registration/campaigns/list.html",
        {
            "listing": campaigns,
            "brands": brands,
            "any_campaign": scoped(request, Campaign).exists(),
        },
    )


CAMPAIGN_SORTS = (
    ("newest", "Newest first", ("-created_at",)),
    ("oldest", "Oldest first", ("created_at",)),
    (
        "status",
        "Status changed most recently",
        (F("status_changed_at").desc(nulls_last=True), "-updated_at"),
    ),
    ("brand", "Brand (A to Z)", ("brand__display_name", "-created_at")),
)
CAMPAIGN_SEARCH = (
    "usecase",
    "description",
    "campaign_id",
    "brand__display_name",
    "brand__company_name",
)


@login_required
@require_http_methods(["GET", "POST"])
@role_required(Capability.EDIT)
def campaign_new(request: HtmxHttpRequest) -> HttpResponse:
    """Start a draft from a registered brand (?brand=<public_id> or the form)."""
    brands = services.campaign_brands(current_organisation(request))
    if request.method == "POST":
        brand = get_owned_or_404(request, Brand, public_id=request.POST.get("brand"))
        try:
            campaign = services.start_campaign(brand.organisation, request.user, brand)
        except services.CampaignError as exc:
            messages.error(request, exc.message)
            return redirect("campaign_new")
        return post_redirect(request, _step_url(campaign, WIZARD.first_incomplete(campaign).id))
    problems = {brand.pk: services.brand_problem(brand) for brand in brands}
    return render(
        request,
        "registration/campaigns/new.html",
        {"brands": [(b, problems[b.pk]) for b in brands]},
    )


@login_required
@require_http_methods(["GET", "POST"])
@role_required(Capability.EDIT)
def campaign_clone(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    """Copy a campaign (rejected, expired, deactivated or live) into a new draft for the
    same or another brand; the builder then re-runs the checks and shows the cost again."""
    campaign = _campaign(request, public_id)
    brands = services.campaign_brands(campaign.organisation)
    if request.method == "POST":
        if not request.POST.get("brand"):
            messages.error(request, "Choose the brand to copy the campaign for.")
            return redirect("campaign_clone", public_id=campaign.public_id)
        brand = get_owned_or_404(request, Brand, public_id=request.POST.get("brand"))
        try:
            copy = services.clone_campaign(campaign, request.user, brand)
        except services.CampaignError as exc:
            messages.error(request, exc.message)
            return redirect("campaign_clone", public_id=campaign.public_id)
        messages.success(
            request,
            "Copied into a new draft. Check each step: the checks run again, and the cost is "
            "shown again before you submit.",
        )
        return post_redirect(request, _step_url(copy, WIZARD.first_incomplete(copy).id))
    problems = {brand.pk: services.brand_problem(brand) for brand in brands}
    return render(
        request,
        "registration/campaigns/clone.html",
        {
            "campaign": campaign,
            "brands": [(b, problems[b.pk]) for b in brands],
            "fee": guardrails.campaign_submission_fee(campaign),
        },
    )


@login_required
@require_GET
@role_required(Capability.VIEW)
def campaign_resume(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    campaign = _campaign(request, public_id)
    if campaign.submission_state == SubmissionState.DRAFT:
        return redirect(_step_url(campaign, WIZARD.first_incomplete(campaign).id))
    return redirect("campaign_detail", public_id=campaign.public_id)


@login_required
@require_http_methods(["GET", "POST"])
@role_required(Capability.EDIT)
def campaign_step(request: HtmxHttpRequest, public_id: UUID, step: str) -> HttpResponse:
    campaign = _campaign(request, public_id)
    if campaign.submission_state not in (SubmissionState.DRAFT, SubmissionState.FAILED):
        return redirect("campaign_detail", public_id=campaign.public_id)
    return walk(
        request,
        WIZARD,
        campaign,
        step,
        url=lambda each: _step_url(campaign, each.id),
        render=lambda each, form: _render_step(request, campaign, each, form),
        finish=lambda each: (
            _submit(request, campaign, each)
            if request.method == "POST"
            else _render_step(request, campaign, each, None)
        ),
    )


def _submit(request, campaign, review):
    require(request, Capability.SUBMIT_BILLABLE)  # a member prepares, an admin confirms
    confirmation = _confirmation(campaign, request.POST)
    if not confirmation.is_valid():
        return _render_step(request, campaign, review, confirmation)
    site_errors = blocking_site_findings(campaign=campaign)
    if site_errors:
        error = services.CampaignError(
            "Fix the website or privacy policy first (then check it again below).",
            {"": [f["message"] for f in site_errors]},
        )
        return _render_step(request, campaign, review, confirmation, error=error)
    try:
        campaign = services.submit_campaign(campaign, confirmed_by=request.user)
    except services.CampaignError as exc:
        campaign.refresh_from_db()
        return _render_step(request, campaign, review, confirmation, error=exc, status=200)
    if campaign.submission_state == SubmissionState.PENDING:
        messages.warning(request, campaign.submission_error or "Submission in progress.")
    else:
        messages.success(request, "Campaign submitted to Telnyx.")
    return post_redirect(request, reverse("campaign_detail", args=[campaign.public_id]))


def _confirmation(campaign, data=None) -> CostConfirmationForm:
    return CostConfirmationForm(data, fee=guardrails.campaign_submission_fee(campaign))


def _site_checks_for_review(campaign) -> list:
    """Start a check of the brand website and privacy policy unless the latest ones are of
    the current addresses; the blocking findings of the latest checks."""
    request_site_check(campaign=campaign)
    return blocking_site_findings(campaign=campaign)


def _render_step(request, campaign, current, form, *, error=None, status=200):
    found = services.findings(campaign)
    by_field = services.findings_by_model_field(found)
    review = current.final
    if review and form is None:
        form = _confirmation(campaign)
    context = {
        "campaign": campaign,
        "step": current,
        "steps": WIZARD.progress(campaign, current),
        "position": WIZARD.position(campaign, current),
        "form": form,
        "qualification": services.qualification_of(campaign),
        "findings": found,
        "field_findings": {
            name: by_field.get(name, [])
            for name in _acted_on(current, campaign, saved=request.method == "POST")
        },
        "brand_problem": services.brand_problem(campaign.brand, campaign=campaign),
        "error": error,
        "site_findings": _site_checks_for_review(campaign) if review else [],
        "hosted": hosted_page_urls(campaign.brand),
    }
    template = "registration/campaigns/step.html"
    if request.htmx and request.method == "POST":
        template += "#step-form"
    return render(request, template, context, status=status)


@login_required
@require_POST
@role_required(Capability.EDIT)
def campaign_checks(request: HtmxHttpRequest, public_id: UUID, step: str) -> HttpResponse:
    """Live checks: the findings for what the user is typing, next to each field (HTMX)."""
    campaign = _campaign(request, public_id)
    current = WIZARD.by_id.get(step)
    if not isinstance(current, CampaignStep):
        raise Http404("No such step.")
    # Choice steps (use case, kinds of messages) are checked on save, not as the user types.
    form = current.form(campaign, request.POST) if current.checks_live else None
    if form is None:
        overrides = {}
    else:
        form.is_valid()
        overrides = {
            name: form.cleaned_data.get(name, request.POST.get(name, "")) for name in current.fields
        }
    by_field = services.findings_by_model_field(services.findings(campaign, overrides))
    acted = [
        name
        for name in current.fields
        if name == request.GET.get("field") or request.POST.get(name, "").strip()
    ]
    return render(
        request,
        "registration/campaigns/step.html#live-findings",
        {"field_findings": {name: by_field.get(name, []) for name in acted}},
    )


def _acted_on(step: CampaignStep, campaign: Campaign, *, saved: bool) -> list[str]:
    """The step's fields whose findings are shown: all of them once the user pressed Save,
    else only those already answered (no "Must fix" before the user has done anything)."""
    if saved:
        return list(step.fields)
    return [name for name in step.fields if getattr(campaign, name, None) not in ("", None, [])]


@login_required
@require_GET
@role_required(Capability.VIEW)
def campaign_detail(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    campaign = _campaign(request, public_id)
    if campaign.submission_state == SubmissionState.DRAFT:
        return redirect(_step_url(campaign, WIZARD.first_incomplete(campaign).id))
    if request.htmx and request.GET.get("poll"):
        _resync_if_stale(campaign)
        context = _detail_context(campaign)
        if request.GET.get("seen", context["stepper"].key) != context["stepper"].key:
            # The status moved: the whole page changes (rejection card, appeal, actions).
            return HttpResponseClientRefresh()
        return render(request, "registration/campaigns/detail.html#status", context)
    context = _detail_context(campaign) | live_status.campaign_numbers(campaign)
    return render(request, "registration/campaigns/detail.html", context)


def _resync_if_stale(campaign):
    stale = (
        campaign.last_synced_at is None
        or (timezone.now() - campaign.last_synced_at).total_seconds() > POLL_RESYNC_SECONDS
    )
    if services.is_settled(campaign) or not stale:
        return
    # On failure the page keeps the last known status; the next poll tries again.
    with contextlib.suppress(services.CampaignError):
        services.refresh_campaign(campaign)


def _stepper_context(campaign) -> dict:
    stepper = presentation.campaign_stepper(campaign)
    url, label = dashboard.campaign_action(campaign, stepper)
    return {"stepper": stepper, "action_url": url, "action_label": label}


def _carriers(campaign) -> list[dict]:
    """Each carrier of the campaign by name, with its decision and whether it reviews by hand;
    the network id only for the technical details."""
    names = services.cached_carrier_names()
    network_ids = sorted(set(campaign.mno_metadata) | set(campaign.operation_status))
    return [
        {
            "network_id": network_id,
            "name": presentation.carrier_name(
                network_id, campaign.mno_metadata.get(network_id), names
            ),
            "decision": campaign.operation_status.get(network_id, ""),
            "metadata": campaign.mno_metadata.get(network_id, {}),
        }
        for network_id in network_ids
    ]


def _detail_context(campaign):
    status = campaign.campaign_status or None
    known = status in lifecycle.CampaignStatus.__members__
    report = rejections.rejection_report(campaign)
    return {
        "campaign": campaign,
        "status": presentation.campaign_status(campaign),
        "submission_words": (
            lifecycle.submission_plain_words(campaign.telnyx_submission_status)
            if campaign.telnyx_submission_status in lifecycle.SubmissionStatus.__members__
            else ""
        ),
        "appeal": lifecycle.appeal_allowed(status) if known else (False, ""),
        "carriers": _carriers(campaign),
        "events": campaign.events.all(),
        "settled": services.is_settled(campaign),
        "can_edit": bool(campaign.campaign_id) and not campaign.deactivated_at,
        "report": report,
        "conversation": cases.conversation(campaign),
        "appeal_requests": campaign.appeal_requests.all(),
        "appeal_request_problem": cases.appeal_request_problem(campaign, report)
        if status in lifecycle.APPEALABLE
        else "",
        "message_form": CaseMessageForm(),
    } | _stepper_context(campaign)


@login_required
@require_POST
@role_required(Capability.VIEW)
def campaign_refresh(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    campaign = _campaign(request, public_id)
    try:
        services.refresh_campaign(campaign)
        messages.success(request, "Status read back from Telnyx.")
    except services.CampaignError as exc:
        messages.error(request, exc.message)
    return post_redirect(request, reverse("campaign_detail", args=[campaign.public_id]))


@login_required
@require_GET
@role_required(Capability.VIEW)
def campaign_edit(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    campaign = _campaign(request, public_id)
    return campaign_edit_module.start(lambda step: _edit_step_url(campaign, step))


def _edit_step_url(campaign: Campaign, step: str) -> str:
    return reverse("campaign_edit_step", args=[campaign.public_id, step])


def _edit_urls(campaign: Campaign) -> campaign_edit_module.EditUrls:
    return campaign_edit_module.EditUrls(
        step=lambda each: _edit_step_url(campaign, each.id),
        checks=lambda each: reverse("campaign_edit_checks", args=[campaign.public_id, each.id]),
        done=reverse("campaign_detail", args=[campaign.public_id]),
        clone=reverse("campaign_clone", args=[campaign.public_id]),
    )


@login_required
@require_http_methods(["GET", "POST"])
@role_required(Capability.EDIT)
def campaign_edit_step(request: HtmxHttpRequest, public_id: UUID, step: str) -> HttpResponse:
    """The customer's edit of a submitted campaign (registration/campaign_edit.py)."""
    campaign = _campaign(request, public_id)
    if not campaign.campaign_id or campaign.deactivated_at:
        messages.error(request, "Only a submitted, active campaign can be edited.")
        return redirect("campaign_detail", public_id=campaign.public_id)
    return campaign_edit_module.edit_flow(
        request,
        campaign,
        step,
        urls=_edit_urls(campaign),
        save=lambda values: services.edit_campaign(campaign, values),
        audience="customer",
    )


@login_required
@require_POST
@role_required(Capability.EDIT)
def campaign_edit_checks(request: HtmxHttpRequest, public_id: UUID, step: str) -> HttpResponse:
    return campaign_edit_module.edit_checks(request, _campaign(request, public_id), step)


@login_required
@require_http_methods(["GET", "POST"])
@role_required(Capability.WITHDRAW)
def campaign_deactivate(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    campaign = _campaign(request, public_id)
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if request.method == "POST":
        try:
            services.deactivate_campaign(campaign)
        except services.CampaignError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "Campaign deactivated.")
        return post_redirect(request, reverse("campaign_detail", args=[campaign.public_id]))
    return render(request, "registration/campaigns/deactivate.html", {"campaign": campaign})
