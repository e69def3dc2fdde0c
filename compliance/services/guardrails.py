"""Guardrails before a billable or irreversible call to Telnyx: what it costs, and the limits
carriers enforce that the app can enforce first.

    fee = campaign_submission_fee(campaign)   # Fee(amount, words, sources)
    brand_findings(brand)                     # the brand rules, with EIN reuse and SP mobile use
    sole_proprietor_mobile_problem(brand)     # "" or why the brand may not be submitted

Fees: Telnyx's API gives the campaign's fees (qualify-by-usecase: monthlyFee, upFrontCost;
GET /10dlc/campaign/usecase/cost). Brand registration and vetting fees are not in the API;
the amounts below are the documented ones (shared/compliance/RULES.md, keys in `sources`), and
where no amount is documented for Telnyx the words say so instead of guessing.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Q

from compliance import checks
from compliance.models import Brand, Campaign, SubmissionState
from compliance.services import campaigns as campaign_services

# RULES.md R1 (B3; P3; W6): every campaign submission or appeal is vetted, $15 each time.
CAMPAIGN_VETTING_FEE = Decimal("15.00")
# RULES.md T5 (Telnyx release notes, 10DLC vetting): $40 charged to the balance.
EXTERNAL_VETTING_FEE = Decimal("40.00")
# RULES.md T11: three months of the campaign fee are paid up front, non-refundable.
UPFRONT_MONTHS = 3
SOLE_PROPRIETOR_BRANDS_PER_MOBILE = 3  # RULES.md P2 (T7; P5)


@dataclass(frozen=True)
class Fee:
    """What a billable action costs. `amount` is None when no amount is known."""

    amount: Decimal | None
    words: str  # the cost in a sentence, for the confirmation box
    sources: tuple[str, ...] = ()

    @property
    def is_free(self) -> bool:
        """Nothing to pay: no cost box to tick."""
        return self.amount is not None and self.amount == 0

    @property
    def confirmation(self) -> str:
        return f"I understand that this costs {self.words}"


def _money(amount: Decimal) -> str:
    return f"${amount:,.2f}"


def brand_registration_fee(brand: Brand) -> Fee:
    if settings.TELNYX_MOCK_BRANDS:
        return Fee(Decimal("0"), "nothing: a test (mock) brand carries no registry fee")
    return Fee(
        None,
        "The Campaign Registry's one-time brand registration fee, billed to the Telnyx account "
        "(Telnyx does not publish the amount in its API; other providers pass on about $4)",
        ("T13", "W6"),
    )


def brand_resubmission_fee() -> Fee:
    """A registered brand's changes sent again: no cost box is shown for them, but the
    registry may bill a resubmission again (W6), so the ledger keeps it with no amount."""
    if settings.TELNYX_MOCK_BRANDS:
        return Fee(Decimal("0"), "nothing: a test (mock) brand carries no registry fee")
    return Fee(
        None,
        "possibly The Campaign Registry's fee again: resubmissions may be charged again, and "
        "Telnyx does not publish an amount",
        ("W6",),
    )


def vetting_fee() -> Fee:
    return Fee(
        EXTERNAL_VETTING_FEE,
        f"{_money(EXTERNAL_VETTING_FEE)} per vetting order, charged to the Telnyx balance "
        "whatever the score",
        ("T5",),
    )


def campaign_submission_fee(campaign: Campaign) -> Fee:
    """The one-off review fee (Telnyx's upFrontCost for the use case, else the documented
    vetting fee) plus the first months of the campaign fee, from qualify-by-usecase."""
    q = campaign_services.qualification_of(campaign)
    if q is None or q.monthly_fee is None:
        return Fee(
            None,
            f"a one-off review fee (about {_money(CAMPAIGN_VETTING_FEE)}) plus {UPFRONT_MONTHS} "
            "months of the campaign fee, which is not known until the use case is chosen",
            ("R1", "T11"),
        )
    if q.up_front_cost is not None:
        one_off, one_off_words = q.up_front_cost, "one-off fee as Telnyx quotes it"
    else:
        one_off, one_off_words = CAMPAIGN_VETTING_FEE, "vetting fee"
    months = q.monthly_fee * UPFRONT_MONTHS
    total = one_off + months
    return Fee(
        total,
        f"{_money(total)} now ({_money(one_off)} {one_off_words} and {_money(months)} for the "
        f"first {UPFRONT_MONTHS} months), non-refundable even if carriers reject the campaign, "
        f"then {_money(q.monthly_fee)} a month",
        ("R1", "T11", "T13"),
    )


def monthly_campaign_fee(campaign: Campaign) -> Fee:
    """One month of a live campaign's fee, as Telnyx last quoted it (usecase cost)."""
    if campaign.monthly_cost is None:
        return Fee(
            None,
            "one month of the campaign fee; Telnyx has not told us the amount yet",
            ("T11", "T13"),
        )
    return Fee(
        campaign.monthly_cost,
        f"{_money(campaign.monthly_cost)} for one month of the campaign, as Telnyx quotes it",
        ("T11", "T13"),
    )


