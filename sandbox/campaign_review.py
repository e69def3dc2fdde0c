"""How the sandbox qualifies, prices and reviews campaigns.

Values the documents do not give (fees, per-carrier metadata) are sandbox choices, stated here
so nobody mistakes them for Telnyx's. MNO ids are the network ids of the spec's examples
(10017, 10035, 10999, as sandbox/enums.py serves on /10dlc/enum/mno).

Qualify (GET /10dlc/campaignBuilder/brand/{brandId}/usecase/{usecase})
----------------------------------------------------------------------
- the brand must exist (404) and be VERIFIED, VETTED_VERIFIED or SELF_DECLARED (RULES.md B10;
  a sole proprietor is VERIFIED once its OTP is confirmed) — else 400;
- SOLE_PROPRIETOR use case only for sole-proprietor brands, and sole-proprietor brands only
  for SOLE_PROPRIETOR — else 400;
- the use case must be one of /10dlc/enum/usecase — else 422 pointing at `usecase`.
Answer: monthly/quarterly/annual fees, min/max sub-usecases (MIXED 2–5, LOW_VOLUME 1–5,
others 0–0) and mnoMetadata for each carrier.

Review (run by sandbox/tasks/campaigns.py after each pace step)
----------------------------------------------------------------
Telnyx's review rejects (TELNYX_FAILED) a campaign when:
  T1 description shorter than 40 characters;
  T2 messageFlow shorter than 40 characters;
  T3 fewer samples than the use case's minMsgSamples (2; 1 for LOW_VOLUME, SOLE_PROPRIETOR);
  T4 no sample has opt-out language (STOP, END, CANCEL, UNSUBSCRIBE, QUIT, STOPALL);
  T5 no sample names the brand as a reader would know it (its display or legal name, any
     case, without "LLC", "&" read as "and", or its first distinctive word).
The carriers reject (MNO_REJECTED) a campaign that passed Telnyx's review when:
  M1 a sample carries a public URL shortener link (bit.ly, tinyurl.com …) or a link that is
     not secure (http://, Twilio's 30892: "a website URL that is unsecured");
  M2 embeddedLink disagrees with the samples (a link without the flag, or the flag without one);
  M3 embeddedPhone disagrees with the samples (same, for phone numbers);
  M4 subscriberOptout is declared but optoutKeywords lacks STOP;
  M5 the description or a sample promotes a sweepstakes, contest or giveaway (AWS's
     BRAND_NON_COMPLIANT_SWEEPSTAKES; carriers' codes of conduct restrict them). The app's
     checker has no rule for this on purpose: it is the sandbox's example of a real reason the
     checker does not model, which the rejection report must show as unchecked.
failureReasons is the reasons joined with "; ", each prefixed by its code.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

STANDARD_MONTHLY = Decimal("10.00")
MONTHLY_FEES = {"LOW_VOLUME": Decimal("1.50"), "SOLE_PROPRIETOR": Decimal("2.00")}
UP_FRONT_COST = Decimal("15.00")  # the sandbox's one-off review fee
SUB_USECASE_LIMITS = {"MIXED": (2, 5), "LOW_VOLUME": (1, 5)}
MIN_SAMPLES = {"LOW_VOLUME": 1, "SOLE_PROPRIETOR": 1}
MNO_IDS = ("10017", "10035", "10999")
T_MOBILE = "10035"  # the id the sandbox treats as T-Mobile (isTMobileRegistered)
# The carrier names the sandbox gives its network ids (the MNO enum's displayName and each
# MnoMetadataItem's `mno`). Telnyx's documents give the ids only; these two names are the
# ones public TCR integrations show for them (10017 AT&T, 10035 T-Mobile). 10999 has no
# published name, so the sandbox leaves it unnamed (its id) and the app must cope with that.
CARRIER_NAMES = {"10017": "AT&T", "10035": "T-Mobile"}
ALLOWED_IDENTITY = frozenset({"VERIFIED", "VETTED_VERIFIED", "SELF_DECLARED"})

_SWEEPSTAKES_RE = re.compile(r"\b(sweepstakes?|giveaways?|contests?|raffles?)\b", re.IGNORECASE)
SAMPLE_FIELDS = ("sample1", "sample2", "sample3", "sample4", "sample5")
_OPT_OUT_RE = re.compile(
    r"\b(STOP|END|CANCEL|UNSUBSCRIBE|QUIT|STOPALL|ALTO|PARAR|CANCELAR)\b", re.IGNORECASE
)
# A reviewer reads "Crumb & Co" and "crumb and co", "St. Mark's" and "St Marks" as one name,
# and knows a business by its name without "LLC" or by its first distinctive word.
_LEGAL_SUFFIXES = frozenset(
    [
        "llc",
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "ltd",
        "limited",
        "llp",
        "lp",
        "pllc",
        "pc",
        "pa",
        "plc",
    ]
)
_GENERIC = frozenset(
    [
        "the",
        "and",
        "of",
        "a",
        "an",
        "my",
        "our",
        "city",
        "first",
        "new",
        "best",
        "home",
        "group",
        "services",
    ]
)
_URL_RE = re.compile(
    r"(?i)\b(?:https?://|www\.)\S+|\b[a-z0-9-]+\.(?:com|net|org|ly|io|co|us)\b/?\S*"
)
_SHORTENER_RE = re.compile(
    r"(?i)\b(bit\.ly|tinyurl\.com|goo\.gl|ow\.ly|t\.co|is\.gd|buff\.ly|rebrand\.ly|cutt\.ly|tiny\.cc)\b"
)
_UNSECURED_LINK_RE = re.compile(r"(?i)\bhttp://\S")
_PHONE_RE = re.compile(r"(?<!\d)(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)")


@dataclass(frozen=True)
class BrandFacts:
    """What campaigns need of a sandbox brand."""

    brand_id: str
    tcr_brand_id: str
    display_name: str
    company_name: str
    entity_type: str
    identity_status: str
    mock: bool = False
    website: str = ""

    @property
    def sole_proprietor(self) -> bool:
        return self.entity_type == "SOLE_PROPRIETOR"


def monthly_fee(usecase: str) -> Decimal:
    return MONTHLY_FEES.get(usecase, STANDARD_MONTHLY)


def sub_usecase_limits(usecase: str) -> tuple[int, int]:
    return SUB_USECASE_LIMITS.get(usecase, (0, 0))


def mno_metadata(usecase: str) -> dict[str, dict]:
    """MnoMetadataItem per carrier for a use case."""
    min_samples = MIN_SAMPLES.get(usecase, 2)
    return {
        mno: {
            "mno": CARRIER_NAMES.get(mno, mno),
            "qualify": True,
            "mnoReview": mno != T_MOBILE,
            "mnoSupport": True,
            "minMsgSamples": min_samples,
            "noEmbeddedLink": False,
            "noEmbeddedPhone": False,
            "reqSubscriberHelp": True,
            "reqSubscriberOptin": True,
            "reqSubscriberOptout": True,
        }
        for mno in MNO_IDS
    }


def qualification_problem(brand: BrandFacts, usecase: str) -> str:
    """Why the brand may not run this use case ("" when it may)."""
    if brand.identity_status not in ALLOWED_IDENTITY:
        return (
            f"Brand {brand.brand_id} is {brand.identity_status or 'not yet verified'}; "
            "campaigns need a verified brand."
        )
    if brand.sole_proprietor and usecase != "SOLE_PROPRIETOR":
        return "A sole proprietor brand can only run the SOLE_PROPRIETOR use case."
    if usecase == "SOLE_PROPRIETOR" and not brand.sole_proprietor:
        return "The SOLE_PROPRIETOR use case is only for sole proprietor brands."
    return ""


def _words(text: str) -> list[str]:
    text = re.sub(r"['’]s\b", "s", text.casefold())
    return [w for w in re.findall(r"[a-z0-9]+", text) if w != "and"]


def _names_of(brand: BrandFacts) -> set[str]:
    """The ways a human recognises the brand in a message."""
    names = set()
    for name in (brand.display_name, brand.company_name):
        words = [w for w in _words(name) if w not in _LEGAL_SUFFIXES]
        if not words:
            continue
        names.add(" ".join(words))
        if len(words) >= 2:
            names.add(" ".join(words[:2]))
        if len(words[0]) >= 4 and words[0] not in _GENERIC:
            names.add(words[0])
    # The brand's own web address names it too ("sweetcrumbs.com/orders").
    host = re.sub(r"^(https?://)?(www\.)?", "", brand.website.casefold()).split("/")[0]
    if host:
        names.add(" ".join(_words(host)))
    return names


def names_the_brand(text: str, brand: BrandFacts) -> bool:
    said = " " + " ".join(_words(text)) + " "
    return any(f" {name} " in said for name in _names_of(brand))


def has_link(text: str) -> bool:
    """A web address; an e-mail address (hello@bakery.com) is not a link."""
    return any(_URL_RE.search(token) for token in text.split() if "@" not in token)


def _samples(content: dict) -> list[str]:
    return [str(content.get(name) or "") for name in SAMPLE_FIELDS if content.get(name)]


def telnyx_review(content: dict, usecase: str, brand: BrandFacts) -> list[str]:
    """Reasons Telnyx's review rejects the campaign (empty: accepted)."""
    samples = _samples(content)
    reasons = []
    if len(str(content.get("description") or "").strip()) < 40:
        reasons.append("T1: the description is too short to say what the campaign sends")
    if len(str(content.get("messageFlow") or "").strip()) < 40:
        reasons.append("T2: the message flow does not explain how subscribers opt in")
    needed = MIN_SAMPLES.get(usecase, 2)
    if len(samples) < needed:
        reasons.append(f"T3: the use case needs at least {needed} sample messages")
    if samples and not any(_OPT_OUT_RE.search(s) for s in samples):
        reasons.append("T4: no sample message tells subscribers how to opt out (Reply STOP)")
    if samples and _names_of(brand) and not any(names_the_brand(s, brand) for s in samples):
        reasons.append("T5: no sample message names the brand")
    return reasons


