"""Run the load driver (bench/load.py) in a second process against prepared requests."""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

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
