"""The engine of the compliance checks: Severity, Finding, Rule, the registry RULES and the
decorator that registers a rule."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"  # must fix: reliably rejected; blocks submission
    WARNING = "warning"  # risky: often rejected; shown with the carriers' reasons, not blocking
    INFO = "info"  # advice


# What users read for each severity (findings, /rules/, docs/RULES.md).
SEVERITY_WORDS = {Severity.ERROR: "Must fix", Severity.WARNING: "Risky", Severity.INFO: "Advice"}


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

    @property
    def level(self) -> str:
        return SEVERITY_WORDS[self.severity]


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
    check: Check | None = dataclass_field(default=None, compare=False, repr=False)
    keywords: tuple[str, ...] = ()  # phrases of carrier/Telnyx rejection texts (match_rejection)
    why: str = ""  # why this severity (must fix / risky / advice), with its sources

    @property
    def level(self) -> str:
        """The severity as users read it."""
        return SEVERITY_WORDS[self.severity]

    @property
    def section(self) -> str:
        return SECTION_TITLES[self.id[0]]

    @property
    def checked(self) -> bool:
        return self.check is not None or self.scope == SITE


CATALOGUE = Path(__file__).with_name("rules.toml")
_LEVELS = {"E": Severity.ERROR, "W": Severity.WARNING, "I": Severity.INFO}


def _load_catalogue() -> dict[str, Rule]:
    """Every rule of rules.toml, by id, without its check (families attach theirs)."""
    entries = tomllib.loads(CATALOGUE.read_text(encoding="utf-8"))["rule"]
    return {
        entry["id"]: Rule(
            id=entry["id"],
            field=entry["field"],
            severity=_LEVELS[entry["severity"]],
            title=entry["title"],
            fix=entry["fix"],
            sources=tuple(entry["sources"]),
            scope=entry["scope"],
            keywords=tuple(entry["keywords"]),
            why=entry["why"],
        )
        for entry in entries
    }


REGISTRY: dict[str, Rule] = _load_catalogue()
# The campaign and brand rules, in the rules page's order; compliance.checks fills it once every
# family module has attached its checks (the website rules W* are compliance.sitecheck's).
RULES: list[Rule] = []


def checks(rule_id: str) -> Callable[[Check], Check]:
    """Attach the decorated function as the check of rule `rule_id` of the catalogue."""

    def attach(fn: Check) -> Check:
        if rule_id not in REGISTRY:
            raise LookupError(f"Rule {rule_id} is not in {CATALOGUE.name}")
        REGISTRY[rule_id] = replace(REGISTRY[rule_id], check=fn)
        return fn

    return attach
