"""Pre-submission compliance rules for 10DLC brands and campaigns: the public API.

The package: `engine` (Rule, Finding, Severity, the registry and the `rule` decorator),
`content` (what is checked: CampaignContent, BrandContent, BrandContext), `text` (matching
helpers and vocabularies), and one module per rule family (`samples`, `description`,
`message_flow`, `keywords`, `usecase`, `sole_proprietor`, `brand`, `resubmission`).

Pure: no ORM, no HTTP. Every rule of ../shared/compliance/RULES.md that a program can check
from the data is a `Rule` in `RULES`, with the Telnyx wire field it concerns, a severity, the
fix and its sources. Rules that only inform (fees, appeals) are registered without a check, so
the rules page and `match_rejection` still know them. The website rules (W1–W6) fetch pages
and live elsewhere.

    findings = check_campaign(CampaignContent.from_wire(form_data, brand=BrandContext(...)))
    errors = blocking(findings)

Decisions worth knowing (tests/domain/test_checks.py shows each rule passing and failing):
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

from collections.abc import Iterable

from compliance.checks import (  # noqa: F401  (importing a family registers its rules)
    brand,
    description,
    keywords,
    message_flow,
    samples,
    sole_proprietor,
    usecase,
)
from compliance.checks.brand import brand_sends_for_its_clients
from compliance.checks.content import BrandContent, BrandContext, CampaignContent
from compliance.checks.engine import (
    BRAND,
    CAMPAIGN,
    GUIDANCE,
    REGISTRY,
    RULES,
    SECTIONS,
    SITE,
    Check,
    Finding,
    Rule,
    Severity,
)
from compliance.checks.reasons import (
    PUBLISHED,
    SOURCES,
    PublishedReason,
    Reason,
    published_for_rule,
    read_brand_feedback,
    read_carrier_metadata,
)
from compliance.checks.reasons import read_reasons as _read_reasons
from compliance.checks.sole_proprietor import sole_proprietor_verified_before_campaigns
from compliance.checks.text import (
    AGE_GATED_RE,
    BANNED_RE,
    URL_SHORTENERS,
    _contains_phrase,
    _norm,
    has_link,
    has_phone,
    names_brand,
)

__all__ = [
    "AGE_GATED_RE",
    "BANNED_RE",
    "BRAND",
    "CAMPAIGN",
    "GUIDANCE",
    "RULES",
    "SECTIONS",
    "SITE",
    "URL_SHORTENERS",
    "BrandContent",
    "BrandContext",
    "CampaignContent",
    "Finding",
    "Rule",
    "Severity",
    "blocking",
    "published_for_rule",
    "check_brand",
    "check_campaign",
    "findings_by_field",
    "has_link",
    "has_phone",
    "match_rejection",
    "PUBLISHED",
    "SOURCES",
    "PublishedReason",
    "Reason",
    "read_brand_feedback",
    "read_carrier_metadata",
    "read_reasons",
    "names_brand",
    "rule",
]

# --- Public API ----------------------------------------------------------------------------

_SECTION_ORDER = {key: i for i, (key, _) in enumerate(SECTIONS)}
RULES[:] = sorted(
    (r for r in REGISTRY.values() if r.scope != SITE),
    key=lambda r: (_SECTION_ORDER[r.id[0]], int(r.id[1:])),
)
_BY_ID = {r.id: r for r in RULES}
# P3 has a campaign side too (the OTP must be verified before the campaign), and so has B6 (the
# campaign's texts say the brand sends for its clients).
_CAMPAIGN_EXTRA: list[tuple[Rule, Check]] = [
    (_BY_ID["P3"], sole_proprietor_verified_before_campaigns),
    (_BY_ID["B6"], brand_sends_for_its_clients),
]


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


def read_reasons(texts: list[str]) -> list[Reason]:
    """Each reason of the rejection texts with the rules it points at (checks/reasons.py)."""
    return _read_reasons(texts, match_rejection)
