"""Stored events are applied by a task that takes every event stored so far: a burst of
webhooks queues one task while it waits, and nothing stored is ever left behind."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from compliance.models import WebhookEvent
from compliance.services import webhooks
from compliance.services.webhooks import apply_pending_events
from compliance.tasks.sitecheck import run_site_check
from tests.webhooks.webhook_helpers import (
    encode,
    envelope,
    make_campaign,
    post_signed,
    status_update,
)

pytestmark = pytest.mark.django_db

Outcome = WebhookEvent.Outcome
LIFECYCLE = ("REGISTRATION", "TELNYX_REVIEW", "MNO_REVIEW")


@pytest.fixture
def queued(settings):
    """Tasks go to the database queue, as deployed (tests otherwise run them at once)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}


def _waiting() -> int:
    return DBTaskResult.objects.filter(status=TaskResultStatus.READY).count()


def _run_worker(queue_names: tuple[str, ...] | None = None) -> None:
    """What `manage.py db_worker` does with each queued task (the command itself closes the
    database connection when it ends, which a test inside a transaction cannot survive)."""
    worker = Worker(
        queue_names=list(queue_names or ["default"]),
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ready = DBTaskResult.objects.ready()
    if queue_names is not None:  # as `db_worker --queue-name ...` serves only its queues
        ready = ready.filter(queue_name__in=queue_names)
    while task := ready.get_locked():
        task.claim(worker.worker_id)
        worker.run_task(task)


def test_a_burst_of_events_queues_one_task_that_applies_them_all_in_order(
    client, seed, queued, organisation
):
    campaigns = [make_campaign(organisation, status="TCR_PENDING") for _ in range(3)]
    for type_ in LIFECYCLE:
        for campaign in campaigns:
            response = post_signed(
                client, status_update(campaign.campaign_id, type_, "ACCEPTED"), seed
            )
            assert response.json() == {"result": "accepted"}

    assert WebhookEvent.objects.filter(outcome=Outcome.RECEIVED).count() == 9
    assert _waiting() == 1

    _run_worker()

    assert set(WebhookEvent.objects.values_list("outcome", flat=True)) == {Outcome.APPLIED}
    for campaign in campaigns:
        campaign.refresh_from_db()
        assert campaign.campaign_status == "MNO_ACCEPTED"
        assert [e.event_type for e in campaign.events.order_by("pk")] == list(LIFECYCLE)
    assert _waiting() == 0


def test_once_the_task_has_started_the_next_event_queues_another(
    client, seed, queued, organisation
):
    campaign = make_campaign(organisation, status="TCR_PENDING")
    post_signed(client, status_update(campaign.campaign_id, "REGISTRATION", "ACCEPTED"), seed)
    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING)  # a worker took it

    post_signed(client, status_update(campaign.campaign_id, "TELNYX_REVIEW", "ACCEPTED"), seed)

    assert _waiting() == 1
    assert DBTaskResult.objects.count() == 2


def test_a_duplicate_of_an_applied_event_queues_nothing(client, seed, queued, organisation):
    campaign = make_campaign(organisation, status="TCR_PENDING")
    body = envelope("10dlc.campaign.update", {"campaignId": campaign.campaign_id})
    post_signed(client, body, seed)
    _run_worker()
    assert WebhookEvent.objects.get().processed_at is not None
    DBTaskResult.objects.all().delete()

    response = post_signed(client, body, seed)

    assert response.json() == {"result": "duplicate"}
    assert not DBTaskResult.objects.exists()


def test_a_redelivery_of_an_event_left_unapplied_queues_its_task_again(
    client, seed, queued, organisation
):
    campaign = make_campaign(organisation, status="TCR_PENDING")
    body = envelope("10dlc.campaign.update", {"campaignId": campaign.campaign_id})
    post_signed(client, body, seed)
    DBTaskResult.objects.all().delete()  # stored, then the process stopped before queueing

    response = post_signed(client, body, seed)  # Telnyx delivers it again

    assert response.json() == {"result": "duplicate"}
    assert _waiting() == 1
    assert WebhookEvent.objects.count() == 1


