"""Prometheus metrics at /metrics, for operators: where the time goes and how far behind the
background work is.

    tendlc_http_request_duration_seconds{view,method,status}   every request, by URL name
    tendlc_webhook_deliveries_total{result}                   the receiver's answers
    tendlc_webhook_events{outcome}                            stored events by outcome (DB)
    tendlc_webhook_events_pending                             stored, not applied yet (DB)
    tendlc_webhook_events_pending_oldest_seconds              the apply lag (DB)
    tendlc_task_queue_depth{queue}                            due tasks waiting (DB)
    tendlc_task_queue_oldest_seconds{queue}                   how long the oldest waited (DB)
    tendlc_task_queue_running{queue}                          tasks being run (DB)
    tendlc_telnyx_request_duration_seconds{operation,method,status}   each call to Telnyx
    tendlc_telnyx_rate_limited_total{operation}               its 429s (compliance/telnyx/)

Counters and histograms live in the process that observes them; `manage.py serve` points every
process (gunicorn's workers and the db_workers) at one PROMETHEUS_MULTIPROC_DIR, and the scrape
adds them up. What the database knows (webhook outcomes, queues) is read at scrape time by
`DatabaseCollector`, so it is right whichever process answers and whoever applied the events.

/metrics is for the scraper only: it answers when the request carries
`Authorization: Bearer <METRICS_TOKEN>` or comes from an address in METRICS_ALLOWED_NETWORKS
(the client's address as `compliance.ratelimit.client_ip` reads it, so behind the TLS proxy it
is the real client's, never the proxy's); 403 otherwise, and 404 when neither is configured.
"""

import hmac
import ipaddress
import os
from collections.abc import Iterator

from django.conf import settings
from django.db import DatabaseError
from django.db.models import Count, Min
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, HttpResponseNotFound
from django.urls import path
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from compliance import health
from compliance.models import WebhookEvent
from compliance.ratelimit import client_ip

HTTP_REQUEST_SECONDS = Histogram(
    "tendlc_http_request_duration_seconds",
    "Time to answer a request, by view (URL name), method and status class.",
    ["view", "method", "status"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
WEBHOOK_DELIVERIES = Counter(
    "tendlc_webhook_deliveries",
    "Webhook deliveries received, by the receiver's answer (accepted, duplicate, refusals).",
    ["result"],
)


def observe_request(view: str, method: str, status: int, seconds: float) -> None:
    HTTP_REQUEST_SECONDS.labels(view, method, f"{status // 100}xx").observe(seconds)


class DatabaseCollector(Collector):
    """What the database says at scrape time: webhook events by outcome and the apply lag,
    and each task queue's depth, age and running tasks."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        try:
            yield from self._webhook_events()
            yield from self._task_queues()
        except DatabaseError:
            return  # /healthz tells the database is down; the scrape still answers

    def _webhook_events(self) -> Iterator[GaugeMetricFamily]:
        outcomes = GaugeMetricFamily(
            "tendlc_webhook_events",
            "Stored webhook events by outcome (received means not applied yet).",
            labels=["outcome"],
        )
        counted = dict(
            WebhookEvent.objects.order_by()
            .values_list("outcome")
            .annotate(n=Count("id"))
            .values_list("outcome", "n")
        )
        for outcome in WebhookEvent.Outcome.values:
            outcomes.add_metric([outcome], counted.get(outcome, 0))
        yield outcomes
        pending = WebhookEvent.objects.order_by().filter(processed_at__isnull=True)
        lag = pending.aggregate(n=Count("id"), oldest=Min("received_at"))
        yield GaugeMetricFamily(
            "tendlc_webhook_events_pending",
            "Webhook events stored and not applied yet.",
            value=lag["n"],
        )
        yield GaugeMetricFamily(
            "tendlc_webhook_events_pending_oldest_seconds",
            "How long the oldest webhook event not applied yet has waited (0: none waits).",
            value=_age(lag["oldest"]),
        )

    def _task_queues(self) -> Iterator[GaugeMetricFamily]:
        queues = health.queue_states()
        depth = GaugeMetricFamily(
            "tendlc_task_queue_depth", "Due tasks waiting in each queue.", labels=["queue"]
        )
        oldest = GaugeMetricFamily(
            "tendlc_task_queue_oldest_seconds",
            "How long the oldest due task of each queue has waited.",
            labels=["queue"],
        )
        running = GaugeMetricFamily(
            "tendlc_task_queue_running", "Tasks being run, per queue.", labels=["queue"]
        )
        for name, state in sorted(queues.items()):
            depth.add_metric([name], state["waiting"])
            oldest.add_metric([name], state["oldest_seconds"])
            running.add_metric([name], state["running"])
        yield from (depth, oldest, running)


def _age(moment) -> float:
    return max(0.0, (timezone.now() - moment).total_seconds()) if moment else 0.0


def _process_metrics() -> bytes:
    """Every process's counters and histograms (multiprocess mode, under `serve`), or this
    process's (runserver, tests)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest(REGISTRY)


def _database_metrics() -> bytes:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(DatabaseCollector())
    return generate_latest(registry)


def may_scrape(request: HttpRequest) -> bool | None:
    """True for the scraper; False for anyone else; None when /metrics is not configured."""
    token, networks = settings.METRICS_TOKEN, settings.METRICS_ALLOWED_NETWORKS
    if not token and not networks:
        return None
    if token:
        scheme, _, given = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(given.strip(), token):
            return True
    try:
        address = ipaddress.ip_address(client_ip(request))
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(net, strict=False) for net in networks)


@never_cache
@require_GET
def metrics_view(request: HttpRequest) -> HttpResponse:
    allowed = may_scrape(request)
    if allowed is None:
        return HttpResponseNotFound("Not found", content_type="text/plain")
    if not allowed:
        return HttpResponseForbidden("Forbidden", content_type="text/plain")
    body = _process_metrics() + _database_metrics()
    return HttpResponse(body, content_type=CONTENT_TYPE_LATEST)


urlpatterns = [path("metrics", metrics_view, name="metrics")]
