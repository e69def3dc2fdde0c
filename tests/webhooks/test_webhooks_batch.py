"""Stored events are applied in batches: one claim, a few loads and one write per table for up
to a hundred events, with the same lifecycle, the same timeline and the same notifications as
applying them one at a time."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from compliance.models import CampaignEvent, Notification, WebhookEvent
from compliance.services import webhooks
from compliance.services.webhooks import apply_pending_events, record_event
from tests.webhooks.webhook_helpers import encode, envelope, make_campaign, status_update

pytestmark = pytest.mark.django_db

Outcome = WebhookEvent.Outcome


def _store(payload) -> WebhookEvent:
    event, stored = record_event(encode(payload), {}, int(time.time()))
    assert stored
    return event


def _number_event(campaign_id: str, number: str) -> dict:
    return envelope(
        "10dlc.phone_number.update",
        {"campaignId": campaign_id, "phoneNumber": number, "type": "ASSIGNMENT", "status": "ADDED"},
    )


def test_a_batch_applies_status_and_number_events_in_order_with_few_statements(organisation):
    campaigns = [make_campaign(organisation, status="TCR_PENDING") for _ in range(3)]
    stored = []
    for index in range(90):
        campaign = campaigns[index % 3]
        stored.append(_store(_number_event(campaign.campaign_id, f"+1555000{index:04d}")))
    for campaign in campaigns:  # out of order: MNO first, then the earlier steps
        for type_ in ("MNO_REVIEW", "REGISTRATION", "TELNYX_REVIEW"):
            stored.append(_store(status_update(campaign.campaign_id, type_, "ACCEPTED")))
    stored.append(_store(status_update("unknown-campaign", "REGISTRATION", "ACCEPTED")))
    assert len(stored) == 100
    notified_before = Notification.objects.count()

    with CaptureQueriesContext(connection) as queries:
        assert apply_pending_events(batch=100) == 100

    for campaign in campaigns:
        campaign.refresh_from_db()
        assert campaign.campaign_status == "MNO_ACCEPTED"  # never moved back by the late ones
        timeline = list(campaign.events.order_by("pk"))
        assert len(timeline) == 33
        numbers = [e for e in timeline if e.description.startswith("Number")]
        assert [e.webhook_event_id for e in numbers] == sorted(e.webhook_event_id for e in numbers)
        moves = [(e.from_status, e.to_status) for e in timeline if e.event_status == "ACCEPTED"]
        assert moves == [
            ("TCR_PENDING", "MNO_ACCEPTED"),
            ("MNO_ACCEPTED", "MNO_ACCEPTED"),
            ("MNO_ACCEPTED", "MNO_ACCEPTED"),
        ]
    outcomes = dict(
        (o, WebhookEvent.objects.filter(outcome=o).count())
        for o in (Outcome.APPLIED, Outcome.IGNORED, Outcome.UNKNOWN_CAMPAIGN)
    )
    assert outcomes == {Outcome.APPLIED: 93, Outcome.IGNORED: 6, Outcome.UNKNOWN_CAMPAIGN: 1}
    assert not WebhookEvent.objects.filter(processed_at__isnull=True).exists()
    # The carriers' approval is a step between: no notification (as one event at a time).
    assert Notification.objects.count() == notified_before
    # Far below one statement per event: the claim, the loads, one write per table.
    assert len(queries) <= 15, [q["sql"][:80] for q in queries.captured_queries]


def test_a_second_pass_over_applied_events_does_nothing(organisation):
    campaign = make_campaign(organisation, status="TCR_PENDING")
    _store(status_update(campaign.campaign_id, "REGISTRATION", "ACCEPTED"))
    _store(_number_event(campaign.campaign_id, "+15550001111"))

    assert apply_pending_events() == 2
    assert apply_pending_events() == 0
    assert CampaignEvent.objects.filter(campaign=campaign).count() == 2


def test_a_batch_that_fails_is_rolled_back_and_its_events_applied_one_by_one(
    organisation, monkeypatch
):
    campaign = make_campaign(organisation, status="TCR_PENDING")
    _store(status_update(campaign.campaign_id, "REGISTRATION", "ACCEPTED"))
    _store(_number_event(campaign.campaign_id, "+15550001111"))
    calls = []

    def broken(*args, **kwargs):
        calls.append(args)
        raise RuntimeError("a bug in the batch write")

    monkeypatch.setattr(webhooks.EventBatch, "_write", broken)

    assert apply_pending_events() == 2

    assert len(calls) == 1  # the batch wrote nothing; the one-by-one path applied both
    assert not WebhookEvent.objects.filter(processed_at__isnull=True).exists()
    assert set(WebhookEvent.objects.values_list("outcome", flat=True)) == {Outcome.APPLIED}
    campaign.refresh_from_db()
    assert campaign.campaign_status == "TCR_ACCEPTED" and campaign.events.count() == 2


def _assignment_event(campaign_id: str, number: str, status: str) -> dict:
    return envelope(
        "10dlc.phone_number.update",
        {"campaignId": campaign_id, "phoneNumber": number, "assignmentStatus": status},
    )


def test_a_batch_of_assignment_records_moves_each_number_forward_once_in_few_statements(
    organisation,
):
    from django.utils import timezone

    from compliance.models import PhoneNumber

    campaign = make_campaign(organisation, status="MNO_PROVISIONED")
    numbers = PhoneNumber.objects.bulk_create(
        PhoneNumber(
            organisation=organisation,
            phone_number=f"+1312555{index:04d}",
            campaign=campaign,
            telnyx_campaign_id=campaign.campaign_id,
            assignment_status="PENDING_ASSIGNMENT",
            assignment_updated_at=timezone.now(),
        )
        for index in range(45)
    )
    for number in numbers:  # assigned, then a late "pending" that must not move it back
        _store(_assignment_event(campaign.campaign_id, number.phone_number, "ASSIGNED"))
    for number in numbers[:5]:
        _store(_assignment_event(campaign.campaign_id, number.phone_number, "PENDING_ASSIGNMENT"))
    _store(_assignment_event(campaign.campaign_id, "+13125559999", "ASSIGNED"))  # not ours

    with CaptureQueriesContext(connection) as queries:
        assert apply_pending_events(batch=100) == 51

    statuses = set(
        PhoneNumber.objects.filter(organisation=organisation).values_list(
            "assignment_status", flat=True
        )
    )
    assert statuses == {"ASSIGNED"}
    outcomes = [e.outcome for e in WebhookEvent.objects.order_by("pk")]
    assert outcomes == [Outcome.APPLIED] * 45 + [Outcome.IGNORED] * 5 + [Outcome.APPLIED]
    assert not CampaignEvent.objects.exists()  # routine progress: the numbers only
    assert len(queries) <= 15, [q["sql"][:80] for q in queries.captured_queries]


def test_the_batch_writes_each_row_exactly_as_bulk_update_would(organisation):
    """hot_sql.update_rows (one UPDATE … FROM unnest on PostgreSQL) stores what Django's
    bulk_update stores: texts with quotes and non-ASCII, empty and null values, a foreign key
    set and cleared, timestamps with their time zone; rows it is not given stay as they were."""
    from django.utils import timezone

    from compliance import hot_sql

    campaign = make_campaign(organisation, status="TCR_PENDING")
    events = [
        _store(status_update(campaign.campaign_id, step, "ACCEPTED"))
        for step in ("REGISTRATION", "TELNYX_REVIEW", "MNO_REVIEW")
    ]
    untouched = events.pop()
    when = timezone.now().replace(microsecond=123456)
    first, second = events
    first.note, first.error, first.outcome = "it's “quoted” — é", "", Outcome.APPLIED
    first.processed_at, first.campaign = when, campaign
    second.note, second.error, second.outcome = "", "Applying failed (KeyError).", Outcome.FAILED
    second.processed_at, second.campaign = None, None
    fields = ["processed_at", "outcome", "note", "error", "campaign"]

    assert hot_sql.update_rows(WebhookEvent, events, fields) == 2

    stored = {e.pk: e for e in WebhookEvent.objects.filter(pk__in=[first.pk, second.pk])}
    for event in events:
        row = stored[event.pk]
        assert (row.processed_at, row.outcome, row.note, row.error, row.campaign_id) == (
            event.processed_at,
            event.outcome,
            event.note,
            event.error,
            event.campaign_id,
        )
    untouched_now = WebhookEvent.objects.get(pk=untouched.pk)
    assert (untouched_now.outcome, untouched_now.processed_at) == (Outcome.RECEIVED, None)
    assert hot_sql.update_rows(WebhookEvent, [], fields) == 0
