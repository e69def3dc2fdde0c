"""Structured logs: one JSON object per line, each carrying the request id of the work it
belongs to.

A request gets its id from `compliance.middleware.RequestIdMiddleware` (an incoming
`X-Request-ID` is honoured only when it is a short safe token, else one is made); the id lives
in a context variable for the rest of the request, so every log line written while serving it
carries it, and `compliance/deferred.py` passes it to every task enqueued meanwhile, whose
lines carry it too (the task binds it back while it runs).

    {"time": "2026-12-04T08:30:01.123+00:00", "level": "INFO", "logger": "compliance.webhooks",
     "message": "...", "request_id": "3f2a…", "exception": "Traceback …"}

Pure Python: the Telnyx client and the workers use it without Django.
"""

import json
import logging
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

HEADER = "X-Request-ID"
# What an incoming id may look like: 8 to 64 letters, digits, dots, dashes or underscores, so
# a client cannot inject log lines, markup or a megabyte into every line of our logs.
_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{7,63}")

_request_id: ContextVar[str] = ContextVar("request_id", default="")


def new_request_id() -> str:
    return uuid.uuid4().hex


def safe_request_id(value: str | None) -> str | None:
    """The incoming id when it is a short safe token, else None (the caller makes one)."""
    if value and _SAFE.fullmatch(value):
        return value
    return None


def current_request_id() -> str:
    """The id of the request (or the task started by one) being served; "" outside any."""
    return _request_id.get()


@contextmanager
def bound_request_id(value: str) -> Iterator[str]:
    """Every log line written inside carries `value` as its request id."""
    token = _request_id.set(value)
    try:
        yield value
    finally:
        _request_id.reset(token)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, request_id,
    and exception when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or current_request_id(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class RequestIdFilter(logging.Filter):
    """Adds `record.request_id` ("" outside any request), for the text format of development."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            record.request_id = current_request_id()
        return True
