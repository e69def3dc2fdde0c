"""5. Reconciliation: N non-terminal campaigns read back from the sandbox (compliance.services.
reconcile.reconcile_all, what `manage.py reconcile` runs) with the sandbox's rate limit on
GET /10dlc/campaign/{id}, against the bound N / limit. The app paces its calls at
RECONCILE_MIN_INTERVAL; here it is set to 1 / limit, what a deployment on that limit would set.
Every campaign the sandbox reports as MNO_PROVISIONED while the app still has it at
MNO_PENDING, so each read-back is a real change to apply."""

import tempfile
import time
from pathlib import Path

from django.test import override_settings

from bench import report, sandbox_seed, webhooks
from bench.load import percentile
from bench.server import access_log, counts

READ_PATH = "/10dlc/campaign/"


def measure(cfg) -> list[report.Row]:
    n, rate = cfg.reconcile_campaigns, cfg.rate_limit
    bound = n / rate
    report.heading(
        f"5. Reconciliation: {n} non-terminal campaigns read back at {rate:g} req/s "
        f"(bound {bound:.1f} s)"
    )
    from compliance.models import Campaign
    from compliance.services.reconcile import reconcile_all, unsettled_brands, unsettled_campaigns

    webhooks.clear()  # an interrupted webhook run leaves campaigns the sandbox does not know
    world = sandbox_seed.campaign_world(
        "bench-reconcile",
        campaigns=n,
        campaign_status="MNO_PROVISIONED",
        app_status="MNO_PENDING",
    )
    others = unsettled_campaigns().exclude(organisation=world.organisation).count()
    others += unsettled_brands().count()
    if others:
        report.line(f"note: {others} other unsettled brands/campaigns in the database are read too")
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "access.log"
        with (
            sandbox_seed.sandbox_server(cfg, access_log=log) as server,
            override_settings(RECONCILE_MIN_INTERVAL=1 / rate),
        ):
            report.line(f"sandbox: {server.description}; app pacing 1/{rate:g} s per call")
            started = time.perf_counter()
            result = reconcile_all()
            elapsed = time.perf_counter() - started
        entries = access_log(log, READ_PATH)
    calls = counts(entries)
    checked = result.campaigns_checked + result.brands_checked
    bound = checked / rate  # every read counts against the limit, ours or not
    served = [ms for method, status, ms in entries if method == "GET" and status == "200"]
    healed = Campaign.objects.filter(
        organisation=world.organisation, campaign_status="MNO_PROVISIONED"
    ).count()
    report.line(
        f"elapsed {elapsed:.1f} s against the bound {bound:.1f} s ({checked} reads): "
        f"{elapsed / bound:.2f}x; {elapsed / max(1, checked) * 1000:.1f} ms per read"
    )
    report.line(
        f"{result.campaigns_checked} campaigns checked, {healed} of {n} now MNO_PROVISIONED, "
        f"{len(result.errors)} errors; GETs answered 200: {calls.get(('GET', '200'), 0)}, "
        f"429: {calls.get(('GET', '429'), 0)}; sandbox time per GET p50 "
        f"{percentile(served, 0.5):.1f} ms"
    )
    return [
        report.Row(
            f"Reconciliation of {n} campaigns at {rate:g} req/s",
            f"{elapsed:.1f} s; {healed}/{n} healed, {len(result.errors)} errors",
            f"{bound:.1f} s (bound)",
            f"{elapsed / bound:.2f}x",
            "near the bound, all healed",
            None,
        )
    ]
