"""Bulk move, bulk unassign and CSV import on the bulk job machinery, against the live
sandbox: a draft sends nothing until confirmed; each number changed exactly once through
429s and unclear 5xx; a refused move leaves the number on its old campaign; a killed
worker's item is read back before it is sent again."""

import pytest
from django.utils import timezone

from compliance.models import BulkAssignment, BulkAssignmentItem, PhoneNumber
from compliance.services import numbers
from compliance.services.numbers import NumberError
from sandbox import faults
from sandbox.models import Fault
from sandbox.models.campaigns import SandboxCampaign
from sandbox.models.numbers import NumberAssignment
from tests.factories import organisation_of

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def assigned(telnyx, organisation, make_profile, make_campaign):
    """`count` numbers synced from the sandbox, the first `on` of them assigned to `first`."""

    def make(count, on):
        make_profile(count)
        first = make_campaign()
        for i in range(on):
            NumberAssignment.objects.create(
                phone_number=f"+1312555{i:04d}",
                campaign_id=first.campaign_id,
                assignment_status="ASSIGNED",
            )
        numbers.sync_organisation(organisation, telnyx)
        return first

    return make


def _ours(organisation):
    return PhoneNumber.objects.filter(organisation=organisation)


def _campaigns_at_telnyx():
    return dict(NumberAssignment.objects.values_list("phone_number", "campaign_id"))


def test_bulk_move_is_a_draft_until_confirmed_then_moves_each_number_once(
    organisation, assigned, make_campaign
):
    first = assigned(60, on=50)
    second = make_campaign()
    job = numbers.draft_bulk_job(
        organisation, None, BulkAssignment.Kind.MOVE, _ours(organisation), second
    )
    assert (job.state, job.total, job.skipped) == ("draft", 50, 10)  # 10 are on no campaign
    assert set(_campaigns_at_telnyx().values()) == {first.campaign_id}  # nothing sent
    assert numbers.requeue_stalled_jobs() == 0  # a draft is no stalled job

    faults.inject("429", 10, path_contains="phone_number_campaigns", method="PUT", retry_after=0)
    faults.inject("503", 4, path_contains="phone_number_campaigns", method="PUT")
    assert numbers.confirm_bulk_job(job)
    assert not numbers.confirm_bulk_job(job)  # a second confirmation queues nothing
    job.refresh_from_db()

    assert job.state == "finished"
    assert job.progress() == {"done": 50, "failed": 0, "remaining": 0, "percent": 100}
    at_telnyx = _campaigns_at_telnyx()
    assert len(at_telnyx) == 50 and set(at_telnyx.values()) == {second.campaign_id}
    assert _ours(organisation).filter(campaign=second).count() == 50
    assert _ours(organisation).filter(assignment_status="").count() == 10
    # Every 429 and 503 was met and retried (by the client or by the job: either way, once
    # per number at the end, as the counts above show).
    assert sum(Fault.objects.values_list("remaining", flat=True)) == 0


def test_a_refused_move_leaves_the_number_on_its_old_campaign_and_can_be_retried(
    organisation, assigned, make_campaign
):
    first = assigned(3, on=3)
    second = make_campaign()
    job = numbers.draft_bulk_job(
        organisation, None, BulkAssignment.Kind.MOVE, _ours(organisation), second
    )
    # The target stops carrying traffic at Telnyx between the draft and the confirmation.
    SandboxCampaign.objects.filter(campaign_id=second.campaign_id).update(
        campaign_status="TCR_SUSPENDED"
    )
    numbers.confirm_bulk_job(job)
    job.refresh_from_db()
    assert job.is_finished and job.progress()["failed"] == 3
    assert all(item.reason for item in job.items.all())
    assert set(_campaigns_at_telnyx().values()) == {first.campaign_id}
    assert set(_ours(organisation).values_list("campaign", flat=True)) == {first.pk}  # never none

    SandboxCampaign.objects.filter(campaign_id=second.campaign_id).update(
        campaign_status="MNO_PROVISIONED"
    )
    assert numbers.retry_failed_items(job) == 3
    job.refresh_from_db()
    assert job.progress()["done"] == 3
    assert set(_campaigns_at_telnyx().values()) == {second.campaign_id}


def test_bulk_unassign_skips_numbers_on_no_campaign_and_reads_back_unclear_answers(
    organisation, assigned
):
    assigned(25, on=20)
    job = numbers.draft_bulk_job(
        organisation, None, BulkAssignment.Kind.UNASSIGN, _ours(organisation)
    )
    assert (job.total, job.skipped) == (20, 5)
    faults.inject("503", 3, path_contains="phone_number_campaigns", method="DELETE")
    faults.inject("429", 5, path_contains="phone_number_campaigns", method="DELETE", retry_after=0)
    numbers.confirm_bulk_job(job)
    job.refresh_from_db()
    assert job.progress() == {"done": 20, "failed": 0, "remaining": 0, "percent": 100}
    left = NumberAssignment.objects.exclude(assignment_status="PENDING_UNASSIGNMENT")
    assert not left.exists()  # each one unassigned (or on its way out) at Telnyx
    statuses = set(_ours(organisation).values_list("assignment_status", flat=True))
    assert statuses <= {"", "PENDING_UNASSIGNMENT"}


def test_unassigning_numbers_on_no_campaign_is_refused_before_a_job(organisation, assigned):
    assigned(3, on=0)
    with pytest.raises(NumberError, match="None of the selected numbers"):
        numbers.draft_bulk_job(
            organisation, None, BulkAssignment.Kind.UNASSIGN, _ours(organisation)
        )
    assert not BulkAssignment.objects.exists()


