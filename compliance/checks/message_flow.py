"""Rules on the message flow, how subscribers opt in (M…)."""

from __future__ import annotations

import re

from compliance.checks.content import CampaignContent, _list
from compliance.checks.engine import Hit, Severity, checks
from compliance.checks.samples import _has_opt_out, _promotion
from compliance.checks.text import (
    _BAD_CONSENT_RE,
    _FREQUENCY_RE,
    _HELP_RE,
    _OPT_IN_MECHANISM_RE,
    _PROMO_RE,
    _RATES_RE,
    _SCRIPT_RE,
    _VERBAL_RE,
    _WEB_METHOD_RE,
    SOURCED_OR_BUNDLED_RE,
    _affirmed,
    _brand_known,
    _domain,
    _length_hits,
    _urls,
    has_link,
    names_brand,
    without_names,
)

# --- Message flow --------------------------------------------------------------------------


@checks("M1")
def message_flow_is_40_2048_characters(c: CampaignContent):
    yield from _length_hits("messageFlow", c.message_flow, 40, 2048, label="The message flow")


@checks("M2")
def message_flow_names_how_consent_is_collected(c: CampaignContent):
    flow = c.message_flow
    if not flow:
        return  # M1 says so
    if not (_OPT_IN_MECHANISM_RE.search(flow) or _texted_in(flow, c)):
        yield Hit(
            "The message flow does not say how subscribers opt in: name the form, checkbox, "
            "keyword, app setting or script, not only a place (“on our website”)."
        )
        return
    domain = _domain(c.brand.website) if c.brand.website else ""
    if _WEB_METHOD_RE.search(flow) and not has_link(flow, domain):
        yield Hit("The message flow mentions a website or online form but does not link it.")
    if _VERBAL_RE.search(flow) and not _SCRIPT_RE.search(flow):
        yield Hit("Verbal or IVR opt-in needs the script that is read or played.")


# Texting a word to the program's number is a keyword opt-in, however the keyword is written
# ("text the route name to (360) 555-0112", "send JOIN to 55123"), and so is naming one of the
# campaign's own opt-in keywords in the flow.
_TEXT_TO_NUMBER_RE = re.compile(
    r"(?i)\b(text|txt|send|message|sms)(s|es|ing)?\b[^.;]{0,60}\bto (our |the )?(short ?code |"
    r"number )?(\(?\+?\d[\d() .-]{3,}|\d{5,6}\b)"
)


# Choosing or subscribing on a linked page is an online opt-in the reviewer can open ("pick
# routes at salishferries.gov/alerts", "subscribe at https://…/alerts").
_ACT_AT_LINK_RE = re.compile(
    r"(?i)\b(choose|chooses|select|selects|pick|picks|sign(s)? up|subscribe(s)?|opt(s)? in|"
    r"enroll(s)?|register(s)?)\b[^.;]{0,60}?(https?://|www\.|\b[\w-]+\.(com|org|gov|net|io|us|"
    r"edu|co)(/|\b))"
)


def _texted_in(flow: str, c: CampaignContent) -> bool:
    if _TEXT_TO_NUMBER_RE.search(flow) or _ACT_AT_LINK_RE.search(flow):
        return True
    keywords = [k.strip() for k in _list(c.optin_keywords) if len(k.strip()) >= 2]
    return any(re.search(rf"\b{re.escape(k)}\b", flow) for k in keywords)


