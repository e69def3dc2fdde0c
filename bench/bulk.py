"""4. Bulk assignment: N numbers assigned to one campaign by the app's bulk job (compliance.
services.numbers.start_bulk_assignment, run inline) through the sandbox with its rate limit,
against the bound N / limit. Checked afterwards in the sandbox's own state and in the
server's access log: every number assigned once, none lost, no duplicate assignment."""

import tempfile
import time
from pathlib import Path

from django.test import override_settings

from bench import report, sandbox_seed
from bench.load import percentile
from bench.server import access_log, counts

ASSIGN_PATH = "/10dlc/phone_number_campaigns"


def measure(cfg) -> list[report.Row]:
    n, rate = cfg.bulk_numbers, cfg.rate_limit
    bound = n / rate
    report.heading(
        f"4. Bulk assignment: {n} numbers through the sandbox at {rate:g} req/s "
        f"(bound {bound:.1f} s)"
    )
    from compliance.services.numbers import start_bulk_assignment

    world = sandbox_seed.campaign_world(
        "bench-bulk", campaigns=1, campaign_status="MNO_PROVISIONED"
    )
    campaign = world.campaigns[0]
    numbers = sandbox_seed.numbers(world, n)
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "access.log"
        with sandbox_seed.sandbox_server(cfg, access_log=log) as server:
            report.line(
                f"sandbox: {server.description} (one process: its token bucket is the limit); "
                f"bulk job: {sandbox_seed.bulk_concurrency()} requests in flight, "
                f"starts paced at {rate:g}/s (NUMBERS_BULK_RATE)"
            )
            # What a deployment on this limit sets: the job paces its calls to the limit.
            with override_settings(NUMBERS_BULK_RATE=rate):
                started = time.perf_counter()
                job = start_bulk_assignment(world.organisation, None, campaign, numbers)
                elapsed = time.perf_counter() - started
        entries = access_log(log, ASSIGN_PATH)
    calls = counts(entries)
    served = [ms for method, status, ms in entries if method == "POST" and status == "200"]
    job.refresh_from_db()
    progress = job.progress()
    check = sandbox_seed.assignments(world, [number.phone_number for number in numbers])
    posted = calls.get(("POST", "200"), 0)
    refused = calls.get(("POST", "429"), 0)
    rejected = sum(v for (m, s), v in calls.items() if m == "POST" and s not in {"200", "429"})
    duplicates = posted - check.assigned + check.duplicate_rows
    report.line(
        f"elapsed {elapsed:.1f} s against the bound {bound:.1f} s: "
        f"{elapsed / bound:.2f}x (target <= 1.2x)"
    )
    report.line(
        f"sandbox: {check.assigned} of {n} numbers assigned to the campaign, "
        f"{check.lost} lost, {check.elsewhere} on another campaign; "
        f"POSTs answered 200: {posted}, 429: {refused}, other: {rejected}"
    )
    report.line(
        f"job: {job.state}, {progress['done']} done, {progress['failed']} failed; "
        f"read-backs (GET): {sum(v for (m, _), v in calls.items() if m == 'GET')}; "
        f"sandbox time per assignment POST p50 {percentile(served, 0.5):.1f} ms, "
        f"p99 {percentile(served, 0.99):.1f} ms"
    )
    met = elapsed <= 1.2 * bound and duplicates == 0 and check.lost == 0
    return [
        report.Row(
            f"Bulk assignment of {n} numbers at {rate:g} req/s",
            f"{elapsed:.1f} s; {duplicates} duplicates, {check.lost} lost",
            f"{bound:.1f} s (bound)",
            f"{elapsed / bound:.2f}x",
            "<= 1.2x bound, 0 duplicates, 0 lost",
            met,
        )
    ]
