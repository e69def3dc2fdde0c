"""Health and readiness for load balancers, process supervisors and operators.

    GET /healthz   200 when the database answers and the task queues are served; 503 else
    GET /readyz    200 once every migration is applied (a new release may take traffic)

Both answer JSON without signing in and show nothing about any organisation: per queue, how
many tasks are due and how long the oldest has waited (a queue whose oldest task waits longer
than HEALTH_QUEUE_MAX_AGE_SECONDS means no worker serves it).
"""

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Count, Min
from django.http import JsonResponse
from django.tasks import TaskResultStatus
from django.urls import path
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks_db.models import DBTaskResult


def queue_states() -> dict[str, dict]:
    """Per task queue: due tasks waiting, how long the oldest has waited, tasks running
    (also read by the /metrics scrape, compliance/metrics.py)."""
    due = (
        DBTaskResult.objects.ready()
        .order_by()
        .values("queue_name")
        .annotate(waiting=Count("id"), oldest=Min("enqueued_at"))
    )
    running = (
        DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
        .order_by()
        .values("queue_name")
        .annotate(n=Count("id"))
        .values_list("queue_name", "n")
    )
    now = timezone.now()
    found = {
        name: {"waiting": 0, "oldest_seconds": 0, "running": 0} for name in settings.TASK_QUEUES
    }
    for row in due:
        found.setdefault(row["queue_name"], {"running": 0}).update(
            waiting=row["waiting"], oldest_seconds=int((now - row["oldest"]).total_seconds())
        )
    for queue, n in running:
        found.setdefault(queue, {"waiting": 0, "oldest_seconds": 0})["running"] = n
    return found


@never_cache
@require_GET
def healthz(request) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        queues = queue_states()
    except DatabaseError:
        return JsonResponse({"database": "unreachable"}, status=503)
    limit = settings.HEALTH_QUEUE_MAX_AGE_SECONDS
    stalled = sorted(name for name, q in queues.items() if q["oldest_seconds"] > limit)
    body = {"database": "ok", "queues": queues, "stalled": stalled}
    return JsonResponse(body, status=503 if stalled else 200)


@never_cache
@require_GET
def readyz(request) -> JsonResponse:
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        return JsonResponse({"database": "unreachable"}, status=503)
    if pending:
        return JsonResponse({"migrations": f"{len(pending)} not applied"}, status=503)
    return JsonResponse({"migrations": "applied"})


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
]
