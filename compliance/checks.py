"""Pre-submission compliance rules for 10DLC brands and campaigns.

Pure: no ORM, no HTTP. Every rule of ../shared/compliance/RULES.md that a program can check
from the data is a `Rule` in `RULES`, with the Telnyx wire field it concerns, a severity, the
fix and its sources. Rules that only inform (fees, appeals) are registered without a check, so
the rules page and `match_rejection` still know them. The website rules (W1–W6) fetch pages
and live elsewhere.

    findings = check_campaign(CampaignContent.from_wire(form_data, brand=BrandContext(...)))
    errors = blocking(findings)

Decisions worth knowing (tests/compliance/test_checks.py shows each rule passing and failing):
- Opt-out words (S3): an UPPERCASE keyword (`STOP`, `END` …) counts anywhere, as RULES.md's
  regex has it; a lower-case one counts only right after reply/text/send ("reply stop", "text
  quit"), so "stop by our store" or "click to unsubscribe" do not hide a missing opt-out.
- Message flow (M2): it must name a concrete method (website, keyword, verbal, IVR, paper form,
  point of sale, QR code, app …); "customers opt in" alone is not one. A web method (website,
  online, web form, landing page) needs its URL; verbal/IVR needs its script (a quote).
- Content words that force a flag or block (S9 banned content, U1 lending, U2 age-gated) are
  whole words, skip negated mentions ("we never sell alcohol") and known harmless compounds
  ("root beer", "glue gun"); ambiguous words ("escort", "nude", "APR") are left out.
- A help message (K1) must give a way to reach a person: a phone number, an email address or
  a URL. "Reply HELP" inside the HELP reply itself is circular and does not count.
- Per-sample findings use the sample's own wire field (sample1 … sample5); findings about a
  flag (embeddedLink …) use the flag's field and name the sample in the message.
- A finding's severity is its rule's, except where RULES.md gives a rule two levels (S1 is E
  with W above 255 characters; S2 is E when no sample names the brand, W when only some do).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from enum import StrEnum
from urllib.parse import urlsplit

import phonenumbers


class Severity(StrEnum):
    ERROR = "error"  # blocks submission
    WARNING = "warning"  # shown, does not block
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    rule: str
    field: str
    severity: Severity
    message: str
    fix: str

    @property
    def blocking(self) -> bool:
        return self.severity is Severity.ERROR


@dataclass(frozen=True)
class Hit:
    """What a check function yields; the engine fills in the rule's defaults."""

    message: str
    field: str | None = None
    severity: Severity | None = None


Check = Callable[..., Iterable[Hit]]

CAMPAIGN, BRAND, GUIDANCE = "campaign", "brand", "guidance"
SITE = "site"  # checked by compliance.sitecheck on the fetched website and privacy policy

SECTIONS = [
    ("S", "Samples"),
    ("D", "Description"),
    ("M", "Message flow / call to action"),
    ("K", "Keyword replies"),
    ("B", "Brand"),
    ("P", "Sole proprietor"),
    ("U", "Use case and flags"),
    ("R", "Resubmission"),
    ("W", "Website and privacy policy"),
]
SECTION_TITLES = dict(SECTIONS)


@dataclass(frozen=True)
class Rule:
    id: str
    field: str
    severity: Severity
    title: str
    fix: str
    sources: tuple[str, ...]
    scope: str = CAMPAIGN
    check: Check | None = field(default=None, compare=False, repr=False)
    keywords: tuple[str, ...] = ()  # phrases of carrier/Telnyx rejection texts (match_rejection)

    @property
    def section(self) -> str:
        return SECTION_TITLES[self.id[0]]

    @property
    def checked(self) -> bool:
        return self.check is not None or self.scope == SITE


RULES: list[Rule] = []
_LEVELS = {"E": Severity.ERROR, "W": Severity.WARNING, "I": Severity.INFO}


def _rule(id, field, severity, title, fix, sources, *, scope=CAMPAIGN, keywords=()):
    def register(fn: Check | None = None):
        RULES.append(
            Rule(
                id=id,
                field=field,
                severity=_LEVELS[severity],
                title=title,
                fix=fix,
                sources=tuple(s.strip() for s in sources.split(";")),
                scope=scope,
                check=fn,
                keywords=tuple(keywords),
            )
        )
        return fn

    return register


# --- Inputs ------------------------------------------------------------------------------


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _bool(value) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "on", "y"}
    return bool(value)


def _text(value) -> str:
    return "" if value is None else str(value)


def _list(value) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        value = value.split(",")
    return tuple(str(v).strip() for v in value if str(v).strip())


def _from_wire(cls, data: dict, **extra):
    kwargs = {}
    for f in fields(cls):
        wire = _camel(f.name)
        if wire in data:
            kwargs[f.name] = data[wire]
        elif f.name in data:
            kwargs[f.name] = data[f.name]
    kwargs.update(extra)
    return cls(**kwargs)


@dataclass
class BrandContent:
    """A brand as Telnyx's create/update body has it, plus what the app knows around it."""

    entity_type: str = ""
    display_name: str = ""
    company_name: str = ""
    ein: str = ""
    first_name: str = ""
    last_name: str = ""
    mobile_phone: str = ""
    phone: str = ""
    email: str = ""
    business_contact_email: str = ""
    website: str = ""
    street: str = ""
    city: str = ""
    state: str = ""
    postal_code: str = ""
    country: str = ""
    vertical: str = ""
    stock_symbol: str = ""
    stock_exchange: str = ""
    alt_business_id: str = ""
    alt_business_id_type: str = ""
    is_reseller: bool | None = None
    pin_sms: str | None = None  # the OTP text, when the sole-proprietor OTP is being sent
    # Context the caller looks up (None: unknown, the rule is skipped):
    eins_of_other_brands: tuple[str, ...] = ()
    sole_proprietor_brands_on_mobile: int | None = None  # other SP brands using mobilePhone
    platform_names: tuple[str, ...] = ("Tendlc", "Telnyx")  # the ISV itself, never the brand

    def __post_init__(self):
        for f in fields(self):
            if f.type == "str":
                setattr(self, f.name, _text(getattr(self, f.name)).strip())
        self.is_reseller = _bool(self.is_reseller)
        self.eins_of_other_brands = _list(self.eins_of_other_brands)

    @classmethod
    def from_wire(cls, data: dict, **context) -> BrandContent:
        return _from_wire(cls, data, **context)

    @property
    def sole_proprietor(self) -> bool:
        return self.entity_type == "SOLE_PROPRIETOR"


@dataclass
class BrandContext:
    """What a campaign check needs to know about its brand."""

    display_name: str = ""
    company_name: str = ""
    website: str = ""
    entity_type: str = ""
    vertical: str = ""
    email: str = ""
    phone: str = ""
    identity_status: str = ""  # VERIFIED, UNVERIFIED, SELF_DECLARED, VETTED_VERIFIED; "" unknown
    existing_campaign_count: int | None = None  # campaigns the brand already has
    otp_verified: bool | None = None  # sole proprietor OTP (None: unknown)
    qualified_usecases: tuple[str, ...] | None = None  # from qualify-by-usecase, when known
    min_sub_usecases: int | None = None  # from qualify-by-usecase
    max_sub_usecases: int | None = None

    def __post_init__(self):
        for name in ("display_name", "company_name", "website", "entity_type", "vertical"):
            setattr(self, name, _text(getattr(self, name)).strip())
        self.email, self.phone = _text(self.email).strip(), _text(self.phone).strip()
        self.identity_status = _text(self.identity_status).strip()
        if self.qualified_usecases is not None:
            self.qualified_usecases = _list(self.qualified_usecases)

    @classmethod
    def from_wire(cls, data: dict, **context) -> BrandContext:
        return _from_wire(cls, data, **context)

    @property
    def sole_proprietor(self) -> bool:
        return self.entity_type == "SOLE_PROPRIETOR"


