"""2. Wizard step latency: p50 and p99 of the brand wizard's HTMX step POST (the "contact"
step: validation and draft save) at 1 and 20 concurrent users, each user editing their own
draft with their own session, against the floor: the same server rendering that step's
template fragment from a cached context (no validation, no save).

A valid step POST answers with a client redirect (HX-Redirect) and renders nothing, so it can
come out below the render floor; the invalid POST (validation, then the fragment re-rendered
with the errors, nothing saved) is measured too: it renders what the floor renders.

Server time is what gunicorn's access log records for each request (from the moment a worker
has read the request to the end of its answer): the figure the target is about. The round
trip the client sees adds the wait for a free worker: 20 users without pause on 4 sync workers
queue, so their round trip is several service times whatever the view does.

The server runs as deployed: background tasks (the website check a save may start) are
queued for `manage.py db_worker`, not run inside the request."""

import tempfile
from pathlib import Path

from bench import report
from bench.drive import drive, ok
from bench.load import percentile
from bench.server import access_log, gunicorn

QUEUED = {"TASKS_BACKEND": "django_tasks_db.DatabaseBackend"}

STEP = "contact"
KINDS = {
    "floor": "floor (render) ",
    "save": "valid POST     ",
    "invalid": "invalid POST   ",
}
CONTACT = {
    "street": "1 Main St",
    "city": "Chicago",
    "state": "IL",
    "postal_code": "60601",
    "country": "US",
    "phone": "+13125550001",
    "email": "support@alicebakery.com",
    "website": "https://alicebakery.com",
}


def measure(cfg) -> list[report.Row]:
    users = max(cfg.wizard_users)
    report.heading(
        f"2. Wizard step: HTMX POST of the brand wizard's '{STEP}' step, "
        f"{cfg.wizard_requests} requests at each of {', '.join(map(str, cfg.wizard_users))} "
        "concurrent users"
    )
    from django.urls import NoReverseMatch, reverse

    try:
        reverse("brand_wizard_step", args=["00000000-0000-4000-8000-000000000000", STEP])
    except NoReverseMatch:
        return [report.skipped("Wizard step", "no url brand_wizard_step (branch brand)")]
    sessions = [_user_with_draft(i) for i in range(users)]
    problem = _check_step(sessions[0])
    if problem:
        return [report.skipped("Wizard step", problem)]

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "access.log"
        with gunicorn(QUEUED, workers=cfg.workers, access_log=log) as server:
            report.line(f"server: {server.description}, CONN_MAX_AGE=600, tasks queued")
            for kind in KINDS:  # warm every worker up
                drive(_requests(server.url, sessions, cfg.workers * 5, kind), concurrency=users)
            for concurrent in cfg.wizard_users:
                runs = {}
                for kind, words in KINDS.items():
                    runs[kind] = _run(server.url, log, sessions[:concurrent], cfg, kind)
                    report.line(f"{concurrent:>2} users {words}" + _figures(runs[kind]))
                rows.append(_row(concurrent, runs, max(cfg.wizard_users)))
    _drop_queued_tasks()
    return rows


def _run(base: str, log: Path, sessions: list[dict], cfg, kind: str) -> dict:
    """Drive one kind of request; the load summary plus the server times of those requests
    (the access log's lines written during the run)."""
    before = len(access_log(log, ""))
    result = drive(_requests(base, sessions, cfg.wizard_requests, kind), concurrency=len(sessions))
    server_ms = [ms for _, _, ms in access_log(log, "")[before:]]
    return result | {
        "server_p50_ms": percentile(server_ms, 0.50),
        "server_p99_ms": percentile(server_ms, 0.99),
    }


def _figures(run: dict) -> str:
    return (
        f"server p50 {run['server_p50_ms']:6.1f} ms  p99 {run['server_p99_ms']:6.1f} ms | "
        f"round trip {report.load_figures(run)}"
    )


