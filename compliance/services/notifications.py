"""Notifications: an in-app row, and an email to the people concerned.

`notify` tells an organisation's members (CUSTOMER audience); `notify_reviewers` tells every
user holding the compliance.review_campaigns permission (REVIEWERS audience). Emails go out
through Django 6.1's mailers once the surrounding transaction commits, one message per
recipient (members of one organisation never see the reviewers' addresses, nor the reverse);
a mail server failure is logged and never undoes the notification.

Each user chooses how notifications reach them by e-mail (`EmailPreference`): one e-mail per
notification (the default), a daily digest (`send_digests`, run by the periodic digest task),
or none. Every e-mail links to the notification's object (`link_of`), is rendered from
templates/email/ (HTML and text, one shared base layout) and says how to change the choice.
"""

import logging
import smtplib
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from compliance.http import absolute_url
from compliance.models import Brand, Campaign, EmailPreference, Notification, Organisation
from compliance.tenancy import REVIEWER_PERMISSION, is_reviewer

logger = logging.getLogger(__name__)

Audience = Notification.Audience


def notify(
    organisation: Organisation,
    title: str,
    body: str = "",
    *,
    campaign: Campaign | None = None,
    brand: Brand | None = None,
) -> Notification:
    """Tell the organisation's members: a notification, and an email to each member."""
    members = get_user_model().objects.filter(
        memberships__organisation=organisation, is_active=True
    )
    return _notify(Audience.CUSTOMER, members, organisation, title, body, campaign, brand)


def notify_reviewers(
    organisation: Organisation,
    title: str,
    body: str = "",
    *,
    campaign: Campaign | None = None,
    brand: Brand | None = None,
) -> Notification:
    """Tell the reviewers about one organisation's campaign or brand."""
    reviewers = get_user_model().objects.with_perm(REVIEWER_PERMISSION, is_active=True)
    return _notify(Audience.REVIEWERS, reviewers, organisation, title, body, campaign, brand)


def one_line(text: str) -> str:
    """A title as one line: line breaks and other control characters (a brand name typed with
    a line break, a reviewer's subject) become spaces, so it can head a page and an e-mail
    (mail headers refuse line breaks)."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def _notify(audience, recipients, organisation, title, body, campaign, brand) -> Notification:
    notification = Notification.objects.create(
        organisation=organisation,
        audience=audience,
        title=one_line(title)[:200],
        body=body,
        campaign=campaign,
        brand=brand,
    )
    _email_after_commit(notification, _addresses(_wanting(recipients, Delivery.IMMEDIATE)))
    return notification


Delivery = EmailPreference.Delivery


def _wanting(users, delivery: str):
    """The users among `users` whose e-mail choice is `delivery` (no choice: immediate)."""
    chosen = Q(email_preference__delivery=delivery)
    if delivery == Delivery.IMMEDIATE:
        chosen |= Q(email_preference__isnull=True)
    return users.filter(chosen)


def delivery_of(user) -> str:
    preference = EmailPreference.objects.filter(user=user).first()
    return preference.delivery if preference else Delivery.IMMEDIATE


def set_delivery(user, delivery: str) -> None:
    """Record how `user` wants notification e-mails; switching to the digest starts it now
    (what came before was already sent one at a time)."""
    EmailPreference.objects.update_or_create(
        user=user,
        defaults={"delivery": Delivery(delivery), "digest_through": timezone.now()},
    )


def link_of(notification: Notification) -> str:
    """The path of the object a notification is about: the campaign or brand page (the
    reviewers' console page for the reviewers' notifications), else the notifications list."""
    reviewers = notification.audience == Audience.REVIEWERS
    if notification.campaign is not None:
        name = "review_campaign" if reviewers else "campaign_detail"
        return reverse(name, args=[notification.campaign.public_id])
    if notification.brand is not None:
        name = "review_brand" if reviewers else "brand_detail"
        return reverse(name, args=[notification.brand.public_id])
    return reverse("notifications")


def visible_to(
    organisations: Organisation | QuerySet[Organisation] | None, *, reviewer: bool = False
):
    """The notifications a user sees: their organisation's (the one they work in on a page;
    every one they belong to in the digest), plus the reviewers' when they review. Another
    organisation's notifications are never in it."""
    queryset = Notification.objects.none()
    if isinstance(organisations, Organisation):
        queryset = Notification.objects.filter(
            organisation=organisations, audience=Audience.CUSTOMER
        )
    elif organisations is not None:
        queryset = Notification.objects.filter(
            organisation__in=organisations, audience=Audience.CUSTOMER
        )
    if reviewer:
        queryset = queryset | Notification.objects.filter(audience=Audience.REVIEWERS)
    return queryset


