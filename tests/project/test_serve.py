"""The production serve command and its health endpoints (/healthz, /readyz). `manage.py serve`
as real processes: tests/project/test_serve_process.py."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max


def test_healthz_answers_for_the_database_and_each_queue(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["database"] == "ok" and body["stalled"] == []
    assert set(body["queues"]) == {"default", "webhooks", "slow"}
    assert response["Cache-Control"].startswith("max-age=0")


def test_healthz_is_503_when_a_queue_has_no_worker(client, settings, db):
    DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="compliance.tasks.reconcile.reconcile_all",
        queue_name="slow",
        backend_name="default",
        run_after=get_date_max(),
    )
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=10))
    settings.HEALTH_QUEUE_MAX_AGE_SECONDS = 300
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["stalled"] == ["slow"]
    assert response.json()["queues"]["slow"]["waiting"] == 1


def test_readyz_says_whether_every_migration_is_applied(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200 and response.json() == {"migrations": "applied"}


def test_serve_refuses_debug_unless_asked(settings):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="DEBUG is on"):
        call_command("serve")
