"""Leases for background work with no row of its own (compliance/leases.py)."""

import time

import pytest

from compliance import leases
from compliance.models import WorkLease

pytestmark = pytest.mark.django_db(transaction=True)  # the renewer thread has its own connection


def test_a_held_lease_is_renewed_while_the_work_runs_and_released_after():
    with leases.held("work", 0.6) as ours:
        assert ours
        first = WorkLease.objects.get(name="work").expires_at
        time.sleep(0.9)  # longer than the lease: only the renewals keep it
        assert not leases.acquire("work", 0.6, "another-worker")
        assert WorkLease.objects.get(name="work").expires_at > first
    assert WorkLease.objects.get(name="work").holder == ""
    assert leases.acquire("work", 0.6, "another-worker")


def test_a_lease_held_by_another_worker_is_not_taken_until_it_runs_out():
    assert leases.acquire("work", 0.3, "a-worker-that-dies")
    with leases.held("work", 5) as ours:
        assert not ours
    time.sleep(0.4)
    with leases.held("work", 5) as ours:
        assert ours
