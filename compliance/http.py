"""What every view shares: the typed request, the one redirect after a successful POST, a CSV
download, and the app's absolute addresses."""

import csv
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails

from compliance.models import Organisation, TelnyxAccount
from compliance.presentation import spreadsheet_cell


class HtmxHttpRequest(HttpRequest):
    """A request that went through django-htmx's middleware (django-htmx's typing pattern)."""

    htmx: HtmxDetails


class SignedInRequest(HtmxHttpRequest):
    """A request to a view behind login_required or reviewer_required: its user is real."""

    user: User


def post_redirect(request: HtmxHttpRequest, url: str) -> HttpResponse:
    """After a successful POST: a client redirect for HTMX (which would otherwise swap the
    next page into the form), a plain redirect otherwise."""
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


def csv_download(table: Iterable[Iterable[object]], filename: str) -> HttpResponse:
    """A CSV attachment of `table` (header first); every cell passes through
    presentation.spreadsheet_cell, so a spreadsheet never runs one as a formula."""
    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    for line in table:
        writer.writerow([spreadsheet_cell(cell) for cell in line])
    return response


def absolute_url(viewname: str, *args: object) -> str:
    """The public address of a named URL (APP_BASE_URL + its path), for Telnyx, e-mails and
    the hosted pages: every absolute link the app hands out is built here."""
    return settings.APP_BASE_URL.rstrip("/") + reverse(viewname, args=args)


def telnyx_webhook_url(organisation: Organisation | None = None) -> str:
    """Where Telnyx sends this app's webhooks (brands, campaigns, numbers, messages): the
    organisation's own account's URL when it connected one (its events are verified with that
    account's key and change only its rows), else the platform's."""
    account = (
        TelnyxAccount.objects.filter(organisation=organisation).first() if organisation else None
    )
    if account is not None:
        return absolute_url("telnyx_account_webhook", account.public_id)
    return absolute_url("telnyx_webhook")
