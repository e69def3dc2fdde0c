"""The presentation layer's human forms: carriers by name."""

import pytest

from compliance import presentation
from compliance.services.campaigns import carrier_names_from_enum


@pytest.mark.parametrize(
    ("metadata", "names", "expected"),
    [
        ({"mno": "AT&T"}, {}, "AT&T"),  # the per-carrier metadata names it
        ({}, {"10017": "AT&T"}, "AT&T"),  # else the MNO enum's displayName
        ({"mno": "10017"}, {"10017": "AT&T"}, "AT&T"),  # digits are an id, not a name
        ({"mno": " "}, {"10017": "10017"}, "Carrier network 10017"),  # nobody names it
        (None, None, "Carrier network 10017"),
    ],
)
def test_a_carrier_is_shown_by_its_name_or_says_it_is_unnamed(metadata, names, expected):
    assert presentation.carrier_name("10017", metadata, names) == expected


def test_carrier_names_decode_the_mno_enum_in_either_shape():
    listed = [
        {"displayName": "AT&T", "networkId": 10017, "osrBitmaskIndex": 32},
        {"networkId": 10999},  # no name: left out
        "not an object",
    ]
    assert carrier_names_from_enum(listed) == {"10017": "AT&T"}
    assert carrier_names_from_enum({"10035": "T-Mobile", "x": {"nested": 1}}) == {
        "10035": "T-Mobile"
    }


@pytest.mark.parametrize(
    ("user_agent", "expected"),
    [
        (
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "HeadlessChrome/131.0.0.0 Safari/537.36",
            "Chrome on Linux",
        ),
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
            "Mobile Safari on iPhone",
        ),
        ("python-httpx/0.28.1", "An unknown browser"),
        ("", "An unknown browser"),
        (None, "An unknown browser"),
    ],
)
def test_a_signed_in_browser_is_named_in_words(user_agent, expected):
    assert presentation.browser_words(user_agent) == expected
