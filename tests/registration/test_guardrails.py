"""Guardrails through the views: the cost shown and confirmed (server-side) before brand
registration, vetting orders and campaign submission; the use case warning; the sole
proprietor limits and the EIN reuse warning before anything reaches Telnyx; the compliance
copilot wired into the brand wizard, the builder and the campaign pages."""

import pytest
from django.urls import reverse

from compliance.forms import COST_NOT_CONFIRMED
from compliance.models import Brand, Campaign, SiteCheck, SubmissionState
from compliance.services import brands as brand_services
from compliance.services.hosted import ensure_hosted_pages
from sandbox.models.brands import SandboxBrand
from sandbox.models.campaigns import SandboxCampaign
from tests.conftest import SUBMITTED_CAMPAIGN
from tests.factories import organisation_of, registered_brand

HTMX = {"HTTP_HX_REQUEST": "true"}
CONFIRM = {"confirm_cost": "on"}
COMPANY = {
    "entity_type": "PRIVATE_PROFIT",
    "display_name": "Alice Bakery",
    "company_name": "Alice Bakery LLC",
    "ein": "46-1234567",
    "vertical": "RETAIL",
    "street": "1 Main St",
    "city": "Chicago",
    "state": "IL",
    "postal_code": "60601",
    "country": "US",
    "phone": "+13125550001",
    "email": "hello@alicebakery.example",
}
SOLE = {
    **{k: v for k, v in COMPANY.items() if k not in ("company_name", "ein")},
    "entity_type": "SOLE_PROPRIETOR",
    "display_name": "Jane's Cakes",
    "first_name": "Jane",
    "last_name": "Doe",
    "mobile_phone": "+13125550002",
}
QUALIFIED_MARKETING = {
    "usecase": "MARKETING",
    "monthlyFee": 10.0,
    "quarterlyFee": 30.0,
    "annualFee": 120.0,
    "upFrontCost": "15.00",
    "minSubUsecases": 0,
    "maxSubUsecases": 0,
    "mnoMetadata": {"10017": {"mno": "AT&T"}},
}


def draft(organisation, owner, values) -> Brand:
    brand = brand_services.start_draft(organisation, owner)
    return brand_services.save_step(brand, values)


def review_url(brand):
    return reverse("brand_wizard_step", args=[brand.public_id, "review"])


def step_url(campaign, slug):
    return reverse("campaign_step", args=[campaign.public_id, slug])


@pytest.fixture
def campaign_draft(organisation):
    """A complete campaign draft, qualified for MARKETING, ready for the review step."""
    return Campaign.objects.create(
        organisation=organisation,
        brand=registered_brand(organisation),
        qualification=QUALIFIED_MARKETING,
        **SUBMITTED_CAMPAIGN,
    )


# -- brand registration ------------------------------------------------------------------------
@pytest.mark.django_db(transaction=True)
def test_brand_submission_is_refused_without_the_cost_box_and_sent_with_it(
    owner_client, organisation, owner, telnyx_sandbox, settings
):
    settings.TELNYX_MOCK_BRANDS = False
    brand = draft(organisation, owner, COMPANY)
    page = owner_client.get(review_url(brand)).content.decode()
    assert "I understand that this costs The Campaign Registry" in page
    assert (
        'type="checkbox" name="confirm_cost"' in page
        and "checked" not in page.split('name="confirm_cost"')[1].split(">")[0]
    )

    refused = owner_client.post(review_url(brand))
    assert refused.status_code == 200
    assert COST_NOT_CONFIRMED in refused.content.decode()
    brand.refresh_from_db()
    assert brand.submission_state == SubmissionState.DRAFT
    assert not SandboxBrand.objects.exists()

    sent = owner_client.post(review_url(brand), CONFIRM)
    assert sent.status_code == 302
    brand.refresh_from_db()
    assert brand.brand_id and SandboxBrand.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_free_brand_registration_has_no_cost_box(
    owner_client, organisation, owner, telnyx_sandbox
):
    brand = draft(organisation, owner, COMPANY)
    page = owner_client.get(review_url(brand)).content.decode()
    assert "Nothing: a test (mock) brand carries no registry fee" in page
    assert 'name="confirm_cost"' not in page
    assert owner_client.post(review_url(brand)).status_code == 302
    brand.refresh_from_db()
    assert brand.brand_id


def test_a_real_brand_registration_says_its_fee_is_not_published(
    owner_client, organisation, owner, settings
):
    settings.TELNYX_MOCK_BRANDS = False
    page = owner_client.get(review_url(draft(organisation, owner, COMPANY))).content.decode()
    assert "Telnyx does not publish the amount in its API" in page


def test_a_registered_brands_changes_need_no_cost_box(owner_client, organisation):
    brand = registered_brand(organisation, **COMPANY)
    page = owner_client.get(review_url(brand)).content.decode()
    assert "carries no registration fee" in page
    assert 'name="confirm_cost"' not in page