def test_an_event_that_fails_to_apply_is_marked_failed_and_the_rest_still_apply(
    client, seed, queued, organisation, monkeypatch
):
    campaign = make_campaign(organisation, status="TCR_PENDING")
    post_signed(client, status_update(campaign.campaign_id, "REGISTRATION", "ACCEPTED"), seed)
    post_signed(client, envelope("10dlc.brand.update", {"brandId": campaign.brand.brand_id}), seed)
    post_signed(client, status_update(campaign.campaign_id, "TELNYX_REVIEW", "ACCEPTED"), seed)

    def broken(event, parsed):
        raise RuntimeError("a bug in a handler")

    monkeypatch.setitem(webhooks._HANDLERS, webhooks.BRAND_KIND, broken)

    assert apply_pending_events() == 3

    outcomes = dict(WebhookEvent.objects.values_list("kind", "outcome"))
    assert outcomes == {
        "campaignStatusUpdate": Outcome.APPLIED,
        "10dlc.brand.update": Outcome.FAILED,
    }
    failed = WebhookEvent.objects.get(kind="10dlc.brand.update")
    assert failed.processed_at and "RuntimeError" in failed.error
    campaign.refresh_from_db()
    assert campaign.campaign_status == "TELNYX_ACCEPTED"
    assert apply_pending_events() == 0


def test_applying_runs_in_batches_until_nothing_is_left(client, seed, queued, organisation):
    campaign = make_campaign(organisation, status="TCR_PENDING")
    for type_ in LIFECYCLE:
        post_signed(client, status_update(campaign.campaign_id, type_, "ACCEPTED"), seed)

    assert apply_pending_events(batch=2) == 3

    campaign.refresh_from_db()
    assert campaign.campaign_status == "MNO_ACCEPTED"
    assert not WebhookEvent.objects.filter(processed_at__isnull=True).exists()


def test_reconciliation_applies_events_that_no_task_took(client, seed, queued, organisation):
    campaign = make_campaign(organisation, status="TCR_PENDING")
    post_signed(client, status_update(campaign.campaign_id, "REGISTRATION", "ACCEPTED"), seed)
    DBTaskResult.objects.all().delete()  # the process stopped before its task was queued
    campaign.campaign_status = "TCR_EXPIRED"  # settled: reconciliation reads nothing back
    campaign.save()
    out = StringIO()

    call_command("reconcile", stdout=out)

    assert "Applied 1 stored webhook events." in out.getvalue()
    assert "Checked 0 brands and 0 campaigns" in out.getvalue()
    event = WebhookEvent.objects.get()
    assert event.processed_at is not None and event.outcome == Outcome.IGNORED


def test_with_tasks_run_at_once_the_event_is_applied_before_the_answer(client, seed, organisation):
    campaign = make_campaign(organisation, status="TCR_PENDING")

    post_signed(
        client, encode(status_update(campaign.campaign_id, "REGISTRATION", "ACCEPTED")), seed
    )

    campaign.refresh_from_db()
    assert campaign.campaign_status == "TCR_ACCEPTED"
    assert WebhookEvent.objects.get().outcome == Outcome.APPLIED


class _Stopped(BaseException):
    """The process stopping mid-apply (a deploy's SIGKILL, an OOM kill): nothing catches it."""


def test_an_apply_stopped_half_way_leaves_the_event_pending_for_the_next_run(
    client, seed, queued, organisation, monkeypatch
):
    campaign = make_campaign(organisation, status="TCR_PENDING")
    post_signed(client, status_update(campaign.campaign_id, "REGISTRATION", "ACCEPTED"), seed)

    def stop(*args, **kwargs):
        raise _Stopped

    with monkeypatch.context() as patch:
        patch.setattr(webhooks, "_notify_campaign_change", stop)  # after status and timeline
        with pytest.raises(_Stopped):
            apply_pending_events()

    event = WebhookEvent.objects.get()
    assert (event.processed_at, event.outcome) == (None, Outcome.RECEIVED)
    campaign.refresh_from_db()
    assert campaign.campaign_status == "TCR_PENDING" and not campaign.events.exists()

    assert apply_pending_events() == 1
    campaign.refresh_from_db()
    assert campaign.campaign_status == "TCR_ACCEPTED"
    assert campaign.events.count() == 1
    assert WebhookEvent.objects.get().outcome == Outcome.APPLIED


