"""A campaign rejected by the sandbox's Telnyx review, for the reviewer console's tests."""

from django.urls import reverse

from compliance.models import Brand, Campaign
from compliance.services import campaigns as campaign_services
from compliance.services.webhooks import replay_pending_events
from compliance.telnyx.schemas.brands import BrandCreate
from compliance.telnyx.schemas.campaigns import CampaignBuilderSubmitParams

REASON = "We added the brand name to every sample message and re-checked the opt-out text."
# Samples that do not name the brand: the sandbox's Telnyx review rejects them (T5).
UNBRANDED = {
    "sample1": "20% off all croissants this weekend only! Show this text in store. Reply STOP "
    "to opt out.",
    "sample2": "Our pumpkin pies are back! Order yours in store today. Reply STOP to end.",
    "embedded_link": False,
}
FIXED = {
    "sample1": "Alice Bakery: 20% off all croissants this weekend only! Show this text in "
    "store. Reply STOP to opt out.",
    "sample2": "Alice Bakery: our pumpkin pies are back! Order yours in store today. Reply "
    "STOP to end.",
}


def submit_rejected_campaign(telnyx, app_url, organisation, make_submitted_campaign) -> Campaign:
    """Register a brand and submit a campaign with unbranded samples to the sandbox, with the
    app's webhook URL; the sandbox rejects it (TELNYX_FAILED) and its webhook tells the app."""
    brand = telnyx.create_brand(
        BrandCreate(
            entity_type="PRIVATE_PROFIT",
            display_name="Alice Bakery",
            company_name="Alice Bakery LLC",
            ein="461234567",
            country="US",
            email="hello@alicebakery.example",
            vertical="RETAIL",
            phone="+15125550142",
            street="1 Main St",
            city="Chicago",
            state="IL",
            postal_code="60601",
            website="https://alicebakery.example",
        )
    )
    campaign = make_submitted_campaign(
        organisation, campaign_status="", campaign_id=None, **UNBRANDED
    )
    Brand.objects.filter(pk=campaign.brand_id).update(brand_id=brand.brand_id)
    content = {
        name: getattr(campaign, name)
        for name in campaign_services.CONTENT_FIELDS
        if name in CampaignBuilderSubmitParams.model_fields and getattr(campaign, name) != ""
    }
    created = telnyx.submit_campaign(
        brand_id=brand.brand_id, **content, webhook_url=app_url + reverse("telnyx_webhook")
    )
    Campaign.objects.filter(pk=campaign.pk).update(
        campaign_id=created.campaign_id, campaign_status="TCR_PENDING"
    )
    campaign.refresh_from_db()
    replay_pending_events(campaign)  # the sandbox decided before the id was stored
    campaign.refresh_from_db()
    assert campaign.campaign_status == "TELNYX_FAILED"
    return campaign