@pytest.mark.django_db(transaction=True)
def test_a_vetting_order_needs_the_cost_box(owner_client, organisation, owner, telnyx_sandbox):
    brand = draft(organisation, owner, COMPANY)
    brand_services.submit_brand(organisation, brand.public_id)
    url = reverse("brand_vetting", args=[brand.public_id])
    page = owner_client.get(url).content.decode()
    assert "I understand that this costs $40.00 per vetting order" in page

    order = {"kind": "order", "evp_id": "AEGIS", "vetting_class": "STANDARD"}
    refused = owner_client.post(url, order)
    assert refused.status_code == 200
    assert COST_NOT_CONFIRMED in refused.content.decode()
    assert not brand.vettings.exists()

    owner_client.post(url, order | CONFIRM)
    assert brand.vettings.count() == 1


# -- sole proprietor limits and EIN reuse ------------------------------------------------------
def _sole_proprietors_on(mobile: str, count: int, organisation) -> None:
    for _ in range(count):
        registered_brand(organisation, **(SOLE | {"mobile_phone": mobile}))


def test_a_fourth_sole_proprietor_brand_on_one_mobile_is_refused_before_telnyx(
    owner_client, organisation, owner, outsider
):
    # TCR counts every brand on the mobile, whatever the organisation.
    _sole_proprietors_on(SOLE["mobile_phone"], 3, organisation_of(outsider))
    brand = draft(organisation, owner, SOLE)
    page = owner_client.get(review_url(brand)).content.decode()
    assert "is already the mobile of 3 sole-proprietor brands" in page
    assert "<code>P2</code>" in page
    assert 'type="submit" disabled' in page

    response = owner_client.post(review_url(brand), CONFIRM, follow=True)
    assert "a mobile number can serve at most 3" in response.content.decode()
    brand.refresh_from_db()
    assert brand.submission_state == SubmissionState.DRAFT and brand.brand_id is None
    assert not SandboxBrand.objects.exists()


def test_drafts_and_two_brands_on_a_mobile_leave_room_for_a_third(
    owner_client, organisation, owner
):
    _sole_proprietors_on(SOLE["mobile_phone"], 2, organisation)
    draft(organisation, owner, SOLE)  # an unsent draft does not count
    brand = draft(organisation, owner, SOLE)
    page = owner_client.get(review_url(brand)).content.decode()
    assert "is already the mobile of" not in page
    assert "<code>P2</code>" not in page


def test_a_sole_proprietor_brand_gets_one_campaign_through_the_views(owner_client, organisation):
    brand = registered_brand(organisation, **SOLE)
    first = owner_client.post(reverse("campaign_new"), {"brand": brand.public_id})
    assert first.status_code == 302
    second = owner_client.post(reverse("campaign_new"), {"brand": brand.public_id}, follow=True)
    assert "can have only one campaign" in second.content.decode()
    assert brand.campaigns.count() == 1


def test_reusing_an_ein_of_another_brand_is_a_warning_not_a_block(
    owner_client, organisation, owner
):
    registered_brand(organisation, **(COMPANY | {"display_name": "Alice Bakery East"}))
    brand = draft(organisation, owner, COMPANY | {"ein": "461234567"})
    page = owner_client.get(review_url(brand)).content.decode()
    assert "This EIN is already used on another brand." in page
    assert "<code>B5</code>" in page
    assert 'type="submit" disabled' not in page


def test_another_organisations_ein_is_not_compared(owner_client, organisation, owner, outsider):
    registered_brand(organisation_of(outsider), **COMPANY)
    page = owner_client.get(review_url(draft(organisation, owner, COMPANY))).content.decode()
    assert "already used on another brand" not in page


# -- campaign submission -----------------------------------------------------------------------
def test_the_campaign_review_step_shows_the_cost_and_that_the_use_case_is_final(
    owner_client, campaign_draft
):
    page = owner_client.get(step_url(campaign_draft, "review")).content.decode()
    assert "$45.00 now ($15.00 one-off fee as Telnyx quotes it and $30.00 for the first 3" in page
    assert "then $10.00 a month" in page
    assert "The use case cannot be changed after submission." in page


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["full page", "htmx"])
def test_campaign_submission_is_refused_without_the_cost_box(owner_client, campaign_draft, headers):
    response = owner_client.post(step_url(campaign_draft, "review"), **headers)
    assert response.status_code == 200
    html = response.content.decode()
    assert COST_NOT_CONFIRMED in html
    assert ("<html" in html) is not bool(headers)  # HTMX gets the step fragment only
    campaign_draft.refresh_from_db()
    assert campaign_draft.submission_state == SubmissionState.DRAFT
    assert campaign_draft.submission_attempted_at is None
    assert not SandboxCampaign.objects.exists()


