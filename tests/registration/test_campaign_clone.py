"""Copying a campaign into a new draft: every field (the locked ones included) for the same or
another brand, the builder taking over with the use case to qualify again, tenancy kept."""

from django.urls import reverse

from compliance.models import Campaign, CampaignEvent, SubmissionState
from compliance.services import rejections
from tests.factories import registered_brand

LINKED_SAMPLE = "Alice Bakery: our menu is at https://alicebakery.com/menu. Reply STOP to end."


def clone_url(campaign):
    return reverse("campaign_clone", args=[campaign.public_id])


def test_a_rejected_campaign_is_copied_with_every_field_into_a_draft(
    owner_client, organisation, make_submitted_campaign
):
    rejected = make_submitted_campaign(
        organisation,
        campaign_status="MNO_REJECTED",
        sample2=LINKED_SAMPLE,
        embedded_link=False,
        age_gated=True,
        optin_keywords="JOIN",
        failure_reasons=["M2: embeddedLink does not match the samples"],
    )
    page = owner_client.get(clone_url(rejected)).text
    assert "Copy for Alice Bakery" in page and "shown again before anything is sent" in page

    response = owner_client.post(clone_url(rejected), {"brand": rejected.brand.public_id})
    copy = Campaign.objects.exclude(pk=rejected.pk).get()
    # The builder takes over at the use case, to be qualified for the brand again.
    assert response.status_code == 302
    assert response.url == reverse("campaign_step", args=[copy.public_id, "usecase"])
    assert copy.submission_state == SubmissionState.DRAFT and copy.campaign_id is None
    assert copy.copied_from == rejected and copy.brand == rejected.brand
    assert rejections.snapshot(copy) == rejections.snapshot(rejected)
    assert copy.qualification == {} and copy.failure_reasons == [] and not copy.campaign_status
    # The locked flag is a draft field again: the builder's step saves it.
    owner_client.post(
        reverse("campaign_step", args=[copy.public_id, "keywords"]),
        {"embedded_link": "on", "optout_keywords": "STOP", "help_keywords": "HELP"},
    )
    assert rejected.events.filter(
        kind=CampaignEvent.Kind.EDIT, description__startswith="Copied into a new draft"
    ).exists()
    builder = owner_client.get(reverse("campaign_step", args=[copy.public_id, "description"])).text
    assert "A copy of" in builder and "rejected by the carriers" in builder


def test_a_campaign_is_copied_for_another_brand_of_the_organisation(
    owner_client, organisation, make_submitted_campaign
):
    live = make_submitted_campaign(organisation, campaign_status="MNO_PROVISIONED")
    other = registered_brand(organisation, display_name="Alice Catering")
    owner_client.post(clone_url(live), {"brand": other.public_id})
    copy = Campaign.objects.get(copied_from=live)
    assert copy.brand == other and copy.usecase == live.usecase


def test_a_copy_for_a_sole_proprietor_takes_its_one_use_case(
    owner_client, organisation, make_submitted_campaign
):
    rejected = make_submitted_campaign(organisation, campaign_status="TELNYX_FAILED")
    sole = registered_brand(organisation, entity_type="SOLE_PROPRIETOR", display_name="Alice")
    owner_client.post(clone_url(rejected), {"brand": sole.public_id})
    assert Campaign.objects.get(copied_from=rejected).usecase == "SOLE_PROPRIETOR"


def test_a_brand_that_cannot_have_campaigns_is_refused_in_words(
    owner_client, organisation, make_submitted_campaign
):
    rejected = make_submitted_campaign(organisation, campaign_status="TELNYX_FAILED")
    unverified = registered_brand(organisation, identity_status="UNVERIFIED")
    page = owner_client.get(clone_url(rejected)).text
    assert "carriers accept campaigns only from verified brands" in page
    response = owner_client.post(clone_url(rejected), {"brand": unverified.public_id}, follow=True)
    assert "carriers accept campaigns only from verified brands" in response.text
    assert not Campaign.objects.filter(copied_from=rejected).exists()


def test_another_organisations_campaign_or_brand_is_a_404(
    owner_client, outsider_client, organisation, make_submitted_campaign
):
    rejected = make_submitted_campaign(organisation, campaign_status="TELNYX_FAILED")
    assert outsider_client.get(clone_url(rejected)).status_code == 404
    assert (
        outsider_client.post(clone_url(rejected), {"brand": rejected.brand.public_id}).status_code
        == 404
    )
    from compliance.models import Organisation

    elsewhere = registered_brand(Organisation.objects.create(name="Elsewhere"))
    assert owner_client.post(clone_url(rejected), {"brand": elsewhere.public_id}).status_code == 404
    assert not Campaign.objects.filter(copied_from=rejected).exists()


def test_the_rejection_report_links_a_locked_fix_to_the_copy(
    owner_client, organisation, make_submitted_campaign
):
    rejected = make_submitted_campaign(
        organisation, campaign_status="MNO_REJECTED", sample2=LINKED_SAMPLE, embedded_link=False
    )
    Campaign.objects.filter(pk=rejected.pk).update(
        failure_reasons=["M2: embeddedLink does not match the samples"],
        submitted_content=rejections.snapshot(rejected),
    )
    html = owner_client.get(reverse("campaign_detail", args=[rejected.public_id])).text
    row = html.split('id="matched-S7"')[1].split("</tr>")[0]
    assert clone_url(rejected) in row
