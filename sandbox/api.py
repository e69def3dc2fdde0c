"""What every sandbox endpoint shares: sandbox mode only, bearer auth (the installation's
random key, sandbox.models.ApiKey), fault injection, JSON bodies, Telnyx's error formats, and
validation against the wire field lists (compliance/telnyx/fields.py, pure data: the one thing
the sandbox reads from the app, so both speak the same wire format).

Errors are raised as one list of items ({code, title, detail, source.pointer}) and answered in
the shape the spec documents for the operation and status (fields.OPERATIONS, from
10dlc-openapi.json): `{"errors": [...]}`, a single error object, `{"detail": [{loc, msg,
type}]}` or `{"message": ...}`. A 10DLC answer leaves out the fields it has no value for
instead of sending null: the spec types them as plain strings, integers or enums."""

import functools
import json
import re
import time

from django.conf import settings
from django.http import Http404, HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from compliance.telnyx.fields import FIELDS, OPERATIONS
from sandbox import faults
from sandbox.models import ApiKey, SandboxAccount
from sandbox.models.brands import SandboxBrand
from sandbox.models.campaigns import SandboxCampaign

TIMEOUT_SLEEP_SECONDS = 3.0

_JSON_TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "boolean": bool,
    "integer": int,
    "number": (int, float),
}


class ApiError(Exception):
    """Raise inside an endpoint to answer in Telnyx's error format."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        pointer: str = "",
        code: str = "",
        title: str = "",
        errors: list[dict] | None = None,
    ):
        self.status = status
        self.errors = errors or [
            error_item(
                detail,
                pointer=pointer,
                code=code or str(status),
                title=title or _TITLES.get(status, "Error"),
            )
        ]
        super().__init__(detail)


_TITLES = {
    400: "Bad Request",
    401: "Authentication failed",
    403: "Forbidden",
    404: "Resource not found",
    422: "Invalid parameter",
    429: "Too many requests",
    500: "Internal server error",
    503: "Service unavailable",
}


def error_item(detail: str, *, pointer: str = "", code: str = "10015", title: str = "") -> dict:
    item: dict[str, object] = {
        "code": code,
        "title": title or "Invalid parameter",
        "detail": detail,
    }
    if pointer:
        item["source"] = {"pointer": pointer}
    return item


def error_response(status: int, errors: list[dict], headers: dict | None = None) -> JsonResponse:
    return JsonResponse({"errors": errors}, status=status, headers=headers)


SANDBOX_PREFIX = "/sandbox/telnyx/v2"
_ROUTES = sorted(
    (
        (
            operation["method"],
            re.compile("^" + re.sub(r"\\{\w+\\}", "[^/]+", re.escape(operation["path"])) + "$"),
            name,
        )
        for name, operation in OPERATIONS.items()
    ),
    # most literal segments first: /10dlc/brand/feedback/{id} before /10dlc/brand/{id}/...
    key=lambda route: (
        OPERATIONS[route[2]]["path"].count("{") - OPERATIONS[route[2]]["path"].count("/")
    ),
)


def operation_for(method: str, path: str) -> str | None:
    """The spec's operationId for a sandbox request (None off the spec's 10DLC paths)."""
    path = path.split(SANDBOX_PREFIX, 1)[-1]
    for route_method, pattern, name in _ROUTES:
        if route_method == method and pattern.match(path):
            return name
    return None


def error_shape(operation: str | None, status: int) -> str:
    """How the spec says `operation` answers `status`: errors, error, detail or message."""
    shapes = OPERATIONS[operation]["errors"] if operation else {}
    return shapes.get(str(status)) or shapes.get(f"{status // 100}XX") or "errors"


def _location(operation: str | None, pointer: str) -> list[str]:
    """FastAPI's `loc` for a JSON pointer: ["path", name], ["query", name] or ["body", ...]."""
    parts = [part for part in pointer.strip("/").split("/") if part]
    path = OPERATIONS[operation]["path"] if operation else ""
    if len(parts) == 1 and "{" + parts[0] + "}" in path:
        return ["path", parts[0]]
    if len(parts) == 1 and parts[0] in (OPERATIONS[operation]["parameters"] if operation else {}):
        return ["query", parts[0]]
    return ["body", *parts]


def shaped_error_body(operation: str | None, status: int, errors: list[dict]):
    """The error items in the shape the spec documents for `operation` and `status`."""
    shape = error_shape(operation, status)
    if shape == "error":
        return errors[0]
    if shape == "message":
        return {"message": "; ".join(str(e.get("detail") or e.get("title")) for e in errors)}
    if shape == "detail":
        return {
            "detail": [
                {
                    "loc": _location(operation, (e.get("source") or {}).get("pointer", "")),
                    "msg": str(e.get("detail") or e.get("title")),
                    "type": "value_error",
                }
                for e in errors
            ]
        }
    return {"errors": errors}


def _without_nulls(value):
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


def as_documented(request: HttpRequest, response):
    """A 10DLC answer as the spec documents it: errors in the operation's shape for the
    status, no null fields in a success."""
    operation = operation_for(request.method or "", request.path)
    if operation is None or not isinstance(response, JsonResponse):
        return response
    body = json.loads(response.content or b"null")
    if response.status_code >= 400 and isinstance(body, dict) and "errors" in body:
        body = shaped_error_body(operation, response.status_code, body["errors"])
    elif response.status_code < 400:
        body = _without_nulls(body)
    else:
        return response
    response.content = json.dumps(body).encode()
    return response


