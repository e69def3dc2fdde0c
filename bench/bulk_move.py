"""6. Bulk move: N numbers, all on one campaign, moved to a second campaign of the same brand
by the app's bulk job (compliance.services.numbers.draft_bulk_job of kind move, then
confirm_bulk_job, run inline) through the sandbox with its rate limit, against the bound
N / limit. Checked afterwards in the sandbox's own state and in the server's access log:
every number on the second campaign, none lost, no number moved twice."""

import tempfile
import time
from pathlib import Path

from django.db import transaction
from django.db.models import Count
from django.test import override_settings

from bench import report, sandbox_seed
from bench.load import percentile
from bench.server import access_log, counts

MOVE_PATH = "/10dlc/phone_number_campaigns/"


@transaction.atomic
def _on_first_campaign(world, numbers) -> None:
    """Every number assigned to the world's first campaign, in the sandbox and in the app."""
    from sandbox.models.numbers import NumberAssignment

    first = world.campaigns[0]
    phones = list(numbers.values_list("phone_number", flat=True))
    NumberAssignment.objects.bulk_create(
        (
            NumberAssignment(
                phone_number=p,
                campaign_id=first.campaign_id,
                brand_id=f"{world.prefix}-brand",
                assignment_status="ASSIGNED",
            )
            for p in phones
        ),
        batch_size=2000,
    )
    numbers.update(
        campaign=first, telnyx_campaign_id=first.campaign_id, assignment_status="ASSIGNED"
    )


def measure(cfg) -> list[report.Row]:
    n, rate = cfg.bulk_numbers, cfg.rate_limit
    bound = n / rate
    report.heading(
        f"6. Bulk move: {n} numbers to a second campaign through the sandbox at {rate:g} req/s "
        f"(bound {bound:.1f} s)"
    )
    from compliance.models import BulkAssignment
    from compliance.services.numbers import confirm_bulk_job, draft_bulk_job
    from sandbox.models.numbers import NumberAssignment

    world = sandbox_seed.campaign_world(
        "bench-move", campaigns=2, campaign_status="MNO_PROVISIONED"
    )
    first, second = world.campaigns
    numbers = sandbox_seed.numbers(world, n, area=203)
    _on_first_campaign(world, numbers)
    phones = list(numbers.values_list("phone_number", flat=True))
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "access.log"
        with sandbox_seed.sandbox_server(cfg, access_log=log) as server:
            report.line(
                f"sandbox: {server.description}; bulk job: "
                f"{sandbox_seed.bulk_concurrency()} requests in flight, starts paced at "
                f"{rate:g}/s (NUMBERS_BULK_RATE)"
            )
            with override_settings(NUMBERS_BULK_RATE=rate):
                job = draft_bulk_job(
                    world.organisation, None, BulkAssignment.Kind.MOVE, numbers, second
                )
                started = time.perf_counter()
                confirm_bulk_job(job)  # the immediate backend runs the job here
                elapsed = time.perf_counter() - started
        entries = access_log(log, MOVE_PATH)
    calls = counts(entries)
    served = [ms for method, status, ms in entries if method == "PUT" and status == "200"]
    job.refresh_from_db()
    progress = job.progress()
    rows = NumberAssignment.objects.filter(phone_number__in=phones)
    moved = rows.filter(campaign_id=second.campaign_id).values("phone_number").distinct().count()
    left = rows.filter(campaign_id=first.campaign_id).count()
    lost = n - rows.values("phone_number").distinct().count()
    duplicate_rows = sum(
        r["n"] - 1 for r in rows.values("phone_number").annotate(n=Count("id")) if r["n"] > 1
    )
    put_ok = calls.get(("PUT", "200"), 0)
    refused = calls.get(("PUT", "429"), 0)
    other = sum(v for (m, s), v in calls.items() if m == "PUT" and s not in {"200", "429"})
    duplicates = put_ok - moved + duplicate_rows
    report.line(
        f"elapsed {elapsed:.1f} s against the bound {bound:.1f} s: "
        f"{elapsed / bound:.2f}x (target <= 1.2x)"
    )
    report.line(
        f"sandbox: {moved} of {n} numbers on the second campaign, {left} still on the first, "
        f"{lost} lost; PUTs answered 200: {put_ok}, 429: {refused}, other: {other}"
    )
    report.line(
        f"job: {job.state}, {progress['done']} done, {progress['failed']} failed; "
        f"read-backs (GET): {sum(v for (m, _), v in calls.items() if m == 'GET')}; "
        f"sandbox time per move PUT p50 {percentile(served, 0.5):.1f} ms, "
        f"p99 {percentile(served, 0.99):.1f} ms"
    )
    met = elapsed <= 1.2 * bound and duplicates == 0 and lost == 0 and moved == n
    return [
        report.Row(
            f"Bulk move of {n} numbers at {rate:g} req/s",
            f"{elapsed:.1f} s; {duplicates} duplicates, {lost} lost",
            f"{bound:.1f} s (bound)",
            f"{elapsed / bound:.2f}x",
            "<= 1.2x bound, 0 duplicates, 0 lost",
            met,
        )
    ]
