"""Numbers use cases against the live sandbox: sync, one number (assign, move, unassign),
bulk with injected 429s and 5xx, by profile."""

import pytest

from compliance.models import BulkAssignmentItem, PhoneNumber, ProfileAssignmentTask
from compliance.services import numbers
from compliance.services.numbers import NumberError
from compliance.telnyx.errors import RateLimited
from sandbox import faults, ratelimit
from sandbox.models.numbers import NumberAssignment
from tests.factories import organisation_of

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def synced(telnyx, organisation, make_profile):
    def sync(count=5, **kwargs):
        profile = make_profile(count, **kwargs)
        numbers.sync_organisation(organisation, telnyx)
        return profile

    return sync


def test_sync_copies_the_organisations_profiles_numbers_and_assignments(
    telnyx, organisation, make_profile, make_campaign, outsider
):
    profile = make_profile(3)
    campaign = make_campaign()
    NumberAssignment.objects.create(
        phone_number="+13125550001", campaign_id=campaign.campaign_id, assignment_status="ASSIGNED"
    )
    result = numbers.sync_organisation(organisation, telnyx)
    assert (result.profiles, result.numbers, result.assignments) == (1, 3, 1)
    rows = PhoneNumber.objects.filter(organisation=organisation).order_by("phone_number")
    assert [n.phone_number for n in rows] == ["+13125550000", "+13125550001", "+13125550002"]
    assert all(n.profile == profile and n.number_type == "long-code" for n in rows)
    assigned = rows.get(phone_number="+13125550001")
    assert assigned.campaign == campaign and assigned.assignment_status == "ASSIGNED"
    other_org = organisation_of(outsider)
    assert numbers.sync_organisation(other_org, telnyx).numbers == 0


def test_a_profile_of_another_organisation_cannot_be_claimed(organisation, outsider):
    numbers.claim_profile(organisation, "p-1", "Mine")
    with pytest.raises(NumberError):
        numbers.claim_profile(organisation_of(outsider), "p-1", "Theirs")


def test_create_profile_creates_it_at_telnyx_with_the_app_webhook(telnyx, organisation):
    profile = numbers.create_profile(
        organisation, name="Store", whitelisted_destinations=["US"], client=telnyx
    )
    remote = telnyx.get_messaging_profile(profile.telnyx_id)
    assert remote.name == "Store" and remote.webhook_url.endswith("/webhooks/telnyx/")
    assert profile.organisation == organisation


def test_assign_then_move_then_unassign_one_number(telnyx, organisation, synced, make_campaign):
    synced(2)
    first, second = make_campaign(), make_campaign()
    number = PhoneNumber.objects.get(phone_number="+13125550000")
    numbers.assign_number(number, first, telnyx)
    assert NumberAssignment.objects.get(phone_number="+13125550000").assignment_status == (
        "ASSIGNED"
    )
    assert number.campaign == first and number.assignment_status == "PENDING_ASSIGNMENT"
    numbers.refresh_number(number, telnyx)
    assert number.assignment_status == "ASSIGNED"

    with pytest.raises(NumberError) as raised:
        numbers.assign_number(number, second, telnyx)
    assert raised.value.offer_move

    numbers.move_number(number, second, telnyx)
    assert NumberAssignment.objects.get(phone_number="+13125550000").campaign_id == (
        second.campaign_id
    )
    assert number.campaign == second

    numbers.unassign_number(number, telnyx)
    assert not NumberAssignment.objects.filter(phone_number="+13125550000").exists()
    numbers.refresh_number(number, telnyx)
    assert number.assignment_status == "" and number.campaign is None


def test_assigned_elsewhere_at_telnyx_is_detected_and_offers_move(
    telnyx, organisation, synced, make_campaign
):
    synced(1)
    first, second = make_campaign(), make_campaign()
    NumberAssignment.objects.create(
        phone_number="+13125550000", campaign_id=first.campaign_id, assignment_status="ASSIGNED"
    )
    number = PhoneNumber.objects.get(phone_number="+13125550000")
    number.clear_assignment()
    number.save()  # our copy is stale: Telnyx knows better
    with pytest.raises(NumberError) as raised:
        numbers.assign_number(number, second, telnyx)
    assert raised.value.offer_move
    number.refresh_from_db()
    assert number.campaign == first


