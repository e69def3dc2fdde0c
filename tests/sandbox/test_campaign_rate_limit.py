"""The sandbox's rate limit (SANDBOX_RATE_LIMIT) covers the campaign endpoint that
reconciliation reads, in the same bucket as the number assignments: Telnyx limits per account."""

import pytest

from compliance.telnyx.errors import RateLimited
from sandbox import ratelimit
from sandbox.models.brands import SandboxBrand
from sandbox.models.campaigns import SandboxCampaign


@pytest.fixture
def sandbox_campaign(transactional_db):
    brand = SandboxBrand.objects.create(
        display_name="Limit Bakery", entity_type="PRIVATE_PROFIT", country="US", status="OK"
    )
    return SandboxCampaign.objects.create(
        brand=brand,
        usecase="MARKETING",
        campaign_status="MNO_PENDING",
        attributes={"description": "Weekly offers for bakery customers who opted in."},
    )


@pytest.fixture
def limit_of_two(settings, monkeypatch):
    monkeypatch.setattr(ratelimit, "_bucket", None)
    settings.SANDBOX_RATE_LIMIT = 2


@pytest.mark.django_db(transaction=True)
def test_reading_campaigns_back_faster_than_the_limit_answers_429(
    telnyx, sandbox_campaign, limit_of_two
):
    telnyx.max_retries = 0
    telnyx.get_campaign(sandbox_campaign.campaign_id)
    telnyx.get_campaign(sandbox_campaign.campaign_id)
    with pytest.raises(RateLimited) as raised:
        telnyx.get_campaign(sandbox_campaign.campaign_id)
    assert raised.value.retry_after >= 1
    assert raised.value.errors[0].code == "10011"


@pytest.mark.django_db(transaction=True)
def test_campaign_reads_and_number_assignments_share_one_bucket(
    telnyx, sandbox_campaign, limit_of_two
):
    telnyx.max_retries = 0
    telnyx.get_campaign(sandbox_campaign.campaign_id)
    telnyx.list_phone_number_campaigns()
    with pytest.raises(RateLimited):
        telnyx.get_campaign(sandbox_campaign.campaign_id)


@pytest.mark.django_db(transaction=True)
def test_without_a_limit_campaign_reads_are_never_refused(telnyx, sandbox_campaign, settings):
    settings.SANDBOX_RATE_LIMIT = 0
    telnyx.max_retries = 0
    for _ in range(5):
        assert telnyx.get_campaign(sandbox_campaign.campaign_id).campaign_id
