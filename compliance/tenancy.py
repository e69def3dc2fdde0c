"""The one place that scopes customer queries to the user's organisation.

Views use `current_organisation(request)` and `get_owned_or_404(...)`; a row of another
organisation is indistinguishable from a missing one (404).
"""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from compliance.models import Membership, Organisation
from compliance.navigation import nav_items

REVIEWER_PERMISSION = "compliance.review_campaigns"
REVIEWERS_GROUP = "Reviewers"


def _membership_of(user: AbstractBaseUser | AnonymousUser) -> Membership | None:
    """The user's membership (organisation and role), or None."""
    if not user.is_authenticated:
        return None
    return getattr(user, "membership", None)


def organisation_of(user: AbstractBaseUser | AnonymousUser) -> Organisation | None:
    membership = _membership_of(user)
    return membership.organisation if membership else None


def current_membership(request: HttpRequest) -> Membership:
    """The signed-in user's membership of the organisation they act for: every role check
    (compliance/roles.py) starts here. 404 when they belong to none."""
    membership = _membership_of(request.user)
    if membership is None:
        raise Http404("You are not a member of an organisation.")
    return membership


def current_organisation(request: HttpRequest) -> Organisation:
    organisation = organisation_of(request.user)
    if organisation is None:
        raise Http404("You are not a member of an organisation.")
    return organisation


def scoped(request: HttpRequest, model_or_queryset: type[Model] | QuerySet) -> QuerySet:
    """The rows of the model (or queryset) that belong to the user's organisation."""
    queryset = (
        model_or_queryset
        if isinstance(model_or_queryset, QuerySet)
        else model_or_queryset._default_manager.all()
    )
    return queryset.filter(organisation=current_organisation(request))


def get_owned_or_404[M: Model](
    request: HttpRequest, model_or_queryset: type[M] | QuerySet[M], **lookup
) -> M:
    """The row of the user's organisation matching `lookup`, or 404 — also when a lookup value
    is not even of the field's type (a posted id that is not a UUID, say)."""
    try:
        return get_object_or_404(scoped(request, model_or_queryset), **lookup)
    except (ValidationError, ValueError, TypeError) as exc:
        raise Http404("No such record.") from exc


def is_reviewer(user: AbstractBaseUser | AnonymousUser) -> bool:
    if not user.is_authenticated or not isinstance(user, PermissionsMixin):
        return False
    return user.has_perm(REVIEWER_PERMISSION)


def organisation_context(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    reviewer = user is not None and is_reviewer(user)
    organisation = organisation_of(user) if user is not None else None
    return {
        "current_organisation": organisation,
        "user_is_reviewer": reviewer,
        "nav_items": nav_items(
            request.path, reviewer=reviewer, member=organisation is not None or not reviewer
        ),
        "sandbox_mode": settings.SANDBOX_MODE,
    }
