"""Run the load driver (bench/load.py) in a second process against prepared requests."""

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.load import percentile

LOAD = Path(__file__).resolve().parent / "load.py"


def drive(requests: list[dict], *, concurrency: int) -> dict:
    """Send `requests` from a separate process; its JSON summary (rate, p50_ms, p99_ms ...)."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl") as f:
        for spec in requests:
            f.write(json.dumps(spec) + "\n")
        f.flush()
        completed = subprocess.run(
            [sys.executable, str(LOAD), f.name, "--concurrency", str(concurrency)],
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(completed.stdout)


def ok(result: dict) -> int:
    """How many answers were 2xx or 3xx."""
    return sum(n for status, n in result["statuses"].items() if 200 <= int(status) < 400)


def combine(results: list[dict]) -> dict:
    """One summary for runs made one after another (e.g. batches signed just before each)."""
    latencies = [ms for result in results for ms in result["latencies_ms"]]
    statuses: dict[str, int] = {}
    for result in results:
        for status, n in result["statuses"].items():
            statuses[status] = statuses.get(status, 0) + n
    requests = sum(result["requests"] for result in results)
    seconds = sum(result["seconds"] for result in results)
    return {
        "requests": requests,
        "concurrency": results[0]["concurrency"],
        "seconds": seconds,
        "rate": requests / seconds if seconds else 0.0,
        "p50_ms": percentile(latencies, 0.50),
        "p99_ms": percentile(latencies, 0.99),
        "mean_ms": statistics.fmean(latencies) if latencies else 0.0,
        "statuses": statuses,
        "latencies_ms": latencies,
    }
