"""The deployment of docs/DEPLOY.md, run for real on a temporary directory: the environment file
(deploy/tendlc.env.example), a database of its own (a SQLite file, or a fresh PostgreSQL
database when the suite runs with DATABASE_URL=postgres://…), and `manage.py` commands as
subprocesses with a timeout each, so nothing here can hang the suite."""

import contextlib
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
ENV_EXAMPLE = DEPLOY / "tendlc.env.example"
PUBLIC_HOST = "10dlc.example.com"  # ALLOWED_HOSTS of the example

_LINE = re.compile(r"^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$")


def env_file(path: Path = ENV_EXAMPLE) -> dict[str, str]:
    """The variables the file sets (systemd's EnvironmentFile: KEY=value, # comments)."""
    found = {}
    for line in path.read_text().splitlines():
        match = _LINE.match(line.strip())
        if match and not match.group(1):
            found[match.group(2)] = match.group(3)
    return found


def env_file_names(path: Path = ENV_EXAMPLE) -> set[str]:
    """Every variable the file names, set or commented out with its default."""
    return {m.group(2) for line in path.read_text().splitlines() if (m := _LINE.match(line))}


def production_env(database_url: str, static_root: Path, **overrides: str) -> dict[str, str]:
    """The process environment of a deployed process: a clean PATH-and-HOME environment plus the
    example file, with a real secret key, this test's database and static directory, Telnyx
    pointed at a closed local port (nothing leaves the machine)."""
    env = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "TMPDIR"}}
    env |= env_file()
    env |= {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(static_root),
        "TELNYX_BASE_URL": f"http://127.0.0.1:{free_port()}/v2",
        "PYTHONUNBUFFERED": "1",
    }
    return env | overrides


def write_env_file(path: Path, env: dict[str, str]) -> Path:
    """An /etc/tendlc/tendlc.env for this test (the example's lines with this test's values)."""
    path.write_text("".join(f"{key}={value}\n" for key, value in env.items()))
    return path


def manage_sh(*args: str, env_file: Path, timeout: float = 180) -> subprocess.CompletedProcess:
    """deploy/manage.sh, as the guide runs it: nothing in the environment but the file's."""
    clean = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "TMPDIR"}}
    return subprocess.run(
        [str(DEPLOY / "manage.sh"), *args],
        env=clean | {"TENDLC_ENV_FILE": str(env_file), "TENDLC_PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def manage(*args: str, env: dict[str, str], timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def scratch_database(tmp_path: Path) -> Iterator[str]:
    """A database nobody else uses: a fresh PostgreSQL database on the suite's server when
    DATABASE_URL is PostgreSQL (dropped afterwards), else a SQLite file under tmp_path."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp_path / 'tendlc.sqlite3'}"
        return
    import psycopg

    name = f"tendlc_deploy_{uuid.uuid4().hex[:12]}"
    parts = urlsplit(url)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True, connect_timeout=10) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True, connect_timeout=10) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _live_parents() -> dict[int, int]:
    """pid -> parent pid of every live process (read from /proc; zombies left out)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # fields after "(comm)": state, ppid, pgrp …; a zombie has been reaped by nobody yet
        if fields[0] != "Z":
            parents[int(stat.parent.name)] = int(fields[1])
    return parents


def descendants(pid: int) -> set[int]:
    """The live processes started by pid, its children's children included. serve starts
    each child in a process group of its own, so the tree, not the group, is what to watch."""
    parents = _live_parents()
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def still_alive(pids: set[int]) -> set[int]:
    return set(_live_parents()) & pids


def kill_tree(root: subprocess.Popen, known: set[int] = frozenset()) -> None:
    """SIGKILL a process, everything it started and any pid seen in its tree before (a child
    whose parent died is adopted by init and no longer under the root)."""
    for pid in descendants(root.pid) | set(known):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    if root.poll() is None:
        root.kill()
        root.wait(timeout=10)