@pytest.mark.django_db(transaction=True)
def test_a_read_back_runs_after_the_event_is_committed_outside_any_transaction(
    client, seed, organisation, monkeypatch
):
    from django.db import connection

    campaign = make_campaign(organisation, status="MNO_PENDING")
    seen = {}

    def read_back(campaign):
        event = WebhookEvent.objects.get()
        seen.update(atomic=connection.in_atomic_block, outcome=event.outcome)
        return webhooks.StatusChange("MNO_REJECTED", "MNO_REJECTED")

    monkeypatch.setattr(webhooks, "read_back_campaign", read_back)
    post_signed(client, status_update(campaign.campaign_id, "MNO_REVIEW", "REJECTED"), seed)

    assert seen == {"atomic": False, "outcome": Outcome.APPLIED}
    event = WebhookEvent.objects.get()
    assert event.processed_at and event.outcome == Outcome.APPLIED
    campaign.refresh_from_db()
    assert campaign.campaign_status == "MNO_REJECTED"


def test_a_burst_of_site_checks_does_not_delay_a_webhook_apply(
    client, seed, settings, organisation
):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default", "webhooks", "slow"],
        }
    }
    for check_pk in range(1, 21):
        run_site_check.enqueue(check_pk)
    campaign = make_campaign(organisation, status="TCR_PENDING")
    post_signed(client, status_update(campaign.campaign_id, "TELNYX_REVIEW", "ACCEPTED"), seed)

    _run_worker(queue_names=("webhooks",))

    campaign.refresh_from_db()
    assert WebhookEvent.objects.get().outcome == Outcome.APPLIED
    assert campaign.events.count() == 1
    slow = DBTaskResult.objects.filter(queue_name="slow")
    assert slow.count() == 20
    assert set(slow.values_list("status", flat=True)) == {TaskResultStatus.READY}


def test_two_workers_both_apply_events_from_one_stored_backlog(
    client, seed, queued, organisation, monkeypatch
):
    """A burst stored while no worker ran holds ONE apply task (the receiver queues one only
    when none waits). The task's first full batch queues one more, so a second worker joins
    while the first is still draining; every event is applied once, by one or the other."""
    campaign = make_campaign(organisation, status="TCR_PENDING")
    for index in range(250):
        payload = {
            "campaignId": campaign.campaign_id,
            "phoneNumber": f"+1555{index:07d}",
            "type": "ASSIGNMENT",
            "status": "ADDED",
        }
        post_signed(client, envelope("10dlc.phone_number.update", payload), seed)
    assert _waiting() == 1  # the whole backlog behind one task

    real_run, calls, waiting = webhooks.EventBatch.run, [], []

    def run_and_let_the_second_worker_in(self):
        calls.append(self)
        if len(calls) == 2:  # worker 1 has applied its first batch and goes on; meanwhile
            waiting.append(_waiting())  # a task waits for an idle worker: worker 2 takes it
            _run_worker()
        return real_run(self)

    monkeypatch.setattr(webhooks.EventBatch, "run", run_and_let_the_second_worker_in)
    _run_worker()

    returned = sorted(
        DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).values_list(
            "return_value", flat=True
        )
    )
    applied_by_task = [value for value in returned if value]
    assert waiting == [1]
    assert len(applied_by_task) == 2 and sum(applied_by_task) == 250  # both applied some
    assert min(applied_by_task) >= 100
    assert not WebhookEvent.objects.filter(processed_at__isnull=True).exists()
    assert set(WebhookEvent.objects.values_list("outcome", flat=True)) == {Outcome.APPLIED}
    assert _waiting() == 0  # never more than one waited; the last one found nothing


def test_a_backlog_in_tasks_run_at_once_queues_nothing_more(client, seed, organisation):
    """Without a queue (tasks run at once) a backlog is drained by the one call."""
    campaign = make_campaign(organisation, status="TCR_PENDING")
    for type_ in LIFECYCLE:
        post_signed(client, status_update(campaign.campaign_id, type_, "ACCEPTED"), seed)
    assert apply_pending_events(batch=1) == 0
    assert not DBTaskResult.objects.exists()
