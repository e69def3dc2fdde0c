"""The review queue: what needs attention across organisations, its counts, filters, search,
sorting and paging, in a constant number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from compliance.models import Brand, SubmissionState
from compliance.review import queue
from compliance.services import review as services
from tests.factories import organisation_of

QUEUE = reverse("review_queue")
HOURS = timedelta(hours=1)


@pytest.fixture
def board(settings, organisation, outsider, make_submitted_campaign):
    """Two organisations' campaigns in every state that matters to the queue."""
    settings.REVIEW_STUCK_AFTER_HOURS = 24
    other = organisation_of(outsider)
    long_ago = timezone.now() - 48 * HOURS
    return {
        "telnyx_failed": make_submitted_campaign(organisation, campaign_status="TELNYX_FAILED"),
        "mno_rejected": make_submitted_campaign(
            other,
            campaign_status="MNO_REJECTED",
            usecase="ACCOUNT_NOTIFICATION",
            tcr_campaign_id="CX1Y2Z3",
            status_changed_at=timezone.now() - 10 * 24 * HOURS,
        ),
        "stuck_mno": make_submitted_campaign(
            organisation, campaign_status="MNO_PENDING", status_changed_at=long_ago
        ),
        "stuck_submission": make_submitted_campaign(
            other,
            campaign_status="",
            campaign_id=None,
            submission_state=SubmissionState.PENDING,
            status_changed_at=None,
            submission_attempted_at=long_ago,
        ),
        # Not in the queue:
        "fresh_pending": make_submitted_campaign(organisation, campaign_status="TCR_PENDING"),
        "live": make_submitted_campaign(organisation, campaign_status="MNO_PROVISIONED"),
        "old_live": make_submitted_campaign(
            other, campaign_status="MNO_PROVISIONED", status_changed_at=long_ago
        ),
        "draft": make_submitted_campaign(
            organisation,
            campaign_status="",
            campaign_id=None,
            submission_state=SubmissionState.DRAFT,
            status_changed_at=None,
        ),
    }


@pytest.fixture
def unverified_brand(outsider):
    return Brand.objects.create(
        organisation=organisation_of(outsider),
        display_name="Shady Loans",
        identity_status="UNVERIFIED",
        status="OK",
        brand_id="b-unverified",
    )


def listed(response) -> set:
    return {item.pk for item in response.context["page"]}


def pks(board, *names) -> set:
    return {board[name].pk for name in names}


def test_queue_lists_rejections_and_stuck_submissions_of_every_organisation(reviewer_client, board):
    response = reviewer_client.get(QUEUE)
    assert listed(response) == pks(
        board, "telnyx_failed", "mno_rejected", "stuck_mno", "stuck_submission"
    )


def test_counts_per_status_at_the_top(reviewer_client, board, unverified_brand):
    response = reviewer_client.get(QUEUE, {"status": queue.FAILED})
    counts = {value: count for value, _label, count in response.context["counts"]}
    assert counts == {
        "requested": 0,
        "TELNYX_FAILED": 1,
        "MNO_REJECTED": 1,
        "stuck": 2,
        "UNVERIFIED": 1,
    }
    assert '<strong data-count="stuck">2</strong>' in response.content.decode()


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("TELNYX_FAILED", {"telnyx_failed"}),
        ("MNO_REJECTED", {"mno_rejected"}),
        ("stuck", {"stuck_mno", "stuck_submission"}),
    ],
)
def test_filter_by_status(reviewer_client, board, status, expected):
    assert listed(reviewer_client.get(QUEUE, {"status": status})) == pks(board, *expected)


def test_the_stuck_threshold_comes_from_settings(reviewer_client, board, settings):
    settings.REVIEW_STUCK_AFTER_HOURS = 72
    assert listed(reviewer_client.get(QUEUE, {"status": "stuck"})) == set()


def test_unverified_brands_are_listed_as_brands(reviewer_client, board, unverified_brand):
    response = reviewer_client.get(QUEUE, {"status": "UNVERIFIED"})
    assert listed(response) == {unverified_brand.pk}
    page = response.content.decode()
    assert "Shady Loans" in page
    assert reverse("review_brand", args=[unverified_brand.public_id]) in page


