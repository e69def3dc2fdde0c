"""The one place that scopes customer queries to the organisation the user acts for.

A user may belong to several organisations (an agency registering brands for its clients);
the one they act for, the active organisation, is kept in the session and checked against
their memberships on every request (`current_membership`). Views use
`current_organisation(request)` and `get_owned_or_404(...)`; a row of another organisation is
indistinguishable from a missing one (404). A row of another organisation the user also
belongs to is a 404 as well (never shown under the wrong organisation), which names that
organisation so the page can offer to switch to it (`BelongsToAnotherOfYourOrganisations`).
"""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Model,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone

from compliance.models import Membership, Organisation
from compliance.navigation import nav_items

REVIEWER_PERMISSION = "compliance.review_campaigns"
REVIEWERS_GROUP = "Reviewers"

# The session key holding the public id of the organisation the user acts for.
ACTIVE_ORGANISATION_KEY = "active_organisation"
# Where the request keeps its active membership once read (one query per request).
_CACHE_ATTRIBUTE = "_active_membership"


class BelongsToAnotherOfYourOrganisations(Http404):
    """The row asked for exists, in another organisation the user belongs to: still a 404
    under the active organisation; the 404 page offers to switch to `organisation`."""

    def __init__(self, organisation: Organisation) -> None:
        super().__init__("This belongs to another of your organisations.")
        self.organisation = organisation


def memberships_of(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Membership]:
    """The user's memberships with their organisations, the one joined first first."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user_id=user.pk).select_related("organisation")


def active_membership(request: HttpRequest) -> Membership | None:
    """The membership the user acts for: the organisation chosen in this session while they
    still belong to it, else the one they last switched to, else the one they joined first;
    None for a user without any. Read once per request, in one query."""
    if hasattr(request, _CACHE_ATTRIBUTE):
        return getattr(request, _CACHE_ATTRIBUTE)
    user = getattr(request, "user", None)
    membership = None
    if user is not None and user.is_authenticated:
        chosen = _chosen_organisation(request)
        # How many organisations the user has, in the same query: the switcher reads the
        # others only for a user with several.
        memberships = memberships_of(user).annotate(
            organisations_count=Subquery(
                Membership.objects.filter(user=OuterRef("user"))
                .values("user")
                .annotate(count=Count("pk"))
                .values("count")
            )
        )
        memberships = memberships.annotate(
            chosen=Case(
                When(organisation__public_id=chosen, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
            if chosen is not None
            else Value(0, output_field=IntegerField())
        ).order_by("-chosen", F("last_active_at").desc(nulls_last=True), "joined_at", "pk")
        membership = memberships.first()
        if membership is not None and membership.organisation.public_id != chosen:
            _remember(request, membership)
    setattr(request, _CACHE_ATTRIBUTE, membership)
    return membership


def current_membership(request: HttpRequest) -> Membership:
    """The signed-in user's membership of the active organisation (its role says what they
    may do); 404 for a user who belongs to no organisation."""
    membership = active_membership(request)
    if membership is None:
        raise Http404("You are not a member of an organisation.")
    return membership


def current_organisation(request: HttpRequest) -> Organisation:
    return current_membership(request).organisation


def switch_organisation(request: HttpRequest, public_id: object) -> Membership:
    """Act for the organisation `public_id` from now on in this session; 404 unless the user
    belongs to it (another organisation's id is indistinguishable from a missing one)."""
    try:
        membership = get_object_or_404(
            memberships_of(request.user), organisation__public_id=public_id
        )
    except (ValidationError, ValueError, TypeError) as exc:
        raise Http404("No such organisation.") from exc
    _remember(request, membership)
    membership.last_active_at = timezone.now()
    membership.save(update_fields=["last_active_at"])
    setattr(request, _CACHE_ATTRIBUTE, membership)
    return membership


def _chosen_organisation(request: HttpRequest) -> uuid.UUID | None:
    session = getattr(request, "session", None)
    value = session.get(ACTIVE_ORGANISATION_KEY) if session is not None else None
    try:
        return uuid.UUID(value) if value else None
    except (ValueError, TypeError, AttributeError):
        return None


def _remember(request: HttpRequest, membership: Membership) -> None:
    session = getattr(request, "session", None)
    if session is not None:
        session[ACTIVE_ORGANISATION_KEY] = str(membership.organisation.public_id)


def scoped(request: HttpRequest, model_or_queryset: type[Model] | QuerySet) -> QuerySet:
    """The rows of the model (or queryset) that belong to the active organisation."""
    return _all(model_or_queryset).filter(organisation=current_organisation(request))


def get_owned_or_404[M: Model](
    request: HttpRequest, model_or_queryset: type[M] | QuerySet[M], **lookup
) -> M:
    """The row of the active organisation matching `lookup`, or 404 — also when a lookup value
    is not even of the field's type (a posted id that is not a UUID, say). When the row is
    another organisation's that the user also belongs to, the 404 names it
    (BelongsToAnotherOfYourOrganisations); anyone else's row is a plain 404."""
    try:
        return get_object_or_404(scoped(request, model_or_queryset), **lookup)
    except (ValidationError, ValueError, TypeError) as exc:
        raise Http404("No such record.") from exc
    except Http404:
        elsewhere = _other_organisation_holding(request, model_or_queryset, lookup)
        if elsewhere is not None:
            raise BelongsToAnotherOfYourOrganisations(elsewhere) from None
        raise


def _other_organisation_holding(request, model_or_queryset, lookup) -> Organisation | None:
    """The user's other organisation holding the row matching `lookup`, if any."""
    active = current_organisation(request)
    others = memberships_of(request.user).exclude(organisation=active).values("organisation")
    row = _all(model_or_queryset).filter(organisation__in=others, **lookup).first()
    return Organisation.objects.get(pk=row.organisation_id) if row is not None else None


def _all(model_or_queryset: type[Model] | QuerySet) -> QuerySet:
    if isinstance(model_or_queryset, QuerySet):
        return model_or_queryset
    return model_or_queryset._default_manager.all()


def is_reviewer(user: AbstractBaseUser | AnonymousUser) -> bool:
    if not user.is_authenticated or not isinstance(user, PermissionsMixin):
        return False
    return user.has_perm(REVIEWER_PERMISSION)


def organisation_context(request: HttpRequest) -> dict:
    """Every page names the organisation the user acts for (and offers the others)."""
    user = getattr(request, "user", None)
    reviewer = user is not None and is_reviewer(user)
    membership = active_membership(request)
    organisation = membership.organisation if membership is not None else None
    return {
        "current_organisation": organisation,
        "current_membership": membership,
        "other_organisations": _others(membership),
        "user_is_reviewer": reviewer,
        "nav_items": nav_items(
            request.path, reviewer=reviewer, member=organisation is not None or not reviewer
        ),
        "sandbox_mode": settings.SANDBOX_MODE,
    }


def _others(membership: Membership | None):
    """The user's other organisations, read only when a page shows the switcher and the user
    has any (a membership read by `switch_organisation` does not know: asked)."""
    if membership is None or getattr(membership, "organisations_count", 2) < 2:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user_id=membership.user_id).exclude(
        pk=membership.organisation_id
    )