def test_a_killed_workers_move_is_read_back_and_not_sent_again(
    telnyx, organisation, assigned, make_campaign, settings
):
    assigned(2, on=2)
    second = make_campaign()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}
    job = numbers.draft_bulk_job(
        organisation, None, BulkAssignment.Kind.MOVE, _ours(organisation), second
    )
    numbers.confirm_bulk_job(job)
    # A worker claimed the first number, its PUT reached Telnyx, then the worker died.
    (item,) = numbers._claim_batch(job, 1)
    telnyx.move_number(item.number.phone_number, second.campaign_id)
    BulkAssignmentItem.objects.filter(pk=item.pk).update(lease_expires_at=timezone.now())

    class CountingMoves:
        def __init__(self):
            self.moved = []

        def __getattr__(self, name):
            return getattr(telnyx, name)

        def move_number(self, phone_number, campaign_id):
            self.moved.append(phone_number)
            return telnyx.move_number(phone_number, campaign_id)

    counting = CountingMoves()
    job = numbers.run_bulk_assignment(job.pk, client=counting)
    assert job.progress()["done"] == 2
    other = ({"+13125550000", "+13125550001"} - {item.number.phone_number}).pop()
    assert counting.moved == [other]  # the dead worker's number was read back, found moved
    assert job.items.get(pk=item.pk).attempts == 2
    assert set(_campaigns_at_telnyx().values()) == {second.campaign_id}


def test_move_choices_are_the_other_live_campaigns_on_a_compatible_brand(
    organisation, assigned, make_campaign, outsider
):
    first = assigned(2, on=1)
    other = make_campaign()
    make_campaign("MNO_PENDING")  # not live
    sole = make_campaign(usecase="SOLE_PROPRIETOR")
    full_sole = make_campaign(usecase="SOLE_PROPRIETOR")
    PhoneNumber.objects.filter(phone_number="+13125550001").update(
        telnyx_campaign_id=full_sole.campaign_id, assignment_status="ASSIGNED"
    )
    make_campaign(organisation=organisation_of(outsider))  # another organisation's
    number = _ours(organisation).get(phone_number="+13125550000")
    assert number.campaign == first
    assert set(numbers.move_choices(organisation, number)) == {other, sole}


IMPORT = """phone_number,campaign_id
+13125550000,{second}
(312) 555-0001,{second}
+13125550002,{first}
+13125550003,{pending}
+13125559999,{second}
not a number,{second}
+13125550004
+13125550000,{first}
+13125550005,nope
"""


def test_import_previews_per_row_errors_and_sends_nothing_until_confirmed(
    organisation, assigned, make_campaign
):
    first = assigned(6, on=3)  # 0, 1, 2 on first
    second = make_campaign()
    pending = make_campaign("MNO_PENDING")
    text = IMPORT.format(
        first=first.campaign_id, second=second.campaign_id, pending=pending.campaign_id
    )
    job = numbers.draft_import_job(organisation, None, text)
    assert (job.kind, job.state, job.total, job.skipped) == ("import", "draft", 2, 1)
    errors = {row["line"]: row["error"] for row in job.row_errors}
    assert set(errors) == {5, 6, 7, 8, 9, 10}
    assert "not live" in errors[5]
    assert "not one of your numbers" in errors[6]
    assert "not a valid phone number" in errors[7]
    assert "Malformed line" in errors[8]
    assert "listed twice" in errors[9]
    assert "No campaign of yours" in errors[10]
    assert set(_campaigns_at_telnyx().values()) == {first.campaign_id}  # nothing sent

    numbers.confirm_bulk_job(job)
    job.refresh_from_db()
    assert job.progress()["done"] == 2
    at_telnyx = _campaigns_at_telnyx()
    assert at_telnyx["+13125550000"] == second.campaign_id  # moved
    assert at_telnyx["+13125550001"] == second.campaign_id
    assert at_telnyx["+13125550002"] == first.campaign_id  # already there: skipped


def test_import_also_assigns_numbers_on_no_campaign(organisation, assigned, make_campaign):
    assigned(3, on=0)
    campaign = make_campaign()
    text = "campaign_id,phone_number\n" + "".join(
        f"{campaign.campaign_id},+1312555000{i}\n" for i in range(3)
    )
    job = numbers.draft_import_job(organisation, None, text)
    numbers.confirm_bulk_job(job)
    job.refresh_from_db()
    assert job.progress()["done"] == 3
    assert set(_campaigns_at_telnyx().values()) == {campaign.campaign_id}


def test_an_import_with_no_usable_row_is_refused_with_its_rows(organisation, assigned):
    assigned(1, on=0)
    with pytest.raises(NumberError) as raised:
        numbers.draft_import_job(organisation, None, "phone_number,campaign_id\n+1312,\n")
    assert [row.line for row in raised.value.rows] == [2]
    with pytest.raises(NumberError, match="first line must name"):
        numbers.draft_import_job(organisation, None, "number;campaign\n")
    assert not BulkAssignment.objects.exists()


def test_cancelling_a_draft_drops_it_and_a_started_job_cannot_be(
    organisation, assigned, make_campaign
):
    assigned(2, on=2)
    job = numbers.draft_bulk_job(
        organisation, None, BulkAssignment.Kind.UNASSIGN, _ours(organisation)
    )
    assert numbers.cancel_bulk_job(job) and not BulkAssignment.objects.exists()
    job = numbers.draft_bulk_job(
        organisation, None, BulkAssignment.Kind.UNASSIGN, _ours(organisation)
    )
    numbers.confirm_bulk_job(job)
    assert not numbers.cancel_bulk_job(job) and BulkAssignment.objects.filter(pk=job.pk).exists()
