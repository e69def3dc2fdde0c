"""Editing a submitted campaign step by step asks before throwing away unsaved typing (a step
link, a reload), and "Leave without saving" leaves without asking."""

from django.urls import reverse

from tests.factories import good_content, live_campaign, organisation_of, registered_brand


def test_campaign_edit_steps_warn_before_leaving_with_unsaved_typing(logged_in_page, e2e_user):
    page = logged_in_page
    organisation = organisation_of(e2e_user)
    content = {
        "description": good_content()["description"],
        "sample1": good_content()["sample1"],
        "sample2": good_content()["sample2"],
    }
    campaign = live_campaign(organisation, brand=registered_brand(organisation), **content)
    base = page.url.split("/", 3)[:3]
    page.goto("/".join(base) + reverse("campaign_edit", args=[campaign.public_id]))
    page.locator("#step-form form[data-warn-unsaved]").wait_for()
    first_field = page.locator("#step-form form textarea, #step-form form input[type=text]").first
    first_field.press_sequentially(" More", delay=10)
    typed = first_field.input_value()

    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    here = page.url
    page.locator("nav[aria-label=Steps] a").first.click()
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"] and page.url == here
    assert first_field.input_value() == typed

    with page.expect_navigation():
        page.get_by_role("link", name="Leave without saving").click()
    assert asked == ["beforeunload"]  # the explicit way out did not ask again
    assert page.url != here
