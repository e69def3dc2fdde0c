"""Rules on the sample messages (S…): length, brand named, opt-out, content, links."""

from __future__ import annotations

import difflib
import re

from compliance.checks.content import CampaignContent
from compliance.checks.engine import Hit, Severity, checks
from compliance.checks.text import (
    _AFFILIATE_RE,
    _CODE_RE,
    _ENGLISH,
    _FOREIGN,
    _GLUED_TOKEN_RE,
    _NOTIFICATION_USECASES,
    _OPT_OUT_PHRASE_RE,
    _OPT_OUT_UPPER_RE,
    _PATH_LINK_RE,
    _PLACEHOLDER_RE,
    _PROMO_RE,
    _SHORTENER_RE,
    BANNED_RE,
    CESSATION_SENTENCE_RE,
    LEAD_GEN_RE,
    OPT_OUT_WORDS,
    PHISHING_RE,
    RECOVERY_SENTENCE_RE,
    RESTRICTED_RE,
    _affirmed,
    _brand_known,
    _domain,
    _is_english,
    _length_hits,
    _negated,
    _norm,
    _search,
    _urls,
    has_link,
    has_phone,
    in_a_title,
    names_brand,
    registrable_domain,
    without_names,
)

# --- Samples -------------------------------------------------------------------------------


# A sample that is a note in place of a message: it refers to another sample or says the
# message is still to be written.
_NOTE_NOT_MESSAGE_RE = re.compile(
    # Bounded runs: nested unbounded \W* and \s* backtrack quadratically on hostile text.
    r"(?i)^\W{0,8}([\w&' ]{0,40}:\s{0,4})?\W{0,8}(same (as|message|text|for|again|here)|same\W*$|"
    r"similar (to|message|text|for)|ditto|"
    r"see (above|below|sample|message)|as above|n/?a|tbd|tba|etc|"
    r"placeholder|another (message|sample|text) (like|for|similar)|"
    r"more (messages|samples) (like|similar)|"
    r"(message|sample|text) \d (again|repeated)|(repeat|copy) of)\b"
    r"|\b(same|similar) (as|to) (above|the above|sample \d|message \d|the (first|previous|other|"
    r"last) (one|message|sample|text))\b|\b(sample|message|text) (goes|will go) here\b"
    r"|\bto be (written|determined|added|confirmed|provided)\b"
)


@checks("S1")
def two_to_five_samples_of_20_to_1024_characters(c: CampaignContent):
    filled = c.filled_samples
    notes = [name for name, text in filled if _NOTE_NOT_MESSAGE_RE.search(text)]
    if len(filled) < 2:
        yield Hit(f"{len(filled)} sample message(s); carriers need at least 2.")
    elif len(filled) - len(notes) < 2:
        # A sample that only points at another ("same as above for other customers", "see
        # sample 1", "TBD") is not a message: Twilio 30893 and AWS want each sample to be a
        # real message the program sends, at least two of them.
        yield Hit(
            f"Sample {notes[0][-1]} is a note about the messages, not a message: carriers need "
            "at least 2 real samples.",
            notes[0],
        )
    elif len(filled) < 3:
        yield Hit("Only 2 samples: 3 or more are advised.", severity=Severity.INFO)
    for name, text in filled:
        yield from _length_hits(name, text, 20, 1024, warn_above=255, label=f"Sample {name[-1]}")
    positions = [i for i, s in enumerate(c.samples) if s]
    if positions and positions[-1] >= len(positions):
        yield Hit(
            "Fill the samples in order, without gaps (sample1, sample2 …).",
            "sample1",
            Severity.WARNING,
        )


def _without_links(text: str) -> str:
    return _PATH_LINK_RE.sub(" ", re.sub(r"(?i)\bhttps?://\S+", " ", text))


@checks("S2")
def samples_name_the_brand(c: CampaignContent):
    if not _brand_known(c.brand):
        return
    filled = c.filled_samples
    # (a link names a site, not the sender: "gvyha.org/register" alone does not say who texts)
    missing = [name for name, text in filled if not names_brand(_without_links(text), c.brand)]
    if filled and len(missing) == len(filled):
        yield Hit(f"No sample names the brand “{c.brand.display_name or c.brand.company_name}”.")
    else:
        for name in missing:
            yield Hit(f"Sample {name[-1]} does not name the brand.", name, Severity.WARNING)


def _has_opt_out(text: str) -> bool:
    return bool(_OPT_OUT_UPPER_RE.search(text) or _OPT_OUT_PHRASE_RE.search(text))


@checks("S3")
def opt_out_wording_in_a_sample(c: CampaignContent):
    filled = c.filled_samples
    if filled and not any(_has_opt_out(text) for _, text in filled):
        yield Hit("No sample tells the subscriber how to opt out (e.g. “Reply STOP to opt out”).")


