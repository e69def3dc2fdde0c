"""The brand and campaign lists: one untouched draft per "Register a brand", drafts deleted
from the list, and search, a status filter and paging (registration/listing.py)."""

from django.urls import reverse

from compliance.models import Brand, SubmissionState
from tests.factories import (
    draft_brand,
    live_campaign,
    organisation_of,
    registered_brand,
    submitted_campaign,
)


def test_register_a_brand_reuses_the_untouched_draft(owner_client, organisation):
    first = owner_client.post(reverse("brand_new"))
    second = owner_client.post(reverse("brand_new"))
    assert first.url == second.url
    assert Brand.objects.filter(organisation=organisation).count() == 1
    # Once the draft has an answer, the next click starts another one.
    brand = Brand.objects.get()
    owner_client.post(
        reverse("brand_wizard_step", args=[brand.public_id, "entity-type"]),
        {"entity_type": "PRIVATE_PROFIT"},
    )
    third = owner_client.post(reverse("brand_new"))
    assert third.url != first.url
    assert Brand.objects.filter(organisation=organisation).count() == 2


def test_another_organisations_untouched_draft_is_never_reused(
    owner_client, outsider_client, organisation
):
    outsider_client.post(reverse("brand_new"))
    owner_client.post(reverse("brand_new"))
    assert Brand.objects.filter(organisation=organisation).count() == 1
    assert Brand.objects.count() == 2


def test_ticked_drafts_are_deleted_from_the_list_and_nothing_else(
    owner_client, outsider_client, organisation, outsider
):
    keep = draft_brand(organisation, display_name="Kept draft")
    gone = [draft_brand(organisation, display_name=f"Old draft {i}") for i in range(2)]
    registered = registered_brand(organisation, display_name="Registered one")
    theirs = draft_brand(organisation_of(outsider), display_name="Theirs")
    page = owner_client.get(reverse("brand_list")).content.decode()
    assert f'value="{gone[0].public_id}"' in page
    assert f'value="{registered.public_id}"' not in page  # no box for a registered brand

    response = owner_client.post(
        reverse("brand_delete_drafts"),
        {"drafts": [str(b.public_id) for b in gone] + [str(registered.public_id), "nonsense"]},
    )
    assert response.status_code == 302
    left = set(Brand.objects.values_list("display_name", flat=True))
    assert left == {"Kept draft", "Registered one", "Theirs"}
    # Another organisation's draft is out of reach.
    outsider_client.post(reverse("brand_delete_drafts"), {"drafts": [str(keep.public_id)]})
    owner_client.post(reverse("brand_delete_drafts"), {"drafts": [str(theirs.public_id)]})
    assert Brand.objects.filter(pk__in=[keep.pk, theirs.pk]).count() == 2
    assert owner_client.get(reverse("brand_delete_drafts")).status_code == 405


def test_brand_list_search_status_filter_and_paging(owner_client, organisation):
    for i in range(30):
        registered_brand(organisation, brand_id=f"BQ{i:02}", display_name=f"Bakery {i:02}")
    draft_brand(organisation, display_name="Florist draft")
    Brand.objects.create(
        organisation=organisation, display_name="Refused", submission_state=SubmissionState.FAILED
    )

    page = owner_client.get(reverse("brand_list")).content.decode()
    assert "32 brands" in page and "Page 1 of 2" in page
    assert "Page 2 of 2" in owner_client.get(reverse("brand_list") + "?page=2").content.decode()

    found = owner_client.get(reverse("brand_list"), {"q": "florist"}).content.decode()
    assert "Florist draft" in found and "Bakery 01" not in found and "1 brand matches" in found
    drafts = owner_client.get(reverse("brand_list"), {"status": "draft"}).content.decode()
    assert "Florist draft" in drafts and "Bakery 0" not in drafts and "Refused" not in drafts
    refused = owner_client.get(reverse("brand_list"), {"status": "attention"}).content.decode()
    assert "Refused" in refused and "Florist draft" not in refused
    registered = owner_client.get(
        reverse("brand_list"), {"status": "registered", "q": "bakery 2", "page": "9"}
    ).content.decode()
    assert "Bakery 20" in registered and "Florist" not in registered
    unknown = owner_client.get(reverse("brand_list"), {"status": "bogus"})
    assert unknown.status_code == 200 and "32 brands" in unknown.content.decode()


def test_campaign_list_search_and_status_filter(owner_client, organisation, outsider):
    brand = registered_brand(organisation, display_name="Alice Bakery")
    live_campaign(organisation, brand=brand, usecase="MARKETING")
    submitted_campaign(organisation, brand=brand, usecase="CUSTOMER_CARE", status="MNO_REJECTED")
    submitted_campaign(organisation, brand=brand, usecase="ACCOUNT_NOTIFICATION")
    live_campaign(organisation_of(outsider), usecase="POLLING_VOTING")

    url = reverse("campaign_list")
    page = owner_client.get(url).content.decode()
    assert "3 campaigns" in page and "Polling" not in page
    live = owner_client.get(url, {"status": "live"}).content.decode()
    assert "Marketing" in live and "Customer care" not in live
    attention = owner_client.get(url, {"status": "attention"}).content.decode()
    assert "Customer care" in attention and "Marketing" not in attention
    waiting = owner_client.get(url, {"status": "waiting"}).content.decode()
    assert "Account notification" in waiting and "Marketing" not in waiting
    found = owner_client.get(url, {"q": "customer_care"}).content.decode()
    assert "1 campaign matches" in found


def test_brands_sort_by_name_or_age_and_keep_the_sort_across_pages(owner_client, organisation):
    for name in ("Bravo", "Alpha", "Charlie"):
        registered_brand(organisation, display_name=name)
    url = reverse("brand_list")

    def names(**query):
        page = owner_client.get(url, query).content.decode()
        return [n for n in ("Alpha", "Bravo", "Charlie") if n in page], page

    by_name, page = names(sort="name")
    assert sorted(by_name, key=page.index) == ["Alpha", "Bravo", "Charlie"]
    assert '<option value="name" selected>' in page
    newest, page = names()
    assert sorted(newest, key=page.index) == ["Charlie", "Alpha", "Bravo"]  # the default
    oldest, page = names(sort="oldest")
    assert sorted(oldest, key=page.index) == ["Bravo", "Alpha", "Charlie"]
    _, page = names(sort="name", page=1)
    bogus, page = names(sort="drop table")  # an unknown sort is the default, not an error
    assert sorted(bogus, key=page.index) == ["Charlie", "Alpha", "Bravo"]


def test_campaigns_sort_by_the_latest_status_change(owner_client, organisation):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    brand = registered_brand(organisation)
    old = submitted_campaign(
        organisation, brand=brand, usecase="MARKETING", status_changed_at=now - timedelta(days=3)
    )
    recent = submitted_campaign(
        organisation, brand=brand, usecase="2FA", status_changed_at=now - timedelta(hours=1)
    )
    never = submitted_campaign(organisation, brand=brand, usecase="CUSTOMER_CARE")
    page = owner_client.get(reverse("campaign_list"), {"sort": "status"}).content.decode()
    order = sorted(
        [old, recent, never],
        key=lambda c: page.index(reverse("campaign_resume", args=[c.public_id])),
    )
    assert order == [recent, old, never]  # never changed: last, not first
