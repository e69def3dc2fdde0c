"""Periodic work other than reconciliation survives a worker killed mid-run (issue 20: "periodic
work (reconciliation, profile polling, fee reminders) is a schedule that survives any crash").

Real `db_worker` processes on the test database against the sandbox over HTTP, as in
test_worker_crash.py: the first worker is SIGKILLed while it holds the work (following an
assign-by-profile task at Telnyx; recording the monthly fees), then a new worker is started:
the work runs again within a bounded time (leases of a few seconds here; two minutes in
production), and never twice at once (the lease; counted).
"""

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from compliance import leases
from compliance.models import FeeEntry, PhoneNumber, ProfileAssignmentTask
from compliance.services import ledger, numbers
from compliance.tasks import ledger as fee_tasks
from compliance.tasks.numbers import follow_profile_assignment_task
from tests import factories
from tests.services import test_worker_crash
from tests.services.test_worker_crash import DATABASE_TASKS, REPO, WORKER, _environment, _until

pytestmark = pytest.mark.django_db(transaction=True)

new_worker = test_worker_crash.new_worker  # the fixture that starts (and kills) new workers

# The first worker: a real db_worker that stops for good in the middle of the work, holding
# its lease (inside the profile task's poll; inside the fee pass).
HANGING_WORKER = textwrap.dedent(
    """
    import sys, time, django
    django.setup()
    from django.core.management import call_command
    from compliance.services import ledger, numbers

    marker = sys.argv[1]

    def hang(*args, **kwargs):
        open(marker, "w").write("working")  # holding the lease: kill us now
        time.sleep(600)

    numbers.poll_profile_assignment = hang
    ledger.campaigns_with_fee_due = hang
    call_command(*sys.argv[2:])
    """
)


def _kill_while_working(env: dict, marker) -> None:
    command = [sys.executable, "-c", HANGING_WORKER, str(marker), *WORKER[1:]]
    worker = subprocess.Popen(command, cwd=REPO, env=env)
    try:
        for _ in range(600):
            if marker.exists() or worker.poll() is not None:
                break
            time.sleep(0.05)
        assert marker.exists(), f"the worker stopped before it hung ({worker.returncode})"
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait()
    assert worker.returncode == -signal.SIGKILL


@pytest.fixture
def short_leases(monkeypatch):
    """Both workers (their environment is this process's, plus _environment's) get short
    leases: a takeover within seconds."""
    for name, value in {
        "NUMBERS_PROFILE_LEASE_SECONDS": "3",
        "FEES_EVERY_SECONDS": "1",
        "FEES_LEASE_SECONDS": "3",
    }.items():
        monkeypatch.setitem(os.environ, name, value)


def test_a_worker_killed_while_following_a_profile_task_is_followed_again_by_the_next(
    tmp_path,
    telnyx_sandbox,
    live_server,
    telnyx,
    organisation,
    owner,
    make_profile,
    make_campaign,
    short_leases,
    new_worker,
):
    profile = make_profile(4)
    numbers.sync_organisation(organisation, telnyx)
    campaign = make_campaign()
    with override_settings(TASKS=DATABASE_TASKS):
        task = numbers.start_profile_assignment(organisation, owner, profile, campaign, telnyx)

    env = _environment(telnyx_sandbox, live_server.url)
    _kill_while_working(env, tmp_path / "hung")

    task.refresh_from_db()
    assert not task.is_finished and task.polls == 0  # killed in its first poll
    turns = DBTaskResult.objects.filter(task_path=follow_profile_assignment_task.module_path)
    assert turns.filter(status="RUNNING").count() == 1  # the dead turn
    assert turns.filter(status="READY").count() == 1  # the next, queued before it polled

    new_worker()
    _until(
        lambda: ProfileAssignmentTask.objects.get(pk=task.pk).is_finished,
        45,
        "the profile task is followed to its end",
    )

    task.refresh_from_db()
    assert task.status == "completed" and task.error == ""
    assert task.numbers.count() == 4
    _until(
        lambda: PhoneNumber.objects.filter(campaign=campaign).count() == 4,
        15,
        "the numbers' assignments are read back",
    )
    # The chain ends with the task: a last turn finds it finished and queues nothing more.
    _until(lambda: not turns.filter(status="READY").exists(), 15, "the chain ends")


def test_a_worker_killed_while_recording_the_monthly_fees_leaves_the_schedule_and_it_runs_again(
    tmp_path, telnyx_sandbox, live_server, organisation, owner, short_leases, new_worker
):
    campaign = factories.live_campaign(
        organisation,
        monthly_cost=Decimal("2.00"),
        next_renewal_or_expiration=timezone.localdate() - timedelta(days=1),
    )
    with override_settings(TASKS=DATABASE_TASKS):
        assert fee_tasks.SCHEDULE.start()
        assert not fee_tasks.SCHEDULE.start()  # one chain

    env = _environment(telnyx_sandbox, live_server.url)
    _kill_while_working(env, tmp_path / "hung")

    runs = DBTaskResult.objects.filter(task_path=fee_tasks.record_monthly_fees_task.module_path)
    assert runs.filter(status="RUNNING").count() == 1  # the dead run, holding the fees lease
    assert runs.filter(status="READY").count() == 1  # the next run was queued before it died
    assert not FeeEntry.objects.exists()

    new_worker()

    def recorded() -> bool:
        done = runs.filter(status="SUCCESSFUL").values_list("return_value", flat=True)
        return any((value or {}).get("monthly_fees") == 1 for value in done)

    _until(recorded, 30, "the monthly fees are recorded by a later run")
    assert FeeEntry.objects.get().campaign == campaign  # once
    assert runs.filter(status="READY").count() == 1  # and the schedule goes on


def test_a_profile_task_turn_that_finds_the_lease_held_polls_nothing_but_keeps_the_chain(
    telnyx, organisation, owner, make_profile, make_campaign, settings, sandbox_requests_count
):
    profile = make_profile(2)
    numbers.sync_organisation(organisation, telnyx)
    campaign = make_campaign()
    settings.TASKS = DATABASE_TASKS  # so the turn's next turn is queued, not run
    task = numbers.start_profile_assignment(organisation, owner, profile, campaign, telnyx)
    DBTaskResult.objects.all().delete()
    assert leases.acquire(numbers.profile_lease(task.pk), 60, "another-worker")
    before = sandbox_requests_count()

    assert numbers.follow_profile_assignment(task.pk) is None

    task.refresh_from_db()
    assert task.polls == 0 and sandbox_requests_count() == before  # no second poller
    [turn] = DBTaskResult.objects.filter(task_path=follow_profile_assignment_task.module_path)
    assert turn.status == "READY" and turn.args_kwargs["args"] == [task.pk]


def test_monthly_fees_are_not_recorded_while_another_pass_holds_the_lease(organisation):
    factories.live_campaign(
        organisation, next_renewal_or_expiration=timezone.localdate() - timedelta(days=1)
    )
    assert leases.acquire(ledger.FEES_LEASE, 60, "another-worker")

    assert ledger.record_monthly_fees() == 0
    assert not FeeEntry.objects.exists()

    leases.release(ledger.FEES_LEASE, "another-worker")
    assert ledger.record_monthly_fees() == 1


@pytest.fixture
def sandbox_requests_count(monkeypatch):
    """How many requests reached the sandbox's Telnyx API."""
    from sandbox import api

    seen = []
    real = api.faults.take

    def counted(method, path):
        seen.append(path)
        return real(method, path)

    monkeypatch.setattr(api.faults, "take", counted)
    return lambda: len(seen)
