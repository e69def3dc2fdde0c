"""The logged-in home: what needs the user's attention first, each with its way out."""

import pytest
from django.urls import reverse

from compliance.models import SubmissionState
from tests.factories import (
    draft_brand,
    live_campaign,
    organisation_of,
    phone_number,
    registered_brand,
    submitted_campaign,
)

pytestmark = pytest.mark.django_db


def test_nothing_to_do_says_so(owner_client, organisation):
    live_campaign(organisation)
    page = owner_client.get(reverse("home")).content.decode()
    assert "Nothing needs you right now." in page
    assert f'href="{reverse("campaign_list")}?status=live"' in page


def test_a_rejected_campaign_comes_first_with_its_appeal(owner_client, organisation):
    brand = registered_brand(organisation, display_name="Alice Bakery")
    submitted_campaign(organisation, brand=brand, status="MNO_PENDING")
    expired = submitted_campaign(organisation, brand=brand, status="TCR_EXPIRED")
    rejected = submitted_campaign(
        organisation, brand=brand, status="MNO_REJECTED", usecase="CUSTOMER_CARE"
    )
    draft_brand(organisation, display_name="Half done", entity_type="PRIVATE_PROFIT")

    page = owner_client.get(reverse("home")).content.decode()

    appeal = reverse("campaign_appeal_request", args=[rejected.public_id])
    clone = reverse("campaign_clone", args=[expired.public_id])
    assert "Customer care campaign for Alice Bakery: Rejected by the carriers" in page
    assert page.index(appeal) < page.index(clone) < page.index("Draft brand: Half done")
    assert "MNO_REJECTED" not in page and "TCR_EXPIRED" not in page


def test_brands_to_verify_and_failing_numbers_link_to_their_fix(owner_client, organisation):
    sole = registered_brand(
        organisation,
        entity_type="SOLE_PROPRIETOR",
        identity_status="UNVERIFIED",
        display_name="Jane's Cakes",
    )
    company = registered_brand(organisation, identity_status="UNVERIFIED", display_name="Acme")
    refused = registered_brand(organisation, submission_state=SubmissionState.FAILED)
    phone_number(organisation, assignment_status="FAILED_ASSIGNMENT")

    page = owner_client.get(reverse("home")).content.decode()

    assert reverse("brand_otp", args=[sole.public_id]) in page
    assert reverse("brand_vetting", args=[company.public_id]) in page
    assert reverse("brand_wizard", args=[refused.public_id]) in page
    assert "1 phone number failed to change campaign" in page


def test_the_dashboard_shows_no_other_organisations_work(owner_client, outsider):
    other = organisation_of(outsider)
    submitted_campaign(other, status="MNO_REJECTED")
    page = owner_client.get(reverse("home")).content.decode()
    assert "Nothing needs you right now." in page


def test_a_reviewer_without_an_organisation_sees_the_sections(reviewer_client):
    page = reviewer_client.get(reverse("home"))
    assert page.status_code == 200
    assert "Needs your attention" not in page.content.decode()
