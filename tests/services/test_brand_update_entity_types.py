"""Editing a registered brand of every entity type (PUT /10dlc/brand/{id}): the update body
carries only what UpdateBrand has (a sole proprietor's mobilePhone is not in it), and an answer
outside the spec is refused next to its field before anything is reserved or sent."""

import pytest
from django.db import connection

from compliance.models import Brand, SubmissionState
from compliance.services import brands as services
from compliance.telnyx.client import TelnyxClient
from sandbox.models.brands import SandboxBrand
from tests.services.test_brand_services import COMPANY, SOLE

pytestmark = pytest.mark.django_db(transaction=True)

ENTITY_TYPES = {
    "PRIVATE_PROFIT": COMPANY,
    "PUBLIC_PROFIT": COMPANY
    | {
        "entity_type": "PUBLIC_PROFIT",
        "stock_symbol": "ACME",
        "stock_exchange": "NYSE",
        "business_contact_email": "ir@alicebakery.example",
    },
    "NON_PROFIT": COMPANY | {"entity_type": "NON_PROFIT"},
    "GOVERNMENT": COMPANY | {"entity_type": "GOVERNMENT"},
    "SOLE_PROPRIETOR": SOLE,
}


@pytest.fixture
def updates(monkeypatch) -> list[dict]:
    """The bodies of every PUT /10dlc/brand/{id} the app sends."""
    bodies: list[dict] = []
    original = TelnyxClient.update_brand

    def update_brand(self, brand_id, brand):
        bodies.append(brand.to_wire())
        return original(self, brand_id, brand)

    monkeypatch.setattr(TelnyxClient, "update_brand", update_brand)
    return bodies


def _registered(organisation, owner, values) -> Brand:
    brand = services.start_draft(organisation, owner)
    services.save_step(brand, values)
    assert services.submit_brand(organisation, brand.public_id).outcome == "submitted"
    brand.refresh_from_db()
    return brand


@pytest.mark.parametrize("entity_type", ENTITY_TYPES)
def test_every_entity_type_can_be_edited_once_registered(
    telnyx_sandbox, organisation, owner, updates, entity_type
):
    brand = _registered(organisation, owner, ENTITY_TYPES[entity_type])
    services.save_step(brand, {"display_name": "Renamed Bakery", "city": "Evanston"})

    result = services.submit_brand(organisation, brand.public_id)

    assert result.outcome == "submitted", result.message
    brand.refresh_from_db()
    assert brand.submission_state == SubmissionState.SUBMITTED
    assert SandboxBrand.objects.count() == 1
    at_telnyx = SandboxBrand.objects.get()
    attributes = at_telnyx.attributes
    assert (at_telnyx.display_name, attributes["city"]) == ("Renamed Bakery", "Evanston")
    assert len(updates) == 1
    assert updates[0]["entityType"] == entity_type
    assert "mobilePhone" not in updates[0] and "mock" not in updates[0]
    assert all(value != "" for value in updates[0].values())
    if entity_type == "SOLE_PROPRIETOR":
        assert attributes["mobilePhone"] == SOLE["mobile_phone"]  # kept from the create


@pytest.mark.skipif(
    connection.vendor == "postgresql",
    reason="the column holds the spec's 100 characters: PostgreSQL refuses the value itself",
)
def test_an_answer_outside_the_spec_is_refused_on_its_field_before_anything_is_sent(
    telnyx_sandbox, organisation, owner, updates
):
    brand = _registered(organisation, owner, SOLE)
    services.save_step(brand, {"city": "Evanston"})
    Brand.objects.filter(pk=brand.pk).update(display_name="Jane's Cakes " * 10)  # 130 > 100

    with pytest.raises(services.ActionRefused) as caught:
        services.submit_brand(organisation, brand.public_id)

    assert list(caught.value.field_errors) == ["display_name"]
    assert Brand.objects.get(pk=brand.pk).submission_state == SubmissionState.DRAFT
    assert updates == []
