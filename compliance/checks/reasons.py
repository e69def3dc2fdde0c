"""Rejection reasons, as Telnyx and the carriers give them, read into the rules they point at.

    reasons = read_reasons(["601: Campaign attributes ...; T5: no sample names the brand"])
    reasons[0].rules       # (Rule S7, Rule U1, Rule U2): from the catalogue entry of code 601
    reasons[1].rules       # (Rule S2,): from the rules' own rejection phrases (`keywords`)
    reasons[2].understood  # False: a reason no rule covers is kept, and said to be unchecked

Telnyx gives reasons as free text (a campaign's or brand's failureReasons, the description of
a rejection event), as brand feedback categories (TAX_ID …), and per carrier as metadata
(mnoMetadata: noEmbeddedLink …). A text may hold several reasons joined by ";" or new lines;
each is read on its own. A published code or enum name (DCA2 601, Bandwidth 2135, Twilio
30893, AWS SAMPLE_MESSAGE_MISMATCH) picks its entry of rejection_reasons.toml, the catalogue
of published reasons; otherwise the rules' rejection phrases are matched (`match_rejection`).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from compliance.checks.engine import REGISTRY, Rule

CATALOGUE_FILE = Path(__file__).with_name("rejection_reasons.toml")


@dataclass(frozen=True)
class PublishedReason:
    """One entry of the catalogue of published rejection reasons."""

    code: str
    sources: tuple[str, ...]
    says: str
    rule_ids: tuple[str, ...]
    resubmit: bool = True
    locked: bool = False

    @property
    def rules(self) -> tuple[Rule, ...]:
        return tuple(REGISTRY[rule_id] for rule_id in self.rule_ids)

    @property
    def checked(self) -> bool:
        return bool(self.rule_ids)


_DATA = tomllib.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))
# Where each source key was published (shown beside the catalogue on /rules/).
SOURCES: dict[str, str] = _DATA["sources"]


def _load() -> dict[str, PublishedReason]:
    entries = _DATA["reason"]
    catalogue = {}
    for entry in entries:
        reason = PublishedReason(
            code=entry["code"],
            sources=tuple(entry["source"]),
            says=entry["says"],
            rule_ids=tuple(entry["rules"]),
            resubmit=entry.get("resubmit", True),
            locked=entry.get("locked", False),
        )
        unknown = [rule_id for rule_id in reason.rule_ids if rule_id not in REGISTRY]
        unknown += [key for key in reason.sources if key not in SOURCES]
        if unknown:  # a typo in the catalogue must not pass silently
            raise ValueError(f"rejection reason {reason.code} names unknown keys {unknown}")
        catalogue[reason.code] = reason
    return catalogue


PUBLISHED: dict[str, PublishedReason] = _load()


def published_for_rule(rule_id: str) -> list[PublishedReason]:
    """The published rejection reasons that point at a rule (a risky finding shows them, so
    the user sees which carriers reject on it and how they say it)."""
    return [reason for reason in PUBLISHED.values() if rule_id in reason.rule_ids]


# A code stands alone: "601", "[2135]", "Error 30893:", "SAMPLE_MESSAGE_MISMATCH".
_CODE_RE = re.compile(r"(?<![\w-])(\d{3,5}|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,})(?![\w-])")
_SPLIT_RE = re.compile(r"\s*(?:;|\n)\s*")


@dataclass(frozen=True)
class Reason:
    """One reason given for a rejection, and the rules it points at."""

    text: str
    rules: tuple[Rule, ...] = ()
    published: PublishedReason | None = None
    carrier: bool = False  # read from per-carrier metadata, not from a text

    @property
    def understood(self) -> bool:
        return bool(self.rules)

    @property
    def resubmit(self) -> bool:
        return self.published.resubmit if self.published else True

    @property
    def locked(self) -> bool:
        return bool(self.published and self.published.locked)


def _published_in(text: str) -> list[PublishedReason]:
    found = []
    for code in _CODE_RE.findall(text):
        reason = PUBLISHED.get(code)
        if reason is not None and reason not in found:
            found.append(reason)
    return found


def read_reason(text: str, match_phrases) -> Reason:
    """One reason: the catalogue's entries for the codes in it, else the rules whose
    rejection phrases it contains (`match_phrases` is checks.match_rejection)."""
    published = _published_in(text)
    rules: list[Rule] = []
    for entry in published:
        rules += [r for r in entry.rules if r not in rules]
    if not published:  # a published reason we do not check stays unchecked, honestly
        rules = list(match_phrases(text))
    return Reason(text=text, rules=tuple(rules), published=published[0] if published else None)


def split_reasons(texts: list[str]) -> list[str]:
    """Every reason of the texts, one each, in order, without repeats."""
    pieces: list[str] = []
    for text in texts:
        for piece in _SPLIT_RE.split(str(text or "").strip()):
            piece = piece.strip(" .")
            if piece and piece not in pieces:
                pieces.append(piece)
    return pieces


def read_reasons(texts: list[str], match_phrases) -> list[Reason]:
    return [read_reason(piece, match_phrases) for piece in split_reasons(texts)]


def read_brand_feedback(categories: list[dict]) -> list[Reason]:
    """GET /10dlc/brand/feedback categories ({id, displayName, description, fields})."""
    reasons = []
    for category in categories or []:
        if not isinstance(category, dict):
            continue
        published = PUBLISHED.get(str(category.get("id") or "").upper())
        words = str(category.get("description") or category.get("displayName") or "").strip()
        reasons.append(
            Reason(
                text=words or (published.says if published else "No description given."),
                rules=published.rules if published else (),
                published=published,
            )
        )
    return reasons


# mnoMetadata flags that forbid or require something: the rule that checks it, the wire field
# and the value the carrier needs, and what the carrier says. The reason says "at least one
# carrier": the page lists the carriers by name beside it (presentation.carrier_name).
_CARRIER_FLAGS = {
    "noEmbeddedLink": ("S7", "embeddedLink", False, "takes no links in messages"),
    "noEmbeddedPhone": ("S7", "embeddedPhone", False, "takes no phone numbers in messages"),
    "reqSubscriberOptin": ("K3", "subscriberOptin", True, "requires opt-in to be supported"),
    "reqSubscriberOptout": ("K3", "subscriberOptout", True, "requires opt-out to be supported"),
    "reqSubscriberHelp": ("K3", "subscriberHelp", True, "requires HELP to be supported"),
}


def read_carrier_metadata(metadata: dict, content: dict) -> list[Reason]:
    """Reasons the per-carrier metadata (mnoMetadata, keyed by network id) gives against the
    campaign's wire `content`: a carrier that takes no links while the campaign declares
    them, one that requires opt-out support the campaign does not declare …"""
    reasons = []
    items = [item for item in (metadata or {}).values() if isinstance(item, dict)]
    for flag, (rule_id, wire, needed, words) in _CARRIER_FLAGS.items():
        if any(item.get(flag) for item in items) and bool(content.get(wire)) != needed:
            text = f"At least one carrier {words} for this use case"
            reasons.append(Reason(text=text, rules=(REGISTRY[rule_id],), carrier=True))
    return reasons
