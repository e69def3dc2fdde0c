"""Structured logs (compliance/logs.py): one JSON object per line, and the request id given
by RequestIdMiddleware carried into the tasks the request enqueues (compliance/deferred.py).
The same, across real processes under `manage.py serve`: tests/project/test_serve_process.py."""

import io
import json
import logging
import signal

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from compliance.logs import JsonFormatter, bound_request_id
from compliance.models import WebhookEvent
from compliance.telnyx.signatures import generate_keypair, sign_webhook
from tests.webhooks.webhook_helpers import encode, status_update


@pytest.fixture
def json_lines():
    """What the app logs meanwhile, through the production formatter; returns a reader."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)
    root.setLevel(level)


@pytest.fixture
def database_tasks(settings):
    """Tasks go to django-tasks-db's table, as deployed, instead of running at once."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default", "webhooks", "slow"],
        }
    }


def _run_worker(queue: str) -> None:
    """`db_worker --batch` in this process: runs what is due, then returns (its signal
    handlers are put back afterwards)."""
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("db_worker", "--batch", "--queue-name", queue, "--interval", "0")
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


def test_a_safe_incoming_request_id_is_kept_and_answered(client, db, json_lines):
    response = client.get("/accounts/login/", headers={"X-Request-ID": "proxy-4f2a9c1e"})

    assert response["X-Request-ID"] == "proxy-4f2a9c1e"
    access = [e for e in json_lines() if e["logger"] == "compliance.requests"]
    assert access[-1]["request_id"] == "proxy-4f2a9c1e"
    assert access[-1]["message"].startswith("GET account_login 200 in ")
    assert access[-1]["level"] == "INFO" and access[-1]["time"].endswith("+00:00")


@pytest.mark.parametrize(
    "incoming",
    [
        "short",  # under 8 characters
        "x" * 65,  # over 64
        "abc12345\ninjected log line",
        "<script>alert(1)</script>",
        "has spaces in it",
        "-leading-dash-1234",
        "",
    ],
)
def test_an_unsafe_or_missing_request_id_is_replaced_by_a_new_one(client, db, incoming):
    response = client.get("/accounts/login/", headers={"X-Request-ID": incoming})

    made = response["X-Request-ID"]
    assert made != incoming and len(made) == 32 and int(made, 16) >= 0
    assert client.get("/accounts/login/")["X-Request-ID"] != made  # one per request


def test_the_access_line_names_the_url_pattern_never_the_path_with_its_token(
    client, db, json_lines
):
    client.get("/accounts/password/reset/key/1-set-password-secret-token/")

    access = [e for e in json_lines() if e["logger"] == "compliance.requests"][-1]
    assert "secret-token" not in access["message"]
    assert access["message"].startswith("GET account_reset_password_from_key ")


def test_an_exception_is_one_json_line_with_its_traceback(json_lines):
    with bound_request_id("failing-request-1"):
        try:
            raise ValueError("boom")
        except ValueError:
            logging.getLogger("compliance.test").exception("it failed")

    (entry,) = [e for e in json_lines() if e["logger"] == "compliance.test"]
    assert entry["level"] == "ERROR" and entry["message"] == "it failed"
    assert entry["request_id"] == "failing-request-1"
    assert "Traceback" in entry["exception"] and "ValueError: boom" in entry["exception"]


@pytest.mark.django_db(transaction=True)
def test_a_requests_log_lines_and_its_tasks_log_lines_carry_the_same_id(
    client, settings, database_tasks, json_lines
):
    seed, public_key = generate_keypair()
    settings.TELNYX_PUBLIC_KEY = public_key
    request_id = "webhook-delivery-77a1"
    body = encode(status_update("not-ours", "MNO_REVIEW", "ACCEPTED"))
    response = client.post(
        "/webhooks/telnyx/",
        body,
        content_type="application/json",
        headers={**sign_webhook(body, seed), "X-Request-ID": request_id},
    )
    assert response.status_code == 200
    (queued,) = DBTaskResult.objects.filter(queue_name="webhooks")
    assert queued.args_kwargs["kwargs"] == {"request_id": request_id}

    _run_worker("webhooks")  # outside any request: only the task's argument carries the id

    assert WebhookEvent.objects.get().outcome == WebhookEvent.Outcome.UNKNOWN_CAMPAIGN
    lines = json_lines()
    request_lines = [e for e in lines if e["logger"] == "compliance.requests"]
    task_lines = [e for e in lines if e["logger"] == "compliance.deferred"]
    assert [e["request_id"] for e in request_lines] == [request_id]
    assert [e["message"].split(" in ")[0] for e in task_lines] == [
        "task apply_pending_webhook_events started",
        "task apply_pending_webhook_events finished",
    ]
    # Every line the task writes, from its start to its end, carries the request's id.
    start, end = (lines.index(e) for e in task_lines)
    assert {e["request_id"] for e in lines[start : end + 1]} == {request_id}


def test_work_enqueued_outside_a_request_carries_no_id(db, settings, database_tasks):
    from compliance import deferred

    deferred.schedule_once("apply_pending_webhook_events")

    (queued,) = DBTaskResult.objects.all()
    assert queued.args_kwargs["kwargs"] == {}


def test_a_failing_task_logs_its_traceback_with_the_requests_id(db, json_lines):
    from compliance import deferred
    from compliance.models import SiteCheck

    with bound_request_id("failing-task-request"):
        # Runs at once (the tests' immediate backend, which records the failure): no such row.
        deferred.schedule("run_site_check", 987654)
    assert not SiteCheck.objects.exists()

    failed = [e for e in json_lines() if e["message"] == "task run_site_check failed"]
    assert [e["request_id"] for e in failed] == ["failing-task-request"]
    assert "DoesNotExist" in failed[0]["exception"]
