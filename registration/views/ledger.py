"""The organisation's fee ledger: every billable action Telnyx accepted, with the running
total, as a page and as a CSV in plain words. Scoped through compliance.tenancy: the brand
filter with another organisation's brand is a 404."""

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from compliance.http import HtmxHttpRequest, csv_download
from compliance.models import Brand, FeeEntry
from compliance.roles import Capability, role_required
from compliance.services import ledger
from compliance.tenancy import current_organisation, get_owned_or_404


def _entries(request) -> tuple[QuerySet[FeeEntry], Brand | None]:
    """The organisation's entries, or one of its brands' (?brand=<public id>)."""
    entries = ledger.entries_of(current_organisation(request))
    if "brand" not in request.GET:
        return entries, None
    brand = get_owned_or_404(request, Brand, public_id=request.GET["brand"])
    return entries.filter(brand=brand), brand


@login_required
@require_GET
@role_required(Capability.VIEW)
def fee_ledger(request: HtmxHttpRequest) -> HttpResponse:
    entries, brand = _entries(request)
    rows = ledger.rows(entries)
    context = {
        "rows": rows,
        "total": ledger.total_of(rows),
        "brand": brand,
        "query": request.GET.urlencode(),
    }
    return render(request, "registration/ledger.html", context)


@login_required
@require_GET
@role_required(Capability.VIEW)
def fee_ledger_export(request: HtmxHttpRequest) -> HttpResponse:
    entries, _ = _entries(request)
    table = ledger.csv_table(ledger.rows(entries), with_organisation=False)
    return csv_download(table, "fees.csv")
