"""How figures are printed: one block per measurement as it runs, then one table for
bench/README.md with the machine, the date and the commit."""

import os
import platform
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Row:
    """One line of the results table: a figure next to its floor (or bound) and the target."""

    measurement: str
    figure: str
    floor: str
    ratio: str
    target: str
    met: bool | None  # None: nothing to judge (a reference figure, or not measured)


def heading(text: str) -> None:
    print(f"\n== {text}", flush=True)


def line(text: str) -> None:
    print(f"   {text}", flush=True)


def skipped(measurement: str, why: str) -> Row:
    line(f"NOT MEASURED: {why}")
    return Row(measurement, "not measured", "", "", why, None)


def load_figures(result: dict) -> str:
    statuses = ", ".join(f"{s}: {n}" for s, n in sorted(result["statuses"].items()))
    return (
        f"{result['rate']:8.1f} req/s  p50 {result['p50_ms']:6.1f} ms  "
        f"p99 {result['p99_ms']:6.1f} ms  ({result['requests']} requests, "
        f"{result['concurrency']} connections; status {statuses})"
    )


def _git(*args: str) -> str:
    try:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for text in Path("/proc/cpuinfo").read_text().splitlines():
            if text.startswith("model name"):
                cpu = text.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def commit() -> str:
    dirty = " (with uncommitted changes)" if _git("status", "--porcelain", "--", ".") else ""
    return _git("rev-parse", "--short", "HEAD") + dirty


def table(rows: list[Row], *, postgres: str, quick: bool) -> str:
    verdict = {True: "yes", False: "**no**", None: ""}
    lines = [
        f"Machine: {machine()}, PostgreSQL {postgres}  ",
        f"Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC  ",
        f"Commit: {commit()}  ",
        f"Sizes: {'quick (BENCH_QUICK=1)' if quick else 'full'}",
        "",
        "| Measurement | Figure | Floor or bound | Ratio | Target | Met |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    lines += [
        f"| {r.measurement} | {r.figure} | {r.floor} | {r.ratio} | {r.target} | {verdict[r.met]} |"
        for r in rows
    ]
    return "\n".join(lines)
