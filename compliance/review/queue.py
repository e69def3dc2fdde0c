"""What needs a reviewer: rejected campaigns, stuck submissions and unverified brands, across
every organisation. Pure query building; the view pages and renders."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from compliance.lifecycle import BrandIdentityStatus, CampaignStatus
from compliance.models import AppealRequest, Brand, Campaign, ReviewClaim, SubmissionState

REJECTED = "rejected"
FAILED = CampaignStatus.TELNYX_FAILED.value
MNO_REJECTED = CampaignStatus.MNO_REJECTED.value
STUCK = "stuck"
REQUESTED = "requested"
UNVERIFIED = BrandIdentityStatus.UNVERIFIED.value

CATEGORIES = [
    (REQUESTED, "Appeal requested"),
    (FAILED, "Telnyx rejected"),
    (MNO_REJECTED, "Carrier rejected"),
    (STUCK, "Stuck pending"),
    (UNVERIFIED, "Brand unverified"),
]
WAITING_STATUSES = (CampaignStatus.TCR_PENDING, CampaignStatus.MNO_PENDING)

SORTS = {
    "oldest": ("waiting_since", "id"),
    "newest": ("-waiting_since", "-id"),
    "organisation": ("organisation__name", "waiting_since"),
    "brand": ("brand__display_name", "waiting_since"),
    "status": ("campaign_status", "waiting_since"),
}
BRAND_SORTS = {
    "oldest": ("waiting_since", "id"),
    "newest": ("-waiting_since", "-id"),
    "organisation": ("organisation__name", "waiting_since"),
    "brand": ("display_name", "waiting_since"),
    "status": ("waiting_since", "id"),
}


def stuck_after() -> timedelta:
    return timedelta(hours=settings.REVIEW_STUCK_AFTER_HOURS)


def _requested() -> Exists:
    return Exists(
        AppealRequest.objects.filter(campaign=OuterRef("pk"), state=AppealRequest.State.OPEN)
    )


def _category_q(category: str, cutoff) -> Q:
    if category == REQUESTED:
        return Q(_requested())
    if category in (FAILED, MNO_REJECTED):
        return Q(campaign_status=category)
    # STUCK: a submission recorded but not confirmed, or a decision awaited for too long.
    return Q(waiting_since__lt=cutoff) & (
        Q(submission_state=SubmissionState.PENDING) | Q(campaign_status__in=WAITING_STATUSES)
    )


def campaigns_needing_attention() -> QuerySet:
    cutoff = timezone.now() - stuck_after()
    needs = _category_q(FAILED, cutoff) | _category_q(MNO_REJECTED, cutoff)
    needs |= _category_q(STUCK, cutoff) | _category_q(REQUESTED, cutoff)
    return (
        Campaign.objects.annotate(
            waiting_since=Coalesce("status_changed_at", "submission_attempted_at", "created_at"),
            appeal_requested=_requested(),
        )
        .filter(needs)
        .select_related("brand", "organisation")
        .prefetch_related(
            Prefetch(
                "review_claims",
                queryset=ReviewClaim.objects.filter(released_at__isnull=True).select_related(
                    "reviewer"
                ),
                to_attr="active_claims",
            )
        )
    )


def unverified_brands() -> QuerySet:
    return (
        Brand.objects.annotate(
            waiting_since=Coalesce("last_synced_at", "submitted_at", "created_at")
        )
        .filter(identity_status=UNVERIFIED)
        .select_related("organisation")
        .annotate(campaign_count=Count("campaigns"))
    )


def counts() -> dict[str, int]:
    """How many items each category holds (unfiltered), in one query plus one for brands."""
    cutoff = timezone.now() - stuck_after()
    per_status = Campaign.objects.annotate(
        waiting_since=Coalesce("status_changed_at", "submission_attempted_at", "created_at")
    ).aggregate(
        **{
            category: Count("pk", filter=_category_q(category, cutoff))
            for category in (FAILED, MNO_REJECTED, STUCK, REQUESTED)
        }
    )
    per_status[UNVERIFIED] = Brand.objects.filter(identity_status=UNVERIFIED).count()
    return per_status


def filter_items(
    *,
    category: str = "",
    organisation=None,
    usecase: str = "",
    older_than_days: int | None = None,
    search: str = "",
    sort: str = "oldest",
) -> QuerySet:
    """Campaigns (or, for the UNVERIFIED category, brands) matching the reviewer's filters."""
    brands = category == UNVERIFIED
    items = unverified_brands() if brands else campaigns_needing_attention()
    if category and not brands:
        items = items.filter(_category_q(category, timezone.now() - stuck_after()))
    if organisation is not None:
        items = items.filter(organisation=organisation)
    if usecase and not brands:
        items = items.filter(usecase=usecase)
    if older_than_days:
        items = items.filter(waiting_since__lt=timezone.now() - timedelta(days=older_than_days))
    if search:
        items = items.filter(_search_q(search, brands=brands))
    order = (BRAND_SORTS if brands else SORTS).get(sort, SORTS["oldest"])
    return items.order_by(*order)


def _search_q(term: str, *, brands: bool) -> Q:
    prefix = "" if brands else "brand__"
    q = Q(**{f"{prefix}display_name__icontains": term}) | Q(
        **{f"{prefix}company_name__icontains": term}
    )
    if brands:
        return q | Q(brand_id__istartswith=term) | Q(tcr_brand_id__iexact=term)
    return q | Q(campaign_id__istartswith=term) | Q(tcr_campaign_id__iexact=term)
