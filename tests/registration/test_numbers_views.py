"""Numbers screens: list (filters, search, constant queries at 100 and 10,000 numbers), CSV,
one number's assign/move/unassign, bulk with progress, profiles, test SMS; tenancy per URL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from compliance.models import (
    BulkAssignment,
    MessagingProfile,
    PhoneNumber,
    ProfileAssignmentTask,
    TestMessage,
)
from compliance.services import numbers
from sandbox.models.numbers import NumberAssignment
from tests.factories import organisation_of


def _bulk_numbers(organisation, profile, count, start=0):
    PhoneNumber.objects.bulk_create(
        [
            PhoneNumber(
                organisation=organisation,
                profile=profile,
                phone_number=f"+1{3125550000 + start + i}",
                number_type="long-code",
            )
            for i in range(count)
        ],
        batch_size=1000,
    )


def _queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_numbers_page_queries_are_the_same_at_100_and_10000_numbers(owner_client, organisation):
    profile = MessagingProfile.objects.create(organisation=organisation, telnyx_id="p", name="P")
    _bulk_numbers(organisation, profile, 100)
    url = reverse("number_list") + "?sort=-number&status=none"
    _queries_for(owner_client, url)  # a session's first request records it (sessions page)
    small = _queries_for(owner_client, url)
    _bulk_numbers(organisation, profile, 9900, start=100)
    large = _queries_for(owner_client, url)
    assert small == large
    assert "+13125559999" in owner_client.get(url).content.decode()


@pytest.mark.django_db
def test_search_by_digits_and_filters(owner_client, organisation, outsider):
    profile = MessagingProfile.objects.create(organisation=organisation, telnyx_id="p", name="P")
    _bulk_numbers(organisation, profile, 20)
    other = organisation_of(outsider)
    PhoneNumber.objects.create(organisation=other, phone_number="+13125550555")
    page = owner_client.get(reverse("number_list"), {"q": "555-0015"}).content.decode()
    assert "+13125550015" in page and "+13125550016" not in page
    page = owner_client.get(reverse("number_list"), {"q": "0555"}).content.decode()
    assert "+13125550555" not in page  # another organisation's number never shows
    csv = b"".join(
        owner_client.get(reverse("number_export"), {"q": "5550001"}).streaming_content
    ).decode()
    assert csv.splitlines() == [
        "phone_number,profile,type,campaign,campaign_id,campaign_status,assignment,failure",
        "+13125550001,P,long-code,,,,Not assigned,",
    ]


@pytest.mark.django_db
def test_every_number_url_is_a_404_for_another_organisation(outsider_client, organisation):
    profile = MessagingProfile.objects.create(organisation=organisation, telnyx_id="p", name="P")
    number = PhoneNumber.objects.create(organisation=organisation, phone_number="+13125550001")
    from compliance.models import Brand, Campaign

    brand = Brand.objects.create(organisation=organisation, brand_id="b")
    campaign = Campaign.objects.create(organisation=organisation, brand=brand, campaign_id="c")
    job = BulkAssignment.objects.create(organisation=organisation, campaign=campaign, total=0)
    task = ProfileAssignmentTask.objects.create(
        organisation=organisation, profile=profile, campaign=campaign, task_id="t"
    )
    message = TestMessage.objects.create(
        organisation=organisation, from_number=number, to_number="+13125550002", text="x"
    )
    gets = [
        reverse("number_detail", args=[number.public_id]),
        reverse("number_unassign_confirm", args=[number.public_id]),
        reverse("bulk_detail", args=[job.public_id]),
        reverse("profile_detail", args=[profile.public_id]),
        reverse("profile_task", args=[task.public_id]),
        reverse("test_message_detail", args=[message.public_id]),
    ]
    for url in gets:
        assert outsider_client.get(url).status_code == 404, url
    posts = [
        reverse("number_action", args=[number.public_id, "assign"]),
        reverse("number_action", args=[number.public_id, "unassign"]),
        reverse("bulk_retry", args=[job.public_id]),
        reverse("profile_detail", args=[profile.public_id]),
    ]
    for url in posts:
        assert outsider_client.post(url, {"campaign": campaign.public_id}).status_code == 404, url


@pytest.mark.django_db(transaction=True)
def test_assign_move_and_unassign_through_the_screens(
    owner_client, organisation, make_profile, make_campaign, telnyx
):
    make_profile(1)
    numbers.sync_organisation(organisation, telnyx)
    number = PhoneNumber.objects.get()
    first, second = make_campaign(), make_campaign()
    pending = make_campaign("MNO_PENDING")

    page = owner_client.get(reverse("number_detail", args=[number.public_id])).content.decode()
    assert str(first.public_id) in page and str(pending.public_id) not in page

    url = reverse("number_action", args=[number.public_id, "assign"])
    response = owner_client.post(url, {"campaign": pending.public_id})
    assert response.status_code == 200  # not offered: the form refuses it
    assert not NumberAssignment.objects.exists()

    response = owner_client.post(url, {"campaign": first.public_id})
    assert response.status_code == 302
    assert NumberAssignment.objects.get().campaign_id == first.campaign_id

    response = owner_client.post(url, {"campaign": second.public_id})
    assert response.status_code == 200 and "move it instead" in response.content.decode()
    assert "Move to another campaign" in response.content.decode()

    page = owner_client.get(reverse("number_detail", args=[number.public_id])).content.decode()
    assert str(second.public_id) in page and str(first.public_id) not in page  # not its own
    move = reverse("number_action", args=[number.public_id, "move"])
    response = owner_client.post(move, {"campaign": second.public_id})
    job = BulkAssignment.objects.get(kind="move")
    assert response["Location"] == reverse("bulk_detail", args=[job.public_id])
    confirmation = owner_client.get(response["Location"]).content.decode()
    assert f"Move 1 number to {second}?" in confirmation
    assert NumberAssignment.objects.get().campaign_id == first.campaign_id  # nothing sent yet
    owner_client.post(reverse("bulk_confirm", args=[job.public_id]))
    assert NumberAssignment.objects.get().campaign_id == second.campaign_id
    job.refresh_from_db()
    assert job.is_finished and job.progress()["done"] == 1

    confirm = owner_client.get(reverse("number_unassign_confirm", args=[number.public_id]))
    assert "Yes, unassign" in confirm.content.decode()
    unassign = reverse("number_action", args=[number.public_id, "unassign"])
    assert owner_client.post(unassign).status_code == 302
    assert not NumberAssignment.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_telnyx_outage_on_assign_is_plain_words_not_a_500(
    owner_client, organisation, make_profile, make_campaign, telnyx
):
    from sandbox import faults

    make_profile(1)
    numbers.sync_organisation(organisation, telnyx)
    number = PhoneNumber.objects.get()
    campaign = make_campaign()
    faults.inject("500", 1, path_contains="phone_number_campaigns", method="POST")
    response = owner_client.post(
        reverse("number_action", args=[number.public_id, "assign"]),
        {"campaign": campaign.public_id},
    )
    assert response.status_code == 200
    assert "could not be reached" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_telnyx_error_on_unassign_is_told_in_plain_words_not_as_a_form_error(
    owner_client, organisation, make_profile, make_campaign, telnyx
):
    """Issue 20, finding 13: a Telnyx 500 on unassign showed "This field is required."."""
    from sandbox import faults

    make_profile(1)
    numbers.sync_organisation(organisation, telnyx)
    number = PhoneNumber.objects.get()
    campaign = make_campaign()
    numbers.assign_number(number, campaign)
    faults.inject("500", 5, path_contains="phone_number_campaigns", method="DELETE")
    response = owner_client.post(reverse("number_action", args=[number.public_id, "unassign"]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "This field is required" not in page
    assert "could not be reached" in page or "unassign the number" in page


@pytest.mark.django_db(transaction=True)
def test_bulk_assignment_of_all_matching_shows_progress_and_stops_polling(
    owner_client, organisation, make_profile, make_campaign, telnyx
):
    make_profile(12)
    numbers.sync_organisation(organisation, telnyx)
    campaign = make_campaign()
    response = owner_client.post(
        reverse("bulk_start") + "?q=555000",
        {"campaign": campaign.public_id, "all_matching": "on"},
    )
    job = BulkAssignment.objects.get()
    assert response["Location"] == reverse("bulk_detail", args=[job.public_id])
    assert job.total == 10  # +13125550000..9 match "555000"
    page = owner_client.get(response["Location"]).content.decode()
    assert f"Assign 10 numbers to {campaign}?" in page and "Nothing has been sent" in page
    assert not NumberAssignment.objects.exists()  # a draft sends nothing
    owner_client.post(reverse("bulk_confirm", args=[job.public_id]))
    fragment = owner_client.get(
        reverse("bulk_detail", args=[job.public_id]), headers={"HX-Request": "true"}
    ).content.decode()
    assert "<html" not in fragment and 'data-testid="bulk-done">10<' in fragment
    assert "hx-trigger" not in fragment  # finished: no more polling


@pytest.mark.django_db(transaction=True)
def test_create_profile_and_assign_by_profile(owner_client, organisation, make_campaign, telnyx):
    response = owner_client.post(
        reverse("profile_list"), {"name": "Store", "whitelisted_destinations": "us, ca"}
    )
    profile = MessagingProfile.objects.get(organisation=organisation)
    assert response["Location"] == reverse("profile_detail", args=[profile.public_id])
    assert profile.whitelisted_destinations == ["US", "CA"]
    bad = owner_client.post(
        reverse("profile_list"), {"name": "X", "whitelisted_destinations": "USA"}
    )
    assert bad.status_code == 200 and "two-letter" in bad.content.decode()

    response = owner_client.post(
        reverse("profile_detail", args=[profile.public_id]), {"campaign": make_campaign().public_id}
    )
    task = ProfileAssignmentTask.objects.get()
    assert response["Location"] == reverse("profile_task", args=[task.public_id])
    task.refresh_from_db()
    assert task.status == "failed"  # the new profile has no numbers at Telnyx
