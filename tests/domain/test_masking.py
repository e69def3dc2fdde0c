import pytest
from django.template import Context, Template

from compliance.masking import mask, mask_name, redact, scrub_digits


@pytest.mark.parametrize(
    ("value", "expected"),
    [("123456789", "•••••6789"), ("+13125550001", "••••••••0001"), ("12", "••"), ("", "")],
)
def test_mask_keeps_only_the_last_four_characters(value, expected):
    assert mask(value) == expected


def test_mask_name_keeps_the_initial():
    assert mask_name("Jane") == "J•••"


def test_redact_masks_sensitive_wire_fields_at_any_depth():
    body = {"ein": "123456789", "displayName": "Acme", "records": [{"mobilePhone": "+13125550001"}]}
    assert redact(body) == {
        "ein": "•••••6789",
        "displayName": "Acme",
        "records": [{"mobilePhone": "••••••••0001"}],
    }


def test_scrub_digits_hides_numbers_inside_messages():
    text = scrub_digits("EIN 12-3456789 does not match the name for +1 312 555 0001")
    assert "3456789" not in text and "5550001" not in text
    assert text.endswith("0001")


def test_templates_can_mask_values():
    rendered = Template("{% load masking %}{{ ein|masked }} {{ name|masked_name }}").render(
        Context({"ein": "123456789", "name": "Jane"})
    )
    assert rendered == "•••••6789 J•••"
