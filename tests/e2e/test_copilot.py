"""The compliance copilot in a real browser: the hosted opt-in form, the proposed texts'
Insert buttons, and the site-check panel. Any CSP violation or script error fails the test."""

from compliance.models import Brand, Campaign, OptInRecord, SiteCheck
from compliance.services.hosted import ensure_hosted_pages
from tests.e2e.helpers import assert_accessible_basics, assert_focus_on_first_error, field
from tests.factories import organisation_of


def _campaign(organisation) -> Campaign:
    brand = Brand.objects.create(
        organisation=organisation,
        display_name="Dana Florists",
        website="https://danaflorists.com",
        email="hello@danaflorists.com",
        phone="+15125550142",
    )
    return Campaign.objects.create(organisation=organisation, brand=brand, usecase="MARKETING")


def test_the_hosted_opt_in_form_refuses_an_unchecked_box_then_records_consent(page, e2e_user):
    campaign = _campaign(organisation_of(e2e_user))
    page.goto(ensure_hosted_pages(campaign.brand).opt_in)
    assert_accessible_basics(page)
    assert not page.get_by_role("checkbox").is_checked()
    field(page, "Mobile phone number").fill("(512) 555-0199")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign up").click()
    assert "Tick the box" in page.locator(".consent").inner_text()
    assert_focus_on_first_error(page)
    assert not OptInRecord.objects.exists()

    page.get_by_role("checkbox").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Sign up").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Reply to confirm"
    record = OptInRecord.objects.get()
    assert record.phone == "+15125550199"
    assert record.disclosure.startswith("By checking this box, I agree to receive promotions")


def test_insert_copies_a_proposal_into_the_builder_field(logged_in_page, e2e_user):
    page = logged_in_page
    campaign = _campaign(organisation_of(e2e_user))
    page.goto(f"/texts/{campaign.public_id}/")
    assert_accessible_basics(page)
    insert = page.locator('button[data-insert-field="sample1"]')
    assert insert.is_hidden()  # the copy-only page has no builder field to fill
    # The builder's form, as the campaign page will have it around the proposals fragment.
    page.evaluate(
        """() => {
          const form = document.createElement("form");
          form.innerHTML = '<label for="b1">Sample 1</label>'
            + '<textarea id="b1" name="sample1"></textarea>';
          document.querySelector("main").prepend(form);
          document.dispatchEvent(new CustomEvent("htmx:afterSwap"));
        }"""
    )
    insert.click()
    assert page.locator("#b1").input_value().startswith("Dana Florists: 20% off everything")
    assert insert.inner_text() == "Inserted"
    assert page.evaluate("() => document.activeElement.id") == "b1"


def test_the_site_check_panel_stops_polling_once_the_check_is_done(logged_in_page, e2e_user):
    page = logged_in_page
    brand = _campaign(organisation_of(e2e_user)).brand
    check = SiteCheck.objects.create(
        organisation=brand.organisation, brand=brand, kind="website", url=brand.website
    )
    page.goto(f"/site-checks/brands/{brand.public_id}/")
    assert_accessible_basics(page)
    assert "Checking" in page.locator(".site-checks").inner_text()
    SiteCheck.objects.filter(pk=check.pk).update(status="done", findings=[])
    page.get_by_text("No problems found.").wait_for(timeout=6_000)
    assert page.locator("[hx-trigger]").count() == 0
