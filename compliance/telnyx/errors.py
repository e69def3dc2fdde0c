"""One exception hierarchy for everything Telnyx can answer besides success.

Telnyx's error bodies come in four shapes (../shared/telnyx/README.md): `{"errors": [...]}`,
a single error object, `{"detail": [...]}` and `{"message": ...}`. `parse_error_items` reads
them all into ErrorItem, whose `field` is the wire field name the error points at (when any),
so a form can show a 422 next to the right field.
"""

import re
from dataclasses import dataclass

# Telnyx may echo submitted values in its error texts. EIN-shaped values ("12-3456789",
# "123456789") are masked as the errors are parsed, so no message built from them (shown to a
# user, logged, stored) carries one in full.
_EIN = re.compile(r"(?<![\d+])\d{2}-?\d{7}(?!\d)")


def _without_eins(text: str) -> str:
    return _EIN.sub(lambda m: "•" * 5 + m.group()[-4:], text)


@dataclass(frozen=True)
class ErrorItem:
    code: str = ""
    title: str = ""
    detail: str = ""
    pointer: str = ""  # JSON pointer, e.g. "/displayName"
    parameter: str = ""

    @property
    def field(self) -> str:
        """The wire field the error concerns ("displayName"), or "" when none: the last
        segment of the pointer that is not a list index ("/subUsecases/0" → "subUsecases")."""
        names = [part for part in self.pointer.strip("/").split("/") if part and not part.isdigit()]
        return names[-1] if names else self.parameter

    @property
    def message(self) -> str:
        return self.detail or self.title or self.code or "Telnyx refused the request."


class TelnyxError(Exception):
    """Any failed Telnyx call. `status` is the HTTP status (0 when none was received)."""

    user_message = "Telnyx could not complete the request."

    def __init__(self, status: int = 0, errors: list[ErrorItem] | None = None, body=None):
        self.status = status
        self.errors = errors or []
        self.body = body
        super().__init__(self.describe())

    def describe(self) -> str:
        details = "; ".join(e.message for e in self.errors)
        return f"{self.user_message} (HTTP {self.status}){': ' + details if details else ''}"

    def field_errors(self) -> dict[str, list[str]]:
        """Errors keyed by wire field name; errors without a field are keyed by ""."""
        result: dict[str, list[str]] = {}
        for error in self.errors:
            result.setdefault(error.field, []).append(error.message)
        return result


class BadRequest(TelnyxError):
    user_message = "Telnyx refused the request as malformed."


class Unauthorized(TelnyxError):
    user_message = "Telnyx did not accept the API key. Check TELNYX_API_KEY."


class Forbidden(TelnyxError):
    user_message = "This Telnyx account is not allowed to do that."


class NotFound(TelnyxError):
    user_message = "Telnyx does not know this record."


class ValidationFailed(TelnyxError):
    user_message = "Telnyx found problems with the data."


class RateLimited(TelnyxError):
    user_message = "Telnyx is rate limiting us; we will retry shortly."

    def __init__(self, *args, retry_after: float | None = None, **kwargs):
        self.retry_after = retry_after
        super().__init__(*args, **kwargs)


class Unavailable(TelnyxError):
    """5xx, timeouts and connection failures: the outcome of a POST is unknown."""

    user_message = "Telnyx is not reachable right now; we will retry."


_BY_STATUS = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    422: ValidationFailed,
    429: RateLimited,
}


def error_class_for(status: int) -> type[TelnyxError]:
    if status >= 500:
        return Unavailable
    return _BY_STATUS.get(status, TelnyxError)


def parse_error_items(body) -> list[ErrorItem]:
    if isinstance(body, dict):
        if isinstance(body.get("errors"), list):
            return [_item(e) for e in body["errors"] if isinstance(e, dict)]
        if isinstance(body.get("detail"), list):
            return [_detail_item(e) for e in body["detail"] if isinstance(e, dict)]
        if "code" in body or "title" in body or "detail" in body:
            return [_item(body)]
        if "message" in body:
            return [ErrorItem(detail=_without_eins(str(body["message"])))]
    if isinstance(body, str) and body.strip():
        return [ErrorItem(detail=_without_eins(body.strip()[:500]))]
    return []


def _item(data: dict) -> ErrorItem:
    source: dict = data["source"] if isinstance(data.get("source"), dict) else {}
    return ErrorItem(
        code=str(data.get("code", "")),
        title=_without_eins(str(data.get("title", ""))),
        detail=_without_eins(str(data.get("detail", ""))),
        pointer=str(source.get("pointer", "") or ""),
        parameter=str(source.get("parameter", "") or ""),
    )


def _detail_item(data: dict) -> ErrorItem:
    """FastAPI-style {"loc": ["body", "field"], "msg": ..., "type": ...}."""
    loc = [str(part) for part in data.get("loc", []) if part not in ("body", "query", "path")]
    return ErrorItem(
        code=str(data.get("type", "")),
        detail=_without_eins(str(data.get("msg", ""))),
        pointer="/" + "/".join(loc) if loc else "",
    )
