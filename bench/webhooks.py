"""1. Webhook ingestion: signed campaignStatusUpdate events per second through the real
receiver (signature check, de-duplication, lifecycle, database write) on PostgreSQL behind
gunicorn, against the floor (the same server reading the body and answering 204), plus the
raw Ed25519 verification rate of PyNaCl on one core.

A second reference, the storage floor, is the least a durable receiver can do on the same
server: check the signature and INSERT the body (bench/urls.py). Its ratio to the floor is
the best any receiver that stores each event before answering could reach on this machine.

Configurations: the apply task inline (the whole lifecycle inside each request); as
deployed (stored, apply queued for `manage.py db_worker`, which is not running: the request
ends after storing); and end to end (as deployed with db_workers running beside the server,
timed until every event is applied), for 1 and 2 servers x 1 and 2 workers (with two
servers the events alternate between them; the floors are measured on the first)."""

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
# Mode -> (words, task backend, how many db_workers apply the events during the run, how
# many servers (gunicorns) receive them).
MODES = {
    "inline": ("apply inline", IMMEDIATE, 0, 1),
    "queued": ("as deployed: apply queued for db_worker", QUEUED, 0, 1),
    "end-to-end": ("end to end: one server, one db_worker, until all applied", QUEUED, 1, 1),
    "end-to-end-2": ("end to end: one server, two db_workers, until all applied", QUEUED, 2, 1),
    "end-to-end-2x1": (
        "end to end: two servers, one db_worker, until all applied",
        QUEUED,
        1,
        2,
    ),
    "end-to-end-2x2": (
        "end to end: two servers, two db_workers, until all applied",
        QUEUED,
        2,
        2,
    ),
}
BATCH = 100  # events per batch of `apply_pending_events`


def measure(cfg) -> list[report.Row]:
    report.heading(
        f"1. Webhook ingestion: {cfg.webhook_events} signed campaignStatusUpdate events, "
        f"{cfg.webhook_concurrency} connections from a second process, PostgreSQL"
    )
    rows = [_verify_rate()]
    if not _route_exists(RECEIVER):
        return rows + [report.skipped("Webhook ingestion", f"no {RECEIVER} (branch webhooks)")]
    rates: dict[str, float] = {}
    try:
        rows.append(_statements_per_event(cfg))
        rows += _backlog_drain(cfg)
        for mode in MODES:
            mode_rows, rates[mode] = _ingest(cfg, mode)
            rows += mode_rows
    finally:
        clear()
    return rows + _apply_ratios(rates)


def _apply_ratios(rates: dict[str, float]) -> list[report.Row]:
    """Issue 24's targets, from this run: end to end with one worker against the as-deployed
    ingestion rate, and two workers against one."""
    one, two, ingest = rates["end-to-end"], rates["end-to-end-2"], rates["queued"]
    report.line(
        "end to end, events/s by servers x db_workers: "
        + "; ".join(
            f"{servers} x {workers}: {rates[mode]:.0f}"
            for mode, (_, _, workers, servers) in MODES.items()
            if workers
        )
    )
    report.line(
        f"end to end / as deployed: {one / ingest:.2f} (target >= 0.5); "
        f"two workers / one: {two / one:.2f} (target >= 1.7)"
    )
    return [
        report.Row(
            "Webhook apply, end to end (one worker) vs as-deployed ingestion",
            f"{one:.0f} events/s",
            f"{ingest:.0f} events/s ingested",
            f"{one / ingest:.2f}",
            ">= 0.5",
            one / ingest >= 0.5,
        ),
        report.Row(
            "Webhook apply, two db_workers vs one (end to end)",
            f"{two:.0f} events/s",
            f"{one:.0f} events/s with one",
            f"{two / one:.2f}",
            ">= 1.7",
            two / one >= 1.7,
        ),
    ]


