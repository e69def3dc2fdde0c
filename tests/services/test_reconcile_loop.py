"""`manage.py reconcile --loop`: one self-re-enqueuing run on the database task backend."""

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from compliance import leases
from compliance.tasks.reconcile import LEASE, reconcile_statuses

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}


def test_loop_enqueues_one_periodic_run(database_tasks):
    out = io.StringIO()

    call_command("reconcile", "--loop", stdout=out)
    call_command("reconcile", "--loop", stdout=out)

    assert DBTaskResult.objects.filter(task_path=reconcile_statuses.module_path).count() == 1
    assert "already scheduled" in out.getvalue()


def test_a_periodic_run_enqueues_the_next_one_later(database_tasks, settings):
    settings.RECONCILE_EVERY_SECONDS = 600

    result = reconcile_statuses.call(repeat=True)

    assert result == {
        "campaigns_checked": 0,
        "brands_checked": 0,
        "events_applied": 0,
        "stale_submissions": 0,
        "monthly_fees": 0,
        "stalled_jobs": 0,
        "vettings_checked": 0,
        "numbers_followed": 0,
        "changes": [],
        "errors": [],
    }
    following = DBTaskResult.objects.get(task_path=reconcile_statuses.module_path)
    assert following.args_kwargs["kwargs"] == {"repeat": True}
    expected = timezone.now() + timedelta(seconds=600)
    assert abs(following.run_after - expected) < timedelta(seconds=30)


def test_loop_refuses_a_backend_that_cannot_run_tasks_later():
    with pytest.raises(CommandError, match="db_worker"):
        call_command("reconcile", "--loop")


def test_a_run_whose_worker_died_does_not_block_a_new_loop(database_tasks, settings):
    settings.RECONCILE_LEASE_SECONDS = 120
    dead_run = reconcile_statuses.enqueue(repeat=True)
    DBTaskResult.objects.filter(id=dead_run.id).update(
        status="RUNNING", started_at=timezone.now() - timedelta(seconds=121)
    )
    out = io.StringIO()

    call_command("reconcile", "--loop", stdout=out)

    assert "already scheduled" not in out.getvalue()
    assert DBTaskResult.objects.get(id=dead_run.id).status == "FAILED"
    assert (
        DBTaskResult.objects.filter(
            task_path=reconcile_statuses.module_path, status="READY"
        ).count()
        == 1
    )


def test_a_run_within_its_lease_still_counts_as_scheduled(database_tasks, settings):
    settings.RECONCILE_LEASE_SECONDS = 120
    live_run = reconcile_statuses.enqueue(repeat=True)
    DBTaskResult.objects.filter(id=live_run.id).update(
        status="RUNNING", started_at=timezone.now() - timedelta(seconds=30)
    )
    out = io.StringIO()

    call_command("reconcile", "--loop", stdout=out)

    assert "already scheduled" in out.getvalue()
    assert DBTaskResult.objects.get(id=live_run.id).status == "RUNNING"


def test_a_run_enqueues_the_next_one_before_it_works_so_a_crash_keeps_the_schedule(
    database_tasks, monkeypatch
):
    def killed(*args, **kwargs):
        raise SystemExit("the worker died mid-run")

    monkeypatch.setattr("compliance.tasks.reconcile.reconcile_all", killed)

    with pytest.raises(SystemExit):
        reconcile_statuses.call(repeat=True)

    following = DBTaskResult.objects.get(task_path=reconcile_statuses.module_path)
    assert following.status == "READY" and following.args_kwargs["kwargs"] == {"repeat": True}


def test_two_reconciliation_runs_never_overlap(database_tasks, settings):
    settings.RECONCILE_LEASE_SECONDS = 120
    assert leases.acquire(LEASE, 120, "the-other-worker")

    result = reconcile_statuses.call(repeat=True)

    assert result == {"skipped": "another reconciliation is running"}
    assert DBTaskResult.objects.filter(task_path=reconcile_statuses.module_path).count() == 1


def test_a_reconciliation_lease_whose_worker_died_is_taken_over(database_tasks, settings):
    settings.RECONCILE_LEASE_SECONDS = 120
    assert leases.acquire(LEASE, 120, "the-dead-worker")
    leases.WorkLease.objects.filter(name=LEASE).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )

    result = reconcile_statuses.call()

    assert "campaigns_checked" in result
    assert leases.WorkLease.objects.get(name=LEASE).holder == ""  # released after the run
