"""3. The numbers screen at scale: server time and query count of GET /numbers/ (url name
`number_list`, first page and last page) for an organisation with 100, 1,000 and 10,000
numbers, in this process through Django's test client on PostgreSQL (DEBUG off). The floor is
the smallest size: query counts should be equal and time should grow far slower than size.
Live status is on: some numbers are pending, so the page carries its poller, and the poll
itself (url name `number_statuses`, the first page's 50 numbers) is measured too."""

import statistics
import time

from bench import report, sandbox_seed

REPEATS = 15
AREA = 312  # numbers +1312…, apart from the bulk assignment's


def measure(cfg) -> list[report.Row]:
    sizes = cfg.number_sizes
    report.heading(
        f"3. Numbers screen: GET /numbers/ with {', '.join(f'{s:,}' for s in sizes)} numbers "
        f"(median of {REPEATS}, in-process, PostgreSQL)"
    )
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    try:
        url = reverse("number_list")
    except NoReverseMatch:
        return [report.skipped("Numbers screen", "no url named number_list (branch numbers)")]

    world = sandbox_seed.campaign_world(
        "bench-numbers", campaigns=3, campaign_status="MNO_PROVISIONED"
    )
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(_member(world.organisation))
    figures = []
    polls = []
    for size in sizes:
        _grow(world, size)
        first = _time(client, url)
        last = _time(client, url + "?page=last")
        poll = _time(client, _poll_url(world))
        figures.append((size, first, last))
        polls.append(poll)
        report.line(
            f"{size:>7,} numbers: first page {first[0]:6.1f} ms, {first[1]} queries; "
            f"last page {last[0]:6.1f} ms, {last[1]} queries; "
            f"live-status poll {poll[0]:6.1f} ms, {poll[1]} queries"
        )
    (base, base_first, base_last), (top, top_first, top_last) = figures[0], figures[-1]
    growth = top_first[0] / base_first[0]
    equal = len({page[1] for _, *pages in figures for page in pages}) == 1
    polls_equal = len({poll[1] for poll in polls}) == 1
    report.line(
        f"size x{top // base}: time x{growth:.2f} (first page), "
        f"x{top_last[0] / base_last[0]:.2f} (last page); query counts "
        + ("equal" if equal else "NOT equal")
        + f"; live-status poll queries {' / '.join(str(p[1]) for p in polls)} "
        + ("(equal)" if polls_equal else "(NOT equal)")
    )
    return [
        report.Row(
            f"Numbers screen, {top:,} numbers",
            f"{top_first[0]:.1f} ms, {top_first[1]} queries (last page {top_last[0]:.1f} ms)",
            f"{base_first[0]:.1f} ms, {base_first[1]} queries at {base:,}",
            f"time x{growth:.2f} for size x{top // base}",
            "equal queries, sublinear time",
            equal and growth < top / base,
        ),
        report.Row(
            f"Numbers live-status poll, {top:,} numbers",
            f"{polls[-1][0]:.1f} ms, {polls[-1][1]} queries",
            f"{polls[0][0]:.1f} ms, {polls[0][1]} queries at {base:,}",
            f"time x{polls[-1][0] / polls[0][0]:.2f} for size x{top // base}",
            "equal queries",
            polls_equal,
        ),
    ]


def _poll_url(world) -> str:
    """The poll the first page makes: its 50 numbers' statuses."""
    from compliance.models.numbers import PhoneNumber
    from registration import live_status

    page = PhoneNumber.objects.filter(organisation=world.organisation).order_by("phone_number")
    return live_status.for_page(page[:50]).url


def _member(organisation):
    from django.contrib.auth.models import User

    from compliance.models import Membership

    user, _ = User.objects.get_or_create(username="bench-numbers-owner")
    Membership.objects.update_or_create(
        user=user, organisation=organisation, defaults={"role": Membership.Role.OWNER}
    )
    return user


def _grow(world, size: int) -> None:
    """Bring the organisation to `size` numbers on two profiles; every third is assigned to
    one of the world's campaigns, as on a real account."""
    from compliance.models.numbers import MessagingProfile, PhoneNumber

    profiles = [
        MessagingProfile.objects.get_or_create(
            organisation=world.organisation,
            telnyx_id=f"bench-numbers-profile-{i}",
            defaults={"name": f"Bench profile {i}"},
        )[0]
        for i in range(2)
    ]
    have = PhoneNumber.objects.filter(organisation=world.organisation).count()
    rows = []
    for i in range(have, size):
        campaign = world.campaigns[i % len(world.campaigns)] if i % 3 == 0 else None
        rows.append(
            PhoneNumber(
                organisation=world.organisation,
                phone_number=sandbox_seed.phone_number(i, AREA),
                profile=profiles[i % 2],
                number_type="long-code",
                campaign=campaign,
                telnyx_campaign_id=campaign.campaign_id if campaign else "",
                # one in seven of the assigned is still pending: live status is on
                assignment_status=(
                    ("PENDING_ASSIGNMENT" if i % 7 == 0 else "ASSIGNED") if campaign else ""
                ),
            )
        )
    PhoneNumber.objects.bulk_create(rows, batch_size=2000)


def _time(client, url: str) -> tuple[float, int]:
    """(median milliseconds, queries) of GET url."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    # Each request empties the query log as it starts (request_started): start from empty.
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    count = len(queries.captured_queries)  # read now: the next request empties the log
    if response.status_code != 200:
        raise RuntimeError(f"GET {url} answered {response.status_code}")
    timings = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), count
