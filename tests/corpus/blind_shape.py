#!/usr/bin/env python3
"""Shape check for part of a blind half, run by its writer: form only, never verdicts.

Usage: blind_shape.py FILE PREFIX FIRST_NUMBER [ROW_COUNT]

It never imports the app (a blind writer must not run the checker): cause names come from
CAUSES.md and the brand enums from Telnyx's FIELDS.md, the files the writer may read.
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED_TELNYX = HERE.parents[2] / "shared" / "telnyx"
TOP_KEYS = {"id", "brand", "campaign", "verdict", "causes", "style", "source"}
BRAND_KEYS = {
    "entity_type",
    "display_name",
    "company_name",
    "vertical",
    "website",
    "email",
    "phone",
}
TEXT_FIELDS = [
    "usecase",
    "description",
    "messageFlow",
    "optinKeywords",
    "optinMessage",
    "optoutKeywords",
    "optoutMessage",
    "helpKeywords",
    "helpMessage",
    "privacyPolicyLink",
    "termsAndConditionsLink",
    "sample1",
]
FLAG_FIELDS = [
    "embeddedLink",
    "embeddedPhone",
    "numberPool",
    "ageGated",
    "directLending",
    "subscriberOptin",
    "subscriberOptout",
    "subscriberHelp",
    "termsAndConditions",
]
# a row labelled samples_insufficient may have one sample only
OPTIONAL_FIELDS = {"subUsecases", "sample2", "sample3", "sample4", "sample5", "campaignVerifyToken"}


def causes() -> set[str]:
    table = (HERE / "CAUSES.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| ([a-z_]+) \|", table, re.M)) - {"cause"}


def enum(name: str) -> set[str]:
    fields = (SHARED_TELNYX / "FIELDS.md").read_text(encoding="utf-8")
    match = re.search(rf"{name}: enum\(([^)]*)\)", fields)
    return set(re.findall(r"'([A-Z_0-9]+)'", match.group(1))) if match else set()


def usecases() -> set[str]:
    """The use cases Telnyx's README lists (the paragraph under "## Use cases")."""
    readme = (SHARED_TELNYX / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use cases", 1)[-1].split("MIXED and LOW_VOLUME take", 1)[0]
    return set(re.findall(r"\b(?:2FA|[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)*)\b", section)) - {"GET", "TCR"}


def problems(row: dict, want_id: str, known: dict[str, set[str]]) -> list[str]:
    rid = row.get("id")
    out = [] if rid == want_id else [f"id {rid!r}, expected {want_id}"]
    brand, campaign = row.get("brand", {}), row.get("campaign", {})
    if set(row) != TOP_KEYS:
        out.append(f"top-level keys {sorted(row)}")
    if set(brand) != BRAND_KEYS:
        out.append(f"brand keys {sorted(brand)}")
    for key, values in (("entity_type", known["entity"]), ("vertical", known["vertical"])):
        if brand.get(key) not in values:
            out.append(f"brand.{key} {brand.get(key)!r}")
    out += [
        f"campaign.{k} missing or not text"
        for k in TEXT_FIELDS
        if not isinstance(campaign.get(k), str)
    ]
    out += [
        f"campaign.{k} missing or not true/false"
        for k in FLAG_FIELDS
        if not isinstance(campaign.get(k), bool)
    ]
    if extra := set(campaign) - set(TEXT_FIELDS) - set(FLAG_FIELDS) - OPTIONAL_FIELDS:
        out.append(f"unknown campaign keys {sorted(extra)}")
    if campaign.get("usecase") not in known["usecase"]:
        out.append(f"usecase {campaign.get('usecase')!r}")
    if row.get("verdict") not in ("approve", "reject"):
        out.append(f"verdict {row.get('verdict')!r}")
    labelled = row.get("causes")
    if not isinstance(labelled, list) or not set(labelled) <= known["cause"]:
        out.append(f"causes {labelled!r} (names from CAUSES.md)")
    elif (row.get("verdict") == "reject") != bool(labelled):
        out.append("a reject carries causes and an approve none")
    if not isinstance(row.get("source"), list) or not row["source"]:
        out.append("source must be a non-empty list of URLs")
    if not isinstance(row.get("style"), str) or not row["style"]:
        out.append("style missing")
    return [f"{rid}: {p}" for p in out]


def main(argv: list[str]) -> int:
    path, prefix, first = argv[0], argv[1], int(argv[2])
    expected_rows = int(argv[3]) if len(argv) > 3 else None
    known = {
        "cause": causes(),
        "entity": enum("entityType"),
        "vertical": enum("vertical"),
        "usecase": usecases(),
    }
    rows, errors = [], []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as error:
            errors.append(f"line {number}: not one JSON object ({error})")
    for offset, row in enumerate(rows):
        errors += problems(row, f"{prefix}{first + offset:03d}", known)
    if expected_rows is not None and len(rows) != expected_rows:
        errors.append(f"{len(rows)} rows, expected {expected_rows}")
    approved = sum(row.get("verdict") == "approve" for row in rows)
    used = sorted({c for row in rows for c in row.get("causes") or []})
    print(f"{len(rows)} rows, {approved} approve, {len(rows) - approved} reject")
    print(f"causes used: {', '.join(used)}")
    print("\n".join(errors) if errors else "shape OK")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
