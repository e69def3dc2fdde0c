"""Background work (django.tasks, run by django-tasks-db's db_worker)."""

import time
from datetime import timedelta

from django.tasks import default_task_backend, task
from django.utils import timezone

from compliance.services import numbers


@task
def run_bulk_assignment_task(job_pk: int) -> None:
    """Assign a bulk job's numbers; leaving the page does not stop it."""
    numbers.run_bulk_assignment(job_pk)


@task
def follow_profile_assignment_task(task_pk: int) -> None:
    """Follow an assignment-by-profile task at Telnyx until it finishes: again in
    PROFILE_POLL_SECONDS on a worker that can defer, else in a loop."""
    while not numbers.poll_profile_assignment(task_pk):
        if default_task_backend.supports_defer:
            follow_profile_assignment_task.using(
                run_after=timezone.now() + timedelta(seconds=numbers.PROFILE_POLL_SECONDS)
            ).enqueue(task_pk)
            return
        time.sleep(numbers.PROFILE_POLL_SECONDS)


@task
def sync_organisation_task(organisation_pk: int) -> None:
    from compliance.models import Organisation

    numbers.sync_organisation(Organisation.objects.get(pk=organisation_pk))
