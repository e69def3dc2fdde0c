"""The contract recorder: every request the app sends to the Telnyx sandbox and every answer it
gets, checked against Telnyx's own spec (../shared/telnyx/10dlc-openapi.json) with jsonschema.

A session-wide fixture wraps httpx.Client.send (the one HTTP client, compliance/telnyx/client.py)
and records each 10DLC exchange: the operation it matches, its path and query parameters, its
request body against the operation's requestBody schema, the answer's status against the
documented ones, its body against the response schema and, for an error, its shape (the
`errors` list, one error object, the `detail` list or `{"message"}`) against the one the spec
documents for that operation and status (fields.OPERATIONS). A test whose exchanges break the
spec fails; the run ends with a summary of how many requests and responses conform.

5xx answers the tests inject on purpose (sandbox faults) are counted, not judged: the spec
documents no body for most of them. Requests of a test marked `spec_violation_on_purpose` (one
that sends a bad body to see the sandbox refuse it) are counted apart; the answers to them are
judged like any other. Calls on the seed documents' older paths (README.md: the sandbox answers
on both, the app calls the spec's) are counted, not judged.
"""

import json
import re
import threading
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

import httpx
from jsonschema import Draft202012Validator

from compliance.telnyx.fields import OPERATIONS
from compliance.telnyx.generate_vocabulary import SOURCE

SPEC = json.loads((SOURCE / "10dlc-openapi.json").read_text(encoding="utf-8"))
SANDBOX_PREFIX = "/sandbox/telnyx/v2"
SHAPE_CHECKS = {
    "errors": lambda body: isinstance(body, dict) and isinstance(body.get("errors"), list),
    "detail": lambda body: isinstance(body, dict) and isinstance(body.get("detail"), list),
    "error": lambda body: isinstance(body, dict) and {"code", "title"} <= body.keys(),
    "message": lambda body: isinstance(body, dict) and isinstance(body.get("message"), str),
}


# The seed documents' names for three paths (../shared/telnyx/README.md).
SEED_PATHS = (
    re.compile(r"^/10dlc/brand_feedback/[^/]+$"),
    re.compile(r"^/10dlc/campaign/[^/]+/osr_attributes$"),
    re.compile(r"^/10dlc/campaign/usecase_cost$"),
)


def _route(path: str) -> re.Pattern:
    return re.compile("^" + re.sub(r"\\{\w+\\}", "([^/]+)", re.escape(path)) + "$")


# Most literal segments first, so /10dlc/brand/feedback/{id} wins over /10dlc/brand/{id}/...
ROUTES = sorted(
    (
        (name, op["method"], _route(op["path"]), re.findall(r"{(\w+)}", op["path"]))
        for name, op in OPERATIONS.items()
    ),
    key=lambda route: len(route[3]) - OPERATIONS[route[0]]["path"].count("/"),
)


def _any_of(node):
    """The spec's one `oneOf` (GET /10dlc/enum/{endpoint}'s five answers) lists alternatives
    that overlap (any object; a paginated object; any list; a list of strings), so "exactly
    one" can never hold for a real answer: it means any of them."""
    if isinstance(node, dict):
        return {("anyOf" if k == "oneOf" else k): _any_of(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_any_of(v) for v in node]
    return node


COMPONENTS = _any_of(SPEC["components"])


def _validator(schema: dict) -> Draft202012Validator:
    """A validator for a schema of the spec: `#/components/...` refs resolve in the spec."""
    return Draft202012Validator({**_any_of(schema), "components": COMPONENTS})


def _problems(schema: dict, instance) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '(body)'}: {error.message[:160]}"
        for error in _validator(schema).iter_errors(instance)
    ]


def _json_schema(container: dict | None) -> dict | None:
    content = (container or {}).get("content") or {}
    return (content.get("application/json") or {}).get("schema")


def _response_for(operation: dict, status: int) -> tuple[str, dict] | None:
    responses = operation["responses"]
    for key in (str(status), f"{str(status)[0]}XX", "default"):
        if key in responses:
            response = responses[key]
            if "$ref" in response:
                response = SPEC["components"]["responses"][response["$ref"].rsplit("/", 1)[-1]]
            return key, response
    return None


