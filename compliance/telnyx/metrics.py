"""Prometheus series of the calls to Telnyx: latency per operation and answer, and the 429s.

Observed by `client.Transport` for every HTTP exchange (each retry is its own exchange), in
whatever process makes the call (a web server or a db_worker); `manage.py serve` gives them one
multiprocess directory, so /metrics (compliance/metrics.py) adds every process's figures up.
Labels stay few: the operation is the spec's operationId (fields.OPERATIONS), never a path
with an id in it.
"""

import re

from prometheus_client import Counter, Histogram

from .fields import OPERATIONS

TELNYX_REQUEST_SECONDS = Histogram(
    "tendlc_telnyx_request_duration_seconds",
    "Time of one HTTP exchange with Telnyx, by operation and answer (status class, or error).",
    ["operation", "method", "status"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
TELNYX_RATE_LIMITED = Counter(
    "tendlc_telnyx_rate_limited",
    "Answers 429 (rate limited) from Telnyx, by operation.",
    ["operation"],
)


def _route(path: str) -> re.Pattern:
    return re.compile("^" + re.sub(r"\\{\w+\\}", "[^/]+", re.escape(path)) + "$")


# The most literal routes first, so /10dlc/brand/feedback/{id} wins over /10dlc/brand/{id}.
_ROUTES = sorted(
    ((name, op["method"], _route(op["path"])) for name, op in OPERATIONS.items()),
    key=lambda route: (
        OPERATIONS[route[0]]["path"].count("{") - OPERATIONS[route[0]]["path"].count("/")
    ),
)
_ID_LIKE = re.compile(r"[^/]*\d[^/]*")


def operation_for(method: str, path: str) -> str:
    """The spec's operationId of a call, or the path with its id-like segments as {id}
    (endpoints outside the 10DLC spec: messaging profiles, numbers)."""
    path = "/" + path.split("?", 1)[0].strip("/")
    for name, route_method, pattern in _ROUTES:
        if route_method == method and pattern.match(path):
            return name
    return _ID_LIKE.sub("{id}", path)


def observe(method: str, path: str, status: int | None, seconds: float) -> None:
    """One exchange: `status` None when Telnyx could not be reached (timeout, refused)."""
    operation = operation_for(method, path)
    answer = f"{status // 100}xx" if status else "unreachable"
    TELNYX_REQUEST_SECONDS.labels(operation, method, answer).observe(seconds)
    if status == 429:
        TELNYX_RATE_LIMITED.labels(operation).inc()
