"""The CSP allows scripts and styles from this origin only (compliance/settings.py SECURE_CSP):
no template may rely on inline code the browser would block. Every template under templates/
is scanned; styles belong in static/css/app.css, scripts in static/js/."""

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

BLOCKED = {
    "inline <script> (no src)": re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.I),
    "<style> element": re.compile(r"<style\b", re.I),
    "style attribute": re.compile(r"\sstyle\s*=", re.I),
    "inline event handler": re.compile(r"\son[a-z]+\s*=", re.I),
    "hx-on handler (needs eval)": re.compile(r"\shx-on[:\-]", re.I),
    "javascript: URL": re.compile(r"javascript:", re.I),
}


def inline_code(text: str) -> list[str]:
    return [
        f"{what}: {match.group().strip()}"
        for what, pattern in BLOCKED.items()
        for match in pattern.finditer(text)
    ]


def _templates() -> list[Path]:
    # templates/email/ is read in mail clients, not served under the CSP: they drop external
    # stylesheets, so e-mail HTML carries its styles inline (and no script at all).
    return sorted(
        p for p in TEMPLATES.rglob("*.html") if "email" not in p.relative_to(TEMPLATES).parts
    )


def test_email_templates_carry_no_script():
    for path in (TEMPLATES / "email").rglob("*.html"):
        assert not re.search(r"<script|\son[a-z]+\s*=|javascript:", path.read_text(), re.I)


def test_templates_are_found():
    assert len(_templates()) > 20


@pytest.mark.parametrize("path", _templates(), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_template_has_no_inline_code_the_csp_blocks(path):
    assert inline_code(path.read_text()) == []


@pytest.mark.parametrize(
    "snippet",
    [
        "<script>alert(1)</script>",
        '<p style="color:red">',
        '<button onclick="go()">',
        "<style>p{}</style>",
        '<div hx-on:click="x()">',
        '<a href="javascript:void(0)">',
    ],
)
def test_the_scan_finds_inline_code(snippet):
    assert inline_code(snippet)


def test_the_scan_lets_external_scripts_and_data_attributes_through():
    assert inline_code('<script src="/static/js/app.js" defer></script>') == []
    assert inline_code('<div data-style="x" hx-post="/a/" class="online">') == []
