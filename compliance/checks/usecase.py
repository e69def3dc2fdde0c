"""Rules on the use case and the content flags (U…): lending, age gate, test programs."""

from __future__ import annotations

from compliance.checks.content import CampaignContent
from compliance.checks.engine import Hit, declare_rule
from compliance.checks.samples import _content_fields
from compliance.checks.text import (
    _AGE_GATE_RE,
    _LENDING_RE,
    _TEST_PROGRAM_RE,
    AGE_GATED_RE,
    _affirmed,
)

# --- Use case and flags --------------------------------------------------------------------


@declare_rule(
    id="U1",
    field="directLending",
    severity="E",
    title="Lending content is declared",
    fix="Set directLending to true if the messages are about loans or lending, or remove the "
    "lending content.",
    sources="A1 CAMPAIGN_UNDECLARED_DIRECT_LENDING; P2 1003; S3",
    keywords=("direct lending", "directlending", "undeclared lending", "loan", "1003"),
)
def lending_content_is_declared(c: CampaignContent):
    if c.direct_lending:
        return
    for name, text in _content_fields(c):
        found = _affirmed(_LENDING_RE, text)
        if found:
            yield Hit(f"{name} mentions “{found}” but directLending is not set.")
            return


@declare_rule(
    id="U2",
    field="ageGated",
    severity="E",
    title="Age-restricted content is age gated",
    fix="Set ageGated to true for alcohol, firearms, tobacco or vape content, and describe a full "
    "date-of-birth age gate in the message flow (a yes/no question is not enough).",
    sources="A1 Age Gate",
    keywords=(
        "age gate",
        "age-gated",
        "agegated",
        "age restricted",
        "alcohol",
        "tobacco",
        "firearm",
    ),
)
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


@declare_rule(
    id="U3",
    field="usecase",
    severity="W",
    title="Test and tiny programs use LOW_VOLUME",
    fix="Use the LOW_VOLUME use case for tests, demos and programs sending very few messages.",
    sources="S3",
    keywords=("low volume", "test campaign", "demo"),
)
def test_and_tiny_programs_use_low_volume(c: CampaignContent):
    if c.usecase in ("LOW_VOLUME", "SOLE_PROPRIETOR"):
        return
    found = _affirmed(_TEST_PROGRAM_RE, c.description)
    if found:
        yield Hit(f"The description mentions “{found}”; consider LOW_VOLUME.")


@declare_rule(
    id="U4",
    field="usecase",
    severity="E",
    title="The brand qualifies for the use case",
    fix="Pick a use case the brand qualified for (Telnyx qualify-by-usecase); others are refused.",
    sources="T13; R1; Twilio 30900",
    keywords=("not qualified for", "does not qualify", "qualify", "30900", "usecase not allowed"),
)
def the_brand_qualifies_for_the_use_case(c: CampaignContent):
    if not c.usecase:
        yield Hit("Choose a use case.")
    elif c.brand.qualified_usecases is not None and c.usecase not in c.brand.qualified_usecases:
        yield Hit(f"The brand did not qualify for {c.usecase}.")


@declare_rule(
    id="U5",
    field="subUsecases",
    severity="E",
    title="Sub-use-case count is within limits",
    fix="Pick between the minimum and maximum sub-use-cases qualify returns (2–5 for MIXED).",
    sources="S3; T13",
    keywords=("subusecases", "sub use case", "sub-usecase", "sub-use-case"),
)
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
