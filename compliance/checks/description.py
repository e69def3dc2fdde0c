"""Rules on the campaign description (D…)."""

from __future__ import annotations

from compliance.checks.content import CampaignContent
from compliance.checks.engine import Hit, Severity, checks
from compliance.checks.text import (
    _COMPANY_RE,
    _P2P_RE,
    _PURPOSE_RE,
    _RECIPIENT_RE,
    _affirmed,
    _brand_known,
    _length_hits,
    names_brand,
)

# --- Description ---------------------------------------------------------------------------


@checks("D1")
def description_is_40_4096_characters(c: CampaignContent):
    yield from _length_hits("description", c.description, 40, 4096, label="The description")


@checks("D2")
def description_says_who_sends_who_receives_and_why(c: CampaignContent):
    if len(c.description) < 40:
        return  # D1 already says so
    missing = []
    if _brand_known(c.brand) and not names_brand(c.description, c.brand):
        missing.append("the brand that sends")
    if not _RECIPIENT_RE.search(c.description):
        missing.append("who receives the messages")
    if not _PURPOSE_RE.search(c.description):
        missing.append("what the messages are for")
    if missing:
        # Missing two of the three is what reviewers reject outright ("We text customers.").
        severity = Severity.ERROR if len(missing) >= 2 else None
        yield Hit("The description does not say " + ", ".join(missing) + ".", severity=severity)


@checks("D3")
def only_the_registered_brand_is_named(c: CampaignContent):
    if not _brand_known(c.brand):
        return
    for name, text in (("description", c.description), ("messageFlow", c.message_flow)):
        for match in _COMPANY_RE.finditer(text):
            if not names_brand(match.group(0), c.brand):
                yield Hit(f"{name} names another company, “{match.group(0)}”.", name)
                break


@checks("D4")
def business_messaging_not_personal_texting(c: CampaignContent):
    found = _affirmed(_P2P_RE, c.description)
    if found:
        yield Hit(f"The description mentions “{found}”, which reads as personal texting.")
