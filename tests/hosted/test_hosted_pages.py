"""Hosted compliance pages: the public SMS terms page, the opt-in form and its consent record."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from compliance import ratelimit
from compliance.checks import BrandContext, CampaignContent, Severity, check_campaign
from compliance.models import Brand, Campaign, HostedPages, OptInRecord
from compliance.models.hosted import disclosure_hash
from compliance.services.hosted import (
    answers_for,
    ensure_hosted_pages,
    hosted_page_urls,
    hosted_program,
)
from compliance.texts import propose
from tests.factories import draft_brand

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def brand(organisation, owner):
    return draft_brand(
        organisation,
        created_by=owner,
        display_name="Sweet Crumbs Bakery",
        company_name="Sweet Crumbs Bakery LLC",
        website="https://sweetcrumbs.com",
        email="hello@sweetcrumbs.com",
        phone="+15125550142",
        identity_status="VERIFIED",
    )


@pytest.fixture
def campaign(brand):
    return Campaign.objects.create(
        organisation=brand.organisation,
        brand=brand,
        usecase="MARKETING",
        privacy_policy_link="https://sweetcrumbs.com/privacy",
    )


@pytest.fixture
def urls(brand, settings):
    settings.APP_BASE_URL = "https://app.tendlc.test"
    return ensure_hosted_pages(brand)


def opt_in_url(brand):
    return reverse("hosted_opt_in", args=[brand.hosted_pages.slug])


def shown_disclosure(client, brand) -> tuple[str, str]:
    """The disclosure text on the page, and the hash the form carries."""
    response = client.get(opt_in_url(brand))
    return response.context["program"].disclosure, response.context["form"][
        "disclosure_sha256"
    ].value()


def test_ensure_hosted_pages_gives_absolute_urls_and_a_unique_slug(brand, urls, organisation):
    assert urls.opt_in == "https://app.tendlc.test/c/sweet-crumbs-bakery/opt-in/"
    assert urls.sms_terms == "https://app.tendlc.test/c/sweet-crumbs-bakery/sms-terms/"
    assert ensure_hosted_pages(brand) == urls  # idempotent
    twin = Brand.objects.create(organisation=organisation, display_name="Sweet Crumbs Bakery")
    assert ensure_hosted_pages(twin).opt_in.endswith("/c/sweet-crumbs-bakery-2/opt-in/")
    assert HostedPages.objects.count() == 2


def test_switched_off_pages_are_gone_until_ensured_again(client, brand, urls):
    HostedPages.objects.filter(brand=brand).update(enabled=False)
    assert hosted_page_urls(brand) is None
    assert client.get(opt_in_url(brand)).status_code == 404
    assert (
        client.get(reverse("hosted_sms_terms", args=[brand.hosted_pages.slug])).status_code == 404
    )
    assert ensure_hosted_pages(brand) == urls
    assert client.get(opt_in_url(brand)).status_code == 200


def test_an_unknown_slug_is_404(client, db):
    assert client.get("/c/nobody/opt-in/").status_code == 404


def test_the_sms_terms_page_is_public_and_has_every_element(client, brand, campaign, urls):
    response = client.get(reverse("hosted_sms_terms", args=[brand.hosted_pages.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    for element in (
        "Sweet Crumbs Bakery SMS terms",
        "promotions, offers and news",
        "Up to 4 msgs/month",
        "Msg &amp; data rates may apply",
        "<strong>STOP</strong>",
        "<strong>HELP</strong>",
        "hello@sweetcrumbs.com",
        "Carriers are not liable",
        "No mobile information will be shared with third parties",
        "https://sweetcrumbs.com/privacy",
        urls.opt_in,
    ):
        assert element in html, element


def test_the_opt_in_form_is_public_with_an_unchecked_box_and_the_disclosure(
    client, brand, campaign, urls
):
    response = client.get(opt_in_url(brand))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'type="checkbox" name="consent"' in html
    assert "checked" not in html.split('name="consent"')[1].split(">")[0]
    disclosure = response.context["program"].disclosure
    assert disclosure.startswith("By checking this box, I agree to receive promotions")
    assert "Sweet Crumbs Bakery" in disclosure and "Msg &amp; data rates may apply" in html
    assert f"Terms: {urls.sms_terms}" in disclosure  # the campaign has no terms link of its own
    assert 'type="tel"' in html


def test_an_opt_in_is_stored_with_the_exact_text_shown(client, brand, campaign, urls):
    disclosure, digest = shown_disclosure(client, brand)
    response = client.post(
        opt_in_url(brand),
        {"phone": "(512) 555-0199", "consent": "on", "disclosure_sha256": digest},
        headers={"user-agent": "Mozilla/5.0 (test phone)"},
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("hosted_opt_in_done", args=[brand.hosted_pages.slug])
    record = OptInRecord.objects.get()
    assert record.brand == brand and record.organisation == brand.organisation
    assert record.phone == "+15125550199"
    assert record.disclosure == disclosure
    assert record.disclosure_sha256 == disclosure_hash(disclosure) == digest
    assert record.ip_address == "203.0.113.7"
    assert record.user_agent == "Mozilla/5.0 (test phone)"
    assert record.page_url.endswith(opt_in_url(brand))
    assert record.consented_at is not None
    done = client.get(response["Location"]).content.decode()
    assert "Reply to confirm" in done and "STOP" in done
    assert not record.is_confirmed  # only the subscriber's reply confirms it (finding 14)


def test_an_unchecked_box_is_an_error_next_to_it_and_nothing_is_stored(client, brand, urls):
    _, digest = shown_disclosure(client, brand)
    response = client.post(
        opt_in_url(brand), {"phone": "+15125550199", "disclosure_sha256": digest}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "consent": ["Tick the box to agree to receive text messages."]
    }
    consent_block = html.split('class="field consent')[1].split("</div>")[0]
    assert "has-error" in consent_block and "Tick the box" in consent_block
    assert not OptInRecord.objects.exists()


@pytest.mark.parametrize("phone", ["12345", "+44 20 7946 0958", "not a phone", "+1 555 0100"])
def test_an_invalid_phone_is_an_error(client, brand, urls, phone):
    _, digest = shown_disclosure(client, brand)
    response = client.post(
        opt_in_url(brand), {"phone": phone, "consent": "on", "disclosure_sha256": digest}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["phone"] == [
        "Enter a valid US or Canadian mobile number."
    ]
    assert not OptInRecord.objects.exists()


def test_consent_to_changed_terms_is_refused(client, brand, campaign, urls):
    _, digest = shown_disclosure(client, brand)
    campaign.usecase = "ACCOUNT_NOTIFICATION"  # the disclosure now names other messages
    campaign.save()
    response = client.post(
        opt_in_url(brand), {"phone": "+15125550199", "consent": "on", "disclosure_sha256": digest}
    )
    assert response.status_code == 200
    assert "The terms changed" in response.content.decode()
    assert not OptInRecord.objects.exists()


def test_the_form_needs_the_csrf_token(brand, urls):
    client = Client(enforce_csrf_checks=True)
    _, digest = shown_disclosure(client, brand)
    response = client.post(
        opt_in_url(brand), {"phone": "+15125550199", "consent": "on", "disclosure_sha256": digest}
    )
    assert response.status_code == 403
    assert not OptInRecord.objects.exists()


def test_opt_ins_are_rate_limited_per_ip(client, brand, urls):
    _, digest = shown_disclosure(client, brand)
    data = {"phone": "+15125550199", "consent": "on", "disclosure_sha256": digest}
    for _ in range(ratelimit.OPT_IN_PER_IP.limit):
        assert client.post(opt_in_url(brand), data).status_code == 302
    response = client.post(opt_in_url(brand), data)
    assert response.status_code == 429
    assert "Too many sign-ups" in response.content.decode()
    assert OptInRecord.objects.count() == 1  # one request waits for the phone's reply
    other_ip = client.post(opt_in_url(brand), data, REMOTE_ADDR="198.51.100.9")
    assert other_ip.status_code == 302


def test_the_hosted_opt_in_url_makes_a_message_flow_that_passes_the_rules(brand, campaign, urls):
    answers = answers_for(brand, campaign)
    assert answers.opt_in_url == urls.opt_in and answers.terms_url == urls.sms_terms
    proposals = propose(answers)
    assert urls.opt_in in proposals.message_flow
    context = BrandContext(
        display_name=brand.display_name,
        company_name=brand.company_name,
        website=brand.website,
        email=brand.email,
        phone=brand.phone,
        entity_type=brand.entity_type,
        identity_status=brand.identity_status,
    )
    findings = check_campaign(CampaignContent.from_wire(proposals.as_wire(answers), brand=context))
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    # The hosted form shows the same disclosure the message flow quotes.
    assert hosted_program(brand.hosted_pages).disclosure == proposals.disclosure
