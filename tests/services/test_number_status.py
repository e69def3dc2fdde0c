"""A number's assignment status follows Telnyx by itself: the sandbox's signed
10dlc.phone_number.update events (each shape the receiver knows), monotonic like a campaign's
lifecycle, and the background polls that settle what no webhook settled, on a backoff, paced,
stopping at a 429."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from compliance.models import CampaignEvent, PhoneNumber, WebhookEvent
from compliance.services import number_status, numbers
from compliance.telnyx.signatures import generate_keypair
from sandbox import faults
from sandbox.models.campaigns import SandboxCampaign
from sandbox.models.numbers import NumberAssignment
from tests.webhooks.webhook_helpers import envelope, post_signed

pytestmark = pytest.mark.django_db(transaction=True)

NUMBER_KIND = "10dlc.phone_number.update"


@pytest.fixture
def synced(telnyx, organisation, make_profile):
    def sync(count=1):
        make_profile(count)
        numbers.sync_organisation(organisation, telnyx)
        return list(PhoneNumber.objects.filter(organisation=organisation).order_by("phone_number"))

    return sync


def _with_webhooks(campaign, live_server) -> None:
    """The sandbox campaign sends its events (and its numbers') to the app."""
    remote = SandboxCampaign.objects.get(campaign_id=campaign.campaign_id)
    remote.attributes = {**remote.attributes, "webhookURL": f"{live_server.url}/webhooks/telnyx/"}
    remote.save(update_fields=["attributes"])


def _record(number: str, campaign_id: str, status: str, reasons: str = "") -> dict:
    """The payload the sandbox sends: the assignment record (PhoneNumberCampaign's fields)."""
    return {
        "phoneNumber": number,
        "campaignId": campaign_id,
        "telnyxCampaignId": campaign_id,
        "assignmentStatus": status,
        "failureReasons": reasons or None,
        "createdAt": "2026-12-04T10:00:00Z",
        "updatedAt": "2026-12-04T10:00:01Z",
    }


# -- the sandbox's signed events, over real HTTP ------------------------------------------------
def test_the_sandboxs_signed_event_settles_the_number_before_the_answer_lands(
    telnyx, live_server, organisation, synced, make_campaign
):
    (number,) = synced(1)
    campaign = make_campaign()
    _with_webhooks(campaign, live_server)

    numbers.assign_number(number, campaign, telnyx)

    # The sandbox settled the assignment and told the app before answering "pending": the
    # answer, older than what the webhook stored, does not move the number back.
    number.refresh_from_db()
    assert (number.assignment_status, number.campaign) == ("ASSIGNED", campaign)
    event = WebhookEvent.objects.get(kind=NUMBER_KIND)
    assert event.outcome == WebhookEvent.Outcome.APPLIED
    assert not campaign.events.exists()  # routine progress stays out of the timeline


def test_an_unassignment_event_is_read_back_and_clears_the_number(
    telnyx, live_server, organisation, synced, make_campaign
):
    (number,) = synced(1)
    campaign = make_campaign()
    _with_webhooks(campaign, live_server)
    numbers.assign_number(number, campaign, telnyx)

    numbers.unassign_number(number, telnyx)

    number.refresh_from_db()
    assert number.assignment_status == "" and number.campaign is None
    assert not NumberAssignment.objects.exists()
    last = WebhookEvent.objects.filter(kind=NUMBER_KIND).order_by("pk").last()
    assert "read back" in last.note
    assert not campaign.events.exists()  # routine: the timeline stays for what people need


# -- each shape, signed by hand -----------------------------------------------------------------
@pytest.fixture
def pending(organisation, make_campaign, telnyx):
    """A number of the organisation whose assignment is pending here."""
    campaign = make_campaign()
    number = PhoneNumber.objects.create(
        organisation=organisation,
        phone_number="+13125550100",
        campaign=campaign,
        telnyx_campaign_id=campaign.campaign_id,
        assignment_status="PENDING_ASSIGNMENT",
        assignment_updated_at=timezone.now(),
    )
    return number, campaign


@pytest.fixture
def seed(settings):
    seed, settings.TELNYX_PUBLIC_KEY = generate_keypair()
    return seed


def test_a_late_pending_event_never_moves_an_assigned_number_back(client, seed, pending):
    number, campaign = pending
    assigned = envelope(NUMBER_KIND, _record(number.phone_number, campaign.campaign_id, "ASSIGNED"))
    late = envelope(
        NUMBER_KIND, _record(number.phone_number, campaign.campaign_id, "PENDING_ASSIGNMENT")
    )

    post_signed(client, assigned, seed)
    post_signed(client, late, seed)
    post_signed(client, assigned, seed)  # delivered twice: stored once

    number.refresh_from_db()
    assert number.assignment_status == "ASSIGNED"
    outcomes = list(WebhookEvent.objects.order_by("pk").values_list("outcome", flat=True))
    assert outcomes == [WebhookEvent.Outcome.APPLIED, WebhookEvent.Outcome.IGNORED]


def test_a_failed_assignment_event_shows_its_reason_and_lands_in_the_timeline(
    client, seed, pending
):
    number, campaign = pending
    failed = _record(
        number.phone_number, campaign.campaign_id, "FAILED_ASSIGNMENT", "Number is not 10DLC"
    )

    post_signed(client, envelope(NUMBER_KIND, failed), seed)

    number.refresh_from_db()
    assert number.assignment_status == "FAILED_ASSIGNMENT"
    assert number.failure_reasons == "Number is not 10DLC"
    entry = campaign.events.get()
    assert entry.description == f"Number {number.phone_number}: Number is not 10DLC"
    assert entry.kind == CampaignEvent.Kind.WEBHOOK


def test_an_event_without_a_status_is_read_back_from_telnyx(client, seed, pending):
    number, campaign = pending
    NumberAssignment.objects.create(
        phone_number=number.phone_number,
        campaign_id=campaign.campaign_id,
        assignment_status="ASSIGNED",
    )
    payload = {
        "campaignId": campaign.campaign_id,
        "phoneNumber": number.phone_number,
        "type": "ASSIGNMENT",
        "status": "success",
    }

    post_signed(client, envelope(NUMBER_KIND, payload), seed)

    number.refresh_from_db()
    assert number.assignment_status == "ASSIGNED"
    assert "read back" in WebhookEvent.objects.get().note


def test_a_move_seen_in_an_event_is_taken_whatever_the_old_status(
    client, seed, pending, make_campaign
):
    number, _ = pending
    other = make_campaign()
    moved = _record(number.phone_number, other.campaign_id, "PENDING_ASSIGNMENT")

    post_signed(client, envelope(NUMBER_KIND, moved), seed)

    number.refresh_from_db()
    assert (number.campaign, number.assignment_status) == (other, "PENDING_ASSIGNMENT")


def test_an_event_for_a_number_and_campaign_the_app_does_not_know_waits(client, seed, pending):
    number, _ = pending
    stranger = _record("+13125559999", "not-ours", "ASSIGNED")

    post_signed(client, envelope(NUMBER_KIND, stranger), seed)

    assert WebhookEvent.objects.get().outcome == WebhookEvent.Outcome.UNKNOWN_CAMPAIGN
    number.refresh_from_db()
    assert number.assignment_status == "PENDING_ASSIGNMENT"


# -- the polling fallback -----------------------------------------------------------------------
def test_without_a_webhook_the_follow_up_settles_a_single_assignment(
    telnyx, organisation, synced, make_campaign
):
    (number,) = synced(1)
    campaign = make_campaign()  # no webhookURL at the sandbox: no event will come
    numbers.assign_number(number, campaign, telnyx)
    number.refresh_from_db()
    assert number.assignment_status == "PENDING_ASSIGNMENT"

    assert number_status.follow_pending(organisation.pk, client=telnyx) == 0

    number.refresh_from_db()
    assert number.assignment_status == "ASSIGNED"


def test_the_follow_up_reads_a_campaigns_list_when_many_are_pending(
    telnyx, organisation, synced, make_campaign
):
    many = synced(number_status.ONE_BY_ONE + 5)
    campaign = make_campaign()
    for number in many:
        NumberAssignment.objects.create(
            phone_number=number.phone_number,
            campaign_id=campaign.campaign_id,
            assignment_status="ASSIGNED",
        )
    NumberAssignment.objects.filter(phone_number=many[0].phone_number).update(
        assignment_status="PENDING_ASSIGNMENT"
    )
    PhoneNumber.objects.filter(organisation=organisation).update(
        campaign=campaign,
        telnyx_campaign_id=campaign.campaign_id,
        assignment_status="PENDING_ASSIGNMENT",
        assignment_updated_at=timezone.now(),
    )

    assert number_status.follow_pending(organisation.pk, client=telnyx) == 1

    still = PhoneNumber.objects.get(assignment_status="PENDING_ASSIGNMENT")
    assert still.phone_number == many[0].phone_number
    assert PhoneNumber.objects.filter(assignment_status="ASSIGNED").count() == len(many) - 1


def test_a_429_pauses_the_follow_up_until_its_next_turn(
    telnyx, organisation, synced, make_campaign
):
    (number,) = synced(1)
    campaign = make_campaign()
    numbers.assign_number(number, campaign, telnyx)
    faults.inject("429", 5, path_contains="/10dlc/phone_number_campaigns/", retry_after=0)

    assert number_status.follow_pending(organisation.pk, client=telnyx) == 1  # paused
    faults.clear()

    assert number_status.follow_pending(organisation.pk, client=telnyx) == 0


def test_the_follow_up_queues_its_next_turn_on_a_backoff_and_only_once(
    settings, telnyx, organisation, synced, make_campaign
):
    (number,) = synced(1)
    campaign = make_campaign()
    numbers.assign_number(number, campaign, telnyx)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}
    a_minute_ago = timezone.now() - timedelta(seconds=60)
    PhoneNumber.objects.filter(pk=number.pk).update(assignment_updated_at=a_minute_ago)
    NumberAssignment.objects.update(assignment_status="PENDING_ASSIGNMENT")  # Telnyx is slow

    assert number_status.follow_pending(organisation.pk, client=telnyx) == 1
    assert number_status.follow_pending(organisation.pk, client=telnyx) == 1

    turns = DBTaskResult.objects.filter(task_path__endswith="follow_pending_numbers_task")
    assert turns.count() == 1  # the second turn found the first one waiting
    delay = (turns.get().run_after - timezone.now()).total_seconds()
    assert 25 < delay <= 30  # half the minute it has been pending

    NumberAssignment.objects.update(assignment_status="ASSIGNED")
    turns.delete()
    assert number_status.follow_pending(organisation.pk, client=telnyx) == 0
    turns.delete()  # queued before it polled: it runs once more and finds nothing pending
    assert number_status.follow_pending(organisation.pk, client=telnyx) == 0
    assert not turns.exists()  # settled: the chain ends


