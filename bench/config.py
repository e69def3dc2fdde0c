"""What `make bench` measures and how big, read from the environment.

BENCH_QUICK=1            small sizes, for a smoke run (about a minute)
BENCH_ONLY=webhooks,...  run only these (webhooks, wizard, numbers, bulk, reconcile,
                         bulkmove)
BENCH_DATABASE_URL       PostgreSQL database (created and migrated when missing),
                         default postgres://postgres@127.0.0.1:5432/tendlc_bench
BENCH_WORKERS            gunicorn workers of the app server (default 4)
BENCH_RATE_LIMIT         the sandbox's rate limit in requests per second (default 50)
"""

import os
from dataclasses import dataclass

# Name (for BENCH_ONLY) -> module of bench/ that measures it, in the order of issue 11.
MODULES = {
    "webhooks": "webhooks",
    "wizard": "wizard",
    "numbers": "numbers_screen",
    "bulk": "bulk",
    "reconcile": "reconcile",
    "bulkmove": "bulk_move",
}
MEASUREMENTS = tuple(MODULES)


@dataclass(frozen=True)
class Config:
    quick: bool
    only: tuple[str, ...]
    database_url: str
    workers: int
    rate_limit: float
    webhook_events: int
    webhook_concurrency: int
    wizard_requests: int
    wizard_users: tuple[int, ...]
    number_sizes: tuple[int, ...]
    bulk_numbers: int
    reconcile_campaigns: int


def from_env(environ=os.environ) -> Config:
    quick = environ.get("BENCH_QUICK", "").strip().lower() in {"1", "true", "yes", "on"}
    only = tuple(name.strip() for name in environ.get("BENCH_ONLY", "").split(",") if name.strip())
    unknown = set(only) - set(MEASUREMENTS)
    if unknown:
        raise SystemExit(f"BENCH_ONLY: unknown {sorted(unknown)}; choose from {MEASUREMENTS}")
    return Config(
        quick=quick,
        only=only or MEASUREMENTS,
        database_url=environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/tendlc_bench"
        ),
        workers=int(environ.get("BENCH_WORKERS", "4")),
        rate_limit=float(environ.get("BENCH_RATE_LIMIT", "50")),
        webhook_events=400 if quick else 5000,
        webhook_concurrency=8,
        wizard_requests=100 if quick else 1000,
        wizard_users=(1, 20),
        number_sizes=(100, 300, 1000) if quick else (100, 1000, 10000),
        bulk_numbers=100 if quick else 5000,
        reconcile_campaigns=50 if quick else 1000,
    )