def test_a_campaign_that_cannot_carry_traffic_is_refused_before_telnyx(
    telnyx, organisation, synced, make_campaign
):
    synced(1)
    number = PhoneNumber.objects.get()
    with pytest.raises(NumberError, match="cannot carry traffic"):
        numbers.assign_number(number, make_campaign("MNO_PENDING"), telnyx)
    assert not NumberAssignment.objects.exists()


def test_a_sole_proprietor_campaign_takes_one_number(telnyx, organisation, synced, make_campaign):
    synced(2)
    campaign = make_campaign(usecase="SOLE_PROPRIETOR")
    first, second = PhoneNumber.objects.order_by("phone_number")
    numbers.assign_number(first, campaign, telnyx)
    with pytest.raises(NumberError, match="only one phone number"):
        numbers.assign_number(second, campaign, telnyx)
    with pytest.raises(NumberError, match="only one phone number"):
        numbers.start_bulk_assignment(
            organisation, None, campaign, PhoneNumber.objects.filter(pk=second.pk)
        )


def test_invalid_e164_and_foreign_numbers_are_refused(organisation, outsider, make_profile):
    with pytest.raises(NumberError, match="not a valid phone number"):
        numbers.find_number(organisation, "555-12")
    other = organisation_of(outsider)
    PhoneNumber.objects.create(organisation=other, phone_number="+13125559999")
    with pytest.raises(NumberError, match="not one of your numbers"):
        numbers.find_number(organisation, "(312) 555-9999")


def test_unclear_5xx_is_read_back_before_reporting(telnyx, organisation, synced, make_campaign):
    synced(1)
    campaign = make_campaign()
    number = PhoneNumber.objects.get()
    faults.inject("503", 1, path_contains="phone_number_campaigns", method="POST")
    with pytest.raises(NumberError, match="could not be reached"):
        numbers.assign_number(number, campaign, telnyx)
    numbers.assign_number(number, campaign, telnyx)
    assert NumberAssignment.objects.filter(phone_number=number.phone_number).count() == 1


def test_bulk_of_500_with_429s_assigns_every_number_exactly_once(
    telnyx, organisation, synced, make_campaign
):
    synced(500)
    campaign = make_campaign()
    faults.inject("429", 25, path_contains="phone_number_campaigns", retry_after=0)
    faults.inject("503", 5, path_contains="phone_number_campaigns", method="POST")
    job = numbers.start_bulk_assignment(
        organisation, None, campaign, PhoneNumber.objects.filter(organisation=organisation)
    )
    job.refresh_from_db()
    assert list(job.items.filter(state="failed").values_list("reason", "attempts")) == []
    assert job.state == "finished"
    assert job.progress() == {"done": 500, "failed": 0, "remaining": 0, "percent": 100}
    assert NumberAssignment.objects.count() == 500
    assert set(NumberAssignment.objects.values_list("campaign_id", flat=True)) == {
        campaign.campaign_id
    }
    assert job.items.filter(attempts__gt=1).exists()  # the 429s were retried
    assert PhoneNumber.objects.filter(campaign=campaign, assignment_status="ASSIGNED").count() == (
        500
    )


class RefusalCounter:
    """The Telnyx client, counting the assignments Telnyx refused with 429."""

    def __init__(self, client):
        self.client = client
        self.refused = 0

    def __getattr__(self, name):
        return getattr(self.client, name)

    def assign_number(self, *args, **kwargs):
        try:
            return self.client.assign_number(*args, **kwargs)
        except RateLimited:
            self.refused += 1
            raise


