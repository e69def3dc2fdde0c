"""The user's notifications: list, mark one or all as read. Scoped to the organisation the user
works in (plus the reviewers' notifications for reviewers); another organisation's is a 404.
Every role may read and clear their own (compliance/roles.py: view), and reviewers without an
organisation too, so no role check here."""

from dataclasses import dataclass
from itertools import groupby
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from compliance.http import HtmxHttpRequest, post_redirect
from compliance.models import Notification
from compliance.services import notifications
from compliance.tenancy import active_membership, is_reviewer
from registration.forms import EmailPreferenceForm


def _visible(request):
    membership = active_membership(request)
    return notifications.visible_to(
        membership.organisation if membership else None, reviewer=is_reviewer(request.user)
    ).select_related("campaign", "brand", "organisation")


@dataclass(frozen=True)
class Group:
    """The notifications of one object on one day, newest first: the list shows the newest
    and folds the earlier ones under it."""

    latest: Notification
    earlier: list[Notification]
    link: str

    @property
    def unread(self) -> bool:
        return any(item.read_at is None for item in [self.latest, *self.earlier])


def _group_key(item: Notification):
    about = ("c", item.campaign_id) if item.campaign_id else ("b", item.brand_id)
    if not item.campaign_id and not item.brand_id:
        about = ("n", item.pk)
    return (item.audience, about, item.created_at.date())


def grouped(items) -> list[Group]:
    groups = []
    for _, run in groupby(items, key=_group_key):
        latest, *earlier = run
        groups.append(Group(latest, earlier, notifications.link_of(latest)))
    return groups


@login_required
@require_GET
def notification_list(request: HtmxHttpRequest) -> HttpResponse:
    page = Paginator(_visible(request), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "registration/notifications.html",
        {"page": page, "groups": grouped(page.object_list)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def email_preferences(request: HtmxHttpRequest) -> HttpResponse:
    """How the user wants notification e-mails: one at a time, a daily digest, or none."""
    form = EmailPreferenceForm(
        request.POST or None, initial={"delivery": notifications.delivery_of(request.user)}
    )
    if request.method == "POST" and form.is_valid():
        notifications.set_delivery(request.user, form.cleaned_data["delivery"])
        messages.success(request, "Your e-mail choice is saved.")
        return post_redirect(request, request.path)
    return render(request, "registration/email_preferences.html", {"form": form})


@login_required
@require_POST
def mark_read(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    """Mark a notification read, with the others of its group (same object, same day)."""
    notification = get_object_or_404(_visible(request), public_id=public_id)
    day = notification.created_at.date()
    same = _visible(request).filter(
        audience=notification.audience,
        campaign=notification.campaign,
        brand=notification.brand,
        created_at__date=day,
    )
    if not notification.campaign_id and not notification.brand_id:
        same = same.filter(pk=notification.pk)
    notifications.mark_read(same)
    if request.htmx:
        group = next(g for g in grouped(same) if notification in [g.latest, *g.earlier])
        return render(request, "registration/notifications.html#group", {"group": group})
    return redirect("notifications")


@login_required
@require_POST
def mark_all_read(request: HtmxHttpRequest) -> HttpResponse:
    notifications.mark_read(_visible(request))
    return redirect("notifications")