def _glued(text: str) -> list[str]:
    found = []
    for token in _GLUED_TOKEN_RE.findall(text):
        if token in OPT_OUT_WORDS:
            continue
        keywords = sum(token.count(w) for w in ("STOP", "END", "CANCEL", "QUIT"))
        if any(ch.isdigit() for ch in token) or keywords >= 2:
            found.append(token)
    return found


@checks("S4")
def opt_out_keyword_stands_alone(c: CampaignContent):
    for name, text in [*c.filled_samples, ("optinMessage", c.optin_message)]:
        glued = _glued(text)
        if glued:
            yield Hit(f"{name}: the opt-out keyword is glued to other text in “{glued[0]}”.", name)


_TEST_WORDING_RE = re.compile(r"(?i)\b(test|lorem)\b")
# The opt-out sentence and the sender tag ("Brand: …") of a sample.
_OPT_OUT_SENTENCE_RE = re.compile(
    r"(?i)\b(reply|text|txt|responde|responda)\b[^.!?]*\b(stop|end|cancel|quit|unsubscribe|alto|"
    r"parar)\b[^.!?]*[.!?]?"
)


def _message_words(text: str) -> list[str]:
    """The words of a sample besides its sender tag and its opt-out sentence."""
    body = text.split(":", 1)[1] if ":" in text[:40] else text
    return _OPT_OUT_SENTENCE_RE.sub(" ", body).split()


# A sample that describes the message instead of being it, in the third person ("Customers
# will receive a text when their order ships", "This message will remind the patient…"): Twilio
# 30893 and AWS want the message itself, as the subscriber reads it.
_DESCRIBES_MESSAGE_RE = re.compile(
    r"(?i)^\W{0,3}(this (message|text|sms|notification) (will|would|should|is sent|goes)|"
    r"(a |the )?(messages?|texts?|sms|notifications?) (is |are |will be )?(sent|will (be sent|"
    r"remind|notify|confirm|inform|alert|let))|(the |our )?(customers?|patients?|users?|clients?|"
    r"members?|subscribers?|recipients?|students?|parents?|residents?) (will )?(receive|get|are "
    r"sent|is sent) (a |an |the )?(texts?|messages?|sms|notifications?|reminders?|alerts?|codes?)|"
    r"(the |our )?(customers?|patients?|users?|clients?|members?|subscribers?) will be texted|"
    r"we (will )?(send|text|notify|remind) (the |our )?(customers?|patients?|users?|clients?|"
    r"members?|subscribers?|recipients?))\b"
)
_ADDRESSES_READER_RE = re.compile(r"(?i)\b(you|your|you're|you'll)\b")


@checks("S5")
def samples_read_like_real_messages(c: CampaignContent):
    for name, text in c.filled_samples:
        bad = _search(_PLACEHOLDER_RE, text)
        content = _message_words(text)
        if bad and _TEST_WORDING_RE.search(bad):
            # "test message", lorem ipsum: not a real sample (Twilio 30893 rejects them).
            yield Hit(
                f"Sample {name[-1]} says “{bad.strip()}”: write the real message a subscriber "
                "will get.",
                name,
                Severity.ERROR,
            )
        elif _DESCRIBES_MESSAGE_RE.search(text) and not _ADDRESSES_READER_RE.search(text):
            yield Hit(
                f"Sample {name[-1]} describes the message instead of being it: write the "
                "text exactly as the subscriber will read it.",
                name,
                Severity.ERROR,
            )
        elif bad:
            yield Hit(
                f"Sample {name[-1]} contains “{bad.strip()}”; use [brackets] for variables "
                "and real wording.",
                name,
            )
        elif len(content) < 4 and not any(ch.isdigit() for ch in " ".join(content)):
            # Beyond the sender's name and "Reply STOP", nothing says what the message is.
            yield Hit(
                f"Sample {name[-1]} says almost nothing beyond the sender and the opt-out "
                f"(“{' '.join(content)}”): write the whole message.",
                name,
                Severity.ERROR if len(text.split()) >= 4 else None,
            )


@checks("S6")
def no_public_url_shorteners(c: CampaignContent):
    for name, text in [
        *c.filled_samples,
        ("embeddedLinkSample", c.embedded_link_sample),
        ("messageFlow", c.message_flow),
    ]:
        match = _SHORTENER_RE.search(text)
        if match:
            yield Hit(f"{name} uses the public URL shortener {match.group(1).lower()}.", name)


