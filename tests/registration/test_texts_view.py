"""The compliance-text proposals for the campaign builder (htmx fragment and plain page)."""

import pytest
from django.urls import reverse

from compliance.models import Brand, Campaign, HostedPages

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(organisation, owner):
    brand = Brand.objects.create(
        organisation=organisation,
        display_name="Sweet Crumbs Bakery",
        website="https://sweetcrumbs.com",
        email="hello@sweetcrumbs.com",
        phone="+15125550142",
    )
    return Campaign.objects.create(
        organisation=organisation,
        brand=brand,
        usecase="DELIVERY_NOTIFICATION",
        privacy_policy_link="https://sweetcrumbs.com/privacy",
    )


def url(campaign, name="campaign_texts"):
    return reverse(name, args=[campaign.public_id])


def test_htmx_gets_the_proposals_fragment_with_insert_buttons(owner_client, campaign):
    response = owner_client.get(url(campaign), headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert 'data-insert-field="sample1"' in html and 'data-insert-field="help_message"' in html
    assert "Sweet Crumbs Bakery: your order #[order number] has shipped" in html
    assert "<script" not in html


def test_without_javascript_it_is_a_page_of_texts_to_copy(owner_client, campaign):
    response = owner_client.get(url(campaign))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html and "Compliance texts for" in html
    assert "readonly" in html and "Msg &amp; data rates may apply" in html
    assert "static/js/texts.js" in html


def test_the_builder_can_pass_unsaved_answers(owner_client, campaign):
    response = owner_client.get(
        url(campaign),
        {"usecase": "marketing", "frequency": "Up to 2 msgs/week", "sub_usecases": []},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert "20% off everything this weekend" in html
    assert "Up to 2 msgs/week" in html


def test_a_campaign_without_a_use_case_asks_for_one(owner_client, campaign):
    campaign.usecase = ""
    campaign.save()
    html = owner_client.get(url(campaign), headers={"HX-Request": "true"}).content.decode()
    assert "Choose a use case first" in html


def test_hosted_pages_can_be_switched_on_and_their_url_is_proposed(owner_client, campaign):
    response = owner_client.post(url(campaign, "campaign_texts_hosted"))
    assert response.status_code == 302 and response["Location"] == url(campaign)
    slug = HostedPages.objects.get(brand=campaign.brand).slug
    html = owner_client.get(url(campaign)).content.decode()
    assert f"/c/{slug}/opt-in/" in html
    assert "Create hosted pages" not in html


def test_htmx_switching_on_hosted_pages_returns_the_fragment(owner_client, campaign):
    response = owner_client.post(
        url(campaign, "campaign_texts_hosted"), headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "/opt-in/" in response.content.decode() and "<html" not in response.content.decode()


def test_another_organisation_gets_404(outsider_client, campaign):
    assert outsider_client.get(url(campaign)).status_code == 404
    assert outsider_client.post(url(campaign, "campaign_texts_hosted")).status_code == 404
    assert not HostedPages.objects.exists()


def test_a_login_is_required(client, campaign):
    assert client.get(url(campaign)).status_code == 302
