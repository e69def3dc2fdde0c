"""Reconciliation: read every unsettled brand and campaign back from Telnyx and apply the
differences through the same code as webhooks' read-backs (`apply_campaign_record`,
`apply_brand_record`), so a missed webhook heals itself.

Unsettled campaigns: submitted (they have a campaignId) and not TERMINAL, which includes the
live and suspended ones (they can still be suspended, expire, or be restored). Unsettled
brands: registered, and either still pending or not yet verified (OTP, vetting or an appeal can
still change them). Local rows are walked in pages of PAGE_SIZE by primary key; calls are paced
at least settings.RECONCILE_MIN_INTERVAL seconds apart, with up to RECONCILE_CONCURRENCY of
them in flight (the database work stays on the caller's thread), and the client itself retries
a 429 (honouring Retry-After). One failing record is reported and skipped, not fatal. Stored webhook
events that no task applied yet (a process stopped between storing and scheduling) are
applied first, and bulk number jobs whose worker died (their lease ran out) are enqueued
again. Monthly campaign fees that fell due are recorded in the fee ledger (once per
campaign and month, however often this runs).
"""

import logging
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Model, Q, QuerySet

from compliance import lifecycle
from compliance.models import Brand, Campaign
from compliance.pacing import Pacer
from compliance.services import adoption, brands, ledger, number_status, numbers, submission
from compliance.services.telnyx_accounts import (
    AccountRefused,
    ClientsByOrganisation,
    client_for,
)
from compliance.services.webhooks import (
    apply_brand_record,
    apply_campaign_record,
    apply_pending_events,
)
from compliance.telnyx.client import TelnyxClient
from compliance.telnyx.errors import TelnyxError

logger = logging.getLogger(__name__)

PAGE_SIZE = 100


@dataclass
class ReconcileReport:
    campaigns_checked: int = 0
    brands_checked: int = 0
    events_applied: int = 0
    stale_submissions: int = 0  # pending submissions with no retry coming, retried now
    monthly_fees: int = 0  # monthly campaign fees that fell due, recorded in the ledger now
    stalled_jobs: int = 0  # bulk assignment jobs whose worker died, enqueued again
    vettings_checked: int = 0  # brands with a vetting still being scored, read back
    numbers_followed: int = 0  # organisations with pending number assignments, polled soon
    changes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "campaigns_checked": self.campaigns_checked,
            "brands_checked": self.brands_checked,
            "events_applied": self.events_applied,
            "stale_submissions": self.stale_submissions,
            "monthly_fees": self.monthly_fees,
            "stalled_jobs": self.stalled_jobs,
            "vettings_checked": self.vettings_checked,
            "numbers_followed": self.numbers_followed,
            "changes": self.changes,
            "errors": self.errors,
        }


def unsettled_campaigns() -> QuerySet[Campaign]:
    return Campaign.objects.filter(campaign_id__isnull=False).exclude(
        campaign_status__in=[str(status) for status in lifecycle.TERMINAL]
    )


def unsettled_brands() -> QuerySet[Brand]:
    pending = Q(status="") | Q(status=lifecycle.BrandStatus.REGISTRATION_PENDING)
    unverified = Q(identity_status="") | Q(identity_status=lifecycle.BrandIdentityStatus.UNVERIFIED)
    return (
        Brand.objects.filter(brand_id__isnull=False)
        .exclude(status=lifecycle.BrandStatus.REGISTRATION_FAILED)
        .filter(pending | unverified)
    )


