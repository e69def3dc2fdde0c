"""Rules on the campaign description (D…)."""

from __future__ import annotations

import re

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
    without_names,
)

# --- Description ---------------------------------------------------------------------------

# A kind of message so general it says nothing ("various communications", "general updates",
# "business communications"): the wording 30886's page calls too vague.
_VAGUE_PURPOSE_RE = re.compile(
    r"(?i)\b((various|general|miscellaneous|misc\.?|assorted|(a|an) (wide |broad )?(variety|range|"
    r"mix|assortment) of|all (kinds|sorts|types) of|different (types|kinds|sorts) of|other|any|"
    r"occasional|periodic|relevant|important|ongoing)\s+"
    r"(\w+\s+)?(communications?|messages|texts|information|info|updates|notifications|news|"
    r"announcements|correspondence|content|outreach)|communications|correspondence|outreach|"
    r"(about|regarding|related to|concerning) (our|its|their) (\w+ )?(products|services|"
    r"offerings|business(es)?|compan(y|ies)|organi[sz]ations?|brands|subsidiaries)"
    r"( and (products|services|offerings))?|(various|general|business|multiple|many|different) "
    r"(purposes|reasons|topics|matters)|as needed|from time to time|when(ever)? necessary)\b"
)
# What makes a description concrete despite such a phrase: the messages it names.
_CONCRETE_PURPOSE_RE = re.compile(
    r"(?i)\b(reminders?|appointments?|confirm\w*|codes?|passcodes?|verification|orders?|"
    r"deliver\w*|shipp\w*|billing|bills?|payments?|invoices?|reservations?|bookings?|"
    r"promotions?|promotional|offers?|deals?|discounts?|specials?|sales?|coupons?|events?|"
    r"classes|closures?|delays?|cancell?ations?|schedul\w*|estimates?|quotes?|tickets?|"
    r"receipts?|results?|prescriptions?|refills?|pick-?ups?|renewals?|claims?|deadlines?|"
    r"outages?|fraud|security|surveys?|polls?|menus?|arrivals?|openings?|statements?|"
    r"balances?|status of|maintenance|inspections?|approvals?|registration|enrollment|hours|"
    r"weather|emergenc\w*|worship|visits?|check-?ins?|check-?outs?|stays?|lessons?|practices?|"
    r"games?|rehearsals?|shifts?|"
    r"volunteer\w*|donations?|fundrais\w*|tours?|releases?|launch\w*|listings?|rates?)\b"
)


def _vague_purpose(text: str, names: tuple[str, ...] = ()) -> str | None:
    """The phrase that stands for the messages' purpose when nothing concrete is named."""
    match = _VAGUE_PURPOSE_RE.search(text)
    if not match:
        return None
    return None if _CONCRETE_PURPOSE_RE.search(without_names(text, names)) else match.group(0)


@checks("D1")
def description_is_40_4096_characters(c: CampaignContent):
    yield from _length_hits("description", c.description, 40, 4096, label="The description")


# The sentence a reviewer reads for who and what: "<brand> texts <people> <what>": a texting
# verb, the people it reaches (a plural noun), then what about ("where the truck parks each
# day", "about", "when", "with"), whatever the nouns are ("followers", "anglers", "pickers").
_TEXTS_WHOM_WHAT_RE = re.compile(
    r"(?i)\b(texts|messages|sends (sms|texts|text messages|messages) to|notifies|alerts)\s+"
    r"(its |our |their |the |all |opted-in |subscribed )?([\w'-]+ ){0,2}[\w'-]+s\b,? "
    r"(about|where|when|what|which|whether|if|how|with|on|of|that)\b\s+\w+"
)


@checks("D2")
def description_says_who_sends_who_receives_and_why(c: CampaignContent):
    if len(c.description) < 40:
        return  # D1 already says so
    missing = []
    if _brand_known(c.brand) and not names_brand(c.description, c.brand):
        missing.append("the brand that sends")
    said = _TEXTS_WHOM_WHAT_RE.search(c.description)
    if not (_RECIPIENT_RE.search(c.description) or said):
        missing.append("who receives the messages")
    vague = _vague_purpose(c.description, (c.brand.company_name, c.brand.display_name))
    if vague:
        # "various communications" could be any business's: reviewers reject a description
        # that does not say what the messages are (Twilio 30886, AWS CAMPAIGN_UNCLEAR).
        yield Hit(
            f"The description says only “{vague}”: say what the messages are (e.g. "
            "appointment reminders, order updates, weekly offers) and why people get them.",
            severity=Severity.ERROR,
        )
        return
    if not (_PURPOSE_RE.search(c.description) or said):
        missing.append("what the messages are for")
    if missing:
        # Missing two of the three is what reviewers reject outright ("We text customers."),
        # and so is one short sentence that never says what the messages are ("Acme sends
        # messages to customers."): Twilio 30886, AWS CAMPAIGN_UNCLEAR.
        one_liner = len(c.description.split()) <= 12
        names = (c.brand.company_name, c.brand.display_name)
        purposeless = "what the messages are for" in missing and not _CONCRETE_PURPOSE_RE.search(
            without_names(c.description, names)
        )
        severity = Severity.ERROR if len(missing) >= 2 or (purposeless and one_liner) else None
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
