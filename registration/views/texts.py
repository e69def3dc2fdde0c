"""Proposed compliance texts for a campaign (compliance.texts), for the campaign builder.

GET /texts/<campaign>/ answers with the proposals: as a fragment with "Insert" buttons for an
htmx request from the builder (static/js/texts.js fills the builder's field of the same name),
or as a page listing the texts to copy without JavaScript. The builder can pass its unsaved
answers as query parameters (usecase, sub_usecases, frequency, privacy_policy_link,
terms_and_conditions_link). POST …/hosted/ switches on the brand's hosted opt-in and SMS terms
pages, whose URLs the proposals then use.
"""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from compliance import texts
from compliance.http import HtmxHttpRequest
from compliance.models import Campaign
from compliance.roles import Capability, role_required
from compliance.services.hosted import (
    answers_for,
    ensure_hosted_pages,
    hosted_page_urls,
    sign_up_counts,
)
from compliance.tenancy import get_owned_or_404

TEMPLATE = "registration/texts.html"
OVERRIDES = {  # query parameter → compliance.texts.Answers field
    "usecase": "usecase",
    "frequency": "frequency",
    "privacy_policy_link": "privacy_url",
    "terms_and_conditions_link": "terms_url",
}


def _campaign(request, public_id) -> Campaign:
    return get_owned_or_404(request, Campaign.objects.select_related("brand"), public_id=public_id)


def _render(request, campaign: Campaign):
    overrides = {
        field: request.GET.get(param, "").strip()[:255] for param, field in OVERRIDES.items()
    }
    subs = tuple(s.strip().upper()[:40] for s in request.GET.getlist("sub_usecases") if s.strip())
    answers = answers_for(campaign.brand, campaign, sub_usecases=subs, **overrides)
    context = {
        "campaign": campaign,
        "answers": answers,
        "proposals": texts.propose(answers) if answers.usecase else None,
        "hosted": hosted_page_urls(campaign.brand),
        "sign_ups": sign_up_counts(campaign.brand),
    }
    template = f"{TEMPLATE}#proposals" if request.htmx else TEMPLATE
    return render(request, template, context)


@login_required
@require_GET
@role_required(Capability.VIEW)
def proposals(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    return _render(request, _campaign(request, public_id))


@login_required
@require_POST
@role_required(Capability.EDIT)
def hosted_pages(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    campaign = _campaign(request, public_id)
    ensure_hosted_pages(campaign.brand)
    if request.htmx:
        return _render(request, campaign)
    return redirect("campaign_texts", public_id=campaign.public_id)
