"""The one way the app schedules deferred work.

Services say *what* should run later, by name; compliance/tasks/ says *how*, registering each
task under its function's name with `@deferrable`. So services never import tasks (the rooms'
direction is tasks → services, docs/ARCHITECTURE.md) and there is one place that knows about
delays, backends that cannot defer, and transactions:

- `on_commit=True` enqueues once the surrounding transaction commits (nothing is scheduled for
  a rolled-back change); outside a transaction it enqueues at once.
- `delay` seconds later where the backend can defer (the database backend); a backend that
  cannot (the immediate backend of the tests) runs it now.
- The request id of the request (or task) that schedules the work travels with it, as the
  keyword argument `request_id`, and is bound again while the task runs, so the task's log
  lines carry the id of the request that caused them (compliance/logs.py).
"""

import functools
import logging
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any

from django.db import connections, router, transaction
from django.db.models import Q
from django.tasks import Task, TaskResultStatus
from django.utils import timezone
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max

from compliance import hot_sql
from compliance.logs import bound_request_id, current_request_id

logger = logging.getLogger(__name__)

_TASKS: dict[str, Task] = {}
REQUEST_ID_ARGUMENT = "request_id"


def deferrable[T: Task](task: T) -> T:
    """Register a task under its function's name so that services can schedule it; the task
    takes the scheduler's request id (see the module's docstring) besides its own arguments."""
    task = replace(task, func=_carrying_request_id(task.func))
    _TASKS[task.name] = task
    return task


def _carrying_request_id(func: Callable[..., Any]) -> Callable[..., Any]:
    # functools.wraps keeps the module and qualified name, so the task's path (what the
    # worker imports) is unchanged and names this very task.
    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> Any:
        request_id = kwargs.pop(REQUEST_ID_ARGUMENT, None) or current_request_id()
        with bound_request_id(request_id):
            started = time.monotonic()
            logger.info("task %s started", func.__name__)
            try:
                result = func(*args, **kwargs)
            except Exception:
                # With the request's id and the traceback (the worker records the failure too).
                logger.exception("task %s failed", func.__name__)
                raise
            logger.info(
                "task %s finished in %.0f ms", func.__name__, (time.monotonic() - started) * 1000
            )
            return result

    return run


def _carried() -> dict[str, str]:
    request_id = current_request_id()
    return {REQUEST_ID_ARGUMENT: request_id} if request_id else {}


def schedule(name: str, *args: Any, delay: float = 0, on_commit: bool = False) -> None:
    """Run the task registered as `name` with `args`, `delay` seconds from now."""
    task = _task(name)
    carried = _carried()  # now: an on-commit enqueue may run outside the request's context

    def enqueue() -> None:
        deferred = task
        if delay > 0 and task.get_backend().supports_defer:
            deferred = task.using(run_after=timezone.now() + timedelta(seconds=delay))
        deferred.enqueue(*args, **carried)

    _when(on_commit)(enqueue)


def schedule_later(name: str, *args: Any, delay: float) -> bool:
    """A check-back: run the task registered as `name` `delay` seconds from now where the
    backend can defer, and nothing otherwise (a backend that runs tasks at once would run it
    now, inside the work it checks on). True when it was enqueued."""
    task = _task(name)
    if not task.get_backend().supports_defer:
        return False
    task.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(*args, **_carried())
    return True


def schedule_once(name: str) -> None:
    """Make sure a run of the task registered as `name` (which takes no arguments) starts
    after this moment: enqueue one unless one is already waiting, not started, in the
    database queue (it will start later and see whatever was stored before). One indexed
    read, cheap enough for the webhook receiver's hot path."""
    task = _task(name)
    if not _waiting_in_queue(task):
        task.enqueue(**_carried())


def schedule_helper(name: str) -> bool:
    """Let one more worker join a run of the task registered as `name` (no arguments) that
    found more work than one pass: enqueue one unless one is already waiting, and only on a
    database queue (a backend that runs tasks at once would run it now, inside the caller).
    Each run that finds more calls this once, so every idle worker gets a run while never
    more than one waits. True when it was enqueued."""
    task = _task(name)
    if not isinstance(task.get_backend(), DatabaseBackend) or _waiting_in_queue(task):
        return False
    task.enqueue(**_carried())
    return True


def waiting(name: str, *args: Any, within: float) -> bool:
    """Whether a run of the task registered as `name` with these `args` waits in the database
    queue to start within `within` seconds (a chain that polls checks this before it queues
    another turn). False on a backend without a queue."""
    task = _task(name)
    backend = task.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return False
    soon = timezone.now() + timedelta(seconds=within)
    return (
        DBTaskResult.objects.filter(
            status=TaskResultStatus.READY,
            task_path=task.module_path,
            backend_name=backend.alias,
            **{f"args_kwargs__args__{i}": arg for i, arg in enumerate(args)},
        )
        .filter(Q(run_after=get_date_max()) | Q(run_after__lte=soon))  # max: at once
        .exists()
    )


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


def _task(name: str) -> Task:
    # compliance/apps.py imports compliance.tasks when Django starts, which registers them all.
    try:
        return _TASKS[name]
    except KeyError:
        raise LookupError(f"No deferrable task named {name!r} in compliance/tasks/") from None


def _when(on_commit: bool) -> Callable[[Callable[[], None]], None]:
    return transaction.on_commit if on_commit else (lambda enqueue: enqueue())
