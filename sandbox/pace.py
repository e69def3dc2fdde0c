"""The sandbox's clock: lifecycle steps run SANDBOX_STEP_SECONDS apart (demo mode) through
the task worker, or at once when it is 0 (tests)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone


def schedule(task, *args, steps: int = 1, **kwargs):
    """Enqueue a sandbox lifecycle task `steps` paces from now."""
    delay = settings.SANDBOX_STEP_SECONDS * steps
    if delay <= 0:
        return task.enqueue(*args, **kwargs)
    return task.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(*args, **kwargs)
