"""Rules on the campaign description (D…)."""

from __future__ import annotations

from compliance.checks.content import CampaignContent
from compliance.checks.engine import Hit, declare_rule
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


@declare_rule(
    id="D1",
    field="description",
    severity="E",
    title="Description is 40–4096 characters",
    fix="Describe the campaign in 40–4096 characters: who sends, who receives, and why.",
    sources="W10; S3",
    keywords=("description too short", "campaign description length", "description length"),
)
def description_is_40_4096_characters(c: CampaignContent):
    yield from _length_hits("description", c.description, 40, 4096, label="The description")


@declare_rule(
    id="D2",
    field="description",
    severity="W",
    title="Description says who sends, who receives and why",
    fix="Say who sends (your brand), who receives (e.g. customers who opted in on our website) and "
    "why (e.g. appointment reminders and order updates).",
    sources="S3; Twilio 30886; A1 CAMPAIGN_UNCLEAR",
    keywords=(
        "campaign unclear",
        "description unclear",
        "vague description",
        "30886",
        "insufficient description",
    ),
)
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
        yield Hit("The description does not say " + ", ".join(missing) + ".")


@declare_rule(
    id="D3",
    field="description",
    severity="W",
    title="Only the registered brand is named",
    fix="Name only the registered brand (or its DBA) as the sender; one campaign serves one brand.",
    sources="A1 CAMPAIGN_TO_BRAND_MISMATCH; CAMPAIGN_MULTI_BRAND",
    keywords=(
        "multi brand",
        "multiple brands",
        "brand mismatch",
        "campaign to brand mismatch",
        "different company",
    ),
)
def only_the_registered_brand_is_named(c: CampaignContent):
    if not _brand_known(c.brand):
        return
    for name, text in (("description", c.description), ("messageFlow", c.message_flow)):
        for match in _COMPANY_RE.finditer(text):
            if not names_brand(match.group(0), c.brand):
                yield Hit(f"{name} names another company, “{match.group(0)}”.", name)
                break


@declare_rule(
    id="D4",
    field="description",
    severity="W",
    title="Business messaging, not personal texting",
    fix="Describe messages from the business to its customers; personal and peer-to-peer texting "
    "cannot be registered as 10DLC campaigns.",
    sources="A1 CAMPAIGN_NOT_QUALIFIED_P2P",
    keywords=("p2p", "peer to peer", "personal use", "not qualified"),
)
def business_messaging_not_personal_texting(c: CampaignContent):
    found = _affirmed(_P2P_RE, c.description)
    if found:
        yield Hit(f"The description mentions “{found}”, which reads as personal texting.")
