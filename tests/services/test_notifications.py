"""Notifications that matter, once each, e-mailed as each user chose (one at a time, a daily
digest, or none) in branded HTML and text, each linking to its object."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from compliance.models import EmailPreference, Notification
from compliance.services import notifications
from compliance.services.webhooks import replay_pending_events
from tests.factories import registered_brand, submitted_campaign, verified_brand
from tests.webhooks.test_webhooks_sandbox import submit


@pytest.mark.django_db(transaction=True)
def test_one_approval_is_one_notification_and_one_email(telnyx, live_server, organisation):
    """Before: four notifications and four e-mails (registry, Telnyx, carriers, live)."""
    brand = registered_brand(organisation, verified_brand(telnyx), identity_status="")
    campaign = submit(telnyx, brand, f"{live_server.url}/webhooks/telnyx/")
    mail.outbox.clear()

    replay_pending_events(campaign)

    campaign.refresh_from_db()
    assert campaign.campaign_status == "MNO_PROVISIONED"
    assert campaign.events.count() >= 4  # every step is still on the timeline
    notification = Notification.objects.get(campaign=campaign)
    assert notification.title.endswith(": Live")
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    link = f"{live_server.url}{reverse('campaign_detail', args=[campaign.public_id])}"
    assert link in sent.body
    html, kind = sent.alternatives[0]
    assert kind == "text/html" and link in html and "Tendlc" in html
    assert "/notifications/\n" not in sent.body


pytestmark = pytest.mark.django_db


def test_each_notification_links_to_its_object(organisation):
    campaign = submitted_campaign(organisation)
    for_customer = notifications.notify(organisation, "x", campaign=campaign)
    for_reviewers = notifications.notify_reviewers(organisation, "y", campaign=campaign)
    about_brand = notifications.notify(organisation, "z", brand=campaign.brand)
    assert notifications.link_of(for_customer) == reverse(
        "campaign_detail", args=[campaign.public_id]
    )
    assert notifications.link_of(for_reviewers) == reverse(
        "review_campaign", args=[campaign.public_id]
    )
    assert notifications.link_of(about_brand) == reverse(
        "brand_detail", args=[campaign.brand.public_id]
    )


def test_emails_follow_each_members_choice(
    organisation, owner, teammate, django_capture_on_commit_callbacks
):
    notifications.set_delivery(teammate, "off")
    with django_capture_on_commit_callbacks(execute=True):
        notifications.notify(organisation, "Campaign: Live", "It is live.")
    assert [m.to for m in mail.outbox] == [[owner.email]]

    notifications.set_delivery(owner, "daily")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notifications.notify(organisation, "Campaign: Rejected by the carriers")
    assert mail.outbox == []  # the owner gets it in the digest, the teammate not at all


def test_the_daily_digest_sends_once_a_day_what_came_since(organisation, owner, teammate):
    notifications.set_delivery(owner, "daily")
    campaign = submitted_campaign(organisation)
    notifications.notify(organisation, "First: Live", campaign=campaign)
    notifications.notify(organisation, "Second: Rejected", brand=campaign.brand)
    later = timezone.now() + timedelta(days=1, minutes=1)

    assert notifications.send_digests(now=timezone.now()) == 0  # not a day yet
    assert notifications.send_digests(now=later) == 1
    assert notifications.send_digests(now=later) == 0  # claimed: never twice

    digest = mail.outbox[-1]
    assert digest.to == [owner.email]
    assert digest.subject == "[Tendlc] Your daily summary: 2 updates"
    assert "First: Live" in digest.body and "Second: Rejected" in digest.body
    assert reverse("campaign_detail", args=[campaign.public_id]) in digest.body
    assert reverse("brand_detail", args=[campaign.brand.public_id]) in digest.alternatives[0][0]
    preference = EmailPreference.objects.get(user=owner)
    assert preference.digest_through == later


def test_a_digest_shows_no_other_organisations_notifications(organisation, owner, outsider):
    notifications.set_delivery(outsider, "daily")
    notifications.notify(organisation, "Alice's campaign: Live")
    assert notifications.send_digests(now=timezone.now() + timedelta(days=2)) == 0
    assert mail.outbox == []