def test_a_privacy_policy_that_fails_w4_blocks_the_submission(owner_client, campaign_draft):
    for kind, url in (
        (SiteCheck.Kind.WEBSITE, campaign_draft.brand.website),
        (SiteCheck.Kind.PRIVACY, campaign_draft.privacy_policy_link),
    ):
        SiteCheck.objects.create(
            organisation=campaign_draft.organisation,
            brand=campaign_draft.brand,
            campaign=campaign_draft if kind == SiteCheck.Kind.PRIVACY else None,
            kind=kind,
            url=url,
            status=SiteCheck.Status.DONE,
            findings=[]
            if kind == SiteCheck.Kind.WEBSITE
            else [
                {
                    "rule": "W4",
                    "field": "privacyPolicyLink",
                    "severity": "error",
                    "message": "The privacy policy does not say SMS opt-in data is never shared.",
                    "fix": "Add the no-sharing clause.",
                }
            ],
        )
    page = owner_client.get(step_url(campaign_draft, "review")).content.decode()
    assert "The privacy policy does not say SMS opt-in data is never shared." in page
    response = owner_client.post(step_url(campaign_draft, "review"), CONFIRM)
    assert response.status_code == 200
    assert "Fix the website or privacy policy first" in response.content.decode()
    campaign_draft.refresh_from_db()
    assert campaign_draft.submission_state == SubmissionState.DRAFT


def test_an_unreachable_site_is_a_warning_that_never_blocks(owner_client, campaign_draft):
    # The .example domain never resolves: the review step's check "could not check" it.
    page = owner_client.get(step_url(campaign_draft, "review")).content.decode()
    checks = SiteCheck.objects.filter(brand=campaign_draft.brand)
    assert {c.kind for c in checks} == {"website", "privacy"}
    assert all(not c.errors for c in checks)
    assert "Fix the website or privacy policy first" not in page
    assert "Submit to Telnyx</button>" in page and "disabled>Submit" not in page


# -- the copilot in the builder and on the pages ----------------------------------------------
@pytest.mark.parametrize("slug", ["description", "message-flow", "samples", "keywords"])
def test_text_steps_load_the_suggested_texts_after_the_builder_form(
    owner_client, campaign_draft, slug
):
    html = owner_client.get(step_url(campaign_draft, slug)).content.decode()
    texts = reverse("campaign_texts", args=[campaign_draft.public_id])
    assert f'hx-get="{texts}" hx-trigger="load"' in html
    assert html.index("</form>") < html.index(f'hx-get="{texts}"') < html.index("</section>")


def test_the_links_and_consent_steps_offer_the_hosted_pages(owner_client, campaign_draft):
    before = owner_client.get(step_url(campaign_draft, "links")).content.decode()
    assert "hosted-terms" not in before
    urls = ensure_hosted_pages(campaign_draft.brand)
    links = owner_client.get(step_url(campaign_draft, "links")).content.decode()
    assert f'value="{urls.sms_terms}"' in links
    assert 'data-insert-field="terms_and_conditions_link"' in links
    flow = owner_client.get(step_url(campaign_draft, "message-flow")).content.decode()
    assert urls.opt_in in flow


def test_saving_the_privacy_link_starts_a_site_check(owner_client, campaign_draft):
    owner_client.post(
        step_url(campaign_draft, "links"),
        {
            "privacy_policy_link": "https://alicebakery.example/privacy-v2",
            "terms_and_conditions_link": "https://alicebakery.example/terms",
        },
    )
    check = SiteCheck.objects.get(kind="privacy", campaign=campaign_draft)
    assert check.url == "https://alicebakery.example/privacy-v2"


def test_saving_the_brand_website_starts_a_site_check(owner_client, organisation, owner):
    brand = draft(organisation, owner, COMPANY)
    url = reverse("brand_wizard_step", args=[brand.public_id, "contact"])
    contact = {k: COMPANY[k] for k in ("street", "city", "state", "postal_code", "country")}
    contact |= {"phone": "(312) 555-0001", "email": COMPANY["email"]}
    owner_client.post(url, contact)
    assert not SiteCheck.objects.filter(brand=brand).exists()  # no website, nothing to check
    response = owner_client.post(url, contact | {"website": "alicebakery.example"})
    assert response.status_code == 302
    check = SiteCheck.objects.get(brand=brand, kind="website")
    assert check.url == "https://alicebakery.example"


def test_brand_and_campaign_pages_show_the_site_check_panel(
    owner_client, organisation, make_submitted_campaign
):
    campaign = make_submitted_campaign(organisation, campaign_status="MNO_PROVISIONED")
    brand_page = owner_client.get(reverse("brand_detail", args=[campaign.brand.public_id]))
    assert "Website and privacy policy" in brand_page.content.decode()
    page = owner_client.get(reverse("campaign_detail", args=[campaign.public_id]))
    assert 'class="site-checks"' in page.content.decode()