@checks("M3")
def the_call_to_action_has_every_required_element(c: CampaignContent):
    if c.usecase in ("MARKETING", "MIXED") and not c.privacy_policy_link:
        yield Hit(
            f"{c.usecase} campaigns need a privacy policy link.",
            "privacyPolicyLink",
            Severity.ERROR,
        )
    for name, link in (
        ("privacyPolicyLink", c.privacy_policy_link),
        ("termsAndConditionsLink", c.terms_and_conditions_link),
    ):
        if len(link) > 255:
            yield Hit(f"{name} is longer than 255 characters.", name, Severity.ERROR)
        elif link and not _urls(link):
            yield Hit(f"{name} is not a URL.", name, Severity.ERROR)
    flow = c.message_flow
    if len(flow) < 40:
        return
    cta = f"{flow}\n{c.optin_message}"
    missing = []
    if _brand_known(c.brand) and not names_brand(cta, c.brand):
        missing.append("the brand")
    if not _FREQUENCY_RE.search(cta):
        missing.append("message frequency")
    if not _RATES_RE.search(cta):
        missing.append("“Msg & data rates may apply”")
    if not _HELP_RE.search(cta):
        missing.append("HELP")
    if not _has_opt_out(cta):
        missing.append("STOP")
    if not (c.privacy_policy_link or re.search(r"(?i)privacy", flow)):
        missing.append("a privacy policy link")
    if not (c.terms_and_conditions_link or re.search(r"(?i)\bterms\b", flow)):
        missing.append("a terms link")
    no_policies = not (
        c.privacy_policy_link
        or c.terms_and_conditions_link
        or _POLICY_RE.search(f"{cta}\n{c.description}")
    )
    strong = []  # what carriers reject on by itself
    if no_policies:
        # AWS's opt-in checklist (disclosures at the point of consent link the terms and the
        # privacy policy) and Twilio 30899 (no privacy policy information): a program that
        # names neither anywhere is rejected.
        strong.append("neither a privacy policy nor terms are given anywhere")
    if missing:
        yield Hit(
            "The call to action does not state " + ", ".join(missing) + ".",
            severity=Severity.ERROR if no_policies else None,
        )
    disclosures = (_FREQUENCY_RE.search, _RATES_RE.search, _HELP_RE.search, _has_opt_out)
    disclosed = sum(bool(check(flow)) for check in disclosures)
    # A spoken opt-in (IVR, verbal) may disclose in the confirmation text sent at once; a form
    # or a poster must show the disclosures where people opt in.
    spoken = bool(_VERBAL_RE.search(flow) or _SPOKEN_MENU_RE.search(flow))
    confirmed = sum(bool(check(c.optin_message)) for check in disclosures)
    if disclosed <= 1 and not (spoken and confirmed >= 3):
        yield Hit(
            "Where subscribers opt in, they must be told the message frequency, that message "
            "and data rates may apply, and how to get help (HELP) and stop (STOP); the message "
            "flow shows none or one of these.",
            severity=Severity.ERROR,
        )
        return
    # Bandwidth rejects an opt-in without the rates disclosure (2136) or the frequency (2135),
    # as does AWS's checklist ("disclosures at point of consent"): rates must be shown where
    # people opt in (a spoken opt-in may leave them to the confirmation text sent at once);
    # the frequency there or, at the latest, in that confirmation.
    if not _RATES_RE.search(flow) and not (spoken and _RATES_RE.search(c.optin_message)):
        strong.append("“Msg & data rates may apply” is not shown where subscribers opt in")
    if not _FREQUENCY_RE.search(flow) and not _FREQUENCY_RE.search(c.optin_message):
        strong.append(
            "the message frequency is given neither where subscribers opt in nor in the "
            "opt-in confirmation"
        )
    if strong:
        yield Hit(
            "The opt-in disclosure is incomplete: " + "; ".join(strong) + ".",
            severity=Severity.ERROR,
        )


_POLICY_RE = re.compile(r"(?i)\b(privacy|terms|t&cs?|pol[ií]tica|t[eé]rminos)\b")


_SPOKEN_MENU_RE = re.compile(r"(?i)\b(press(ing)? \d|phone (booking )?menu|voice prompt)\b")


@checks("M4")
def consent_is_explicit_unchecked_and_not_shared(c: CampaignContent):
    for name, text in (
        ("messageFlow", c.message_flow),
        ("optinMessage", c.optin_message),
        ("description", c.description),
    ):
        # (the brand's own name is not a source: "Calder County DMV" is the sender, not a list)
        text = without_names(text, [n for n in (c.brand.display_name, c.brand.company_name) if n])
        # (a promise inside the phrase itself: "the list is not shared or rented")
        found = _affirmed(_BAD_CONSENT_RE, text, unless=_promise_inside) or _affirmed(
            SOURCED_OR_BUNDLED_RE, text, unless=_promise_inside
        )
        if found:
            yield Hit(
                f"{name} says “{found}”: consent must be explicit and opt-in data never shared.",
                name,
            )
    required = _REQUIRED_DOCUMENT_RE.search(c.message_flow)
    if (
        required
        and _PROMO_CONSENT_RE.search(c.message_flow)
        and not _affirmed(_SEPARATE_CONSENT_RE, c.message_flow)
    ):
        yield Hit(
            f"The message flow says “{required.group(0)}” and that document carries the consent "
            "to promotional texts: marketing consent must be a separate, optional choice, never "
            "a condition of service.",
            "messageFlow",
        )
    elif mandatory := _mandatory_text_consent(c.message_flow):
        yield Hit(
            f"The message flow puts the consent to texts in a statement “{mandatory}”: consent "
            "to texts must be its own choice, never a condition of applying, joining or renting.",
            "messageFlow",
        )
    spoken = _spoken_only_marketing_consent(c)
    if spoken:
        yield Hit(
            f"The message flow collects marketing consent by voice only (“{spoken}”): "
            "promotional texts need written consent (a form, a box, a keyword, or a reply YES "
            "to a confirmation text).",
            "messageFlow",
        )


def _promise_inside(text: str, match: re.Match) -> bool:
    return bool(re.search(r"(?i)\b(not|never|n't)\b", match.group(0)))


