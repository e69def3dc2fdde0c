"""Rules on the use case and the content flags (U…): lending, age gate, test programs."""

from __future__ import annotations

from compliance.checks.content import CampaignContent
from compliance.checks.engine import Hit, checks
from compliance.checks.samples import _content_fields
from compliance.checks.text import (
    _AGE_GATE_RE,
    _LENDING_RE,
    _TEST_PROGRAM_RE,
    AGE_GATED_RE,
    _affirmed,
)

# --- Use case and flags --------------------------------------------------------------------


@checks("U1")
def lending_content_is_declared(c: CampaignContent):
    if c.direct_lending:
        return
    for name, text in _content_fields(c):
        found = _affirmed(_LENDING_RE, text)
        if found:
            yield Hit(f"{name} mentions “{found}” but directLending is not set.")
            return


@checks("U2")
def age_restricted_content_is_age_gated(c: CampaignContent):
    if not c.age_gated:
        for name, text in _content_fields(c):
            found = _affirmed(AGE_GATED_RE, text)
            if found:
                yield Hit(f"{name} mentions “{found}” but ageGated is not set.")
                return
    elif not _AGE_GATE_RE.search(c.message_flow):
        yield Hit(
            "ageGated is set but the message flow does not describe a date-of-birth check.",
            "messageFlow",
        )


@checks("U3")
def test_and_tiny_programs_use_low_volume(c: CampaignContent):
    if c.usecase in ("LOW_VOLUME", "SOLE_PROPRIETOR"):
        return
    found = _affirmed(_TEST_PROGRAM_RE, c.description)
    if found:
        yield Hit(f"The description mentions “{found}”; consider LOW_VOLUME.")


@checks("U4")
def the_brand_qualifies_for_the_use_case(c: CampaignContent):
    if not c.usecase:
        yield Hit("Choose a use case.")
    elif c.brand.qualified_usecases is not None and c.usecase not in c.brand.qualified_usecases:
        yield Hit(f"The brand did not qualify for {c.usecase}.")


@checks("U5")
def sub_use_case_count_is_within_limits(c: CampaignContent):
    low, high = c.brand.min_sub_usecases, c.brand.max_sub_usecases
    if c.usecase == "MIXED":
        low, high = low if low is not None else 2, high if high is not None else 5
    n = len(c.sub_usecases)
    if low is not None and n < low:
        yield Hit(f"{c.usecase} needs at least {low} sub-use-cases; {n} chosen.")
    if high is not None and n > high:
        yield Hit(f"{c.usecase} allows at most {high} sub-use-cases; {n} chosen.")
    if len(set(c.sub_usecases)) != n:
        yield Hit("Each sub-use-case may be chosen only once.")
