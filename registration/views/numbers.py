"""Numbers screens: messaging profiles, the numbers list (filter, search, sort, paging, CSV),
one number's assignment (assign, move, unassign), bulk and by-profile assignment with
progress, and test SMS. Every lookup goes through compliance.tenancy: another
organisation's id is a 404. Telnyx's refusals come back as plain words, never a 500."""

import csv
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRefresh

from compliance import presentation
from compliance.http import HtmxHttpRequest, post_redirect
from compliance.models import (
    BulkAssignment,
    BulkAssignmentItem,
    MessagingProfile,
    PhoneNumber,
    ProfileAssignmentTask,
    TestMessage,
)
from compliance.roles import Capability, role_required
from compliance.services import messages as test_sms
from compliance.services import number_status
from compliance.services import numbers as service
from compliance.services.numbers import NumberError
from compliance.tenancy import current_organisation, get_owned_or_404, scoped
from registration import live_status
from registration.number_forms import (
    BulkAssignForm,
    CampaignChoiceForm,
    MessagingProfileForm,
    NumberFilterForm,
    NumberImportForm,
    TestMessageForm,
)

PAGE_SIZE = 50


def _with_details():
    """Numbers with what their pages show; get_owned_or_404 scopes them (and names another of
    the user's organisations holding the number)."""
    return PhoneNumber.objects.select_related("profile", "campaign__brand")


def _numbers(request):
    return scoped(request, _with_details())