def endpoint(*methods: str):
    """Decorate a sandbox view: sandbox mode only, only `methods`, bearer auth, faults,
    ApiError → error body in the operation's documented shape."""

    def decorator(view):
        @csrf_exempt
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs):
            return as_documented(request, answer(request, *args, **kwargs))

        def answer(request: HttpRequest, *args, **kwargs):
            if not settings.SANDBOX_MODE:
                # Not routed with a real Telnyx key (compliance/urls.py); this is the backstop.
                raise Http404("The sandbox is off: a real Telnyx key is configured.")
            if request.method not in methods:
                return error_response(
                    405, [error_item("Method not allowed", code="405", title="Method not allowed")]
                )
            token = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
            # The installation's default account, or another account it plays (its own key).
            account = None if ApiKey.accepts(token) else SandboxAccount.for_token(token)
            request.sandbox_account = account  # type: ignore[attr-defined]
            if account is None and not ApiKey.accepts(token):
                return error_response(
                    401,
                    [
                        error_item(
                            "The API key is missing or wrong.",
                            code="10009",
                            title="Authentication failed",
                        )
                    ],
                )
            fault = faults.take(request.method, request.path)
            if fault is not None:
                return _fault_response(fault)
            try:
                return view(request, *args, **kwargs)
            except ApiError as exc:
                return error_response(exc.status, exc.errors)

        return wrapper

    return decorator


def _fault_response(fault) -> JsonResponse:
    if fault.kind == "timeout":
        time.sleep(TIMEOUT_SLEEP_SECONDS)
        return error_response(504, [error_item("Gateway timeout", code="504", title="Timeout")])
    if fault.kind == "429":
        return error_response(
            429,
            [error_item("Too many requests", code="10011", title="Too many requests")],
            headers={"Retry-After": str(fault.retry_after)},
        )
    status = int(fault.kind)
    return error_response(
        status, [error_item(_TITLES[status], code=str(status), title=_TITLES[status])]
    )


def account_of(request: HttpRequest) -> SandboxAccount | None:
    """The Telnyx account the request's key belongs to (None: the default account)."""
    return getattr(request, "sandbox_account", None)


def brands_of(request: HttpRequest):
    """The brands of the request's account: another account's brand is a 404 here, as it
    would be at Telnyx."""
    return SandboxBrand.objects.filter(account=account_of(request))


def campaigns_of(request: HttpRequest):
    return SandboxCampaign.objects.filter(brand__account=account_of(request))


def profiles_of(request: HttpRequest):
    from sandbox.models.numbers import MessagingProfile

    return MessagingProfile.objects.filter(account=account_of(request))


def numbers_of(request: HttpRequest):
    from sandbox.models.numbers import PhoneNumber

    return PhoneNumber.objects.filter(account=account_of(request))


def json_body(request: HttpRequest) -> dict:
    try:
        body = json.loads(request.body or b"{}")
    except ValueError as exc:
        raise ApiError(400, "The body is not valid JSON.") from exc
    if not isinstance(body, dict):
        raise ApiError(400, "The body must be a JSON object.")
    return body


def validate(body: dict, schema: str, *, partial: bool = False) -> None:
    """422 with one error per bad field: missing required fields, wrong types, bad enums,
    unknown fields."""
    specs = FIELDS[schema]
    errors = []
    for name, spec in specs.items():
        if spec["required"] and not partial and body.get(name) in (None, ""):
            errors.append(error_item(f"{name} is required.", pointer=f"/{name}"))
    for name, value in body.items():
        if name not in specs:
            errors.append(error_item(f"{name} is not a known field.", pointer=f"/{name}"))
            continue
        spec = specs[name]
        if value is None:
            continue
        if spec["enum"] and not _in_enum(value, spec["enum"]):
            errors.append(
                error_item(f"{name} must be one of {', '.join(spec['enum'])}.", pointer=f"/{name}")
            )
            continue
        expected = _JSON_TYPES.get(spec["type"].split(" ")[0])
        if expected and (
            not isinstance(value, expected) or (expected is int and isinstance(value, bool))
        ):
            errors.append(
                error_item(f"{name} must be a {spec['type'].split(' ')[0]}.", pointer=f"/{name}")
            )
    if errors:
        raise ApiError(422, "Invalid parameters", errors=errors)


def _in_enum(value, allowed) -> bool:
    if isinstance(value, list):
        return all(v in allowed for v in value)
    return value in allowed


def page_of_records(records: list, request: HttpRequest) -> dict:
    """10DLC paging: `page` (1-based), `recordsPerPage` → {page, records, totalRecords}."""
    page = _positive_int(request.GET.get("page"), 1)
    per_page = min(_positive_int(request.GET.get("recordsPerPage"), 10), 500)
    start = (page - 1) * per_page
    return {
        "page": page,
        "records": records[start : start + per_page],
        "totalRecords": len(records),
    }


def page_of_data(items: list, request: HttpRequest) -> dict:
    """Messaging paging: `page[number]`, `page[size]` → {data, meta}."""
    number = _positive_int(request.GET.get("page[number]"), 1)
    size = min(_positive_int(request.GET.get("page[size]"), 20), 250)
    start = (number - 1) * size
    total_pages = max(1, -(-len(items) // size))
    return {
        "data": items[start : start + size],
        "meta": {
            "page_number": number,
            "page_size": size,
            "total_pages": total_pages,
            "total_results": len(items),
        },
    }


def _positive_int(value, default: int) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return default