@checks("S7")
def link_and_phone_flags_match_the_samples(c: CampaignContent):
    filled = c.filled_samples
    if not filled:
        return
    domain = _domain(c.brand.website)
    with_link = [name for name, text in filled if has_link(text, domain)]
    with_phone = [name for name, text in filled if has_phone(text)]
    if with_link and c.embedded_link is not True:
        yield Hit(f"{with_link[0]} contains a link but embeddedLink is not set.", "embeddedLink")
    if c.embedded_link and not with_link:
        yield Hit("embeddedLink is set but no sample contains a link.", "embeddedLink")
    if with_phone and c.embedded_phone is not True:
        yield Hit(
            f"{with_phone[0]} contains a phone number but embeddedPhone is not set.",
            "embeddedPhone",
        )
    if c.embedded_phone and not with_phone:
        yield Hit("embeddedPhone is set but no sample contains a phone number.", "embeddedPhone")


@checks("S8")
def samples_fit_the_use_case(c: CampaignContent):
    filled = c.filled_samples
    if not filled:
        return
    if c.usecase == "MARKETING" and not any(_PROMO_RE.search(t) for _, t in filled):
        yield Hit("MARKETING samples show no offer, sale or promotion.")
    if c.usecase == "2FA" and not any(_CODE_RE.search(t) for _, t in filled):
        yield Hit("2FA samples show no 4–8 digit code (or [code] placeholder).")
    if c.usecase in _NOTIFICATION_USECASES or c.usecase == "CUSTOMER_CARE":
        for name, text in filled:
            promo = _promotion(text) or (c.usecase == "2FA" and _search(_CODE_PITCH_RE, text))
            if (
                promo
                and c.usecase == "PUBLIC_SERVICE_ANNOUNCEMENT"
                and promo.lower() in ("gratis", "free")
                and _PUBLIC_HEALTH_RE.search(text)
            ):
                continue  # a health department's free flu clinic is a service, not a sale
            if promo:
                # Carriers reject promotions sent under a non-marketing use case (error 602).
                yield Hit(
                    f"Sample {name[-1]} has promotional wording (“{promo}”), which does not "
                    f"belong in {c.usecase}: register a MARKETING or MIXED campaign for it.",
                    name,
                    Severity.ERROR,
                )
    if c.usecase == "CHARITY" and all(
        _SERVICE_NOTICE_RE.search(t) and not _CHARITABLE_RE.search(t) for _, t in filled
    ):
        # A non-profit's own patient or client notices (appointments, lab visits, refills)
        # are account notifications, not the charity use case's fundraising, volunteering
        # and outreach (TCR's CHARITY; Bandwidth DCA2 602 use case mismatch).
        yield Hit(
            "Every sample is a service notice to a patient or client (appointments, visits, "
            "bills), which is ACCOUNT_NOTIFICATION, not CHARITY: choose the use case that fits "
            "the messages.",
            severity=Severity.ERROR,
        )
    if c.usecase == "MIXED" and len(filled) < len(c.sub_usecases):
        yield Hit(
            f"MIXED with {len(c.sub_usecases)} sub-use-cases needs one sample each; "
            f"there are {len(filled)}."
        )


# A service notice to a patient or client, and what a charity's messages are about.
_SERVICE_NOTICE_RE = re.compile(
    r"(?i)\b(appointments?|lab (visit|work|results?|tests?)|care plan|prescriptions?|refills?|"
    r"check-?ups?|your (bill|statement|invoice|order|balance|visit|test results|procedure)|"
    r"payment (is )?due|dr\. \w+|with (the )?(doctor|dentist|nurse|provider))\b"
)
_CHARITABLE_RE = re.compile(
    r"(?i)\b(donat\w*|donors?|fundrais\w*|volunteer\w*|give|giving|pledges?|sponsor\w*|"
    r"gala|adopt\w*|foster\w*|drives?|in need|pantry|food bank|shelters?|mission|"
    r"help (us|families|neighbors|children|kids|pets))\b"
)


# A card transaction names the merchant as the statement prints it ("at BEST BUY #1182",
# "at DOLLAR DEALS"): a capitalised name after "at", not an offer.
_MERCHANT_BEFORE_RE = re.compile(r"\b(at|from) (?:[A-Z0-9&'.*-]+ ){0,3}$")


# A card alert names the merchant after the amount too ("a $79.00 SUPER SALE OUTLET charge"):
# capitalised words between the amount and the charge.
_AMOUNT_BEFORE_RE = re.compile(r"\$[\d,]+(\.\d\d)? (?:[A-Z0-9&'.*-]+ ){0,3}$")
_CHARGE_AFTER_RE = re.compile(
    r"^(?: [A-Z0-9&'.*#-]+){0,3} (charge|purchase|transaction|payment|debit|withdrawal)\b"
)