def mark_read(notifications) -> int:
    return notifications.filter(read_at__isnull=True).update(read_at=timezone.now())


def _addresses(users) -> list[str]:
    return sorted({user.email for user in users if user.email})


def _email_after_commit(notification: Notification, recipients: list[str]) -> None:
    if recipients:
        transaction.on_commit(lambda: _send(notification, recipients))


def _base_url() -> str:
    return absolute_url("home").rstrip("/")


def email(subject: str, template: str, context: dict, to: list[str]) -> list:
    """One branded e-mail per address: templates/email/<template>.txt and .html, which extend
    the shared base layout (email/base.txt, email/base.html). Any e-mail the app sends is
    built here; account e-mails can extend the same base templates."""
    context = {
        "subject": subject,
        "site_url": absolute_url("home"),
        "settings_url": absolute_url("email_preferences"),
    } | context
    text = render_to_string(f"email/{template}.txt", context)
    html = render_to_string(f"email/{template}.html", context)
    messages = []
    for address in to:
        message = EmailMultiAlternatives(f"[Tendlc] {subject}", text, to=[address])
        message.attach_alternative(html, "text/html")
        messages.append(message)
    return messages


def deliver(messages: list, what: str) -> None:
    """Send e-mails built by `email`; a mail server failure is logged, never raised."""
    try:
        mailers.default.send_messages(messages)
    except (smtplib.SMTPException, OSError) as exc:
        logger.error("%s: email failed: %s", what, exc)


def _send(notification: Notification, recipients: list[str]) -> None:
    context = {"notification": notification, "link": _base_url() + link_of(notification)}
    messages = email(notification.title, "notification", context, recipients)
    deliver(messages, f"notification {notification.pk}")


# -- the daily digest --------------------------------------------------------------------------
DIGEST_PERIOD = timedelta(days=1)


def send_digests(now: datetime | None = None) -> int:
    """Send each user who chose the daily digest, and whose last one is a day old, one e-mail
    with the notifications they can see that came since; how many were sent. Each user is
    claimed with a conditional UPDATE, so two runs at once never send one digest twice."""
    now = now or timezone.now()
    due = EmailPreference.objects.filter(delivery=Delivery.DAILY).filter(
        Q(digest_through__isnull=True) | Q(digest_through__lte=now - DIGEST_PERIOD)
    )
    sent = 0
    for preference in due.select_related("user"):
        since = preference.digest_through or now - DIGEST_PERIOD
        claimed = EmailPreference.objects.filter(
            pk=preference.pk, digest_through=preference.digest_through
        ).update(digest_through=now)
        user = preference.user
        if not claimed or not user.is_active or not user.email:
            continue
        items = list(
            visible_to(
                Organisation.objects.filter(memberships__user=user), reviewer=is_reviewer(user)
            )
            .filter(created_at__gt=since, created_at__lte=now)
            .select_related("campaign", "brand", "organisation")
            .order_by("created_at")
        )
        if not items:
            continue
        base = _base_url()
        context = {
            "items": [(item, base + link_of(item)) for item in items],
            # A user of several organisations is told which one each update is about.
            "several_organisations": len({item.organisation_id for item in items}) > 1,
            "list_url": absolute_url("notifications"),
        }
        count = len(items)
        subject = f"Your daily summary: {count} update{'s' if count != 1 else ''}"
        deliver(email(subject, "digest", context, [user.email]), f"digest for {user.pk}")
        sent += 1
    return sent
