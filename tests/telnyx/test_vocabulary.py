"""The generated wire vocabulary is current, and the domain's status enums come from it."""

import pytest

from compliance import lifecycle
from compliance.telnyx import fields
from compliance.telnyx.generate_vocabulary import NAMED_ENUMS, SOURCE, TARGET, generate

pytestmark = pytest.mark.skipif(
    not (SOURCE / "FIELDS.md").exists(), reason="../shared/telnyx is not beside the repo"
)


def test_committed_vocabulary_is_what_the_generator_writes_from_the_spec():
    assert TARGET.read_text(encoding="utf-8") == generate(), (
        "compliance/telnyx/fields.py is stale: run python -m compliance.telnyx.generate_vocabulary"
    )


@pytest.mark.parametrize("class_name", NAMED_ENUMS)
def test_domain_status_enums_are_the_generated_ones_with_the_documented_values(class_name):
    schema, field = NAMED_ENUMS[class_name]
    domain_enum = getattr(lifecycle, class_name)
    assert domain_enum is getattr(fields, class_name)
    assert [member.value for member in domain_enum] == list(fields.enum(schema, field))


def test_status_enums_read_the_same_in_every_response_that_carries_them():
    assert fields.enum("CampaignListResponse", "campaignStatus") == fields.enum(
        "TelnyxCampaignCsp", "campaignStatus"
    )


def test_spec_limits_reach_the_vocabulary():
    assert fields.limits("UpdateCampaignRequest", "sample1") == {"maxLength": 255}
    assert fields.limits("UpdateCampaignRequest", "messageFlow") == {"maxLength": 2048}
    assert fields.limits("UpdateCampaignRequest", "autoRenewal") == {}


def test_http_headers_are_not_taken_for_body_fields():
    assert not any("-" in name for schema in fields.FIELDS.values() for name in schema)