# A sale as a transaction the subscriber is party to (a home, a car): "the sale of 14 Birch
# Lane closed", "the sale price", "bill of sale", "your sale closes Friday" — not a price cut.
_SALE_DEAL_BEFORE_RE = re.compile(
    # (a lien, tax, sheriff's or foreclosure sale is a legal notice about the subscriber's own
    # property, not an offer)
    r"(?i)\b(bill of|deed of|contract of|conditions of|congratulations on (the|your)|lien|tax|"
    r"sheriff['’]?s?|foreclosure|trustee['’]?s?|tax[- ]deed|lien[- ]) $"
)
# "Your deal to sell 55 Maple Ave closed": a deal the subscriber made.
_OWN_DEAL_AFTER_RE = re.compile(
    r"(?i)^ (to (sell|buy|purchase|lease)|on (\d|your|the (home|house|property|car|vehicle))|"
    r"(has |is |was )?(closed|done|signed|funded|fell through))\b"
)
# A store's department or a dealership's desk named in a notice is a place, not an offer:
# "your order from our clearance section shipped", "the deals desk has your paperwork".
_DEPARTMENT_AFTER_RE = re.compile(
    r"(?i)^ (section|rack|aisle|desk|department|dept|counter|team|office|room|floor|table)s?\b"
)
_SALE_DEAL_AFTER_RE = re.compile(
    r"(?i)^ (of (\d|your|the (home|house|property|vehicle|car|business|land|lot))|"
    r"(has |was )?(closed|closes|closing|recorded|fell through|is final|agreement|contract|"
    r"documents|proceeds|date)\b)"
)

# The subscriber's own trial ending ("your free trial ends on [date]") is a billing notice; a
# discount already applied on a receipt ("member discount -$4.00") is a line of the total.
_OWN_TRIAL_RE = re.compile(r"(?i)\byour $")
_TRIAL_ENDS_AFTER_RE = re.compile(
    r"(?i)^ (ends|ended|expires|expired|is ending|will end|will expire|converts|will convert)\b"
)
# A gift, coupon or discount the subscriber already chose or used ("the free gift you chose at
# checkout ships separately", "your total with the coupon you used") is part of the order.
_ALREADY_USED_AFTER_RE = re.compile(
    r"(?i)^ (you|that you) (chose|used|redeemed|applied|selected|picked|ordered)\b|"
    r"^ (code )?(was|were|has been|have been) (applied|redeemed)\b"
)
_APPLIED_DISCOUNT_AFTER_RE = re.compile(
    r"(?i)^(:? ?[-\u2212\u2013] ?\$\d|:? \(-\$\d| (was |has been )?applied\b)"
)


# The subscriber's own offer in a transaction ("your offer on 12 Elm St was accepted", "your job
# offer letter", "the counter offer was sent") is an account event, not a promotion.
_OWN_OFFER_BEFORE_RE = re.compile(
    r"(?i)\b(your|job|counter|purchase|the seller's|buyer's|your (lease )?renewal|your lease|"
    r"your trade-?in|your admission|your settlement|your employment|your scholarship|"
    r"your buyout) $"
)
_OWN_OFFER_AFTER_RE = re.compile(
    r"(?i)^[^.!?]{0,30}\b(accepted|received|sent|signed|approved|declined|countered|"
    r"under review|letter|ready to sign|expired unsigned|ready to review|is ready|"
    r"(is )?valid (until|through)|of \$\d|for (unit|apt|suite|\d))"
)


# "Did you buy 4 tickets?", "you bought", "we buy back": a purchase the subscriber (or the
# business) made, asked about or confirmed, is an account event; "Buy now" is an offer.
_SUBJECT_BEFORE_RE = re.compile(
    r"(?i)\b(you|i|we|they|he|she|did|didn't|didnt|who|that|which|to help you|(used|attempt\w*|"
    r"tried|trying|try) to|(order|request|bid|trade|instruction)s? to)\s+$"
)
_BUY_OFFER_AFTER_RE = re.compile(
    r"(?i)\s+(now|today|one|online|yours|more|any|before|\d|two|three|a \w+,? get|"
    r"[\w ]{0,30}\bget (one|\d|a)\b)"
)
# A segment in Spanish (or another language) is judged on its own words: "su tour sale a las
# 8am" is "leaves", not a sale. English words that are Spanish ones do not promote there.
_SEGMENT_SPLIT_RE = re.compile(r"[/|.!?\n]")


def _segment(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in _SEGMENT_SPLIT_RE.finditer(text, 0, start)), default=0)
    right = _SEGMENT_SPLIT_RE.search(text, end)
    return text[left : right.start() if right else len(text)]


_SPANISH_PROMO_RE = re.compile(
    r"(?i)\b(descuentos?|ofertas?|promoci[oó]n(es)?|gratis|especiales|rebajas?|liquidaci[oó]n|"
    r"\d+\s?%|cup[oó]n(es)?|compra (ya|ahora|hoy))\b"
)