def test_filter_by_organisation(reviewer_client, board, outsider):
    other = organisation_of(outsider)
    response = reviewer_client.get(QUEUE, {"organisation": other.public_id})
    assert listed(response) == pks(board, "mno_rejected", "stuck_submission")


def test_filter_by_use_case(reviewer_client, board):
    response = reviewer_client.get(QUEUE, {"usecase": "ACCOUNT_NOTIFICATION"})
    assert listed(response) == pks(board, "mno_rejected")


def test_filter_by_age(reviewer_client, board):
    assert listed(reviewer_client.get(QUEUE, {"age": "7"})) == pks(board, "mno_rejected")
    assert listed(reviewer_client.get(QUEUE, {"age": "1"})) == pks(
        board, "mno_rejected", "stuck_mno", "stuck_submission"
    )


def test_search_by_brand_name_campaign_id_and_tcr_id(reviewer_client, board, outsider):
    telnyx_failed = board["telnyx_failed"]
    by_id = reviewer_client.get(QUEUE, {"q": telnyx_failed.campaign_id[:8]})
    assert listed(by_id) == {telnyx_failed.pk}
    assert listed(reviewer_client.get(QUEUE, {"q": "cx1y2z3"})) == pks(board, "mno_rejected")
    board["telnyx_failed"].brand.__class__.objects.filter(pk=telnyx_failed.brand_id).update(
        display_name="Croissant Corner"
    )
    assert listed(reviewer_client.get(QUEUE, {"q": "croissant"})) == {telnyx_failed.pk}


def test_sorting(reviewer_client, board):
    oldest = [c.pk for c in reviewer_client.get(QUEUE, {"sort": "oldest"}).context["page"]]
    newest = [c.pk for c in reviewer_client.get(QUEUE, {"sort": "newest"}).context["page"]]
    assert oldest[0] == board["mno_rejected"].pk
    assert oldest[-1] == board["telnyx_failed"].pk
    assert newest == list(reversed(oldest))
    by_org = reviewer_client.get(QUEUE, {"sort": "organisation"}).context["page"]
    assert [c.organisation.name for c in by_org] == sorted(c.organisation.name for c in by_org)


def test_claims_show_in_the_queue(reviewer_client, reviewer, board):
    services.claim(board["telnyx_failed"], reviewer)
    page = reviewer_client.get(QUEUE, {"status": "TELNYX_FAILED"}).content.decode()
    assert "<td>rita</td>" in page


def test_paging_keeps_the_filters(reviewer_client, organisation, make_submitted_campaign):
    for _ in range(27):
        make_submitted_campaign(organisation, campaign_status="TELNYX_FAILED")
    first = reviewer_client.get(QUEUE, {"status": "TELNYX_FAILED"})
    assert len(first.context["page"]) == 25
    assert "?status=TELNYX_FAILED&amp;page=2" in first.content.decode()
    second = reviewer_client.get(QUEUE, {"status": "TELNYX_FAILED", "page": 2})
    assert len(second.context["page"]) == 2


def test_invalid_filters_fall_back_to_everything(reviewer_client, board):
    response = reviewer_client.get(QUEUE, {"status": "nonsense", "age": "x", "page": "zz"})
    assert response.status_code == 200
    assert listed(response) == pks(
        board, "telnyx_failed", "mno_rejected", "stuck_mno", "stuck_submission"
    )


def queries_for(client, query) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(QUEUE, query).status_code == 200
    return len(captured)


@pytest.mark.parametrize("query", [{}, {"status": "UNVERIFIED"}])
def test_queries_per_page_do_not_grow_with_the_rows(
    reviewer_client, reviewer, organisation, outsider, make_submitted_campaign, query
):
    def add_rows():
        for org in (organisation, organisation_of(outsider)):
            campaign = make_submitted_campaign(org, campaign_status="TELNYX_FAILED")
            services.claim(campaign, reviewer)
            Brand.objects.create(organisation=org, identity_status="UNVERIFIED")

    add_rows()
    queries_for(reviewer_client, query)  # a session's first request records it (sessions page)
    few = queries_for(reviewer_client, query)
    for _ in range(5):
        add_rows()
    assert queries_for(reviewer_client, query) == few
