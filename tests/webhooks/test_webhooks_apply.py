"""Applying stored events: replay of early events, status changes, who is told."""

import pytest
from django.core import mail

from compliance.models import CampaignEvent, Notification, WebhookEvent
from compliance.services.webhooks import apply_campaign_status, apply_event, replay_pending_events
from tests.webhooks.webhook_helpers import make_campaign, post_signed, status_update

pytestmark = pytest.mark.django_db


def test_events_that_arrived_before_the_campaign_id_was_stored_are_replayed(
    client, seed, organisation
):
    early = "7c1c5a1e-0000-4000-8000-000000000001"
    for type_ in ("REGISTRATION", "TELNYX_REVIEW"):
        post_signed(client, status_update(early, type_, "ACCEPTED"), seed)
    post_signed(client, status_update("someone-elses", "REGISTRATION", "ACCEPTED"), seed)
    assert WebhookEvent.objects.filter(outcome=WebhookEvent.Outcome.UNKNOWN_CAMPAIGN).count() == 3
    campaign = make_campaign(organisation, status="TCR_PENDING", campaign_id=early)

    assert replay_pending_events(campaign) == 2

    campaign.refresh_from_db()
    assert campaign.campaign_status == "TELNYX_ACCEPTED"
    assert [e.event_type for e in campaign.events.all()] == ["REGISTRATION", "TELNYX_REVIEW"]
    assert set(
        WebhookEvent.objects.filter(telnyx_campaign_id=early).values_list("outcome", flat=True)
    ) == {WebhookEvent.Outcome.APPLIED}
    assert WebhookEvent.objects.get(telnyx_campaign_id="someone-elses").outcome == (
        WebhookEvent.Outcome.UNKNOWN_CAMPAIGN
    )
    assert replay_pending_events(campaign) == 0
    assert campaign.events.count() == 2


def test_applying_a_stored_event_twice_does_nothing_the_second_time(client, seed, organisation):
    campaign = make_campaign(organisation, status="TCR_ACCEPTED")
    post_signed(client, status_update(campaign.campaign_id, "TELNYX_REVIEW", "ACCEPTED"), seed)
    event = WebhookEvent.objects.get()

    apply_event(event)

    assert campaign.events.count() == 1
    # An acceptance on the way is on the timeline, not a notification (only live, rejected,
    # suspended or expired are: lifecycle.WORTH_TELLING).
    assert Notification.objects.count() == 0


def test_a_rejection_tells_the_organisation_and_the_reviewers(
    organisation, teammate, outsider, reviewer, django_capture_on_commit_callbacks
):
    campaign = make_campaign(organisation, status="MNO_PENDING")

    with django_capture_on_commit_callbacks(execute=True):
        change = apply_campaign_status(
            campaign,
            "MNO_REJECTED",
            kind=CampaignEvent.Kind.WEBHOOK,
            event_type="MNO_REVIEW",
            detail="Opt-in",
        )

    assert (change.before, change.after, change.changed) == ("MNO_PENDING", "MNO_REJECTED", True)
    customer = Notification.objects.get(audience=Notification.Audience.CUSTOMER)
    reviewers = Notification.objects.get(audience=Notification.Audience.REVIEWERS)
    assert customer.organisation == reviewers.organisation == organisation
    assert "appeal" in customer.body and "Opt-in" in customer.body
    assert reviewers.title.startswith("Rejected:")
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["alice@example.com", "bob@example.com", "rita@example.com"]
    assert all(len(m.to) == 1 for m in mail.outbox)  # nobody sees another's address
    assert "mallory@example.com" not in recipients


def test_an_acceptance_does_not_bother_the_reviewers(organisation, reviewer):
    campaign = make_campaign(organisation, status="MNO_PENDING")

    apply_campaign_status(campaign, "MNO_ACCEPTED", kind=CampaignEvent.Kind.WEBHOOK)

    assert not Notification.objects.filter(audience=Notification.Audience.REVIEWERS).exists()


def test_an_authoritative_read_back_may_move_a_campaign_down(organisation):
    campaign = make_campaign(organisation, status="MNO_REJECTED")

    change = apply_campaign_status(
        campaign, "TCR_ACCEPTED", kind=CampaignEvent.Kind.RECONCILE, authoritative=True
    )

    assert change.after == "TCR_ACCEPTED"
    entry = campaign.events.get()
    assert (entry.kind, entry.from_status, entry.to_status) == (
        "reconcile",
        "MNO_REJECTED",
        "TCR_ACCEPTED",
    )


def test_a_read_back_that_changes_nothing_leaves_no_timeline_entry(organisation):
    campaign = make_campaign(organisation, status="MNO_PENDING")

    change = apply_campaign_status(
        campaign, "MNO_PENDING", kind=CampaignEvent.Kind.RECONCILE, authoritative=True
    )

    assert not change.changed
    assert not campaign.events.exists()
    assert not Notification.objects.exists()