def _reads_foreign(segment: str) -> bool:
    words = re.findall(r"\w+", segment.lower())
    english = sum(w in _ENGLISH for w in words)
    foreign = sum(w in _FOREIGN for w in words)
    accented = bool(re.search(r"[ñáéíóú¿¡]", segment.lower()))
    return (foreign > english and foreign >= 1) or (accented and english == 0)


# A code message that goes on to pitch ("Tip: lock in a fixed bill with Level Pay - enroll at
# …", "New: turn on Savings"): AWS and Twilio treat any upsell in a 2FA message as a mismatch.
_CODE_PITCH_RE = re.compile(
    # a postscript to a code is a pitch: a code needs no "P.S."
    r"(?i)\bp\.s\.\s|"
    # "Btw, you have $142 ready - tap Transfer to get it instantly for $2.99"
    r"\b(btw|by the way|fyi)\b[,:]?[^.!?]{0,100}\b(tap|get|try|upgrade|add|turn on|switch|join|"
    r"enroll|transfer)\b|\b(get it|instantly|today) for \$\d|"
    r"\b(tip|p\.?s\.?|psst|new|did you know|good news)\b\s*[:!-][^.!?]{0,80}\b(enroll|sign up|"
    r"switch on|turn on|upgrade|try|join|lock in|apply|save|earn|approved|spend\w*)\b|"
    # a call to book, shop or enrol with a date or a link ("Schedule your flu shot today at
    # …", "Shop partner stores at …"): not the code's business
    r"\b(schedule|book|shop|enroll|sign up|apply|buy|order|upgrade|switch)\b[^.!?]{0,80}\b(today|"
    r"now|this (week|month))\b|\b(shop|book|schedule|enroll|apply|buy|order)\b[^.!?]{0,60}\b(at|"
    r"on) [\w.-]+\.[a-z]{2,24}/|"
    # a price per period beside a code is a plan being sold ("membership … for $19/mo")
    r"\$\d[\d,.]*\s*(/|per |a )\s*(mo|month|yr|year|wk|week)\b"
)
_PUBLIC_HEALTH_RE = re.compile(
    r"(?i)\b(vaccin\w*|vacun\w*|vaksen|shots?|flu|grip|gripe|screenings?|testing|tests?|"
    r"klinik|cl[ií]nicas?|clinics?|immuni[sz]\w*|naloxone|narcan)\b"
)
_REDUCED_PRICE_MEALS_RE = re.compile(
    r"(?i)\b(gratis o (a )?precio reducido|free (or|and|/) reduced(-| )price|reduced-price meals)\b"
)
_SLIDING_SCALE_RE = re.compile(
    r"(?i)\b(sliding[- ](fee|scale)|escala m[oó]vil|tarifa (reducida|m[oó]vil)|financial "
    r"assistance|charity care|asistencia financiera)\b"
)


def _promotion(text: str) -> str | None:
    """The first promotional wording in a notification, outside a merchant's name, the
    subscriber's own offer or purchase in a transaction, and a non-English segment's own
    words."""
    for match in _PROMO_RE.finditer(text):
        word = match.group(0)
        before, after = text[: match.start()], text[match.end() :]
        if word.isupper() and (
            _MERCHANT_BEFORE_RE.search(before)
            or (_AMOUNT_BEFORE_RE.search(before) and _CHARGE_AFTER_RE.match(after))
        ):
            continue
        lower = word.lower()
        if lower == "sale" and (
            _SALE_DEAL_BEFORE_RE.search(before)
            or _SALE_DEAL_AFTER_RE.match(after)
            or (re.search(r"(?i)\b(the|your) $", before) and re.match(r"(?i) price\b", after))
        ):
            continue
        if _ALREADY_USED_AFTER_RE.match(after):
            continue
        if lower in ("clearance", "deal", "deals", "sale") and _DEPARTMENT_AFTER_RE.match(after):
            continue
        if lower == "deal" and _OWN_DEAL_AFTER_RE.match(after):
            continue
        if lower.startswith("free trial") and (
            _OWN_TRIAL_RE.search(before) and _TRIAL_ENDS_AFTER_RE.match(after)
        ):
            continue
        if lower in ("discount", "discounts") and _APPLIED_DISCOUNT_AFTER_RE.match(after):
            continue
        if lower in ("gratis", "free") and _REDUCED_PRICE_MEALS_RE.search(text):
            continue  # free or reduced-price school meals: a benefit approved, not an offer
        if _SLIDING_SCALE_RE.search(_segment(text, match.start(), match.end())):
            continue  # a sliding-fee discount is the patient's eligibility, not an offer
        if word.lower() == "buy" and (
            _SUBJECT_BEFORE_RE.search(before) or not _BUY_OFFER_AFTER_RE.match(after)
        ):
            # "buy" sells only as a call ("Buy one, get one", "buy now", "buy 2 for $5"); "a
            # charge to buy gift cards" describes a transaction.
            continue
        segment = _segment(text, match.start(), match.end())
        if _reads_foreign(segment) and not _SPANISH_PROMO_RE.search(word):
            continue
        if (
            word.lower() in ("offer", "offers")
            and _OWN_OFFER_BEFORE_RE.search(before)
            and _OWN_OFFER_AFTER_RE.match(after)
        ):
            continue
        return word
    return None