def appeal_fee() -> Fee:
    return Fee(
        CAMPAIGN_VETTING_FEE,
        f"a new review, which providers bill as a {_money(CAMPAIGN_VETTING_FEE)} vetting fee "
        "whatever the outcome (Telnyx's API does not state its own appeal fee)",
        ("R1",),
    )


# -- brand limits and context ---------------------------------------------------------------
def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def eins_of_other_brands(brand: Brand) -> tuple[str, ...]:
    """The EINs of the organisation's other brands (rule B5 warns on reuse)."""
    others = Brand.objects.filter(organisation_id=brand.organisation_id).exclude(pk=brand.pk)
    return tuple(e for e in others.exclude(ein="").values_list("ein", flat=True))


def sole_proprietor_brands_on_mobile(brand: Brand) -> int:
    """Other sole-proprietor brands registered (or being registered) with the same mobile,
    in any organisation: TCR counts them all."""
    if not brand.mobile_phone:
        return 0
    return (
        Brand.objects.filter(
            entity_type=Brand.EntityType.SOLE_PROPRIETOR,
            mobile_phone=brand.mobile_phone,
        )
        .filter(
            Q(brand_id__isnull=False)
            | Q(submission_state__in=[SubmissionState.PENDING, SubmissionState.SUBMITTED])
        )
        .exclude(pk=brand.pk)
        .count()
    )


def brand_content(brand: Brand) -> checks.BrandContent:
    values = {f.name: getattr(brand, f.name) for f in Brand._meta.concrete_fields}
    return checks.BrandContent.from_wire(
        {k: v for k, v in values.items() if k in checks.BrandContent.__dataclass_fields__},
        eins_of_other_brands=eins_of_other_brands(brand),
        sole_proprietor_brands_on_mobile=(
            sole_proprietor_brands_on_mobile(brand) if brand.is_sole_proprietor else None
        ),
    )


def brand_findings(brand: Brand) -> list[checks.Finding]:
    return checks.check_brand(brand_content(brand))


def sole_proprietor_mobile_problem(brand: Brand) -> str:
    """Why a sole-proprietor brand may not be submitted with its mobile (P2), or ""."""
    if not brand.is_sole_proprietor or brand.brand_id:
        return ""  # a registered brand's resubmission does not add a brand to the mobile
    used = sole_proprietor_brands_on_mobile(brand)
    if used >= SOLE_PROPRIETOR_BRANDS_PER_MOBILE:
        return (
            f"{brand.mobile_phone} is already the mobile of {used} sole-proprietor brands; "
            f"a mobile number can serve at most {SOLE_PROPRIETOR_BRANDS_PER_MOBILE}. Use the "
            "owner's own mobile for this brand."
        )
    return ""
