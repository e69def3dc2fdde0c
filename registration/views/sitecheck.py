"""The website and privacy-policy check panel: shown on brand and campaign pages (through the
`{% site_check_panel %}` tag), polled by htmx while a check runs, and a "Check now" button.

Without JavaScript the panel is a page of its own and "Check now" is a POST and redirect.
"""

from dataclasses import dataclass
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from compliance.http import HtmxHttpRequest
from compliance.models import Brand, Campaign, SiteCheck
from compliance.roles import Capability, role_required
from compliance.services.sitecheck import latest_site_checks, request_site_check
from compliance.tenancy import get_owned_or_404

PANEL_TEMPLATE = "compliance/sitecheck/_results.html"


@dataclass(frozen=True)
class SiteCheckPanel:
    subject: str  # "brand" or "campaign"
    public_id: str
    checks: list[SiteCheck]
    has_pages: bool  # the brand has a website / the campaign a privacy policy link

    @property
    def dom_id(self) -> str:
        return f"site-checks-{self.public_id}"

    @property
    def poll_url(self) -> str:
        return reverse(f"site_check_{self.subject}", args=[self.public_id])

    @property
    def run_url(self) -> str:
        return reverse(f"site_check_{self.subject}_run", args=[self.public_id])

    @property
    def polling(self) -> bool:
        return any(c.is_running and not c.is_stalled for c in self.checks)


def panel_for(subject: Brand | Campaign) -> SiteCheckPanel:
    if isinstance(subject, Campaign):
        checks = latest_site_checks(campaign=subject)
        has_pages = bool(subject.brand.website or subject.privacy_policy_link)
        return SiteCheckPanel("campaign", str(subject.public_id), checks, has_pages)
    checks = latest_site_checks(brand=subject)
    return SiteCheckPanel("brand", str(subject.public_id), checks, bool(subject.website))


def _subject(request, subject: str, public_id) -> Brand | Campaign:
    if subject == "campaign":
        return get_owned_or_404(request, Campaign, public_id=public_id)
    return get_owned_or_404(request, Brand, public_id=public_id)


@login_required
@require_GET
@role_required(Capability.VIEW)
def results(request: HtmxHttpRequest, subject: str, public_id: UUID) -> HttpResponse:
    panel = panel_for(_subject(request, subject, public_id))
    template = PANEL_TEMPLATE if request.htmx else "compliance/sitecheck/page.html"
    return render(request, template, {"panel": panel})


@login_required
@require_POST
@role_required(Capability.EDIT)
def run(request: HtmxHttpRequest, subject: str, public_id: UUID) -> HttpResponse:
    obj = _subject(request, subject, public_id)
    if isinstance(obj, Campaign):
        request_site_check(campaign=obj, again=True)
    else:
        request_site_check(brand=obj, again=True)
    if request.htmx:
        return render(request, PANEL_TEMPLATE, {"panel": panel_for(obj)})
    next_url = request.POST.get("next", "")
    # Only a path of this site: anything else (a bare word would be taken for a URL name by
    # redirect() and answer 500) goes back to the check's page.
    if not next_url.startswith("/") or not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse(f"site_check_{subject}", args=[obj.public_id])
    return redirect(next_url)