def _content_fields(c: CampaignContent) -> list[tuple[str, str]]:
    return [(n, t) for n, t in c.text_fields() if n not in ("optoutMessage", "helpMessage")]


# A law office defending people against debt collectors, garnishment or foreclosure is legal
# representation, not debt relief (Twilio's forbidden categories name debt relief and credit
# repair services, not the lawyers of the people sued).
_DEBT_DEFENCE_RE = re.compile(
    r"(?i)\b(defen[cs]e|defend\w*|represent\w*|lawsuits?|sued|court|hearings?|legal (aid|help|"
    r"services|representation)|attorneys?|lawyers?|law (office|firm))\b"
)
_DRUG_WORDS_RE = re.compile(
    r"(?i)(cannabis|marijuana|cocaine|heroin|meth|fentanyl|kratom|opioid|thc)"
)
_DEBT_WORDS_RE = re.compile(r"(?i)garnish|debt|collection|creditor|foreclos|bankrupt")


def _sentence(text: str, start: int) -> str:
    sentence_start = max(text.rfind(mark, 0, start) for mark in ".!?\n;") + 1
    ends = [i for i in (text.find(mark, start) for mark in ".!?\n;") if i != -1]
    return text[sentence_start : min(ends) if ends else len(text)]


def _negated_or_defended(text: str, start: int) -> bool:
    if _negated(text, start) or _quitting(text, start):
        return True
    if _DRUG_WORDS_RE.match(text, start) and RECOVERY_SENTENCE_RE.search(_sentence(text, start)):
        return True  # "counselling for alcohol, cannabis or other substance use"
    word = text[start : start + 25]
    return bool(_DEBT_WORDS_RE.search(word) and _DEBT_DEFENCE_RE.search(_sentence(text, start)))


def _quitting(text: str, start: int) -> bool:
    """A tobacco or vape word in a sentence about quitting it."""
    word = text[start : start + 12].lower()
    return any(
        w in word for w in ("vap", "tobacco", "nicotine", "cig", "smok", "e-juice")
    ) and bool(CESSATION_SENTENCE_RE.search(_sentence(text, start)))


def _clause_negated(text: str, start: int) -> bool:
    """Negated in its own clause: "without the waitlist: GLP-1 pens from $249" still sells."""
    clause = max(text.rfind(mark, 0, start) for mark in ".!?\n;:,") + 1
    return _negated(text[clause:], start - clause)


@checks("S9")
def no_shaft_c_or_banned_content(c: CampaignContent):
    if c.brand.vertical == "GAMBLING":
        # The brand says its business is gambling, which no US route carries whatever the
        # messages say (Twilio's forbidden categories and 30461).
        yield Hit("The brand's vertical is gambling, a business carriers do not allow.", "usecase")
        return
    names = [n for n in (c.brand.display_name, c.brand.company_name) if len(n) > 3]
    for name, text in _content_fields(c):
        text = without_names(text, names)  # "Poker Face Salon" names a business, not its trade
        for pattern, negated in (
            (BANNED_RE, _negated_or_defended),
            (RESTRICTED_RE, lambda t, i: _clause_negated(t, i) or _quitting(t, i)),
        ):
            match = next((m for m in pattern.finditer(text) if not negated(text, m.start())), None)
            if match:
                yield Hit(
                    f"{name} mentions “{match.group(0)}”, content carriers do not allow.", name
                )
                break
    yield from _paid_entry_prizes(c)
    yield from _tobacco_promotion(c)


