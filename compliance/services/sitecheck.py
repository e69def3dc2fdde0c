"""Website and privacy-policy checks: start them, and read the latest result per page.

    request_site_check(brand=brand)          # the brand's website
    request_site_check(campaign=campaign)    # its brand's website and the campaign's privacy policy
    request_site_check(brand=brand, again=True)  # check again even if the address is unchanged

Each check is a SiteCheck row created RUNNING and handed to the `run_site_check` task; the
brand and campaign pages show `latest_site_checks(...)` and poll while one is running. A page
whose latest check is of the same address keeps that check (a wizard save that leaves the
website alone starts nothing); the "check again" button and a submission pass `again=True`.

Each check fetches a page the customer named, from this server: an organisation runs at most
settings.SITECHECK_PER_ORGANISATION_PER_HOUR of them in any hour. Over it, the check is
recorded LIMITED with a plain-words warning and not run; the submit guard keeps judging the
latest check that did run, so hitting the limit never hides an error.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from compliance import deferred, sitecheck
from compliance.models import Brand, Campaign, Organisation, SiteCheck
from compliance.models.sitecheck import STALLED_AFTER

HOUR = timedelta(hours=1)


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
        if not again and not running and latest.status != SiteCheck.Status.LIMITED:
            return latest
    retry_at = _over_hourly_limit(brand.organisation)
    if retry_at is not None:
        return SiteCheck.objects.create(
            organisation=brand.organisation,
            brand=brand,
            campaign=campaign,
            kind=kind,
            url=url,
            status=SiteCheck.Status.LIMITED,
            checked_at=timezone.now(),
            findings=[_limited_finding(kind, retry_at)],
        )
    check = SiteCheck.objects.create(
        organisation=brand.organisation, brand=brand, campaign=campaign, kind=kind, url=url
    )
    deferred.schedule("run_site_check", check.pk)
    check.refresh_from_db()
    return check


def _over_hourly_limit(organisation: Organisation):
    """None while the organisation may start a check; else when it may start the next one."""
    since = timezone.now() - HOUR
    ran = (
        SiteCheck.objects.filter(organisation=organisation, created_at__gte=since)
        .exclude(status=SiteCheck.Status.LIMITED)
        .order_by("created_at")
        .values_list("created_at", flat=True)
    )
    limit = settings.SITECHECK_PER_ORGANISATION_PER_HOUR
    recent = list(ran)
    if len(recent) < limit:
        return None
    return recent[len(recent) - limit] + HOUR


def _limited_finding(kind: str, retry_at) -> dict:
    limit = settings.SITECHECK_PER_ORGANISATION_PER_HOUR
    minutes = max(1, round((retry_at - timezone.now()).total_seconds() / 60))
    what = "website" if kind == SiteCheck.Kind.WEBSITE else "privacy policy"
    return {
        "rule": "W1" if kind == SiteCheck.Kind.WEBSITE else "W4",
        "field": sitecheck.FIELDS[kind],
        "severity": "warning",
        "message": f"The {what} was not checked: your organisation has already run {limit} "
        "website checks in the last hour, the most we run for one organisation.",
        "fix": f"Check again in about {minutes} minute{'s' if minutes != 1 else ''}. "
        "This does not block submission.",
    }


def latest_site_checks(
    brand: Brand | None = None, campaign: Campaign | None = None, *, ran_only: bool = False
):
    """The newest check of the brand website, and of the campaign's privacy policy
    (`ran_only`: leaving out checks not run because of the hourly limit)."""
    if campaign is not None:
        brand = campaign.brand
    checks = SiteCheck.objects.order_by("-created_at", "-id")
    if ran_only:
        checks = checks.exclude(status=SiteCheck.Status.LIMITED)
    website = checks.filter(brand=brand, campaign=None, kind=SiteCheck.Kind.WEBSITE).first()
    found = [website] if website else []
    if campaign is not None:
        privacy = checks.filter(campaign=campaign, kind=SiteCheck.Kind.PRIVACY).first()
        found += [privacy] if privacy else []
    return found


def blocking_site_findings(brand: Brand | None = None, campaign: Campaign | None = None):
    """The ERROR findings of the latest checks that ran (for the submit guard); unreachable
    pages and warnings never block, and a check over the hourly limit hides nothing."""
    return [f for check in latest_site_checks(brand, campaign, ran_only=True) for f in check.errors]
