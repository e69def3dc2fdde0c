"""`manage.py digests --loop`: one self-re-enqueuing run on the database task backend, which
survives a worker killed in the middle of a run."""

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from compliance.tasks.digests import send_daily_digests

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}


def runs():
    return DBTaskResult.objects.filter(task_path=send_daily_digests.module_path)


def test_loop_enqueues_one_periodic_run(database_tasks):
    out = io.StringIO()
    call_command("digests", "--loop", stdout=out)
    call_command("digests", "--loop", stdout=out)
    assert runs().count() == 1
    assert "already scheduled" in out.getvalue()


def test_a_run_enqueues_the_next_one_before_it_works(database_tasks, settings):
    settings.DIGEST_EVERY_SECONDS = 3600
    assert send_daily_digests.call(repeat=True) == {"digests_sent": 0}
    following = runs().get()
    assert following.args_kwargs["kwargs"] == {"repeat": True}
    expected = timezone.now() + timedelta(seconds=3600)
    assert abs(following.run_after - expected) < timedelta(seconds=30)


def test_a_run_whose_worker_died_does_not_block_a_new_loop(database_tasks, settings):
    settings.DIGEST_STALE_SECONDS = 600
    dead = send_daily_digests.enqueue(repeat=True)
    runs().filter(id=dead.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - timedelta(hours=1)
    )
    out = io.StringIO()
    call_command("digests", "--loop", stdout=out)
    assert "started" in out.getvalue()
    assert runs().filter(status=TaskResultStatus.READY).count() == 1


def test_loop_refuses_a_backend_that_cannot_run_tasks_later():
    with pytest.raises(CommandError, match="db_worker"):
        call_command("digests", "--loop")