# Gambling is a prize, chance and consideration together (Twilio 30461; CTIA): a contest whose
# entries are paid ("each entry $2", "billed to your carrier", "$5 per play", "buy more
# chances") with a prize to win is a lottery, not a free sweepstakes, whatever it is called.
_PAID_ENTRY_RE = re.compile(
    r"(?i)(?<!\w)((each|per|every|an?|one) (entry|entries|play|chance|ticket|text entry|try|pick)"
    r"\s*(is|costs?|=|:|for|at)?\s*\$\d|\$\d+(\.\d\d)?\s*(per|an?|each|/|for (an?|one|each))\s*"
    r"(entry|play|chance|try|text|pick|ticket)|entr(y|ies) (costs?|are|is|fees?)\s*(of\s*)?\$?\d|"
    r"(billed|charged|added) to your (carrier|phone|wireless|mobile|cell)( \w+)?|premium (sms|text|"
    r"rate)|pay(s|ing)? (\$\d+ )?to (enter|play)|(buy|purchase) (more |extra |additional |\d+ )?"
    r"(entries|chances|plays|raffle tickets))"
)
# Chance, not only a prize: a race or a golf tournament with an entry fee and prizes for the
# best is a contest of skill; a drawing, a raffle, a "shot at" a sum or a paid play is chance.
_PRIZE_CHANCE_RE = re.compile(
    r"(?i)\b(jackpot|drawings?|drawn|draw|raffles?|random\w*|lottery|lotto|shot at|chances?|"
    r"lucky|sweepstakes|50/50|pot|instant win|scratch\w*|spins?|per play|a play|each play)\b"
)
_FREE_ENTRY_RE = re.compile(
    r"(?i)\b(no purchase (is )?necessary|free to (enter|play)|free entr(y|ies)|no entry fee)\b"
)


def _paid_entry_prizes(c: CampaignContent):
    for name, text in _content_fields(c):
        paid = _PAID_ENTRY_RE.search(text)
        if (
            paid
            and not _negated(text, paid.start())
            and _PRIZE_CHANCE_RE.search(text)
            and not _FREE_ENTRY_RE.search(text)
        ):
            yield Hit(
                f"{name} offers a prize for paid entries (“{paid.group(0)}”): prize, chance and "
                "a price to enter make it gambling, which carriers do not allow.",
                name,
            )
            return


# Tobacco may be promoted by text over short codes only (AWS's age-gate guide); on 10DLC the
# stricter providers treat its promotion as not approvable, even behind a date-of-birth gate. A
# clinic's quit-smoking program or a tobacco-free campus notice is not promotion.
_TOBACCO_RE = re.compile(
    r"(?i)\b(tobacco|cigars?|cigarillos?|cigarettes?|snuff|snus|chew(ing)? tobacco|"
    r"nicotine pouches|nic pouches|pouch(es)? flavors|hookah|shisha|humidors?|smoke ?shops?)\b"
)
_CESSATION_RE = re.compile(
    r"(?i)\b(quit\w*|cessation|stop smoking|smoke-?free|tobacco-?free|nicotine-?free|"
    r"free of tobacco|no smoking|non-?smoking|ban(s|ned)?|prevention|prevent\w*|dangers of|"
    r"risks of)\b"
)


def _tobacco_promotion(c: CampaignContent):
    texts = [("description", c.description), *c.filled_samples]
    promotional = c.usecase in ("MARKETING", "MIXED") or any(
        _PROMO_RE.search(t) for _, t in c.filled_samples
    )
    if not promotional:
        return
    names = [n for n in (c.brand.display_name, c.brand.company_name) if n]
    for name, text in texts:
        text = without_names(text, names)
        found = _TOBACCO_RE.search(text)
        if (
            found
            and not _negated(text, found.start())
            and not _CESSATION_RE.search(text)
            and not in_a_title(text, found)
        ):
            yield Hit(
                f"{name} promotes tobacco (“{found.group(0)}”): carriers approve tobacco "
                "promotion on short codes only, not on 10DLC, even behind an age gate.",
                name,
            )
            return


@checks("S10")
def no_lead_generation_or_affiliate_marketing(c: CampaignContent):
    for name, text in _content_fields(c):
        found = _affirmed(_AFFILIATE_RE, text) or _affirmed(LEAD_GEN_RE, text)
        if found:
            # AWS rejects affiliate marketing and lead generation and marks it not
            # resubmittable; a bare "affiliates" (a parent company's) is only a warning.
            strong = found.strip().lower() not in ("affiliate", "affiliates")
            yield Hit(
                f"{name} mentions “{found}”, which reads as lead generation or affiliate "
                "marketing.",
                name,
                Severity.ERROR if strong else None,
            )


@checks("S11")
def samples_differ_and_no_text_is_reused_across_fields(c: CampaignContent):
    filled = c.filled_samples
    for i, (name_a, a) in enumerate(filled):
        for name_b, b in filled[i + 1 :]:
            a_norm, b_norm = _norm(a), _norm(b)
            matcher = difflib.SequenceMatcher(None, a_norm, b_norm)
            if a_norm == b_norm or (matcher.quick_ratio() >= 0.9 and matcher.ratio() >= 0.9):
                # Samples must be distinct real messages (Twilio 30893, AWS
                # CAMPAIGN_TEMPLATE_REUSE): copies are rejected.
                yield Hit(f"{name_b} is (nearly) the same as {name_a}.", name_b, Severity.ERROR)
    seen: dict[str, str] = {}
    for name, text in c.text_fields():
        key = _norm(text)
        if (
            len(key) >= 20
            and key in seen
            and not (name.startswith("sample") and seen[key].startswith("sample"))
        ):
            yield Hit(f"{name} repeats the text of {seen[key]}.", name)
        seen.setdefault(key, name)