def _statements_per_event(cfg) -> report.Row:
    """SQL statements per event, counted in this process: the same mix (status events and
    phone-number events, as a bulk assignment sends) applied one event at a time with
    `apply_event`, then by `apply_pending_events` in batches of BATCH."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from compliance.models import WebhookEvent
    from compliance.services.webhooks import apply_event, apply_pending_events

    count = 200 if cfg.quick else 1000
    brand_id, ids = _seed(count // 20, prefix=PREFIX + "sql-")
    WebhookEvent.objects.filter(processed_at__isnull=True).update(processed_at=time_now())

    def store() -> None:
        _store_mix(count, brand_id, ids, tag="sql")

    store()
    with CaptureQueriesContext(connection) as one_by_one:
        for event in WebhookEvent.objects.filter(processed_at__isnull=True).order_by("pk"):
            apply_event(event)
    brand_id, ids = _seed(count // 20, prefix=PREFIX + "sql-")
    store()
    with CaptureQueriesContext(connection) as batched:
        applied = apply_pending_events(batch=BATCH)
    _drop_queued_tasks()  # a backlog queues an apply task for a worker: none runs here
    before, after = len(one_by_one) / count, len(batched) / max(applied, 1)
    report.line(
        f"SQL statements per event ({count} events, 9 in 10 phone-number events): "
        f"one at a time {before:.2f}, batch of {BATCH} {after:.2f} (target <= 3)"
    )
    return report.Row(
        f"Webhook apply, SQL statements per event at batch size {BATCH}",
        f"{after:.2f} per event ({applied} events)",
        f"{before:.2f} one at a time",
        f"{after / before:.2f}",
        "<= 3",
        after <= 3 and applied == count,
    )


def _store_mix(count: int, brand_id: str, ids: list[str], *, tag: str, queue=False) -> None:
    """`count` events stored as the receiver stores them: nine in ten phone-number events (a
    bulk assignment), the others campaignStatusUpdates; with `queue`, each followed by the
    receiver's `schedule_apply`."""
    from compliance.services.webhooks import record_event, schedule_apply

    created = int(time.time())
    for index in range(count):
        campaign_id = ids[index % len(ids)]
        if index % 10 < 9:
            body = {
                "data": {
                    "event_type": "10dlc.phone_number.update",
                    "id": f"{PREFIX}{tag}-{time.time_ns()}-{index}",
                    "payload": {
                        "campaignId": campaign_id,
                        "phoneNumber": f"+1555{index:07d}",
                        "type": "ASSIGNMENT",
                        "status": "ADDED",
                    },
                }
            }
        else:
            event_type = EVENT_TYPES[(index // len(ids)) % len(EVENT_TYPES)]
            body = _payload(brand_id, campaign_id, event_type, created + index)
        record_event(json.dumps(body).encode(), {}, created)
        if queue:
            schedule_apply()


DRAIN_ROUNDS = (1, 2, 1, 2)  # db_workers per round, alternating: a drift hits both alike


def _backlog_drain(cfg) -> list[report.Row]:
    """A burst drained by 1 and 2 db_workers: N events (the statements mix) stored with no
    worker applying, exactly as the receiver stores them (record_event, then schedule_apply,
    which queues one apply task unless one waits), then the workers drain them; timed until
    none waits. Fresh campaigns and events each round, DRAIN_ROUNDS alternating.

    Worker start-up is kept out of the time by a barrier: the workers start first and are
    waited for until each holds its database connection (polling an empty queue), then the
    events and their apply task are stored in ONE transaction; the clock starts at its commit,
    the moment every worker can see the whole backlog at once. (Timing from the first claim
    would still charge the second worker's start-up, which can lag the first by seconds on a
    busy machine, to the two-worker figure.)"""
    from django.conf import settings
    from django.db import transaction
    from django.test.utils import override_settings

    count = 500 if cfg.quick else 5000
    queued = {**settings.TASKS, "default": {**settings.TASKS["default"], "BACKEND": QUEUED}}
    env = {"TASKS_BACKEND": QUEUED}
    times: dict[int, list[tuple[float, cpu.Usage, str]]] = {}
    report.line(
        f"backlog drain: {count} events stored (9 in 10 phone-number events) with no worker "
        f"applying, then drained by db_workers; rounds {DRAIN_ROUNDS}"
    )
    for workers in DRAIN_ROUNDS:
        clear()
        _drop_queued_tasks()
        brand_id, ids = _seed(count // 20, prefix=PREFIX + "drain-")
        with _db_workers(env, workers, ready=True):
            # The barrier: every event visible at one commit; queued as deployed (this
            # process otherwise runs tasks at once).
            with override_settings(TASKS=queued), transaction.atomic():
                _store_mix(count, brand_id, ids, tag="drain", queue=True)
                tasks = _apply_tasks_waiting()
            with cpu.measured() as usage:
                started = time.perf_counter()
                elapsed = _wait_until_applied(ids, started)
        stored, pending = _stored(ids), _pending(ids)
        who = _who_applied()
        note = f"{tasks} apply task(s) queued by the store; events applied by {who}" + (
            f"; {pending} NOT APPLIED" if pending else ""
        )
        times.setdefault(workers, []).append((elapsed, usage, note))
        report.line(
            f"  {workers} db_worker(s): {stored} events in {elapsed:.2f} s, "
            f"{stored / elapsed:.0f} events/s; {note}"
        )
        report.line(f"    CPU: {usage.per_request(stored)} (per event)")
    clear()
    _drop_queued_tasks()
    medians = {}
    for workers, runs in sorted(times.items()):
        runs.sort(key=lambda run: run[0])
        elapsed, usage, _ = runs[(len(runs) - 1) // 2]  # the median (the lower of two)
        medians[workers] = count / elapsed
        report.line(
            f"  median, {workers} db_worker(s): {elapsed:.2f} s, {count / elapsed:.0f} events/s; "
            f"CPU {usage.per_request(count)}"
        )
    one, two = medians[1], medians[2]
    report.line(f"  backlog drain, two workers / one: {two / one:.2f} (target >= 1.7)")
    return [
        report.Row(
            f"Webhook apply, backlog drain of {count} stored events, two db_workers vs one",
            f"{two:.0f} events/s",
            f"{one:.0f} events/s with one",
            f"{two / one:.2f}",
            ">= 1.7",
            two / one >= 1.7,
        )
    ]


def _apply_tasks_waiting() -> int:
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path__endswith="apply_pending_webhook_events", status=TaskResultStatus.READY
    ).count()


def _who_applied() -> str:
    """'3 tasks, 2 of them applying (100+...), by 2 worker processes', from the queue."""
    from django_tasks_db.models import DBTaskResult

    rows = list(
        DBTaskResult.objects.filter(task_path__endswith="apply_pending_webhook_events")
        .exclude(return_value=None)
        .values_list("return_value", "worker_ids")
    )
    busy = [(value, ids) for value, ids in rows if value]
    workers = {worker for _, ids in busy for worker in ids}
    return (
        f"{len(busy)} of {len(rows)} tasks ("
        + "+".join(str(value) for value, _ in busy)
        + f") in {len(workers)} worker process(es)"
    )


def _pending(campaign_ids: list[str]) -> int:
    from compliance.models import WebhookEvent

    return WebhookEvent.objects.filter(
        telnyx_campaign_id__in=campaign_ids, processed_at__isnull=True
    ).count()


def time_now():
    from django.utils import timezone

    return timezone.now()


def clear() -> None:
    """Remove this measurement's campaigns and events: no leftovers for reconciliation to
    read back (the sandbox does not know them)."""
    from compliance.models import Campaign, WebhookEvent

    WebhookEvent.objects.filter(telnyx_campaign_id__startswith=PREFIX).delete()
    Campaign.objects.filter(campaign_id__startswith=PREFIX).delete()


def _ingest(cfg, mode: str) -> tuple[list[report.Row], float]:
    """Floors, then the receiver, on one server; the events stored, their outcomes."""
    from compliance.telnyx.signatures import generate_keypair

    words, backend, with_worker, server_count = MODES[mode]
    brand_id, campaign_ids = _seed(cfg.webhook_events // len(EVENT_TYPES))
    warm_brand, warm_ids = _seed(cfg.workers * 4 * server_count, prefix=PREFIX + "warm-")
    seed, public_key = generate_keypair()
    env = {"TELNYX_PUBLIC_KEY": public_key, "TASKS_BACKEND": backend}
    with contextlib.ExitStack() as servers_running:
        servers = [
            servers_running.enter_context(gunicorn(env, workers=cfg.workers))
            for _ in range(server_count)
        ]
        server, urls = servers[0], [s.url for s in servers]
        report.line(f"{words} ({server_count} x {server.description}, CONN_MAX_AGE=600)")
        # Warm every worker up (imports, database connection) before the clock runs.
        warm = _events(warm_brand, warm_ids, seed, server.url, RECEIVER)
        for path in (FLOOR, STORAGE_FLOOR):
            drive(_with_path(warm, path), concurrency=cfg.workers)
        drive(_spread(warm, urls), concurrency=cfg.workers * server_count)
        _clear_storage_floor()
        floor = _measured("floor", cfg, brand_id, campaign_ids, seed, server.url, FLOOR)
        storage = _measured(
            "storage floor", cfg, brand_id, campaign_ids, seed, server.url, STORAGE_FLOOR
        )
        _clear_storage_floor()
        with _db_workers(env, with_worker):
            started = time.perf_counter()
            real = _measured(
                "receiver", cfg, brand_id, campaign_ids, seed, server.url, RECEIVER, urls
            )
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
            f"Webhook {'apply' if with_worker else 'ingestion'}, {words}",
            f"{rate:.0f} events/s, {stored}/{real['requests']} stored"
            + (", all applied" if with_worker and all_stored else ""),
            f"{floor['rate']:.0f} req/s; storage floor {storage['rate']:.0f} req/s ({best:.2f})",
            f"{ratio:.2f}",
            "ratio >= 0.5, all stored",
            ratio >= 0.5 and all_stored,
        )
    ], rate


def _measured(label: str, cfg, brand_id, campaign_ids, seed, base: str, path: str, urls=()) -> dict:
    """Every event sent to `path` (alternating between the servers at `urls`, when given);
    prints the load figures and who spent the CPU."""
    with cpu.measured() as usage:
        result = _batches(cfg, brand_id, campaign_ids, seed, base, path, urls)
    report.line(f"  {label:<15}" + report.load_figures(result))
    if usage.seconds:
        report.line(f"  {'':<15}CPU: {usage.per_request(result['requests'])}")
    return result


def _batches(cfg, brand_id, campaign_ids, seed, base: str, path: str, urls=()) -> dict:
    """Every event, one batch per event type, each signed right before it is sent: the
    receiver refuses timestamps older than 300 s, and a slow run of every event could outlast
    that."""
    return combine(
        [
            drive(
                _spread(_events(brand_id, campaign_ids, seed, base, path, event_type), urls),
                concurrency=cfg.webhook_concurrency,
            )
            for event_type in EVENT_TYPES
        ]
    )


def _spread(requests: list[dict], urls) -> list[dict]:
    """The requests alternating between the servers at `urls` (unchanged for one or none)."""
    if len(urls) < 2:
        return requests
    first = urls[0]
    return [
        {**spec, "url": spec["url"].replace(first, urls[index % len(urls)], 1)}
        for index, spec in enumerate(requests)
    ]


@contextlib.contextmanager
def _db_workers(env: dict, count: int, *, ready: bool = False):
    """`count` processes of `manage.py db_worker` on the bench database; with `ready`, until
    each holds its database connection (it has started and polls the queue), else until the
    apply tasks the warm-up left are taken."""
    with contextlib.ExitStack() as stack:
        for index in range(count):
            name = f"{WORKER_APP}{os.getpid()}-{index}"
            stack.enter_context(_db_worker({**env, "PGAPPNAME": name} if ready else env))
        if count and ready:
            _wait_until_connected(f"{WORKER_APP}{os.getpid()}-", count)
        elif count:
            _wait_until_started()
        yield


WORKER_APP = "bench-db-worker-"


def _wait_until_connected(prefix: str, count: int, timeout: float = 180) -> None:
    """Until `count` connections whose application_name starts with `prefix` are open."""
    from django.db import connection

    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE %s",
                [prefix + "%"],
            )
            if cursor.fetchone()[0] >= count:
                return
        time.sleep(0.05)
    raise RuntimeError(f"{count} db_workers did not connect within {timeout:.0f} s")


def _wait_until_started(timeout: float = 180) -> None:
    """Until the workers have taken the apply tasks the warm-up left queued: a worker's start
    (importing Django on a busy machine takes seconds) is not part of the apply rate."""
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        task_path__endswith="apply_pending_webhook_events", status=TaskResultStatus.READY
    )
    started = time.perf_counter()
    while waiting.exists() and time.perf_counter() - started < timeout:
        time.sleep(0.05)


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
        # Persistent connections, as the server here and as deployed (CONN_MAX_AGE=60 in
        # deploy/tendlc.env.example): with 0 each task and each idle look opens one.
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "CONN_MAX_AGE": "600",
            **env,
        },
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
