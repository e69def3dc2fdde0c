"""The Telnyx HTTP client: one transport (timeouts, auth, retries, error mapping, paging) and
one method per endpoint, grouped by domain in brands.py, campaigns.py and numbers.py.

Retries: GET, PUT and DELETE are retried with exponential backoff and jitter on 429 (honouring
Retry-After), 502, 503, 504, timeouts and connection errors. A POST is never retried: its
outcome is unknown after a failure, so the caller records the attempt and reconciles.
"""

import logging
import random
import time
from collections.abc import Callable, Iterator
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from . import metrics
from .brands import BrandsAPI
from .campaigns import CampaignsAPI
from .errors import (
    ErrorItem,
    RateLimited,
    TelnyxError,
    Unavailable,
    error_class_for,
    parse_error_items,
)
from .numbers import NumbersAPI

logger = logging.getLogger(__name__)

IDEMPOTENT_METHODS = frozenset({"GET", "PUT", "DELETE"})
RETRY_STATUSES = frozenset({429, 502, 503, 504})
MAX_RETRY_AFTER_SECONDS = 60.0


class Transport:
    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        timeout: float = 10.0,
        max_retries: int = 4,
        backoff_base: float = 0.25,
        backoff_max: float = 8.0,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ):
        self.max_retries = max_retries
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.sleep = sleep
        self.http = httpx.Client(
            base_url=base_url.rstrip("/"),
            headers={
                "Authorization": f"Bearer {api_key}",
                "Accept": "application/json",
                "User-Agent": "tendlc/0.1",
            },
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            transport=transport,
        )

    def close(self) -> None:
        self.http.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- one request -------------------------------------------------------------------------
    def request(
        self, method: str, path: str, *, params: dict | None = None, json: Any = None
    ) -> Any:
        """Send one request and return the parsed JSON body (None for an empty body)."""
        method = method.upper()
        retryable = method in IDEMPOTENT_METHODS
        attempt = 0
        while True:
            try:
                response = self._send(method, path, params, json)
            except httpx.TransportError as exc:
                unreachable = Unavailable(0, [ErrorItem(title=type(exc).__name__, detail=str(exc))])
                if retryable and attempt < self.max_retries:
                    attempt += 1
                    self.sleep(self._backoff(attempt))
                    continue
                raise unreachable from exc
            if response.is_success:
                return _json_or_none(response)
            error = _error_from(response)
            if retryable and response.status_code in RETRY_STATUSES and attempt < self.max_retries:
                attempt += 1
                self.sleep(self._delay_for(error, attempt))
                continue
            if attempt and isinstance(error, RateLimited) and response.status_code == 429:
                raise Unavailable(429, error.errors, error.body) from error
            raise error

    def _send(self, method, path, params, json) -> httpx.Response:
        started = time.monotonic()
        try:
            response = self.http.request(method, path, params=_clean(params), json=json)
        except httpx.TransportError as exc:
            metrics.observe(method, path, None, time.monotonic() - started)
            logger.warning("telnyx %s %s failed: %s", method, path, type(exc).__name__)
            raise
        elapsed = time.monotonic() - started
        metrics.observe(method, path, response.status_code, elapsed)
        # Bodies are never logged: they carry EINs, names and phone numbers.
        logger.info(
            "telnyx %s %s -> %s in %.0f ms", method, path, response.status_code, elapsed * 1000
        )
        return response

    def _backoff(self, attempt: int) -> float:
        ceiling = min(self.backoff_max, self.backoff_base * 2 ** (attempt - 1))
        return random.uniform(ceiling / 2, ceiling)  # jitter

    def _delay_for(self, error: TelnyxError, attempt: int) -> float:
        if isinstance(error, RateLimited) and error.retry_after is not None:
            return min(error.retry_after, MAX_RETRY_AFTER_SECONDS) + random.uniform(0, 0.05)
        return self._backoff(attempt)

    # -- pagination ---------------------------------------------------------------------------
    def paginate_10dlc(
        self, path: str, params: dict | None = None, *, records_per_page: int = 100
    ) -> Iterator[dict]:
        """Every record of a 10DLC list (`page`, `recordsPerPage` → `records`, `totalRecords`)."""
        seen = 0

        def records_of(body: dict, page: int) -> tuple[list, bool]:
            nonlocal seen
            records = body.get("records") or []
            seen += len(records)
            total = body.get("totalRecords")
            return records, total is not None and seen >= int(total)

        return self._paginate(
            path,
            params,
            lambda page: {"page": page, "recordsPerPage": records_per_page},
            records_of,
        )

    def paginate_messaging(
        self, path: str, params: dict | None = None, *, page_size: int = 250
    ) -> Iterator[dict]:
        """Every item of a messaging list (`page[number]`, `page[size]` → `data`, `meta`)."""

        def items_of(body: dict, page: int) -> tuple[list, bool]:
            total_pages = (body.get("meta") or {}).get("total_pages")
            return body.get("data") or [], total_pages is None or page >= int(total_pages)

        return self._paginate(
            path, params, lambda page: {"page[number]": page, "page[size]": page_size}, items_of
        )

    def _paginate(
        self,
        path: str,
        params: dict | None,
        page_params: Callable[[int], dict],
        items_of: Callable[[dict, int], tuple[list, bool]],
    ) -> Iterator[dict]:
        """GET page after page until a page is empty or `items_of` says it was the last."""
        page = 1
        while True:
            body = self.request("GET", path, params={**(params or {}), **page_params(page)}) or {}
            items, last = items_of(body, page)
            yield from items
            if not items or last:
                return
            page += 1


class TelnyxClient(BrandsAPI, CampaignsAPI, NumbersAPI, Transport):
    """Telnyx's 10DLC, messaging-profile, number and messaging endpoints, one method each."""


def get_client(*, api_key: str = "", **overrides) -> TelnyxClient:
    """A client configured from settings: real Telnyx with TELNYX_API_KEY, else the sandbox
    with its installation's random key (read through the app registry: no sandbox import).
    `api_key` is an organisation's own account's key: callers never pass it themselves, they
    ask compliance.telnyx_accounts.client_for(organisation), which does."""
    from django.apps import apps
    from django.conf import settings

    options = {"timeout": settings.TELNYX_TIMEOUT_SECONDS} | overrides
    api_key = api_key or settings.TELNYX_API_KEY
    if not api_key and settings.SANDBOX_MODE:
        api_key = apps.get_model("sandbox", "ApiKey").current().token
    return TelnyxClient(settings.TELNYX_BASE_URL, api_key, **options)


def _clean(params: dict | None) -> dict | None:
    if not params:
        return None
    return {k: v for k, v in params.items() if v is not None and v != ""}


def _json_or_none(response: httpx.Response) -> Any:
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        return {"raw": response.text}


def _error_from(response: httpx.Response) -> TelnyxError:
    try:
        body = response.json()
    except ValueError:
        body = response.text
    cls = error_class_for(response.status_code)
    errors = parse_error_items(body)
    if cls is RateLimited:
        return RateLimited(
            response.status_code, errors, body, retry_after=_retry_after(response.headers)
        )
    return cls(response.status_code, errors, body)


def _retry_after(headers: httpx.Headers) -> float | None:
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None