SAMPLE_FIELDS = tuple(f"sample{i}" for i in range(1, 6))


@dataclass
class CampaignContent:
    """A campaign as the campaignBuilder body has it (snake_case here, camelCase on the wire)."""

    usecase: str = ""
    sub_usecases: tuple[str, ...] = ()
    description: str = ""
    message_flow: str = ""
    samples: tuple[str, ...] = ()  # sample1..sample5 in order; empty strings keep positions
    optin_keywords: str = ""
    optin_message: str = ""
    optout_keywords: str = ""
    optout_message: str = ""
    help_keywords: str = ""
    help_message: str = ""
    embedded_link: bool | None = None
    embedded_link_sample: str = ""
    embedded_phone: bool | None = None
    number_pool: bool | None = None
    age_gated: bool | None = None
    direct_lending: bool | None = None
    subscriber_optin: bool | None = None
    subscriber_optout: bool | None = None
    subscriber_help: bool | None = None
    terms_and_conditions: bool | None = None
    privacy_policy_link: str = ""
    terms_and_conditions_link: str = ""
    brand: BrandContext = field(default_factory=BrandContext)

    def __post_init__(self):
        for f in fields(self):
            value = getattr(self, f.name)
            if f.type == "str":
                setattr(self, f.name, _text(value).strip())
            elif f.type == "bool | None":
                setattr(self, f.name, _bool(value))
        self.usecase = self.usecase.upper()
        self.sub_usecases = tuple(s.upper() for s in _list(self.sub_usecases))
        samples = [_text(s).strip() for s in (self.samples or ())][:5]
        self.samples = tuple(samples + [""] * (5 - len(samples)))
        if isinstance(self.brand, dict):
            self.brand = BrandContext.from_wire(self.brand)

    @classmethod
    def from_wire(cls, data: dict, brand: BrandContext | dict | None = None) -> CampaignContent:
        samples = [data.get(name) or "" for name in SAMPLE_FIELDS]
        if not any(samples) and data.get("samples"):
            samples = list(data["samples"])
        content = _from_wire(cls, {k: v for k, v in data.items() if k != "samples"})
        content.samples = tuple(_text(s).strip() for s in samples)
        if brand is not None:
            content.brand = BrandContext.from_wire(brand) if isinstance(brand, dict) else brand
        return content

    @property
    def filled_samples(self) -> list[tuple[str, str]]:
        """(wire field, text) of each sample that has text."""
        pairs = zip(SAMPLE_FIELDS, self.samples, strict=True)
        return [(name, text) for name, text in pairs if text]

    def text_fields(self) -> list[tuple[str, str]]:
        """Every free-text field a carrier reads, as (wire field, text)."""
        named = [
            ("description", self.description),
            ("messageFlow", self.message_flow),
            *self.filled_samples,
            ("optinMessage", self.optin_message),
            ("optoutMessage", self.optout_message),
            ("helpMessage", self.help_message),
        ]
        return [(name, text) for name, text in named if text]


# --- Text helpers --------------------------------------------------------------------------

