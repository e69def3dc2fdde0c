"""Every screen that shows a number's status shows the current one and polls while anything is
pending (list, number page, profile, bulk job, campaign page); the campaign page lists its
numbers; the profile's counts add up; test SMS says why numbers are missing; tenancy."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from compliance.models import BulkAssignment, BulkAssignmentItem, MessagingProfile, PhoneNumber
from tests.factories import organisation_of, registered_brand, submitted_campaign

pytestmark = pytest.mark.django_db

POLLER = re.compile(r'<div id="number-status-poll"[^>]*>')


@pytest.fixture
def campaign(organisation):
    return submitted_campaign(
        organisation,
        brand=registered_brand(organisation),
        status="MNO_PROVISIONED",
        usecase="CUSTOMER_CARE",
        last_synced_at=timezone.now() + timedelta(hours=1),
    )


@pytest.fixture
def profile(organisation):
    return MessagingProfile.objects.create(organisation=organisation, telnyx_id="p-1", name="Main")


def _number(organisation, profile, i, campaign=None, status=""):
    return PhoneNumber.objects.create(
        organisation=organisation,
        profile=profile,
        phone_number=f"+1312555{i:04d}",
        campaign=campaign,
        telnyx_campaign_id=campaign.campaign_id if campaign else "",
        assignment_status=status,
    )


def _poller(html: str) -> str:
    match = POLLER.search(html)
    assert match, "no live-status poller on the page"
    return match.group(0)


def _poll_url(html: str) -> str:
    return re.search(r'hx-get="([^"]+)"', _poller(html)).group(1).replace("&amp;", "&")


def _htmx_get(client, url):
    return client.get(url, headers={"HX-Request": "true"})


def test_the_list_polls_while_a_number_is_pending_and_its_cell_follows(
    owner_client, organisation, profile, campaign
):
    pending = _number(organisation, profile, 1, campaign, "PENDING_ASSIGNMENT")
    _number(organisation, profile, 2)
    page = owner_client.get(reverse("number_list")).content.decode()
    assert 'hx-trigger="every 2s"' in _poller(page)
    url = _poll_url(page)

    still = _htmx_get(owner_client, url).content.decode()
    assert 'hx-trigger="every 2s"' in _poller(still)
    assert f'id="status-{pending.public_id}"' in still and 'hx-swap-oob="true"' in still

    PhoneNumber.objects.filter(pk=pending.pk).update(assignment_status="ASSIGNED")
    settled = _htmx_get(owner_client, url).content.decode()
    assert 'data-status="ASSIGNED"' in settled and ">Assigned<" in settled
    assert "hx-trigger" not in _poller(settled)  # nothing pending: polling stops
    assert "ASSIGNED<" not in settled  # the label, never the raw code, is shown


def test_a_settled_list_does_not_poll(owner_client, organisation, profile, campaign):
    _number(organisation, profile, 1, campaign, "ASSIGNED")
    page = owner_client.get(reverse("number_list")).content.decode()
    assert "hx-trigger" not in _poller(page)


def test_the_poll_never_shows_another_organisations_number(
    owner_client, organisation, profile, outsider, campaign
):
    theirs = PhoneNumber.objects.create(
        organisation=organisation_of(outsider),
        phone_number="+13125559000",
        assignment_status="PENDING_ASSIGNMENT",
    )
    answer = _htmx_get(owner_client, reverse("number_statuses") + f"?ids={theirs.public_id}")
    assert answer.status_code == 200 and str(theirs.public_id) not in answer.content.decode()
    scope = f"?scope=number:{theirs.public_id}&seen="
    assert _htmx_get(owner_client, reverse("number_statuses") + scope).status_code == 404
    assert _htmx_get(owner_client, reverse("number_statuses") + "?ids=not-a-uuid").status_code == (
        404
    )


def test_the_number_page_reloads_itself_when_its_status_moves(
    owner_client, organisation, profile, campaign
):
    number = _number(organisation, profile, 1, campaign, "PENDING_ASSIGNMENT")
    page = owner_client.get(reverse("number_detail", args=[number.public_id])).content.decode()
    url = _poll_url(page)
    assert "updates by itself" in page

    assert "HX-Refresh" not in _htmx_get(owner_client, url).headers
    PhoneNumber.objects.filter(pk=number.pk).update(assignment_status="ASSIGNED")
    assert _htmx_get(owner_client, url).headers["HX-Refresh"] == "true"
    page = owner_client.get(reverse("number_detail", args=[number.public_id])).content.decode()
    assert "hx-trigger" not in _poller(page)


def test_the_profile_counts_add_up_and_follow(owner_client, organisation, profile, campaign):
    for i, status in enumerate(["ASSIGNED", "ASSIGNED", "PENDING_ASSIGNMENT", "", ""]):
        _number(organisation, profile, i, campaign if status else None, status)
    _number(organisation, None, 9)  # on no profile: not counted here
    page = owner_client.get(reverse("profile_detail", args=[profile.public_id])).content.decode()
    counts = re.findall(r'data-code="([A-Z_]*)">[^<]+</span> <strong>(\d+)</strong>', page)
    assert counts == [("ASSIGNED", "2"), ("PENDING_ASSIGNMENT", "1"), ("", "2")]
    assert sum(int(c) for _, c in counts) == 5 and "Numbers (5)" in page
    url = _poll_url(page)

    PhoneNumber.objects.filter(assignment_status="PENDING_ASSIGNMENT").update(
        assignment_status="ASSIGNED"
    )
    assert _htmx_get(owner_client, url).headers["HX-Refresh"] == "true"


def test_the_campaign_page_lists_its_numbers_with_status_and_a_way_to_assign_more(
    owner_client, organisation, profile, campaign
):
    _number(organisation, profile, 1, campaign, "ASSIGNED")
    _number(organisation, profile, 2, campaign, "PENDING_ASSIGNMENT")
    _number(organisation, profile, 3)  # not on it
    page = owner_client.get(reverse("campaign_detail", args=[campaign.public_id])).content.decode()
    section = page[page.index('id="campaign-numbers"') :]
    assert "Phone numbers (2)" in section
    assert "+13125550001" in section and "+13125550002" in section
    assert "+13125550003" not in section
    assert "Being assigned" in section and "Assign more numbers" in section
    assert 'hx-trigger="every 2s"' in _poller(section)


def test_a_finished_bulk_job_shows_its_numbers_statuses_live(
    owner_client, organisation, profile, campaign
):
    numbers = [_number(organisation, profile, i, campaign, "PENDING_ASSIGNMENT") for i in range(3)]
    job = BulkAssignment.objects.create(
        organisation=organisation, campaign=campaign, total=3, state=BulkAssignment.State.FINISHED
    )
    BulkAssignmentItem.objects.bulk_create(
        BulkAssignmentItem(job=job, number=n, state=BulkAssignmentItem.State.DONE) for n in numbers
    )
    running = _htmx_get(owner_client, reverse("bulk_detail", args=[job.public_id]) + "?running=1")
    assert running.headers["HX-Refresh"] == "true"  # just finished: the page follows statuses
    page = owner_client.get(reverse("bulk_detail", args=[job.public_id])).content.decode()
    assert "Being assigned" in page
    url = _poll_url(page)
    PhoneNumber.objects.update(assignment_status="ASSIGNED")
    assert _htmx_get(owner_client, url).headers["HX-Refresh"] == "true"
    page = owner_client.get(reverse("bulk_detail", args=[job.public_id])).content.decode()
    assert "hx-trigger" not in _poller(page)


def test_test_sms_offers_only_complete_assignments_on_live_campaigns_and_says_why(
    owner_client, organisation, profile, campaign
):
    not_live = submitted_campaign(organisation, status="MNO_PENDING")
    _number(organisation, profile, 1, campaign, "ASSIGNED")
    _number(organisation, profile, 2, campaign, "PENDING_ASSIGNMENT")
    _number(organisation, profile, 3, campaign, "PENDING_ASSIGNMENT")
    _number(organisation, profile, 4, not_live, "ASSIGNED")
    _number(organisation, profile, 5)
    page = owner_client.get(reverse("test_message")).content.decode()
    senders = page[page.index('name="from_number"') : page.index("</select>")]
    assert "+13125550001" in senders
    assert not any(f"+1312555000{i}" in senders for i in (2, 3, 4, 5))
    missing = page[page.index('id="senders-missing"') :]
    assert "2 numbers are still being assigned" in missing
    assert "1 number is assigned to a campaign the carriers have not provisioned" in missing
    assert "1 number is not assigned to any campaign" in missing
