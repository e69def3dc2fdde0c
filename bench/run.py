"""`make bench`: the five measurements of issue 11, each next to its floor or bound.

Figures only, never assertions. Options come from the environment (bench/config.py):
BENCH_QUICK=1 for a smoke run with small sizes, BENCH_ONLY=webhooks,wizard,... for a subset.
The last thing printed is the results table for bench/README.md.
"""

import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)  # the repository, not bench/ (whose module names are plain words)

from bench import config, database, report  # noqa: E402


def main() -> None:
    cfg = config.from_env()
    database.setup(cfg.database_url)
    print(f"Benchmarks ({'quick sizes' if cfg.quick else 'full sizes'}) on {report.machine()}")
    rows: list[report.Row] = []
    for name in config.MEASUREMENTS:
        if name in cfg.only:
            rows += importlib.import_module(f"bench.{config.MODULES[name]}").measure(cfg)
    print("\n== Results table (for bench/README.md)\n")
    print(report.table(rows, postgres=database.server_version(), quick=cfg.quick))


if __name__ == "__main__":
    main()
