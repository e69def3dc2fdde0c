"""Matching helpers and vocabularies the rule families share: brand names, links, phone
numbers, negation, keyword and phrase lists."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from compliance.checks.content import BrandContext
from compliance.checks.engine import Hit, Severity

# --- Text helpers --------------------------------------------------------------------------

_WORD_RE = re.compile(r"[a-z0-9]+")
_LEGAL_SUFFIX_RE = re.compile(
    r"\b(llc|l l c|inc|incorporated|corp|corporation|co|company|ltd|limited|llp|lp|pllc|pc|pa|"
    r"plc|gmbh|dba)\b"
)
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TLDS = (
    "com|net|org|io|co|us|biz|info|app|ly|gl|gd|link|site|shop|store|online|health|care|edu|"
    "gov|ai|dev|xyz|page|club|ca|tv|me|church|agency|coop|services|tech|cloud|media|studio|"
    "travel|law|dental|realty|events|farm|fit|golf|salon|spa|vip|pro|academy|clinic|finance"
)
# Matched against one whitespace-free token at a time (see _urls): searching whole texts with
# these patterns backtracks quadratically on inputs like "a.a.a.a…".
_URL_TOKEN_RE = re.compile(
    rf"(?i)(?:https?://|www\.)[^\s<>\"']+|(?:[a-z0-9-]+\.)+(?:{_TLDS})\b(?:[/?#][^\s<>\"']*)?"
)
_EDGE_PUNCTUATION = "()[]{}<>\"'“”‘’,;:!?."
_LINK_PLACEHOLDER_RE = re.compile(
    r"(?i)[\[{<][^\]}>]{0,30}\b(link|url|website)\b[^\]}>]{0,30}[\]}>]"
)
# (ASCII only before it: "请致电415-752-0388" has a number after a Chinese character)
_PHONE_RE = re.compile(
    r"(?<![0-9A-Za-z_])(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)"
)
_PHONE_PLACEHOLDER_RE = re.compile(r"(?i)[\[{<][^\]}>]{0,30}(\b|_)phone(\b|_)[^\]}>]{0,30}[\]}>]")

URL_SHORTENERS = (
    "bit.ly",
    "bitly.com",
    "bitly.is",
    "tinyurl.com",
    "tiny.cc",
    "tiny.one",
    "goo.gl",
    "ow.ly",
    "t.co",
    "is.gd",
    "v.gd",
    "buff.ly",
    "rebrand.ly",
    "rebrandly.com",
    "cutt.ly",
    "shorturl.at",
    "shorturl.com",
    "rb.gy",
    "t.ly",
    "bl.ink",
    "s.id",
    "short.io",
    "short.cm",
    "shorte.st",
    "adf.ly",
    "bit.do",
    "lnkd.in",
    "db.tt",
    "qr.ae",
    "cur.lv",
    "ity.im",
    "q.gs",
    "po.st",
    "bc.vc",
    "u.to",
    "j.mp",
    "x.co",
    "tr.im",
    "snip.ly",
    "clck.ru",
    "soo.gd",
    "gg.gg",
    "kutt.it",
    "dub.sh",
    "spoo.me",
    "urlz.fr",
    "0rz.tw",
    "tinu.be",
    "lnk.to",
    "trib.al",
    "shor.by",
    "bitly.ws",
    "zpr.io",
    "surl.li",
    "t2m.io",
    "mcaf.ee",
    "su.pr",
    "fb.me",
    "youtu.be",
    "amzn.to",
    "wp.me",
    "1url.com",
    "rotf.lol",
    "yourls.org",
    "hubs.ly",
    "hubs.la",
)
_SHORTENER_RE = re.compile(
    r"(?i)(?<![\w.-])(?:https?://)?(?:www\.)?("
    + "|".join(re.escape(d) for d in URL_SHORTENERS)
    + r")(?![\w-])(?:/\S*)?"
)


def _norm(text: str) -> str:
    """Lower-case words only: "&" and "and" read alike, as do "Mark's" and "Marks"."""
    text = re.sub(r"['’]s\b", "s", text.lower())
    return " ".join(w for w in _WORD_RE.findall(text) if w != "and")


def _contains_phrase(haystack: str, needle: str) -> bool:
    """Whole-word containment on normalised text."""
    return bool(needle) and f" {needle} " in f" {haystack} "


def _domain(url: str) -> str:
    url = url.strip().lower()
    if not url:
        return ""
    if "://" not in url:
        url = "//" + url
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # "[" and other malformed netlocs
        return ""
    return host.removeprefix("www.")


def registrable_domain(host: str) -> str:
    """The part of a host a business registers ("shop.example.com" → "example.com")."""
    labels = [label for label in host.lower().split(".") if label]
    return ".".join(labels[-2:])


def _brand_terms(brand: BrandContext) -> list[str]:
    """Normalised names a sample may use to identify the brand (name, legal name, domain)."""
    terms = set()
    for name in (brand.display_name, brand.company_name):
        norm = _norm(name)
        terms.add(norm)
        terms.add(" ".join(_LEGAL_SUFFIX_RE.sub(" ", norm).split()))
    domain = _domain(brand.website)
    if domain:
        terms.add(_norm(domain))
        label = domain.split(".")[0]
        if len(label) >= 4:
            terms.add(label)
    return sorted(t for t in terms if len(t) >= 3)


# Words that alone never identify a business.
_GENERIC_WORDS = frozenset(
    [
        "the",
        "and",
        "of",
        "a",
        "an",
        "my",
        "our",
        "your",
        "city",
        "first",
        "new",
        "best",
        "home",
        "homes",
        "group",
        "services",
        "service",
        "center",
        "care",
        "health",
        "auto",
        "dental",
        "clinic",
        "realty",
        "company",
        "team",
        "shop",
        "store",
        "club",
        "studio",
    ]
)


def _short_forms(brand: BrandContext) -> set[str]:
    """Distinctive short forms a reader recognises: the first word of a name when it is not a
    generic word ("Evergreen" for Evergreen Landscaping), and the first two words."""
    forms = set()
    for name in (brand.display_name, brand.company_name):
        words = _LEGAL_SUFFIX_RE.sub(" ", _norm(name)).split()
        # A government goes by its place ("Port Alder" for the City of Port Alder): the words
        # after "City of", "Town of", "County of" are the name; "city of" alone names nobody.
        if len(words) >= 3 and words[0] in _JURISDICTION_WORDS and words[1] == "of":
            place = " ".join(words[2:])
            if len(place) >= 4:
                forms.add(place)
            continue
        if len(words) >= 2:
            forms.add(" ".join(words[:2]))
            if len(words[0]) >= 4 and words[0] not in _GENERIC_WORDS:
                forms.add(words[0])
        # A place before the name is often dropped ("Cardinal Boosters" for Westfield Cardinal
        # Boosters), unless what is left is generic ("National Bank").
        if (
            len(words) >= 3
            and len(words[1]) >= 5
            and words[1] not in _GENERIC_WORDS
            and words[1] not in _PLACE_GENERIC_WORDS
        ):
            forms.add(" ".join(words[1:3]))
        # The owner's name in a possessive brand ("Lupe" for Lupe's Taco Truck): "I'm Lupe".
        owner = re.match(r"\s*([A-Za-z]{4,})['’]s\b", name or "")
        if owner and owner.group(1).lower() not in _GENERIC_WORDS:
            forms.add(owner.group(1).lower())
    return forms


_PLACE_GENERIC_WORDS = frozenset(
    [
        "national",
        "american",
        "united",
        "community",
        "federal",
        "state",
        "county",
        "family",
        "general",
        "medical",
        "public",
        "regional",
        "central",
        "global",
        "valley",
        "river",
        "north",
        "south",
        "east",
        "west",
        "mountain",
        "coast",
        "capital",
        "first",
        "metro",
        "premier",
    ]
)
_JURISDICTION_WORDS = frozenset(
    ["city", "town", "county", "village", "borough", "township", "state", "parish", "port"]
)


_UNIT_WORDS = frozenset(["local", "chapter", "branch", "lodge", "post", "no", "unit", "district"])
_ACRONYM_SKIP = frozenset(["of", "the", "and", "for", "a", "an", "at", "de", "la", "el"])


def _initialisms(brand: BrandContext) -> set[str]:
    """The initials a business goes by ("GLFCU" for Great Lakes Federal Credit Union, also when
    the display name is "Great Lakes FCU"): the first letter of each word, an all-capitals word
    of the name kept whole. Three letters or more, so that initials alone are distinctive."""
    forms = set()
    for name in (brand.display_name, brand.company_name):
        words = _LEGAL_SUFFIX_RE.sub(" ", re.sub(r"[^\w\s]", " ", name or "")).split()
        words = [w for w in words if w.lower() not in _ACRONYM_SKIP]
        if len(words) < 2:
            continue
        initials = "".join(w if w.isupper() and 2 <= len(w) <= 5 else w[0] for w in words)
        if len(initials) >= 3:
            forms.add(initials.lower())
        # "ITWU Local 614" for Ironbridge Transit Workers Union Local 614: the initials of the
        # words before a unit word or a number.
        head = []
        for w in words:
            if w.isdigit() or w.lower() in _UNIT_WORDS:
                break
            head.append(w)
        if 3 <= len(head) < len(words):
            forms.add("".join(w[0] for w in head).lower())
    return forms


def _abbreviates(tag: str, name: str) -> bool:
    """Whether each word of a sender tag starts the matching word of the name ("Cap Hill
    Ortho" for "Capital Hill Orthodontics"), in order, covering most of the name."""
    tag_words, name_words = tag.split(), name.split()
    if len(tag_words) < 2 or len(tag_words) > len(name_words):
        return False
    return all(n.startswith(t) for t, n in zip(tag_words, name_words, strict=False))


def names_brand(text: str, brand: BrandContext) -> bool:
    """Whether a reader knows who is sending: the display or legal name (any case, with or
    without its legal suffix, "&" or "and", possessives), the website's domain, a distinctive
    short form, or an abbreviation of the name as the message's sender tag."""
    norm = _norm(text)
    squashed = norm.replace(" ", "")
    for term in {*_brand_terms(brand), *_short_forms(brand)}:
        if _contains_phrase(norm, term):
            return True
        if len(term) >= 6 and term.replace(" ", "") in squashed:
            return True  # "SweetCrumbs" for "Sweet Crumbs"
    initials = _initialisms(brand)
    if initials and any(word in initials for word in norm.split()):
        return True
    tag = _norm(text.split(":", 1)[0]) if ":" in text[:40] else ""
    return bool(tag) and any(
        _abbreviates(tag, _LEGAL_SUFFIX_RE.sub(" ", _norm(name)))
        for name in (brand.display_name, brand.company_name)
        if name
    )


def _brand_known(brand: BrandContext) -> bool:
    return bool(_brand_terms(brand))


def _tokens(text: str, marker: str) -> Iterator[str]:
    for token in text.split():
        if marker in token and len(token) <= 500:
            yield token.strip(_EDGE_PUNCTUATION)


def _emails(text: str) -> list[str]:
    return [t for t in _tokens(text, "@") if _EMAIL_RE.fullmatch(t)]


# A card alert prints the merchant as the statement does: "a purchase at BESTBUY.COM".
_MERCHANT_DESCRIPTOR_BEFORE_RE = re.compile(r"(?i)\b(at|from|with|by)\s+$")


def _urls(text: str) -> list[str]:
    found = []
    for token in _tokens(text, "."):
        if "@" in token:
            continue  # an email address, not a link
        at = text.find(token)
        if (
            token.strip(_EDGE_PUNCTUATION).isupper()
            and "/" not in token
            and _MERCHANT_DESCRIPTOR_BEFORE_RE.search(text, 0, max(at, 0))
        ):
            continue  # a merchant descriptor in capitals, not a link
        match = _URL_TOKEN_RE.match(token)
        if match:
            found.append(match.group(0))
    return found + [m.group(0) for m in _SHORTENER_RE.finditer(text)]


# A host with a path on any top-level domain ("harbormuseum.art/tidewater", "walks.pet/42"): the
# path makes it a link whatever the TLD, which the fixed list above cannot know in full.
_PATH_LINK_RE = re.compile(r"(?i)(?:[a-z0-9-]+\.)+[a-z]{2,24}/[^\s<>\"']*")


def has_link(text: str, domain: str = "") -> bool:
    """Whether the text carries a link: a URL on a known TLD, any host with a path, a link
    placeholder, or the brand's own website domain (`domain`) on whatever TLD it is."""
    if _urls(text) or _LINK_PLACEHOLDER_RE.search(text):
        return True
    for token in _tokens(text, "."):
        if "@" in token:
            continue
        host = token.lower().split("/", 1)[0]
        if _PATH_LINK_RE.fullmatch(token) or (
            domain and (host == domain or host.endswith("." + domain))
        ):
            return True
    return False


def has_phone(text: str) -> bool:
    return bool(_PHONE_RE.search(text) or _PHONE_PLACEHOLDER_RE.search(text))


def _has_contact(text: str, domain: str = "") -> bool:
    return bool(_emails(text) or has_phone(text) or has_link(text, domain))


def _search(pattern: re.Pattern, text: str) -> str | None:
    match = pattern.search(text)
    return match.group(0) if match else None


def without_names(text: str, names: Iterable[str]) -> str:
    """text without the brand's own names: "Reel Deal Guide" is not a deal, "Tobacco Road Cafe"
    sells no tobacco and "Acme Delivery" sends no deliveries by being so called."""
    for name in names:
        if name:
            text = re.sub(re.escape(name), " ", text, flags=re.IGNORECASE)
    return text


def _negated(text: str, start: int) -> bool:
    """Whether the match at `start` is denied in its own sentence ("we never share your number
    with lenders", "margaritas sin alcohol"), however far the negation is from the word."""
    sentence_start = max(text.rfind(mark, 0, start) for mark in ".!?\n;") + 1
    before = text[sentence_start:start].lower().replace("’", "'")
    # A negation inside a relative clause ("operators who have not joined yet, we also load
    # …") denies that clause, not the word.
    # (it ends at a comma or at the main verb: "residents who have not enabled texts in the
    # portal are enrolled through the lease")
    before = re.sub(
        r"\b(who|that|which)( \w+)? (not|never|n't)\b[^,]*?(,|(?= (are|is|get|gets|will be|were|"
        r"was) ))",
        " ",
        before.replace("n't", " not"),
    )
    # A coordinate clause after ", and that" or ", but" starts afresh ("your pharmacy records are
    # never used for marketing, and that members' numbers are provided to vendor partners").
    before = re.split(r",\s*(and that|but|while|whereas|although)\s", before)[-1]
    # A purpose before the main clause ("To make sure no family misses a reminder, the box is
    # already ticked"; "So guests don't miss the gate code, the box comes ticked") is not it.
    before = re.sub(
        r"(^|(?<=[\s'\"“”]))(to make sure|to ensure|so that|so|in order that)\b[^,]*?(,|(?= the "
        r"(box|checkbox|toggle|option|field) ))",
        " ",
        before,
    )
    # "When no mobile number is in the file we obtain one from …": the condition's negation
    # does not reach the main clause.
    before = re.sub(
        r"\b(when|if|where|whenever) (there is |there's )?(no|not|never)\b[^,]*?(,|(?= (we|they|"
        r"it|our|staff) ))",
        " ",
        before,
    )
    # "Nothing is pre-checked", "none are shared": a negating pronoun right before the word
    # (not one far back in the sentence: "so nobody misses a closure, everyone is added").
    if re.search(r"\b(nothing|none|nobody|no one|neither)\b[^,]{0,40}$", before):
        return True
    return bool(
        re.search(
            r"\b(not|never|no|isn't|aren't|won't|don't|doesn't|didn't|can't|cannot|wouldn't|"
            r"without|nor|sin|non|free of|alcohol-free|nunca|jamás|stopped (carrying|selling|"
            r"stocking|offering)|ban|bans|banning|prohibit|prohibits|prohibiting|outlaw)\b",
            before,
        )
    )


def _affirmed(pattern: re.Pattern, text: str, unless=None) -> str | None:
    """The first match of pattern that is not negated ("never pre-checked") and that the
    rule's own exception (`unless(text, match)`) does not excuse."""
    for match in pattern.finditer(text):
        if not _negated(text, match.start()) and not (unless and unless(text, match)):
            return match.group(0)
    return None


def _length_hits(name, text, low, high, warn_above=None, label=None) -> Iterator[Hit]:
    label = label or name
    n = len(text)
    if not text:
        yield Hit(f"{label} is empty; it needs {low}–{high} characters.", name)
    elif n < low:
        yield Hit(f"{label} has {n} characters; it needs at least {low}.", name)
    elif n > high:
        yield Hit(f"{label} has {n} characters; the maximum is {high}.", name)
    elif warn_above and n > warn_above:
        yield Hit(
            f"{label} has {n} characters: above Telnyx's {warn_above} for updates, and more than "
            "one SMS segment (160 GSM-7 or 70 UCS-2 characters each).",
            name,
            Severity.WARNING,
        )


# --- Vocabulary ----------------------------------------------------------------------------

# Opt-out and help keywords in English and Spanish (CTIA: the program's language).
OPT_OUT_WORDS = ("STOP", "END", "CANCEL", "UNSUBSCRIBE", "QUIT", "STOPALL", "ALTO", "PARAR")
_OPT_OUT_UPPER_RE = re.compile(
    r"\b(STOP|END|CANCEL|UNSUBSCRIBE|QUIT|STOPALL|ALTO|PARAR|CANCELAR)\b"
)
_OPT_OUT_PHRASE_RE = re.compile(
    r"(?i)\b(reply|text|txt|send|respond|msg|message|responda|env[ií]e|escriba)\s+(with\s+)?"
    r"[\"'“]?(stop|end|cancel|unsubscribe|quit|stopall|alto|parar|cancelar)\b"
    # The keyword in lower case with what it does: "reply help for help, stop to cancel",
    # "alto para cancelar" (END is left out: "end to end" is not an opt-out).
    r"|(?i:\b(stop|cancel|unsubscribe|quit|alto|parar)\s+(to|para)\s+(cancel|opt[- ]?out|"
    r"unsubscribe|stop|end|quit|cancelar|salir|detener|dejar de recibir|darte de baja))\b"
)
_GLUED_TOKEN_RE = re.compile(r"\b[A-Z0-9]*(?:STOP|END|CANCEL|UNSUBSCRIBE|QUIT)[A-Z0-9]*\b")
_HELP_RE = re.compile(
    r"\b(HELP|AYUDA)\b|(?i:\b(reply|text|txt|send|responda)\s+[\"'“]?(help|ayuda)\b)"
)
_RATES_RE = re.compile(
    r"(?i)\b(msg|message|text|sms)s?\s*(&|and|\+|/)\s*data\s*(rates?|charges?)\b"
    r"|tarifas de mensajes|pueden aplicar(se)? tarifas|aplicar(se)? tarifas"
    r"|tarifas (de|por) (mensajes|datos)"
    r"|\bmsg\s*&\s*data\b|\bdata rates may apply\b|\bcarrier (charges|rates|fees) may apply\b"
    r"|\bstandard (messaging|text(ing)?|sms|message) (and data )?rates\b"
    # Spanish wording of the same disclosure with any charge noun (AWS, CTIA): "pueden aplicar
    # cargos por mensajes y datos", "costos estándar de mensajes", "msjs y datos".
    r"|\b(tarifas|cargos|costos|cobros)( estándar| normales)? (de|por|del?) (mensajes?|msjs?|sms|"
    r"textos?|datos)\b|\b(mensajes?|msjs?|textos?|sms) (y|&) datos\b"
)
_FREQUENCY_RE = re.compile(
    r"(?i)\b(msg|message)s?\s*(freq|frequency)\b|\bfrequency\b|\brecurring\b|\b\d+\s*(msgs?|"
    r"messages?|texts?)\s*(/|per|a|each)\s*(day|week|wk|month|mo|year)\b|\bone[- ]time\b"
    r"|\b(up to|about)\s+\d+\s*(msgs?|messages?|texts?)\b|\b(msgs?|messages?)\s+vary\b"
    r"|\b(daily|weekly|monthly)\b|\b(approx\.?|approximately|around|~)\s*\d+"
    r"|\b\d+\s*(-|to)\s*\d+\s*(msgs?|messages?|texts?)\b|\b(msgs?|messages?|texts?)\s+per\b"
    r"|\ba few (texts|messages|msgs)\b|\bfrecuencia\b|\bmsjs?/mes\b|\bmensajes al mes\b"
    # "up to 4/month", "about 2 per month", "2-4 per month", "1-2/week", "~4/mo", "a few per
    # ticket": a count per period or per event, with or without the word "messages".
    # (never a price: "$4.99/month", "$10 per week").
    r"|((?<![$\d.,])\b\d+|\ba few)\s*((-|–|to)\s*\d+\s*)?(/|\bper\b|\ba\b|\beach\b)\s*"
    r"(day|week|wk|month|mo|year|yr|order|visit|appointment|ticket|booking|stay|delivery|request|ri"
    r"de|job)s?\b"
    # "up to 6 sale & new-arrival texts a month": a count, a few words, then the texts.
    r"|(?<![$\d.,])\b\d+\s*((-|–|to)\s*\d+\s*)?([\w&-]+\s+){1,3}(msgs?|messages?|texts?|alerts?|"
    r"updates?|reminders?|notices?)\s*(/|\bper\b|\ba\b|\ban\b|\beach\b|\bevery\b)\s*(day|week|"
    r"wk|month|mo|year|yr)\b"
    # "one reminder per appointment", "two texts a week", "1 code each sign-in".
    r"|\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)\s+(\w+\s+)?"
    r"(msgs?|messages?|texts?|alerts?|reminders?|notifications?|updates?|codes?)\s*(/|per|a|an|"
    r"each|every)\s*\w+"
    r"|\b(msg|message|text) (volume|count) varies\b|\bnumber of (msgs|messages|texts) (varies|"
    r"depends)\b"
    # Event-driven programs say when messages come: "codes are sent only when requested",
    # "alerts only on security events", "a code each time you sign in".
    r"|\b(sent|texted|go(es)? out|alerts?|codes?|messages?|msgs?|texts?)\b[^.;]{0,25}\bonly "
    r"((are |is )?(sent|texted|go(es)? out) )?(when|on|if|after|for)\b"
    r"|\b(each|every) time (you|they|a user|the user|someone) (sign|log|request)"
    # "Msgs sent when you sign in", "alerts sent only if activity is flagged", "texts go out
    # whenever a sailing changes": the event is the frequency (CTIA: frequency may be stated as
    # the trigger for transactional programs).
    r"|\b(msgs?|messages?|texts?|alerts?|codes?|notices?|notifications?|reminders?)( are| is)?"
    r"( only)? (sent|texted|delivered|go(es)? out|arrive|come)( only)? (when|whenever|if|upon|"
    r"after|before|on|per|each|every)\b"
    # "you get a code whenever you sign in", "you'll receive one reminder before each visit".
    r"|\b(get|receive|gets|receives) (a|one|an|1) (\w+ )?(code|text|alert|message|msg|reminder|"
    r"notice|notification) (whenever|when|each time|every time|each|per|before|after|for each)\b"
    # "texts as needed", "alerts sent when needed": a transactional program's frequency.
    r"|\b(msgs?|messages?|texts?|alerts?|notices?|notifications?|reminders?)( are| is)?( sent)? "
    r"(as|when|only as) (needed|necessary|required)\b"
    # "…Only when activity needs review.", "Only when a change is requested": the disclosure's
    # own sentence that says the trigger; "alerts triggered by account activity".
    r"|(^|(?<=[.!?:;'\"“(])|(?<=[.!?:;'\"“(] ))only (when|whenever|if|upon|after|on)\b"
    r"|\b(sent|triggered|texted|delivered) (by|on|upon|based on) (your |account |security )*"
    r"(activity|events?|changes?|requests?|transactions?)\b"
    # A count per any occasion: "2-4 per session", "about 3-6 per trip", "4-8 per season",
    # "1-2 mensajes por orden"; never a price ("$10 per month").
    r"|(?<![$\d.,])\b\d+\s*((-|–|to)\s*\d+\s*)?((msgs?|messages?|texts?|alerts?|reminders?|"
    r"mensajes?|msjs?|txts?|sms|avisos?|notices?|updates?|notifications?)\s*)?(/|\bper\b|\beach\b|"
    r"\bevery\b|\bpor\b)\s*[a-záéíóúñ][\w-]*"
    # "about 4 auction announcements/mo": a count, words, then a plural per period
    r"|(?<![$\d.,%])\b\d+\s*((-|–|to)\s*\d+\s*)?([\w&-]+\s+){1,3}[a-z]+s\s*(/|\bper\b|\ba\b|\ban\b|"
    r"\beach\b|\bevery\b)\s*(day|week|wk|month|mo|year|yr)\b"
    # A count of any kind of message per period: "up to 3 deals/mo", "4 promos a month",
    # "2 tips per week" (never a price: "$5/mo", "20% off/mo" has no count of messages).
    r"|(?<![$\d.,%])\b(up to |about |around |~|max(imum)? |no more than )?\d+\s*"
    r"((-|–|to)\s*\d+\s*)?[a-z]+s\s*(/|\bper\b|\ba\b|\beach\b|\bevery\b)\s*(day|week|wk|month|mo|ye"
    r"ar|yr)\b"
    # The same in Spanish: "hasta 3 promos/mes", "2 avisos por semana".
    r"|(?<![$\d.,%])\b\d+\s*((-|–|a)\s*\d+\s*)?[a-záéíóúñ]+s\s*(/|\bpor\b|\bal\b|\ba la\b|\bcada\b)"
    r"\s*(mes|semana|d[ií]a|año)\b"
    # "few msgs/mo", "some texts per week": an unnumbered count per period.
    r"|\b(few|some|occasional)\s+(msgs?|messages?|texts?|alerts?)\s*(/|per|a|each)\s*(day|week|wk|"
    r"month|mo|year|yr)\b"
    # A count of times per period, spelled out: "a few times a month", "twice a week", "once
    # per season", "dos veces al mes", "una vez por semana".
    r"|\b(once|twice)\s+(a|per|each|every)\s+(day|week|month|year|season|quarter)\b"
    r"|\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|a couple( of)?)"
    r"\s+times\s+(a|per|each|every)\s+(day|week|wk|month|mo|year|season|quarter)\b"
    r"|\b(una vez|(\d+|dos|tres|cuatro|cinco|algunas|varias|pocas) veces)\s+(al|a la|por|cada)\s+"
    r"(día|dia|semana|mes|año|temporada)\b"
    # "2x a month", "3x/week": the same count with the multiplication sign.
    # Abbreviated and Spanish message nouns: "3 txts/wk", "2 msjs por semana".
    r"|\b(\d+|a few)\s*(txts?|msjs?|mensajes?|sms)\s*(/|per|a|each|por|al|a la|cada)\s*(day|week|"
    r"wk|month|mo|year|semana|mes|día|dia|año)\b"
    r"|\b\d+\s*x\s*(a|per|each|every|/)\s*(day|week|wk|month|mo|year|season)\b"
    # Event-driven wording: the message and its trigger ("one text when your order is ready",
    # "reminders before each appointment", "a notice after every visit").
    r"|\b(one|a|an|1)\s+(text|msg|message|alert|reminder|notice|notification|code)\s+(when|"
    r"whenever|once|before|after)\b"
    r"|\b(msgs?|messages?|texts?|alerts?|reminders?|notices?|notifications?)\s+(before|after|"
    r"ahead of)\s+(each|every|your|an?)\s+\w"
    # A program with an end says its count in all: "usually 3-8 total", "about 6 texts in all",
    # "no more than 10 messages in total" (never a price: "$40 total").
    r"|(?<![$\d.,])\b\d+\s*((-|–|to)\s*\d+\s*)?((msgs?|messages?|texts?|alerts?|updates?|"
    r"reminders?|notices?)\s+)?(total|in (all|total))\b"
)
# Recovery from a substance is care, not sale: "adults recovering from alcohol and opioid use",
# "working on alcohol, cannabis or other substance use", "a sober-living home".
RECOVERY_SENTENCE_RE = re.compile(
    r"(?i)\b(recover(y|ing)( from)?|rehab\w*|detox\w*|sobriety|sober|addiction|use disorders?|"
    r"substance (use|abuse)|alcoholics anonymous|al-anon|(alcohol|drinking) (use|abuse|"
    r"dependence|problems?)|counsel\w* (program|sessions?|for)|treatment (program|for))\b"
)
# A drink's name in a quoted title ("your hold 'Bourbon Empire' is ready"): a book, a film or a
# song, not a drink for sale.
_TITLE_CONTEXT_RE = re.compile(
    r"(?i)\b(holds?|books?|titles?|novels?|authors?|borrow\w*|check(ed)?[- ]?out|due|renew\w*|"
    r"films?|movies?|screenings?|albums?|songs?|reading|book club|library|curtain|shows?|"
    r"musicals?|plays?|performances?|matinees?|cast|rehearsals?|auditions?|concerts?|tickets?|"
    r"productions?|theat(er|re)s?|stage|lectures?|talks?|exhibits?|exhibitions?|museums?|"
    r"prohibition|histor(y|ic|ical)|"
    r"documentar(y|ies)|podcasts?|episodes?)\b"
)


# A capitalised event that sells the drink is no title: "Friday Night Bourbon Tasting".
_DRINK_EVENT_AFTER_RE = re.compile(
    r"(?i)\s*\b(tastings?|flights?|pairings?|specials?|nights?|hour|dinners?|fest\w*|tours?|bar|"
    r"club|crawl|social|pours?|release|sampler|class|brunch|happy)\b"
)


def in_a_title(text: str, match: re.Match) -> bool:
    """A word inside a title of a book, a show, a lecture or an exhibition (quoted, or a run of
    capitalised words) when the text is about such a work: named, not sold."""
    # an unquoted title in capitals ("see you tonight for Annie Get Your Gun!")
    words = re.findall(r"[A-Z][\w'’]*", text[max(0, match.start() - 40) : match.end()])
    run = re.search(r"(?:\b[A-Z][\w'’]*\s+){2,}$", text[: match.start()])
    if (
        run
        and match.group(0)[:1].isupper()
        and len(words) >= 3
        and not _DRINK_EVENT_AFTER_RE.match(text, match.end())
        and not _DRINK_EVENT_AFTER_RE.search(run.group(0))
    ):
        return bool(_TITLE_CONTEXT_RE.search(text))  # "… Gun! Curtain 7:30"
    quoted = [
        m
        # (an apostrophe inside a word, "America's", does not close the quote)
        for m in re.finditer(r"(?<!\w)['‘\"“]([A-Z].{2,100}?)['’\"”](?!\w)", text)
        if m.start() < match.start() < m.end()
    ]
    return bool(quoted) and bool(_TITLE_CONTEXT_RE.search(text))


# Quitting is not buying: "stop smoking, vaping or chewing tobacco", "toss the vape pods",
# "free nicotine patches" (a public-health quit program sells and promotes nothing).
CESSATION_SENTENCE_RE = re.compile(
    # (a prevention workshop teaches the dangers; it sells nothing)
    r"(?i)\b(quit\w*|cessation|prevention|dangers of|stop (smoking|vaping|using)|smoke-?free|"
    r"tobacco-?free|"
    r"vape-?free|nicotine (replacement|patch(es)?|gum|lozenges?)|toss|throw (out|away)|cravings?)\b"
)


# Phishing-style wording: account threats, prizes and credential requests (CTIA 5.4; AWS).
PHISHING_RE = re.compile(
    r"(?i)\b(your (account|card) (has been |is )?(locked|suspended|disabled|frozen)|"
    r"verify your (identity|account)|confirm your (identity|account details)|"
    r"(click|tap) here to (reactivate|unlock|verify|claim)|final notice|urgent:|"
    r"you('ve| have) (been selected|won)|congratulations!? you|claim (it |your \w+ )?now|"
    r"before it expires|offer expires today|\bact now\b|pay the \$?\d+ \w+ fee)"
)
# Political content (TCR: only the POLITICAL use case, with a Campaign Verify token).
POLITICAL_RE = re.compile(
    r"(?i)\b(elect\b|re-?elect|for (city |county |state |u\.?s\.? )?(council|mayor|senate|"
    r"congress|governor|commissioner|sheriff|school board|assembly|legislature|"
    r"attorney general|district attorney)\b|for (the )?(state|u\.?s\.?) house\b|"
    r"alder(man|woman|person|men|women)\b|"
    # an endorsement of a named officeholder or candidate
    r"endorse[sd]? (rep\.?|representative|sen\.?|senator|gov\.?|governor|mayor|councilmember|"
    r"council member|judge|commissioner|candidate)\b|"
    # (a debate tournament's "ballot table" and judges' ballots are not elections)
    r"(?<!debate )(?<!judges' )(?<!judge's )ballot(?! tables?\b)|measure [a-z0-9]+\b|"
    r"election( day)?|chip in \$?\d+|campaign (contribution|donation)|pac\b|"
    r"get out the vote|polls (open|close)|precinct|vote (yes|no) on (question |prop(osition)? |"
    r"measure |amendment |issue )?[a-z0-9]+\b|(question|proposition|amendment) \d+ would|"
    # "vote for" or "candidate" count only beside a political word ("vote for December's pie",
    # "job candidates" are not politics).
    r"(vote (for|yes|no)|candidates?)\b(?=[^.!?]{0,80}\b(election|ballot|office|council|mayor|"
    r"senate|congress|governor|district|party|democrat\w*|republican\w*|polls?|precinct|"
    r"campaign|prop(osition)? \w+|measure)\b))"
)
_PROMO_RE = re.compile(
    r"(?i)\b\d+\s?%\s?off\b|\$\d+\s?off\b|\bsale\b|\bdiscounts?\b|\bcoupons?\b|"
    r"\bpromo(?:tion|tions|code|s)?\b|\bdeals?\b|\bshop now\b|\bbuy\b|\blimited[- ]time\b|"
    r"\bclearance\b|\bbogo\b|\boffers?\b|\bprice drop\b|\bact fast\b|\bhurry\b|"
    r"\bbeat any\b|\bflash sale\b|\bsave (?:up to|big|\d|\$)|\bfree (?:shipping|gift|"
    r"delivery|item|dessert|drink|coffee|trial|sample)s?\b|\bnew arrivals?\b|\bexclusive\b|"
    r"\bspecials\b|\bdescuentos?\b|\bofertas?\b|\bpromoci[oó]n(es)?\b|\bgratis\b|"
    r"\bespeciales\b|"
    # An upsell tacked onto a code or a notice (AWS USE_CASE_MISMATCH; DCA2 602).
    r"\bupgrade (now |today )?to [\w ]{0,25}\b(pro|premium|plus|gold|platinum|unlimited)\b|"
    r"\b(get|enjoy|try) (\d+|one|two|three|a) (free )?(months?|weeks?) (free|on us)\b|"
    r"\b\d+ (months?|weeks?) free\b|\brefer a friend\b|"
    r"\b(first|1st) (month|week|year|\d+ days) (is )?(free|on us)\b|"
    r"\bshop (our|the) (new|latest|summer|winter|spring|fall|holiday)\b|\bcheck out our new\b|"
    # A price cut as "less": "20% less on all boots", "$40 less through Sunday", "for $40 less"
    # (a bill that is "20% less than last month" compares; it does not sell).
    r"(\b\d+ ?%|\$\d[\d,]*) less (on (all|every|any|select|our|your next)|today|tonight|"
    r"this (week|weekend)|through|thru|until|till)\b|\bfor (\d+ ?%|\$\d[\d,]*) less\b|"
    # A product pitched after the alert ("Did you know our Cash Back Visa earns 2%?").
    r"\bdid you know (about )?(our|that our|we (now )?offer)\b|"
    r"\bearns? \d+(\.\d+)? ?% (cash ?back|back|on every\w*)\b|"
    r"\bget \d+(\.\d+)? ?% (cash ?back|back)\b|"
    r"\bcash ?back (credit card|card|visa|mastercard|rewards)\b|"
    # An add-on pitched at a price ("add our plan for only $9/mo"), a trial to start ("try Plus
    # free for 30 days"), a call to upgrade, a points bonus (AWS USE_CASE_MISMATCH; DCA2 602).
    r"\bfor (just|only) \$\d|\bfree for (\d+|one|two|three|a) (days?|weeks?|months?)\b|"
    r"(?<!your )\bupgrade (now|today)\b|"
    # a limit or a perk unlocked, shopping called for with a time ("Shop 0% interest at 300+
    # stores this weekend")
    r"\byou['’]ve unlocked (a |an )?(higher|bigger|new|more|extra|bonus)\b|"
    # a bonus for opening an account ("open a Saver by 3/31 and we'll drop in $50")
    r"\bwe['’]ll (drop in|add|deposit|give you|credit you|throw in) \$\d|\b\d+(\.\d+)? ?% apy on\b|"
    # a product pitched to qualify for, a priced add-on, a reply to buy ("Add IDShield Plus for
    # $8.99/mo. Reply SHIELD to enroll")
    r"\bsee if you (pre-?)?qualify\b|\badd [\w+ -]{1,40}\bfor \$\d|\breply [A-Z]{2,}\w* to (enroll|"
    r"upgrade|add|join|buy|subscribe)\b|"
    # a fee waived to sell an add-on ("with no setup fee through June"), "want X too?"
    r"\b(no|zero|\$0) (setup|set-up|activation|installation|enrollment|sign-?up) fees?\b|"
    r"\bwant [\w ]{1,30} too\?|"
    # a code for the next order ("Use code KNOTS on your next order for free garlic knots")
    r"\buse (the )?(promo )?code (?-i:[A-Z][A-Z0-9]{2,})\b|"
    r"(\boff|\bfree|\bdiscount|\bsave)\b[^.!?]{0,30}"
    r"\bon your next (order|purchase)\b|\bon your next (order|purchase)\b[^.!?]{0,30}\b(for|get) "
    r"(a )?(free|\d+ ?%|\$\d)|"
    # a giveaway ("tour it this month and take home a free cookbook")
    r"\b(take home|grab|claim|win) (a |an |your )?free\b|"
    r"(^|(?<=[.!?:] ))shop\b[^.!?]{0,80}\b(this (weekend|week|month)|today|tonight|now|during)\b|"
    r"\bearn (double|triple|bonus|extra|\d+x|\d[\d,]* bonus) (points|miles|rewards|stars)\b|"
    r"\bbonus (points|miles)\b|\bget [\d,]+ (bonus )?(points|miles)\b|"
    # A card or membership pitched ("apply for our new travel card", "join Plus for $4.99/mo"),
    # a price cut spelled out ("half price", "save an extra 25%"), a text to redeem ("mention
    # this text for a free upgrade").
    r"\bapply for our (new )?[\w ]{0,20}\bcard\b|\bjoin [\w ]{1,30} for (just |only )?\$\d|"
    r"\bhalf[- ](price|off)\b|\bsave (an )?(extra|additional) (\d|\$)|\bfree upgrades?\b|"
    r"\b(mention|show) this (text|message|sms) (for|to get|and get|to save|to receive)\b|"
    # A spend threshold, a new collection, a deposit account pitched with its yield.
    r"\bspend \$\d+ (more )?(and|to) (get|save|earn|receive|unlock)\b|"
    r"\bfree (express|standard|2-day|next-day|overnight) shipping\b|"
    r"\b(our|the) (new |latest )?(summer|winter|spring|fall|holiday) collection\b|"
    r"\bearn (up to )?\d+(\.\d+)? ?% (apy|interest)\b|\bopen an? (new )?[\w ]{0,15}\baccount "
    r"(today|now)\b|"
    # A product of the brand's pitched with its rate ("P.S. our 13-month CD is earning 4.10%
    # APY right now"), an event to ask about, a time-boxed trade-in or credit towards a
    # purchase ("get up to $3,000 over book value toward a new Tacoma this month only").
    r"\b(our|the|a) [\w -]{0,30}\b(cds?|certificates?|savings|account|money market|card)\b"
    r"[\w ]{0,20}\b(is |are )?(earning|paying|offering|earns|pays|at) (up to )?"
    r"\d+(\.\d+)? ?% apy\b|"
    r"\b(savings|cds?|certificates?|money market|account)\b[\w ]{0,20}\b(now )?(earning|paying|"
    r"earns|pays) (up to )?\d+(\.\d+)? ?% apy\b|"
    r"\b(is|are|now|only) just \$\d|\breg(\.|ularly)? \$\d|\badd (it|one|this|them) to your "
    r"(visit|order|appointment|cart|booking|stay)\b|"
    r"\bask about our\b[^.!?]{0,40}\b(event|sale|special|offer|promotion|card|plan|deal|"
    r"program|trade[- ]?(in|up)|rates?|financing|membership|package)s?\b|"
    r"\b(this|that) (month|week|weekend) only\b|\btoday only\b|"
    r"\bget up to \$[\d,]+ (off|over|toward|towards|back|in trade|for your trade)\b|"
    r"(?<!your )\btrade[- ]?(up|in) (event|bonus|special)s?\b"
)
_CODE_RE = re.compile(
    r"(?<![\d$.,])\d{4,8}(?![\d,.]?\d)|(?i:[\[{<][^\]}>]{0,20}\b(code|otp|pin)\b)"
)
_NOTIFICATION_USECASES = {
    "2FA",
    "ACCOUNT_NOTIFICATION",
    "DELIVERY_NOTIFICATION",
    "FRAUD_ALERT",
    "SECURITY_ALERT",
    "PUBLIC_SERVICE_ANNOUNCEMENT",
}

# Content carriers refuse whatever the use case (SHAFT-C and high-risk finance): Twilio's
# forbidden message categories (help.twilio.com/articles/360045004974) and its errors 30949
# (debt reduction or consolidation), 30870 (credit repair), 30863 (third-party debt
# collection), 30461 (gambling: casino apps, sweepstakes, betting and picks); AWS's age-gate
# guide (registration-help-optin-agegate: direct firearms sales, vapes and cannabis are not
# approvable even behind a date-of-birth gate); Bandwidth/DCA2 701-70x. Whole words; a word
# that is also harmless ("payday" from an employer's payroll, "debt" on a bank statement, a
# "casino night" fundraiser) counts only in the phrase that makes it the business.
BANNED_RE = re.compile(
    r"(?i)\b(cannabis|cannabidiol|cbd|thca?|marijuana|hemp[- ]derived|"
    r"hemp (extracts?|oils?|flower|gummies|products?|tinctures?)|full[- ]spectrum (extracts?|"
    r"oils?|gummies|tinctures?)|delta[- ]?(8|9|10)|dispensar(y|ies)|"
    r"casinos?(?![- ](night|nights|themed|theme|party|parties|royale (night|party)))"
    # a casino as the workplace of those texted ("hotel and casino food-service workers")
    r"(?![- ]([\w-]+ ){0,2}(workers?|employees|staff|jobs?|shifts?|union|members))|gambl\w*|"
    r"sweeps(takes)? (casinos?|slots?|gaming|coins?|cash)|social casinos?|social slots?|"
    r"slots? apps?|free[- ]to[- ]play (slots?|casino\w*)|spin (the )?(new )?[\w ]{0,20}\bslots?\b|"
    r"online (casinos?|slots|gaming|poker|betting|sportsbooks?)|skill[- ](based )?(games?|gaming)|"
    r"real[- ]money (games?|gaming|play|prizes)|fish (tables?|games?)|(free|bonus) spins|"
    r"slot (games?|play)|daily fantasy|wager\w*|odds boosts?|"
    r"sports ?betting|sportsbook|place (a|your) bets?|poker|slot machines?|"
    r"payday (loans?|advances?|lenders?|lending|cash)|cash advances?|"
    # a quick loan offered to someone short on cash (a pawn shop's own loan reminders are
    # servicing, not this): "short on cash before the 1st? … walk out with a loan in 15 minutes"
    r"(short|tight|low) on (cash|money)\b[^.\n]{0,100}\b(loans?|borrow\w*|advances?)|"
    r"(walk out|leave|get|take home) with (a |an )?([\w-]+ )?(loan|cash)\b[^.!?\n]{0,30}\bin "
    r"\d+ (minutes|mins|hours)|(cash|car|auto) title loans?|"
    r"title loans?|short[- ]term (loans?|lending|cash|installment loans?)|"
    r"high[- ]interest (loans?|lending|installment loans?)|bad credit (loans?|ok|okay|welcome)|"
    r"loans? for (people with )?bad credit|(fast|quick) cash|instant loans?|"
    r"cash (loans?|until payday)|until (your )?(next )?payday|guaranteed (approval|loans?)|"
    r"payday(?![- ]free)\b[^.!?\n]{0,60}\b(borrow\w*|advances?)|"
    r"(borrow\w*|lend\w* you)\b[^.!?\n]{0,60}\bpayday|hemp[- ](infused|based)|"
    r"(cash|money|\d+) (before|until|till) (your )?(next )?(payday|paycheck)|"
    r"crypto(currency|currencies)?|bitcoin|btc|nft drops?|"
    r"token listings?|just listed, trade|debt (relief|settlement|forgiveness|reduction|"
    r"consolidation|resolution|negotiation|elimination)|settle (your )?debts?|"
    r"debt management (plans?|programs?)|pre-?settlement (funding|loans?|advances?|cash)|"
    r"refund (anticipation loans?|advances?)|"
    r"lawsuit (funding|loans?|cash advances?)|"
    r"consolidate (your |their |all )?(\w+ )?(debts?|credit cards?|bills)|"
    r"(reduce|lower|cut|eliminate|erase|wipe out) (your |their )?(total )?(unsecured )?debts?|"
    r"debt collect(ion|or|ors) (agency|agencies|services?)|collections? agency|"
    r"attempt to collect a debt|(accounts?|balances?|debts?) (is |are )?placed with us|"
    r"places? (a |an |the |their )?"
    r"([\w-]+ ){0,2}accounts? with us|placed (with us )?for collection|"
    r"pennies on the dollar|tax (debt )?relief|wage garnish\w*|credit repair|fix (your|my) credit|"
    r"repair (your|their) credit|credit (restoration|fix|fixing|sweep|clean-?up)|"
    r"remove negative items|negative items (were |have been |are )?removed|"
    r"remove (late payments|collections|charge-?offs)|"
    r"improve (your|their) credit scores?|boost your (credit )?score|no credit check|"
    r"(buy|order|shop|purchase) (a |your |new |our )?(guns?|firearms?|rifles?|pistols?|"
    r"handguns?|shotguns?|ar-?15s?|ammo|ammunition)|(guns?|firearms?|rifles?|pistols?|"
    r"handguns?|shotguns?|ammo|ammunition) (for sale|in stock|on sale|restock\w*|"
    r"just arrived|now available)|firearms? (dealers?|retailers?|stores?|shops?)|"
    r"gun (shops?|stores?|dealers?)|ffl transfers?|e-?juices?|"
    # ("Keystone recruiters" fill jobs: recruiting people to sell or to join a team is MLM)
    r"be your own boss|recruit(ing|s)? (\w+ ){0,2}(distributors?|consultants|reps|"
    r"people to (join|sell)|your friends|friends and family)|business opportunity|"
    # earnings tied to the people one recruits ("earn on every friend you recruit", "team bonus
    # unlocks at 5 recruits")
    r"(earn|bonus|commission)\w*[^.!?\n]{0,40}\brecruit\w*|\d+ recruits\b|friends? you recruit|"
    r"commissions? on (everyone|every)|"
    r"earn \$[\d,]+\+?\s*(/|a |per )?(month|mo|week)|build(ing)? your (team|downline)|"
    # Multi-level marketing (AWS disallowed content; Twilio forbidden categories): recruiting
    # into a downline, a paid starter kit to join a team.
    r"downlines?|uplines?|join my (team|business|tribe)|(bonus(es)?|commissions?) on (everyone|"
    r"every (one|person)|the people) you (bring|recruit|sign)|(bring|recruit|sign) (\w+ ){0,2}"
    r"onto your team|powerball|mega ?millions|lottery tickets?|scratch-?offs?|scratchers|"
    r"jackpot is \$|starter kit[^.!?\n]{0,40}\b(team|earn\w*|"
    r"business)|(team|earn\w*|business)[^.!?\n]{0,40}\bstarter kit|"
    # A raffle whose tickets are bought is a lottery (prize + chance + consideration; AWS and
    # Twilio 30461: raffles and sweepstakes with paid entry).
    r"(?<=\$)\d+[^.!?\n]{0,25}\braffle tickets?|raffle tickets?\b[^.!?\n]{0,40}\d+ for \$\d+|"
    r"(buy|purchase|get) (your |a |more |\d+ )?raffle tickets?|"
    r"(?<!you )bets?|betting|parlays?|sweeps coins|slots? (tournaments?|machines?)|spin now|"
    r"vapes?|vaping|vapor|e-?liquids?|e-?cigs?|disposables?|mod kits?|"
    r"without a (doctor|prescription)|no (doctor|prescription|rx)( visits?)?( or (doctor|"
    r"prescription|rx)( visits?)?)? (needed|required)|"
    r"escorts?|companions? available|discreet and private|pre-?rolls?|edibles|"
    r"cocaine|heroin|meth(amphetamine)?|kratom|"
    # harm reduction hands out test strips; it does not sell the drug
    r"fentanyl(?![- ](test(ing)?|awareness|overdoses?|poisoning|exposure|prevention)\b)|"
    r"psilocybin|magic mushrooms|"
    r"(adult|after[- ]dark|intimate) (toys?|kits?|collections?|products?|wellness)|"
    r"(toys?|lingerie)\b[^.!?\n]{0,40}\b18\+|"
    r"xxx|porn\w*|nudes|onlyfans|sexting|adult (content|entertainment|videos?|dancers?|shows?|"
    r"toys?|products?|boutiques?|novelt(y|ies)|stores?|clubs?)|strip (clubs?|shows?)|"
    r"gentlemen'?s clubs?|exotic dancers?|lap dances?|sex toys?|erotic\w*|x-rated|"
    r"white power|racial slurs?|"
    # Paid-entry pools are gambling (prize + chance + consideration; Twilio 30461 "betting and
    # picks"): a buy-in or entry fee with a pot or cash prize, whatever the sport around it.
    r"\$?\d+ buy-?ins?|buy-?ins?\b[^.!?\n]{0,60}\b(pot|cash prizes?|payouts?|winners?)|"
    r"winners? takes? (the pot|all)|(paid|cash)[- ]entry (pools?|contests?|brackets?)|"
    r"(pick'?em|pickem|betting|survivor|squares|office|football|bracket) pools?\b[^.!?\n]{0,60}"
    r"\b(cash prizes?|pots?|payouts?|buy-?ins?|entry fees?)|"
    r"entry fees?\b[^.!?\n]{0,60}\b(pot|cash prizes?|payouts?)|"
    r"pools?\b[^.!?\n]{0,60}\$\d+ entr(y|ies)|(half|rest|share)( of)? the pot|"
    r"(?<=\$)\d+ (a|per) (square|entry|pick|team|box)\b[^.!?\n]{0,80}\b(pot|cash|prizes?|payouts?)|"
    r"(?<=\$)\d+ (entry|to enter)\b[^.!?\n]{0,60}"
    r"\b(the pot|payouts?)|"
    # Debt settlement worded as care for enrolled clients (Twilio 30949; AWS high-risk finance).
    r"(settlement|agreement)s?( \w+){0,2} with (your |the |their )?creditors?|enrolled debts?|"
    r"settled for (less|\d+ ?% of)|settlement with [^.!?\n]{0,30}\bless than your (enrolled )?"
    r"balance|enrolled accounts? (are |is )?(negotiated|settled|resolved)|"
    r"creditors? (agreed|accepted) (to settle|a settlement)|"
    r"creditors? (accepted|agreed to|approved) (our|the|a|your) (\w+ )?(offer|settlement|"
    r"reduced (balance|amount|payoff))|"
    r"settlement program|(program|settlement|escrow) deposits? (for|toward|into) (your )?"
    r"(settlements?|program)|"
    # A balance negotiated down by a third party is debt settlement, however it is worded:
    # "we negotiated your Capital card from $8,400 to $3,900" (Twilio 30949).
    r"(negotiat|settl)\w* (your |the |a |an )?([\w'&-]+ ){0,3}(cards?|balances?|debts?|"
    r"accounts?|loans?|collections?|bills?)\b[^.!?\n]{0,15}\bfrom \$[\d,.]+ (down )?to \$[\d,.]+|"
    r"(program|settlement|escrow) deposits? (for|toward|into) (your )?"
    r"(settlements?|program)|negotiat\w* [\w' ]{0,40}\b(balances?|debts?)( \w+)? down|"
    r"(balances?|debts?) (was |were |has been |have been )?(negotiated|settled) (down|for less)|"
    r"settle[sd]? (your |the )?[\w' ]{0,25}\b(balances?|accounts?|debts?) for (less|\d+ ?%)|"
    # Credit repair worded as dispute updates (Twilio 30870).
    r"(collections?|charge-?offs?|late payments?|negative (items?|accounts?|marks?)|"
    r"hard inquir(y|ies)|repossessions?)( accounts?)? (were|was|have been|has been|got) "
    r"(removed|deleted)|(removed|deleted) from your (experian|equifax|transunion|credit) "
    r"(report|file)|credit (file|report|bureau) disputes?|round \d+ (of )?disputes|"
    r"(challeng|disput)\w* [\w ]{0,30}\b(with|at) (experian|equifax|transunion|the (credit )?"
    r"bureaus?)|"
    r"(late payments?|collections?|charge-?offs?|negative (items?|accounts?|marks?)|inquiries|"
    r"repossessions?)[^.!?\n]{0,40}\b(off|from) your (credit )?(report|file)|"
    r"disputes? (to|with) (experian|equifax|transunion|the (credit )?bureaus?)|"
    # Firearm and ammunition sales (AWS age-gate guide: not approvable even behind a gate).
    r"(firearms?|guns?|rifles?|pistols?|handguns?|shotguns?|ammo|ammunition) (arrivals?|deals?|"
    r"restocks?|prices?|drops?)|new (firearm|gun|rifle|pistol|handgun|shotgun)s? (arrivals?|in)|"
    r"(rifles?|pistols?|handguns?|shotguns?|guns?|firearms?) (from|starting at|for) \$\d|"
    r"\d+ ?% off (all |select |our |every )?([\w-]+ )?(guns?|firearms?|handguns?|rifles?|"
    r"pistols?|shotguns?|ammo|ammunition)|ar-?15 (lowers?|uppers?|rifles?|kits?)|\d+ ?rds\b|"
    r"\d+ rounds? of (\d+mm|ammo)|(glock|sig sauer|smith & wesson|ruger|remington|beretta|"
    r"springfield armory|taurus|mossberg)\b[^.!?\n]{0,40}\b(in stock|on sale|restock\w*|"
    r"just arrived|now available)|"
    r"\d+mm ammo|"
    # consumer fireworks sold (explosives: the stricter providers' prohibited lists)
    r"consumer fireworks|fireworks (outlets?|stands?|tents?|stores?|shops?|superstores?|"
    r"warehouses?|sales?|for sale)|artillery shells|\d+ ?g cakes|firecrackers|roman candles|"
    r"bottle rockets|"
    # the collector's own mini-Miranda
    r"communication from a debt collector)\b(?![- ]free\b)"
)
# Restricted content as businesses word it, beyond the category names (Twilio's forbidden
# message categories: prescription drugs offered without a prescription, compounded and
# weight-loss drugs, peptides; cannabis and psychedelics; vape and nicotine; betting tips and
# fantasy for cash; risk investment and get-rich-quick; debt and tax relief; firearm
# accessories; adult dating). Each alternative names the offer, not a harmless word alone: a
# pharmacy's "your semaglutide refill is ready" and a walk-in clinic's "no appointment needed"
# pass, "semaglutide shipped, no appointment" does not.
_RX_DRUG = (
    r"(semaglutide|tirzepatide|glp-?1s?|ozempic|wegovy|mounjaro|zepbound|phentermine|adderall|"
    r"xanax|oxycodone|oxycontin|percocet|tramadol|valium|vicodin|modafinil|viagra|cialis|"
    r"sildenafil|tadalafil|ed (pills|meds)|testosterone|trt|hcg|peptides?|bpc-?157|tb-?500|"
    r"sarms?|ivermectin|retatrutide|soma|carisoprodol|weight[- ]loss (injections?|shots?|pens?))"
)
RESTRICTED_RE = re.compile(
    r"(?i)\b(compounded (semaglutide|tirzepatide|glp-?1|weight[- ]loss)|"
    r"" + _RX_DRUG + r"\b[^.!?\n]{0,80}\b(no|without( an?)?) (appointments?|prescriptions?|rx|"
    r"scripts?|doctors?|consults?|consultations?|exams?|labs?|office visits?)|"
    r"(no|without( an?)?) (appointments?|prescriptions?|rx|scripts?|doctors?|consults?|"
    r"exams?)\b[^.!?\n]{0,60}\b" + _RX_DRUG + r"|"
    r""
    + _RX_DRUG
    + r"[\w -]{0,20}\b(shipped|delivered|ships|mailed)\b[^.!?\n]{0,20}\b(to your door|monthly|"
    r"discreet\w*|overnight|no)|" + _RX_DRUG + r"[\w -]{0,30}(\b\d+ ?% off|\bfor \$\d|\$\d+ ?"
    r"(/ ?|a |per )(month|mo|week|vial|dose|shot)|\bstarting at \$|\b(first|1st) month)|"
    r"(order|buy) [\w ]{0,15}\b" + _RX_DRUG + r"\b[^.!?\n]{0,20}\bonline|"
    r"(first|1st) (month|dose|shot|injection|vial) of ([\w-]+ )?" + _RX_DRUG + r"|"
    r"" + _RX_DRUG + r"[\w -]{0,30}\b(is |are )?(only|just) \$\d|"
    # an intro price on a drug, a drug shipped to the door ("TRT intro month $129", "ships
    # generic tadalafil troches to your door")
    r"" + _RX_DRUG + r"[\w -]{0,20}\b(intro|introductory|trial|starter|special|first)\b[\w -]{0,15}"
    r"\$\d+|(ships?|shipped|mails?|mailed|delivers?|delivered) (generic |brand(ed)? |compounded )?"
    r"" + _RX_DRUG + r"[^.!?\n]{0,40}\b(to your door|to you|discreet\w*|overnight)|"
    r"" + _RX_DRUG + r"[^.!?\n]{0,60}\b(meds|medication|vials?|pens?) (mailed|shipped|delivered)"
    r" to (you|your (door|home))|"
    r"no (script|rx|prescription)s? (needed|required|necessary)|"
    r"research (use|purposes) only|not for human consumption|sarms|research[- ](grade|"
    r"chemicals?)|no-(rx|script|prescription)\b|"
    r"(indica|sativa|hybrid) strains?|eighths? (for )?\$|(thc|cbd|hemp|delta)[- ]?\w* "
    r"(seltzers?|drinks|beverages|gummies|carts?|vapes?)|live resin|carts? \d+ for|"
    r"live (resin|rosin)|rosin|top[- ]shelf (flower|buds?)|(grams?|ounces?|oz|zips?) of "
    r"(flower|buds?)|(red|green|white|gold) vein|spin (to|and) win|(free |daily |bonus )"
    r"spins? (is |are )?waiting|win up to \$[\d,]+ (in )?cash|turn \$[\d,]+k? into|"
    r"income streams?|budtenders?|(favorite|new|top|exotic) strains|cashed (\d+ of \d+ |\d+ )?"
    r"(plays|picks|bets|tickets|parlays)|(tonight's|today's|daily|vip) (slip|card) (drops|is live|"
    r"is out)|hot (local )?(singles|girls|women|guys)|lonely (singles|women|men|wives)|"
    r"(girls|women|singles|men) (near you|nearby|in your area) (want|are waiting|looking)|"
    r"negotiat\w* with your (credit card companies|creditors|lenders|card issuers|banks)|"
    r"pay less than you owe|"
    r"infused (gummies|pre-?rolls|drinks|beverages|seltzers|chocolates?)|420 (specials?|deals?|"
    r"sales?)|microdos\w*|shrooms?|mushroom (chocolates?|gummies|bars|caps|capsules)|"
    r"dab (rigs?|pens?)|(glass|water) pipes|bongs?|rolling papers|head shops?|"
    r"salt nic|nic salts?|(vape|pod) (juice|pods|systems?)|pod systems?|"
    r"locks? of the (day|week|night)|(vip|premium|expert|daily|tonight's|today's|our) (\w+ )?"
    r"picks (hit|went|are in|cashed)|handicapp\w*|(top|best|free) plays (for|tonight|today)|"
    r"\d+ units?\b[^.!?\n]{0,20}\b(play|on|bet)|take the (over|under)\b|"
    r"fantasy (\w+ ){0,2}(leagues?|contests?)\b[^.!?\n]{0,40}\b(cash|payouts?|prizes?|\$\d)|"
    r"(redeem|cash out|swap)\w* (your )?(gold |sweeps? )?coins (for|into) (cash|prizes|money)|"
    r"skill (machines?|terminals?)|win real (cash|money)|"
    r"forex|fx signals|(trading|trade|options|stock|crypto) (signals|alerts|bots?|systems?|"
    r"rooms?|calls)|"
    r"copy (our |my )?trades|(token|coin) (presales?|launch)|"
    r"(token|coin|crypto\w*|nft)\b[^.!?]{0,40}\bpresale opens|airdrops?|"
    r"\d+x (potential|gains?|returns?)|meme ?coins?|guaranteed (returns?|profits?|income)|"
    r"double your (money|investment)|passive income|financial freedom|get rich|"
    r"(work|working) from home\b[^.!?\n]{0,60}\b(earn|make|\$\d)|"
    r"(earn|make)(s|ing)? \$[\d,]+\+?\s*(/ ?|a |per |every )?(day|daily)\b|"
    r"(earn|make)(s|ing)? \$[\d,]+[^.!?\n]{0,30}\bfrom (home|your phone)|"
    r"mystery shoppers? (earn|wanted|needed|jobs?)|get paid to (shop|take surveys|text)|"
    r"(become|be) a (paid )?mystery shopper|"
    r"(make|earn) (money|cash|income) from (home|your phone|your couch)|stuffing envelopes|"
    r"(student )?loans? ([\w ]{0,30}\b)?(forgiven|forgiveness|discharged?)|"
    r"(forgive|discharge|cancel) your (student )?loans?|"
    r"student loan (relief|forgiveness|discharge|help programs?)|"
    r"offer in compromise|back taxes\b[^.!?\n]{0,60}\b(settle|less|relief|resolve)|"
    r"settle (it|them) for less|(cut|reduce|lower|slash) what you owe|one low monthly payment|"
    r"(got|removed|deleted|took) (\d+ |the |your )?(late payments?|collections?|charge-?offs?|"
    r"inquiries|negative items?)\b[^.!?\n]{0,20}\b(off|from) your (credit )?(report|file)|"
    # (a store that says "we are the original creditor" collects its own accounts)
    r"(?<!we are )(?<!we're )(?<!as )(the |your )?(?<!we are the )(?<!we're the )(?<!as the )"
    r"(?<!is the )(?<!are the )original creditor|"
    r"suppressors?|silencers?|80 ?% (lowers?|frames?|receivers?)|ghost guns?|"
    r"(\d+[- ]round|high[- ]capacity|hi-?cap) (mags|magazines)|holsters?|"
    r"reloading (primers|supplies|components|brass)|primers and brass|"
    r"\d+ ?(mm|gauge|ga|acp|cal|caliber|nato|luger|win|mag)\b[^.!?\n]{0,20}\b\d+ ?(rounds?|rds|"
    r"shells)|sugar (daddy|daddies|baby|babies|dating)|singles in your area)\b"
)
AGE_GATED_RE = re.compile(
    # (beer as an ingredient, "beer cheese" or "beer-battered cod", sells no beer)
    r"(?i)\b(alcohol\w*|(?<!root )beers?(?![- ](cheese|batter\w*|bread|brats?|mustard|can "
    r"chicken))|wines?|winery|liquor|vodka|whiske?y|bourbon|tequila|"
    r"rum|gin|cocktails?|brewery|breweries|happy hour|firearms?|rifles?|pistols?|open bar|"
    r"kegs?|keggers?|beer pong|jello shots|bottle service|"
    r"(domestic|craft|beer|margarita|sangria) (pitchers?|drafts?)|(well|tequila|jell-?o|whiske?y|"
    r"vodka) shots?|margaritas?|mimosas?|sangria|hard seltzers?|bar specials?|"
    r"(?<!glue )(?<!nail )(?<!heat )guns?|"
    r"handguns?|shotguns?|ammo|ammunition|gun shop|tobacco|cigars?|cigarettes?|vapes?|vaping|"
    r"e-?cigs?|e-?liquids?|nicotine|hookah|shisha|"
    # Drinks by their kind, not by the word alcohol (AWS age-restricted content): beer styles on
    # draft, spirits from a distillery, sparkling wine, rice and agave spirits, bottomless brunch.
    r"ipas?|lagers?|stouts?|pilsners?|porters? on (draft|tap)|on draft|tap takeovers?|"
    r"growlers?|craft spirits|distiller(y|ies)|champagne|prosecco|soju|mezcal|"
    r"sake (specials?|flights?|bottles?|tastings?|bombs?)|bottomless (mimosas|drinks|brunch)|"
    r"malbec|pinot( noir| grigio| gris)?|cabernet|merlot|chardonnay|sauvignon blanc|riesling|"
    r"zinfandel)"
    r"\b(?![- ]?free\b)"
)
_LENDING_RE = re.compile(
    r"(?i)\b(loans?|lending|lenders?|mortgages?|refinanc\w*|lines? of credit|credit lines?|"
    r"heloc|personal financing|debt consolidation|(apply|applications?) for (store |in-store )?"
    r"(credit|financing)|credit applications?|financing (available|options?|offers?)|"
    r"pre-?(approved|qualif\w*) for|"
    # Credit offered to the reader: a rate with its term, an approval, financing for a
    # purchase (AWS's direct-lending attribute covers loan arrangement, a dealer's included).
    r"\d+(\.\d+)? ?% apr|apr (financing|for \d+)|(get|getting|gets) (you )?(pre-?)?approved|"
    # ("approval in minutes from a licensed clinician" is a telehealth visit, not credit)
    r"(we )?financ(e|ing) in-house|in-house financing|"
    # an advance repaid later ("a payroll advance of up to $400 … repaid from your next 2
    # paychecks", "cover your rent today and repay in 4 payments")
    r"(payroll|paycheck|wage|salary|rent|earned[- ]wage) advances?|repa(id|y)\w* (from|over|in|"
    r"with) (your )?(next )?\d* ?(easy )?(paychecks?|payments?|installments?)|"
    r"approv(als?|ed) in (minutes|seconds|\d+)(?![^.!?]{0,40}\b(clinician|doctor|physician|"
    r"prescriber|provider|nurse|pharmacist)s?\b)|bad credit|no credit\b|poor credit|"
    r"buy here,? pay here|(auto|car|vehicle|boat|rv|equipment) financing|"
    r"(get|borrow|receive) (up to )?\$[\d,]+k? (deposited|funded|in your account|wired|today|"
    r"tomorrow|fast)|get funded|working capital|business funding|(merchant|equipment) funding|"
    r"financ(e|ing) (for |on )?(your|a|the|any) (new |used )?(car|vehicle|truck|suv|home|"
    r"purchase|boat|rv)|apply (now |today |online )?(for|at) [\w./-]{0,40}financ\w*)\b"
)
# Servicing an existing account or lending a book is not offering a loan (AWS's direct-lending
# attribute is about loan offers): "your loan payment is due", "interlibrary loan".
_LENDING_SERVICE_RE = re.compile(
    r"(?i)\b(inter-?library loans?|loan(ed)? (books?|items?|equipment)|on loan|"
    r"(your|the) (auto |car |home |student |personal )?(loan|mortgage) (payment|statement|payoff|"
    r"balance|account|is due|was (received|posted))|(loan|mortgage) payments? (reminders?|"
    r"received|due|is due|posted)|loan[- ]signing( agents?| appointments?| services?)?|"
    r"refinanc\w*( or purchase)? (closings?|signings?|packages?|documents?|paperwork)|"
    r"(the|your|their) loans? (you|they) (already )?(accepted|took|have|received|signed)|"
    r"(borrowers?|signers?|co-?signers?|names?|everyone) (listed )?on (the|your|this) loan|"
    r"(mortgage|loan|student loan)( interest)? (forms?|statements?|"
    r"interest|documents?|paperwork)|form 1098\w*|1098(-e|-t)?|"
    # Things lent, not money: a medical-equipment loan closet, a tool library, a loaner car
    # ("lends donated wheelchairs free of charge"); a school's required loan counselling is
    # financial-aid paperwork, not an offer of credit.
    # ("equipment loans approved in 24 hours" is a business loan: credit)
    r"([\w-]+ )?loan closets?|(large-print |library |book )?loan (carts?|desks?|periods?|"
    r"collections?|shelf|shelves|kits?)|(tool|gear|book|laptop|device|art|uniform|instrument)"
    r" (loans?|lending)( (program|library|closet|service))?|equipment (loan|lending) (program|"
    r"library|closet)s?|lending (library|closet)|"
    r"loaners?( \w+)?|lends? (out )?(donated |free |used )?([\w-]+ ){0,2}(wheelchairs?|walkers?|"
    r"equipment|tools?|books?|gear|crutches|scooters?|beds?|laptops?|devices?|instruments?)|"
    r"((federal |direct )?(student )?loan )?(entrance|exit) counsel(l)?ing|"
    # Federal student aid is the Department of Education's, not the school's lending: a
    # financial aid office says "your Federal Direct Loan disburses on Friday".
    r"federal (direct |student |stafford |perkins |plus |family education )*loans?|direct "
    r"(subsidized|unsubsidized|plus|consolidation) loans?|(parent|grad) plus loans?|(stafford|"
    r"perkins) loans?|"
    # ("the box is separate from the credit application": the texts are apart from credit)
    # someone else's lender, named in paperwork ("a lien release from their lender", "the
    # report went to your lender", "your loan officer")
    r"(your|their|my|his|her|the customer['’]s|the homeowner['’]s) (own )?(lenders?|loan "
    r"officers?)|"
    r"(to|from|by) (the|your|their) lenders?|lien ?(releases?|holders?)|lienholders?|"
    r"(passed on|ordered|sent|supplied|provided|referred) by (the |your |their )?lenders?|"
    r"lenders? of (your|their) (own )?choice|(direct |student )?(loan|aid) disburs\w*|"
    r"(separate|apart|independent) (from|of) (the |your |any |our )?(credit|loan|financing) "
    r"(applications?|forms?))\b"
)
# A real age gate asks for the date of birth (or checks an ID); "are you 21?" with a yes/no
# answer or a tick box is a claim, which AWS's age-gate guidance says is not enough.
_AGE_GATE_RE = re.compile(
    r"(?i)\b(date[- ]of[- ]birth|fecha de nacimiento|(day|month|year)[,/]? ?(and |or )?([\w/]+,? ){"
    r"0,3}(and )?(year )?"
    r"of birth|"
    r"birth ?date|birth (year|month)|dob|birthday|age verification|verif\w+ (their |your |the )?"
    r"age (with|against|using|by)|(scan|check|verif\w+) (of )?(a |their |your )?(photo )?id)\b"
)
_AGE_CLAIM_RE = re.compile(
    r"(?i)(\b21\+|\b18\+|\b(21|18) (years )?(or|and) (older|over)\b|\bover (21|18)\b|"
    r"\bverif\w+ (their |your |the )?age\b|\bof (legal )?drinking age\b)"
)
_AFFILIATE_RE = re.compile(
    r"(?i)\b(affiliates?|affiliate marketing|lead[- ]?gen(eration)?|(sell|sold|share) (your |the )?"
    r"leads?|partner offers?|third[- ]party offers?|offers from (our )?partners|marketing partners?"
    r"|list rental|rent (our|the) list|(our )?network of (partner|participating)|"
    r"partner (installers|insurers|lenders|carriers|brands)|(insurance|carrier|marketing) partners"
    r"|compar\w* (offers|quotes|[\w ]{0,30} quotes)|want to quote|connect (you|homeowners) with|"
    r"(get )?match(es|ed)? (qualified )?(you|homeowners|consumers|customers|buyers|borrowers)?"
    r" ?with (a |an )?(local |certified |qualified )?(installers?|agents?|lenders?|providers?|"
    r"contractors?|partners?|carriers?)|partner (agents|network)|our partner network|"
    # A marketplace passing the consumer on to the businesses that quote (AWS lead generation):
    # "quotes from trusted movers", "3 pros want your job", "share your number with them".
    r"quotes? (by text |by sms )?from [\w ,&-]{0,40}\b(companies|movers|providers|contractors|"
    r"installers|agents|agencies|lenders|insurers|carriers|pros|professionals|businesses|"
    r"partners)|(\d+|several|multiple) (\w+ )?(movers|contractors|pros|companies|providers|"
    r"installers|agents|lenders|insurers) (want|are competing for|bid on) your|"
    r"(send|pass|forward)\w* your (request|info\w*|details|number) to [\w ]{0,30}\b(contractors|"
    r"pros|companies|providers|agents|lenders|insurers|movers|installers|partners)|"
    r"compare (rates|prices|quotes|offers) from|(bid|compete) (on|for) your (project|job|move)|"
    # Passive and plural forms: "requests are sent to our carrier network, whose members text
    # quotes", "4 carriers have quotes for your car" (AWS lead generation; CTIA 5.2).
    r"(requests?|info\w*|details|numbers?|leads?|inquir(y|ies)|submissions?) (are|is|get|gets|"
    r"will be|may be) (sent|passed|forwarded|shared|routed|distributed|sold|matched|provided|"
    r"given) (on )?(to|with) ((our |a |the )?(participating|partner|trusted|vetted|network|"
    r"member|affiliated|local|independent|third-party|outside|other) [\w-]+s\b|"
    r"(our |a |the )?([\w-]+ ){0,2}(network|partners|buyers)\b|"
    # A business's own staff ("our providers", "our agents") are not others: only businesses
    # that are plainly not the brand's own count.
    r"(local |independent |several |multiple |\d+ )([\w-]+ )?(carriers|companies|dealers|agents|"
    r"pros|contractors|installers|lenders|insurers|movers|shippers|vendors|providers))|"
    r"(network|partner)('s)? members?,? (\w+ ){0,2}(text|call|contact|email|reach|quote)\w*|"
    r"(forward|pass|rout|sell|distribut|send)\w* (them|it|(the |your |their |each )?"
    r"(requests?|leads?|info\w*|details|numbers?|inquir(y|ies))) (on )?to ([\w-]+ ){0,3}(in|from|"
    r"of) (our|a|the) ([\w-]+ )?(network|marketplace)|"
    r"whose members (\w+ )?(text|call|contact|email|reach|quote|send)\w*|"
    r"(\d+|several|multiple|three|four|five) ([\w-]+ )?[\w-]+s (have|sent|submitted|posted) "
    r"(\w+ )?(quotes|bids)|"
    r"share your (number|phone number|mobile number|contact (info\w*|details)|details|info\w*) "
    r"with (them|the (movers?|compan(y|ies)|providers?|pros?|contractors?|partners?|"
    r"installers?|agents?|lenders?)))\b"
)
# Lead generation and affiliate marketing as the offers read (AWS
# CAMPAIGN_NON_COMPLIANT_CONTENT_AFFILIATE_MARKETING; CTIA 5.2; Twilio's forbidden categories:
# lead generation): rates or quotes from many companies, a third party who will call, a match
# with several lenders, offers from sponsors, "you may be entitled to compensation", commissions
# for promoting others' products, a business that sells or generates leads.
LEAD_GEN_RE = re.compile(
    r"(?i)\b("
    # people placed with or referred to the partner businesses of a network ("place them in an
    # open bed at one of the partner treatment centers in our network")
    r"(place|refer|match|connect)\w* (them|you|people|callers|clients|patients|families|"
    r"consumers|homeowners)\b[^.]{0,80}\b(partner|network) ([\w-]+ ){0,2}(centers?|"
    r"facilit(y|ies)|providers?|clinics?|programs?|agenc(y|ies)|lenders?|contractors?|"
    r"attorneys?|firms?)\b|"
    r"(rates?|prices?|quotes?|offers?|deals?|plans?|bids?) from (the )?(top|leading|best|"
    r"dozens of|\d+\+?|multiple|several|many|participating|local) ([\w-]+ ){0,2}(carriers|"
    r"insurers|lenders|providers|companies|brands|agencies|dealers|retailers|investors|"
    r"(home )?buyers|contractors|pros|movers|installers|roofers)|"
    r"(a |one of our )?(local|independent|participating|partner|third-party|nearby) ([\w-]+ )?"
    r"(installers?|specialists?|agents?|advisors?|experts?|pros?|contractors?|dealers?|"
    r"lenders?|attorneys?|lawyers?|brokers?)( \w+)? (will|may|can|is going to) (call|contact|"
    r"text|reach|follow up)|match(ed|es)? you (up )?with (\d+|two|three|four|five|several|"
    r"multiple|a few|top) |(get|receive|compare) up to \d+ (free )?(quotes|bids|estimates|offers)|"
    r"(dealers|lenders|insurers|contractors|pros|movers|installers|agents|carriers|companies|"
    r"providers|buyers|investors) (near you|in your area|nearby) (are|will be) (competing|bidding|"
    r"ready to (bid|quote|compete))|"
    r"(ready to |will )?(bid|quote) on your (project|job|move|remodel|repair|roof)|"
    r"offers from (our )?(sponsors|advertisers|partners)|sponsored offers|"
    r"you (may|could|might) (be|qualify) (entitled|eligible)? ?(to|for) (compensation|a (cash )?"
    r"(settlement|payout)|financial compensation)|"
    r"(earn|make|get) (up to )?\d+ ?% commissions?|commissions? (on|for) (every|each) (sale|"
    r"order|referral|sign-?up|click)|promote our products|your affiliate link|"
    r"(pay|pays|paying) us (a )?commissions?|"
    r"(shop|send|submit|pass|share|forward)\w* your (info\w*|request|application|details|"
    r"number|profile) (out )?(to|with) (over |up to |more than |as many as )?(\d+|several|"
    r"multiple|dozens of)|(request|info\w*|details|number|application) (went|goes|was sent|has "
    r"been sent|was passed) (out )?to (\d+|several|multiple|a few|three|four|five) |"
    r"(generat|sell|deliver)\w* (\w+ )?leads (for|to)|"
    r"connects? (\w+ ){0,2}(with|to) (licensed |local |independent |participating |partner )?"
    r"([\w-]+ )?(agents|brokers|lenders|insurers|carriers|attorneys|law firms|installers|"
    r"dealers))\b"
)
_P2P_RE = re.compile(
    r"(?i)\b(personal (use|texting|messages?|account)|friends and family|family and friends|"
    r"my friends|peer[- ]to[- ]peer|p2p|chat with friends|personal contacts|group chats?)\b"
)
_RECIPIENT_RE = re.compile(
    r"(?i)\b(customers?|clients?|patients?|members?|subscribers?|users?|students?|parents?|"
    r"guests?|residents?|donors?|employees?|staff|tenants?|buyers?|shoppers?|account ?holders?|"
    r"volunteers?|policy ?holders?|recipients?|visitors?|diners?|attendees?|contacts?|families|"
    r"pet owners|owners?|drivers?|applicants?|voters?|supporters?|consumers?|homeowners?|"
    r"offices?|neighbou?rs|businesses|players?|traders?|clubs? members|"
    r"borrowers?|travelers?|travellers?|riders?|fans|opted[- ]in|who (opt|sign)\w*|"
    # "texts people who booked a tour", "anyone who registered", "participants", "campers"
    r"(people|anyone|those|folks|everyone|guests|families) (who|that)|participants?|campers?|"
    r"clientes|pacientes|miembros|socios|residentes|padres|estudiantes|usuarios|suscriptores|"
    r"inscritos|familias|vecinos|"
    r"learners?|(who|that) (booked|book|ordered|order|registered|register|enrolled|enroll|joined|"
    r"join|bought|buy|requested|request|asked|scheduled|schedule|reserved|reserve|rented|rent))\b"
)
_PURPOSE_RE = re.compile(
    r"(?i)\b(reminders?|alerts?|notifications?|notif(y|ies|ied)|updates?|confirm\w*|codes?|"
    r"verification|verify|one[- ]time|passcodes?|promotions?|promotional|offers?|deals?|news|"
    r"newsletters?|appointments?|orders?|deliver\w*|shipping|shipments?|support|announcements?|"
    r"events?|billing|payments?|invoices?|reservations?|bookings?|marketing|discounts?|"
    r"customer care|questions|status|schedul\w*|outage|emergenc\w*|polls?|surveys?|ships?|"
    r"when (their|the|an?) \w+ (is|are|arrives?|ships?|opens?)|ready|cancell?ations?|"
    r"reschedul\w*|changes|directions|meeting (spot|point|place|time)|photos|receipts?|"
    r"tracking|check-?in|check-?out|recordatorios|avisos|alertas|promociones|especiales|ofertas|"
    r"eventos|citas|pedidos|entregas|notificaciones|noticias|specials?|sell(s|ing)? out|"
    r"sold out)\b"
)
# What the subscriber does to give consent (a place alone, "on our website", is not a method).
_OPT_IN_MECHANISM_RE = re.compile(
    r"(?i)\b(check ?box(es)?|boxe?s?|tick(s|ing|ed)?|forms?|sign[- ]?(up|in) (sheets?|forms?)|"
    r"sheets?|slips?|tablets?|kiosks?|card readers?|pay stations?|buttons?|toggles?|switch(ed|es)? "
    r"on|settings?|pop-?ups?|qr ?codes?|scan\w*|keywords?|(?-i:[Tt]ext(s|ing)? [\"'“]?[A-Z0-9]{2,})"
    r"|repl(y|ies|ying) (with )?[\"'“]?(yes|y)\b|press(es|ing)? \d|ivr|voice menu|verbal(ly)?|"
    r"script|reads?|asks?|asked|paper|regist(er|ers|ering|ration)|enroll(s|ing|ment)?|"
    r"checkout|check-?in|intake|portal|in[- ]app|mobile app|app\b|applications?|"
    r"agreements?|contracts?|engagement (letters?|packets?)|repair orders?|initial(s|ed|ing)?|"
    r"signatures?|signature lines?|sign(s|ed)? (the|a|an|our|their) [\w -]{0,30}(packet|form|"
    r"sheet|card|section|line)|online banking|mobile banking|off by default|"
    r"(under|in) (the )?[\"'“]?(alerts|notifications|(communication |text |sms )?preferences)\b|"
    r"palabra( clave)?|formularios?|casilla|env[ií]an?|registr\w+|inscrib\w+|"
    r"enter(s|ing)? (their|a|your) (mobile|phone|number)|accounts?\b|alerts? settings?)"
)
_OPT_IN_METHOD_RE = re.compile(
    r"(?i)\b(web ?sites?|online|web ?forms?|web ?pages?|landing pages?|checkout|"
    r"keywords?|(?-i:[Tt]ext(s|ing)? [\"'“]?[A-Z0-9]{2,}[\"'”]?)\b|verbal(ly)?|"
    r"over the phone|by phone|"
    r"phone calls?|ivr|voice menu|paper|sign[- ]in sheets?|in[- ]store|in person|front desk|"
    r"point[- ]of[- ]sale|pos|tablet|kiosk|qr ?codes?|scan\w*|mobile app|in[- ]app|app|"
    r"check ?box(es)?|forms?|intake|reception|counter)\b"
    r"|https?://|www\."
)
_WEB_METHOD_RE = re.compile(
    r"(?i)\b(web ?sites?|online(?! (banking|account|portal|signup|sign-up))|web ?forms?|"
    r"web ?pages?|landing pages?|checkout pages?|sign[- ]?up pages?|our site|online forms?)\b"
)
_VERBAL_RE = re.compile(
    r"(?i)\b(verbal(ly)?|over the phone|by phone|phone calls?|ivr|voice menu)\b"
)
_SCRIPT_RE = re.compile(
    r"[\"“”]|'[^']{15,}'|(?i:\b(script|press \d|asks?|asked|says?|said|states?|reads?|prompts?)\b)"
)
_SOURCE = (
    r"((public|government|state|federal|county|city|industry|licensing|professional|trade|dot|"
    r"fmcsa|court|property|voter|deed|license)( [\w'-]+){0,4} (registry|registries|registration "
    r"(lists?|data|records)|directory|directories|listings|filings|databases?|profiles|records?|"
    r"lookups?|look-ups?|rolls|rosters?)|"
    # a licensing board's public lookup ("state board of nursing license lookups") and résumé
    # banks: people found there never asked this sender for texts (CTIA 4.1)
    r"([\w'-]+ ){0,4}(license|licensing|licensure) (lookups?|look-ups?|searches|verification "
    r"(sites|portals|tools))|r[eé]sum[eé] (databases?|banks?|boards?|sites?|search(es)?)|"
    r"([\w']+ )?(public|social|online|linkedin|facebook) (\w+ )?profiles|"
    r"(jail|booking|inmate|arrest)( \w+)? (rosters?|logs?|lists?|records)|"
    r"(eviction|probate|foreclosure|bankruptcy|divorce|arrest|booking|court|permit) (filings|"
    r"records|lists|dockets|notices|data)|"
    r"job boards?|social (media|sites|networks)|online directories|yellow pages|google maps)"
)
_BAD_CONSENT_RE = re.compile(
    r"(?i)\b(pre-?checked|pre-?selected|pre-?ticked|checked by default|selected by default|"
    # Agreement that comes with another act is not consent (CTIA 4.2; Twilio 30913): "by
    # booking you agree to receive promotional texts".
    r"by (booking|signing up|registering|enrolling|creating an account|purchasing|ordering|"
    r"checking out|placing an order|paying|using (our|the|this) (service|app|site|website)|"
    r"joining (the |our |a )?(wait ?list|queue|line)|becoming (a |an )?(member|customer|client|"
    r"patient|tenant|student|resident)|(clicking|tapping|pressing|selecting) ['‘\"“]?"
    r"(get|request|see|compare|view|submit|continue|calculate|check) (my |your |a |free )?(quotes?|"
    r"rates?|estimates?|price|pricing|plans?|results?|offers?|savings))"
    r"[^.;]{0,40}\b(agree|consent)\w*[^.;]{0,80}\b(texts?|text messages|sms|messages)|"
    # (ticking the box for the texts is the consent itself)
    r"by (?!(checking|ticking|selecting) (this|the) (check ?)?box)\w+ing (your |a |an |the |our )?"
    r"[^.;]{0,40}\byou (agree|"
    r"consent)\w*[^.;]{0,40}\b"
    r"(promotional|marketing) (texts?|text messages|sms|messages)|"
    r"ticked by default|(is|are|comes?|come) (already|pre-?) ?(checked|ticked|selected)|"
    # the number field itself is the consent to offers ("there is no separate box for
    # promotional texts")
    r"(there is |there's )?no separate (check ?box|box|opt-?in|consent|choice)\b|"
    r"(comes?|loads?|appears?|starts?( out)?|shows? up) (already )?(checked|ticked|selected)\b|"
    r"(is|are) (checked|ticked|selected) (automatically|by default|when the (page|form|screen) "
    r"(loads|opens))|"
    r"already (checked|ticked|selected)( for (you|them))?|automatically "
    r"(opted|enrolled|subscribed|added)|(are|is) (enrolled|added) automatically|implied consent|"
    r"implied|must agree to receive|agree to receive text messages as part of|in order to enroll|"
    r"are added to our (text|sms) list when|data (list|vendor)|list brokers?|"
    r"(lists?|numbers|contacts|contact details|contact info\w*|names|records|profiles|leads|files?|"
    r"data|databases?)\b[\w' ]{0,25}?\b(we|they|you) (rent|"
    r"buy|purchase|license|subscribe to|pay for|"
    r"lease)\b|(rent|buy|purchase|license|lease) (a |the |their )?([\w'-]+ ){0,2}(lists?|leads)|"
    r"(from|using|off|through) (the |a |our )?(state |county |public |district |local )?voter "
    r"(files?|rolls?|lists?)|"
    # Numbers the recipient did not give this brand (CTIA 4.1: consent comes from the
    # recipient; AWS and Twilio 30909: purchased, rented, scraped or third-party lists): bought,
    # rented, licensed, scraped or appended contact data, or a list compiled from a registry,
    # public records, directories or people's public profiles. A customer who "bought
    # tickets" is not a bought list: the acquisition must bear on numbers, contacts or a list.
    r"(purchased|purchasing|bought|buying|rented|renting|licen[cs]ed|licen[cs]ing|acquired|"
    r"scraped|scraping|harvested|harvesting|appended|appending|mined|extracted)\s+(an? |the |"
    r"our |their |some )?([\w'-]+\s+){0,3}"
    r"(lists?|numbers|contacts|contact (info\w*|details|data)|leads|data ?(sets?|bases?)|"
    r"records|profiles)|"
    r"(lists?|numbers|contacts|leads|data( ?(sets?|bases?))?|records)\b[\w' ]{0,25}?\b(is |are |"
    r"was |"
    r"were |we |we've |have been |has been |get |gets )?(purchased|bought|rented|licen[cs]ed|"
    r"acquired|scraped|harvested|appended|(obtained|sourced|pulled|taken|compiled|built|"
    r"gathered|collected|come|comes) from [^.;]{0,40}\b(public|registr\w+|director(y|ies)|"
    r"profiles|records|listings|filings|job boards?|social|web ?sites|internet|vendors?|brokers?|"
    r"third[- ]part(y|ies)|databases?))|"
    # A registry, public or government record, directory or people's public profiles as the
    # source of the numbers ("carriers from the public FMCSA registration list", "people listed
    # in county property records", "numbers from the state license lookup"): only where the
    # sentence takes numbers or people from it, so "sign up on the county records portal" is
    # not one.
    r"(numbers?|contacts?|lists?|people|owners|homeowners|businesses|leads|data|names|carriers|"
    r"drivers|prospects)\b(?:(?!sign|regist|enrol|opt|subscrib|join|apply|appl)[^.;]){0,40}?"
    r"\b(from|in|listed in|via|"
    r"using|off|out of|on|through) (the |a |an )?" + _SOURCE + r"|"
    r"(reach|find|text|contact|source|pull|take|get|add|build|compil)\w* [^.;]{0,30}?\b(from|via|"
    r"through|using|off|out of) (the |a |an )?" + _SOURCE + r"|"
    # "each morning we review the public jail booking roster and text the numbers listed"
    r"\b(we|i|staff|our [\w ]{0,20}?(staff|team|agents?|reps?))\s+(\w+ly\s+)?(review|check|scan|"
    r"monitor|watch|comb|search|read|pull|go|goes|went)\w*( through| up)? (the |a |an |each |"
    r"every )?"
    r"([\w'’-]+ ){0,2}" + _SOURCE + r"[^.;]{0,60}\b(text|message|"
    r"contact|call|reach)\w*|"
    r"(scraped|scraping|harvested|harvesting) [^.;]{0,30}\b(numbers|contacts|data|profiles|sites|"
    r"web|listings|directories|pages)|(numbers|contacts|data|profiles|lists?) [^.;]{0,20}\b"
    r"(scraped|harvested)|"
    # Licensed or imported contact data is not consent (CTIA 4.1; AWS and Twilio 30909:
    # purchased, rented or third-party lists), however routine it is made to sound.
    r"licen[cs]ed ([\w-]+ ){0,2}(databases?|data|lists?|contacts)|consumer databases?|"
    r"data (partners?|providers?|brokers?)|"
    r"(disclos|sell|sold|rent|transfer|provid)\w* [\w ,-]{0,60}\b(numbers?|contact (info\w*|"
    r"details)|data|information) [\w ,-]{0,20}\bto (our |its |select |trusted )?(affiliates|"
    r"partners?|third[- ]parties|partner (brands|companies))|"
    r"(import|upload|load|append|pull)\w* (the |their |each )?(\w+ )?(contacts?|numbers?|phone "
    r"numbers?|leads|records) (from|(in|on) (the |a |an )?([\w'-]+ ){0,3}(files?|lists?|rolls?|"
    r"records?|databases?|rosters?|crm|sheets?)\b)|"
    r"(import|upload|load|append|add)\w* (the |a |an )?([\w-]+ ){0,3}(rosters?|lists?|files?|"
    r"spreadsheets?|sheets?)\b[^.;]{0,80}\b(provides?|provided|supplied|supplies|gives|given|sends?|"
    r"sent)\b|"
    # a list handed over, then loaded and texted ("we load that list and text every nurse")
    r"(load|import|upload)\w* (that|this|the|their|its) ([\w-]+ ){0,2}(list|roster|file|"
    r"spreadsheet)\b[^.;]{0,40}\band (text|message)\w*"
    r"|(partner|third[- ]party|co-?registration|ticketing[- ]partner)s?' lists?|"
    r"(partner|third[- ]party|co-?registration|ticketing[- ]partner) lists?|co-?registration|"
    # A "contact list" alone is anyone's own (an alarm account's emergency contacts); a
    # vendor of contact lists, a business contact list or a marketing list is a source.
    r"(marketing|lead|business contact|data|trigger lead) (lists?|vendors?)|contact (list )?"
    r"vendors?|skip tracing|"
    r"public (property )?records|trigger leads?|dmv|"
    # Owners found through a skip-trace service or from expired and withdrawn listings never
    # gave the sender their number (CTIA 4.1; AWS: cold outreach).
    r"skip[- ]?trac\w*|(expired|withdrawn|cancell?ed|fsbo|for[- ]sale[- ]by[- ]owner)( and "
    r"[\w-]+)?( mls)? listings|"
    # People added because their number is in another record (a member directory, a roster, a
    # customer database), not because they signed up for the texts.
    r"(directory|directories|rosters?|databases?|crm|customer (files?|lists?|records)|member "
    r"(lists?|records|files?)|spreadsheets?|address books?)\b[^.;]{0,60}\b(is|are|get|gets|will "
    r"be) (also |automatically |all )?(added|enrolled|subscribed|imported|uploaded|loaded)\b|"
    r"(added|enrolled|subscribed|imported|uploaded|loaded)\b[^.;]{0,40}\b(from|when) (the |our |"
    r"its )?([\w-]+ ){0,2}(directory|roster|database|crm|spreadsheet)\b|"
    # A request or number passed on to partner businesses (CTIA 5.2; AWS OPT_IN_DATA_SHARED).
    r"(pass|send|forward|shar|giv|provid|refer|rout|sell|hand)\w*\b[^.;]{0,40}\b(requests?|numbers?"
    r"|"
    r"info\w*|details|contact)\b[^.;]{0,30}\b(to|with) (one of |any of )?(our |its |a |the |select "
    r")?"
    r"([\w-]+ ){0,2}(partners?|partner [\w-]+|affiliates?|third[- ]part\w+|other (companies|"
    r"businesses|contractors|providers|campaigns|candidates|committees)|(promoters|sponsors|"
    r"sponsoring [\w-]+( [\w-]+)?)|allied [\w -]{0,30}"
    r"(groups|organi[sz]ations|campaigns|committees)|sister ([\w-]+ )?(dealerships|companies|"
    r"brands|stores|businesses)|(carriers|insurers|lenders|companies|brands|businesses|"
    r"providers|contractors|dealers|agents) (that )?we (represent|work with|partner with)|"
    r"preferred (agents?|partners?|providers?|vendors?|lenders?|contractors?|dealers?))\b|"
    r"(requests?|info\w*|details|numbers?|leads?|inquir(y|ies)|contacts?)\b[^.;]{0,50}\b(is|are|"
    # ("may also be passed to", "are routed in real time to")
    r"get|gets|(will|may|can|could|might) (also )?be) (also )?(made available|sent|passed|"
    r"forwarded|shared|routed|sold|distributed|matched|given|provided)( [\w-]+){0,3} (on )?(to|"
    r"with)\b[^.;]{0,60}\b(network|partners?|"
    r"partner \w+|affiliates?|third[- ]part\w+|independent \w+|participating \w+)\b|"
    # partner businesses that receive the contact details ("our partner employers receive
    # applicants' contact details when we match them")
    r"(partner|third[- ]part)\w*[^.;]{0,40}\b(receive|get|see|access)\w*\b[^.;]{0,40}\b(contact "
    r"(details|info\w*)|numbers?|phone numbers?)\b|"
    # a number "passed to that tournament's sponsors", whatever verb comes before it
    r"(numbers?|contact (info\w*|details))\b[^.;]{0,10}\b(passed|sent|shared|given|forwarded|"
    r"provided|sold|handed) (on |over )?to\b[^.;]{0,60}\b(sponsors?|partners?|affiliates?|"
    r"third[- ]part\w+|advertisers?|vendors?|brands)\b|"
    # a directory or list licensed, sold or rented to partners ("the member directory, which the
    # Association licenses to its affinity benefit partners")
    r"(numbers?|director(y|ies)|lists?|contacts?|data(base)?)\b[^.;]{0,80}\b(licens|sell|sold|"
    r"rent|leas)\w* (it |them )?to (its |our |their |select |trusted )?([\w-]+ ){0,3}(partners?|"
    r"affiliates|sponsors|third[- ]part\w+|advertisers|vendors|brands)\b|"
    # numbers matched to people found elsewhere by a data-append service (CTIA 4.1)
    r"data[- ]append\w*|append(ed|ing)? (mobile |cell |phone )?numbers|match\w* (the )?([\w-]+ )"
    r"{0,2}to (mobile|cell|phone) numbers|"
    # another business that receives the number "so it can text" its own offers
    r"(partner|affiliate|third[- ]part\w*|dealer|retailer|vendor|reseller|independent)\w*"
    r"[^.;]{0,120}\b(receives?|gets?|is given|are given)\b[^.;]{0,60}\b(numbers?|contact "
    r"(details|info\w*))\b[^.;]{0,60}\bso (that )?(it|they|the \w+) (can|may|will) (text|contact|"
    r"call|market|send|message|promote|pitch|offer)\b|"
    r"(ma(de|ke) available|sen[dt]|pass\w*|forward\w*|shar\w*|giv\w*|provid\w*|refer\w*|rout\w*)"
    r"\b[^.;]{0,60}? "
    r"(to|with)\b[^.;]{0,100}\b(so (that )?"
    r"(they|those [\w ]{0,25}|the \w+) (can|may|will) (text|contact|call|send|market|reach|email|"
    r"message|stay in touch|follow up|keep in touch|invite|tell|notify|offer|pitch|promote|"
    r"update|inform)|who (then |may |will |can )?(follows? up|contacts?|calls?|texts?|reach(es)? "
    r"out))\b|"
    # The same in Spanish: "aceptas que tu número se comparta con nuestras marcas aliadas".
    r"compart\w*[^.;]{0,60}\b(socios|socias|aliad[oa]s|terceros|afiliad[oa]s|empresas "
    r"asociadas|marcas asociadas)\b|"
    # One box that must be ticked to go on, or consent that comes with signing, completing or
    # paying for something else (CTIA 4.2; Twilio 30913: never a condition of purchase).
    r"(box|checkbox|toggle)[^.;:']{0,40}\b(must|has to|needs to) be (ticked|checked|selected|"
    r"accepted) (before|to (create|complete|submit|continue|finish|check out|sign up|join|enrol|"
    r"book|pay|donate|register))|"
    # A contract's clause in the third person ("Resident agrees to receive text messages"),
    # or signing it that enrols ("signing the lease completes enrollment").
    r"\b(resident|member|customer|tenant|client|patient|student|buyer|borrower|guest|parent|"
    r"subscriber|user|lessee|applicant|donor|renter|rider|participant|patron|owner)s? (hereby )?"
    r"(agrees?|consents?) to (receive|"
    r"be sent|get) [^.;]{0,80}\b(texts?|text messages|sms)\b|"
    r"\b(resident|member|customer|tenant|client|patient|student|buyer|borrower|guest|parent|"
    r"subscriber|user|lessee|applicant|donor)s? (hereby )?authori[sz]es? [^.;]{0,60}\bto "
    r"(contact|text|message|send)[^.;]{0,60}\b(texts?|text messages?|sms)\b|"
    r"(signing|accepting|completing|submitting) (the|your|this|their) ([\w-]+ )?(lease|agreement|"
    r"contract|application|enrol(l)?ment form) (completes|means|counts as|constitutes|is) "
    r"(your )?(enrol(l)?ment|consent|opt-?in|agreement to (receive )?(texts|messages))|"
    r"i agree to (the |our )?[\w ]{0,30}\bterms\b[^.']{0,80}\band to receive[^.']{0,60}(texts?|"
    r"text messages|sms|messages)|"
    r"by entering\b[^.;]{0,40}\b(agree|consent)\w*[^.;]{0,60}\b(texts?|text messages|sms|"
    r"messages|text club)|"
    # a number on a signed order or form that enrolls the customer ("A mobile number on a signed
    # repair order enrolls the customer in all texts")
    r"number (on|in|from) (a |the |their |any )?(signed )?([\w'-]+ ){0,3}(orders?|forms?|"
    r"contracts?|agreements?|applications?|receipts?|invoices?)\b[^.;]{0,40}\b(enrolls?|"
    r"subscribes?|opts?|adds?|signs?) (the )?(customer|client|patient|buyer|guest|member|them|"
    r"you)? ?(in|into|up|to)\b|"
    # a number typed to join a rewards program that brings its text deals with it
    r"entering (a|your|their) (mobile |phone |cell )?number (enrolls?|signs?( up)?) (the customer |"
    r"customers |you |them |members )?(in|into|for|up for) [^.;]{0,40}\b(rewards|loyalty|"
    r"membership|club|account)\b[^.;]{0,20}\band (its|the|our|their) text|"
    r"(entrant|entry|entries|order|purchase|donor|registrant|applicant|customer|buyer|guest)"
    r"(['’]s|s['’]?)? (mobile |phone |cell )?(number|numbers)? ?[^.;]{0,30}\b(is|are) "
    r"(automatically |also )?added to (the|our) ([\w -]{0,20})?(text|sms) (club|list|program)\b|"
    r"by (signing|completing|submitting|accepting|finishing|making|giving|paying|placing)\s+"
    r"((this|the|your|our|an?|their|his|her)\s+)?([\w-]+\s+){0,2}(agreements?|contracts?|"
    r"enrol(l)?ment|membership|gift|donation|purchase|order|payment|application|lease|"
    r"registration|booking|checkout|reservation|appointment|intake( packet| form)?|packet|"
    r"certification|waiver|release)\b[^.;]{0,40}\b(agree|consent)\w*[^.;]{0,100}\b(texts?|"
    r"text messages?|sms|messages)|"
    # A number typed for something else (a receipt, an order, the Wi-Fi) and then added to the
    # texts (CTIA 4.1: a number given for one purpose is not consent to another).
    r"(receipts?|checkout|wi-?fi|orders?|payments?|reservations?|pays?|paying)\b[^.;]{0,80}\b"
    r"(numbers?|contacts?)\b[^.;]{0,20}\b(is|are|gets?) (automatically |also |then )?(added|"
    r"enrolled|subscribed|opted in)\b|"
    # Enrolment through a clause of a lease or contract ("enrolled at move-in through Section 14
    # of the lease")
    r"(enrolled|subscribed|opted in|signed up)\b[^.;]{0,60}\b(through|via|by|under|in) "
    r"(section \d+|a clause|(the |their |your |a )?([\w-]+ ){0,2}(lease|contract|rental "
    r"agreement|membership agreement|registration packet|intake packet|packet))\b|"
    r"by signing up,? you agree|by (using|"
    r"creating|registering|purchasing)[\w\s]{0,30}you (agree|consent)|"
    r"shar(e|es|ed|ing)\b[\w ,'’&/-]{0,120}\b(partners?|affiliates?|affiliated (\w+ )?(brands?|"
    r"companies|businesses|partners)|sponsors?|third[- ]part(y|ies)|lenders?|vendors?|agents?)|"
    r"(and|or) (its|our) partner (agents?|carriers|companies|brands|network)|"
    r"(and|or) (up to \w+ of )?(its|our) (\w+ )?partner ([\w-]+ )?(agents?|carriers|companies|"
    r"brands|network|"
    r"agencies|insurers|lenders|providers|dealers)\b|(and|or) affiliated (agencies|companies|"
    r"brands|businesses|partners|carriers)\b|"
    r"(partners?|partner [\w-]+s|matched [\w-]+s|third[- ]part\w+|affiliates?)\b[^.;]{0,80}\bmay "
    r"(call or text|contact|text|send|call|market)\b|"
    # numbers given to others "for their own outreach"
    r"(provided|given|passed|sent|shared|forwarded|sold)\b[^.;]{0,10}\bto\b[^.;]{0,120}\bfor "
    r"their own\b|"
    # A consumer's request, with the number, passed to a network of other businesses is
    # number sharing as well as lead generation (CTIA 5.2; AWS OPT_IN_DATA_SHARED).
    r"(requests?|info\w*|details|numbers?|leads?|inquir(y|ies)) (are|is|get|gets|will be) (sent|"
    r"passed|forwarded|shared|routed|sold|distributed|matched) (on )?(to|with) (our |a |the )?"
    r"(up to |as many as )?([\w-]+ ){0,2}(network|partners|partner [\w-]+s)\b|"
    r"sold to (third[- ]parties|"
    r"partners)|and (its|our|selected|up to \d+) (\w+ ){0,4}partners|partners may (contact|text)|"
    # Consent bundled into a purchase or the terms (CTIA 4.2: never a condition of purchase).
    r"by (placing|submitting|completing) (your|an|the) (order|purchase|booking)[\w\s,]{0,30}"
    r"you (agree|consent)|cannot be (submitted|completed|placed) without|"
    r"(required|must) (to )?(accept|agree|consent)[\w\s]{0,30}(texts?|sms|messages)|"
    r"(must|required to|have to|need to) (accept|agree to) (the |our |its |their )?([\w-]+ )?"
    r"(terms|t&cs?|agreement|conditions)[^.;]{0,80}\b(texts?|text messages|sms)|"
    # Consent that comes with opening an account or accepting the terms, not a separate act
    # for the texts (CTIA 4.2; Twilio 30913): "by creating an account and accepting the Terms,
    # customers agree to receive texts", "texts are a condition of using the service".
    r"by (creating|opening|accepting|agreeing to|registering( for)?|using|downloading|installing|"
    r"activating)( (an?|the|your|our|their|its)| [\w'-]+){0,4} (accounts?|terms|terms of "
    r"(service|use)|tos|app|service|platform|membership|agreement|user agreement)\b"
    # (a box, a toggle or a keyword in between is a separate act for the texts)
    r"(?:(?!check|tick|box|toggl|switch|keyword)(?:[^.]|\.(?=\S))){0,80}\b(agree|consent|accept|"
    r"opt(s|ed)? in|are enrolled|are "
    r"subscribed)\w*(?:[^.]|\.(?=\S)){0,80}\b(texts?|sms|messages|text messages)|"
    r"(texts?|sms|text messages|consent to (texts?|sms|messages))[^.]{0,40}\b(is|are) (a )?"
    r"(condition of|required (to|for)) (use|using|service|an account|the account|membership|"
    r"enrollment|registration|the service|the app)|"
    r"(accounts?|terms|sign-?up|registration|membership|enrollment)\b"
    r"(?:(?!text|sms|alert|check|tick|box)[^.]){0,40}\b(includes?|"
    r"covers?|means?|constitutes?|counts as) (your )?(consent|agreement|opt-?in)[^.]{0,30}"
    r"(texts?|sms|messages)|"
    r"terms (of (service|use)|and conditions)(?:[^.]|\.(?=\S)){0,100}(consent|agree)"
    r"(?:[^.]|\.(?=\S)){0,30}(texts?|text messages|sms)|(consent|agree)[^.]{0,40}(texts?|"
    r"text messages|sms)[^.]{0,40}as part of (our|the) terms|"
    # A number given to buy something is not consent to texts (CTIA 4.1).
    r"(provide|give|enter)s? (their|a|your) (mobile |cell |phone )?(phone )?number (at|during) "
    r"(the )?(register|checkout|online checkout|purchase|booking)(?:[^.]|\.(?=\S)){0,120}"
    r"(added to|enrolled|"
    r"subscribed|will (receive|get)))\b"
)
# Numbers taken from elsewhere or consent that comes with something else (CTIA 4.1-4.2;
# Twilio 30909 and 30913; AWS OPT_IN_DATA_SHARED_WITH_THIRD_PARTIES): people found in reports,
# records or listings, a sister or partner company's customer file, a co-registration or
# partner-run form, another company's export; texts included with a purchase or membership,
# sign-up that comes automatically or with signing a lease, consent as a condition of a sale.
SOURCED_OR_BUNDLED_RE = re.compile(
    # (the owner "listed on the patient's intake record" is the account's own contact)
    r"(?i)\b((listed|named|found|appearing|posted|published) (on|in) (?!(the |their |your |each )"
    r"(own )?(patient|customer|client|member|pet|student|account|child)['’]?s? )[^.;]{0,40}\b("
    r"reports?|"
    r"records?|filings?|listings|rosters?|registr(y|ies)|director(y|ies)|job boards?|"
    r"social media)|(permit|accident|police|crash|eviction|foreclosure|probate|divorce|"
    r"obituar\w*) (reports?|records?|filings?|notices|lists?|data)|(from|off|on|in) the mls\b|"
    r"co-?reg\b|(sister|parent|affiliated|partner|related) (compan(y|ies)|brands?|business(es)?)"
    r"('s|'|s')? (\w+ )?(files?|lists?|databases?|contacts|customers|records|crm)|"
    r"(numbers|contacts|lists?|leads)[^.;]{0,40}\b(come|came|comes|are|were) from (the |a |an |"
    r"our )?[\w' -]{0,40}\b(exports?|brokers?|sponsors?|vendors?|compan(y|ies)'s)|"
    r"(forms?|sites?|pages?|contests?|sweepstakes)[\w ]{0,20}\b(run|hosted|owned|operated) by "
    r"(our |a |the )?(partners?|sponsors?|third[- ]part(y|ies)|affiliates?)|"
    r"(texts?|texting|sms|text (alerts|updates|offers|messages)) (is|are) included (with|in) "
    r"(every |your |the |their |each )?(membership|purchase|account|order|booking|enrollment|"
    r"lease|plan|subscription)|"
    r"(joining|signing up for|enrolling in|membership in) (\w+ ){0,3}(includes?|comes? with|means) "
    r"(\w+ ){0,2}(promotional |marketing )?(texts?|sms|text (deals|offers|messages))|"
    # lists traded between organisations ("a donor exchange where rescues trade supporter lists")
    r"(trade|swap|exchange)\w* ([\w-]+ ){0,2}(contact |supporter |donor |member )?(lists?|contacts|"
    r"numbers)|(donor|list|data) (exchange|swap|co-?op)s?|"
    # a numbers list given to partner brands, or partner brands that may contact
    r"provides? (\w+ ){0,2}numbers to (those|these|the|its|our|participating|vendor|partner) "
    r"(\w+ ){0,2}(brands|vendors|partners|companies|sponsors)|"
    r"(participating|vendor|partner|sponsor) "
    r"([\w-]+ )?brands\b[^.;]{0,60}\bmay (contact|text|send|call|market)|"
    r"(purchases?|orders?|bookings?|memberships?|leases?|subscriptions?) (includes?|comes? with)"
    r" (\w+ ){0,2}(texts?|sms|text (updates|alerts|offers|messages|promotions))|"
    r"(receive|get) (\w+ ){0,2}(promos|promotions|offers|texts|messages) automatically|"
    r"(signed|opted|subscribed|enrolled|added) (up |in )?automatically|"
    r"(signing|accepting|buying|purchasing|booking|joining|creating|opening|enrolling)"
    r"( [\w'-]+){0,4} (opts|enrolls|subscribes|signs) (\w+ ){0,2}(in|into|up)\b|"
    r"condition of (the |your |a )?(purchase|sale|service|financing|loan|lease|enrollment|"
    r"employment|membership|booking|order|admission)|"
    r"(collected|captured|given|provided|gathered)\b[^.;]{0,50}\b(are|is|will be|get|gets) "
    r"(also )?used (for|to send) (\w+ ){0,2}(marketing|promotions?|promotional|promos|offers)|"
    # (a list of contractors for customers to pick from is no list of people to text)
    r"(from|off|using|on|via) (the |a )?(?!(\w+ ){1,2}(contractor|vendor|provider|dealer|installer|"
    r"business|shop|store|resource)s? )(county|state|city|public|court|government|municipal)"
    r"( [\w'-]+){0,3} (lists?|records?|reports?|filings?|data|files?|rolls?)\b"
    r"(?! (portal|page|site|website|office|desk|app|window|counter))|"
    r"(send|give|share|pass|provide|forward)\w* (us|to us) (their|the) ([\w']+ ){0,2}(numbers|"
    r"contacts|lists?|customer lists?|phone numbers)|"
    r"(agree|consent)s? to (all|any) (communications|messages|contact|texts)|"
    r"(got|get|gets|obtained|received|took|takes|bought|borrowed) (the |a |their |its )?([\w'-]+ )"
    r"{0,2}(lists?|directory|rosters?|contacts|numbers) from (the |a |an |our |their )?([\w'-]+ )"
    r"{0,2}(hoa|association|club|league|church|school|pta|chamber|partners?|vendors?|"
    r"organi[sz]ers?|landlords?|sponsors?|another|other)\b|"
    r"(from|using|via|off|out of) (the|a|an) ([\w'-]+ ){0,2}(registry|registries|directory|"
    r"directories)\b|(consent|agreement|opt-?in)( to (sms|texts?|text messages|messages))? (is|"
    r"are) (part of|included in|built into|covered by) (our|the|your) ([\w-]+ )?(terms|t&cs?|"
    r"checkout|purchase|membership|agreement|contract)|"
    r"(signing up|joining|enrolling|buying|booking|purchasing|registering)[^.;]{0,50}\bmeans "
    r"(you|they)('ll| will)? (get|receive) (\w+ ){0,2}(texts|messages|sms)|"
    r"(texts?|texting|text (deals|offers|messages|alerts|promotions)|sms)\b[^.;]{0,80}\b(is|are) "
    r"(a )?part of (the |our |your )?([\w-]+ ){0,2}(membership|program|plan|subscription|agreement|"
    r"services|account|participation|enrollment|service)|"
    r"(texts?|text (reminders|messages|alerts)|sms)\b[^.;]{0,30}\bas part of (the|their|our|your) "
    r"([\w-]+ ){0,2}(agreement|contract|packet|application|intake|enrollment|membership|lease)|"
    # everyone enrolled, so no one chose ("Every client appointed a defender is enrolled")
    r"(every|each|all) (new )?(client|customer|patient|member|resident|tenant|student|participant|"
    r"household|guest|user)s?\b[^.;:]{0,40}\b(is|are|gets?) (automatically |also )?(enrolled|"
    r"subscribed|opted in|added)\b|"
    r"(are|is|get|gets) enrolled in (the |our )?([\w-]+ ){0,2}texts? when (they|you) (join|sign "
    r"up|enrol\w*|register)|"
    r"all (new )?(members|customers|guests|patients|students|tenants|buyers|clients) (get|receive|"
    r"are sent) (our )?(marketing|promotional) (texts|messages|sms|offers))\b"
)

# A reply that says the messages have ended, in the short words real businesses use ("Outage
# texts off.", "Text alerts are disabled", "You're off our list", "Unsubscribe successful"): it
# both confirms the opt-out and says no more come (CTIA: confirm the opt-out; AWS
# OPT_OUT_MESSAGE_NON_COMPLIANT). A cancelled *order* is none of these.
_MSG_NOUNS = r"(texts?|messages?|msgs|alerts|notices|notifications|reminders|updates|sms|texting)"
_OPT_OUT_DONE = (
    rf"{_MSG_NOUNS}( [\w-]+){{0,3}}( are| is| have been| has been)?( now)? (off|disabled|"
    r"deactivated|ended|stopped|cancell?ed|turned off|switched off)|"
    r"off (our|the|this) (\w+ )?(list|texts?|program)|stopped (texting|messaging)|"
    r"(won't|will not) hear from us|(we'll|we will|will) stop (sending|texting)|"
    r"left (our|the) (\w+ )?(list|club|program|alerts|texts)|been removed|"
    r"removed (your|this) (number|phone|mobile)|un-?enroll(ed)? from|"
    r"no longer (subscribed|enrolled|signed up|on (our|the|this) (\w+ )?list)|"
    r"(opt-?out|unsubscribe|stop request) (is |has been |was )?(confirmed|processed|complete|"
    r"successful)|subscription (has )?(ended|been cancell?ed)|"
    # "no more trip texts", "no further service alerts", "we've turned off texts", "no more
    # surveys or polls will be texted to you": the messages named by their kind.
    rf"no (more|further) ([\w-]+ ){{0,3}}{_MSG_NOUNS}|(turned|switched) off ([\w-]+ ){{0,2}}"
    rf"{_MSG_NOUNS}|no (more|further) [\w ,&-]{{0,40}}\bwill be (texted|sent|messaged)|"
    r"ya no (le |te )?(recibir[aá]s?|recibir[aá]n|enviaremos|mandaremos)|"
    r"ya no (est[aá]s?|est[aá]n) (suscrit[oa]s?|inscrit[oa]s?)|dej(ar[aá]s?|ar[aá]n) de recibir|"
    r"no m[aá]s (mensajes|textos|alertas)|baja confirmada"
)
_OPT_OUT_CONFIRM_RE = re.compile(
    r"(?i)\b(unsubscribed|opted[- ]out|you have been removed|removed from|will (no longer|not) "
    r"(receive|get)|won't (receive|get)|no (more|further) (messages|msgs|texts|alerts)|"
    r"(won't|will not|will never) (text|message|contact) you (again|anymore|any more)|"
    r"stopped|turned off|switched off|cancell?ed|" + _OPT_OUT_DONE + r"|"
    r"se ha dado de baja|dado de baja|cancelaste|cancelad[oa]|"
    r"suscripci[oó]n cancelada|no recibir[aá]s? m[aá]s)\b"
)
_NO_MORE_RE = re.compile(
    r"(?i)\b("
    + _OPT_OUT_DONE
    + r"|no (more|further) (messages|msgs|texts|alerts|notifications)|will (no longer|not) "
    r"(receive|get|be sent)|won't (receive|get)|not receive any|no longer receive|"
    r"(won't|will not|will never) (text|message|contact) you (again|anymore|any more)|"
    r"no recibir[aá]s? m[aá]s|no (te|le) enviaremos m[aá]s)\b"
)
_PLACEHOLDER_RE = re.compile(
    r"\{\{[^}]*\}\}|\{[A-Za-z_ ]+\}|<[A-Za-z_ ]+>|(?i:\[\s*insert[^\]]*\])|(?i:\blorem\b)|"
    r"(?i:\bthis is a test\b(?! of your)|\btest (message|msg|sms|text)\b|^\s*test\b)"
)
_TEST_PROGRAM_RE = re.compile(
    r"(?i)\b(for testing( purposes)?|testing (our|the) (integration|api|system|platform)|"
    r"test (campaign|program|messages?)|demo|proof of concept|poc|pilot|trial "
    r"run|sandbox|a (few|handful of) (messages|customers|users)|small number of)\b"
)
_COMPANY_RE = re.compile(
    r"\b((?:[A-Z][\w&'-]*\s+){0,4}[A-Z][\w&'-]*),?\s+(LLC|L\.L\.C\.|Inc\.?|Corp\.?|Corporation|"
    r"Ltd\.?|LLP|PLLC|Co\.)(?![\w])"
)
_ENGLISH = {
    "the",
    "and",
    "to",
    "of",
    "your",
    "you",
    "for",
    "is",
    "in",
    "on",
    "we",
    "our",
    "with",
    "this",
    "at",
    "be",
    "are",
    "will",
    "by",
    "or",
    "reply",
    "msg",
    "from",
    "has",
    "have",
    "it",
}
_FOREIGN = {
    "el",
    "la",
    "los",
    "las",
    "que",
    "y",
    "para",
    "su",
    "tu",
    "por",
    "con",
    "es",
    "una",
    "del",
    "al",
    "mensaje",
    "responda",
    "usted",
    "gracias",
    "le",
    "les",
    "des",
    "vous",
    "votre",
    "pour",
    "et",
    "est",
    "nous",
    "não",
    "você",
    "seu",
    "sua",
    "obrigado",
    "und",
    "der",
    "die",
    "das",
    "sie",
    "ihre",
    "nicht",
}


def _is_english(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    latin = sum(1 for ch in letters if ch.isascii() or "À" <= ch <= "ɏ")
    if latin / len(letters) < 0.7:
        return False
    words = re.findall(r"\w+", text.lower())
    english = sum(w in _ENGLISH for w in words)
    foreign = sum(w in _FOREIGN for w in words)
    return not (foreign >= 3 and foreign > english)
