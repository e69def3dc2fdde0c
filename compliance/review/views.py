"""The reviewer console: the queue, a campaign's review page, reviewer actions, audit pages,
and the fee ledger across every organisation.

Every view is wrapped in `reviewer_required`; reviewers see every organisation's campaigns,
so lookups here are by public id across organisations (never through compliance.tenancy).
"""

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from compliance import lifecycle, presentation
from compliance.http import HtmxHttpRequest, SignedInRequest, csv_download, post_redirect
from compliance.models import AccountImport, AuditEntry, Brand, Campaign, FeeEntry, Organisation
from compliance.review import queue
from compliance.review.access import reviewer_required
from compliance.review.forms import (
    AcceptSharingForm,
    AccountImportForm,
    AppealForm,
    AuditFilterForm,
    DeclineForm,
    MessageForm,
    NoteForm,
    PartnerWebhooksForm,
    QueueFilterForm,
)
from compliance.services import adoption, guardrails, ledger, partners, rejections
from compliance.services import review as services
from registration import campaign_edit

PAGE_SIZE = 25
AUDIT_PAGE_SIZE = 50


def _campaign(public_id) -> Campaign:
    return get_object_or_404(
        Campaign.objects.select_related("brand", "organisation"), public_id=public_id
    )


def _page(request, items, size: int):
    return Paginator(items, size).get_page(request.GET.get("page"))


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _back_to(request, campaign: Campaign):
    return post_redirect(request, reverse("review_campaign", args=[campaign.public_id]))


def _warn_if_claimed_by_other(request, campaign: Campaign) -> None:
    warning = services.claim_warning(campaign, request.user)
    if warning:
        messages.warning(request, warning)


# Queue -------------------------------------------------------------------------------------


@reviewer_required
@require_GET
def review_queue(request: HtmxHttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET)
    filters = form.filters()
    counts = queue.counts()
    return render(
        request,
        "compliance/review/queue.html",
        {
            "form": form,
            "page": _page(request, queue.filter_items(**filters), PAGE_SIZE),
            "showing_brands": filters["category"] == queue.UNVERIFIED,
            "counts": [(value, label, counts[value]) for value, label in queue.CATEGORIES],
            "query": _query_without_page(request),
            "stuck_hours": f"{queue.stuck_after().total_seconds() / 3600:g}",
        },
    )


