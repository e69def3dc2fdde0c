"""The public rules page (/rules/) and its Markdown twin (docs/RULES.md), both from the registry
in compliance.checks, so what users read is what the checks do."""

from django.shortcuts import render
from django.urls import path

from compliance.checks import RULES, SECTIONS, Rule


def rule_sections() -> list[tuple[str, list[Rule]]]:
    return [(title, [r for r in RULES if r.id[0] == key]) for key, title in SECTIONS]


def rules(request):
    return render(request, "compliance/rules.html", {"sections": rule_sections()})


urlpatterns = [path("", rules, name="rules")]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def rules_markdown() -> str:
    """docs/RULES.md; regenerate with `manage.py rules_doc > docs/RULES.md`."""
    lines = [
        "# Compliance rules checked before submission",
        "",
        "Generated from `compliance/checks.py` by `manage.py rules_doc`; do not edit by hand.",
        "Severity: error blocks submission, warning does not, info informs. Guidance rules",
        "have nothing in the content to check; they are shown and used to explain rejections.",
        "The source keys are those of shared/compliance/RULES.md. Website checks (W1–W6) live",
        "elsewhere.",
    ]
    for title, section in rule_sections():
        lines += [
            "",
            f"## {title}",
            "",
            "| Rule | Severity | Field | Checks | How to fix | Sources |",
        ]
        lines.append("| --- | --- | --- | --- | --- | --- |")
        for r in section:
            checks = r.title if r.checked else f"{r.title} (guidance)"
            lines.append(
                f"| {r.id} | {r.severity} | `{r.field}` | {_cell(checks)} | {_cell(r.fix)} "
                f"| {_cell('; '.join(r.sources))} |"
            )
    return "\n".join(lines) + "\n"
