"""The stepper on the brand and campaign pages: its words and action link, and the whole page
reloading (HX-Refresh) when a poll finds the status moved."""

import pytest
from django.urls import reverse

from compliance.models import Campaign
from tests.factories import draft_brand, registered_brand, submitted_campaign

pytestmark = pytest.mark.django_db


def test_campaign_page_shows_where_it_is_what_next_and_how_long(owner_client, organisation):
    campaign = submitted_campaign(organisation, status="MNO_PENDING")
    page = owner_client.get(reverse("campaign_detail", args=[campaign.public_id])).content.decode()
    assert 'data-stepper="MNO_PENDING"' in page
    assert "The carriers are reviewing your campaign." in page
    assert "Usually 3 to 10 business days." in page
    assert 'aria-label="Progress: stage 5 of 6"' in page
    assert "seen=MNO_PENDING" in page  # the poll carries the state it shows


def test_a_rejected_campaign_offers_the_appeal_from_the_stepper(owner_client, organisation):
    campaign = submitted_campaign(organisation, status="TELNYX_FAILED")
    page = owner_client.get(reverse("campaign_detail", args=[campaign.public_id])).content.decode()
    assert "Fix the reasons shown, then ask for an appeal." in page
    assert reverse("campaign_appeal_request", args=[campaign.public_id]) in page
    assert 'hx-trigger="every 2s"' not in page  # a final status is not polled


def test_a_poll_that_finds_the_status_moved_reloads_the_whole_page(owner_client, organisation):
    campaign = submitted_campaign(organisation, status="MNO_PENDING")
    url = reverse("campaign_detail", args=[campaign.public_id])
    same = owner_client.get(url, {"poll": 1, "seen": "MNO_PENDING"}, HTTP_HX_REQUEST="true")
    assert same.status_code == 200 and "HX-Refresh" not in same.headers
    assert b"<html" not in same.content

    Campaign.objects.filter(pk=campaign.pk).update(campaign_status="MNO_REJECTED")
    moved = owner_client.get(url, {"poll": 1, "seen": "MNO_PENDING"}, HTTP_HX_REQUEST="true")
    assert moved.headers["HX-Refresh"] == "true"


def test_brand_page_stepper_for_a_draft_and_a_verified_brand(owner_client, organisation):
    draft = draft_brand(organisation)
    page = owner_client.get(reverse("brand_detail", args=[draft.public_id])).content.decode()
    assert "This brand is a draft: nothing has been sent." in page
    assert reverse("brand_wizard", args=[draft.public_id]) in page

    brand = registered_brand(organisation, status="OK", identity_status="VERIFIED")
    page = owner_client.get(
        reverse("brand_status", args=[brand.public_id]),
        {"seen": "ready:VERIFIED"},
        HTTP_HX_REQUEST="true",
    )
    assert "HX-Refresh" not in page.headers
    assert f"{reverse('campaign_new')}?brand={brand.public_id}" in page.content.decode()
    moved = owner_client.get(
        reverse("brand_status", args=[brand.public_id]),
        {"seen": "registering"},
        HTTP_HX_REQUEST="true",
    )
    assert moved.headers["HX-Refresh"] == "true"
