"""1. Webhook ingestion: signed campaignStatusUpdate events per second through the real
receiver (signature check, de-duplication, lifecycle, database write) on PostgreSQL behind
gunicorn, against the floor (the same server reading the body and answering 204), plus the
raw Ed25519 verification rate of PyNaCl on one core.

A second reference, the storage floor, is the least a durable receiver can do on the same
server: check the signature and INSERT the body (bench/urls.py). Its ratio to the floor is
the best any receiver that stores each event before answering could reach on this machine.

Three configurations: the apply task inline (the whole lifecycle inside each request); as
deployed (stored, apply queued for `manage.py db_worker`, which is not running: the request
ends after storing); and end to end (as deployed with one db_worker running beside the
server, timed until every event is applied)."""

import contextlib
import json
import os
import subprocess
import sys
import time

from bench import cpu, report
from bench.drive import combine, drive, ok
from bench.server import ROOT, gunicorn

RECEIVER = "/webhooks/telnyx/"
FLOOR = "/bench/floor/webhook/"
STORAGE_FLOOR = "/bench/floor/webhook-store/"
PREFIX = "bench-wh-"
# Events whose meaning needs no read-back from Telnyx: the receiver applies them on its own.
EVENT_TYPES = ("REGISTRATION", "TELNYX_REVIEW", "MNO_REVIEW")


IMMEDIATE = "django.tasks.backends.immediate.ImmediateBackend"
QUEUED = "django_tasks_db.DatabaseBackend"
# Mode -> (words, task backend, whether a db_worker applies the events during the run).
MODES = {
    "inline": ("apply inline", IMMEDIATE, False),
    "queued": ("as deployed: apply queued for db_worker", QUEUED, False),
    "end-to-end": ("end to end: receiver and one db_worker, until all applied", QUEUED, True),
}


def measure(cfg) -> list[report.Row]:
    report.heading(
        f"1. Webhook ingestion: {cfg.webhook_events} signed campaignStatusUpdate events, "
        f"{cfg.webhook_concurrency} connections from a second process, PostgreSQL"
    )
    rows = [_verify_rate()]
    if not _route_exists(RECEIVER):
        return rows + [report.skipped("Webhook ingestion", f"no {RECEIVER} (branch webhooks)")]
    try:
        for mode in MODES:
            rows += _ingest(cfg, mode)
    finally:
        clear()
    return rows


def clear() -> None:
    """Remove this measurement's campaigns and events: no leftovers for reconciliation to
    read back (the sandbox does not know them)."""
    from compliance.models import Campaign, WebhookEvent

    WebhookEvent.objects.filter(telnyx_campaign_id__startswith=PREFIX).delete()
    Campaign.objects.filter(campaign_id__startswith=PREFIX).delete()