def test_the_backoff_grows_with_how_long_numbers_have_been_pending():
    waits = [number_status.next_poll_in(timedelta(seconds=s)) for s in (0, 10, 60, 3600)]
    assert waits == [2.0, 5.0, 30.0, 300.0]


def test_reconciliation_makes_sure_pending_numbers_have_a_poll_coming(
    settings, telnyx, organisation, synced, make_campaign
):
    (number,) = synced(1)
    numbers.assign_number(number, make_campaign(), telnyx)  # pending here; no poll queued yet
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}
    turns = DBTaskResult.objects.filter(task_path__endswith="follow_pending_numbers_task")
    assert not turns.exists()

    assert number_status.follow_all_pending() == 1  # reconciliation calls this each run
    assert number_status.follow_all_pending() == 1

    assert turns.count() == 1 and turns.get().args_kwargs["args"] == [organisation.pk]


def test_an_assignment_by_profile_tells_each_number_by_signed_webhook(
    telnyx, live_server, organisation, make_profile, make_campaign
):
    profile = make_profile(3)
    numbers.sync_organisation(organisation, telnyx)
    campaign = make_campaign()
    _with_webhooks(campaign, live_server)

    numbers.start_profile_assignment(organisation, None, profile, campaign, telnyx)

    events = WebhookEvent.objects.filter(kind=NUMBER_KIND)
    assert events.count() == 3
    # The webhooks came first and moved each number; the task's read-back found nothing new.
    assert set(events.values_list("outcome", flat=True)) == {WebhookEvent.Outcome.APPLIED}
    assert PhoneNumber.objects.filter(campaign=campaign, assignment_status="ASSIGNED").count() == 3
