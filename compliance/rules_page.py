"""The public rules page (/rules/) and its Markdown twin (docs/RULES.md), both from the registry
in compliance.checks, so what users read is what the checks do."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from compliance.checks import PUBLISHED, RULES, SECTIONS, SOURCES, PublishedReason, Rule
from compliance.http import HtmxHttpRequest
from compliance.sitecheck import SITE_RULES

# The content rules of compliance.checks, then the website and privacy-policy rules (W1–W5)
# that compliance.sitecheck applies to the fetched pages.
ALL_RULES: list[Rule] = [*RULES, *SITE_RULES.values()]


def rule_sections() -> list[tuple[str, list[Rule]]]:
    return [(title, [r for r in ALL_RULES if r.section == title]) for _, title in SECTIONS]


def published_reasons() -> list[PublishedReason]:
    """The catalogue of published rejection reasons, in catalogue order."""
    return list(PUBLISHED.values())


@require_GET
def rules(request: HtmxHttpRequest) -> HttpResponse:
    return render(
        request,
        "compliance/rules.html",
        {"sections": rule_sections(), "reasons": published_reasons(), "sources": SOURCES},
    )


urlpatterns = [path("", rules, name="rules")]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def rules_markdown() -> str:
    """docs/RULES.md; regenerate with `manage.py rules_doc > docs/RULES.md`."""
    lines = [
        "# Compliance rules checked before submission",
        "",
        "Generated from `compliance/checks/` by `manage.py rules_doc`; do not edit by hand.",
        "Severity: **Must fix** for what carriers reliably reject (blocks submission), **Risky**",
        "for what they often reject (shown with their published reasons, does not block),",
        "**Advice** for the rest; each rule's *Why this severity* gives the reason and its",
        "sources. A rule whose check tells strong from weak evidence gives some findings a",
        "different severity, as its reason says. Guidance rules have nothing in the content to",
        "check; they are shown and used to explain rejections.",
        "The source keys are those of shared/compliance/RULES.md. Website rules (W) are checked",
        "on the brand website and the privacy policy, fetched in the background.",
    ]
    for title, section in rule_sections():
        lines += [
            "",
            f"## {title}",
            "",
            "| Rule | Severity | Field | Checks | How to fix | Why this severity | Sources |",
        ]
        lines.append("| --- | --- | --- | --- | --- | --- | --- |")
        for r in section:
            checks = r.title if r.checked else f"{r.title} (guidance)"
            lines.append(
                f"| {r.id} | {r.level} | `{r.field}` | {_cell(checks)} | {_cell(r.fix)} "
                f"| {_cell(r.why)} | {_cell('; '.join(r.sources))} |"
            )
    lines += [
        "",
        "## Published rejection reasons",
        "",
        "The reasons Telnyx, the vetting partner and the carriers publish, as providers pass",
        "them on, each with the rules that check for it. A rejection that quotes one of these",
        "codes is explained with those rules; one marked *not checked* is shown as such.",
        "",
        "| Code | What it means | Rules | Resubmit | Sources |",
        "| --- | --- | --- | --- | --- |",
    ]
    for reason in published_reasons():
        checked = ", ".join(reason.rule_ids) or "not checked"
        lines.append(
            f"| {reason.code} | {_cell(reason.says)} | {checked} "
            f"| {'yes' if reason.resubmit else 'no'} | {'; '.join(reason.sources)} |"
        )
    lines += ["", "Sources:", ""]
    lines += [f"- **{key}** {address}" for key, address in SOURCES.items()]
    return "\n".join(lines) + "\n"