def _ingest(cfg, mode: str) -> list[report.Row]:
    """Floors, then the receiver, on one server; the events stored, their outcomes."""
    from compliance.telnyx.signatures import generate_keypair

    words, backend, with_worker = MODES[mode]
    brand_id, campaign_ids = _seed(cfg.webhook_events // len(EVENT_TYPES))
    warm_brand, warm_ids = _seed(cfg.workers * 4, prefix=PREFIX + "warm-")
    seed, public_key = generate_keypair()
    env = {"TELNYX_PUBLIC_KEY": public_key, "TASKS_BACKEND": backend}
    with gunicorn(env, workers=cfg.workers) as server:
        report.line(f"{words} ({server.description}, CONN_MAX_AGE=600)")
        # Warm every worker up (imports, database connection) before the clock runs.
        warm = _events(warm_brand, warm_ids, seed, server.url, RECEIVER)
        for path in (FLOOR, STORAGE_FLOOR):
            drive(_with_path(warm, path), concurrency=cfg.workers)
        drive(warm, concurrency=cfg.workers)
        _clear_storage_floor()
        floor = _measured("floor", cfg, brand_id, campaign_ids, seed, server.url, FLOOR)
        storage = _measured(
            "storage floor", cfg, brand_id, campaign_ids, seed, server.url, STORAGE_FLOOR
        )
        _clear_storage_floor()
        with _db_worker(env) if with_worker else _nothing():
            started = time.perf_counter()
            real = _measured("receiver", cfg, brand_id, campaign_ids, seed, server.url, RECEIVER)
            if with_worker:
                applied_in = _wait_until_applied(campaign_ids, started)
    stored = _stored(campaign_ids)
    queued = _drop_queued_tasks()
    rate = stored / applied_in if with_worker else real["rate"]
    ratio, best = rate / floor["rate"], storage["rate"] / floor["rate"]
    outcomes = _outcomes(campaign_ids)
    report.line(
        (
            f"  all applied {applied_in:.1f} s after the first request: {rate:.0f} events/s; "
            if with_worker
            else "  "
        )
        + f"ratio {ratio:.2f} of the floor (target >= 0.5; the storage floor's is {best:.2f}); "
        f"stored {stored} of {real['requests']} ({ok(real)} answered 2xx); outcomes: "
        + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items()))
        + (f"; {queued} apply tasks left queued, warm-up included" if queued else "")
    )
    all_stored = stored == real["requests"] == ok(real)
    if with_worker:
        all_stored = all_stored and outcomes.get("received", 0) == 0
    return [
        report.Row(
            f"Webhook ingestion, {words}",
            f"{rate:.0f} events/s, {stored}/{real['requests']} stored"
            + (", all applied" if with_worker and all_stored else ""),
            f"{floor['rate']:.0f} req/s; storage floor {storage['rate']:.0f} req/s ({best:.2f})",
            f"{ratio:.2f}",
            "ratio >= 0.5, all stored",
            ratio >= 0.5 and all_stored,
        )
    ]


def _measured(label: str, cfg, brand_id, campaign_ids, seed, base: str, path: str) -> dict:
    """Every event sent to `path`; prints the load figures and who spent the CPU."""
    with cpu.measured() as usage:
        result = _batches(cfg, brand_id, campaign_ids, seed, base, path)
    report.line(f"  {label:<15}" + report.load_figures(result))
    if usage.seconds:
        report.line(f"  {'':<15}CPU: {usage.per_request(result['requests'])}")
    return result


def _batches(cfg, brand_id, campaign_ids, seed, base: str, path: str) -> dict:
    """Every event, one batch per event type, each signed right before it is sent: the
    receiver refuses timestamps older than 300 s, and a slow run of every event could outlast
    that."""
    return combine(
        [
            drive(
                _events(brand_id, campaign_ids, seed, base, path, event_type),
                concurrency=cfg.webhook_concurrency,
            )
            for event_type in EVENT_TYPES
        ]
    )


@contextlib.contextmanager
def _nothing():
    yield


@contextlib.contextmanager
def _db_worker(env: dict):
    """`manage.py db_worker` on the bench database, polling every 0.1 s."""
    process = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--queue-name",
            "webhooks",
            "--interval",
            "0.1",
            "--no-startup-delay",
        ],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", **env},
    )
    try:
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_until_applied(campaign_ids: list[str], started: float, timeout: float = 600) -> float:
    """Seconds from `started` until no event of these campaigns waits to be applied."""
    from compliance.models import WebhookEvent

    pending = WebhookEvent.objects.filter(
        telnyx_campaign_id__in=campaign_ids, processed_at__isnull=True
    )
    while pending.exists() and time.perf_counter() - started < timeout:
        time.sleep(0.05)
    return time.perf_counter() - started


def _clear_storage_floor() -> None:
    from compliance.models import WebhookEvent

    WebhookEvent.objects.filter(dedup_key__startswith="floor:").delete()


def _drop_queued_tasks() -> int:
    """Delete the apply tasks the queued mode left for a db_worker (none runs here)."""
    from django_tasks_db.models import DBTaskResult

    apply_tasks = DBTaskResult.objects.filter(task_path__endswith="apply_pending_webhook_events")
    deleted, _ = apply_tasks.delete()
    return deleted


