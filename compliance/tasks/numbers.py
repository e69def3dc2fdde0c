"""Background work (django.tasks, run by django-tasks-db's db_worker)."""

import time

from django.tasks import task

from compliance.deferred import deferrable
from compliance.models import Organisation
from compliance.services import adoption, number_status, numbers


@deferrable
@task
def run_bulk_assignment_task(job_pk: int) -> None:
    """Assign a bulk job's numbers; leaving the page does not stop it."""
    numbers.run_bulk_assignment(job_pk)


@deferrable
@task
def follow_profile_assignment_task(task_pk: int) -> None:
    """Follow an assignment-by-profile task at Telnyx until it finishes: each turn queues the
    next (PROFILE_POLL_SECONDS later) before it polls, under the task's lease, so the schedule
    survives a killed worker (services/numbers.follow_profile_assignment); a backend that
    cannot run work later polls in a loop here."""
    while numbers.follow_profile_assignment(task_pk) is False:
        time.sleep(numbers.PROFILE_POLL_SECONDS)


@deferrable
@task
def sync_organisation_task(organisation_pk: int) -> None:
    numbers.sync_organisation(Organisation.objects.get(pk=organisation_pk))


@deferrable
@task
def run_account_import_task(job_pk: int) -> None:
    """Import what the Telnyx account already holds (services/adoption.py)."""
    adoption.run_import(job_pk)


@deferrable
@task
def follow_pending_numbers_task(organisation_pk: int) -> None:
    """Poll an organisation's pending assignments until they settle (services/number_status:
    each turn queues the next on a backoff before it polls)."""
    number_status.follow_pending(organisation_pk)
