"""Website and privacy-policy checks: start them, and read the latest result per page.

    request_site_check(brand=brand)          # the brand's website
    request_site_check(campaign=campaign)    # its brand's website and the campaign's privacy policy
    request_site_check(brand=brand, again=True)  # check again even if the address is unchanged

Each check is a SiteCheck row created RUNNING and handed to the `run_site_check` task; the
brand and campaign pages show `latest_site_checks(...)` and poll while one is running. A page
whose latest check is of the same address keeps that check (a wizard save that leaves the
website alone starts nothing); the "check again" button and a submission pass `again=True`.
"""

from django.utils import timezone

from compliance import deferred
from compliance.models import Brand, Campaign, SiteCheck
from compliance.models.sitecheck import STALLED_AFTER


def request_site_check(
    brand: Brand | None = None, campaign: Campaign | None = None, *, again: bool = False
):
    """Start a check of each page the brand (and campaign) names; returns the SiteChecks.

    A check of the same page that is still running is always reused, not duplicated; without
    `again`, so is the latest check of an unchanged address, whatever its result."""
    if campaign is not None:
        brand = campaign.brand
    if brand is None:
        raise ValueError("request_site_check needs a brand or a campaign")
    pages: list[tuple[Campaign | None, str, str]] = []
    if brand.website:
        pages.append((None, SiteCheck.Kind.WEBSITE, brand.website))
    if campaign is not None and campaign.privacy_policy_link:
        pages.append((campaign, SiteCheck.Kind.PRIVACY, campaign.privacy_policy_link))
    return [_start(brand, owner, kind, url, again) for owner, kind, url in pages]


def _start(brand: Brand, campaign: Campaign | None, kind: str, url: str, again: bool) -> SiteCheck:
    latest = (
        SiteCheck.objects.filter(brand=brand, campaign=campaign, kind=kind)
        .order_by("-created_at", "-id")
        .first()
    )
    if latest is not None and latest.url == url:
        running = latest.status == SiteCheck.Status.RUNNING
        if running and latest.created_at >= timezone.now() - STALLED_AFTER:
            return latest
        if not again and not running:
            return latest
    check = SiteCheck.objects.create(
        organisation=brand.organisation, brand=brand, campaign=campaign, kind=kind, url=url
    )
    deferred.schedule("run_site_check", check.pk)
    check.refresh_from_db()
    return check


def latest_site_checks(brand: Brand | None = None, campaign: Campaign | None = None):
    """The newest check of the brand website, and of the campaign's privacy policy."""
    if campaign is not None:
        brand = campaign.brand
    website = (
        SiteCheck.objects.filter(brand=brand, campaign=None, kind=SiteCheck.Kind.WEBSITE)
        .order_by("-created_at", "-id")
        .first()
    )
    checks = [website] if website else []
    if campaign is not None:
        privacy = (
            SiteCheck.objects.filter(campaign=campaign, kind=SiteCheck.Kind.PRIVACY)
            .order_by("-created_at", "-id")
            .first()
        )
        checks += [privacy] if privacy else []
    return checks


def blocking_site_findings(brand: Brand | None = None, campaign: Campaign | None = None):
    """The ERROR findings of the latest checks (for the submit guard); unreachable pages and
    warnings never block."""
    return [f for check in latest_site_checks(brand, campaign) for f in check.errors]