# A document that must be signed before service ("the agreement must be signed before the
# first visit is scheduled") and carries the promotional-text consent makes that consent a
# condition of service, unless the flow says the texts are a separate or optional choice.
_REQUIRED_DOCUMENT_RE = re.compile(
    r"(?i)\b(agreement|contract|packet|intake (form|packet)|terms|form)\b[^.;]{0,20}\b(must|has "
    r"to|needs to|is required to) be (signed|accepted|completed|initial(l)?ed) (before|to|in order "
    r"to)\b|(mobile|phone|cell)( phone)? number is required to (complete|confirm|book|make|finish|"
    r"submit)\b|"
    # The consent box or statement that cannot be skipped: "a required box", "the application
    # cannot be submitted until the box is checked", "accepting the SMS agreement is part of the
    # enrollment agreement and is required to submit the form", "By confirming [the booking],
    # you agree to receive … promotional offers" (CTIA 4.2; Twilio 30913).
    r"\brequired (check ?)?box\b|"
    # the number itself cannot be left out ("The mobile number is a required field")
    r"\b(mobile|phone|cell)( phone)?( number)? (is )?(a )?(required|mandatory) field\b|"
    r"\b(required|mandatory) (mobile|phone|cell)( phone)?( number)? field\b|"
    r"\b(mobile|phone|cell)( number)? field is (required|mandatory)\b|"
    r"\b(is|are) (required|mandatory) to (submit|complete|enrol\w*|"
    r"book|register|open|continue|check out|finish|join|sign)\b|\bcannot be (submitted|completed|"
    r"placed|opened|finished) (until|without)\b|\bpart of the ([\w-]+ ){0,2}(agreement|contract)\b|"
    r"\bby (confirming|booking|placing (your |an |the )?order|paying|checking out|opening (an|"
    r"your) account)\b[^.]{0,20}\byou (agree|consent)"
)
# A statement everyone must accept or sign to apply, join or rent, with the consent to texts in
# it ("the certification every applicant must accept … includes: 'I agree that … may text me'"):
# texting is then a condition of the service (CTIA 4.2; Twilio 30913), whatever the texts are.
_EVERYONE_MUST_ACCEPT_RE = re.compile(
    r"(?i)\b(every|each|all) (new )?(applicants?|members?|patients?|residents?|leaseholders?|"
    r"tenants?|guests?|students?|customers?|clients?|borrowers?|parents?|famil(y|ies)|employees?|"
    r"renters?|riders?|participants?|players?|campers?|visitors?|patrons?)\b"
    r"[^.;]{0,20}\b(must )?(signs?|accepts?|agrees? to|initials?|completes?)\b|"
    r"\b(must|required to) (be )?(accept|sign|agree to)\w*[^.;]{0,30}\b(to (submit|apply|continue|"
    r"rent|book|register)\b|before (the )?(submit|submitting|applying|enrolling|booking|checkout|"
    r"checking out|continuing|(a |an |the |your |their )?(first )?(appointment|visit|service|care|"
    r"treatment|enrollment|move-in|rental)))"
)
_TEXT_CONSENT_RE = re.compile(
    r"(?i)\b(agree|consent|authori[sz])\w*\b[^.]{0,120}\b(texts?|text messages?|sms)\b"
)


def _mandatory_text_consent(flow: str) -> str | None:
    for match in _EVERYONE_MUST_ACCEPT_RE.finditer(flow):
        # (the statement may come before: "Section 9 reads: '…'. Every family initials it")
        consent = _TEXT_CONSENT_RE.search(flow, max(0, match.start() - 500), match.end() + 250)
        if consent and not _affirmed(_SEPARATE_CONSENT_RE, flow):
            return match.group(0)
    return None


_PROMO_CONSENT_RE = re.compile(
    r"(?i)\b(promotional|marketing)\b[\w ]{0,20}\b(offers|texts|messages)|"
    r"\b(promotions|specials|offers|deals)\b"
)
_SEPARATE_CONSENT_RE = re.compile(
    r"(?i)\b(separate|optional|unchecked|unticked|not required|not a condition|never required|"
    r"does(n't| not) require|without (it|the box|ticking|checking))\b"
)


