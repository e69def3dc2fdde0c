"""A task worker killed in the middle of its work leaves nothing stuck (issue 20, finding 3).

Real `db_worker` processes against the sandbox over HTTP, on the test database: the first is
SIGKILLed at the worst moment (a bulk job: Telnyx has assigned a number and the answer never
reached our database; reconciliation: in the middle of a periodic run), then a new worker is
started. Leases are a few seconds here (NUMBERS_BULK_LEASE_SECONDS, RECONCILE_LEASE_SECONDS)
so the takeover comes quickly; production waits two minutes.
"""

import io
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

import sandbox.views.numbers as sandbox_numbers
from compliance.models import BulkAssignment, PhoneNumber
from compliance.services import numbers
from compliance.tasks.reconcile import reconcile_statuses
from sandbox.models.numbers import NumberAssignment
from tests.services.test_submission_crash import _database_url

pytestmark = pytest.mark.django_db(transaction=True)

REPO = Path(__file__).resolve().parents[2]
DATABASE_TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "webhooks", "slow"],
    }
}
WORKER = ["manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.1"]

# The first worker: a real db_worker that stops for good once `after` Telnyx answers came back
# to the bulk job (the last of them never recorded), or once a reconciliation run has started.
HANGING_WORKER = textwrap.dedent(
    """
    import os, sys, threading, time, django
    django.setup()
    from django.core.management import call_command
    from compliance.services import numbers
    from compliance.tasks import reconcile

    marker, after = sys.argv[1], int(sys.argv[2])

    def mark(text):
        # Whole or not at all: the test polls for the file and reads it at once.
        with open(marker + ".part", "w") as part:
            part.write(text)
        os.replace(marker + ".part", marker)

    real_attempt, answers, lock = numbers.attempt_assignment, [], threading.Lock()

    def attempt_then_hang(client, phone_number, *args, **kwargs):
        outcome = real_attempt(client, phone_number, *args, **kwargs)
        with lock:
            answers.append(phone_number)
            last = len(answers) == after
        if last:
            mark(phone_number)  # answered, not recorded: kill us now
            time.sleep(600)
        return outcome

    def reconcile_then_hang(*args, **kwargs):
        mark("reconciling")
        time.sleep(600)

    numbers.attempt_assignment = attempt_then_hang
    reconcile.reconcile_all = reconcile_then_hang
    call_command(*sys.argv[3:])
    """
)


def _environment(telnyx_sandbox: str, live_url: str) -> dict:
    return os.environ | {
        "DJANGO_SETTINGS_MODULE": "compliance.settings",
        "DATABASE_URL": _database_url(),
        "TELNYX_BASE_URL": telnyx_sandbox,
        "APP_BASE_URL": live_url,
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "NUMBERS_BULK_LEASE_SECONDS": "3",
        "NUMBERS_BULK_CONCURRENCY": "4",
        "RECONCILE_EVERY_SECONDS": "1",
        "RECONCILE_LEASE_SECONDS": "3",
        "RECONCILE_MIN_INTERVAL": "0",
    }


def _kill_when_hung(env: dict, marker: Path, after: int = 0) -> str:
    """Start the hanging worker; SIGKILL it once it hung. Returns what it wrote."""
    command = [sys.executable, "-c", HANGING_WORKER, str(marker), str(after), *WORKER[1:]]
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
    return marker.read_text()


def _until(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"not within {seconds} s: {what}"
        time.sleep(0.2)


@pytest.fixture
def new_worker(telnyx_sandbox, live_server):
    started = []

    def start():
        env = _environment(telnyx_sandbox, live_server.url)
        started.append(subprocess.Popen([sys.executable, *WORKER], cwd=REPO, env=env))

    yield start
    for worker in started:
        worker.send_signal(signal.SIGKILL)
        worker.wait()


@pytest.fixture
def assignment_posts(monkeypatch) -> Counter:
    """Every assignment POST the sandbox (Telnyx) received, per number."""
    posts: Counter = Counter()
    lock = threading.Lock()
    real = sandbox_numbers._assignment_body

    def counted(request):
        phone_number, campaign = real(request)
        if request.method == "POST":
            with lock:
                posts[phone_number] += 1
        return phone_number, campaign

    monkeypatch.setattr(sandbox_numbers, "_assignment_body", counted)
    return posts


def test_a_worker_killed_mid_bulk_job_is_taken_over_and_each_number_assigned_once(
    tmp_path,
    telnyx_sandbox,
    live_server,
    telnyx,
    organisation,
    owner,
    make_profile,
    make_campaign,
    assignment_posts,
    new_worker,
):
    make_profile(30)
    numbers.sync_organisation(organisation, telnyx)
    campaign = make_campaign()
    with override_settings(TASKS=DATABASE_TASKS):
        job = numbers.start_bulk_assignment(
            organisation, owner, campaign, PhoneNumber.objects.filter(organisation=organisation)
        )

    env = _environment(telnyx_sandbox, live_server.url)
    unrecorded = _kill_when_hung(env, tmp_path / "hung", after=10)

    job.refresh_from_db()
    assert job.state == BulkAssignment.State.RUNNING and job.progress()["done"] < 30
    in_flight = job.items.get(number__phone_number=unrecorded)
    assert in_flight.state == "in_flight"  # Telnyx assigned it; our database never heard
    assert NumberAssignment.objects.filter(phone_number=unrecorded).exists()

    new_worker()
    _until(lambda: BulkAssignment.objects.get(pk=job.pk).is_finished, 45, "the job finishes")

    job.refresh_from_db()
    assert job.progress() == {"done": 30, "failed": 0, "remaining": 0, "percent": 100}
    phone_numbers = set(PhoneNumber.objects.values_list("phone_number", flat=True))
    assert len(phone_numbers) == 30
    assert assignment_posts == Counter(dict.fromkeys(phone_numbers, 1))  # each exactly once
    assert NumberAssignment.objects.filter(campaign_id=campaign.campaign_id).count() == 30
    assert PhoneNumber.objects.filter(campaign=campaign).count() == 30
    assert job.lease_holder == ""


def test_a_worker_killed_mid_reconciliation_leaves_the_schedule_and_it_runs_again(
    tmp_path, telnyx_sandbox, live_server, organisation, new_worker
):
    with override_settings(TASKS=DATABASE_TASKS):
        call_command("reconcile", "--loop", stdout=io.StringIO())

    env = _environment(telnyx_sandbox, live_server.url)
    assert _kill_when_hung(env, tmp_path / "hung") == "reconciling"

    runs = DBTaskResult.objects.filter(task_path=reconcile_statuses.module_path)
    assert runs.filter(status="RUNNING").count() == 1  # the dead run
    assert runs.filter(status="READY").count() == 1  # the next one was queued before it died

    new_worker()

    def reconciled() -> bool:
        done = runs.filter(status="SUCCESSFUL").values_list("return_value", flat=True)
        return any("campaigns_checked" in (value or {}) for value in done)

    _until(reconciled, 30, "a reconciliation runs again")
    assert runs.filter(status="READY").count() == 1  # and the schedule goes on
