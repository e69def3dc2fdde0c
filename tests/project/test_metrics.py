"""/metrics for Prometheus (compliance/metrics.py): scraped after real requests, a real signed
webhook, real queue rows and real calls to the sandbox over HTTP; the series exist and move by
what was done. Who may scrape: tests/security/test_metrics_access.py."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from compliance.models import WebhookEvent
from compliance.telnyx.errors import RateLimited
from compliance.telnyx.signatures import generate_keypair
from sandbox import ratelimit
from sandbox.models.brands import SandboxBrand
from sandbox.models.campaigns import SandboxCampaign
from tests.webhooks.webhook_helpers import post_signed, status_update

TOKEN = "scrape-token-for-tests-0123456789"


@pytest.fixture
def scrape(client, settings):
    settings.METRICS_TOKEN = TOKEN

    def scrape_once() -> dict[str, float]:
        response = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        series = {}
        for line in response.content.decode().splitlines():
            if line and not line.startswith("#"):
                name, _, value = line.rpartition(" ")
                series[name] = float(value)
        return series

    return scrape_once


@pytest.fixture
def seed(settings) -> str:
    seed, public = generate_keypair()
    settings.TELNYX_PUBLIC_KEY = public
    return seed


def _view(view: str, what: str, status: str = "2xx", method: str = "GET") -> str:
    return (
        f"tendlc_http_request_duration_seconds_{what}"
        f'{{method="{method}",status="{status}",view="{view}"}}'
    )


def test_request_latency_is_recorded_by_view(client, scrape, db):
    before = scrape()
    assert client.get("/accounts/login/").status_code == 200
    assert client.get("/accounts/login/").status_code == 200
    assert client.get("/no-such-page/").status_code == 404
    after = scrape()

    assert (
        after[_view("account_login", "count")] - before.get(_view("account_login", "count"), 0) == 2
    )
    assert after[_view("account_login", "sum")] > before.get(_view("account_login", "sum"), 0)
    unmatched = _view("<unmatched>", "count", status="4xx")
    assert after[unmatched] - before.get(unmatched, 0) == 1
    # Buckets are cumulative: the +Inf bucket holds every observation.
    login_inf = (
        "tendlc_http_request_duration_seconds_bucket"
        '{le="+Inf",method="GET",status="2xx",view="account_login"}'
    )
    assert after[login_inf] == after[_view("account_login", "count")]


def test_webhook_deliveries_outcomes_and_the_apply_lag(client, scrape, seed, db):
    before = scrape()
    update = status_update("not-ours", "MNO_REVIEW", "ACCEPTED")
    assert post_signed(client, update, seed).status_code == 200
    assert post_signed(client, update, seed).status_code == 200  # redelivered
    assert post_signed(client, update, "A" * 43 + "=").status_code == 401  # not Telnyx's key
    WebhookEvent.objects.create(dedup_key="waiting-1", kind="campaignStatusUpdate", raw_body="{}")
    WebhookEvent.objects.filter(dedup_key="waiting-1").update(
        received_at=timezone.now() - timedelta(minutes=3)
    )
    after = scrape()

    def delta(name: str) -> float:
        return after.get(name, 0) - before.get(name, 0)

    assert delta('tendlc_webhook_deliveries_total{result="accepted"}') == 1
    assert delta('tendlc_webhook_deliveries_total{result="duplicate"}') == 1
    assert delta('tendlc_webhook_deliveries_total{result="invalid_signature"}') == 1
    # From the database at scrape time: the applied one (for a campaign not ours) and the
    # one still waiting, three minutes old.
    assert after['tendlc_webhook_events{outcome="unknown"}'] == 1
    assert after['tendlc_webhook_events{outcome="received"}'] == 1
    assert after['tendlc_webhook_events{outcome="applied"}'] == 0
    assert after["tendlc_webhook_events_pending"] == 1
    assert 180 <= after["tendlc_webhook_events_pending_oldest_seconds"] < 240


def test_queue_depth_age_and_running_tasks_per_queue(scrape, db):
    def task(queue: str, **fields) -> DBTaskResult:
        return DBTaskResult.objects.create(
            args_kwargs={"args": [], "kwargs": {}},
            task_path="compliance.tasks.webhooks.apply_pending_webhook_events",
            queue_name=queue,
            backend_name="default",
            **fields,
        )

    for _ in range(2):
        task("webhooks")
    task("slow", status="RUNNING")
    DBTaskResult.objects.filter(queue_name="webhooks").update(
        enqueued_at=timezone.now() - timedelta(minutes=5)
    )
    series = scrape()

    assert series['tendlc_task_queue_depth{queue="webhooks"}'] == 2
    assert 300 <= series['tendlc_task_queue_oldest_seconds{queue="webhooks"}'] < 360
    assert series['tendlc_task_queue_depth{queue="default"}'] == 0
    assert series['tendlc_task_queue_oldest_seconds{queue="default"}'] == 0
    assert series['tendlc_task_queue_running{queue="slow"}'] == 1
    assert series['tendlc_task_queue_depth{queue="slow"}'] == 0


@pytest.mark.django_db(transaction=True)
def test_telnyx_call_latency_and_429s_after_real_sandbox_calls(
    telnyx, scrape, settings, monkeypatch
):
    brand = SandboxBrand.objects.create(
        display_name="Metrics Bakery", entity_type="PRIVATE_PROFIT", country="US", status="OK"
    )
    campaign = SandboxCampaign.objects.create(
        brand=brand,
        usecase="MARKETING",
        campaign_status="MNO_PENDING",
        attributes={"description": "Weekly offers for bakery customers who opted in."},
    )
    monkeypatch.setattr(ratelimit, "_bucket", None)
    settings.SANDBOX_RATE_LIMIT = 2  # the sandbox answers 429 past two calls a second
    telnyx.max_retries = 0
    before = scrape()
    telnyx.get_campaign(campaign.campaign_id)
    telnyx.get_campaign(campaign.campaign_id)
    with pytest.raises(RateLimited):
        telnyx.get_campaign(campaign.campaign_id)
    after = scrape()

    def delta(name: str) -> float:
        return after.get(name, 0) - before.get(name, 0)

    ok = '{method="GET",operation="GetCampaign",status="2xx"}'
    refused = '{method="GET",operation="GetCampaign",status="4xx"}'
    assert delta(f"tendlc_telnyx_request_duration_seconds_count{ok}") == 2
    assert delta(f"tendlc_telnyx_request_duration_seconds_count{refused}") == 1
    assert 0 < delta(f"tendlc_telnyx_request_duration_seconds_sum{ok}") < 30
    assert delta('tendlc_telnyx_rate_limited_total{operation="GetCampaign"}') == 1
