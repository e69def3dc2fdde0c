"""Telnyx-style rate limiting for the sandbox's number-assignment endpoints and its campaign
endpoint (GET /10dlc/campaign/{id}, which reconciliation reads): an in-process token bucket
refilled at settings.SANDBOX_RATE_LIMIT requests per second (0 = off), with a burst of one
second's worth; one bucket for all of them, as Telnyx's limit is per account. Over the
limit: 429, code 10011, Retry-After (WEBHOOKS.md)."""

import functools
import math
import threading
import time

from django.conf import settings

from sandbox.api import error_item, error_response


class TokenBucket:
    def __init__(self, rate: float, *, clock=time.monotonic):
        self.rate = rate
        self.capacity = max(1.0, rate)
        self.tokens = self.capacity
        self.clock = clock
        self.updated = clock()
        self.lock = threading.Lock()

    def take(self) -> float:
        """Take a token: 0.0 when allowed, else the seconds until one is available."""
        with self.lock:
            now = self.clock()
            self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
            self.updated = now
            if self.tokens >= 1:
                self.tokens -= 1
                return 0.0
            return (1 - self.tokens) / self.rate


_bucket: TokenBucket | None = None
_bucket_lock = threading.Lock()


def check() -> tuple[float, dict[str, str]]:
    """(seconds to wait, rate-limit headers) for one request; wait is 0.0 when allowed."""
    global _bucket
    rate = float(getattr(settings, "SANDBOX_RATE_LIMIT", 0) or 0)
    if rate <= 0:
        return 0.0, {}
    with _bucket_lock:
        if _bucket is None or _bucket.rate != rate:
            _bucket = TokenBucket(rate)
        bucket = _bucket
    wait = bucket.take()
    headers = {
        "x-ratelimit-limit": str(math.floor(bucket.capacity)),
        "x-ratelimit-remaining": str(max(0, math.floor(bucket.tokens))),
        "x-ratelimit-reset": str(math.ceil(wait)),
    }
    if wait:
        headers["Retry-After"] = str(max(1, math.ceil(wait)))
    return wait, headers


def rate_limited(view):
    """Telnyx's 429 (code 10011, Retry-After) once the limited endpoints go too fast."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        wait, headers = check()
        if wait:
            return error_response(
                429,
                [
                    error_item(
                        "You have exceeded the maximum number of allowed requests.",
                        code="10011",
                        title="Too many requests",
                    )
                ],
                headers=headers,
            )
        response = view(request, *args, **kwargs)
        for name, value in headers.items():
            response[name] = value
        return response

    return wrapper
