"""CPU time spent during a measurement, by kind of process, from Linux's /proc.

On a 2-core machine shared by the server, PostgreSQL and the load driver, a request rate is
a CPU budget: this says who spent it. Each process's user+system time is read before and
after; processes that start during the measurement count from zero, children that ended
count through the parent that waits for them (the load driver is a child of the bench process;
a PostgreSQL backend whose connection closed, a child of the postmaster), less what they had
spent before. Processes that end during the measurement without a waiting parent are not
counted.
"""

import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

PROC = Path("/proc")
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
# Kind of process -> words that name it in its command line (first match wins).
KINDS = (
    ("server", ("gunicorn",)),
    ("postgres", ("postgres",)),
    ("worker", ("db_worker",)),
)


@dataclass
class Usage:
    """CPU seconds by kind of process, and how busy the machine was."""

    seconds: dict[str, float] = field(default_factory=dict)
    busy: float = 0.0  # share of all cores' time not idle, 0..1

    def per_request(self, requests: int) -> str:
        """'server 2.10, postgres 0.45, load 0.30 ms of CPU per request; machine 95 % busy'."""
        if not requests:
            return ""
        parts = [
            f"{kind} {1000 * seconds / requests:.2f}"
            for kind, seconds in sorted(self.seconds.items(), key=lambda item: -item[1])
            if seconds * 1000 / requests >= 0.01
        ]
        return f"{', '.join(parts)} ms of CPU per request; machine {100 * self.busy:.0f} % busy"


def available() -> bool:
    return (PROC / "stat").exists()


@contextmanager
def measured():
    """Yield a `Usage` that is filled in when the block ends (left empty off Linux)."""
    usage = Usage()
    if not available():
        yield usage
        return
    before, machine_before = _processes(), _machine()
    yield usage
    after, machine_after = _processes(), _machine()
    own = str(os.getpid())
    ticks: dict[str, int] = {}
    for pid, (kind, cpu, children) in after.items():
        _, cpu_before, children_before = before.get(pid, (kind, 0, 0))
        ticks[kind] = ticks.get(kind, 0) + cpu - cpu_before
        # Children that ended and were waited for: the load driver (this process's child),
        # and e.g. PostgreSQL backends of connections closed meanwhile (the postmaster's).
        reaped = "load" if pid == own else kind
        ticks[reaped] = ticks.get(reaped, 0) + children - children_before
    for pid, (kind, cpu_before, _) in before.items():
        if pid not in after:  # ended meanwhile: its parent counted its whole life; only
            ticks[kind] = ticks.get(kind, 0) - cpu_before  # what came after counts
    usage.seconds = {kind: max(value, 0) / TICKS for kind, value in ticks.items()}
    total = machine_after[0] - machine_before[0]
    idle = machine_after[1] - machine_before[1]
    usage.busy = 1 - idle / total if total else 0.0


def _processes() -> dict[str, tuple[str, int, int]]:
    """pid -> (kind, own CPU ticks, ended children's CPU ticks)."""
    found = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:  # it ended meanwhile
            continue
        fields = stat.rsplit(")", 1)[1].split()  # after "pid (comm)": state is fields[0]
        own, children = int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14])
        found[entry.name] = (_kind(entry.name, command), own, children)
    return found


def _kind(pid: str, command: str) -> str:
    if pid == str(os.getpid()):
        return "bench"
    for kind, words in KINDS:
        if any(word in command for word in words):
            return kind
    return "other"


def _machine() -> tuple[int, int]:
    """(all ticks, idle + iowait ticks) of every core since boot."""
    values = [int(v) for v in (PROC / "stat").read_text().splitlines()[0].split()[1:]]
    return sum(values), values[3] + values[4]
