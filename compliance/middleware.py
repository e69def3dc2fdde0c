"""Response headers every signed-in page needs; the request id, access line and latency of
every request."""

import logging
import time
from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers, patch_cache_control

from compliance import logs, metrics

access_log = logging.getLogger("compliance.requests")


class PrivatePagesMiddleware:
    """Pages and exports a signed-in user sees are theirs alone: never stored by the browser's
    cache or a proxy (a shared computer's back button, a company proxy), so they carry
    "Cache-Control: private, no-store". Public pages keep their own caching."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response


class TwoFactorRequiredMiddleware:
    """Reviewers and staff see and act for every organisation: /review/ and /admin/ open only
    once their account has an authenticator app (TOTP, allauth.mfa). Members of an
    organisation whose owner requires two-factor sign-in are held to it on every page but the
    account pages while they act for it (a user of several organisations may still switch to
    another from the account pages). Until then they are sent to set one up (then the recovery
    codes); allauth then asks for the code at every sign-in."""

    GUARDED_PREFIXES = ("/review/", "/admin/")
    # Reachable without an authenticator: setting one up, signing out, the static files.
    OPEN_PREFIXES = ("/accounts/", "/static/", "/favicon.ico")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return self.get_response(request)
        # The cheap questions first: most requests ask the database nothing more.
        if (
            request.path.startswith(self.GUARDED_PREFIXES)
            and _sees_every_organisation(user)
            and not has_authenticator_app(user)
        ):
            messages.warning(
                request,
                "Reviewers and staff must set up two-factor sign-in before opening the "
                "review console or the admin. Scan the code with an authenticator app.",
            )
            return redirect("mfa_activate_totp")
        if (
            not request.path.startswith(self.OPEN_PREFIXES)
            and _organisation_requires(request)
            and not has_authenticator_app(user)
        ):
            messages.warning(
                request,
                "Your organisation requires two-factor sign-in. Scan the code with an "
                "authenticator app to continue.",
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


def has_authenticator_app(user) -> bool:
    from compliance.accounts import has_authenticator_app

    return has_authenticator_app(user)


def _sees_every_organisation(user) -> bool:
    from compliance.tenancy import is_reviewer

    return user.is_staff or is_reviewer(user)


def _organisation_requires(request: HttpRequest) -> bool:
    """Whether the organisation the request acts for requires two-factor sign-in (its data is
    what the rule protects; read once per request with the membership, see tenancy)."""
    from compliance.tenancy import active_membership

    membership = active_membership(request)
    return membership is not None and membership.organisation.require_two_factor


class RequestIdMiddleware:
    """First in the chain: gives the request its id (an incoming X-Request-ID only when it is
    a short safe token, else a new one), binds it for every log line and task the request
    causes (compliance/logs.py), answers it in X-Request-ID, and writes one access line and
    one latency observation per request, by view (compliance/metrics.py). The access line
    names the URL pattern, never the path: paths can carry tokens (password reset)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = logs.safe_request_id(request.headers.get(logs.HEADER)) or logs.new_request_id()
        with logs.bound_request_id(request_id):
            started = time.monotonic()
            response = self.get_response(request)
            elapsed = time.monotonic() - started
            match = request.resolver_match
            view = (match.view_name or match.route) if match else "<unmatched>"
            metrics.observe_request(view, request.method or "", response.status_code, elapsed)
            access_log.info(
                "%s %s %s in %.0f ms",
                request.method,
                view,
                response.status_code,
                elapsed * 1000,
            )
        response[logs.HEADER] = request_id
        return response
