"""From a carrier's or Telnyx's rejection to the rules it points at, and what changed since.

    report = rejection_report(campaign)   # None unless TELNYX_FAILED / MNO_REJECTED
    report.reasons                        # [ReasonReport(reason, matched)], one per reason given
    report.unchecked                      # the reasons no rule of ours covers: said plainly
    report.blockers                       # why the appeal stays closed ([]: open)
    report.changes                        # [(label, submitted, now)] since the last submission

The reasons are the campaign's failureReasons, the descriptions of its rejection events since
the content was last sent (submission or appeal), and, for a carrier rejection, what the
carriers' metadata forbids; checks.read_reasons splits them and maps each to rules (through
the catalogue of published reasons, checks/rejection_reasons.toml, or the rules' phrases).
Each matched rule is run again on the current content:
- a rule that still fails keeps the appeal closed until it passes (a reviewer may override,
  audited), with its fix; when the fix needs a field Telnyx locks after submission, the
  report says so and points at the editable fields or a copy of the campaign;
- a rule that passes although nothing it reads changed since the rejection is flagged: the
  same content will likely be rejected again;
- a reason no rule covers is shown as unchecked, with the reviewer's words: the report never
  claims that everything passes while one is left;
- a published reason the publisher says not to resubmit, or an appeal of this very content
  already turned down, keeps the appeal closed too.
Guidance rules have nothing to check and never block.
"""

from dataclasses import dataclass, field
from datetime import datetime

from compliance import checks, lifecycle
from compliance.models import Campaign, CampaignEvent
from compliance.services import campaigns as campaign_services
from compliance.services import guardrails

FAILS, PASSES, GUIDANCE = "fails", "passes", "guidance"
_NEGATIVE = {"REJECTED", "FAILED"}
_REJECTABLE = {checks.Severity.ERROR, checks.Severity.WARNING}
_SAMPLES = {f"sample{i}" for i in range(1, 6)}
_FLAGS = {"embedded_link", "embedded_phone", "embedded_link_sample"}
# What a rule of each section reads, by model field, besides its own field: a rule about the
# samples reads them all, a use-case rule reads the content it classifies.
_SECTION_READS = {
    "S": _SAMPLES | _FLAGS | {"description"},
    "D": {"description"},
    "M": {"message_flow", "optin_message", "optin_keywords"},
    "K": {
        "help_message",
        "optout_message",
        "optin_message",
        "help_keywords",
        "optout_keywords",
        "optin_keywords",
        "subscriber_optin",
        "subscriber_optout",
        "subscriber_help",
    },
    "U": _SAMPLES | {"description", "usecase", "sub_usecases", "direct_lending", "age_gated"},
}


@dataclass(frozen=True)
class MatchedRule:
    rule: checks.Rule
    state: str  # FAILS, PASSES or GUIDANCE
    findings: tuple[checks.Finding, ...] = ()
    # Whether what the rule reads changed since the content was sent (None: cannot tell).
    changed: bool | None = None
    # Fields the fix touches that Telnyx locks after submission (labels).
    locked: tuple[str, ...] = ()

    @property
    def fails(self) -> bool:
        return self.state == FAILS

    @property
    def unchanged(self) -> bool:
        """Passes by our check, yet nothing it reads changed since the rejection."""
        return self.state == PASSES and self.changed is False


@dataclass(frozen=True)
class ReasonReport:
    reason: checks.Reason
    matched: tuple[MatchedRule, ...]
    anchors: tuple[str, ...] = ()  # the page anchor of each row: the first row of a rule is
    # "matched-<id>", later rows of the same rule under other reasons are numbered

    @property
    def rows(self) -> list[tuple[str, MatchedRule]]:
        return list(zip(self.anchors, self.matched, strict=True))

    @property
    def understood(self) -> bool:
        return bool(self.matched)


@dataclass(frozen=True)
class RejectionReport:
    texts: list[str]
    reasons: list[ReasonReport]
    changes: list[tuple[str, object, object]] | None  # None: no copy of what was submitted
    snapshot_at: object = None
    turned_down_at: datetime | None = None  # an appeal of this same content was turned down
    matched: list[MatchedRule] = field(default_factory=list)  # each rule once, best first

    @property
    def failing(self) -> list[MatchedRule]:
        return [m for m in self.matched if m.fails]

    @property
    def failing_ids(self) -> list[str]:
        return [m.rule.id for m in self.failing]

    @property
    def unchanged(self) -> list[MatchedRule]:
        return [m for m in self.matched if m.unchanged]

    @property
    def unchecked(self) -> list[ReasonReport]:
        return [r for r in self.reasons if not r.understood]

    @property
    def final(self) -> list[ReasonReport]:
        """Reasons whose publisher says not to resubmit (banned content)."""
        return [r for r in self.reasons if not r.reason.resubmit]

    @property
    def nothing_changed(self) -> bool:
        return self.changes is not None and not self.changes

    @property
    def blockers(self) -> list[str]:
        """Why the appeal stays closed, a short phrase each ([]: open)."""
        found = list(self.failing_ids)
        found += [
            f"{r.reason.published.code} (not to be resubmitted)"
            for r in self.final
            if r.reason.published
        ]
        if self.turned_down_at is not None and self.nothing_changed:
            found.append("the same content was already turned down on appeal")
        return found

    @property
    def blocked(self) -> bool:
        return bool(self.blockers)

    @property
    def verdict(self) -> str:
        """One word for the sentence under the report: blocked, unchecked, unchanged, ready
        or unknown (no reason given yet)."""
        if self.blocked:
            return "blocked"
        if not self.reasons:
            return "unknown"
        if self.unchecked:
            return "unchecked"
        if self.unchanged:
            return "unchanged"
        return "ready"


