"""The fee ledger: each billable action Telnyx accepted, recorded exactly once, and an
organisation's ledger read back with its running total.

    record_brand_submission(brand)              # registration, or a registered brand's resubmission
    record_vetting(brand, vetting, confirmed_by=user)
    record_campaign_submission(campaign)
    record_appeal(appeal)
    record_monthly_fees(today)                  # its own schedule, reconciliation: fees due
    rows(entries)                               # each entry with the running total, in words

The callers record inside the transaction that records Telnyx's acceptance, never for a refusal.
Every entry has a unique key (kind, object, occurrence): recording the same charge again (a
retry, a second read-back, reconciliation run twice) finds the first entry and adds nothing.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from compliance import leases, lifecycle, presentation
from compliance.models import Appeal, Brand, Campaign, FeeEntry, Organisation
from compliance.services import guardrails

Kind = FeeEntry.Kind


def _record(
    kind: FeeEntry.Kind,
    subject: Brand | Campaign,
    occurrence: str,
    fee: "guardrails.Fee",
    *,
    confirmed_by=None,
    incurred_on: date | None = None,
) -> tuple[FeeEntry, bool]:
    """The entry of this charge: created now, or the one recorded before (False)."""
    campaign = subject if isinstance(subject, Campaign) else None
    brand = subject.brand if isinstance(subject, Campaign) else subject
    return FeeEntry.objects.get_or_create(
        key=f"{kind}:{subject.public_id}:{occurrence}",
        defaults={
            "organisation_id": subject.organisation_id,
            "kind": kind,
            "brand": brand,
            "campaign": campaign,
            "subject": str(subject)[:255],
            "amount": fee.amount,
            "words": fee.words,
            "incurred_on": incurred_on or timezone.localdate(),
            "confirmed_by": confirmed_by,
        },
    )


# -- recording -------------------------------------------------------------------------------
def record_brand_submission(brand: Brand, *, was_registered: bool) -> FeeEntry:
    """Telnyx accepted the brand: its registration (once per brand) or, when it was registered
    already, this resubmission of its changes (once per submission, retries included)."""
    if not was_registered:
        fee = guardrails.brand_registration_fee(brand)
        entry, _ = _record(
            Kind.BRAND_REGISTRATION, brand, "1", fee, confirmed_by=brand.cost_confirmed_by
        )
        return entry
    attempt = brand.submission_attempted_at or timezone.now()
    entry, _ = _record(
        Kind.BRAND_RESUBMISSION,
        brand,
        attempt.isoformat(),
        guardrails.brand_resubmission_fee(),
        confirmed_by=brand.cost_confirmed_by,
    )
    return entry


def record_vetting(brand: Brand, vetting_id: str, *, confirmed_by=None) -> FeeEntry:
    """Telnyx took an external vetting order (one entry per vetting)."""
    entry, _ = _record(
        Kind.EXTERNAL_VETTING,
        brand,
        vetting_id,
        guardrails.vetting_fee(),
        confirmed_by=confirmed_by,
    )
    return entry


def record_campaign_submission(campaign: Campaign) -> FeeEntry:
    """Telnyx created the campaign: its one-off fee and first months (once per campaign)."""
    entry, _ = _record(
        Kind.CAMPAIGN_SUBMISSION,
        campaign,
        "1",
        guardrails.campaign_submission_fee(campaign),
        confirmed_by=campaign.cost_confirmed_by,
    )
    return entry


def record_appeal(appeal: Appeal) -> FeeEntry:
    """Telnyx accepted an appeal: a new review (one entry per appeal)."""
    entry, _ = _record(
        Kind.APPEAL,
        appeal.campaign,
        str(appeal.pk),
        guardrails.appeal_fee(),
        confirmed_by=appeal.requested_by,
    )
    return entry


def record_monthly_fee(campaign: Campaign, due_on: date) -> tuple[FeeEntry, bool]:
    """The campaign fee of the month `due_on` falls in (one entry per campaign per month)."""
    return _record(
        Kind.MONTHLY_FEE,
        campaign,
        f"{due_on:%Y-%m}",
        guardrails.monthly_campaign_fee(campaign),
        confirmed_by=campaign.cost_confirmed_by,
        incurred_on=due_on,
    )


def campaigns_with_fee_due(today: date) -> QuerySet[Campaign]:
    """Campaigns that renew automatically and whose renewal date has come: submitted, not
    deactivated, not in a terminal status (rejected, expired)."""
    return (
        Campaign.objects.filter(
            campaign_id__isnull=False,
            deactivated_at__isnull=True,
            auto_renewal=True,
            next_renewal_or_expiration__lte=today,
        )
        .exclude(campaign_status__in=[str(status) for status in lifecycle.TERMINAL])
        .select_related("brand", "cost_confirmed_by")
    )


FEES_LEASE = "monthly-fees"


def record_monthly_fees(today: date | None = None) -> int:
    """Record each monthly fee that fell due and is not in the ledger yet; how many were new.
    Idempotent: run by its own schedule (compliance/tasks/ledger.py) and by every
    reconciliation, under the FEES_LEASE so two passes never run at once (one that finds it
    held records nothing: the other is doing it)."""
    today = today or timezone.localdate()
    recorded = 0
    with leases.held(FEES_LEASE, settings.FEES_LEASE_SECONDS) as ours:
        if not ours:
            return 0
        for campaign in campaigns_with_fee_due(today).iterator():
            assert campaign.next_renewal_or_expiration is not None
            with transaction.atomic():
                _, created = record_monthly_fee(campaign, campaign.next_renewal_or_expiration)
            recorded += created
    return recorded


# -- reading ---------------------------------------------------------------------------------
def entries_of(organisation: Organisation | None = None) -> QuerySet[FeeEntry]:
    """One organisation's entries, or every organisation's (None), oldest first."""
    entries = FeeEntry.objects.select_related("organisation", "confirmed_by")
    return entries if organisation is None else entries.filter(organisation=organisation)


@dataclass(frozen=True)
class LedgerRow:
    """One entry with the running total up to it, every value in plain words."""

    entry: FeeEntry
    running_total: Decimal  # of the known amounts
    unknown_so_far: int  # entries without an amount, up to this one

    @property
    def date(self) -> str:
        return presentation.day(self.entry.incurred_on)

    @property
    def organisation(self) -> str:
        return self.entry.organisation.name

    @property
    def subject(self) -> str:
        return self.entry.subject

    @property
    def what(self) -> str:
        return self.entry.get_kind_display()

    @property
    def amount(self) -> str:
        return presentation.money(self.entry.amount)

    @property
    def details(self) -> str:
        return presentation.plain_dates(self.entry.words)

    @property
    def confirmed_by(self) -> str:
        user = self.entry.confirmed_by
        if user is None:
            return "Nobody was asked"
        return user.get_full_name() or user.get_username()

    @property
    def total(self) -> str:
        return total_words(self.running_total, self.unknown_so_far)


def total_words(total: Decimal, unknown: int) -> str:
    """The running total in words: "$55.00", or "$55.00 plus 2 fees of unknown amount"."""
    words = presentation.money(total)
    if unknown:
        words += f" plus {unknown} fee{'s' if unknown != 1 else ''} of unknown amount"
    return words


def total_of(ledger: list[LedgerRow]) -> str:
    """The ledger's total in words (the last running total)."""
    return ledger[-1].total if ledger else total_words(Decimal("0"), 0)


def rows(entries: QuerySet[FeeEntry]) -> list[LedgerRow]:
    """The entries in ledger order, each with the running total up to it."""
    total, unknown, result = Decimal("0"), 0, []
    for entry in entries.order_by("incurred_on", "created_at", "id"):
        if entry.amount is None:
            unknown += 1
        else:
            total += entry.amount
        result.append(LedgerRow(entry, total, unknown))
    return result


CSV_COLUMNS = (
    ("Date", "date"),
    ("What", "what"),
    ("For", "subject"),
    ("Amount", "amount"),
    ("Details", "details"),
    ("Confirmed by", "confirmed_by"),
    ("Running total", "total"),
)


def csv_table(ledger: list[LedgerRow], *, with_organisation: bool) -> list[list[str]]:
    """The header and one line per entry, in plain words and plain dates (the view passes
    every cell through presentation.spreadsheet_cell)."""
    columns = list(CSV_COLUMNS)
    if with_organisation:
        columns.insert(1, ("Organisation", "organisation"))
    table = [[title for title, _ in columns]]
    table.extend([getattr(row, name) for _, name in columns] for row in ledger)
    return table
