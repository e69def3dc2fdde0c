"""The fee ledger against the live sandbox: each billable action Telnyx accepts is recorded
exactly once (retries and repeats included), a refused call records nothing, monthly fees are
recorded once per campaign and month, and the running total counts what is known."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from compliance.models import Campaign, FeeEntry, Organisation
from compliance.services import brands as brand_services
from compliance.services import campaigns as campaign_services
from compliance.services import guardrails, ledger, reconcile
from compliance.services import review as review_services
from compliance.telnyx.schemas.brands import BrandCreate
from sandbox import faults
from tests import factories
from tests.review.review_helpers import FIXED, REASON, submit_rejected_campaign
from tests.services.test_brand_services import COMPANY

pytestmark = pytest.mark.django_db(transaction=True)

Kind = FeeEntry.Kind


def kinds() -> list[str]:
    return list(FeeEntry.objects.values_list("kind", flat=True))


# -- brands ----------------------------------------------------------------------------------
def _brand_draft(organisation, owner, **values):
    brand = brand_services.start_draft(organisation, owner)
    return brand_services.save_step(brand, COMPANY | values)


def test_a_brand_registration_is_recorded_once_with_who_confirmed_it(
    telnyx_sandbox, organisation, owner
):
    brand = _brand_draft(organisation, owner)
    brand_services.submit_brand(organisation, brand.public_id, confirmed_by=owner)
    brand_services.submit_brand(organisation, brand.public_id, confirmed_by=owner)  # unchanged

    entry = FeeEntry.objects.get()
    brand.refresh_from_db()
    assert (entry.kind, entry.brand, entry.campaign) == (Kind.BRAND_REGISTRATION, brand, None)
    assert entry.organisation == organisation and entry.confirmed_by == owner
    assert entry.subject == "Alice Bakery"
    assert entry.incurred_on == timezone.localdate()
    fee = guardrails.brand_registration_fee(brand)
    assert (entry.amount, entry.words) == (fee.amount, fee.words)
    # Recording the same acceptance again (a second read of the answer) adds nothing.
    ledger.record_brand_submission(brand, was_registered=False)
    assert FeeEntry.objects.count() == 1


def test_a_brand_registration_telnyx_accepted_on_a_retry_is_recorded_once(
    telnyx_sandbox, organisation, owner, settings
):
    settings.TASKS = {
        "default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend", "QUEUES": []}
    }
    brand = _brand_draft(organisation, owner)
    faults.inject("503", 1, path_contains="/10dlc/brand", method="POST")
    result = brand_services.submit_brand(organisation, brand.public_id, confirmed_by=owner)
    assert result.outcome == "pending"
    assert not FeeEntry.objects.exists()  # not accepted yet

    brand_services.retry_submission(brand.pk)
    brand_services.retry_submission(brand.pk)  # a second worker: nothing to claim

    entry = FeeEntry.objects.get()
    assert entry.kind == Kind.BRAND_REGISTRATION
    assert entry.confirmed_by == owner  # the retry knows who ticked the box


@pytest.mark.spec_violation_on_purpose
def test_a_brand_telnyx_refused_records_nothing(telnyx_sandbox, organisation, owner, monkeypatch):
    brand = _brand_draft(organisation, owner)
    wire = brand_services.create_body(brand).to_wire() | {"vertical": "BAKERY"}
    monkeypatch.setattr(BrandCreate, "to_wire", lambda self: wire)
    result = brand_services.submit_brand(organisation, brand.public_id, confirmed_by=owner)
    assert result.outcome == "failed"
    assert not FeeEntry.objects.exists()


def test_each_resubmission_of_a_registered_brand_is_recorded_once(
    telnyx_sandbox, organisation, owner
):
    brand = _brand_draft(organisation, owner, ein="000000000")
    brand_services.submit_brand(organisation, brand.public_id, confirmed_by=owner)
    for ein in ("461234567", "461234568"):
        brand.refresh_from_db()
        brand_services.save_step(brand, {"ein": ein})
        brand_services.submit_brand(organisation, brand.public_id)
        brand_services.submit_brand(organisation, brand.public_id)  # unchanged: nothing sent

    assert kinds() == [Kind.BRAND_REGISTRATION, Kind.BRAND_RESUBMISSION, Kind.BRAND_RESUBMISSION]
    resubmission = FeeEntry.objects.filter(kind=Kind.BRAND_RESUBMISSION).first()
    assert resubmission is not None and resubmission.confirmed_by is None  # nobody was asked
    assert resubmission.words == guardrails.brand_resubmission_fee().words


def test_an_external_vetting_is_recorded_once_and_a_refused_order_records_nothing(
    telnyx_sandbox, organisation, owner
):
    brand = _brand_draft(organisation, owner)
    brand_services.submit_brand(organisation, brand.public_id, confirmed_by=owner)
    brand.refresh_from_db()
    FeeEntry.objects.all().delete()

    vetting = brand_services.order_vetting(brand, "AEGIS", "STANDARD", confirmed_by=owner)
    with pytest.raises(brand_services.ActionRefused, match="180 days"):
        brand_services.order_vetting(brand, "AEGIS", "STANDARD", confirmed_by=owner)
    brand_services.sync_vettings(brand)  # reading it back is not a new order
    brand_services.import_vetting(brand, "AEGIS", "V-9", "tok")  # an import is not an order

    entry = FeeEntry.objects.get()
    assert entry.kind == Kind.EXTERNAL_VETTING and entry.brand == brand
    assert entry.amount == Decimal("40.00") and entry.confirmed_by == owner
    assert entry.key.endswith(vetting.vetting_id)


# -- campaigns -------------------------------------------------------------------------------
@pytest.fixture
def brand(telnyx, organisation):
    return factories.registered_brand(organisation, factories.verified_brand(telnyx))


def _campaign_draft(brand) -> Campaign:
    campaign = Campaign.objects.create(organisation=brand.organisation, brand=brand)
    campaign_services.qualify(campaign, "CUSTOMER_CARE")
    fields = {campaign_services.MODEL_FIELD[k]: v for k, v in factories.good_content().items()}
    campaign_services.save_draft(campaign, fields)
    return campaign


def test_a_campaign_submission_is_recorded_once_with_its_fee(brand, owner):
    campaign = _campaign_draft(brand)
    fee = guardrails.campaign_submission_fee(campaign)
    campaign_services.submit_campaign(campaign, confirmed_by=owner)
    campaign_services.submit_campaign(campaign, confirmed_by=owner)

    entry = FeeEntry.objects.get()
    assert entry.kind == Kind.CAMPAIGN_SUBMISSION
    assert (entry.campaign, entry.brand) == (campaign, brand)
    assert (entry.amount, entry.words) == (fee.amount, fee.words)
    assert entry.amount is not None and entry.amount > 0
    assert entry.confirmed_by == owner


def test_a_campaign_telnyx_accepted_on_a_retry_is_recorded_once(brand, owner, settings):
    settings.TELNYX_TIMEOUT_SECONDS = 1
    campaign = _campaign_draft(brand)
    faults.inject("503", 1, path_contains="/10dlc/campaignBuilder", method="POST")
    campaign_services.submit_campaign(campaign, confirmed_by=owner)  # immediate tasks retry
    campaign_services.resume_submission(campaign.pk)

    entry = FeeEntry.objects.get()
    assert entry.kind == Kind.CAMPAIGN_SUBMISSION and entry.confirmed_by == owner


def test_a_campaign_telnyx_refused_records_nothing(brand, owner):
    campaign = _campaign_draft(brand)
    type(brand).objects.filter(pk=brand.pk).update(brand_id="no-such-brand")  # a 422
    campaign.refresh_from_db()
    with pytest.raises(campaign_services.CampaignError):
        campaign_services.submit_campaign(campaign, confirmed_by=owner)
    assert not FeeEntry.objects.exists()


# -- appeals ---------------------------------------------------------------------------------
@pytest.fixture
def rejected_campaign(telnyx, live_server, organisation, make_submitted_campaign, reviewer):
    campaign = submit_rejected_campaign(
        telnyx, live_server.url, organisation, make_submitted_campaign
    )
    review_services.edit_campaign(campaign, reviewer, FIXED)  # the matched rule passes
    return campaign


def test_an_accepted_appeal_is_recorded_once_and_a_refused_one_records_nothing(
    reviewer, rejected_campaign
):
    faults.inject("500", path_contains="/appeal")
    with pytest.raises(review_services.TelnyxRefused):
        review_services.appeal(rejected_campaign, reviewer, REASON)
    assert not FeeEntry.objects.exists()

    appeal = review_services.appeal(rejected_campaign, reviewer, REASON)

    entry = FeeEntry.objects.get()
    assert entry.kind == Kind.APPEAL and entry.campaign == rejected_campaign
    assert entry.amount == Decimal("15.00") and entry.confirmed_by == reviewer
    ledger.record_appeal(appeal)
    assert FeeEntry.objects.count() == 1


# -- monthly fees ----------------------------------------------------------------------------
def test_monthly_fees_are_recorded_once_per_campaign_and_month(organisation, owner):
    today = date(2026, 12, 4)
    due = factories.live_campaign(
        organisation,
        monthly_cost=Decimal("10.00"),
        next_renewal_or_expiration=date(2026, 12, 1),
        cost_confirmed_by=owner,
    )
    unknown = factories.live_campaign(organisation, next_renewal_or_expiration=today)
    factories.live_campaign(organisation, next_renewal_or_expiration=date(2026, 12, 5))
    factories.live_campaign(
        organisation, next_renewal_or_expiration=date(2026, 11, 1), auto_renewal=False
    )
    factories.live_campaign(
        organisation, next_renewal_or_expiration=date(2026, 11, 1), deactivated_at=timezone.now()
    )
    factories.submitted_campaign(
        organisation, status="TCR_EXPIRED", next_renewal_or_expiration=date(2026, 11, 1)
    )

    assert ledger.record_monthly_fees(today) == 2
    assert ledger.record_monthly_fees(today) == 0

    entry = FeeEntry.objects.get(campaign=due)
    assert entry.kind == Kind.MONTHLY_FEE
    assert (entry.amount, entry.incurred_on, entry.confirmed_by) == (
        Decimal("10.00"),
        date(2026, 12, 1),
        owner,
    )
    assert "$10.00" in entry.words
    unknown_entry = FeeEntry.objects.get(campaign=unknown)
    assert unknown_entry.amount is None and "not told us the amount" in unknown_entry.words

    # Telnyx renewed it: the next month falls due a month later, and is recorded once more.
    Campaign.objects.filter(pk=due.pk).update(next_renewal_or_expiration=date(2027, 1, 1))
    assert ledger.record_monthly_fees(date(2027, 1, 1)) == 2  # `unknown`'s month is due too
    assert FeeEntry.objects.filter(campaign=due).count() == 2


def test_a_read_back_that_moves_the_renewal_date_on_records_the_month_that_fell_due(brand, owner):
    campaign = campaign_services.submit_campaign(_campaign_draft(brand), confirmed_by=owner)
    renews_on = campaign.next_renewal_or_expiration
    assert renews_on is not None and renews_on > timezone.localdate()
    # As it stood before Telnyx renewed it: due yesterday.
    yesterday = timezone.localdate() - timedelta(days=1)
    Campaign.objects.filter(pk=campaign.pk).update(next_renewal_or_expiration=yesterday)

    campaign_services.refresh_campaign(campaign)
    campaign_services.refresh_campaign(campaign)  # the date did not move again: nothing new

    entry = FeeEntry.objects.get(kind=Kind.MONTHLY_FEE)
    assert entry.incurred_on == yesterday and entry.campaign == campaign
    assert entry.amount == campaign.monthly_cost and entry.confirmed_by == owner
    assert ledger.record_monthly_fees() == 0  # the next month is not due yet


def test_reconciliation_records_the_monthly_fees_that_fell_due(telnyx_sandbox, organisation):
    campaign = factories.live_campaign(
        organisation,
        monthly_cost=Decimal("2.00"),
        next_renewal_or_expiration=timezone.localdate() - timedelta(days=1),
    )
    report = reconcile.reconcile_all(sleep=lambda seconds: None)
    assert report.monthly_fees == 1
    reconcile.reconcile_all(sleep=lambda seconds: None)
    assert FeeEntry.objects.get().campaign == campaign


# -- the running total -----------------------------------------------------------------------
def test_the_running_total_adds_the_known_amounts_and_counts_the_unknown(organisation):
    brand = factories.registered_brand(organisation)
    ledger.record_vetting(brand, "V-1")
    ledger.record_brand_submission(brand, was_registered=True)  # amount not known
    ledger.record_vetting(brand, "V-2")
    FeeEntry.objects.filter(kind=Kind.BRAND_RESUBMISSION).update(amount=None)

    rows = ledger.rows(ledger.entries_of(organisation))
    assert [row.total for row in rows] == [
        "$40.00",
        "$40.00 plus 1 fee of unknown amount",
        "$80.00 plus 1 fee of unknown amount",
    ]
    assert [row.amount for row in rows] == ["$40.00", "Amount not known", "$40.00"]
    assert ledger.rows(ledger.entries_of(Organisation.objects.create(name="Other"))) == []
