"""Notifications: an in-app row, and an email to the people concerned.

`notify` tells an organisation's members (CUSTOMER audience); `notify_reviewers` tells every
user holding the compliance.review_campaigns permission (REVIEWERS audience). Emails go out
through Django 6.1's mailers once the surrounding transaction commits, one message per
recipient (members of one organisation never see the reviewers' addresses, nor the reverse);
a mail server failure is logged and never undoes the notification.
"""

import logging
import smtplib

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.utils import timezone

from compliance.http import absolute_url
from compliance.models import Brand, Campaign, Notification, Organisation
from compliance.tenancy import REVIEWER_PERMISSION

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
    members = get_user_model().objects.filter(membership__organisation=organisation, is_active=True)
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
    _email_after_commit(notification, _addresses(recipients))
    return notification


def visible_to(organisation: Organisation | None, *, reviewer: bool = False):
    """The notifications a user sees: their organisation's, plus the reviewers' when they
    review. Another organisation's notifications are never in it."""
    queryset = Notification.objects.none()
    if organisation is not None:
        queryset = Notification.objects.filter(
            organisation=organisation, audience=Audience.CUSTOMER
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


def _send(notification: Notification, recipients: list[str]) -> None:
    link = absolute_url("notifications")
    text = f"{notification.body}\n\nSee your notifications: {link}\n".lstrip()
    messages = [
        EmailMessage(f"[Tendlc] {notification.title}", text, to=[address]) for address in recipients
    ]
    try:
        mailers.default.send_messages(messages)
    except (smtplib.SMTPException, OSError) as exc:
        logger.error("notification %s: email failed: %s", notification.pk, exc)
