"""The customer's campaign edit (PUT /10dlc/campaign/{id}): only what changed is sent, never an
empty string, and the form holds the spec's limits (UpdateCampaignRequest: samples and
helpMessage at most 255 characters)."""

import pytest
from django.urls import reverse

from compliance.models import Campaign, CampaignEvent
from compliance.services import campaigns as services
from compliance.telnyx.client import TelnyxClient
from compliance.telnyx.schemas.campaigns import CampaignUpdateParams
from sandbox.models.campaigns import SandboxCampaign
from tests.factories import edit_in_steps, good_content, registered_brand, verified_brand

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def campaign(telnyx, organisation) -> Campaign:
    brand = registered_brand(organisation, verified_brand(telnyx))
    draft = Campaign.objects.create(organisation=brand.organisation, brand=brand)
    services.qualify(draft, "CUSTOMER_CARE")
    services.save_draft(draft, {services.MODEL_FIELD[k]: v for k, v in good_content().items()})
    return services.submit_campaign(draft)


@pytest.fixture
def sent(monkeypatch) -> list[dict]:
    """The bodies of every PUT /10dlc/campaign/{id} the app sends."""
    bodies: list[dict] = []
    original = TelnyxClient.update_campaign

    def update_campaign(self, campaign_id, params=None, **fields):
        result = original(self, campaign_id, params, **fields)
        bodies.append((params or CampaignUpdateParams(**fields)).to_wire())
        return result

    monkeypatch.setattr(TelnyxClient, "update_campaign", update_campaign)
    return bodies


def _form(campaign: Campaign, **changes) -> dict:
    data = {name: getattr(campaign, name) for name in services.EDITABLE_FIELDS}
    data = {k: ("on" if v is True else v) for k, v in data.items() if v not in (False, None)}
    return data | changes


def test_changing_one_sample_sends_that_sample_only(owner_client, campaign, sent):
    new_sample = "Alice Bakery: your cake is ready for pick-up. Reply STOP to opt out."
    response = edit_in_steps(owner_client, "campaign_edit_step", campaign, sample1=new_sample)
    assert response.url == reverse("campaign_detail", args=[campaign.public_id])
    assert sent == [{"sample1": new_sample}]
    assert SandboxCampaign.objects.get().attributes["sample1"] == new_sample
    event = campaign.events.get(kind=CampaignEvent.Kind.EDIT)
    assert event.description == "You changed sample message 1."


def test_saving_without_changes_sends_nothing(owner_client, campaign, sent):
    assert edit_in_steps(owner_client, "campaign_edit_step", campaign).status_code == 302
    assert sent == []
    assert not campaign.events.filter(kind=CampaignEvent.Kind.EDIT).exists()


def test_the_form_holds_the_spec_limit_on_samples_and_help(owner_client, campaign, sent):
    samples = reverse("campaign_edit_step", args=[campaign.public_id, "samples"])
    help_step = reverse("campaign_edit_step", args=[campaign.public_id, "help"])
    assert owner_client.get(samples).text.count('maxlength="255"') == 5
    assert owner_client.get(help_step).text.count('maxlength="255"') == 1
    long_sample = "Alice Bakery: " + "fresh bread " * 30 + "Reply STOP to opt out."
    response = owner_client.post(samples, _form(campaign, sample1=long_sample))
    assert response.status_code == 200
    assert "at most 255 characters" in response.text
    assert sent == []


def test_clearing_a_sample_telnyx_holds_is_refused_next_to_it(campaign, sent):
    assert campaign.sample2
    with pytest.raises(services.CampaignError) as caught:
        services.edit_campaign(campaign, {"sample2": ""})
    assert list(caught.value.field_errors) == ["sample2"]
    assert sent == []


def test_the_update_schema_refuses_what_the_spec_refuses():
    with pytest.raises(ValueError, match="at most 255 characters"):
        CampaignUpdateParams(sample1="x" * 256)
    assert CampaignUpdateParams(sample1="ok", sample4="").to_wire() == {"sample1": "ok"}
