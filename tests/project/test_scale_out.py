"""Two web servers and two webhook workers on one PostgreSQL stay correct (issue 24.2).

Two `manage.py serve` processes (each gunicorn and a db_worker per queue) on the test
database. The same 2,000 signed events (status updates of a hundred campaigns, out of order,
and the phone-number events of their numbers) go to both servers, some delivered twice more,
in a shuffled order, from eight connections, while a bulk assignment of 300 other numbers
runs in the servers' workers against a sandbox server on the same database (the servers
talk to it as to Telnyx, with its key). Afterwards every event is stored once and applied
once, every number is recorded once, no campaign's status ever moved back, and every number
of the bulk job is assigned once, in the sandbox and in the app.
"""

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from django.db import connection

from bench import sandbox_seed
from bench.server import gunicorn
from compliance.lifecycle import CampaignStatus
from compliance.models import CampaignEvent, WebhookEvent
from compliance.models.numbers import BulkAssignment, PhoneNumber
from compliance.services.numbers import Kind, confirm_bulk_job, draft_bulk_job
from compliance.telnyx.signatures import generate_keypair, sign_webhook
from tests.project.deployment import (
    PUBLIC_HOST,
    REPO,
    descendants,
    free_port,
    kill_tree,
    production_env,
)
from tests.services.test_submission_crash import _database_url
from tests.webhooks.webhook_helpers import encode, envelope, make_campaign, status_update

pytestmark = pytest.mark.django_db(transaction=True)

CAMPAIGNS, NUMBERS_PER_CAMPAIGN = 100, 17  # 100 x (3 status + 17 number events) = 2,000
ORDER = ["TCR_PENDING", "TCR_ACCEPTED", "TELNYX_ACCEPTED", "MNO_ACCEPTED"]
STEPS = ("REGISTRATION", "TELNYX_REVIEW", "MNO_REVIEW")
TIMEOUT = 150
BULK_NUMBERS = 300


def _serve(port: int, env: dict, tmp_path, name: str) -> subprocess.Popen:
    command = [sys.executable, str(REPO / "manage.py"), "serve"]
    command += ["--bind", f"127.0.0.1:{port}", "--web-workers", "2", "--queue-workers", "1"]
    with (tmp_path / f"{name}.out").open("w") as out, (tmp_path / f"{name}.err").open("w") as err:
        return subprocess.Popen(
            command, env=env, cwd=REPO, stdout=out, stderr=err, start_new_session=True
        )


def _stop(serve: subprocess.Popen) -> None:
    tree = descendants(serve.pid)
    if serve.poll() is None:
        serve.send_signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            serve.wait(timeout=45)
    kill_tree(serve, tree)


