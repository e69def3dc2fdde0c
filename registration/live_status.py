"""Numbers' assignment statuses that refresh by themselves while any is pending.

One poller (templates/registration/numbers/_live_status.html), two ways:

- a list of numbers (`ids`: the numbers screen's page) answers each number's status cell
  out of band, so the rows, and the boxes the user ticked, stay as they are;
- a scope (a number, a messaging profile, a campaign, a bulk job) carries the counts by
  status it showed (`seen`): a poll that finds them changed answers HX-Refresh, so the whole
  screen (counts, actions) follows.

The poll stops once nothing it watches is pending. Pages never call Telnyx: the statuses come
from webhooks and the background follow-up (compliance/services/number_status.py).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse

from compliance import lifecycle
from compliance.models import BulkAssignment, Campaign, MessagingProfile, PhoneNumber
from compliance.services import number_status
from compliance.tenancy import get_owned_or_404, scoped

SCOPES = {"number", "profile", "campaign", "job"}


@dataclass(frozen=True)
class Poller:
    url: str
    pending: bool


def for_page(numbers) -> Poller:
    """The poller of a list of numbers already loaded (no query)."""
    numbers = list(numbers)
    pending = any(n.assignment_status in number_status.PENDING for n in numbers)
    ids = ",".join(str(n.public_id) for n in numbers)
    return Poller(f"{reverse('number_statuses')}?{urlencode({'ids': ids})}", pending)


def for_scope(kind: str, public_id, counts: list) -> Poller:
    """The poller of a scope whose counts by status the screen shows."""
    query = urlencode({"scope": f"{kind}:{public_id}", "seen": number_status.status_key(counts)})
    return Poller(f"{reverse('number_statuses')}?{query}", number_status.any_pending(counts))


def scope_numbers(request, scope: str) -> tuple[str, object, QuerySet[PhoneNumber]]:
    """The numbers of `kind:public_id`, the organisation's own (another's is a 404)."""
    kind, _, public_id = scope.partition(":")
    if kind not in SCOPES:
        raise Http404("No such scope.")
    numbers = scoped(request, PhoneNumber)
    if kind == "number":
        return (
            kind,
            public_id,
            numbers.filter(pk=get_owned_or_404(request, PhoneNumber, public_id=public_id).pk),
        )
    if kind == "profile":
        profile = get_owned_or_404(request, MessagingProfile, public_id=public_id)
        return kind, public_id, numbers.filter(profile=profile)
    if kind == "campaign":
        campaign = get_owned_or_404(request, Campaign, public_id=public_id)
        return kind, public_id, campaign_numbers_of(campaign)
    job = get_owned_or_404(request, BulkAssignment, public_id=public_id)
    return kind, public_id, numbers.filter(pk__in=job.items.values("number_id"))


SHOWN_ON_CAMPAIGN = 20


def campaign_numbers_of(campaign: Campaign) -> QuerySet[PhoneNumber]:
    """The organisation's numbers Telnyx has (or is putting) on the campaign."""
    if not campaign.campaign_id:
        return PhoneNumber.objects.none()
    return PhoneNumber.objects.for_organisation(campaign.organisation).filter(
        telnyx_campaign_id=campaign.campaign_id
    )


def campaign_numbers(campaign: Campaign) -> dict:
    """The campaign page's numbers: counts by status (adding up to all of them), the first
    few with their status, the poller, and whether more can be assigned."""
    numbers = campaign_numbers_of(campaign)
    counts = number_status.counts_by_status(numbers)
    return {
        "number_counts": counts,
        "number_total": sum(c.count for c in counts),
        "numbers_shown": list(numbers.order_by("phone_number")[:SHOWN_ON_CAMPAIGN]),
        "numbers_poller": for_scope("campaign", campaign.public_id, counts),
        "can_take_numbers": campaign.campaign_status in lifecycle.CAN_CARRY_TRAFFIC,
    }