def _parameter(node: dict) -> dict:
    if "$ref" in node:
        return SPEC["components"]["parameters"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _deep_object_member(parameter: dict | None, key: str) -> dict | None:
    """`filter[tcr_campaign_id]` of a deepObject parameter `filter`: its member's schema."""
    if parameter is None or parameter.get("style") != "deepObject":
        return None
    member = (parameter.get("schema") or {}).get("properties", {}).get(key)
    return None if member is None else {"name": key, "schema": member}


def _coerce(value: str, schema: dict):
    kind = schema.get("type")
    try:
        if kind == "integer":
            return int(value)
        if kind == "number":
            return float(value)
    except ValueError:
        return value
    if kind == "boolean" and value in ("true", "false"):
        return value == "true"
    return value


@dataclass
class Exchange:
    operation: str
    method: str
    path: str
    status: int
    request_problems: list[str] = field(default_factory=list)
    response_problems: list[str] = field(default_factory=list)
    judged_response: bool = True
    on_purpose: bool = False  # a bad request the test sends deliberately

    @property
    def broken(self) -> bool:
        return bool(self.response_problems or (self.request_problems and not self.on_purpose))

    def describe(self) -> str:
        lines = [f"{self.method} {self.path} ({self.operation}) -> {self.status}"]
        lines += [f"  request  {p}" for p in self.request_problems]
        lines += [f"  response {p}" for p in self.response_problems]
        return "\n".join(lines)


class ContractRecorder:
    def __init__(self):
        self.exchanges: list[Exchange] = []
        self.unknown_paths: list[str] = []
        self.seed_paths = 0
        self.on_purpose = False  # set by the per-test fixture for marked tests
        self.lock = threading.Lock()

    # -- matching ---------------------------------------------------------------------------
    def _match(self, method: str, path: str) -> tuple[str, dict] | None:
        for name, route_method, pattern, names in ROUTES:
            if route_method == method and (found := pattern.match(path)):
                return name, dict(zip(names, found.groups(), strict=True))
        return None

    def record(self, request: httpx.Request, response: httpx.Response) -> None:
        url_path = request.url.path
        if SANDBOX_PREFIX not in url_path or "/10dlc/" not in url_path:
            return
        path = url_path.split(SANDBOX_PREFIX, 1)[1]
        if any(seed.match(path) for seed in SEED_PATHS):
            with self.lock:
                self.seed_paths += 1
            return
        matched = self._match(request.method, path)
        if matched is None:
            with self.lock:
                self.unknown_paths.append(f"{request.method} {path}")
            return
        name, path_values = matched
        exchange = Exchange(
            name, request.method, path, response.status_code, on_purpose=self.on_purpose
        )
        spec_path = OPERATIONS[name]["path"]
        operation = SPEC["paths"][spec_path][request.method.lower()]
        exchange.request_problems = self._request_problems(operation, request, path_values)
        exchange.response_problems = self._response_problems(name, operation, response, exchange)
        with self.lock:
            self.exchanges.append(exchange)

    # -- requests ---------------------------------------------------------------------------
    def _request_problems(self, operation: dict, request: httpx.Request, path_values) -> list:
        problems = []
        query = dict(parse_qsl(request.url.query.decode(), keep_blank_values=True))
        documented = {p["name"]: p for p in map(_parameter, operation.get("parameters", []))}
        for name, value in [*path_values.items(), *query.items()]:
            parameter = documented.get(name)
            if parameter is None and (deep := re.fullmatch(r"(\w+)\[(\w+)\]", name)):
                parameter = _deep_object_member(documented.get(deep[1]), deep[2])
            if parameter is None:
                problems.append(f"{name}: not a parameter of this operation")
                continue
            schema = parameter.get("schema") or {}
            problems += [f"{name}={value!r} {p}" for p in _problems(schema, _coerce(value, schema))]
        body_schema = _json_schema(operation.get("requestBody"))
        raw = request.content
        if body_schema is None:
            if raw:
                problems.append("(body): this operation takes no body")
            return problems
        try:
            body = json.loads(raw or b"null")
        except ValueError:
            return [*problems, "(body): not JSON"]
        if body is None:
            if (operation.get("requestBody") or {}).get("required"):
                problems.append("(body): required and missing")
            return problems
        problems += _problems(body_schema, body)
        if isinstance(body, dict):
            problems += [f"{key}: sent as an empty string" for key, v in body.items() if v == ""]
        return problems

    # -- responses --------------------------------------------------------------------------
    def _response_problems(
        self, name: str, operation: dict, response: httpx.Response, exchange: Exchange
    ) -> list[str]:
        status = response.status_code
        documented = _response_for(operation, status)
        if status >= 500 and (documented is None or documented[0] != str(status)):
            exchange.judged_response = False  # an injected fault: counted, not judged
            return []
        if documented is None:
            return [f"status {status} is not documented ({', '.join(operation['responses'])})"]
        key, spec_response = documented
        try:
            body = response.json() if response.content else None
        except ValueError:
            return ["(body): not JSON"]
        problems = []
        schema = _json_schema(spec_response)
        if schema is not None and body is not None:
            problems += _problems(schema, body)
        if status >= 400:
            shape = OPERATIONS[name]["errors"].get(key)
            if shape and not SHAPE_CHECKS[shape](body):
                problems.append(f"(body): a {status} here is a '{shape}' body, got {body!r:.120}")
        return problems

    # -- reporting --------------------------------------------------------------------------
    def counts(self) -> dict:
        with self.lock:
            exchanges = list(self.exchanges)
        judged = [e for e in exchanges if e.judged_response]
        app_requests = [e for e in exchanges if not e.on_purpose]
        return {
            "requests": len(app_requests),
            "requests_conform": sum(not e.request_problems for e in app_requests),
            "requests_on_purpose": len(exchanges) - len(app_requests),
            "seed_paths": self.seed_paths,
            "responses": len(judged),
            "responses_conform": sum(not e.response_problems for e in judged),
            "faults_not_judged": len(exchanges) - len(judged),
            "operations": sorted({e.operation for e in exchanges}),
            "unknown_paths": sorted(set(self.unknown_paths)),
            "violations": sorted({e.describe() for e in exchanges if e.broken}),
        }

    def since(self, start: int) -> list[Exchange]:
        with self.lock:
            return [e for e in self.exchanges[start:] if e.broken]


def install(recorder: ContractRecorder):
    """Wrap httpx.Client.send; returns the function that puts the original back."""
    original = httpx.Client.send

    def send(self, request, *args, **kwargs):
        response = original(self, request, *args, **kwargs)
        if not kwargs.get("stream"):
            recorder.record(request, response)
        return response

    httpx.Client.send = send  # type: ignore[method-assign]

    def uninstall():
        httpx.Client.send = original  # type: ignore[method-assign]

    return uninstall


def merge(totals: dict, counts: dict) -> dict:
    """Add one worker's counts to the run's."""
    for key, value in counts.items():
        if isinstance(value, int):
            totals[key] = totals.get(key, 0) + value
        else:
            totals[key] = sorted(set(totals.get(key, [])) | set(value))
    return totals


def summary_lines(totals: dict) -> list[str]:
    if not totals.get("requests"):
        return []
    lines = [
        f"requests conforming to 10dlc-openapi.json: {totals['requests_conform']} of "
        f"{totals['requests']} (and {totals['requests_on_purpose']} bad on purpose, "
        f"{totals['seed_paths']} on the seed documents' paths, not judged)",
        f"responses conforming: {totals['responses_conform']} of {totals['responses']} "
        f"({totals['faults_not_judged']} injected 5xx faults counted, not judged)",
        f"operations exercised: {len(totals['operations'])} of {len(OPERATIONS)}",
    ]
    missing = sorted(set(OPERATIONS) - set(totals["operations"]))
    if missing:
        lines.append("not exercised: " + ", ".join(missing))
    if totals["unknown_paths"]:
        lines.append("paths the spec does not know: " + ", ".join(totals["unknown_paths"]))
    lines += totals["violations"]
    return lines
