"""Issue 22.4: a Telnyx account's existing registrations adopted into an organisation, over
real HTTP to the sandbox, seeded directly in the sandbox's tables (never through the app)."""

import pytest

from compliance.models import AccountImport, Brand, Campaign, PhoneNumber, Vetting
from compliance.services import adoption, rejections
from sandbox.seed_account import seed_existing_account
from tests.factories import organisation_of

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def fast_import(settings):
    settings.TELNYX_IMPORT_CALLS_PER_SECOND = 0  # no pacing: the sandbox has no limit here


def _import(organisation, owner):
    job = adoption.start_import(organisation, owner)  # runs at once (immediate tasks)
    job.refresh_from_db()
    return job


def test_an_existing_account_is_imported_whole_and_a_second_import_changes_nothing(
    telnyx_sandbox, fast_import, organisation, owner
):
    seeded = seed_existing_account(brands=6, campaigns_per_brand=4, numbers=300)

    job = _import(organisation, owner)

    assert job.state == AccountImport.State.FINISHED, job.error
    assert job.count("brands", "added") == 6
    assert job.count("campaigns", "added") == seeded["campaigns"] == 24
    assert job.count("numbers", "added") == 300
    assert job.count("vettings", "added") == 6
    assert job.unmapped == []
    brands = Brand.objects.filter(organisation=organisation, adopted_at__isnull=False)
    assert brands.count() == 6
    assert all(b.identity_status == "VERIFIED" and b.company_name.endswith("LLC") for b in brands)
    campaigns = Campaign.objects.filter(organisation=organisation, adopted_at__isnull=False)
    assert campaigns.filter(campaign_status="MNO_PROVISIONED").count() == 18
    assert campaigns.filter(campaign_status="MNO_REJECTED").count() == 6
    assert all(c.sample1 and c.message_flow and c.subscriber_optout for c in campaigns)
    numbers = PhoneNumber.objects.filter(organisation=organisation)
    assert numbers.count() == 300
    assert not numbers.filter(campaign__isnull=True).exists()
    assert Vetting.objects.filter(brand__organisation=organisation).count() == 6
    # Adopted campaigns get rejection reports like native ones.
    rejected = campaigns.filter(campaign_status="MNO_REJECTED").first()
    report = rejections.rejection_report(rejected)
    assert report is not None and report.reasons

    before = (
        list(Brand.objects.order_by("pk").values_list("pk", "updated_at")),
        list(Campaign.objects.order_by("pk").values_list("pk", "campaign_status")),
        PhoneNumber.objects.count(),
    )
    again = _import(organisation, owner)
    assert again.state == AccountImport.State.FINISHED
    assert again.count("brands", "added") == again.count("campaigns", "added") == 0
    assert again.count("numbers", "added") == 0
    assert again.count("brands", "known") == 6 and again.count("numbers", "known") == 300
    after = (
        list(Brand.objects.order_by("pk").values_list("pk", "updated_at")),
        list(Campaign.objects.order_by("pk").values_list("pk", "campaign_status")),
        PhoneNumber.objects.count(),
    )
    assert after == before


def test_registrations_of_another_organisation_are_never_moved(
    telnyx_sandbox, fast_import, organisation, owner, outsider
):
    seed_existing_account(brands=2, campaigns_per_brand=1, numbers=4)
    theirs = organisation_of(outsider)
    first = _import(theirs, outsider)
    assert first.count("brands", "added") == 2

    ours = _import(organisation, owner)

    assert ours.count("brands", "added") == 0 and ours.count("brands", "elsewhere") == 2
    assert not Brand.objects.filter(organisation=organisation).exists()
    assert not PhoneNumber.objects.filter(organisation=organisation).exists()
    assert all(theirs.name not in line for line in ours.unmapped)
    assert any("another organisation" in line for line in ours.unmapped)


def test_one_import_at_a_time_per_organisation(organisation, owner, settings):
    AccountImport.objects.create(organisation=organisation, created_by=owner)
    with pytest.raises(adoption.ImportRefused):
        adoption.start_import(organisation, owner)


def test_an_import_whose_worker_died_is_enqueued_again(organisation, owner, settings):
    from datetime import timedelta

    from django.utils import timezone

    job = AccountImport.objects.create(organisation=organisation, created_by=owner)
    AccountImport.objects.filter(pk=job.pk).update(
        state=AccountImport.State.RUNNING, created_at=timezone.now() - timedelta(minutes=5)
    )
    settings.TASKS = {
        "default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend", "QUEUES": []}
    }
    assert adoption.requeue_stalled_imports() == 1


def test_a_reviewer_imports_into_an_organisation_and_follows_its_progress(
    telnyx_sandbox, fast_import, organisation, owner_client, reviewer_client
):
    from django.urls import reverse

    seed_existing_account(brands=2, campaigns_per_brand=2, numbers=10)
    response = reviewer_client.post(
        reverse("review_account_imports"), {"organisation": str(organisation.public_id)}
    )
    job = AccountImport.objects.get(organisation=organisation)
    assert response.status_code == 302
    assert response["Location"] == reverse("review_account_import", args=[job.public_id])
    page = reviewer_client.get(response["Location"]).content.decode()
    assert "Finished" in page and "Everything in the account was matched." in page
    # The customer sees the campaign marked as imported; it is theirs from now on.
    campaign = Campaign.objects.filter(organisation=organisation).first()
    detail = owner_client.get(reverse("campaign_detail", args=[campaign.public_id]))
    assert detail.status_code == 200 and "Imported from Telnyx" in detail.content.decode()


def test_customers_cannot_start_an_import(owner_client, organisation):
    from django.urls import reverse

    response = owner_client.post(
        reverse("review_account_imports"), {"organisation": str(organisation.public_id)}
    )
    assert response.status_code in (403, 404)
    assert not AccountImport.objects.exists()


def test_an_account_of_50_brands_200_campaigns_and_5000_numbers_is_matched_whole(
    telnyx_sandbox, fast_import, organisation, owner
):
    """The issue's size: everything matched, and a second import changes nothing."""
    seeded = seed_existing_account(brands=50, campaigns_per_brand=4, numbers=5000)
    assert seeded == {"brands": 50, "campaigns": 200, "numbers": 5000}

    job = _import(organisation, owner)

    assert job.state == AccountImport.State.FINISHED, job.error
    assert (job.count("brands", "added"), job.count("campaigns", "added")) == (50, 200)
    assert job.count("numbers", "added") == 5000 and job.unmapped == []
    assert PhoneNumber.objects.filter(
        organisation=organisation, campaign__isnull=False
    ).count() == (5000)
    again = _import(organisation, owner)
    assert again.count("brands", "added") + again.count("campaigns", "added") == 0
    assert again.count("numbers", "added") == 0 and again.count("numbers", "known") == 5000
