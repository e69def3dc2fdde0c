"""Apply stored webhook events after the receiver has answered Telnyx.

The receiver stores each event, then calls `schedule_apply`: one `apply_pending_webhook_events`
task applies every event stored so far, so a burst of webhooks costs a handful of tasks, not
one each. With the database backend a task still waiting in the queue (not started) is
enough: it starts after the event was stored and will see it.
"""

from django.db import connections, router
from django.tasks import TaskResultStatus, task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from compliance import hot_sql
from compliance.services.webhooks import apply_pending_events


@task(queue_name="webhooks")
def apply_pending_webhook_events() -> int:
    return apply_pending_events()


def schedule_apply() -> None:
    """Make sure an apply task starts after this moment (call it once the event is stored)."""
    if not _waiting_in_queue():
        apply_pending_webhook_events.enqueue()


def _waiting_in_queue() -> bool:
    """Whether the database queue holds an apply task not yet started (one indexed read, run
    for every event)."""
    backend = apply_pending_webhook_events.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return False
    using = router.db_for_read(DBTaskResult)
    params = [TaskResultStatus.READY, apply_pending_webhook_events.module_path, backend.alias]
    return hot_sql.fetch_one(_waiting_sql(connections[using]), params, using=using) is not None


def _waiting_sql(connection) -> str:
    # Identifiers come from the model and are quoted; every value is a parameter.
    quote, meta = connection.ops.quote_name, DBTaskResult._meta
    where = " AND ".join(
        f"{quote(meta.get_field(name).column)} = %s"
        for name in ("status", "task_path", "backend_name")
    )
    return f"SELECT 1 FROM {quote(meta.db_table)} WHERE {where} LIMIT 1"  # noqa: S608
