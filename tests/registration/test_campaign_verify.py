"""POLITICAL campaigns carry the committee's Campaign Verify token (issue 17.5): the builder
asks for it on its own step, the checker refuses a POLITICAL campaign without it, and it is
never sent to Telnyx (its spec has no such field)."""

import pytest

from compliance.services import campaigns as services
from registration.campaign_forms import WIZARD
from tests.factories import registered_brand
from tests.factories import submitted_campaign as _submitted

pytestmark = pytest.mark.django_db


def _draft(organisation, usecase):
    from compliance.models import Campaign, SubmissionState

    return Campaign.objects.create(
        organisation=organisation,
        brand=registered_brand(organisation),
        usecase=usecase,
        submission_state=SubmissionState.DRAFT,
    )


def test_the_builder_asks_political_campaigns_for_their_token_and_no_other(organisation):
    political = _draft(organisation, "POLITICAL")
    marketing = _draft(organisation, "MARKETING")
    assert "campaign-verify" in [s.id for s in WIZARD.applicable(political)]
    assert "campaign-verify" not in [s.id for s in WIZARD.applicable(marketing)]


def test_a_political_campaign_without_its_token_has_a_must_fix_finding(organisation):
    campaign = _draft(organisation, "POLITICAL")
    assert "U6" in [f.rule for f in services.findings(campaign) if f.blocking]
    campaign.campaign_verify_token = "cv-2026-0001"
    assert "U6" not in [f.rule for f in services.findings(campaign)]


def test_the_token_is_never_sent_to_telnyx(organisation):
    campaign = _submitted(
        organisation,
        usecase="POLITICAL",
        campaign_verify_token="cv-1",
        description="Citizens for Better Parks texts supporters about Measure B events.",
    )
    body = services.submit_params(campaign).model_dump(by_alias=True)
    assert "cv-1" not in str(body)