# -- numbers list ------------------------------------------------------------------------------
@login_required
@require_GET
@role_required(Capability.VIEW)
def number_list(request: HtmxHttpRequest) -> HttpResponse:
    organisation = current_organisation(request)
    filters = NumberFilterForm(request.GET or None, organisation=organisation)
    matching = filters.filter(_numbers(request))
    page = Paginator(matching, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    bulk_form = BulkAssignForm(  # live campaigns that can take more numbers
        campaigns=service.move_choices(organisation), numbers=PhoneNumber.objects.none()
    )
    return render(
        request,
        "registration/numbers/list.html",
        {
            "filters": filters,
            "page": page,
            "query": query.urlencode(),
            "bulk_form": bulk_form,
            "never_synced": not organisation_has_numbers(request),
            "poller": live_status.for_page(page),
            "jobs": scoped(request, BulkAssignment).select_related("campaign__brand")[:3],
        },
    )


def organisation_has_numbers(request) -> bool:
    return scoped(request, PhoneNumber).exists()


@login_required
@require_GET
@role_required(Capability.VIEW)
def number_export(request: HtmxHttpRequest) -> StreamingHttpResponse:
    """CSV of the numbers screen with its current filter (streamed)."""
    filters = NumberFilterForm(request.GET or None, organisation=current_organisation(request))
    rows = filters.filter(_numbers(request)).iterator(chunk_size=1000)

    class Echo:
        def write(self, value):
            return value

    writer = csv.writer(Echo())
    header = [
        "phone_number",
        "profile",
        "type",
        "campaign",
        "campaign_id",
        "campaign_status",
        "assignment",
        "failure",
    ]

    def lines():
        yield writer.writerow(header)
        for n in rows:
            cells = [
                n.phone_number,
                n.profile.name if n.profile else "",
                n.number_type,
                str(n.campaign) if n.campaign else "",
                n.telnyx_campaign_id,
                presentation.campaign_status(n.campaign).label if n.campaign else "",
                presentation.assignment_status(n.assignment_status).label,
                n.failure_reasons,
            ]
            yield writer.writerow([presentation.spreadsheet_cell(cell) for cell in cells])

    response = StreamingHttpResponse(lines(), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="numbers.csv"'
    return response


@login_required
@require_POST
@role_required(Capability.EDIT)
def number_sync(request: HtmxHttpRequest) -> HttpResponse:
    service.request_sync(current_organisation(request))
    messages.info(request, "Reading your profiles and numbers from Telnyx; refresh in a moment.")
    return post_redirect(request, reverse("number_list"))


# -- one number --------------------------------------------------------------------------------
def _campaign_choices(request, number):
    """A number on a campaign moves to one of the others (service.move_choices); a number on
    none is assigned to any live campaign."""
    organisation = current_organisation(request)
    if number.is_assigned:
        return service.move_choices(organisation, number)
    return service.assignable_campaigns(organisation)


def _number_page(request, number, *, form=None, error=None, offer_move=False, status=200):
    campaigns = _campaign_choices(request, number)
    if offer_move:
        campaigns = service.move_choices(current_organisation(request), number)
    return render(
        request,
        "registration/numbers/detail.html",
        {
            "number": number,
            "form": form or CampaignChoiceForm(campaigns=campaigns),
            "error": error,
            "offer_move": offer_move,
            "poller": live_status.for_scope(
                "number", number.public_id, [number_status.StatusCount(number.assignment_status, 1)]
            ),
        },
        status=status,
    )


@login_required
@require_GET
@role_required(Capability.VIEW)
def number_detail(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    return _number_page(request, get_owned_or_404(request, _with_details(), public_id=public_id))


@login_required
@require_POST
@role_required(Capability.EDIT)
def number_action(request: HtmxHttpRequest, public_id: UUID, action: str) -> HttpResponse:
    """assign (POST), move (PUT) or unassign (DELETE, after the confirmation page)."""
    if action not in ("assign", "move", "unassign"):
        raise Http404("No such action.")
    number = get_owned_or_404(request, _with_details(), public_id=public_id)
    organisation = current_organisation(request)
    campaigns = (
        service.move_choices(organisation, number)
        if action == "move"
        else service.assignable_campaigns(organisation)
    )
    # Unassigning posts no campaign: its form stays unbound, so a refusal is not shown as
    # "This field is required." next to a field the user never had to fill.
    data = None if action == "unassign" else request.POST
    form = CampaignChoiceForm(data, campaigns=campaigns)
    try:
        if action == "unassign":
            service.unassign_number(number)
            messages.success(request, f"{number} is being removed from its campaign.")
        elif not form.is_valid():
            return _number_page(request, number, form=form)
        elif action == "move":  # one confirmed job: its page confirms, then shows progress
            job = service.draft_bulk_job(
                organisation,
                request.user,
                BulkAssignment.Kind.MOVE,
                _numbers(request).filter(pk=number.pk),
                form.cleaned_data["campaign"],
            )
            return post_redirect(request, reverse("bulk_detail", args=[job.public_id]))
        else:
            service.assign_number(number, form.cleaned_data["campaign"])
            messages.success(request, f"{number} is being assigned.")
    except NumberError as exc:
        return _number_page(
            request, number, form=form, error=exc.message, offer_move=exc.offer_move
        )
    return post_redirect(request, reverse("number_detail", args=[number.public_id]))


@login_required
@require_GET
@role_required(Capability.VIEW)
def number_unassign_confirm(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    number = get_owned_or_404(request, _with_details(), public_id=public_id)
    return render(request, "registration/numbers/unassign.html", {"number": number})


# -- bulk --------------------------------------------------------------------------------------
@login_required
@require_POST
@role_required(Capability.EDIT)
def bulk_start(request: HtmxHttpRequest) -> HttpResponse:
    """The bulk action bar: a draft job for the chosen numbers, confirmed on its own page."""
    organisation = current_organisation(request)
    filters = NumberFilterForm(request.GET or None, organisation=organisation)
    matching = filters.filter(_numbers(request))
    form = BulkAssignForm(
        request.POST, campaigns=service.move_choices(organisation), numbers=matching
    )
    if form.is_valid():
        chosen = matching if form.cleaned_data["all_matching"] else form.cleaned_data["numbers"]
        selected = scoped(request, PhoneNumber).filter(pk__in=[n.pk for n in chosen])
        try:
            job = service.draft_bulk_job(
                organisation,
                request.user,
                form.cleaned_data["action"],
                selected,
                form.cleaned_data["campaign"]
                if form.cleaned_data["action"] != "unassign"
                else None,
            )
        except NumberError as exc:
            messages.error(request, exc.message)
        else:
            return post_redirect(request, reverse("bulk_detail", args=[job.public_id]))
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return post_redirect(
        request, reverse("number_list") + ("?" + request.GET.urlencode() if request.GET else "")
    )


def _job(request, public_id: UUID) -> BulkAssignment:
    return get_owned_or_404(
        request, BulkAssignment.objects.select_related("campaign__brand"), public_id=public_id
    )


@login_required
@require_GET
@role_required(Capability.VIEW)
def bulk_detail(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    """A draft: what will change, with its counts, to confirm or cancel. Else its progress."""
    job = _job(request, public_id)
    if request.htmx and job.is_finished and request.GET.get("running"):
        return HttpResponseClientRefresh()  # the page now follows the numbers' statuses
    items = job.items.select_related("number", "campaign__brand")
    names = service.campaign_names(job.organisation) if job.is_draft else {}
    preview = [
        (item, names.get(item.from_campaign_id, "A campaign of another account"))
        for item in (items[:50] if job.is_draft else [])
    ]
    context = {
        "job": job,
        "progress": job.progress(),
        "failures": items.filter(state=BulkAssignmentItem.State.FAILED)[:200],
        "preview": preview,
    }
    if job.is_finished and not request.htmx:
        counts = number_status.counts_by_status(
            scoped(request, PhoneNumber).filter(pk__in=job.items.values("number_id"))
        )
        context |= {"counts": counts, "poller": live_status.for_scope("job", public_id, counts)}
    template = "registration/numbers/bulk.html"
    if request.htmx:
        template += "#progress"
    return render(request, template, context)


@login_required
@require_POST
@role_required(Capability.EDIT)
def bulk_confirm(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    job = _job(request, public_id)
    if service.confirm_bulk_job(job):
        messages.info(request, f"{job.title}: started.")
    return post_redirect(request, reverse("bulk_detail", args=[job.public_id]))


@login_required
@require_POST
@role_required(Capability.EDIT)
def bulk_cancel(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    job = _job(request, public_id)
    if not service.cancel_bulk_job(job):
        messages.error(request, "This job has started already; it can no longer be cancelled.")
        return post_redirect(request, reverse("bulk_detail", args=[job.public_id]))
    messages.info(request, "Cancelled: nothing was sent.")
    return post_redirect(request, reverse("number_list"))


@login_required
@require_POST
@role_required(Capability.EDIT)
def bulk_retry(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    job = get_owned_or_404(request, BulkAssignment, public_id=public_id)
    count = service.retry_failed_items(job)
    messages.info(request, f"Sending {count} failed numbers again.")
    return post_redirect(request, reverse("bulk_detail", args=[job.public_id]))


@login_required
@require_http_methods(["GET", "POST"])
@role_required(Capability.EDIT)
def number_import(request: HtmxHttpRequest) -> HttpResponse:
    """Upload a CSV of numbers and campaigns: a draft job whose page previews the changes and
    the rows that cannot be sent; a file with no usable row is answered here."""
    form = NumberImportForm(request.POST or None, request.FILES or None)
    rows: list[service.ImportRow] = []
    skipped = 0
    if request.method == "POST" and form.is_valid():
        try:
            job = service.draft_import_job(
                current_organisation(request), request.user, form.cleaned_data["file"]
            )
        except service.ImportRefused as exc:
            form.add_error("file", exc.message)
            rows, skipped = exc.rows, exc.skipped
        except NumberError as exc:
            form.add_error("file", exc.message)
        else:
            return post_redirect(request, reverse("bulk_detail", args=[job.public_id]))
    return render(
        request,
        "registration/numbers/import.html",
        {"form": form, "rows": rows, "skipped": skipped},
    )


# -- messaging profiles ------------------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
@role_required(Capability.EDIT)
def profile_list(request: HtmxHttpRequest) -> HttpResponse:
    form = MessagingProfileForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            profile = service.create_profile(current_organisation(request), **form.cleaned_data)
        except NumberError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"Messaging profile {profile} created.")
            return post_redirect(request, reverse("profile_detail", args=[profile.public_id]))
    profiles = scoped(request, MessagingProfile)
    return render(
        request, "registration/numbers/profiles.html", {"profiles": profiles, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
@role_required(Capability.EDIT)
def profile_detail(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    profile = get_owned_or_404(request, MessagingProfile, public_id=public_id)
    organisation = current_organisation(request)
    form = CampaignChoiceForm(
        request.POST if request.method == "POST" else None,
        campaigns=service.assignable_campaigns(organisation),
    )
    if request.method == "POST" and form.is_valid():
        try:
            task = service.start_profile_assignment(
                organisation, request.user, profile, form.cleaned_data["campaign"]
            )
        except NumberError as exc:
            form.add_error(None, exc.message)
        else:
            return post_redirect(request, reverse("profile_task", args=[task.public_id]))
    numbers = Paginator(
        profile.numbers.select_related("campaign__brand").order_by("phone_number"), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    tasks = (
        scoped(request, ProfileAssignmentTask)
        .filter(profile=profile)
        .select_related("campaign__brand")[:5]
    )
    counts = number_status.counts_by_status(profile.numbers.all())
    return render(
        request,
        "registration/numbers/profile.html",
        {
            "profile": profile,
            "numbers": numbers,
            "form": form,
            "tasks": tasks,
            "counts": counts,
            "poller": live_status.for_scope("profile", profile.public_id, counts),
        },
    )


@login_required
@require_GET
@role_required(Capability.VIEW)
def profile_task(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    task = get_owned_or_404(
        request,
        ProfileAssignmentTask.objects.select_related("profile", "campaign"),
        public_id=public_id,
    )
    template = "registration/numbers/profile_task.html"
    if request.htmx:
        template += "#task-status"
    return render(request, template, {"task": task, "numbers": task.numbers.all()[:500]})


# -- test SMS ----------------------------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
@role_required(Capability.EDIT)
def test_message(request: HtmxHttpRequest) -> HttpResponse:
    organisation = current_organisation(request)
    form = TestMessageForm(
        request.POST if request.method == "POST" else None,
        numbers=test_sms.sending_numbers(organisation),
    )
    if request.method == "POST" and form.is_valid():
        try:
            message = test_sms.send_test_message(
                organisation,
                request.user,
                form.cleaned_data["from_number"],
                form.cleaned_data["to"],
                form.cleaned_data["text"],
            )
        except NumberError as exc:
            form.add_error(None, exc.message)
        else:
            return post_redirect(request, reverse("test_message_detail", args=[message.public_id]))
    return render(
        request,
        "registration/numbers/test_sms.html",
        {"form": form, "missing": test_sms.why_not_sending(organisation)},
    )


@login_required
@require_GET
@role_required(Capability.VIEW)
def test_message_detail(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    message = get_owned_or_404(
        request, TestMessage.objects.select_related("from_number"), public_id=public_id
    )
    template = "registration/numbers/test_sms_detail.html"
    if request.htmx:
        template += "#deliveries"
    return render(request, template, {"message": message, "events": message.events.all()})


# -- live statuses -----------------------------------------------------------------------------
MAX_POLLED = 200


@login_required
@require_GET
@role_required(Capability.VIEW)
def number_statuses(request: HtmxHttpRequest) -> HttpResponse:
    """The live-status poll (registration/live_status.py): a page's numbers' status cells out
    of band, or HX-Refresh when a scope's counts moved; polling stops when nothing it watches
    is pending."""
    if request.GET.get("scope"):
        kind, public_id, numbers = live_status.scope_numbers(request, request.GET["scope"])
        counts = number_status.counts_by_status(numbers)
        if number_status.status_key(counts) != request.GET.get("seen", ""):
            return HttpResponseClientRefresh()
        poller = live_status.for_scope(kind, public_id, counts)
        return render(request, "registration/numbers/_live_status.html", {"poller": poller})
    ids = [i for i in request.GET.get("ids", "").split(",") if i][:MAX_POLLED]
    try:
        shown = list(scoped(request, PhoneNumber).filter(public_id__in=ids))
    except ValidationError as exc:
        raise Http404("No such numbers.") from exc
    return render(
        request,
        "registration/numbers/_live_status.html",
        {"poller": live_status.for_page(shown), "numbers": shown},
    )
