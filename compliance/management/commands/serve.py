"""Run the app as deployed: gunicorn for the web, db_workers for each task queue, and the
periodic reconciliation, under one supervisor (docs/DEPLOY.md runs it from systemd).

    manage.py serve --bind 127.0.0.1:8000 --web-workers 3 --queue-workers 1

Settings come from the environment (DEBUG=0, SECRET_KEY, DATABASE_URL …); `serve` refuses to
run with DEBUG on unless told --allow-debug. A child that dies is restarted (with a pause, so
a crash loop does not spin); SIGTERM or SIGINT stops every child and waits for it (gunicorn
finishes the requests in flight, a db_worker its task), so a systemd restart or an upgrade
never leaves orphans. A killed worker's tasks are taken up again by the next one (the leases
of compliance/services/submission.py and reconcile.py). Every child logs JSON lines to
standard error (compliance/logs.py; gunicorn through compliance/gunicorn_conf.py).

Metrics: every child writes its Prometheus figures to one directory (PROMETHEUS_MULTIPROC_DIR
from the environment, else a fresh temporary one), emptied at start, so /metrics, answered by
any gunicorn worker, adds up the figures of the web workers and the db_workers.
"""

import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

logger = logging.getLogger(__name__)

RESTART_PAUSE_SECONDS = 2.0
# An idle db_worker looks for a task this often (django_tasks_db's default is 1 s). On the
# webhooks queue a backlog queues a helper task for an idle worker to join (see
# services.webhooks.apply_pending_events): a second's sleep would keep it out of a burst
# that one worker drains in a few seconds. One indexed read per look.
WEBHOOK_POLL_SECONDS = "0.2"
STOP_TIMEOUT_SECONDS = 25.0  # past gunicorn's graceful_timeout (20 s): then SIGKILL


class Command(BaseCommand):
    help = "Serve the app with gunicorn, the task workers and the reconciliation schedule."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--web-workers", type=int, default=3)
        parser.add_argument("--queue-workers", type=int, default=1, help="per queue")
        parser.add_argument("--allow-debug", action="store_true")

    def handle(self, *args, **options):
        if settings.DEBUG and not options["allow_debug"]:
            raise CommandError(
                "DEBUG is on: set DEBUG=0 (and SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL) to "
                "serve for real, or pass --allow-debug to try it out."
            )
        # The periodic reconciliation is a self-rescheduling task: make sure it is scheduled.
        call_command("reconcile", "--loop", verbosity=0)
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        commands = [
            [
                sys.executable,
                "-m",
                "gunicorn",
                "compliance.wsgi",
                "--config",
                "python:compliance.gunicorn_conf",
                "--bind",
                options["bind"],
                "--workers",
                str(options["web_workers"]),
            ]
        ]
        for queue in settings.TASK_QUEUES:
            poll = ["--interval", WEBHOOK_POLL_SECONDS] if queue == "webhooks" else []
            commands += [[*manage, "db_worker", "--queue-name", queue, *poll]] * options[
                "queue_workers"
            ]
        metrics_dir, ours = _metrics_directory()
        try:
            self._supervise(commands, {**os.environ, "PROMETHEUS_MULTIPROC_DIR": metrics_dir})
        finally:
            if ours:
                shutil.rmtree(metrics_dir, ignore_errors=True)

    def _supervise(self, commands: list[list[str]], env: dict[str, str]) -> None:
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)

        def start(command: list[str]) -> subprocess.Popen:
            # Each child in a process group of its own: Ctrl+C or a signal to serve's group
            # reaches serve only, and serve tells each child once. A db_worker told twice
            # abandons the task it is finishing (django-tasks-db: the second signal forces).
            return subprocess.Popen(  # noqa: S603 (ours)
                command, env=env, cwd=settings.BASE_DIR, process_group=0
            )

        children = [start(command) for command in commands]
        self.stdout.write(f"serving: {len(children)} processes")
        try:
            while not stopping:
                for i, child in enumerate(children):
                    if stopping or child.poll() is None:
                        continue
                    # A stop signal sent to the whole group (systemd) can reach a child before
                    # this process runs its handler: wait the pause before deciding that the
                    # exit was a crash, so a stopping service never starts a child again.
                    time.sleep(RESTART_PAUSE_SECONDS)
                    if stopping:
                        break
                    # Through logging, like every other line on standard error: one JSON
                    # object a line (compliance/logs.py).
                    logger.warning(
                        "%s exited (%s); restarting",
                        " ".join(commands[i][-3:]),
                        child.returncode,
                    )
                    children[i] = start(commands[i])
                time.sleep(0.5)
        finally:
            for child in children:
                if child.poll() is None:
                    child.terminate()
            deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
            for child in children:
                try:
                    child.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    child.kill()
                    child.wait(timeout=5)
            self.stdout.write("stopped")


def _metrics_directory() -> tuple[str, bool]:
    """The multiprocess directory, emptied (figures of a previous run would be added up), and
    whether serve made it (and removes it when it stops)."""
    given = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not given:
        return tempfile.mkdtemp(prefix="tendlc-metrics-"), True
    directory = Path(given)
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.db"):
        stale.unlink()
    return str(directory), False
