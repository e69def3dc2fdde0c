"""`manage.py serve` as deployed (docs/DEPLOY.md): the example environment file, migrate,
createcachetable and collectstatic through deploy/manage.sh on a scratch database and
directory, then gunicorn and a
db_worker per queue as real processes. A request, a signed webhook applied by the webhooks
worker, a scrape of /metrics; then SIGTERM: every process of the group exits, cleanly, in time.

Every wait has a deadline and the process group is killed in `finally`, so a broken serve
fails this test instead of hanging the suite.
"""

import json
import os
import secrets
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from compliance.telnyx.signatures import generate_keypair, sign_webhook
from tests.project.deployment import (
    PUBLIC_HOST,
    REPO,
    descendants,
    free_port,
    kill_tree,
    manage_sh,
    production_env,
    scratch_database,
    still_alive,
    write_env_file,
)
from tests.webhooks.webhook_helpers import encode, status_update

START_TIMEOUT = 120  # a loaded 2-core machine imports Django in several processes at once
STOP_TIMEOUT = 45  # serve waits 25 s for its children at most


def _until[T](what: str, probe: Callable[[], T | None], timeout: float, serve) -> T:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if serve.poll() is not None:
            pytest.fail(f"serve exited ({serve.returncode}) while waiting for {what}")
        try:
            found = probe()
        except httpx.HTTPError:
            found = None
        if found:
            return found
        time.sleep(0.5)
    pytest.fail(f"no {what} within {timeout} s")


def _log_lines(path: Path) -> list[dict]:
    """The JSON log lines of every process; any other line fails the test. (The rare non-JSON
    line once seen at a whole-group stop was serve's own "exited; restarting" message, written
    outside logging for a child that the group's SIGTERM reached first: serve now waits before
    restarting, never restarts while stopping, and says it through logging.)"""
    lines = [line for line in path.read_text().splitlines() if line.strip()]
    parsed, other = [], []
    for line in lines:
        try:
            parsed.append(json.loads(line))
        except ValueError:
            other.append(line)
    if other:
        pytest.fail(f"log lines that are not JSON: {other[:40]!r}")
    return parsed


