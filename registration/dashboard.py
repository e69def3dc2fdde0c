"""The logged-in home: what needs the user's attention first, then what is waiting on others.

Each `Item` says what it is about, in plain words, and links to the way out (the appeal, the
fix, the PIN, the vetting, the draft to finish). The links of a stepper's action
(compliance/stepper.py) are built here once, for the dashboard and the detail pages alike.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse

from compliance import lifecycle, presentation
from compliance.models import Brand, Campaign, Organisation, PhoneNumber, SubmissionState
from compliance.stepper import Stepper

_CAMPAIGN_ACTIONS = {
    "continue": ("campaign_resume", "Continue the draft"),
    "fix": ("campaign_step", "Fix and resubmit"),
    "appeal": ("campaign_appeal_request", "Ask for an appeal"),
    "new": ("campaign_clone", "Copy into a new draft"),
    "assign": ("number_list", "Assign numbers"),
}
_BRAND_ACTIONS = {
    "continue": ("brand_wizard", "Continue the registration"),
    "fix": ("brand_wizard", "Fix and resubmit"),
    "otp": ("brand_otp", "Verify your mobile phone"),
    "vetting": ("brand_vetting", "Order an external vetting"),
}


def campaign_action(campaign: Campaign, stepper: Stepper) -> tuple[str, str]:
    """(url, label) of what the user can do now on a campaign; ("", "") when nothing."""
    if stepper.action not in _CAMPAIGN_ACTIONS:
        return "", ""
    name, label = _CAMPAIGN_ACTIONS[stepper.action]
    if name == "number_list":
        return reverse(name), label
    if name == "campaign_step":
        return reverse(name, args=[campaign.public_id, "review"]), label
    return reverse(name, args=[campaign.public_id]), label


def brand_action(brand: Brand, stepper: Stepper) -> tuple[str, str]:
    """(url, label) of what the user can do now on a brand; ("", "") when nothing."""
    if stepper.action == "campaign":
        return f"{reverse('campaign_new')}?brand={brand.public_id}", "Register a campaign"
    if stepper.action not in _BRAND_ACTIONS:
        return "", ""
    name, label = _BRAND_ACTIONS[stepper.action]
    return reverse(name, args=[brand.public_id]), label


@dataclass(frozen=True)
class Item:
    title: str
    sentence: str
    url: str
    label: str
    badge: str = "warn"  # the tag's colour
    tag: str = "Action needed"


_DRAFTS_SHOWN = 5


def _campaign_name(campaign: Campaign) -> str:
    usecase = lifecycle.usecase_label(campaign.usecase) or "New"
    return f"{usecase} campaign for {campaign.brand}"


def attention(organisation: Organisation) -> list[Item]:
    """What asks something of the user, most urgent first: rejected or refused campaigns,
    brands that failed or need verification, failing numbers, then drafts to finish."""
    items: list[Item] = []
    campaigns = Campaign.objects.for_organisation(organisation).select_related("brand")
    stuck = campaigns.filter(
        Q(submission_state=SubmissionState.FAILED)
        | Q(
            submission_state=SubmissionState.SUBMITTED,
            deactivated_at__isnull=True,
            campaign_status__in=lifecycle.TERMINAL | {lifecycle.CampaignStatus.TCR_SUSPENDED},
        )
    )
    # Appealable rejections first: they have the clearest way out.
    for campaign in sorted(
        stuck, key=lambda c: (c.campaign_status not in lifecycle.APPEALABLE, -c.pk)
    ):
        stepper = presentation.campaign_stepper(campaign)
        url, label = campaign_action(campaign, stepper)
        status = presentation.campaign_status(campaign)
        items.append(
            Item(
                f"{_campaign_name(campaign)}: {status.label}",
                stepper.you_can,
                url or reverse("campaign_detail", args=[campaign.public_id]),
                label or "Open the campaign",
                status.badge or "warn",
            )
        )
    brands = Brand.objects.for_organisation(organisation)
    for brand in brands.filter(
        Q(submission_state=SubmissionState.FAILED)
        | Q(status=lifecycle.BrandStatus.REGISTRATION_FAILED)
        | Q(identity_status=lifecycle.BrandIdentityStatus.UNVERIFIED)
    ):
        stepper = presentation.brand_stepper(brand)
        url, label = brand_action(brand, stepper)
        items.append(
            Item(
                f"{brand}: {presentation.brand_status(brand).label}",
                stepper.you_can,
                url or reverse("brand_detail", args=[brand.public_id]),
                label or "Open the brand",
            )
        )
    failing = (
        PhoneNumber.objects.for_organisation(organisation)
        .filter(assignment_status__in=["FAILED_ASSIGNMENT", "FAILED_UNASSIGNMENT"])
        .count()
    )
    if failing:
        items.append(
            Item(
                f"{failing} phone number{'s' if failing != 1 else ''} failed to change campaign",
                "See the reason next to each number and try again.",
                f"{reverse('number_list')}?status=FAILED_ASSIGNMENT",
                "See the numbers",
                "bad",
                "Problem",
            )
        )
    items += _drafts(organisation)
    return items


def _drafts(organisation: Organisation) -> list[Item]:
    items = []
    brand_drafts = Brand.objects.for_organisation(organisation).filter(
        Q(brand_id__isnull=True) | Q(brand_id=""), submission_state=SubmissionState.DRAFT
    )
    for brand in brand_drafts.exclude(entity_type="")[:_DRAFTS_SHOWN]:
        items.append(
            Item(
                f"Draft brand: {brand}",
                "Finish the registration and submit it.",
                reverse("brand_wizard", args=[brand.public_id]),
                "Continue the registration",
                "",
                "Draft",
            )
        )
    campaign_drafts = Campaign.objects.for_organisation(organisation).filter(
        submission_state=SubmissionState.DRAFT
    )
    for campaign in campaign_drafts.select_related("brand")[:_DRAFTS_SHOWN]:
        items.append(
            Item(
                f"Draft: {_campaign_name(campaign)}",
                "Finish the steps and submit it.",
                reverse("campaign_resume", args=[campaign.public_id]),
                "Continue the draft",
                "",
                "Draft",
            )
        )
    return items


@dataclass(frozen=True)
class Count:
    label: str
    count: int
    url: str


def overview(organisation: Organisation) -> list[Count]:
    """How many are waiting on the registry, Telnyx or the carriers, and how many are live."""
    campaigns = Campaign.objects.for_organisation(organisation)
    brands = Brand.objects.for_organisation(organisation)
    filters = dict((slug, condition) for slug, _, condition in presentation.CAMPAIGN_STATUS_FILTERS)
    brand_filters = dict(
        (slug, condition) for slug, _, condition in presentation.BRAND_STATUS_FILTERS
    )
    campaign_list, brand_list = reverse("campaign_list"), reverse("brand_list")
    return [
        Count(
            "Campaigns under review",
            campaigns.filter(filters["waiting"]).count(),
            f"{campaign_list}?status=waiting",
        ),
        Count(
            "Live campaigns",
            campaigns.filter(filters["live"]).count(),
            f"{campaign_list}?status=live",
        ),
        Count(
            "Brands being registered",
            brands.filter(brand_filters["waiting"]).count(),
            f"{brand_list}?status=waiting",
        ),
        Count(
            "Registered brands",
            brands.filter(brand_filters["registered"]).count(),
            f"{brand_list}?status=registered",
        ),
    ]