@reviewer_required
@require_GET
def review_brand(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    brand = get_object_or_404(Brand.objects.select_related("organisation"), public_id=public_id)
    return render(
        request,
        "compliance/review/brand.html",
        {
            "brand": brand,
            "words": lifecycle.brand_plain_words(
                brand.status or None, brand.identity_status or None
            ),
            "campaigns": brand.campaigns.all(),
        },
    )


# Campaign review page ----------------------------------------------------------------------


def _render_review(request, campaign: Campaign, *, status: int = 200, **forms):
    """The review page; `forms` replaces the blank forms (a bound, invalid one, say)."""
    events = list(campaign.events.all())
    report = rejections.rejection_report(campaign)
    asked = services.open_request(campaign)
    findings = forms.pop("findings", None)
    context = {
        "campaign": campaign,
        "brand": campaign.brand,
        "status": presentation.campaign_status(campaign),
        "brand_words": lifecycle.brand_plain_words(
            campaign.brand.status or None, campaign.brand.identity_status or None
        ),
        "report": report,
        "findings": services.review_findings(campaign) if findings is None else findings,
        "events": events,
        "claim": services.active_claim(campaign),
        "claim_warning": services.claim_warning(campaign, request.user),
        "notes": campaign.review_notes.select_related("author"),
        "appeal_allowed": lifecycle.appeal_allowed(campaign.campaign_status or None),
        "appeal_state": services.appeal_state(campaign),
        "appeals": campaign.appeals.select_related("requested_by")[:5],
        "note_form": NoteForm(),
        "message_form": MessageForm(),
        "appeal_form": AppealForm(
            gated=bool(report and report.blocked),
            initial={"appeal_reason": asked.explanation} if asked else None,
        ),
        "appeal_request": asked,
        "decline_form": DeclineForm(),
        "conversation": campaign.case_messages.select_related("author"),
        "appeal_fee": guardrails.appeal_fee(),
        **forms,
    }
    return render(request, "compliance/review/campaign.html", context, status=status)


@reviewer_required
@require_GET
def review_campaign(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    return _render_review(request, _campaign(public_id))


# Actions -----------------------------------------------------------------------------------


@reviewer_required
@require_POST
def claim_campaign(request: SignedInRequest, public_id: UUID) -> HttpResponse:
    return _act(request, public_id, services.claim, "You claimed this campaign.")


@reviewer_required
@require_POST
def unclaim_campaign(request: SignedInRequest, public_id: UUID) -> HttpResponse:
    return _act(request, public_id, services.unclaim, "You released your claim.")


def _act(request: SignedInRequest, public_id: UUID, action, done: str) -> HttpResponse:
    """Run a reviewer action on the campaign; its refusal or `done` as the page's message."""
    campaign = _campaign(public_id)
    try:
        action(campaign, request.user)
    except services.ReviewError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done)
    return _back_to(request, campaign)


@reviewer_required
@require_POST
def add_note(request: SignedInRequest, public_id: UUID) -> HttpResponse:
    campaign = _campaign(public_id)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _render_review(request, campaign, note_form=form)
    _warn_if_claimed_by_other(request, campaign)
    services.add_note(campaign, request.user, form.cleaned_data["body"])
    messages.success(request, "Note added.")
    return _back_to(request, campaign)


@reviewer_required
@require_POST
def message_customer(request: SignedInRequest, public_id: UUID) -> HttpResponse:
    campaign = _campaign(public_id)
    form = MessageForm(request.POST)
    if not form.is_valid():
        return _render_review(request, campaign, message_form=form)
    _warn_if_claimed_by_other(request, campaign)
    services.message_customer(
        campaign, request.user, form.cleaned_data["title"], form.cleaned_data["body"]
    )
    messages.success(request, f"Message sent to {campaign.organisation}.")
    return _back_to(request, campaign)


@reviewer_required
@require_GET
def edit_campaign(request: SignedInRequest, public_id: UUID) -> HttpResponse:
    campaign = _campaign(public_id)
    return campaign_edit.start(lambda step: _edit_step_url(campaign, step))


def _edit_step_url(campaign: Campaign, step: str) -> str:
    return reverse("review_edit_step", args=[campaign.public_id, step])


@reviewer_required
@require_http_methods(["GET", "POST"])
def edit_campaign_step(request: SignedInRequest, public_id: UUID, step: str) -> HttpResponse:
    """The reviewer's edit: the customer's steps (registration/campaign_edit.py), audited."""
    campaign = _campaign(public_id)
    if request.method == "POST":
        _warn_if_claimed_by_other(request, campaign)
    urls = campaign_edit.EditUrls(
        step=lambda each: _edit_step_url(campaign, each.id),
        checks=lambda each: reverse("review_edit_check", args=[campaign.public_id, each.id]),
        done=reverse("review_campaign", args=[campaign.public_id]),
    )
    return campaign_edit.edit_flow(
        request,
        campaign,
        step,
        urls=urls,
        save=lambda values: services.edit_campaign(campaign, request.user, values),
        audience="reviewer",
    )


@reviewer_required
@require_POST
def check_edit(request: HtmxHttpRequest, public_id: UUID, step: str) -> HttpResponse:
    """Live checks while the reviewer types on an edit step."""
    return campaign_edit.edit_checks(request, _campaign(public_id), step)


@reviewer_required
@require_POST
def appeal_campaign(request: SignedInRequest, public_id: UUID) -> HttpResponse:
    campaign = _campaign(public_id)
    form = AppealForm(request.POST, gated=bool(services.appeal_gate(campaign)))
    if not form.is_valid():
        return _render_review(request, campaign, appeal_form=form)
    _warn_if_claimed_by_other(request, campaign)
    overriding = request.POST.get("override") == "1"
    try:
        services.appeal(
            campaign,
            request.user,
            form.cleaned_data["appeal_reason"],
            override_reason=form.cleaned_data.get("override_reason", "") if overriding else "",
        )
    except services.ReviewError as exc:
        form.add_error(None, str(exc))
        return _render_review(request, campaign, appeal_form=form)
    messages.success(request, "Telnyx accepted the appeal; the decision will appear below.")
    return _back_to(request, campaign)


@reviewer_required
@require_POST
def decline_appeal_request(request: SignedInRequest, public_id: UUID) -> HttpResponse:
    """Answer the customer's appeal request without appealing: what to change, in a message."""
    campaign = _campaign(public_id)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        return _render_review(request, campaign, decline_form=form)
    _warn_if_claimed_by_other(request, campaign)
    try:
        services.decline_request(campaign, request.user, form.cleaned_data["body"])
    except services.ReviewError as exc:
        form.add_error(None, str(exc))
        return _render_review(request, campaign, decline_form=form)
    messages.success(request, f"The request was answered; {campaign.organisation} was told.")
    return _back_to(request, campaign)


# Audit -------------------------------------------------------------------------------------


def _render_audit(request, entries, *, campaign: Campaign | None = None):
    form = AuditFilterForm(request.GET)
    entries = form.apply(entries.select_related("actor", "organisation", "campaign__brand"))
    return render(
        request,
        "compliance/review/audit.html",
        {
            "form": form,
            "campaign": campaign,
            "page": _page(request, entries, AUDIT_PAGE_SIZE),
            "query": _query_without_page(request),
        },
    )


@reviewer_required
@require_GET
def campaign_audit(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    campaign = _campaign(public_id)
    return _render_audit(request, AuditEntry.objects.filter(campaign=campaign), campaign=campaign)


@reviewer_required
@require_GET
def audit_log(request: HtmxHttpRequest) -> HttpResponse:
    return _render_audit(request, AuditEntry.objects.all())


# The fee ledger across organisations ---------------------------------------------------------


def _ledger_entries(request) -> tuple[QuerySet[FeeEntry], Organisation | None]:
    """Every organisation's entries, or one organisation's (?organisation=<public id>)."""
    entries = ledger.entries_of()
    if "organisation" not in request.GET:
        return entries, None
    try:
        organisation = Organisation.objects.get(public_id=request.GET["organisation"])
    except (Organisation.DoesNotExist, ValidationError, ValueError) as exc:
        raise Http404("No such organisation.") from exc
    return entries.filter(organisation=organisation), organisation


@reviewer_required
@require_GET
def fee_ledger(request: HtmxHttpRequest) -> HttpResponse:
    entries, organisation = _ledger_entries(request)
    rows = ledger.rows(entries)
    context = {
        "rows": rows,
        "total": ledger.total_of(rows),
        "organisation": organisation,
        "query": request.GET.urlencode(),
    }
    return render(request, "compliance/review/ledger.html", context)


@reviewer_required
@require_GET
def fee_ledger_export(request: HtmxHttpRequest) -> HttpResponse:
    entries, _ = _ledger_entries(request)
    table = ledger.csv_table(ledger.rows(entries), with_organisation=True)
    return csv_download(table, "fees-all-organisations.csv")


# Campaigns shared with or by partner CSPs (the deployment's Telnyx account) ---------------------


@reviewer_required
@require_http_methods(["GET", "POST"])
def partner_campaigns(request: HtmxHttpRequest) -> HttpResponse:
    """Both directions with their sharing status; POST accepts a share by TCR id."""
    form = AcceptSharingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        tcr_id = form.cleaned_data["tcr_campaign_id"]
        try:
            partners.accept_sharing(tcr_id)
        except partners.PartnerError as exc:
            form.add_error(None, exc.message)
            for messages_of_field in exc.field_errors.values():
                for message in messages_of_field:
                    form.add_error("tcr_campaign_id", message)
        else:
            messages.success(request, f"Sharing of {tcr_id} accepted.")
            return post_redirect(request, reverse("review_partner_campaigns"))
    shared, problem = None, ""
    try:
        shared = partners.shared_campaigns()
    except partners.PartnerError as exc:
        problem = exc.message
    context = {"form": form, "shared": shared, "problem": problem}
    return render(request, "compliance/review/partners.html", context)


@reviewer_required
@require_http_methods(["GET", "POST"])
def partner_campaign(request: HtmxHttpRequest, tcr_campaign_id: str) -> HttpResponse:
    """One accepted partner campaign: its content, sharing status and webhooks (editable)."""
    form = PartnerWebhooksForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            partners.set_partner_webhooks(
                tcr_campaign_id,
                form.cleaned_data["webhook_url"],
                form.cleaned_data["webhook_failover_url"],
            )
        except partners.PartnerError as exc:
            form.add_error(None, exc.message)
            for name, field_messages in exc.field_errors.items():
                for message in field_messages:
                    form.add_error(name or None, message)
        else:
            messages.success(request, "Webhooks saved at Telnyx.")
            url = reverse("review_partner_campaign", args=[tcr_campaign_id])
            return post_redirect(request, url)
    campaign, sharing, problem = None, None, ""
    try:
        campaign, sharing = partners.partner_campaign(tcr_campaign_id)
    except partners.PartnerCampaignUnknown as exc:
        raise Http404(exc.message) from exc
    except partners.PartnerError as exc:
        problem = exc.message
    if request.method == "GET" and campaign is not None:
        form = PartnerWebhooksForm(
            initial={
                "webhook_url": campaign.webhook_url or "",
                "webhook_failover_url": campaign.webhook_failover_url or "",
            }
        )
    context = {
        "tcr_campaign_id": tcr_campaign_id,
        "campaign": campaign,
        "sharing": sharing,
        "form": form,
        "problem": problem,
    }
    return render(request, "compliance/review/partner.html", context)


# Registrations made outside the app, imported from the deployment's Telnyx account -----------


@reviewer_required
@require_http_methods(["GET", "POST"])
def account_imports(request: SignedInRequest) -> HttpResponse:
    """Start an import into an organisation; the recent imports with their progress."""
    form = AccountImportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            job = adoption.start_import(form.cleaned_data["organisation"], request.user)
        except adoption.ImportRefused as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "The import has started; this page follows it.")
            return post_redirect(request, reverse("review_account_import", args=[job.public_id]))
    imports = AccountImport.objects.select_related("organisation", "created_by")[:20]
    return render(request, "compliance/review/imports.html", {"form": form, "imports": imports})


@reviewer_required
@require_GET
def account_import(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    """One import: counts as they grow (refreshed while it runs), what was not imported."""
    job = get_object_or_404(
        AccountImport.objects.select_related("organisation"), public_id=public_id
    )
    template = "compliance/review/import.html"
    if request.htmx and request.GET.get("poll"):
        template += "#progress"
    return render(request, template, {"job": job})


@reviewer_required
@require_GET
def campaign_registry_details(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    """The campaign's sharing chain and OSR attributes, read from Telnyx only when a reviewer
    opens them (never on the review page's own view)."""
    campaign = _campaign(public_id)
    details, problem = None, ""
    if not campaign.campaign_id:
        problem = "This campaign has not been submitted to Telnyx."
    else:
        try:
            details = partners.registry_details(
                campaign.campaign_id, organisation_id=campaign.organisation_id
            )
        except partners.PartnerError as exc:
            problem = exc.message
    return render(
        request,
        "compliance/review/registry_details.html",
        {"campaign": campaign, "details": details, "problem": problem},
    )