_WORD_RE = re.compile(r"[a-z0-9]+")
_LEGAL_SUFFIX_RE = re.compile(
    r"\b(llc|l l c|inc|incorporated|corp|corporation|co|company|ltd|limited|llp|lp|pllc|pc|pa|"
    r"plc|gmbh|dba)\b"
)
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TLDS = (
    "com|net|org|io|co|us|biz|info|app|ly|gl|gd|link|site|shop|store|online|health|care|edu|"
    "gov|ai|dev|xyz|page|club|ca"
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
_PHONE_RE = re.compile(r"(?<![\d\w])(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)")
_PHONE_PLACEHOLDER_RE = re.compile(r"(?i)[\[{<][^\]}>]{0,30}\bphone\b[^\]}>]{0,30}[\]}>]")

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
    return " ".join(_WORD_RE.findall(text.lower()))


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


def names_brand(text: str, brand: BrandContext) -> bool:
    norm = _norm(text)
    squashed = norm.replace(" ", "")
    for term in _brand_terms(brand):
        if _contains_phrase(norm, term):
            return True
        if len(term) >= 6 and term.replace(" ", "") in squashed:
            return True  # "SweetCrumbs" for "Sweet Crumbs"
    return False


def _brand_known(brand: BrandContext) -> bool:
    return bool(_brand_terms(brand))


def _tokens(text: str, marker: str) -> Iterator[str]:
    for token in text.split():
        if marker in token and len(token) <= 500:
            yield token.strip(_EDGE_PUNCTUATION)


def _emails(text: str) -> list[str]:
    return [t for t in _tokens(text, "@") if _EMAIL_RE.fullmatch(t)]


def _urls(text: str) -> list[str]:
    found = []
    for token in _tokens(text, "."):
        if "@" in token:
            continue  # an email address, not a link
        match = _URL_TOKEN_RE.match(token)
        if match:
            found.append(match.group(0))
    return found + [m.group(0) for m in _SHORTENER_RE.finditer(text)]


def has_link(text: str) -> bool:
    return bool(_urls(text) or _LINK_PLACEHOLDER_RE.search(text))


def has_phone(text: str) -> bool:
    return bool(_PHONE_RE.search(text) or _PHONE_PLACEHOLDER_RE.search(text))


def _has_contact(text: str) -> bool:
    return bool(_emails(text) or has_phone(text) or has_link(text))


def _search(pattern: re.Pattern, text: str) -> str | None:
    match = pattern.search(text)
    return match.group(0) if match else None


def _negated(text: str, start: int) -> bool:
    before = text[max(0, start - 30) : start].lower()
    return bool(re.search(r"\b(not|never|no|isn't|aren't|won't|without|nor)\b[\w\s,-]*$", before))


def _affirmed(pattern: re.Pattern, text: str) -> str | None:
    """The first match of pattern that is not negated ("never pre-checked")."""
    for match in pattern.finditer(text):
        if not _negated(text, match.start()):
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

OPT_OUT_WORDS = ("STOP", "END", "CANCEL", "UNSUBSCRIBE", "QUIT", "STOPALL")
_OPT_OUT_UPPER_RE = re.compile(r"\b(STOP|END|CANCEL|UNSUBSCRIBE|QUIT|STOPALL)\b")
_OPT_OUT_PHRASE_RE = re.compile(
    r"(?i)\b(reply|text|txt|send|respond|msg|message)\s+(with\s+)?[\"'“]?"
    r"(stop|end|cancel|unsubscribe|quit|stopall)\b"
)
_GLUED_TOKEN_RE = re.compile(r"\b[A-Z0-9]*(?:STOP|END|CANCEL|UNSUBSCRIBE|QUIT)[A-Z0-9]*\b")
_HELP_RE = re.compile(r"\bHELP\b|(?i:\b(reply|text|txt|send)\s+[\"'“]?help\b)")
_RATES_RE = re.compile(r"(?i)\b(msg|message)s?\s*(&|and|\+)\s*data\s*rates?\b")
_FREQUENCY_RE = re.compile(
    r"(?i)\b(msg|message)s?\s*(freq|frequency)\b|\bfrequency\b|\brecurring\b|\b\d+\s*(msgs?|"
    r"messages?|texts?)\s*(/|per|a|each)\s*(day|week|wk|month|mo|year)\b|\bone[- ]time\b"
    r"|\b(up to|about)\s+\d+\s*(msgs?|messages?|texts?)\b|\b(msgs?|messages?)\s+vary\b"
    r"|\b(daily|weekly|monthly)\b"
)
_PROMO_RE = re.compile(
    r"(?i)\b\d+\s?%\s?off\b|\$\d+\s?off\b|\bsale\b|\bdiscounts?\b|\bcoupons?\b|"
    r"\bpromo(?:tion|tions|code|s)?\b|\bdeals?\b|\bshop now\b|\bbuy\b|\blimited[- ]time\b|"
    r"\bclearance\b|\bbogo\b|\boffers?\b|\bsave (?:up to|big|\d|\$)|\bfree (?:shipping|gift|"
    r"delivery|item|dessert|drink|coffee|trial|sample)s?\b|\bnew arrivals?\b|\bexclusive\b|"
    r"\bspecials\b"
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

BANNED_RE = re.compile(
    r"(?i)\b(cannabis|cbd|thc|marijuana|hemp[- ]derived|delta[- ]?8|dispensar(y|ies)|"
    r"casinos?|gambl\w*|sports ?betting|sportsbook|place (a|your) bets?|poker|slot machines?|"
    r"payday loans?|cash advance|crypto(currency|currencies)?|bitcoin|nft drops?|"
    r"cocaine|heroin|meth(amphetamine)?|fentanyl|kratom|psilocybin|magic mushrooms|"
    r"xxx|porn\w*|nudes|onlyfans|sexting|adult (content|entertainment|videos?)|"
    r"white power|racial slurs?)\b"
)
AGE_GATED_RE = re.compile(
    r"(?i)\b(alcohol\w*|(?<!root )beers?|wines?|winery|liquor|vodka|whiske?y|bourbon|tequila|"
    r"rum|gin|cocktails?|brewery|breweries|happy hour|firearms?|rifles?|pistols?|"
    r"(?<!glue )(?<!nail )(?<!heat )guns?|"
    r"handguns?|shotguns?|ammo|ammunition|gun shop|tobacco|cigars?|cigarettes?|vapes?|vaping|"
    r"e-?cigs?|e-?liquids?|nicotine|hookah|shisha)\b"
)
_LENDING_RE = re.compile(
    r"(?i)\b(loans?|lending|lenders?|mortgages?|refinanc\w*|lines? of credit|credit lines?|"
    r"heloc|personal financing|debt consolidation)\b"
)
_AGE_GATE_RE = re.compile(
    r"(?i)\b(date of birth|birth ?date|dob|birthday|age verification|verif\w+ (their |your |the )?"
    r"age|21\+|21 or older|over 21|18\+|18 or older)\b"
)
_AFFILIATE_RE = re.compile(
    r"(?i)\b(affiliates?|affiliate marketing|lead[- ]?gen(eration)?|(sell|sold|share) (your |the )?"
    r"leads?|partner offers?|third[- ]party offers?|offers from (our )?partners|marketing partners?"
    r"|list rental|rent (our|the) list)\b"
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
    r"borrowers?|travelers?|travellers?|riders?|fans|opted[- ]in|who (opt|sign)\w*)\b"
)
_PURPOSE_RE = re.compile(
    r"(?i)\b(reminders?|alerts?|notifications?|notif(y|ies|ied)|updates?|confirm\w*|codes?|"
    r"verification|verify|one[- ]time|passcodes?|promotions?|promotional|offers?|deals?|news|"
    r"newsletters?|appointments?|orders?|deliver\w*|shipping|shipments?|support|announcements?|"
    r"events?|billing|payments?|invoices?|reservations?|bookings?|marketing|discounts?|"
    r"customer care|questions|status|schedul\w*|outage|emergenc\w*|polls?|surveys?)\b"
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
    r"(?i)\b(web ?sites?|online|web ?forms?|web ?pages?|landing pages?|checkout pages?|"
    r"sign[- ]?up pages?|our site|online forms?)\b"
)
_VERBAL_RE = re.compile(
    r"(?i)\b(verbal(ly)?|over the phone|by phone|phone calls?|ivr|voice menu)\b"
)
_SCRIPT_RE = re.compile(r"[\"“”]|(?i:\b(script|press \d|asks?|asked|says?|said|states?)\b)")
_BAD_CONSENT_RE = re.compile(
    r"(?i)\b(pre-?checked|pre-?selected|checked by default|selected by default|automatically "
    r"(opted|enrolled|subscribed)|implied consent|implied|by signing up,? you agree|by (using|"
    r"creating|registering|purchasing)[\w\s]{0,30}you (agree|consent)|shared? with "
    r"(our )?(partners|affiliates|third[- ]parties)|sold to (third[- ]parties|partners))\b"
)
_OPT_OUT_CONFIRM_RE = re.compile(
    r"(?i)\b(unsubscribed|opted[- ]out|you have been removed|removed from|will (no longer|not) "
    r"(receive|get)|won't (receive|get)|no (more|further) (messages|msgs|texts|alerts)|"
    r"stopped|cancell?ed)\b"
)
_NO_MORE_RE = re.compile(
    r"(?i)\b(no (more|further) (messages|msgs|texts|alerts|notifications)|will (no longer|not) "
    r"(receive|get|be sent)|won't (receive|get)|not receive any|no longer receive)\b"
)
_PLACEHOLDER_RE = re.compile(
    r"\{\{[^}]*\}\}|\{[A-Za-z_ ]+\}|<[A-Za-z_ ]+>|(?i:\[\s*insert[^\]]*\])|(?i:\blorem\b)|"
    r"(?i:\bthis is a test\b|\btest (message|msg|sms|text)\b|^\s*test\b)"
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


# --- Samples -------------------------------------------------------------------------------


@_rule(
    "S1",
    "sample1",
    "E",
    "2–5 sample messages of 20–1024 characters",
    "Write at least two realistic messages (three is better), each 20–1024 characters; keep "
    "them under 255 so they fit Telnyx's update limit and as few SMS segments as possible.",
    "W10; S3; TU; Twilio 30893",
    keywords=("sample message", "samples missing", "insufficient sample", "number of samples"),
)
def _s1(c: CampaignContent):
    filled = c.filled_samples
    if len(filled) < 2:
        yield Hit(f"{len(filled)} sample message(s); carriers need at least 2.")
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


@_rule(
    "S2",
    "sample1",
    "E",
    "Samples name the brand",
    "Start each sample with the brand name, e.g. “Sweet Crumbs Bakery: …”, or include the "
    "brand's website domain.",
    "Twilio 30893; A1 SAMPLE_MESSAGE_MISMATCH; S3",
    keywords=(
        "brand name not in sample",
        "brand name missing",
        "sample message mismatch",
        "does not identify the brand",
        "brand not identified",
        "brand name",
        "names the brand",
    ),
)
def _s2(c: CampaignContent):
    if not _brand_known(c.brand):
        return
    filled = c.filled_samples
    missing = [name for name, text in filled if not names_brand(text, c.brand)]
    if filled and len(missing) == len(filled):
        yield Hit(f"No sample names the brand “{c.brand.display_name or c.brand.company_name}”.")
    else:
        for name in missing:
            yield Hit(f"Sample {name[-1]} does not name the brand.", name, Severity.WARNING)


def _has_opt_out(text: str) -> bool:
    return bool(_OPT_OUT_UPPER_RE.search(text) or _OPT_OUT_PHRASE_RE.search(text))


@_rule(
    "S3",
    "sample1",
    "E",
    "Opt-out wording in a sample",
    "Add “Reply STOP to opt out” (or END, CANCEL, UNSUBSCRIBE, QUIT) to at least one sample, "
    "ideally the first message a subscriber gets.",
    "Twilio 30893; A1; S3",
    keywords=(
        "opt-out language",
        "opt out language",
        "missing opt-out",
        "opt-out instructions",
        "stop language",
        "no opt-out",
    ),
)
def _s3(c: CampaignContent):
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


@_rule(
    "S4",
    "sample1",
    "E",
    "Opt-out keyword stands alone",
    "Write the keyword as its own word: “Reply STOP to end”, not “STOP2END” or “STOPEND”.",
    "wire2air and linkedip support pages on campaign rejections",
    keywords=("stop2end", "opt-out keyword format", "keyword must stand alone"),
)
def _s4(c: CampaignContent):
    for name, text in [*c.filled_samples, ("optinMessage", c.optin_message)]:
        glued = _glued(text)
        if glued:
            yield Hit(f"{name}: the opt-out keyword is glued to other text in “{glued[0]}”.", name)


@_rule(
    "S5",
    "sample1",
    "W",
    "Samples read like real messages",
    "Write samples as the subscriber will see them; put variable parts in [brackets] "
    "(“Hi [first name], …”), not {{…}}, and avoid “test”, lorem ipsum or 3-word samples.",
    "Twilio 30893; A1 SAMPLE_MESSAGE_USE_CASE_MISMATCH",
    keywords=(
        "placeholder",
        "template variable",
        "generic sample",
        "sample too short",
        "test message",
    ),
)
def _s5(c: CampaignContent):
    for name, text in c.filled_samples:
        bad = _search(_PLACEHOLDER_RE, text)
        if bad:
            yield Hit(
                f"Sample {name[-1]} contains “{bad.strip()}”; use [brackets] for variables "
                "and real wording.",
                name,
            )
        elif len(text.split()) < 4:
            yield Hit(f"Sample {name[-1]} has fewer than 4 words.", name)


@_rule(
    "S6",
    "sample1",
    "E",
    "No public URL shorteners",
    "Use the full link on your own domain (or a branded short domain you own) instead of "
    "bit.ly, tinyurl.com and other public shorteners.",
    "A1 SAMPLE_MESSAGE_SHORT_URL; S3; nmogil/A2P10DLC-Scanner urlShorteners.ts",
    keywords=(
        "url shortener",
        "shortened url",
        "short url",
        "shortened link",
        "bit.ly",
        "public shortener",
    ),
)
def _s6(c: CampaignContent):
    for name, text in [
        *c.filled_samples,
        ("embeddedLinkSample", c.embedded_link_sample),
        ("messageFlow", c.message_flow),
    ]:
        match = _SHORTENER_RE.search(text)
        if match:
            yield Hit(f"{name} uses the public URL shortener {match.group(1).lower()}.", name)


@_rule(
    "S7",
    "embeddedLink",
    "E",
    "Link and phone flags match the samples",
    "Tick “embedded link” if and only if a sample contains a URL, and “embedded phone” if and "
    "only if a sample contains a phone number.",
    "B3 601; Twilio 30889; A1 SAMPLE_MESSAGE_PHONE_NUMBER",
    keywords=(
        "embedded link",
        "embeddedlink",
        "embedded phone",
        "embeddedphone",
        "phone number in sample",
        "link in sample",
        "attribute mismatch",
        "30889",
    ),
)
def _s7(c: CampaignContent):
    filled = c.filled_samples
    if not filled:
        return
    with_link = [name for name, text in filled if has_link(text)]
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


@_rule(
    "S8",
    "sample1",
    "W",
    "Samples fit the use case",
    "Make the samples show the use case: promotions for MARKETING, a 4–8 digit code for 2FA, "
    "no promotional wording in notifications, one sample per sub-use-case for MIXED.",
    "B3 602; A1 USE_CASE_MISMATCH; S3",
    keywords=(
        "use case mismatch",
        "usecase mismatch",
        "does not match the use case",
        "not consistent with use case",
        "602",
    ),
)
def _s8(c: CampaignContent):
    filled = c.filled_samples
    if not filled:
        return
    if c.usecase == "MARKETING" and not any(_PROMO_RE.search(t) for _, t in filled):
        yield Hit("MARKETING samples show no offer, sale or promotion.")
    if c.usecase == "2FA" and not any(_CODE_RE.search(t) for _, t in filled):
        yield Hit("2FA samples show no 4–8 digit code (or [code] placeholder).")
    if c.usecase in _NOTIFICATION_USECASES:
        for name, text in filled:
            promo = _search(_PROMO_RE, text)
            if promo:
                yield Hit(
                    f"Sample {name[-1]} has promotional wording (“{promo}”), which does not "
                    f"belong in {c.usecase}.",
                    name,
                )
    if c.usecase == "MIXED" and len(filled) < len(c.sub_usecases):
        yield Hit(
            f"MIXED with {len(c.sub_usecases)} sub-use-cases needs one sample each; "
            f"there are {len(filled)}."
        )


def _content_fields(c: CampaignContent) -> list[tuple[str, str]]:
    return [(n, t) for n, t in c.text_fields() if n not in ("optoutMessage", "helpMessage")]


@_rule(
    "S9",
    "sample1",
    "E",
    "No SHAFT-C or banned content",
    "Remove cannabis/CBD, gambling, high-risk finance (payday loans, crypto), illegal drugs, "
    "sexual or hateful content: carriers never allow it and a rejection cannot be resubmitted.",
    "A1 Disallowed Content and Age Gate; B3 701; P2 1001",
    keywords=(
        "shaft",
        "prohibited content",
        "disallowed content",
        "banned content",
        "cannabis",
        "gambling",
        "701",
        "1001",
        "restricted content",
    ),
)
def _s9(c: CampaignContent):
    for name, text in _content_fields(c):
        for match in BANNED_RE.finditer(text):
            if not _negated(text, match.start()):
                yield Hit(
                    f"{name} mentions “{match.group(0)}”, content carriers do not allow.", name
                )
                break


@_rule(
    "S10",
    "description",
    "W",
    "No lead generation or affiliate marketing",
    "Send only your own brand's messages; carriers refuse lead generation, affiliate offers "
    "and sharing of subscriber lists, and the rejection cannot be resubmitted.",
    "A1 CAMPAIGN_NON_COMPLIANT_CONTENT_AFFILIATE_MARKETING",
    keywords=("affiliate", "lead generation", "lead gen", "third party marketing"),
)
def _s10(c: CampaignContent):
    for name, text in _content_fields(c):
        found = _affirmed(_AFFILIATE_RE, text)
        if found:
            yield Hit(
                f"{name} mentions “{found}”, which reads as lead generation or affiliate "
                "marketing.",
                name,
            )


@_rule(
    "S11",
    "sample2",
    "W",
    "Samples differ and no text is reused across fields",
    "Write each sample as a different real message, and write the description, message flow "
    "and replies in their own words.",
    "A1 CAMPAIGN_TEMPLATE_REUSE",
    keywords=("template reuse", "duplicate sample", "identical samples", "reused"),
)
def _s11(c: CampaignContent):
    filled = c.filled_samples
    for i, (name_a, a) in enumerate(filled):
        for name_b, b in filled[i + 1 :]:
            a_norm, b_norm = _norm(a), _norm(b)
            matcher = difflib.SequenceMatcher(None, a_norm, b_norm)
            if a_norm == b_norm or (matcher.quick_ratio() >= 0.9 and matcher.ratio() >= 0.9):
                yield Hit(f"{name_b} is (nearly) the same as {name_a}.", name_b)
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


@_rule(
    "S12",
    "description",
    "W",
    "Fields are in English",
    "Write the fields in English, or add an English translation next to the other language.",
    "A1 CAMPAIGN_NON_ENGLISH_CONTENT; DCA2 code 506",
    keywords=("non-english", "non english", "not in english", "english translation", "506"),
)
def _s12(c: CampaignContent):
    for name, text in c.text_fields():
        if not _is_english(text):
            yield Hit(f"{name} does not read as English.", name)


# --- Description ---------------------------------------------------------------------------


@_rule(
    "D1",
    "description",
    "E",
    "Description is 40–4096 characters",
    "Describe the campaign in 40–4096 characters: who sends, who receives, and why.",
    "W10; S3",
    keywords=("description too short", "campaign description length", "description length"),
)
def _d1(c: CampaignContent):
    yield from _length_hits("description", c.description, 40, 4096, label="The description")


@_rule(
    "D2",
    "description",
    "W",
    "Description says who sends, who receives and why",
    "Say who sends (your brand), who receives (e.g. customers who opted in on our website) and "
    "why (e.g. appointment reminders and order updates).",
    "S3; Twilio 30886; A1 CAMPAIGN_UNCLEAR",
    keywords=(
        "campaign unclear",
        "description unclear",
        "vague description",
        "30886",
        "insufficient description",
    ),
)
def _d2(c: CampaignContent):
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


@_rule(
    "D3",
    "description",
    "W",
    "Only the registered brand is named",
    "Name only the registered brand (or its DBA) as the sender; one campaign serves one brand.",
    "A1 CAMPAIGN_TO_BRAND_MISMATCH; CAMPAIGN_MULTI_BRAND",
    keywords=(
        "multi brand",
        "multiple brands",
        "brand mismatch",
        "campaign to brand mismatch",
        "different company",
    ),
)
def _d3(c: CampaignContent):
    if not _brand_known(c.brand):
        return
    for name, text in (("description", c.description), ("messageFlow", c.message_flow)):
        for match in _COMPANY_RE.finditer(text):
            if not names_brand(match.group(0), c.brand):
                yield Hit(f"{name} names another company, “{match.group(0)}”.", name)
                break


@_rule(
    "D4",
    "description",
    "W",
    "Business messaging, not personal texting",
    "Describe messages from the business to its customers; personal and peer-to-peer texting "
    "cannot be registered as 10DLC campaigns.",
    "A1 CAMPAIGN_NOT_QUALIFIED_P2P",
    keywords=("p2p", "peer to peer", "personal use", "not qualified"),
)
def _d4(c: CampaignContent):
    found = _affirmed(_P2P_RE, c.description)
    if found:
        yield Hit(f"The description mentions “{found}”, which reads as personal texting.")


# --- Message flow --------------------------------------------------------------------------


@_rule(
    "M1",
    "messageFlow",
    "E",
    "Message flow is 40–2048 characters",
    "Describe, in 40–2048 characters, exactly how a subscriber opts in.",
    "T2; W10; S3",
    keywords=("message flow length", "messageflow too short", "call to action missing"),
)
def _m1(c: CampaignContent):
    yield from _length_hits("messageFlow", c.message_flow, 40, 2048, label="The message flow")


@_rule(
    "M2",
    "messageFlow",
    "E",
    "Message flow names how consent is collected",
    "Say how people opt in (website form, keyword, verbal, IVR, paper form, point of sale, QR "
    "code) and link the page with the form; for verbal or IVR opt-in quote the script.",
    "B1 2100/2105; S3; A1 OPT_IN_WORKFLOW_MISSING",
    keywords=(
        "opt-in workflow",
        "opt in workflow",
        "opt-in method",
        "call to action",
        "cta",
        "consent collection",
        "how consent",
        "2100",
        "2105",
        "opt-in process",
        "opt-in source",
        "unable to verify opt-in",
    ),
)
def _m2(c: CampaignContent):
    flow = c.message_flow
    if not flow:
        return  # M1 says so
    if not _OPT_IN_METHOD_RE.search(flow):
        yield Hit("The message flow does not say how subscribers opt in.")
        return
    if _WEB_METHOD_RE.search(flow) and not _urls(flow):
        yield Hit("The message flow mentions a website or online form but does not link it.")
    if _VERBAL_RE.search(flow) and not _SCRIPT_RE.search(flow):
        yield Hit("Verbal or IVR opt-in needs the script that is read or played.")


@_rule(
    "M3",
    "messageFlow",
    "W",
    "The call to action has every required element",
    "Make the opt-in text state the brand, the kinds of messages, the frequency, “Msg & data "
    "rates may apply”, HELP, STOP, and link the privacy policy and terms.",
    "B2 2133–2138; A1 OPT_IN_WORKFLOW_NON_COMPLIANT_*",
    keywords=(
        "2133",
        "2134",
        "2135",
        "2136",
        "2137",
        "2138",
        "message frequency",
        "data rates",
        "msg & data rates",
        "privacy policy link",
        "terms and conditions",
    ),
)
def _m3(c: CampaignContent):
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
    if missing:
        yield Hit("The call to action does not state " + ", ".join(missing) + ".")


@_rule(
    "M4",
    "messageFlow",
    "E",
    "Consent is explicit, unchecked and not shared",
    "Collect consent with an unchecked box or an explicit action, separate from other terms; "
    "never pre-check it, infer it, or share opt-in data with partners.",
    "A1 OPT_IN_WORKFLOW_CHECKBOX_INVALID; OPT_IN_WORKFLOW_CONSENT_MARKETING_NOT_SEPARATED; "
    "OPT_IN_DATA_SHARED_WITH_THIRD_PARTIES; B1 2101; LocalDealMarket#65",
    keywords=(
        "pre-checked",
        "prechecked",
        "checkbox",
        "implied consent",
        "consent bundled",
        "not separated",
        "shared with third parties",
        "2101",
        "third parties",
    ),
)
def _m4(c: CampaignContent):
    for name, text in (
        ("messageFlow", c.message_flow),
        ("optinMessage", c.optin_message),
        ("description", c.description),
    ):
        found = _affirmed(_BAD_CONSENT_RE, text)
        if found:
            yield Hit(
                f"{name} says “{found}”: consent must be explicit and opt-in data never shared.",
                name,
            )


@_rule(
    "M5",
    "messageFlow",
    "W",
    "Opt-in page links use HTTPS",
    "Link the opt-in page over https:// so reviewers can load it (and add a screenshot URL if "
    "the form sits behind a login).",
    "B1 2103/2104; B2 2139; SplitTime/OpenSplitTime#1216",
    keywords=("2103", "2104", "2139", "opt-in page", "unable to access", "screenshot"),
)
def _m5(c: CampaignContent):
    for url in _urls(c.message_flow):
        if url.lower().startswith("http://"):
            yield Hit(f"{url} is not https://.")


@_rule(
    "M6",
    "optinMessage",
    "E",
    "Opt-in confirmation is complete",
    "When you set opt-in keywords, write the confirmation sent back: brand, message frequency, "
    "“Msg & data rates may apply”, “Reply HELP for help” and “Reply STOP to opt out”.",
    "W10; A1 OPT_IN_MESSAGE_*; S3",
    keywords=("opt-in message", "optin message", "opt in confirmation", "confirmation message"),
)
def _m6(c: CampaignContent):
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


@_rule(
    "M7",
    "messageFlow",
    "W",
    "Message flow names the brand",
    "Name the registered brand in the message flow, as the subscriber sees it when opting in.",
    "B2 2133; A1 OPT_IN_WORKFLOW_MISMATCH",
    keywords=("opt-in workflow mismatch", "workflow mismatch"),
)
def _m7(c: CampaignContent):
    if (
        len(c.message_flow) >= 40
        and _brand_known(c.brand)
        and not names_brand(c.message_flow, c.brand)
    ):
        yield Hit("The message flow does not name the brand.")


# --- Keyword replies -----------------------------------------------------------------------


@_rule(
    "K1",
    "helpMessage",
    "E",
    "HELP and STOP replies are complete",
    "HELP reply: 20–320 characters with a phone number, email or website to reach you. STOP "
    "reply: 20–320 characters naming the brand and confirming no more messages will be sent.",
    "W10; S3; A1 OPT_OUT_MESSAGE_NON_COMPLIANT",
    keywords=(
        "help message",
        "opt-out message",
        "optout message",
        "stop message",
        "opt out confirmation",
        "opt-out reply",
        "help reply",
    ),
)
def _k1(c: CampaignContent):
    yield from _length_hits(
        "helpMessage", c.help_message, 20, 320, warn_above=255, label="The help message"
    )
    if c.help_message and not _has_contact(c.help_message):
        yield Hit("The help message gives no phone number, email or website to get help.")
    yield from _length_hits(
        "optoutMessage", c.optout_message, 20, 320, warn_above=255, label="The opt-out message"
    )
    msg = c.optout_message
    if msg:
        missing = []
        if not _OPT_OUT_CONFIRM_RE.search(msg):
            missing.append("confirm the opt-out")
        if not _NO_MORE_RE.search(msg):
            missing.append("say no more messages will be sent")
        if _brand_known(c.brand) and not names_brand(msg, c.brand):
            missing.append("name the brand")
        if missing:
            yield Hit("The opt-out message does not " + ", ".join(missing) + ".", "optoutMessage")


_KEYWORD_LIST_RE = re.compile(r"^[A-Za-z0-9]+(,[A-Za-z0-9]+)*$")


@_rule(
    "K2",
    "optoutKeywords",
    "E",
    "Keyword lists are valid and include STOP and HELP",
    "List keywords comma-separated without spaces (e.g. STOP,END,CANCEL,UNSUBSCRIBE,QUIT); "
    "opt-out keywords include STOP and help keywords include HELP.",
    "W10; S3; TC",
    keywords=("optoutkeywords", "opt-out keywords", "help keywords", "keyword list", "keywords"),
)
def _k2(c: CampaignContent):
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


@_rule(
    "K3",
    "subscriberOptin",
    "E",
    "Opt-in, opt-out and help are all supported",
    "Set subscriberOptin, subscriberOptout and subscriberHelp to true; TCR will not create the "
    "campaign otherwise.",
    "T3",
    keywords=("subscriberoptin", "subscriberoptout", "subscriberhelp", "subscriber opt"),
)
def _k3(c: CampaignContent):
    for name, value in (
        ("subscriberOptin", c.subscriber_optin),
        ("subscriberOptout", c.subscriber_optout),
        ("subscriberHelp", c.subscriber_help),
    ):
        if value is not True:
            yield Hit(f"{name} must be true.", name)


@_rule(
    "K4",
    "helpMessage",
    "W",
    "Help reply names the brand and its own contact",
    "Start the HELP reply with the brand name and give support contact on the brand's own "
    "domain or phone number.",
    "A1 HELP_MESSAGE_NON_COMPLIANT / HELP_MESSAGE_MISMATCH",
    keywords=("help message mismatch", "help message non compliant"),
)
def _k4(c: CampaignContent):
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


# --- Use case and flags --------------------------------------------------------------------


@_rule(
    "U1",
    "directLending",
    "E",
    "Lending content is declared",
    "Set directLending to true if the messages are about loans or lending, or remove the "
    "lending content.",
    "A1 CAMPAIGN_UNDECLARED_DIRECT_LENDING; P2 1003; S3",
    keywords=("direct lending", "directlending", "undeclared lending", "loan", "1003"),
)
def _u1(c: CampaignContent):
    if c.direct_lending:
        return
    for name, text in _content_fields(c):
        found = _affirmed(_LENDING_RE, text)
        if found:
            yield Hit(f"{name} mentions “{found}” but directLending is not set.")
            return


@_rule(
    "U2",
    "ageGated",
    "E",
    "Age-restricted content is age gated",
    "Set ageGated to true for alcohol, firearms, tobacco or vape content, and describe a full "
    "date-of-birth age gate in the message flow (a yes/no question is not enough).",
    "A1 Age Gate",
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
def _u2(c: CampaignContent):
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


@_rule(
    "U3",
    "usecase",
    "W",
    "Test and tiny programs use LOW_VOLUME",
    "Use the LOW_VOLUME use case for tests, demos and programs sending very few messages.",
    "S3",
    keywords=("low volume", "test campaign", "demo"),
)
def _u3(c: CampaignContent):
    if c.usecase in ("LOW_VOLUME", "SOLE_PROPRIETOR"):
        return
    found = _affirmed(_TEST_PROGRAM_RE, c.description)
    if found:
        yield Hit(f"The description mentions “{found}”; consider LOW_VOLUME.")


@_rule(
    "U4",
    "usecase",
    "E",
    "The brand qualifies for the use case",
    "Pick a use case the brand qualified for (Telnyx qualify-by-usecase); others are refused.",
    "T13; R1; Twilio 30900",
    keywords=("not qualified for", "does not qualify", "qualify", "30900", "usecase not allowed"),
)
def _u4(c: CampaignContent):
    if not c.usecase:
        yield Hit("Choose a use case.")
    elif c.brand.qualified_usecases is not None and c.usecase not in c.brand.qualified_usecases:
        yield Hit(f"The brand did not qualify for {c.usecase}.")


@_rule(
    "U5",
    "subUsecases",
    "E",
    "Sub-use-case count is within limits",
    "Pick between the minimum and maximum sub-use-cases qualify returns (2–5 for MIXED).",
    "S3; T13",
    keywords=("subusecases", "sub use case", "sub-usecase", "sub-use-case"),
)
def _u5(c: CampaignContent):
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


# --- Sole proprietor (campaign side) -------------------------------------------------------


@_rule(
    "P1",
    "usecase",
    "E",
    "Sole proprietors: one SOLE_PROPRIETOR campaign, one number",
    "A sole-proprietor brand gets exactly one campaign, of use case SOLE_PROPRIETOR, without a "
    "number pool; only sole-proprietor brands may use that use case.",
    "T7; P5",
    keywords=("sole proprietor", "sole prop", "one campaign", "campaign limit"),
)
def _p1(c: CampaignContent):
    sp = c.brand.sole_proprietor
    if sp and c.usecase and c.usecase != "SOLE_PROPRIETOR":
        yield Hit(f"A sole-proprietor brand must use SOLE_PROPRIETOR, not {c.usecase}.")
    if not sp and c.brand.entity_type and c.usecase == "SOLE_PROPRIETOR":
        yield Hit("Only sole-proprietor brands may use the SOLE_PROPRIETOR use case.")
    if sp and (c.brand.existing_campaign_count or 0) >= 1:
        yield Hit("This sole-proprietor brand already has its one campaign.")
    if sp and c.number_pool:
        yield Hit("A sole-proprietor campaign has one number: turn off numberPool.", "numberPool")


@_rule(
    "P3",
    "mobilePhone",
    "E",
    "Sole proprietors: verified US/CA mobile",
    "Verify the one-time PIN sent to the owner's mobile before creating the campaign; the "
    "mobile must be a US or Canadian carrier mobile number in E.164, not VoIP.",
    "T7; P5; Twilio 30751",
    keywords=("otp", "one-time pin", "not verified", "mobile phone", "30751", "voip"),
    scope=BRAND,
)
def _p3(b: BrandContent):
    if not b.sole_proprietor:
        return
    if not b.mobile_phone:
        yield Hit("A sole-proprietor brand needs the owner's mobile phone.")
        return
    try:
        number = phonenumbers.parse(b.mobile_phone, None)
    except phonenumbers.NumberParseException:
        yield Hit(f"{b.mobile_phone} is not an E.164 number (+1XXXXXXXXXX).")
        return
    region = phonenumbers.region_code_for_number(number)
    if not phonenumbers.is_valid_number(number) or region not in ("US", "CA"):
        yield Hit(f"{b.mobile_phone} is not a valid US or Canadian mobile number.")


def _p3_campaign(c: CampaignContent):
    if c.brand.sole_proprietor and c.brand.otp_verified is False:
        yield Hit(
            "Verify the sole proprietor's one-time PIN before creating the campaign.", "brandId"
        )


# --- Brand ---------------------------------------------------------------------------------

FREE_EMAIL_DOMAINS = (
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "ymail.com",
    "hotmail.com",
    "outlook.com",
    "live.com",
    "msn.com",
    "aol.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "protonmail.com",
    "proton.me",
    "gmx.com",
    "gmx.net",
    "mail.com",
    "zoho.com",
    "yandex.com",
    "hey.com",
    "comcast.net",
    "att.net",
    "verizon.net",
    "sbcglobal.net",
    "fastmail.com",
    "tutanota.com",
)
_EIN_RE = re.compile(r"^\d{2}-?\d{7}$")
_PO_BOX_RE = re.compile(r"(?i)\b(p\.?\s*o\.?\s*box|post office box|pob)\b")
_LEGAL_ENTITY_RE = re.compile(
    r"(?i)\b(llc|l\.l\.c\.|inc\.?|incorporated|corp\.?|corporation|co\.?|company|ltd\.?|limited|"
    r"llp|lp|pllc|pc|p\.c\.|pa|p\.a\.|plc|trust|foundation|association|society|church|"
    r"university|college|school|district|city|county|state|department|authority|partners|group)"
    r"(?![\w])"
)


@_rule(
    "B1",
    "ein",
    "E",
    "EIN has 9 digits",
    "Enter the 9-digit EIN from the IRS letter (CP-575), as 12-3456789.",
    "TB; T14",
    keywords=("ein", "tax id", "tax identification", "invalid ein"),
    scope=BRAND,
)
def _b1(b: BrandContent):
    if b.sole_proprietor:
        return
    if not b.ein:
        if b.entity_type:
            yield Hit("Enter the business's tax number (EIN in the US).")
        return
    if b.country.upper() in ("US", "") and not _EIN_RE.match(b.ein):
        yield Hit(f"“{b.ein}” is not a 9-digit EIN (12-3456789).")


@_rule(
    "B2",
    "companyName",
    "W",
    "Legal name as the IRS has it",
    "Enter the legal name exactly as on the IRS letter (CP-575), with its suffix and "
    "punctuation (e.g. “Sweet Crumbs Bakery, LLC”).",
    "T12; T3; P1",
    keywords=(
        "legal name",
        "company name mismatch",
        "name mismatch",
        "ein mismatch",
        "does not match irs",
        "cp-575",
        "identity",
        "unverified",
    ),
    scope=BRAND,
)
def _b2(b: BrandContent):
    if b.sole_proprietor:
        return
    if not b.company_name:
        yield Hit("Enter the legal company name.", severity=Severity.ERROR)
    elif b.entity_type in ("PRIVATE_PROFIT", "PUBLIC_PROFIT") and not _LEGAL_ENTITY_RE.search(
        b.company_name
    ):
        yield Hit(
            f"“{b.company_name}” has no legal suffix (LLC, Inc. …); check it matches the "
            "IRS record exactly."
        )


@_rule(
    "B3",
    "street",
    "W",
    "USPS-standard address",
    "Use the USPS-standard street address (no PO box for businesses), a 2-letter state and a "
    "5-digit ZIP code.",
    "T12; A1 BRAND_ADDRESS_INVALID; support.diallink.com/en/articles/13189010",
    keywords=("address", "po box", "invalid address", "usps"),
    scope=BRAND,
)
def _b3(b: BrandContent):
    if not b.sole_proprietor and _PO_BOX_RE.search(b.street):
        yield Hit("A business address may not be a PO box.")
    if b.country.upper() == "US":
        if b.state and not re.fullmatch(r"[A-Z]{2}", b.state):
            yield Hit(f"“{b.state}” is not a 2-letter state code.", "state")
        if b.postal_code and not re.fullmatch(r"\d{5}(-\d{4})?", b.postal_code):
            yield Hit(f"“{b.postal_code}” is not a 5-digit ZIP code.", "postalCode")
    for name, value in (
        ("street", b.street),
        ("city", b.city),
        ("state", b.state),
        ("postalCode", b.postal_code),
    ):
        if not value and not b.sole_proprietor:
            yield Hit(f"{name} is empty.", name)


@_rule(
    "B4",
    "email",
    "E",
    "Business email on the brand's domain",
    "Use an email address on your business domain (e.g. you@sweetcrumbs.com), not Gmail, "
    "Yahoo or another free provider.",
    "A1 BRAND_EMAIL_PUBLIC_DOMAIN; UNOFFICIAL_SUPPORT_EMAIL",
    keywords=("email", "public domain", "free email", "unofficial support email"),
    scope=BRAND,
)
def _b4(b: BrandContent):
    if not b.email:
        yield Hit("Enter the brand's email address.")
        return
    if not _EMAIL_RE.fullmatch(b.email):
        yield Hit(f"“{b.email}” is not an email address.")
        return
    domain = b.email.rsplit("@", 1)[1].lower()
    if b.sole_proprietor:
        return  # a person's own address is expected
    if domain in FREE_EMAIL_DOMAINS:
        yield Hit(f"{domain} is a free email provider.")
        return
    site = _domain(b.website)
    if site and not (domain == site or domain.endswith("." + site) or site.endswith("." + domain)):
        yield Hit(
            f"The email's domain {domain} differs from the website's {site}.",
            severity=Severity.WARNING,
        )


def _digits(ein: str) -> str:
    return re.sub(r"\D", "", ein)


@_rule(
    "B5",
    "ein",
    "W",
    "EIN used by one brand only",
    "Register each business once; reuse its existing brand instead of creating another with "
    "the same EIN.",
    "A1 BRAND_MULTI_USE",
    keywords=("multi use", "duplicate brand", "ein already", "already registered"),
    scope=BRAND,
)
def _b5(b: BrandContent):
    if b.ein and _digits(b.ein) in {_digits(e) for e in b.eins_of_other_brands}:
        yield Hit("This EIN is already used on another brand.")


@_rule(
    "B6",
    "companyName",
    "E",
    "The brand is the end business, not the platform",
    "Register the business that sends the messages, not the software platform (ISV) that "
    "sends them for it.",
    "A1 BRAND_INVALID_BUSINESS_CONNECTION; P2 1002",
    keywords=("business connection", "isv", "reseller", "1002", "end business"),
    scope=BRAND,
)
def _b6(b: BrandContent):
    platforms = {_norm(p) for p in b.platform_names}
    for name, value in (("companyName", b.company_name), ("displayName", b.display_name)):
        norm = " ".join(_LEGAL_SUFFIX_RE.sub(" ", _norm(value)).split())
        if norm in platforms:
            yield Hit(f"“{value}” is the messaging platform, not the business.", name)


@_rule(
    "B7",
    "phone",
    "W",
    "Same phone and email everywhere",
    "Use the same support phone number and email on the brand, the samples and the website.",
    "goconvey 10DLC review guide; A1 CAMPAIGN_ATTRIBUTES_MISMATCH",
    keywords=("attributes mismatch", "contact mismatch", "phone mismatch"),
)
def _b7(c: CampaignContent):
    brand_phone = re.sub(r"\D", "", c.brand.phone)[-10:]
    brand_email = c.brand.email.lower()
    for name, text in [*c.filled_samples, ("helpMessage", c.help_message)]:
        for match in _PHONE_RE.finditer(text):
            if brand_phone and re.sub(r"\D", "", match.group(0))[-10:] != brand_phone:
                yield Hit(f"{name} gives {match.group(0).strip()}, not the brand's phone.", name)
        for email in _emails(text):
            email_domain = email.rsplit("@", 1)[1].lower()
            if (
                brand_email
                and email.lower() != brand_email
                and not brand_email.endswith("@" + email_domain)
            ):
                yield Hit(f"{name} gives {email}, not an address of the brand's.", name)


@_rule(
    "B8",
    "stockSymbol",
    "I",
    "Public companies: stock details and 2FA email",
    "For PUBLIC_PROFIT enter stockSymbol, stockExchange and businessContactEmail; answer the "
    "verification email Telnyx then sends within 7 days (the brand is unverified after 30).",
    "TB; T6",
    keywords=(
        "stock symbol",
        "stock exchange",
        "public profit",
        "2fa email",
        "businesscontactemail",
    ),
    scope=BRAND,
)
def _b8(b: BrandContent):
    if b.entity_type != "PUBLIC_PROFIT":
        return
    for name, value in (
        ("stockSymbol", b.stock_symbol),
        ("stockExchange", b.stock_exchange),
        ("businessContactEmail", b.business_contact_email),
    ):
        if not value or value == "NONE":
            yield Hit(f"A public company needs {name}.", name, Severity.ERROR)
    yield Hit(
        "Telnyx emails businessContactEmail a verification link, valid for 7 days.",
        "businessContactEmail",
    )


BRAND_MAX_LENGTHS = {
    "display_name": 100,
    "company_name": 100,
    "email": 100,
    "street": 100,
    "city": 100,
    "website": 100,
    "first_name": 100,
    "last_name": 100,
    "ein": 20,
    "phone": 20,
    "mobile_phone": 20,
    "postal_code": 10,
    "state": 20,
    "stock_symbol": 10,
}


@_rule(
    "B9",
    "displayName",
    "E",
    "Brand fields within their maximum lengths",
    "Shorten the field to Telnyx's maximum (100 for names, email, street, city, website; 20 for "
    "EIN, phones and state; 10 for ZIP and stock symbol); country is 2 letters.",
    "TB",
    keywords=("too long", "maximum length", "max length", "exceeds"),
    scope=BRAND,
)
def _b9(b: BrandContent):
    for attr, limit in BRAND_MAX_LENGTHS.items():
        value = getattr(b, attr)
        if len(value) > limit:
            yield Hit(
                f"{_camel(attr)} has {len(value)} characters; the maximum is {limit}.", _camel(attr)
            )
    if not re.fullmatch(r"[A-Z]{2}", b.country):
        yield Hit("country must be a 2-letter code (US).", "country")


@_rule(
    "B10",
    "brandId",
    "E",
    "Brand verified before campaigns",
    "Wait until the brand's identity is VERIFIED, VETTED_VERIFIED or SELF_DECLARED (fix its "
    "feedback or order vetting) before creating a campaign.",
    "B9; T3",
    keywords=("brand not verified", "unverified brand", "identity status", "identitystatus"),
)
def _b10(c: CampaignContent):
    status = c.brand.identity_status
    if status and status not in ("VERIFIED", "VETTED_VERIFIED", "SELF_DECLARED"):
        yield Hit(f"The brand's identity is {status}; campaigns need a verified brand.")


@_rule(
    "B11",
    "brandId",
    "I",
    "At most 100 campaigns per brand",
    "Deactivate campaigns you no longer use; a brand holds at most 100.",
    "Twilio 30930",
    keywords=("campaign limit", "too many campaigns", "30930"),
)
def _b11(c: CampaignContent):
    count = c.brand.existing_campaign_count
    if count is not None and count >= 100:
        yield Hit(f"The brand already has {count} campaigns, the maximum.", severity=Severity.ERROR)
    elif count is not None and count >= 90:
        yield Hit(f"The brand has {count} of its 100 campaigns.")


# --- Sole proprietor (brand side) ----------------------------------------------------------


@_rule(
    "P2",
    "mobilePhone",
    "E",
    "Sole proprietors: a mobile serves at most 3 brands",
    "Use a mobile number that is not already on three sole-proprietor brands.",
    "T7; P5",
    keywords=("mobile already", "three brands", "3 brands"),
    scope=BRAND,
)
def _p2(b: BrandContent):
    used = b.sole_proprietor_brands_on_mobile
    if b.sole_proprietor and used is not None and used >= 3:
        yield Hit(f"{b.mobile_phone} is already on {used} sole-proprietor brands.")


@_rule(
    "P4",
    "ein",
    "W",
    "Sole proprietors with an EIN use the standard flow",
    "If you have an EIN, register as PRIVATE_PROFIT instead: a sole-proprietor brand with an "
    "EIN risks suspension.",
    "P5; T7",
    keywords=("sole proprietor ein",),
    scope=BRAND,
)
def _p4(b: BrandContent):
    if b.sole_proprietor and b.ein:
        yield Hit("A sole-proprietor brand was given an EIN.")


@_rule(
    "P5",
    "pinSms",
    "E",
    "The OTP text carries the PIN",
    "Put @OTP_PIN@ where the PIN goes (e.g. “Your Sweet Crumbs verification PIN is "
    "@OTP_PIN@”); the PIN expires after 24 hours and can be resent.",
    "T13; W5",
    keywords=("otp_pin", "pinsms", "30752"),
    scope=BRAND,
)
def _p5(b: BrandContent):
    if b.pin_sms is not None and "@OTP_PIN@" not in b.pin_sms:
        yield Hit("The OTP message must contain @OTP_PIN@.")


# --- Resubmission (guidance: nothing in the content to check) -------------------------------

_rule(
    "R1",
    "usecase",
    "I",
    "Fees before every submit or appeal",
    "Expect a vetting fee ($15) on each submission or appeal and 3 months of the campaign fee "
    "paid upfront, non-refundable.",
    "B3; P3; W6; T11",
    scope=GUIDANCE,
    keywords=("insufficient funds", "fee", "402"),
)()
_rule(
    "R2",
    "usecase",
    "I",
    "A new use case means a new campaign",
    "To change the use case or a wrong attribute, create a new campaign; after creation only "
    "the samples, message flow and help message can be edited.",
    "T15; B3 601; P2 1003",
    scope=GUIDANCE,
    keywords=("601", "resubmit", "cannot be edited"),
)()
_rule(
    "R3",
    "appeal_reason",
    "I",
    "Appeal only rejected campaigns",
    "Appeal from TELNYX_FAILED or MNO_REJECTED with an appeal reason that says what you "
    "changed; the campaign then returns to TCR_ACCEPTED.",
    "T4",
    scope=GUIDANCE,
    keywords=("appeal", "mno_rejected", "telnyx_failed"),
)()
_rule(
    "R4",
    "referenceId",
    "I",
    "A unique referenceId per submission",
    "The app sends a unique referenceId with each campaign so a retry never creates a second, "
    "billable campaign.",
    "TC; B9",
    scope=GUIDANCE,
    keywords=("duplicate campaign", "referenceid"),
)()


# --- Public API ----------------------------------------------------------------------------

_SECTION_ORDER = {key: i for i, (key, _) in enumerate(SECTIONS)}
RULES.sort(key=lambda r: (_SECTION_ORDER[r.id[0]], int(r.id[1:])))
_BY_ID = {r.id: r for r in RULES}
# P3 has a campaign side too (the OTP must be verified before the campaign).
_CAMPAIGN_EXTRA: list[tuple[Rule, Check]] = [(_BY_ID["P3"], _p3_campaign)]


def rule(rule_id: str) -> Rule:
    return _BY_ID[rule_id.upper()]


def _run(rules: Iterable[tuple[Rule, Check]], content) -> list[Finding]:
    findings = [
        Finding(r.id, hit.field or r.field, hit.severity or r.severity, hit.message, r.fix)
        for r, check in rules
        for hit in check(content)
    ]
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    return sorted(findings, key=lambda f: order[f.severity])


def check_campaign(content: CampaignContent) -> list[Finding]:
    """Every campaign finding, errors first."""
    rules = [(r, r.check) for r in RULES if r.scope == CAMPAIGN and r.check]
    return _run([*rules, *_CAMPAIGN_EXTRA], content)


def check_brand(content: BrandContent) -> list[Finding]:
    """Every brand finding, errors first."""
    return _run([(r, r.check) for r in RULES if r.scope == BRAND and r.check], content)


def blocking(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.ERROR]


def findings_by_field(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = {}
    for f in findings:
        grouped.setdefault(f.field, []).append(f)
    return grouped


def match_rejection(text: str) -> list[Rule]:
    """Rules a carrier or Telnyx rejection text points at, best match first.

    Each rule lists phrases (its `keywords`: rejection codes, AWS/Bandwidth reason names, the
    words carriers use); a rule matches when one of them occurs in the text as whole words,
    case-insensitively. Rules with more (and longer) matching phrases come first.
    """
    haystack = f" {_norm(text or '')} "
    scored = []
    for r in RULES:
        score = sum(len(k) for k in r.keywords if _contains_phrase(haystack.strip(), _norm(k)))
        if score:
            scored.append((score, r))
    scored.sort(key=lambda pair: (-pair[0], _SECTION_ORDER[pair[1].id[0]], int(pair[1].id[1:])))
    return [r for _, r in scored]
