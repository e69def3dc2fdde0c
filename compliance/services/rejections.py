"""From a carrier's or Telnyx's rejection to the rules it points at, and what changed since.

    report = rejection_report(campaign)   # None unless TELNYX_FAILED / MNO_REJECTED
    report.matched                        # [MatchedRule(rule, state, findings)], best match first
    report.blocked                        # a matched rule still fails: no appeal yet
    report.changes                        # [(label, submitted, now)] since the last submission

The rejection texts are the campaign's failureReasons and the descriptions of its rejection
events since the content was last sent (submission or appeal); checks.match_rejection maps
them to rules. Each matched rule is run again on the current content: a rule that still fails
keeps the appeal closed until it passes (a reviewer may override, audited). Guidance rules
have nothing to check and never block.
"""

from dataclasses import dataclass, field

from compliance import checks, lifecycle
from compliance.models import Campaign, CampaignEvent
from compliance.services import campaigns as campaign_services
from compliance.services import guardrails

FAILS, PASSES, GUIDANCE = "fails", "passes", "guidance"
_NEGATIVE = {"REJECTED", "FAILED"}
_REJECTABLE = {checks.Severity.ERROR, checks.Severity.WARNING}


@dataclass(frozen=True)
class MatchedRule:
    rule: checks.Rule
    state: str  # FAILS, PASSES or GUIDANCE
    findings: tuple[checks.Finding, ...] = ()

    @property
    def fails(self) -> bool:
        return self.state == FAILS


@dataclass(frozen=True)
class RejectionReport:
    texts: list[str]
    matched: list[MatchedRule]
    changes: list[tuple[str, object, object]] | None  # None: no copy of what was submitted
    snapshot_at: object = None
    failing: list[MatchedRule] = field(default_factory=list)

    @property
    def blocked(self) -> bool:
        return bool(self.failing)

    @property
    def failing_ids(self) -> list[str]:
        return [m.rule.id for m in self.failing]


# -- the submitted content ------------------------------------------------------------------
def snapshot(campaign: Campaign) -> dict:
    """The campaign's content by model field name, as sent to Telnyx."""
    return {name: getattr(campaign, name) for name in campaign_services.CONTENT_FIELDS}


def _label(name: str) -> str:
    field = Campaign._meta.get_field(name)
    return str(getattr(field, "verbose_name", name)).capitalize()


def changes_since_submission(campaign: Campaign) -> list[tuple[str, object, object]] | None:
    """(label, submitted value, current value) for each field changed since it was sent."""
    sent = campaign.submitted_content
    if not sent:
        return None
    now = snapshot(campaign)
    return [
        (_label(name), sent.get(name), value)
        for name, value in now.items()
        if name in sent and sent[name] != value
    ]


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


def _current_findings(campaign: Campaign) -> list[checks.Finding]:
    return campaign_services.findings(campaign) + guardrails.brand_findings(campaign.brand)


def rule_states(campaign: Campaign, rules: list[checks.Rule]) -> list[MatchedRule]:
    found = _current_findings(campaign)
    matched = []
    for rule in rules:
        if not rule.checked or rule.scope not in (checks.CAMPAIGN, checks.BRAND):
            matched.append(MatchedRule(rule, GUIDANCE))
            continue
        # Advice (info) is not what carriers reject for; errors and warnings are.
        hits = tuple(f for f in found if f.rule == rule.id and f.severity in _REJECTABLE)
        matched.append(MatchedRule(rule, FAILS if hits else PASSES, hits))
    return matched


def rejection_report(campaign: Campaign) -> RejectionReport | None:
    """What the rejection points at and where it stands; None when the campaign is not
    rejected (TELNYX_FAILED or MNO_REJECTED)."""
    if campaign.campaign_status not in lifecycle.APPEALABLE:
        return None
    texts = rejection_texts(campaign)
    rules = checks.match_rejection("\n".join(texts)) if texts else []
    matched = rule_states(campaign, rules)
    return RejectionReport(
        texts=texts,
        matched=matched,
        changes=changes_since_submission(campaign),
        snapshot_at=campaign.submitted_content_at,
        failing=[m for m in matched if m.fails],
    )
