"""The numbers screen's bulk action bar (assign, move, unassign the selected numbers or all
matching the filter), the confirmation with counts, the CSV export in words and the CSV
import with its preview, through the screens against the live sandbox."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from compliance.models import BulkAssignment, Campaign, MessagingProfile, PhoneNumber
from compliance.services import numbers
from sandbox.models.numbers import NumberAssignment

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def five_on_first(telnyx, organisation, make_profile, make_campaign):
    make_profile(8)
    first = make_campaign()
    for i in range(5):
        NumberAssignment.objects.create(
            phone_number=f"+1312555{i:04d}",
            campaign_id=first.campaign_id,
            assignment_status="ASSIGNED",
        )
    numbers.sync_organisation(organisation, telnyx)
    return first


def _public_ids(*phones):
    return [str(PhoneNumber.objects.get(phone_number=p).public_id) for p in phones]


def test_bulk_move_of_selected_numbers_is_confirmed_with_counts_then_runs(
    owner_client, five_on_first, make_campaign
):
    second = make_campaign()
    response = owner_client.post(
        reverse("bulk_start"),
        {
            "action": "move",
            "campaign": second.public_id,
            "numbers": _public_ids("+13125550000", "+13125550001", "+13125550007"),
        },
    )
    job = BulkAssignment.objects.get()
    assert response["Location"] == reverse("bulk_detail", args=[job.public_id])
    page = owner_client.get(response["Location"]).content.decode()
    assert f"Move 2 numbers to {second}?" in page
    assert 'data-testid="bulk-skipped">1<' in page  # +13125550007 is on no campaign
    assert str(five_on_first) in page  # where they are now, by name
    assert five_on_first.campaign_id not in page  # never the raw id
    assert NumberAssignment.objects.filter(campaign_id=second.campaign_id).count() == 0

    owner_client.post(reverse("bulk_confirm", args=[job.public_id]))
    assert NumberAssignment.objects.filter(campaign_id=second.campaign_id).count() == 2
    page = owner_client.get(reverse("bulk_detail", args=[job.public_id])).content.decode()
    assert f"Moving 2 numbers to {second}" in page and 'data-testid="bulk-finished"' in page


def test_bulk_unassign_of_all_matching_the_filter(owner_client, five_on_first):
    response = owner_client.post(
        reverse("bulk_start") + f"?campaign={five_on_first.public_id}",
        {"action": "unassign", "all_matching": "on"},
    )
    job = BulkAssignment.objects.get()
    assert job.kind == "unassign" and job.total == 5
    page = owner_client.get(response["Location"]).content.decode()
    assert "Unassign 5 numbers?" in page and "Yes, unassign them" in page
    owner_client.post(reverse("bulk_confirm", args=[job.public_id]))
    assert not NumberAssignment.objects.exclude(assignment_status="PENDING_UNASSIGNMENT").exists()


def test_cancel_drops_the_draft_and_sends_nothing(owner_client, five_on_first):
    owner_client.post(reverse("bulk_start"), {"action": "unassign", "all_matching": "on"})
    job = BulkAssignment.objects.get()
    response = owner_client.post(reverse("bulk_cancel", args=[job.public_id]))
    assert response["Location"] == reverse("number_list")
    assert not BulkAssignment.objects.exists()
    assert NumberAssignment.objects.filter(assignment_status="ASSIGNED").count() == 5


def test_move_without_a_campaign_is_told_in_words(owner_client, five_on_first):
    response = owner_client.post(
        reverse("bulk_start"), {"action": "move", "all_matching": "on"}, follow=True
    )
    assert "Choose the campaign to assign or move the numbers to." in response.content.decode()
    assert not BulkAssignment.objects.exists()


def test_export_names_campaigns_and_statuses_in_words_and_is_safe_in_a_spreadsheet(
    owner_client, organisation, five_on_first
):
    Campaign.objects.filter(pk=five_on_first.pk).update(submission_state="submitted")
    MessagingProfile.objects.filter(organisation=organisation).update(name="=HYPERLINK(1)")
    PhoneNumber.objects.filter(phone_number="+13125550006").update(
        failure_reasons="@SUM(A1)", assignment_status="FAILED_ASSIGNMENT"
    )
    body = b"".join(owner_client.get(reverse("number_export")).streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    first = rows[0]
    assert first["phone_number"] == "+13125550000"
    assert first["campaign"] == str(five_on_first)
    assert first["campaign_id"] == five_on_first.campaign_id
    assert first["campaign_status"] == "Live" and first["assignment"] == "Assigned"
    assert first["profile"] == "'=HYPERLINK(1)"  # shown as text, never run
    failed = next(r for r in rows if r["phone_number"] == "+13125550006")
    assert failed["failure"] == "'@SUM(A1)" and failed["assignment"] == "Assignment failed"
    assert "ASSIGNED" not in body and "MNO_PROVISIONED" not in body


def test_import_previews_changes_and_row_errors_before_anything_is_sent(
    owner_client, five_on_first, make_campaign
):
    second = make_campaign()
    text = (
        "phone_number,campaign_id\n"
        f"+13125550000,{second.campaign_id}\n"
        f"+13125550006,{second.campaign_id}\n"
        f"+13125559999,{second.campaign_id}\n"
        "garbage\n"
    )
    upload = SimpleUploadedFile("numbers.csv", text.encode(), content_type="text/csv")
    response = owner_client.post(reverse("number_import"), {"file": upload})
    job = BulkAssignment.objects.get(kind="import")
    page = owner_client.get(response["Location"]).content.decode()
    assert "Import 2 changes from your CSV file?" in page
    assert "+13125559999 is not one of your numbers." in page and "Malformed line" in page
    assert NumberAssignment.objects.filter(campaign_id=second.campaign_id).count() == 0
    owner_client.post(reverse("bulk_confirm", args=[job.public_id]))
    assert set(
        NumberAssignment.objects.filter(campaign_id=second.campaign_id).values_list(
            "phone_number", flat=True
        )
    ) == {"+13125550000", "+13125550006"}


def test_an_import_with_no_usable_row_is_answered_next_to_the_file(owner_client, five_on_first):
    upload = SimpleUploadedFile("n.csv", b"phone_number,campaign_id\n+13125559999,x\n")
    response = owner_client.post(reverse("number_import"), {"file": upload})
    page = response.content.decode()
    assert response.status_code == 200 and "Nothing to import" in page
    assert "+13125559999 is not one of your numbers." in page
    assert not BulkAssignment.objects.exists()


def test_another_organisations_job_is_a_404(outsider_client, owner_client, five_on_first):
    owner_client.post(reverse("bulk_start"), {"action": "unassign", "all_matching": "on"})
    job = BulkAssignment.objects.get()
    for name in ("bulk_detail", "bulk_confirm", "bulk_cancel"):
        url = reverse(name, args=[job.public_id])
        response = outsider_client.get(url) if name == "bulk_detail" else outsider_client.post(url)
        assert response.status_code == 404, name
    job.refresh_from_db()
    assert job.is_draft
