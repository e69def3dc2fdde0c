"""Start and stop a production server (gunicorn) on loopback for a benchmark.

The server runs bench.settings on the benchmark's database with what a deployment would set:
persistent database connections (CONN_MAX_AGE) and DEBUG off. Background tasks run inline
(immediate backend), so every request does all of its work inside the measured time, and the
sandbox's lifecycle steps happen at once (SANDBOX_STEP_SECONDS=0). The app and its sandbox
are the same server, as in `make run`: TELNYX_BASE_URL and APP_BASE_URL point at it.
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Server:
    url: str
    workers: int
    threads: int
    access_log: Path | None

    @property
    def description(self) -> str:
        kind = f"{self.threads} threads each" if self.threads > 1 else "sync"
        return f"gunicorn, {self.workers} worker(s), {kind}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def gunicorn(env: dict | None = None, *, workers: int = 4, threads: int = 1, access_log=None):
    """Yield a running `Server`; `access_log` (a path) records every request with its status."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "compliance.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--log-level",
        "warning",
        "--timeout",
        "120",
    ]
    if access_log is not None:
        command += [
            "--access-logfile",
            str(access_log),
            "--access-logformat",
            "%(m)s %(U)s %(s)s %(D)s",
        ]
    full_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "CONN_MAX_AGE": "600",
        "TASKS_BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
        "SANDBOX_STEP_SECONDS": "0",
        "TELNYX_BASE_URL": f"{url}/sandbox/telnyx/v2",
        "APP_BASE_URL": url,
        **(env or {}),
    }
    process = subprocess.Popen(command, cwd=ROOT, env=full_env)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {process.returncode}")
            try:
                httpx.get(url + "/accounts/login/", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start")
        yield Server(url=url, workers=workers, threads=threads, access_log=access_log)
    finally:
        process.terminate()
        process.wait(timeout=30)


def access_log(path: Path, path_contains: str) -> list[tuple[str, str, float]]:
    """(method, status, server milliseconds) of each request whose path contains
    `path_contains`."""
    entries = []
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) == 4 and path_contains in parts[1]:
            entries.append((parts[0], parts[2], int(parts[3]) / 1000))
    return entries


def counts(entries: list[tuple[str, str, float]]) -> dict[tuple[str, str], int]:
    """(method, status) -> how many."""
    result: dict[tuple[str, str], int] = {}
    for method, status, _ in entries:
        result[(method, status)] = result.get((method, status), 0) + 1
    return result
