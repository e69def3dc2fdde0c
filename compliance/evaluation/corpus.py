"""Run the checker over the labelled corpus and measure its verdicts.

A campaign's verdict is "reject" when the checker finds anything that must be fixed (a finding
of severity ERROR), "approve" otherwise. Figures: accuracy, the false-block rate (good
campaigns blocked), the miss rate (bad campaigns let through), per-rule precision and recall
against the labelled causes (compliance/evaluation/causes.py), and every wrong verdict.

    python -m compliance.evaluation.corpus   # the tuned corpus, each half, then blind2-4
    make eval
"""

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from compliance import checks
from compliance.evaluation.causes import CAUSE_RULES

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "corpus"
# The corpus the rules were written against: holdout (written before any rule changed), dev
# (tuned against), blind (written by someone who never read the checker; measured once at its
# first run, then tuned against). Its figures are the ones the floors in
# tests/corpus/test_corpus_eval.py record.
TUNED = ("holdout", "dev", "blind")
# blind2 to blind27: further halves written the same way; each
# reported on its own with its wrong verdicts (first-run figures in tests/corpus/README.md),
# kept out of the whole-corpus figure.
HALVES = (
    *TUNED,
    "blind2",
    "blind3",
    "blind4",
    "blind5",
    "blind6",
    "blind7",
    "blind8",
    "blind9",
    "blind11",
    "blind12",
    "blind10",
    "blind13",
    "blind14",
    "blind15",
    "blind16",
    "blind17",
    "blind18",
    "blind19",
    "blind20",
    "blind21",
    "blind22",
    "blind23",
    "blind24",
    "blind25",
    "blind26",
    "blind27",
)
# Halves written blind and not measured yet: `make eval` and the tests leave them alone, so
# nobody tunes against them by accident. A sealed half is measured once, on purpose
# (`python -m compliance.evaluation.corpus --unseal blind6`); its figures then go into
# tests/corpus/README.md and the half moves to HALVES in the same commit.
SEALED: tuple[str, ...] = ("blind28",)


@dataclass(frozen=True)
class Labelled:
    id: str
    half: str
    brand: dict
    campaign: dict
    verdict: str
    causes: tuple[str, ...]
    style: str


@dataclass(frozen=True)
class Judged:
    case: Labelled
    verdict: str
    blocking: tuple[str, ...]  # rule ids of the must-fix findings
    fired: tuple[str, ...]  # rule ids of every finding

    @property
    def right(self) -> bool:
        return self.verdict == self.case.verdict


@dataclass
class Figures:
    judged: list[Judged] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.judged)

    @property
    def accuracy(self) -> float:
        return _ratio(sum(j.right for j in self.judged), self.total)

    @property
    def false_block_rate(self) -> float:
        good = [j for j in self.judged if j.case.verdict == "approve"]
        return _ratio(sum(j.verdict == "reject" for j in good), len(good))

    @property
    def miss_rate(self) -> float:
        bad = [j for j in self.judged if j.case.verdict == "reject"]
        return _ratio(sum(j.verdict == "approve" for j in bad), len(bad))

    def per_rule(self) -> dict[str, tuple[float, float, int, int]]:
        """rule id → (precision, recall, times it blocked, times a cause called for it)."""
        expected: Counter[str] = Counter()
        blocked: Counter[str] = Counter()
        hits: Counter[str] = Counter()
        for j in self.judged:
            wanted = {r for cause in j.case.causes for r in CAUSE_RULES.get(cause, ())}
            for rule_id in wanted:
                expected[rule_id] += 1
            for rule_id in set(j.blocking):
                blocked[rule_id] += 1
                if rule_id in wanted or (j.case.verdict == "reject" and not wanted):
                    hits[rule_id] += 1
        result = {}
        for rule_id in sorted(set(expected) | set(blocked)):
            recall_hits = sum(
                1
                for j in self.judged
                if rule_id in {r for c in j.case.causes for r in CAUSE_RULES.get(c, ())}
                and rule_id in j.blocking
            )
            result[rule_id] = (
                _ratio(hits[rule_id], blocked[rule_id]),
                _ratio(recall_hits, expected[rule_id]),
                blocked[rule_id],
                expected[rule_id],
            )
        return result


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def load(halves: tuple[str, ...] = TUNED) -> list[Labelled]:
    cases = []
    for half in halves:
        path = CORPUS / f"{half}.jsonl"
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                cases.append(
                    Labelled(
                        id=row["id"],
                        half=half,
                        brand=row["brand"],
                        campaign=row["campaign"],
                        verdict=row["verdict"],
                        causes=tuple(row["causes"]),
                        style=row.get("style", ""),
                    )
                )
    return cases


def judge(case: Labelled) -> Judged:
    brand = checks.BrandContext.from_wire(
        case.brand | {"identity_status": "VERIFIED"}, otp_verified=True
    )
    content = checks.CampaignContent.from_wire(case.campaign, brand=brand)
    findings = checks.check_campaign(content)
    blocking = tuple(f.rule for f in checks.blocking(findings))
    return Judged(
        case=case,
        verdict="reject" if blocking else "approve",
        blocking=blocking,
        fired=tuple(f.rule for f in findings),
    )


def evaluate(cases: list[Labelled]) -> Figures:
    return Figures([judge(case) for case in cases])


def report(figures: Figures, title: str, *, out=sys.stdout, wrong: bool = True) -> None:
    w = out.write
    good = sum(j.case.verdict == "approve" for j in figures.judged)
    w(f"\n== {title}: {figures.total} campaigns ({good} good, {figures.total - good} bad)\n")
    w(f"accuracy          {figures.accuracy:6.1%}\n")
    w(f"false blocks      {figures.false_block_rate:6.1%}  (good campaigns the checker blocks)\n")
    w(f"misses            {figures.miss_rate:6.1%}  (bad campaigns the checker lets through)\n")
    if not wrong:
        return
    w("per rule (must-fix findings): precision  recall  blocked  expected\n")
    for rule_id, (precision, recall, blocked, expected) in figures.per_rule().items():
        w(f"  {rule_id:4} {precision:9.0%} {recall:7.0%} {blocked:8} {expected:9}\n")
    w("wrong verdicts:\n")
    for j in figures.judged:
        if not j.right:
            causes = ", ".join(j.case.causes) or "none"
            blocking = ", ".join(j.blocking) or "nothing"
            w(
                f"  {j.case.id} labelled {j.case.verdict} (causes: {causes}); "
                f"checker blocks on: {blocking}  [{j.case.style}]\n"
            )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--unseal"]:
        unsealed = tuple(argv[1:])
        unknown = [half for half in unsealed if half not in SEALED]
        if not unsealed or unknown:
            sys.stderr.write(f"--unseal takes sealed halves: {', '.join(SEALED) or 'none'}\n")
            return 2
        part = load(unsealed)
        report(evaluate(part), " + ".join(unsealed) + " (first measurement, untouched)")
        for half in unsealed if len(unsealed) > 1 else ():
            report(evaluate([c for c in part if c.half == half]), f"{half} half")
        return 0
    cases = load(HALVES)
    tuned = [c for c in cases if c.half in TUNED]
    report(evaluate(tuned), "whole corpus (" + " + ".join(TUNED) + ")")
    for half in HALVES:
        part = [c for c in cases if c.half == half]
        if part:
            # the blind halves are never tuned against: print their wrong verdicts in full
            report(evaluate(part), f"{half} half", wrong=half not in TUNED)
    return 0


if __name__ == "__main__":
    sys.exit(main())