def reconcile_all(
    *, client: TelnyxClient | None = None, sleep: Callable[[float], None] = time.sleep
) -> ReconcileReport:
    """Read back every unsettled brand, then every unsettled campaign."""
    if client is None:
        with client_for(None) as own_client:  # the platform's; own accounts: below
            return reconcile_all(client=own_client, sleep=sleep)
    report = ReconcileReport(events_applied=apply_pending_events())
    report.stale_submissions = len(submission.heal_stale(Brand, "retry_brand_submission")) + len(
        submission.heal_stale(Campaign, "retry_campaign_submission")
    )
    report.stalled_jobs = numbers.requeue_stalled_jobs() + adoption.requeue_stalled_imports()
    report.numbers_followed = number_status.follow_all_pending()
    # Before the read-backs: a campaign read back may already carry its next renewal date.
    report.monthly_fees = ledger.record_monthly_fees()
    pace = Pacer(settings.RECONCILE_MIN_INTERVAL, sleep=sleep)
    clients = ClientsByOrganisation(client)  # each row read with its organisation's account
    try:
        _read_back_unsettled(clients, pace, report)
    finally:
        clients.close()
    _read_back_vettings(report)
    for line in report.errors:
        logger.warning("reconcile: %s", line)
    logger.info(
        "reconcile: %d brands, %d campaigns checked, %d changed, %d errors",
        report.brands_checked,
        report.campaigns_checked,
        len(report.changes),
        len(report.errors),
    )
    return report


def _read_back_unsettled(
    clients: ClientsByOrganisation, pace: Pacer, report: ReconcileReport
) -> None:
    with ThreadPoolExecutor(max_workers=settings.RECONCILE_CONCURRENCY) as pool:
        reads = _ReadBacks(pool, pace, settings.RECONCILE_CONCURRENCY)
        for brand, answer in reads.each(
            _pages(unsettled_brands()),
            lambda b: clients.for_organisation(b.organisation_id).get_brand(b.brand_id),
        ):
            report.brands_checked += 1
            before = (brand.status, brand.identity_status)
            try:
                if apply_brand_record(brand, answer.result()):
                    after = (brand.status, brand.identity_status)
                    report.changes.append(
                        f"brand {brand.brand_id}: {_pair(before)} → {_pair(after)}"
                    )
            except (TelnyxError, AccountRefused) as exc:
                report.errors.append(f"brand {brand.brand_id}: {exc}")
        campaigns = reads.each(
            _pages(unsettled_campaigns()),
            lambda c: clients.for_organisation(c.organisation_id).get_campaign(c.campaign_id),
        )
        for campaign, answer in campaigns:
            report.campaigns_checked += 1
            try:
                change = apply_campaign_record(campaign, answer.result())
            except (TelnyxError, AccountRefused) as exc:
                report.errors.append(f"campaign {campaign.campaign_id}: {exc}")
                continue
            if change.changed:
                report.changes.append(f"campaign {campaign.campaign_id}: {change.describe()}")


def _read_back_vettings(report: ReconcileReport) -> None:
    """Brands with a vetting still being scored: their vettings read back (the vetting page
    shows what is stored and never calls Telnyx itself: issue 20, finding 13)."""
    waiting = Brand.objects.filter(
        brand_id__isnull=False, vettings__vetting_score__isnull=True
    ).distinct()
    for brand in waiting.iterator():
        report.vettings_checked += 1
        try:
            brands.sync_vettings(brand)
        except brands.ActionRefused as exc:
            report.errors.append(f"vettings of brand {brand.brand_id}: {exc}")


def _pair(statuses: tuple[str, str]) -> str:
    return "/".join(value or "?" for value in statuses)


class _ReadBacks:
    """GETs on a small thread pool, started `pace`d, answered in the rows' order; whatever
    is done with an answer (the database) stays on the caller's thread."""

    def __init__(self, pool: ThreadPoolExecutor, pace: Pacer, depth: int):
        self.pool, self.pace, self.depth = pool, pace, max(1, depth)

    def each[M: Model](self, rows: Iterator[M], get) -> Iterator[tuple[M, Future]]:
        def paced(row):
            self.pace.wait()
            return get(row)

        in_flight: deque[tuple[M, Future]] = deque()
        for row in rows:
            in_flight.append((row, self.pool.submit(paced, row)))
            if len(in_flight) >= self.depth:
                yield in_flight.popleft()
        yield from in_flight


def _pages[M: Model](queryset: QuerySet[M]) -> Iterator[M]:
    """The rows in primary-key order, PAGE_SIZE at a time (keyset paging: rows that change
    while we walk are neither skipped nor repeated)."""
    last_pk = 0
    while True:
        page = list(queryset.filter(pk__gt=last_pk).order_by("pk")[:PAGE_SIZE])
        yield from page
        if len(page) < PAGE_SIZE:
            return
        last_pk = page[-1].pk