# -- the submitted content ------------------------------------------------------------------
def snapshot(campaign: Campaign) -> dict:
    """The campaign's content by model field name, as sent to Telnyx."""
    return {name: getattr(campaign, name) for name in campaign_services.CONTENT_FIELDS}


_label = campaign_services.field_label


def changed_fields(campaign: Campaign) -> set[str] | None:
    """Model field names changed since the content was sent (None: no copy was kept)."""
    sent = campaign.submitted_content
    if not sent:
        return None
    now = snapshot(campaign)
    return {name for name, value in now.items() if name in sent and sent[name] != value}


def changes_since_submission(campaign: Campaign) -> list[tuple[str, object, object]] | None:
    """(label, submitted value, current value) for each field changed since it was sent."""
    changed = changed_fields(campaign)
    if changed is None:
        return None
    sent, now = campaign.submitted_content, snapshot(campaign)
    return [(_label(name), sent.get(name), now[name]) for name in now if name in changed]


def reads(rule: checks.Rule) -> set[str] | None:
    """The campaign fields (model names) a rule reads; None for a rule about the brand or
    its website, which the campaign's copy does not hold."""
    own = campaign_services.MODEL_FIELD.get(rule.field)
    section = _SECTION_READS.get(rule.id[0])
    if own is None and section is None:
        return None
    return ({own} if own else set()) | (section or set())


# -- rejection texts and rules --------------------------------------------------------------
def is_rejection(event: CampaignEvent) -> bool:
    return bool(event.description) and (
        event.event_status.upper() in _NEGATIVE or event.to_status in lifecycle.APPEALABLE
    )


def rejection_texts(campaign: Campaign) -> list[str]:
    reasons = campaign.failure_reasons
    reasons = reasons if isinstance(reasons, list) else [reasons] if reasons else []
    events = campaign.events.all()
    if campaign.submitted_content_at:
        events = events.filter(created_at__gte=campaign.submitted_content_at)
    texts = [str(r) for r in reasons if r]
    for event in events:
        if is_rejection(event) and event.description not in texts:
            texts.append(event.description)
    return texts


def carrier_reasons(campaign: Campaign) -> list[checks.Reason]:
    """What the carriers' metadata forbids that the campaign, as sent, did."""
    if campaign.campaign_status != lifecycle.CampaignStatus.MNO_REJECTED:
        return []
    sent = campaign.submitted_content or snapshot(campaign)
    wire = {
        campaign_services.CONTENT_FIELDS[k]: v
        for k, v in sent.items()
        if k in campaign_services.CONTENT_FIELDS
    }
    return checks.read_carrier_metadata(campaign.mno_metadata, wire)


def _current_findings(campaign: Campaign) -> list[checks.Finding]:
    return campaign_services.findings(campaign) + guardrails.brand_findings(campaign.brand)


def _locked(findings: tuple[checks.Finding, ...]) -> tuple[str, ...]:
    """Labels of the fields the findings are about that cannot be changed any more."""
    names = {campaign_services.MODEL_FIELD.get(f.field) for f in findings}
    return tuple(
        sorted(
            _label(name) for name in names if name and name not in campaign_services.EDITABLE_FIELDS
        )
    )


def rule_states(
    campaign: Campaign, rules: list[checks.Rule], *, changed: set[str] | None = None
) -> list[MatchedRule]:
    found = _current_findings(campaign)
    matched = []
    for rule in rules:
        if not rule.checked or rule.scope not in (checks.CAMPAIGN, checks.BRAND):
            matched.append(MatchedRule(rule, GUIDANCE))
            continue
        # Advice (info) is not what carriers reject for; errors and warnings are.
        hits = tuple(f for f in found if f.rule == rule.id and f.severity in _REJECTABLE)
        fields = reads(rule)
        moved = None if changed is None or fields is None else bool(fields & changed)
        matched.append(
            MatchedRule(rule, FAILS if hits else PASSES, hits, changed=moved, locked=_locked(hits))
        )
    return matched


def turned_down_at(campaign: Campaign) -> datetime | None:
    """When the latest appeal was turned down: a rejection recorded after it was sent."""
    if campaign.appealed_at is None:
        return None
    later = [
        event
        for event in campaign.events.filter(created_at__gt=campaign.appealed_at)
        if event.kind != CampaignEvent.Kind.APPEAL
        and (event.event_status.upper() in _NEGATIVE or event.to_status in lifecycle.APPEALABLE)
    ]
    return later[-1].created_at if later else None


def rejection_report(campaign: Campaign) -> RejectionReport | None:
    """What the rejection points at and where it stands; None when the campaign is not
    rejected (TELNYX_FAILED or MNO_REJECTED)."""
    if campaign.campaign_status not in lifecycle.APPEALABLE:
        return None
    texts = rejection_texts(campaign)
    given = checks.read_reasons(texts) + carrier_reasons(campaign)
    changed = changed_fields(campaign)
    every_rule: list[checks.Rule] = []
    for reason in given:
        every_rule += [r for r in reason.rules if r not in every_rule]
    states = {m.rule.id: m for m in rule_states(campaign, every_rule, changed=changed)}
    seen: dict[str, int] = {}
    reasons = []
    for reason in given:
        anchors = []
        for r in reason.rules:
            seen[r.id] = seen.get(r.id, 0) + 1
            anchors.append(f"matched-{r.id}" + (f"-{seen[r.id]}" if seen[r.id] > 1 else ""))
        matched = tuple(states[r.id] for r in reason.rules)
        reasons.append(ReasonReport(reason, matched, tuple(anchors)))
    return RejectionReport(
        texts=texts,
        reasons=reasons,
        changes=changes_since_submission(campaign),
        snapshot_at=campaign.submitted_content_at,
        turned_down_at=turned_down_at(campaign),
        matched=list(states.values()),
    )
