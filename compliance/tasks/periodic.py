"""Periodic work as a schedule that survives any crash (reconciliation, the monthly fees).

The db_worker has no scheduler: a run started with ``repeat=True`` enqueues the next one
`every` seconds later *before* it does any work, so a worker killed in the middle of a run
leaves the next run in the queue. A run holds its lease (compliance/leases.py) while it works,
renewed as it goes, so two runs never overlap; a run that finds the lease held (a slow run
still going, or a killed one whose lease has not run out yet) does nothing and leaves the work
to the next. `start()` begins a chain unless one is waiting or running within its lease (a
worker killed mid-run leaves its row RUNNING for ever: past the lease it is marked failed).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.tasks import Task, TaskResultStatus
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from compliance import leases


@dataclass(frozen=True)
class Schedule:
    name: str  # what the work is, in words ("reconciliation")
    task: Task  # takes `repeat: bool`
    lease: str  # "" when the work takes its own lease
    every: Callable[[], float]  # seconds between runs (read from settings at run time)
    lease_seconds: Callable[[], float]

    def run(self, repeat: bool, work: Callable[[], dict]) -> dict:
        if repeat:
            self.schedule_next()
        if not self.lease:
            return work()
        with leases.held(self.lease, self.lease_seconds()) as ours:
            if not ours:
                return {"skipped": f"another {self.name} is running"}
            return work()

    def schedule_next(self):
        run_after = timezone.now() + timedelta(seconds=self.every())
        return self.task.using(run_after=run_after).enqueue(repeat=True)

    def is_scheduled(self) -> bool:
        """Whether a repeating run is waiting, or running within its lease."""
        if not isinstance(self.task.get_backend(), DatabaseBackend):
            return False
        runs = DBTaskResult.objects.filter(task_path=self.task.module_path)
        dead_before = timezone.now() - timedelta(seconds=self.lease_seconds())
        runs.filter(status=TaskResultStatus.RUNNING, started_at__lt=dead_before).update(
            status=TaskResultStatus.FAILED, finished_at=timezone.now()
        )
        return runs.filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]).exists()

    def start(self) -> bool:
        """Begin the chain; False when one is already scheduled."""
        if self.is_scheduled():
            return False
        self.task.enqueue(repeat=True)
        return True