def _command_line(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _children(parent: int, marker: str) -> list[int]:
    """The live child processes of `parent` whose command line contains `marker`."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if int(fields[1]) == parent and fields[0] != "Z" and marker in command:
            found.append(int(stat.parent.name))
    return sorted(found)


def _series(text: str, name: str) -> float | None:
    """The value of one series (name with its labels, as Prometheus writes them, sorted)."""
    for line in text.splitlines():
        series, _, value = line.rpartition(" ")
        if series == name:
            return float(value)
    return None


@pytest.mark.parametrize(
    "stop",
    [
        "serve",  # SIGTERM to `manage.py serve` alone: it stops its children
        "group",  # `make serve` as the systemd unit runs it, SIGTERM to the whole group
    ],
)
def test_serve_answers_applies_webhooks_in_its_worker_and_stops_cleanly_on_sigterm(tmp_path, stop):
    seed, public_key = generate_keypair()
    token = secrets.token_urlsafe(24)
    with scratch_database(tmp_path) as database_url:
        env = production_env(
            database_url, tmp_path / "static", TELNYX_PUBLIC_KEY=public_key, METRICS_TOKEN=token
        )
        env_file = write_env_file(tmp_path / "tendlc.env", env)
        for step in (
            ["migrate", "--noinput"],
            ["createcachetable"],
            ["collectstatic", "--noinput"],
        ):
            done = manage_sh(*step, env_file=env_file)  # as docs/DEPLOY.md runs them
            assert done.returncode == 0, f"{step}: {done.stderr[-3000:]}"

        port = free_port()
        if stop == "serve":
            command = [sys.executable, str(REPO / "manage.py"), "serve"]
            command += ["--bind", f"127.0.0.1:{port}", "--web-workers", "2"]
        else:  # as deploy/tendlc.service runs it
            command = ["make", "-s", "-C", str(REPO), "serve", f"PY={sys.executable}"]
            command += [f"SERVE_BIND=127.0.0.1:{port}", "WEB_WORKERS=2", "QUEUE_WORKERS=1"]
        out, err = tmp_path / "serve.out", tmp_path / "serve.err"
        with out.open("w") as stdout, err.open("w") as stderr:
            serve = subprocess.Popen(
                command,
                env=env,
                cwd=REPO,
                stdout=stdout,
                stderr=stderr,
                start_new_session=True,
            )
        request_id = f"deploy-test-{uuid.uuid4().hex[:12]}"
        tree: set[int] = set()
        try:
            # As the TLS proxy forwards it: the public host name, https.
            proxy = {"Host": PUBLIC_HOST, "X-Forwarded-Proto": "https"}
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=proxy, timeout=5) as web:
                _until(
                    "/readyz", lambda: web.get("/readyz").status_code == 200, START_TIMEOUT, serve
                )
                health = _until(
                    "/healthz",
                    lambda: (r := web.get("/healthz")).status_code == 200 and r,
                    30,
                    serve,
                )
                assert health.json()["database"] == "ok"

                login = web.get("/accounts/login/")
                assert login.status_code == 200 and "Log in" in login.text
                assert len(login.headers["X-Request-ID"]) == 32  # made here: none was sent

                body = encode(status_update("not-ours", "MNO_REVIEW", "ACCEPTED"))
                delivered = web.post(
                    "/webhooks/telnyx/",
                    content=body,
                    headers={
                        **sign_webhook(body, seed),
                        "Content-Type": "application/json",
                        "X-Request-ID": request_id,
                    },
                )
                assert delivered.status_code == 200, delivered.text
                assert delivered.headers["X-Request-ID"] == request_id

                assert web.get("/metrics").status_code == 403  # no token
                scraper = {"Authorization": f"Bearer {token}"}

                def applied() -> str | None:
                    text = web.get("/metrics", headers=scraper).text
                    return (
                        text if _series(text, 'tendlc_webhook_events{outcome="unknown"}') else None
                    )

                # The webhooks worker (another process) applied it: the event is for a campaign
                # that is not ours, so it is stored as unknown, and nothing is pending.
                metrics = _until("the webhook applied", applied, 60, serve)
            assert _series(metrics, "tendlc_webhook_events_pending") == 0
            assert _series(metrics, 'tendlc_webhook_deliveries_total{result="accepted"}') == 1
            assert _series(metrics, 'tendlc_task_queue_depth{queue="webhooks"}') is not None
            login_count = (
                "tendlc_http_request_duration_seconds_count"
                '{method="GET",status="2xx",view="account_login"}'
            )
            assert _series(metrics, login_count) == 1  # added up across gunicorn's workers

            if stop == "serve":
                # A crashed worker is started again, and serve says so in a JSON log line.
                workers = _children(serve.pid, "db_worker")
                assert workers, "serve started no db_worker"
                crashed = workers[0]
                os.kill(crashed, signal.SIGKILL)
                _until(
                    "the killed worker replaced",
                    lambda: (
                        len(_children(serve.pid, "db_worker")) == len(workers)
                        and crashed not in _children(serve.pid, "db_worker")
                    ),
                    60,
                    serve,
                )
                tree = descendants(serve.pid)
                serve.send_signal(signal.SIGTERM)
                assert serve.wait(timeout=STOP_TIMEOUT) == 0
            else:
                # Ctrl+C in a terminal, or systemd's KillMode=mixed through make: a signal to
                # make's process group. serve's children run in groups of their own, so each
                # gets exactly one SIGTERM, from serve (a second one would make a db_worker
                # abandon the task it is finishing).
                tree = descendants(serve.pid)
                workers = [p for p in tree if "db_worker" in _command_line(p)]
                assert workers and all(os.getpgid(p) != serve.pid for p in workers)
                os.killpg(serve.pid, signal.SIGTERM)
                # make dies of the signal once serve has stopped (systemd counts that as a
                # clean stop)
                assert serve.wait(timeout=STOP_TIMEOUT) in (0, -signal.SIGTERM)
            deadline = time.monotonic() + STOP_TIMEOUT
            while still_alive(tree) and time.monotonic() < deadline:
                time.sleep(0.2)
            assert not still_alive(tree), "serve left processes behind"
        finally:
            kill_tree(serve, tree)

    assert "stopped" in out.read_text()
    logs = _log_lines(err)  # every process logs one JSON object a line
    assert all({"time", "level", "logger", "message", "request_id"} <= set(e) for e in logs)
    ours = [e for e in logs if e["request_id"] == request_id]
    access = [e for e in ours if e["logger"] == "compliance.requests"]
    assert [e["message"].split(" in ")[0] for e in access] == ["POST telnyx_webhook 200"]
    # Which run applied the event (the one this request enqueued, one already waiting, or the
    # reconciliation that serve starts) is a race; tests/project/test_logs.py proves the request
    # id is carried into the run a request enqueues.
    assert any(e["logger"] == "gunicorn.error" and "Shutting down" in e["message"] for e in logs)
    # Each db_worker stopped after its task, on one signal: none was told twice.
    assert not [e for e in logs if "terminating current task" in e["message"]]
    assert any("shutting down gracefully" in e["message"] for e in logs)
    restarts = [e for e in logs if e["message"].endswith("restarting")]
    assert len(restarts) == (1 if stop == "serve" else 0), restarts
