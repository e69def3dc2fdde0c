"""What every view shares: the typed request and the one redirect after a successful POST."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """A request that went through django-htmx's middleware (django-htmx's typing pattern)."""

    htmx: HtmxDetails


def post_redirect(request: HtmxHttpRequest, url: str) -> HttpResponse:
    """After a successful POST: a client redirect for HTMX (which would otherwise swap the
    next page into the form), a plain redirect otherwise."""
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)
