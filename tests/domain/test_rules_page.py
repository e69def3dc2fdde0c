"""The public rules page and docs/RULES.md show every rule of the registry."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from compliance.rules_page import ALL_RULES as RULES
from compliance.rules_page import rules_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs" / "RULES.md"


def test_rules_page_is_public_and_lists_every_rule(client, db):
    response = client.get(reverse("rules"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    for rule in RULES:
        assert f'id="rule-{rule.id}"' in html
        assert f'<th scope="row">{rule.id}</th>' in html
    assert "How to fix" in html
    assert "Message flow / call to action" in html
    assert "Website and privacy policy" in html


def test_rules_page_lists_the_website_rules_as_checked(client, db):
    html = client.get(reverse("rules")).content.decode()
    for rule_id in ("W1", "W2", "W3", "W4", "W5"):
        row = re.search(rf'<tr id="rule-{rule_id}">(.*?)</tr>', html, re.S).group(1)
        assert "(guidance)" not in row
    assert "no-sharing" in html or "shared with third parties" in html


def test_rules_page_works_for_a_logged_in_user_and_shows_it_in_the_navigation(owner_client):
    response = owner_client.get("/rules/")
    assert response.status_code == 200
    assert re.search(r'<a href="/rules/" aria-current="page">Rules</a>', response.content.decode())


def test_rules_page_shows_the_fix_and_severity_of_a_rule(client, db):
    html = client.get(reverse("rules")).content.decode()
    row = re.search(r'<tr id="rule-S6">(.*?)</tr>', html, re.S).group(1)
    assert "badge bad" in row and "bit.ly" in row and "<code>sample1</code>" in row


def test_docs_rules_md_is_the_registry(capsys):
    call_command("rules_doc")
    assert capsys.readouterr().out == rules_markdown()
    text = DOCS.read_text()
    assert text == rules_markdown(), "regenerate: manage.py rules_doc > docs/RULES.md"
    for rule in RULES:
        assert f"| {rule.id} | {rule.level} | `{rule.field}` |" in text


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_justifies_its_severity_with_a_source(rule):
    """Issue 17.3: each rule says why it is must fix, risky or advice, citing a source key of
    its own sources (or the carrier code it names)."""
    # A rule whose check separates strong from weak evidence (S8, S10, S11, D2) starts with
    # "Must fix when …" and names its own level for the rest.
    assert rule.why.startswith((rule.level + ":", "Must fix when")), rule.why
    assert rule.level.lower() in rule.why.lower(), rule.why
    cited = [key.split()[0] for key in rule.sources] + [
        word for key in rule.sources for word in key.replace(";", " ").split()
    ]
    assert any(word in rule.why for word in cited if len(word) >= 2), (rule.why, rule.sources)
    assert rule.why.replace("|", "\\|") in DOCS.read_text()


def test_a_risky_finding_shows_the_carriers_published_reasons(client):
    """A warning is shown as Risky with the published codes behind it (S8: DCA2 602)."""
    from django.template.loader import render_to_string

    from compliance.checks import Finding, Severity

    risky = Finding("S8", "sample1", Severity.WARNING, "MARKETING samples show no offer.", "fix")
    html = render_to_string("registration/campaigns/_findings.html", {"found": [risky]})
    assert "Risky:" in html and "Carriers reject on this: 602" in html


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_docs_rules_md_carries_each_fix(rule):
    assert rule.fix.replace("|", "\\|") in DOCS.read_text()
