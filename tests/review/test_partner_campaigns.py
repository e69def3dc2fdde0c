"""The reviewer's partner-campaign page: campaigns shared with Telnyx by a partner (with their
sharing status) and shared by this account, and accepting a share by TCR id."""

import pytest
from django.urls import reverse

from sandbox import faults

pytestmark = pytest.mark.django_db(transaction=True)

URL = reverse("review_partner_campaigns")


def test_accepting_a_share_lists_it_with_its_sharing_status(reviewer_client, telnyx_sandbox):
    page = reviewer_client.get(URL).text
    assert "No accepted shares yet." in page

    response = reviewer_client.post(URL, {"tcr_campaign_id": "cshare1"})
    assert response.status_code == 302

    page = reviewer_client.get(URL).text
    assert "Sharing of CSHARE1 accepted." in page
    assert "Partner Pizza Co" in page
    assert 'data-sharing="PARTNERCSP">PARTNERCSP: ACCEPTED' in page
    detail = reverse("review_partner_campaign", args=["CSHARE1"])
    assert f'<a href="{detail}">CSHARE1</a>' in page  # shared with us
    assert "<td>CSHARE1</td>" in page  # and listed as shared by this account
    assert "CSHARE2" not in page  # shared, never accepted


def test_an_id_that_is_no_tcr_campaign_id_is_refused_before_telnyx(reviewer_client, telnyx_sandbox):
    response = reviewer_client.post(URL, {"tcr_campaign_id": "not-an-id"})
    assert response.status_code == 200
    assert "C followed by 5 to 8 capital letters or digits" in response.text


def test_a_share_telnyx_does_not_know_is_said_in_plain_words(reviewer_client, telnyx_sandbox):
    response = reviewer_client.post(URL, {"tcr_campaign_id": "CNOSUCH"})
    assert response.status_code == 200
    assert "Telnyx does not know this shared campaign" in response.text


def test_telnyx_unreachable_is_a_message_not_an_error_page(reviewer_client, telnyx_sandbox):
    faults.inject("503", 20, path_contains="/10dlc/partner_campaigns")
    response = reviewer_client.get(URL)
    assert response.status_code == 200
    assert "Telnyx could not be reached" in response.text


def test_customers_cannot_see_the_account_s_partner_campaigns(owner_client):
    assert owner_client.get(URL).status_code == 403


def test_a_partner_campaign_shows_its_sharing_and_takes_new_webhooks(
    reviewer_client, telnyx_sandbox
):
    reviewer_client.post(URL, {"tcr_campaign_id": "CSHARE1"})
    detail = reverse("review_partner_campaign", args=["CSHARE1"])
    page = reviewer_client.get(detail).text
    assert "Partner Pizza Co" in page and "PARTNERCSP: ACCEPTED" in page

    response = reviewer_client.post(detail, {"webhook_url": "https://example.com/hook"})

    assert response.status_code == 302
    page = reviewer_client.get(detail).text
    assert 'value="https://example.com/hook"' in page
    assert (
        reviewer_client.get(reverse("review_partner_campaign", args=["CSHARE2"])).status_code == 404
    )
