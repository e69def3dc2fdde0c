"""Leases of bulk assignment jobs (issue 20, finding 3): a job whose worker died is taken up
again once its lease runs out, never by two workers at once, and a number that was in flight
is read back at Telnyx before anything is sent again. The real crash (a db_worker SIGKILLed
mid-job) is tests/services/test_worker_crash.py."""

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from compliance.models import Brand, BulkAssignment, BulkAssignmentItem, Campaign, PhoneNumber
from compliance.services import numbers
from compliance.services.reconcile import reconcile_all
from sandbox.models.numbers import NumberAssignment

pytestmark = pytest.mark.django_db(transaction=True)


class PostCounter:
    """The Telnyx client, counting the assignment POSTs per number."""

    def __init__(self, client):
        self.client = client
        self.posts: Counter = Counter()

    def __getattr__(self, name):
        return getattr(self.client, name)

    def assign_number(self, phone_number, *args, **kwargs):
        self.posts[phone_number] += 1
        return self.client.assign_number(phone_number, *args, **kwargs)


@pytest.fixture
def job(telnyx, organisation, make_profile, make_campaign):
    make_profile(6)
    numbers.sync_organisation(organisation, telnyx)
    campaign = make_campaign()
    job = BulkAssignment.objects.create(organisation=organisation, campaign=campaign, total=6)
    BulkAssignmentItem.objects.bulk_create(
        BulkAssignmentItem(job=job, number=number) for number in PhoneNumber.objects.all()
    )
    return job


def _as_if_a_worker_died_long_ago(job, *, in_flight: str):
    """The job's worker was killed after Telnyx assigned `in_flight`, before it recorded it."""
    past = timezone.now() - timedelta(seconds=1)
    BulkAssignment.objects.filter(pk=job.pk).update(
        state="running", lease_holder="dead-worker", lease_expires_at=past
    )
    job.items.filter(number__phone_number=in_flight).update(
        state="in_flight", attempts=1, lease_expires_at=past
    )
    NumberAssignment.objects.create(
        phone_number=in_flight, campaign_id=job.campaign.campaign_id, assignment_status="ASSIGNED"
    )


def test_a_job_whose_worker_died_is_taken_over_and_its_in_flight_number_read_back(job, telnyx):
    _as_if_a_worker_died_long_ago(job, in_flight="+13125550002")
    counter = PostCounter(telnyx)

    job = numbers.run_bulk_assignment(job.pk, client=counter)

    assert job.state == "finished" and job.progress()["done"] == 6
    assert counter.posts["+13125550002"] == 0  # found assigned at Telnyx: not sent again
    assert sorted(counter.posts.values()) == [1] * 5
    assert job.lease_holder == "" and job.lease_expires_at is None
    assert not job.items.exclude(lease_expires_at=None).exists()


def test_a_job_whose_worker_holds_a_live_lease_is_not_run_twice(job, telnyx):
    BulkAssignment.objects.filter(pk=job.pk).update(
        state="running",
        lease_holder="live-worker",
        lease_expires_at=timezone.now() + timedelta(seconds=60),
    )
    counter = PostCounter(telnyx)

    job = numbers.run_bulk_assignment(job.pk, client=counter)

    assert counter.posts == Counter()
    assert job.state == "running" and job.progress()["done"] == 0
    assert not job.items.exclude(state="pending").exists()


def test_an_in_flight_item_within_its_lease_is_not_claimed_again(job):
    job.items.filter(number__phone_number="+13125550000").update(
        state="in_flight", attempts=1, lease_expires_at=timezone.now() + timedelta(seconds=60)
    )
    claimed = numbers._claim_batch(job, 10)
    assert "+13125550000" not in {item.number.phone_number for item in claimed}
    assert len(claimed) == 5
    assert all(item.lease_expires_at > timezone.now() for item in claimed)


def test_an_outcome_is_not_recorded_by_a_worker_whose_item_was_taken_over(job):
    (item,) = numbers._claim_batch(job, 1)
    BulkAssignmentItem.objects.filter(pk=item.pk).update(attempts=2)  # another worker's claim

    numbers._record_outcome(item, numbers.Outcome("failed", reason="late"), {})

    assert BulkAssignmentItem.objects.get(pk=item.pk).state == "in_flight"


def test_a_job_within_its_lease_or_finished_is_not_swept(job):
    BulkAssignment.objects.filter(pk=job.pk).update(
        state="running", lease_holder="w", lease_expires_at=timezone.now() + timedelta(seconds=9)
    )
    assert numbers.requeue_stalled_jobs() == 0
    BulkAssignment.objects.filter(pk=job.pk).update(
        state="finished", lease_expires_at=timezone.now() - timedelta(seconds=9)
    )
    assert numbers.requeue_stalled_jobs() == 0


def test_reconciliation_enqueues_a_stalled_job_again(job, telnyx, monkeypatch):
    _as_if_a_worker_died_long_ago(job, in_flight="+13125550004")
    monkeypatch.setattr("compliance.services.reconcile.unsettled_brands", Brand.objects.none)
    monkeypatch.setattr("compliance.services.reconcile.unsettled_campaigns", Campaign.objects.none)

    report = reconcile_all(client=telnyx)  # the immediate backend runs the job at once

    assert report.stalled_jobs == 1
    job.refresh_from_db()
    assert job.state == "finished" and job.progress()["done"] == 6
    assert NumberAssignment.objects.count() == 6