def _verify_rate() -> report.Row:
    """Ed25519 verifications per second on one core: PyNaCl alone, then the app's check."""
    from nacl.signing import SigningKey

    from compliance.telnyx.signatures import sign_webhook, verify_webhook

    key = SigningKey.generate()
    public_key = key.verify_key
    body = json.dumps(_payload("brand", "campaign", "REGISTRATION", 0)).encode()
    headers = sign_webhook(body, key)
    message = headers["telnyx-timestamp"].encode() + b"|" + body
    signature = key.sign(message).signature
    public_key_b64 = _b64(bytes(public_key))

    raw = _rate(lambda: public_key.verify(message, signature))
    full = _rate(lambda: verify_webhook(body, headers, public_key_b64))
    report.line(
        f"Ed25519 on one core: PyNaCl verify {raw:,.0f}/s; "
        f"compliance.telnyx.signatures.verify_webhook {full:,.0f}/s"
    )
    return report.Row(
        "Ed25519 verify, one core (reference)",
        f"{raw:,.0f}/s raw, {full:,.0f}/s verify_webhook",
        "",
        "",
        "",
        None,
    )


def _rate(call, seconds: float = 1.0) -> float:
    done, started = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds:
        for _ in range(200):
            call()
        done += 200
    return done / elapsed


def _b64(raw: bytes) -> str:
    import base64

    return base64.b64encode(raw).decode()


def _route_exists(path: str) -> bool:
    from django.urls import Resolver404, resolve

    try:
        resolve(path)
    except Resolver404:
        return False
    return True


def _seed(count: int, prefix: str = PREFIX) -> tuple[str, list[str]]:
    """A brand and `count` campaigns pending at TCR, ready for their events (fresh each run)."""
    from compliance.models import Brand, Campaign, Organisation, SubmissionState, WebhookEvent

    organisation, _ = Organisation.objects.get_or_create(
        slug="bench-webhooks", defaults={"name": "Bench webhooks"}
    )
    WebhookEvent.objects.filter(telnyx_campaign_id__startswith=prefix).delete()
    Campaign.objects.filter(campaign_id__startswith=prefix).delete()
    brand_id = f"{prefix}brand"
    brand, _ = Brand.objects.get_or_create(
        brand_id=brand_id,
        defaults={
            "organisation": organisation,
            "display_name": "Bench brand",
            "submission_state": SubmissionState.SUBMITTED,
            "status": "OK",
            "identity_status": "VERIFIED",
        },
    )
    ids = [f"{prefix}{i:05d}" for i in range(count)]
    Campaign.objects.bulk_create(
        Campaign(
            organisation=organisation,
            brand=brand,
            submission_state=SubmissionState.SUBMITTED,
            usecase="MARKETING",
            campaign_id=campaign_id,
            campaign_status="TCR_PENDING",
        )
        for campaign_id in ids
    )
    return brand_id, ids


def _payload(brand_id: str, campaign_id: str, event_type: str, created: int) -> dict:
    return {
        "brandId": brand_id,
        "campaignId": campaign_id,
        "createDate": str(created),
        "cspId": "BENCHCSP",
        "isTMobileRegistered": False,
        "type": event_type,
        "status": "ACCEPTED",
        "description": f"{event_type} accepted",
    }


def _events(brand_id, campaign_ids, seed: str, base: str, path: str, *event_types) -> list:
    """The campaigns' events of these types (default: all, in lifecycle order: every
    REGISTRATION event first, and so on), each body signed now."""
    from compliance.telnyx.signatures import sign_webhook

    created = int(time.time()) - 3600
    requests = []
    for event_type in event_types or EVENT_TYPES:
        for campaign_id in campaign_ids:
            body = json.dumps(
                _payload(brand_id, campaign_id, event_type, created), separators=(",", ":")
            )
            headers = {**sign_webhook(body.encode(), seed), "content-type": "application/json"}
            requests.append(
                {"method": "POST", "url": base + path, "headers": headers, "body": body}
            )
    return requests


def _with_path(requests: list[dict], path: str) -> list[dict]:
    return [{**spec, "url": spec["url"].replace(RECEIVER, path)} for spec in requests]


def _stored(campaign_ids: list[str]) -> int:
    from compliance.models import WebhookEvent

    return WebhookEvent.objects.filter(telnyx_campaign_id__in=campaign_ids).count()


def _outcomes(campaign_ids: list[str]) -> dict[str, int]:
    from django.db.models import Count

    from compliance.models import WebhookEvent

    rows = (
        WebhookEvent.objects.filter(telnyx_campaign_id__in=campaign_ids)
        .values_list("outcome")
        .annotate(n=Count("id"))
    )
    return dict(rows)