def _row(concurrent: int, runs: dict, most: int) -> report.Row:
    floor, real, invalid = runs["floor"], runs["save"], runs["invalid"]
    saved = ok(real) == real["requests"]
    judged = concurrent == most
    return report.Row(
        f"Wizard step POST, {concurrent} user{'s' if concurrent > 1 else ''}, server time",
        f"p50 {real['server_p50_ms']:.1f} ms, p99 {real['server_p99_ms']:.1f} ms"
        + ("" if saved else f" ({real['requests'] - ok(real)} failed)")
        + f"; invalid POST p99 {invalid['server_p99_ms']:.1f} ms"
        + f"; round trip p99 {real['p99_ms']:.0f} ms (floor {floor['p99_ms']:.0f} ms)",
        f"p50 {floor['server_p50_ms']:.1f} ms, p99 {floor['server_p99_ms']:.1f} ms",
        f"p99 x{real['server_p99_ms'] / floor['server_p99_ms']:.2f}",
        "server p99 < 50 ms" if judged else "",
        (real["server_p99_ms"] < 50 and saved) if judged else None,
    )


def _drop_queued_tasks() -> int:
    """Delete the website checks the saves queued for a db_worker (none runs here)."""
    from django_tasks_db.models import DBTaskResult

    from compliance.models import SiteCheck

    SiteCheck.objects.filter(brand__organisation__slug__startswith="bench-wizard-").delete()
    deleted, _ = DBTaskResult.objects.filter(task_path__endswith="run_site_check").delete()
    return deleted


def _user_with_draft(index: int) -> dict:
    """A user in their own organisation with a company brand draft whose identity step is
    done, logged in: their session cookie, a CSRF token and the draft's public id."""
    from django.contrib.auth.models import User
    from django.middleware.csrf import _get_new_csrf_string
    from django.test import Client

    from compliance.models import Brand, Membership, Organisation, SubmissionState
    from tests import factories

    username = f"bench-wizard-{index:02d}"
    organisation, _ = Organisation.objects.get_or_create(
        slug=username, defaults={"name": f"Bench wizard {index:02d}"}
    )
    user, created = User.objects.get_or_create(username=username)
    if created:
        user.set_unusable_password()
        user.save()
    Membership.objects.update_or_create(
        user=user, organisation=organisation, defaults={"role": Membership.Role.OWNER}
    )
    Brand.objects.filter(organisation=organisation).delete()
    brand = factories.draft_brand(
        organisation, created_by=user, submission_state=SubmissionState.DRAFT, ein="461234567"
    )
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(user)
    return {
        "client": client,
        "session": client.cookies["sessionid"].value,
        "csrf": _get_new_csrf_string(),
        "brand": str(brand.public_id),
    }


def _step_path(session: dict) -> str:
    from django.urls import reverse

    return reverse("brand_wizard_step", args=[session["brand"], STEP])


def _check_step(session: dict) -> str:
    """ "" when a valid step POST saves and redirects, else what went wrong."""
    from compliance.models import Brand

    response = session["client"].post(_step_path(session), CONTACT, headers={"hx-request": "true"})
    if response.status_code != 200 or "HX-Redirect" not in response:
        return f"the step POST answered {response.status_code} without HX-Redirect (form refused?)"
    if Brand.objects.get(public_id=session["brand"]).city != CONTACT["city"]:
        return "the step POST did not save the draft"
    return ""


def _requests(base: str, sessions: list[dict], total: int, kind: str) -> list[dict]:
    """`total` requests of one kind shared out among the users, one lane each; every valid
    POST changes the city so that each save writes."""
    from urllib.parse import urlencode

    requests = []
    for i in range(total):
        lane = i % len(sessions)
        session = sessions[lane]
        headers = {
            "Cookie": f"sessionid={session['session']}; csrftoken={session['csrf']}",
            "HX-Request": "true",
        }
        if kind == "floor":
            url = f"{base}/bench/floor/brand-step/{session['brand']}/{STEP}/"
            requests.append({"method": "GET", "url": url, "headers": headers, "lane": lane})
            continue
        fields = {**CONTACT, "city": f"Chicago {i % 97}"}
        if kind == "invalid":
            fields["email"] = "not an email address"
        headers |= {
            "X-CSRFToken": session["csrf"],
            "Content-Type": "application/x-www-form-urlencoded",
        }
        url = base + _step_path(session)
        body = urlencode(fields)
        requests.append(
            {"method": "POST", "url": url, "headers": headers, "body": body, "lane": lane}
        )
    return requests