@pytest.mark.parametrize(("rate", "refused"), [(0, True), (2, False)])
def test_bulk_paced_at_the_accounts_limit_meets_no_429(
    telnyx, organisation, synced, make_campaign, settings, monkeypatch, rate, refused
):
    # A low limit, so that unpaced calls exceed it even on a loaded machine: 4 in flight
    # meet a 429 unless each call takes over 1.5 s (a burst of 2, then 2 per second).
    monkeypatch.setattr(ratelimit, "_bucket", None)
    settings.SANDBOX_RATE_LIMIT = 2  # the sandbox's limit, per second
    settings.NUMBERS_BULK_RATE = rate
    synced(8)
    campaign = make_campaign()
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}
    }  # run below
    job = numbers.start_bulk_assignment(
        organisation, None, campaign, PhoneNumber.objects.filter(organisation=organisation)
    )
    counter = RefusalCounter(telnyx)

    job = numbers.run_bulk_assignment(job.pk, client=counter)

    assert job.progress()["done"] == 8
    assert NumberAssignment.objects.count() == 8
    assert (counter.refused > 0) is refused


def test_bulk_continues_past_422s_and_failures_can_be_retried(
    telnyx, organisation, synced, make_campaign
):
    synced(10)
    campaign, other = make_campaign(), make_campaign()
    taken = ["+13125550003", "+13125550007"]
    for phone in taken:
        NumberAssignment.objects.create(
            phone_number=phone, campaign_id=other.campaign_id, assignment_status="ASSIGNED"
        )
    job = numbers.start_bulk_assignment(
        organisation, None, campaign, PhoneNumber.objects.filter(organisation=organisation)
    )
    assert job.progress()["done"] == 8 and job.progress()["failed"] == 2
    failed = job.items.filter(state=BulkAssignmentItem.State.FAILED).select_related("number")
    assert sorted(i.number.phone_number for i in failed) == taken
    assert all("already assigned" in i.reason for i in failed)

    NumberAssignment.objects.filter(phone_number__in=taken).delete()  # freed at Telnyx
    assert numbers.retry_failed_items(job) == 2
    job.refresh_from_db()
    assert job.state == "finished" and job.progress()["done"] == 10


def test_bulk_item_is_claimed_once(organisation, synced, make_campaign, telnyx):
    synced(1)
    job = numbers.BulkAssignment.objects.create(
        organisation=organisation, campaign=make_campaign(), total=1
    )
    job.items.create(number=PhoneNumber.objects.get())
    assert len(numbers._claim_batch(job, 4)) == 1
    assert numbers._claim_batch(job, 4) == []


def test_assignment_by_profile_follows_the_task_to_completion(
    telnyx, organisation, synced, make_campaign
):
    profile = synced(4)
    campaign, other = make_campaign(), make_campaign()
    NumberAssignment.objects.create(
        phone_number="+13125550002", campaign_id=other.campaign_id, assignment_status="ASSIGNED"
    )
    task = numbers.start_profile_assignment(organisation, None, profile, campaign, telnyx)
    task.refresh_from_db()
    assert task.status == "completed"
    statuses = dict(task.numbers.values_list("phone_number", "status"))
    assert statuses == {
        "+13125550000": "completed",
        "+13125550001": "completed",
        "+13125550002": "failed",
        "+13125550003": "completed",
    }
    assert PhoneNumber.objects.filter(campaign=campaign, assignment_status="ASSIGNED").count() == 3


def test_assignment_by_profile_task_that_fails_at_telnyx(
    telnyx, organisation, make_profile, make_campaign
):
    profile = make_profile(0)
    task = numbers.start_profile_assignment(organisation, None, profile, make_campaign(), telnyx)
    task.refresh_from_db()
    assert task.status == ProfileAssignmentTask.Status.FAILED


def test_assignment_by_profile_to_an_unprovisioned_campaign_is_refused(
    telnyx, organisation, make_profile, make_campaign
):
    profile = make_profile(1)
    with pytest.raises(NumberError, match="cannot carry traffic"):
        numbers.start_profile_assignment(
            organisation, None, profile, make_campaign("TCR_PENDING"), telnyx
        )