@checks("S12")
def fields_are_in_english(c: CampaignContent):
    for name, text in c.text_fields():
        if not _is_english(text):
            yield Hit(f"{name} does not read as English.", name)


_ACCOUNT_STATE_RE = re.compile(
    r"(?i)your (account|card) (has been |is )?(locked|suspended|disabled|frozen)"
)


# A threat to the account with a deadline, beside a link ("your account will be suspended
# within 24 hours unless you confirm…", "will be closed today, log in now at…"), and a request
# for credentials by text or link ("reply with your password", "confirm your card number and
# PIN at…") are what phishing does (CTIA 5.4; banks tell customers they never ask for these).
_NOTICE_RE = re.compile(r"(?i)final notice|urgent:|before it expires")
_THREAT_RE = re.compile(
    r"(?i)\b(will|may) be (permanently )?(suspended|closed|locked|disabled|deactivated|"
    r"terminated|frozen|restricted)\b"
)
_DEADLINE_RE = re.compile(
    r"(?i)\b(unless|within \d+|today|immediately|right away|now|in \d+ (hours?|days?)|"
    r"if you (do not|don't|fail to))\b"
)
_CREDENTIAL_RE = re.compile(
    r"(?i)\b(reply (back )?with|text (us|back)|send (us|back)?|provide|confirm|share|give us|"
    r"enter|verify|update) (us )?your (full |complete |online banking )?(card number|"
    r"debit card number|pin|password|passcode|ssn|social security( number)?|cvv|cvc|"
    r"security code|account number|routing number|login (details|credentials)|"
    r"(user ?name|username) and password)\b(?! (change|reset|update|was|has|is))|"
    r"\b(reply|text|send)\b[^.!?\n]{0,20}\b((3|three|4|four)-digit (security )?code|code on the "
    r"back|cvv|cvc|expiration date)\b"
)


def _credential_request(text: str, linked: bool) -> str | None:
    for match in _CREDENTIAL_RE.finditer(text):
        verb = (match.group(1) or "").lower()
        # "update your password at our site" after a breach is advice; asking for it back by
        # text, or for a card number or PIN anywhere, is the request itself.
        if verb in ("enter", "verify", "update") and "password" in match.group(0).lower():
            continue
        if verb in ("enter", "verify", "update", "confirm") and not linked:
            continue
        if not _negated(text, match.start()):
            return match.group(0)
    return None


@checks("S13")
def links_stay_on_the_brand_domain_and_read_honestly(c: CampaignContent):
    """Phishing-style wording, and links to a domain other than the brand's website (a public
    shortener is S6's), are what carriers' filters and reviewers treat as phishing."""
    home = registrable_domain(_domain(c.brand.website)) if c.brand.website else ""
    for name, text in c.filled_samples:
        # "Your card is locked" after the customer's own "NO", with no link to follow, is the
        # fraud alert itself; account-threat wording with a link, or a prize, is what
        # phishing looks like (CTIA 5.4).
        linked = has_link(text, _domain(c.brand.website) if c.brand.website else "")
        wording = next(
            (
                m.group(0)
                for m in PHISHING_RE.finditer(text)
                # "We will never text you a link asking you to verify your account" warns of
                # phishing; it does not do it.
                if (linked or not _ACCOUNT_STATE_RE.fullmatch(m.group(0)))
                # A utility's or a library's "FINAL NOTICE" that names itself and sends
                # nowhere (a phone on its line, "return it to any branch") is the notice
                # itself; one that hides its sender or sends to a link reads as phishing.
                and (
                    linked or not _NOTICE_RE.fullmatch(m.group(0)) or not names_brand(text, c.brand)
                )
                and not _negated(text, m.start())
            ),
            None,
        )
        threat = _THREAT_RE.search(text) if linked else None
        if (
            not wording
            and threat
            and _DEADLINE_RE.search(text)
            and not _negated(text, threat.start())
        ):
            wording = threat.group(0)
        wording = wording or _credential_request(text, linked)
        if wording:
            yield Hit(f"Sample {name[-1]} reads like phishing (“{wording}”).", name)
            continue
        for url in _urls(text):
            domain = _domain(url)
            if not domain or _SHORTENER_RE.search(url):
                continue
            # An unsecured link is refused even on the brand's own domain (Twilio 30892).
            if url.lower().startswith("http://"):
                yield Hit(
                    f"Sample {name[-1]} links over http:// ({url}); use https://.",
                    name,
                )
                break
            if home and registrable_domain(domain) != home:
                yield Hit(
                    f"Sample {name[-1]} links to {domain}, not to the brand's own website "
                    f"({home}).",
                    name,
                )
                break
