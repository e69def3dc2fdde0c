"""A rejected campaign's case, the customer's side: write to the reviewers, ask for an appeal
(compliance/services/cases.py). Both answer on the campaign's page."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from compliance.forms import AppealRequestForm, CaseMessageForm
from compliance.http import HtmxHttpRequest, post_redirect
from compliance.models import Campaign
from compliance.roles import Capability, role_required
from compliance.services import cases, guardrails
from compliance.tenancy import get_owned_or_404


def _campaign(request, public_id) -> Campaign:
    return get_owned_or_404(request, Campaign.objects.select_related("brand"), public_id=public_id)


def _conversation_url(campaign: Campaign) -> str:
    return reverse("campaign_detail", args=[campaign.public_id]) + "#conversation"


def appeal_request_form(campaign: Campaign, data=None) -> AppealRequestForm:
    """With no reviewer, the request is the appeal itself: its cost is confirmed first."""
    fee = None if cases.reviewers_exist() else guardrails.appeal_fee()
    return AppealRequestForm(data, fee=fee)


@login_required
@require_POST
@role_required(Capability.EDIT)
def campaign_message(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    campaign = _campaign(request, public_id)
    form = CaseMessageForm(request.POST)
    if form.is_valid():
        try:
            cases.customer_writes(campaign, request.user, form.cleaned_data["body"])
        except cases.CaseRefused as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "Message sent to our reviewers; they answer here.")
    else:
        messages.error(request, "Write a message first (at most 4,000 characters).")
    return post_redirect(request, _conversation_url(campaign))


@login_required
@require_http_methods(["GET", "POST"])
@role_required(Capability.SUBMIT_BILLABLE)
def campaign_appeal_request(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    campaign = _campaign(request, public_id)
    form = appeal_request_form(campaign, request.POST if request.method == "POST" else None)
    problem = cases.appeal_request_problem(campaign)
    if request.method == "POST" and not problem and form.is_valid():
        try:
            asked = cases.request_appeal(campaign, request.user, form.cleaned_data["explanation"])
        except cases.CaseRefused as exc:
            for field, errs in exc.field_errors.items():
                for err in errs:
                    form.add_error(field or None, err)
            if not exc.field_errors:
                form.add_error(None, exc.message)
        else:
            if asked.state == asked.State.SENT:
                messages.success(request, "Appeal sent to Telnyx; the decision will appear here.")
            else:
                messages.success(request, "Our reviewers have your request; they answer here.")
            return post_redirect(request, _conversation_url(campaign))
    return render(
        request,
        "registration/campaigns/appeal_request.html",
        {
            "campaign": campaign,
            "form": form,
            "problem": problem,
            "direct": not cases.reviewers_exist(),
            "fee": guardrails.appeal_fee(),
        },
    )
