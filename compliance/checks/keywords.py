"""Rules on the opt-in, opt-out and help keywords and their replies (K…)."""

from __future__ import annotations

import re

from compliance.checks.content import CampaignContent, _list
from compliance.checks.engine import Hit, checks
from compliance.checks.text import (
    _NO_MORE_RE,
    _OPT_OUT_CONFIRM_RE,
    _brand_known,
    _domain,
    _emails,
    _has_contact,
    _length_hits,
    _urls,
    has_phone,
    names_brand,
)

# --- Keyword replies -----------------------------------------------------------------------


@checks("K1")
def help_and_stop_replies_are_complete(c: CampaignContent):
    yield from _length_hits(
        "helpMessage", c.help_message, 20, 320, warn_above=255, label="The help message"
    )
    if c.help_message and not _has_contact(c.help_message, _domain(c.brand.website)):
        yield Hit("The help message gives no phone number, email or website to get help.")
    yield from _length_hits(
        "optoutMessage", c.optout_message, 20, 320, warn_above=255, label="The opt-out message"
    )
    msg = c.optout_message
    if msg:
        missing = []
        confirmed = _OPT_OUT_CONFIRM_RE.search(msg)
        if not confirmed:
            missing.append("confirm the opt-out")
        # "You're unsubscribed", "texts stopped", "notices turned off" already say that no
        # more messages come (CTIA: a confirmation that the opt-out was processed); only a
        # reply that confirms nothing of the kind must say it in so many words.
        if not _NO_MORE_RE.search(msg) and not (confirmed and _TERMINAL_RE.search(msg)):
            missing.append("say no more messages will be sent")
        if _brand_known(c.brand) and not names_brand(msg, c.brand):
            missing.append("name the brand")
        if missing:
            yield Hit("The opt-out message does not " + ", ".join(missing) + ".", "optoutMessage")


# An opt-out confirmed with a word that ends the messages (not "cancelled your order").
_TERMINAL_RE = re.compile(
    r"(?i)\b(unsubscribed|opted[- ]out|(texts?|messages?|msgs|alerts|notices|notifications|"
    r"reminders|updates|sms) (are |have been )?(now )?(stopped|turned off|switched off|off)|"
    r"removed from (our|the|this) (list|texts?|messages?|alerts|program))\b"
)


# Letters (accented ones too: "GARANTÍA" for a Spanish program; Telnyx's spec asks only for
# commas without spaces) and digits.
_KEYWORD_LIST_RE = re.compile(r"^[^\W_]+(,[^\W_]+)*$")


@checks("K2")
def keyword_lists_are_valid_and_include_stop_and_help(c: CampaignContent):
    lists = (
        ("optoutKeywords", c.optout_keywords, "STOP"),
        ("helpKeywords", c.help_keywords, "HELP"),
        ("optinKeywords", c.optin_keywords, None),
    )
    for name, value, required in lists:
        words = [w.upper() for w in _list(value)]
        if required and required not in words:
            yield Hit(f"{name} must include {required}.", name)
        if value and not _KEYWORD_LIST_RE.match(value):
            yield Hit(f"{name} must be letters and digits separated by commas, no spaces.", name)
        if len(value) > 255:
            yield Hit(f"{name} is longer than 255 characters.", name)


@checks("K3")
def opt_in_opt_out_and_help_are_all_supported(c: CampaignContent):
    for name, value in (
        ("subscriberOptin", c.subscriber_optin),
        ("subscriberOptout", c.subscriber_optout),
        ("subscriberHelp", c.subscriber_help),
    ):
        if value is not True:
            yield Hit(f"{name} must be true.", name)


@checks("K4")
def help_reply_names_the_brand_and_its_own_contact(c: CampaignContent):
    msg = c.help_message
    if not msg or not _brand_known(c.brand):
        return
    if not names_brand(msg, c.brand):
        yield Hit("The help message does not name the brand.")
    domain = _domain(c.brand.website)
    contacts = [e.split("@")[1].lower() for e in _emails(msg)]
    contacts += [_domain(u) for u in _urls(msg)]
    foreign = [
        d for d in contacts if domain and d and not (d == domain or d.endswith("." + domain))
    ]
    if foreign and not has_phone(msg):
        yield Hit(
            f"The help message's contact ({foreign[0]}) is not on the brand's domain {domain}."
        )
