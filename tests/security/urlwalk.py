"""Every URL of the app, read from the URL configuration (django.urls.get_resolver), so the
security tests cover a new URL without being edited."""

import re
import uuid
from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern

# URL areas that are not the customer's: each is protected differently and tested elsewhere.
ADMIN = "admin/"
SANDBOX = "sandbox/"  # stand-in for Telnyx, sandbox mode only (test_sandbox_is_a_development_tool)
WEBHOOKS = "webhooks/"  # Ed25519-signed (tests/webhooks/test_webhooks_view.py)
REVIEW = "review/"  # reviewer console (tests/review/test_review_permissions.py)
ORGS = "accounts/organisations/"  # a user's organisations: the walk covers them
TELNYX_ACCOUNT = "accounts/telnyx/"  # the organisation's own Telnyx account: covered too

# Pages anyone may open without signing in, by URL name.
PUBLIC = frozenset(
    {
        # Accounts (django-allauth): signing in and up, confirming an e-mail address,
        # resetting a forgotten password.
        "account_login",
        "account_signup",
        "account_inactive",
        "account_email_verification_sent",
        "account_confirm_email",
        "account_reset_password",
        "account_reset_password_done",
        "account_reset_password_from_key",
        "account_reset_password_from_key_done",
        "rules",
        "favicon",
        "hosted_sms_terms",
        "hosted_opt_in",
        "hosted_opt_in_done",
        # An invitation's link names the organisation and who invited; joining needs an
        # account signed in with the invited address (tests/registration/test_members.py).
        "invitation",
        "healthz",  # JSON for load balancers: no organisation's data (tests/project/test_serve.py)
        "readyz",
    }
)

# The steps of a sign-in in progress (the two-factor code, a sign-in code): reached between the
# password and the session, so without a sign-in in progress they send the visitor to log in.
SIGN_IN_STAGES = frozenset({"mfa_authenticate", "account_confirm_login_code"})

# The operator's endpoints: Prometheus's scrape, for a bearer token or an allowed network only,
# never for a signed-in user (tests/security/test_metrics_access.py).
OPERATOR = frozenset({"metrics"})

# Placeholder values for converters, for checks that happen before any lookup (CSRF, login).
_PLACEHOLDERS = {
    "uuid": uuid.UUID(int=1),
    "int": 1,
    "slug": "x",
    "str": "x",
    "path": "x",
}


@dataclass(frozen=True)
class Route:
    route: str  # "brands/<uuid:public_id>/", from the site root
    name: str
    callback: object
    converters: dict = field(default_factory=dict)  # kwarg name -> converter name

    def __str__(self) -> str:
        return self.name or self.route

    @property
    def kwargs(self) -> tuple[str, ...]:
        return tuple(self.converters)

    def startswith(self, *prefixes: str) -> bool:
        return self.route.startswith(prefixes)

    @property
    def collection(self) -> str:
        """The path segment naming what the first kwarg identifies: "brands" in
        "site-checks/brands/<uuid:public_id>/", "numbers" in "numbers/<uuid:public_id>/"."""
        before = self.route.split("<", 1)[0].rstrip("/")
        return before.rsplit("/", 1)[-1]

    def placeholder_url(self) -> str:
        """The URL with placeholder values (the view is never expected to find them)."""
        return self.fill({name: _PLACEHOLDERS[conv] for name, conv in self.converters.items()})

    def fill(self, values: dict) -> str:
        path = self.route
        for name, converter in self.converters.items():
            path = path.replace(f"<{converter}:{name}>", str(values[name]))
            path = path.replace(f"<{name}>", str(values[name]))
        return "/" + path


def _converter_names(pattern) -> dict:
    converters = getattr(pattern.pattern, "converters", {})
    names = {}
    for name, converter in converters.items():
        kind = type(converter).__name__.removesuffix("Converter").lower()
        names[name] = {"string": "str"}.get(kind, kind)
    return names


def _route_text(pattern) -> tuple[str, dict]:
    """A pattern as route text; a regular expression's named groups (allauth's e-mail and
    password-reset keys) become `<str:name>`."""
    if not isinstance(pattern.pattern, RegexPattern):
        return str(pattern.pattern), {}
    names = {}

    def named(match):
        names[match.group(1)] = "str"
        return f"<str:{match.group(1)}>"

    text = re.sub(r"\(\?P<(\w+)>[^)]*\)", named, str(pattern.pattern))
    return text.removeprefix("^").removesuffix("$"), names


def _walk(patterns, prefix="", converters=None):
    for pattern in patterns:
        text, regex_names = _route_text(pattern)
        found = {**(converters or {}), **_converter_names(pattern), **regex_names}
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + text, found)
        elif isinstance(pattern, URLPattern):
            yield Route(prefix + text, pattern.name or "", pattern.callback, found)


def all_routes() -> list[Route]:
    seen, routes = set(), []
    for route in _walk(get_resolver().url_patterns):
        if route.route in seen:  # a later pattern with the same route is never reached
            continue
        seen.add(route.route)
        routes.append(route)
    return routes


def customer_routes() -> list[Route]:
    """Signed-in customers' URLs: everything but admin, sandbox, webhooks, reviewer and public
    pages (and the account pages, which act on the signed-in user only, except those naming
    an organisation: switching to one, adding one, and the organisation's Telnyx account)."""
    return [
        r
        for r in all_routes()
        if (
            not r.startswith(ADMIN, SANDBOX, WEBHOOKS, REVIEW, "accounts/")
            or r.startswith(ORGS, TELNYX_ACCOUNT)
        )
        and r.name not in PUBLIC | OPERATOR
    ]