def _bodies(campaign_ids: list[str]) -> tuple[list[bytes], list[str]]:
    bodies, numbers = [], []
    for index, campaign_id in enumerate(campaign_ids):
        steps = STEPS if index % 2 else tuple(reversed(STEPS))  # half of them out of order
        bodies += [encode(status_update(campaign_id, step, "ACCEPTED")) for step in steps]
        for n in range(NUMBERS_PER_CAMPAIGN):
            number = f"+1555{index:03d}{n:04d}"
            numbers.append(number)
            payload = {
                "campaignId": campaign_id,
                "phoneNumber": number,
                "type": "ASSIGNMENT",
                "status": "ADDED",
            }
            bodies.append(encode(envelope("10dlc.phone_number.update", payload)))
    return bodies, numbers


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="several processes on one database: PostgreSQL only",
)
def test_two_servers_and_two_workers_apply_every_event_once_and_never_move_back(
    organisation, owner, sandbox_api_key, settings, tmp_path
):
    assert connection.vendor == "postgresql"
    campaigns = [make_campaign(organisation, status="TCR_PENDING") for _ in range(CAMPAIGNS)]
    bodies, numbers = _bodies([c.campaign_id for c in campaigns])
    assert len(bodies) == 2000
    # The bulk job's world: a provisioned campaign and 300 unassigned numbers, in the sandbox
    # (as Telnyx holds them) and in the app, of another organisation.
    world = sandbox_seed.campaign_world(
        "scale-bulk", campaigns=1, campaign_status="MNO_PROVISIONED"
    )
    bulk_numbers = sandbox_seed.numbers(world, BULK_NUMBERS, area=207)
    seed, public_key = generate_keypair()
    stack = contextlib.ExitStack()  # the sandbox server, stopped in `finally`
    sandbox_url = stack.enter_context(
        gunicorn({"DATABASE_URL": _database_url()}, workers=1, threads=8)
    ).url
    env = production_env(
        _database_url(),
        tmp_path / "static",
        TELNYX_PUBLIC_KEY=public_key,
        TELNYX_API_KEY=sandbox_api_key,
        TELNYX_BASE_URL=f"{sandbox_url}/sandbox/telnyx/v2",
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
    )
    ports = [free_port(), free_port()]
    servers = [_serve(port, env, tmp_path, f"serve{i}") for i, port in enumerate(ports)]
    proxy = {"Host": PUBLIC_HOST, "X-Forwarded-Proto": "https"}
    try:
        clients = [
            httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=proxy, timeout=30)
            for port in ports
        ]
        deadline = time.monotonic() + TIMEOUT
        for client, server in zip(clients, servers, strict=True):
            while True:
                assert server.poll() is None, "serve exited while starting"
                assert time.monotonic() < deadline, "serve did not become ready"
                try:
                    if client.get("/readyz").status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                time.sleep(0.5)

        # The bulk assignment goes to the database queue: the servers' workers run it while
        # the events arrive.
        settings.TASKS = {
            "default": {
                "BACKEND": "django_tasks_db.DatabaseBackend",
                "QUEUES": ["default", "webhooks", "slow"],
            }
        }
        job = draft_bulk_job(
            world.organisation, owner, Kind.ASSIGN, bulk_numbers, world.campaigns[0]
        )
        assert confirm_bulk_job(job)

        rng = random.Random(24)
        redelivered = rng.sample(range(len(bodies)), 200)
        deliveries = [(b, s) for b in range(len(bodies)) for s in (0, 1)]
        deliveries += [(b, rng.randrange(2)) for b in redelivered]
        rng.shuffle(deliveries)

        def deliver(delivery: tuple[int, int]) -> int:
            body, server = bodies[delivery[0]], delivery[1]
            headers = {**sign_webhook(body, seed), "Content-Type": "application/json"}
            return (
                clients[server].post("/webhooks/telnyx/", content=body, headers=headers).status_code
            )

        with ThreadPoolExecutor(max_workers=8) as pool:
            answers = Counter(pool.map(deliver, deliveries))
        assert answers == {200: len(deliveries)}

        pending = WebhookEvent.objects.filter(processed_at__isnull=True)
        while pending.exists() and time.monotonic() < deadline + 60:
            time.sleep(0.5)
        assert not pending.exists(), f"{pending.count()} events never applied"
        while (
            BulkAssignment.objects.filter(pk=job.pk)
            .exclude(state=BulkAssignment.State.FINISHED)
            .exists()
            and time.monotonic() < deadline + 120
        ):
            time.sleep(0.5)
        for client in clients:
            client.close()
    finally:
        for server in servers:
            _stop(server)
        stack.close()

    # The bulk job: finished, every number assigned once in the sandbox (the truth, as Telnyx
    # would hold it) and recorded on the campaign in the app.
    job.refresh_from_db()
    assert job.state == BulkAssignment.State.FINISHED, job.progress()
    check = sandbox_seed.assignments(world, [n.phone_number for n in bulk_numbers])
    assert (check.assigned, check.lost, check.elsewhere, check.duplicate_rows) == (
        BULK_NUMBERS,
        0,
        0,
        0,
    )
    on_campaign = PhoneNumber.objects.filter(
        organisation=world.organisation, telnyx_campaign_id=world.campaigns[0].campaign_id
    )
    assert on_campaign.count() == BULK_NUMBERS

    assert WebhookEvent.objects.count() == 2000  # stored once, whatever the deliveries
    outcomes = Counter(WebhookEvent.objects.values_list("outcome", flat=True))
    assert set(outcomes) <= {WebhookEvent.Outcome.APPLIED, WebhookEvent.Outcome.IGNORED}, outcomes
    # Applied once: one timeline entry per event, each number recorded once.
    per_event = Counter(CampaignEvent.objects.values_list("webhook_event_id", flat=True))
    assert len(per_event) == 2000 and set(per_event.values()) == {1}
    recorded = Counter(
        d.split(":")[0].removeprefix("Number ")
        for d in CampaignEvent.objects.filter(description__startswith="Number").values_list(
            "description", flat=True
        )
    )
    assert sorted(recorded) == sorted(numbers) and set(recorded.values()) == {1}
    for campaign in campaigns:
        campaign.refresh_from_db()
        assert campaign.campaign_status == CampaignStatus.MNO_ACCEPTED
        moves = campaign.events.order_by("pk").values_list("from_status", "to_status")
        for before, after in moves:
            assert ORDER.index(after) >= ORDER.index(before), (campaign.campaign_id, moves)
        # The status entries, in the order they were written, never go back either. (A number's
        # entry quotes the status as read without a lock, as one event at a time always did:
        # a worker may write it while another's move is not committed yet.)
        status_entries = campaign.events.exclude(description__startswith="Number").order_by("pk")
        seen = list(status_entries.values_list("to_status", flat=True))
        assert len(seen) == len(STEPS) and seen == sorted(seen, key=ORDER.index), seen