# Marketing consent given only by a spoken "yes" (the staff ask, the number goes on the list):
# Bandwidth 2101 wants written consent for promotional messages, and CTIA's principles a record
# of it. A spoken request followed by a written step (a form, a box, a keyword, a reply YES to
# a confirmation, a signature) is written consent.
_SPOKEN_CONSENT_RE = re.compile(
    r"(?i)\b(verbal(ly)?|over the phone|by phone|phone calls?|(if|when|once) (they|the "
    r"(customer|patient|client|guest)s?) (say|says|answer|answers|agree|agrees) (yes|verbally)|"
    r"say(s)? (yes|ok|okay|sure|yeah)|(agree|agrees|consent|consents|opt in|opts in) (out loud|"
    r"aloud|verbally|in person)|"
    r"(asks?|asked|ask(ing)?) (them|customers|patients|clients|guests|shoppers|"
    r"diners|members|callers)?[^.]{0,40}\b(if|whether|can we|could we|would you|do you want)\b)"
)
_WRITTEN_STEP_RE = re.compile(
    r"(?i)\b(check ?box(es)?|box(es)?\b|forms?|sign(s|ed)? (up|in|the)|signature|signs?\b|"
    # A keyword texted to join is written; "text HELP for help, STOP to stop" read aloud is not.
    r"keyword|(?-i:[Tt]ext(s|ing)? [\"'“]?(?!(HELP|STOP|INFO|END|CANCEL|QUIT|UNSUBSCRIBE|STOPALL|"
    r"AYUDA|ALTO|PARAR)\b)[A-Z0-9]{2,})|repl(y|ies|ying) (with )?[\"'“]?(yes|y)\b|"
    r"(answer|answers|respond|responds|text|texts) (back )?(with |to it with )?[\"'“]?yes\b|"
    r"(answer|respond|reply)\w* [\"'“]?yes\b|"
    r"tablet|kiosk|in[- ]app|web ?(site|form|page)|online|"
    r"(they|customers?|patients?|clients?|guests?|shoppers?|subscribers?|users?|callers?) "
    r"(type|types|enter|enters|write|writes)|"
    r"(card|sheet|slip|pad|screen)s?\b|double opt-?in|qr ?codes?|scan\w*|sign-?up (page|form)|"
    r"opt-?in (page|form))"
)


# "Jane offers piano lessons", "we offer a 5pm slot", "did you buy": a verb, not a promotion.
_OFFER_VERB_RE = re.compile(
    r"(?i)\b((?-i:[A-Z][\w']+) offers\b|(who|that|also|she|he|we|they|i) offer(s|ed)?\b|"
    r"offer(s|ed|ing)? (a|an|the|you|lessons?|"
    r"services?|classes|\w+ing|\w+ (lessons|services|classes|walks|rides|tours))\b|"
    r"(you|i|we|they|did|didn't) buy|"
    # "patients who enroll in free delivery": a service joined, not an offer
    r"(enrol\w*|sign\w* up|register\w*|join\w*|qualif\w*|eligible) (in|for) (the |our |a )?free "
    r"(home |same-day |local )?(delivery|shipping|service|program|membership|plan|account))\b"
)


def _spoken_only_marketing_consent(c: CampaignContent) -> str | None:
    # Marketing is what the messages do, not only the use case chosen: a sole proprietor's or a
    # low-volume program's specials need written consent too.
    names = [n for n in (c.brand.display_name, c.brand.company_name) if n]
    # (the samples judged as S8 judges a notice: "su pedido sale hoy" leaves, it sells nothing)
    # ("No promotions." says the opposite)
    promotes = bool(
        _affirmed(_PROMO_RE, _OFFER_VERB_RE.sub(" ", without_names(c.description, names)))
    ) or any(_promotion(_OFFER_VERB_RE.sub(" ", without_names(t, names))) for t in c.samples if t)
    if c.usecase not in ("MARKETING", "MIXED") and not promotes:
        return None
    flow = c.message_flow
    spoken = _affirmed(_SPOKEN_CONSENT_RE, flow)
    if not spoken or _WRITTEN_STEP_RE.search(flow):
        return None
    return spoken


@checks("M5")
def opt_in_page_links_use_https(c: CampaignContent):
    for url in _urls(c.message_flow):
        if url.lower().startswith("http://"):
            yield Hit(f"{url} is not https://.")


@checks("M6")
def opt_in_confirmation_is_complete(c: CampaignContent):
    msg = c.optin_message
    if _list(c.optin_keywords) and not msg:
        yield Hit("Opt-in keywords are set but there is no opt-in message.")
    if not msg:
        return
    yield from _length_hits(
        "optinMessage", msg, 20, 320, warn_above=255, label="The opt-in message"
    )
    missing = []
    if _brand_known(c.brand) and not names_brand(msg, c.brand):
        missing.append("the brand")
    if not _FREQUENCY_RE.search(msg):
        missing.append("message frequency")
    if not _RATES_RE.search(msg):
        missing.append("“Msg & data rates may apply”")
    if not _HELP_RE.search(msg):
        missing.append("HELP")
    if not _has_opt_out(msg):
        missing.append("opt-out (STOP)")
    if missing:
        yield Hit("The opt-in message does not state " + ", ".join(missing) + ".")


@checks("M7")
def message_flow_names_the_brand(c: CampaignContent):
    if (
        len(c.message_flow) >= 40
        and _brand_known(c.brand)
        and not names_brand(c.message_flow, c.brand)
    ):
        yield Hit("The message flow does not name the brand.")
