"""The user's notifications: list, mark one or all as read. Scoped to the user's organisation
(plus the reviewers' notifications for reviewers); another organisation's is a 404."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from compliance.http import HtmxHttpRequest
from compliance.services import notifications
from compliance.tenancy import is_reviewer, organisation_of


def _visible(request):
    return notifications.visible_to(
        organisation_of(request.user), reviewer=is_reviewer(request.user)
    ).select_related("campaign", "brand", "organisation")


@login_required
@require_GET
def notification_list(request: HtmxHttpRequest) -> HttpResponse:
    page = Paginator(_visible(request), 50).get_page(request.GET.get("page"))
    return render(request, "registration/notifications.html", {"page": page})


@login_required
@require_POST
def mark_read(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    notification = get_object_or_404(_visible(request), public_id=public_id)
    notifications.mark_read(_visible(request).filter(pk=notification.pk))
    if request.htmx:
        notification.refresh_from_db()
        return render(
            request, "registration/notifications.html#notification", {"item": notification}
        )
    return redirect("notifications")


@login_required
@require_POST
def mark_all_read(request: HtmxHttpRequest) -> HttpResponse:
    notifications.mark_read(_visible(request))
    return redirect("notifications")
