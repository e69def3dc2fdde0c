"""Run a website or privacy-policy check (compliance.sitecheck) in the background."""

from django.tasks import task
from django.utils import timezone

from compliance import sitecheck
from compliance.checks import BrandContext
from compliance.deferred import deferrable
from compliance.models import SiteCheck


@deferrable
@task(queue_name="slow")
def run_site_check(check_id: int) -> str:
    """Fetch and judge the page of one SiteCheck; store the findings. Returns the status."""
    check = SiteCheck.objects.select_related("brand").get(pk=check_id)
    if not check.is_running:
        return check.status  # already done by another worker
    brand = check.brand
    report = sitecheck.check(
        check.kind,
        check.url,
        BrandContext(
            display_name=brand.display_name,
            company_name=brand.company_name,
            website=brand.website,
        ),
    )
    status = SiteCheck.Status.DONE if report.reachable else SiteCheck.Status.UNREACHABLE
    SiteCheck.objects.filter(pk=check_id, status=SiteCheck.Status.RUNNING).update(
        status=status,
        final_url=report.final_url[:2048],
        findings=[_as_json(f) for f in report.findings],
        checked_at=timezone.now(),
    )
    return status


def _as_json(finding) -> dict:
    return {
        "rule": finding.rule,
        "field": finding.field,
        "severity": str(finding.severity),
        "message": finding.message,
        "fix": finding.fix,
    }
