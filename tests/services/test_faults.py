"""Telnyx down during each kind of submission, through the views and the sandbox's fault
injection: the user is told in plain words, the state stays consistent, a retry completes it
and nothing is created twice at Telnyx (counted at the sandbox).

Slices test their own single faults (tests/registration/test_brand_wizard.py,
test_campaign_builder.py, tests/review/test_review_appeal.py, test_numbers_services.py);
these are the longer outages, across the app.
"""

import pytest
from django.urls import reverse

from compliance.models import Appeal, PhoneNumber, SubmissionState
from compliance.services import brands as brand_services
from compliance.services import numbers
from compliance.services import review as review_services
from sandbox import faults
from sandbox.models.brands import SandboxBrand
from sandbox.models.campaigns import SandboxCampaign
from sandbox.models.numbers import NumberAssignment
from tests.registration.test_brand_wizard import CONFIRM, _ready, step_url
from tests.review.review_helpers import FIXED, REASON, submit_rejected_campaign

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _no_faults_left():
    yield
    faults.clear()


def test_brand_submission_while_telnyx_is_down_fails_cleanly_and_a_resubmit_registers_once(
    owner_client, telnyx_sandbox
):
    brand = _ready(owner_client)
    faults.inject("503", 50, path_contains="/10dlc/brand", method="POST")
    page = owner_client.post(step_url(brand, "review"), CONFIRM, follow=True).content.decode()
    brand.refresh_from_db()
    # Every automatic retry failed too (the immediate task backend ran them all).
    assert brand.submission_state == SubmissionState.FAILED
    assert brand.submission_attempts == brand_services.MAX_SUBMISSION_ATTEMPTS + 1
    assert "Telnyx could not be reached" in brand.submission_error
    assert brand.submission_error in page.replace("&#x27;", "'")
    assert SandboxBrand.objects.count() == 0
    assert not brand.brand_id

    faults.clear()  # Telnyx is back: the user submits again
    owner_client.post(step_url(brand, "review"), CONFIRM, follow=True)
    brand.refresh_from_db()
    assert brand.submission_state == SubmissionState.SUBMITTED
    assert SandboxBrand.objects.count() == 1
    assert brand.brand_id == SandboxBrand.objects.get().brand_id


def test_appeal_while_telnyx_is_down_is_told_and_a_retry_appeals_once(
    reviewer_client, reviewer, telnyx, live_server, organisation, make_submitted_campaign
):
    campaign = submit_rejected_campaign(
        telnyx, live_server.url, organisation, make_submitted_campaign
    )
    review_services.edit_campaign(campaign, reviewer, FIXED)  # the appeal opens once fixed
    appeal_url = reverse("review_appeal", args=[campaign.public_id])
    faults.inject("503", 5, path_contains="/appeal", method="POST")
    page = reviewer_client.post(appeal_url, {"appeal_reason": REASON, **CONFIRM}).content.decode()
    assert "Telnyx could not be reached, so we could not send the appeal" in page
    campaign.refresh_from_db()
    assert campaign.appealed_at is None and campaign.campaign_status == "TELNYX_FAILED"
    assert SandboxCampaign.objects.get(campaign_id=campaign.campaign_id).appealed_at is None

    faults.clear()
    reviewer_client.post(appeal_url, {"appeal_reason": REASON, **CONFIRM})
    campaign.refresh_from_db()
    assert campaign.appealed_at is not None
    assert SandboxCampaign.objects.get(campaign_id=campaign.campaign_id).appealed_at is not None
    assert Appeal.objects.exclude(state=Appeal.State.FAILED).count() == 1
    assert campaign.events.filter(kind="appeal").count() == 1


def test_assignment_while_telnyx_is_down_is_told_and_a_retry_assigns_once(
    owner_client, organisation, make_profile, make_campaign, telnyx
):
    make_profile(1)
    numbers.sync_organisation(organisation, telnyx)
    number = PhoneNumber.objects.get()
    campaign = make_campaign()
    assign = reverse("number_action", args=[number.public_id, "assign"])
    faults.inject("503", 5, path_contains="phone_number_campaigns", method="POST")
    page = owner_client.post(assign, {"campaign": campaign.public_id}).content.decode()
    assert "could not be reached" in page
    number.refresh_from_db()
    assert number.campaign_id is None
    assert not NumberAssignment.objects.exists()

    faults.clear()
    owner_client.post(assign, {"campaign": campaign.public_id})
    number.refresh_from_db()
    assert number.campaign_id == campaign.pk
    assert NumberAssignment.objects.filter(phone_number=number.phone_number).count() == 1
