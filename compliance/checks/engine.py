"""The engine of the compliance checks: Severity, Finding, Rule, the registry RULES and the
decorator that registers a rule."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import StrEnum


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
    check: Check | None = dataclass_field(default=None, compare=False, repr=False)
    keywords: tuple[str, ...] = ()  # phrases of carrier/Telnyx rejection texts (match_rejection)

    @property
    def section(self) -> str:
        return SECTION_TITLES[self.id[0]]

    @property
    def checked(self) -> bool:
        return self.check is not None or self.scope == SITE


RULES: list[Rule] = []
_LEVELS = {"E": Severity.ERROR, "W": Severity.WARNING, "I": Severity.INFO}


def declare_rule(
    *,
    id: str,  # noqa: A002
    field: str,
    severity: str,
    title: str,
    fix: str,
    sources: str,
    scope: str = CAMPAIGN,
    keywords: tuple[str, ...] = (),
):
    """Register the rule (decorating its check; called bare for a rule without one).
    `severity` is RULES.md's letter (E, W, I); `sources` its source ids, ";"-separated."""

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