def mno_review(content: dict) -> list[str]:
    """Reasons the carriers reject the campaign (empty: accepted)."""
    samples = _samples(content)
    reasons = []
    if any(_SHORTENER_RE.search(s) for s in samples):
        reasons.append("M1: a sample message uses a public URL shortener")
    elif any(_UNSECURED_LINK_RE.search(s) for s in samples):
        reasons.append("M1: a sample message links to a website that is not secure (http://)")
    linked = any(has_link(s) for s in samples)
    if linked != bool(content.get("embeddedLink")):
        reasons.append(
            "M2: embeddedLink does not match the samples"
            + (" (a sample has a link)" if linked else " (no sample has a link)")
        )
    has_phone = any(_PHONE_RE.search(s) for s in samples)
    if has_phone != bool(content.get("embeddedPhone")):
        reasons.append(
            "M3: embeddedPhone does not match the samples"
            + (" (a sample has a phone number)" if has_phone else " (no sample has one)")
        )
    keywords = {k.strip().upper() for k in str(content.get("optoutKeywords") or "").split(",")}
    if content.get("subscriberOptout") and "STOP" not in keywords:
        reasons.append("M4: the opt-out keywords must include STOP")
    promoted = " ".join([str(content.get("description") or ""), *samples])
    if _SWEEPSTAKES_RE.search(promoted):
        reasons.append("M5: sweepstakes, contests and giveaways are not accepted on this route")
    return reasons
