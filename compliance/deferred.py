"""The one way the app schedules deferred work.

Services say *what* should run later, by name; compliance/tasks/ says *how*, registering each
task under its function's name with `@deferrable`. So services never import tasks (the rooms'
direction is tasks → services, docs/ARCHITECTURE.md) and there is one place that knows about
delays, backends that cannot defer, and transactions:

- `on_commit=True` enqueues once the surrounding transaction commits (nothing is scheduled for
  a rolled-back change); outside a transaction it enqueues at once.
- `delay` seconds later where the backend can defer (the database backend); a backend that
  cannot (the immediate backend of the tests) runs it now.
"""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db import connections, router, transaction
from django.tasks import Task, TaskResultStatus
from django.utils import timezone
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from compliance import hot_sql

_TASKS: dict[str, Task] = {}


def deferrable[T: Task](task: T) -> T:
    """Register a task under its function's name so that services can schedule it."""
    _TASKS[task.name] = task
    return task


def schedule(name: str, *args: Any, delay: float = 0, on_commit: bool = False) -> None:
    """Run the task registered as `name` with `args`, `delay` seconds from now."""
    task = _task(name)

    def enqueue() -> None:
        deferred = task
        if delay > 0 and task.get_backend().supports_defer:
            deferred = task.using(run_after=timezone.now() + timedelta(seconds=delay))
        deferred.enqueue(*args)

    _when(on_commit)(enqueue)


def schedule_later(name: str, *args: Any, delay: float) -> bool:
    """A check-back: run the task registered as `name` `delay` seconds from now where the
    backend can defer, and nothing otherwise (a backend that runs tasks at once would run it
    now, inside the work it checks on). True when it was enqueued."""
    task = _task(name)
    if not task.get_backend().supports_defer:
        return False
    task.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(*args)
    return True


def schedule_once(name: str) -> None:
    """Make sure a run of the task registered as `name` (which takes no arguments) starts
    after this moment: enqueue one unless one is already waiting, not started, in the
    database queue (it will start later and see whatever was stored before). One indexed
    read, cheap enough for the webhook receiver's hot path."""
    task = _task(name)
    if not _waiting_in_queue(task):
        task.enqueue()


def _waiting_in_queue(task: Task) -> bool:
    backend = task.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return False
    using = router.db_for_read(DBTaskResult)
    params = [TaskResultStatus.READY, task.module_path, backend.alias]
    return hot_sql.fetch_one(_waiting_sql(connections[using]), params, using=using) is not None


def _waiting_sql(connection) -> str:
    # Identifiers come from the model and are quoted; every value is a parameter.
    quote, meta = connection.ops.quote_name, DBTaskResult._meta
    where = " AND ".join(
        f"{quote(meta.get_field(name).column)} = %s"  # type: ignore[union-attr]  # concrete fields
        for name in ("status", "task_path", "backend_name")
    )
    return f"SELECT 1 FROM {quote(meta.db_table)} WHERE {where} LIMIT 1"  # noqa: S608


def repeating_run_alive(task: Task, stale_after_seconds: float) -> bool:
    """Whether a self-re-enqueuing run of `task` is waiting, or running for less than
    `stale_after_seconds` (so a --loop command starts one chain, never two).

    A worker killed mid-run leaves its row RUNNING forever; past `stale_after_seconds` that row
    is marked failed, so the schedule survives the crash instead of reading as alive.
    """
    if not isinstance(task.get_backend(), DatabaseBackend):
        return False
    runs = DBTaskResult.objects.filter(task_path=task.module_path)
    expired_before = timezone.now() - timedelta(seconds=stale_after_seconds)
    runs.filter(status=TaskResultStatus.RUNNING, started_at__lt=expired_before).update(
        status=TaskResultStatus.FAILED, finished_at=timezone.now()
    )
    return runs.filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]).exists()


def _task(name: str) -> Task:
    # compliance/apps.py imports compliance.tasks when Django starts, which registers them all.
    try:
        return _TASKS[name]
    except KeyError:
        raise LookupError(f"No deferrable task named {name!r} in compliance/tasks/") from None


def _when(on_commit: bool) -> Callable[[Callable[[], None]], None]:
    return transaction.on_commit if on_commit else (lambda enqueue: enqueue())
