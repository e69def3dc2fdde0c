"""The lists of brands and campaigns: one helper for search, a status filter, sorting and
paging, so the two lists behave alike (the numbers screen has its own filter form: more
columns)."""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.db.models.expressions import OrderBy
from django.http import HttpRequest

PAGE_SIZE = 25


@dataclass(frozen=True)
class Listing:
    page: Page
    search: str
    status: str
    statuses: tuple[tuple[str, str], ...]  # (slug, label) for the filter's choices
    query: str  # the search and filter, without the page, for the pager's links
    filtered: bool  # whether a search or filter narrows the list
    sort: str = ""
    sorts: tuple[tuple[str, str], ...] = ()  # (slug, label) for the sort's choices


def listing(
    request: HttpRequest,
    rows: QuerySet,
    *,
    search_fields: tuple[str, ...],
    statuses: tuple[tuple[str, str, Q], ...],
    sorts: tuple[tuple[str, str, tuple[str | OrderBy, ...]], ...] = (),
    page_size: int = PAGE_SIZE,
) -> Listing:
    """?q= (words found in any of `search_fields`), ?status=<slug>, ?sort=<slug> (one of
    `sorts`: slug, label, order_by fields; the first is the default), ?page=<n>."""
    orders = {slug: fields for slug, _, fields in sorts}
    sort = request.GET.get("sort", "")
    if sort not in orders:
        sort = sorts[0][0] if sorts else ""
    if sort:
        rows = rows.order_by(*orders[sort], "-pk")  # ties in a stable order across pages
    search = request.GET.get("q", "").strip()[:100]
    status = request.GET.get("status", "")
    conditions = {slug: condition for slug, _, condition in statuses}
    if status not in conditions:
        status = ""
    if status:
        rows = rows.filter(conditions[status])
    for word in search.split():
        rows = rows.filter(reduce(or_, (Q(**{f"{f}__icontains": word}) for f in search_fields)))
    query = request.GET.copy()
    query.pop("page", None)
    return Listing(
        page=Paginator(rows, page_size).get_page(request.GET.get("page")),
        search=search,
        status=status,
        statuses=tuple((slug, label) for slug, label, _ in statuses),
        query=query.urlencode(),
        filtered=bool(search or status),
        sort=sort,
        sorts=tuple((slug, label) for slug, label, _ in sorts),
    )
