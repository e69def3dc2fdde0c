"""The checker measured on the labelled corpus (make eval prints the full report).

The floors are the figures the closing note of the verdicts issue records; a change that makes
the checker's verdicts worse on real-world campaigns fails here."""

import json
import subprocess
import sys

import pytest

from compliance.evaluation import corpus
from compliance.evaluation.causes import CAUSE_RULES

# Measured on the whole corpus; raise them as the checker improves, never lower them.
ACCURACY_FLOOR = 0.99
# Each half's floor: the accuracy the closing notes record, so that no change makes a half
# worse unnoticed. First runs (measured once, untouched) and what came after are in
# tests/corpus/README.md.
HALF_ACCURACY_FLOORS = {
    "holdout": 1.00,  # written before any rule changed; 72.0 % then
    # blind2: 65.0 % at its first run; most of what is left are labels that approve opt-in
    # confirmations without a frequency, against AWS's checklist and M6 (labels never change).
    "blind2": 0.75,
    "blind3": 0.93,  # first run 93.0 %, never tuned against
    "blind4": 1.00,  # first run 68.0 %, then tuned against
    "blind5": 0.99,  # first run 87.0 %, then tuned against
    "blind6": 1.00,  # first run 90.0 %, then tuned against
    "blind7": 1.00,  # first run 80.0 %, then tuned against
    "blind8": 1.00,  # first run 73.0 %, then tuned against
    "blind9": 1.00,  # first run 78.0 %, then tuned against
    "blind11": 1.00,  # first run 85.0 %, then tuned against
    "blind12": 1.00,  # first run 80.0 %, then tuned against
    "blind10": 1.00,  # first run 90.0 % (the untouched measure of this round), then tuned
    "blind13": 1.00,  # first run 81.0 % (the untouched measure of 2026-12-05 evening), then tuned
    "blind14": 1.00,  # first run 88.0 % (measured after blind13's classes were fixed), then tuned
    "blind15": 1.00,  # first run 90.0 % (measured after blind14's classes were fixed), then tuned
    "blind16": 1.00,  # first run 97.0 % (measured after blind15's classes were fixed), then tuned
    "blind17": 1.00,  # first run 87.0 % (measured after blind16's classes were fixed), then tuned
    "blind18": 1.00,  # first run 83.0 % (measured after blind17's classes were fixed), then tuned
    "blind19": 1.00,  # first run 89.0 % (measured after blind18's classes were fixed), then tuned
    "blind20": 1.00,  # first run 89.0 % (measured after blind19's classes were fixed), then tuned
    "blind21": 1.00,  # first run 89.0 % (measured after blind20's classes were fixed), then tuned
    "blind22": 1.00,  # first run 91.0 % (measured after blind21's classes were fixed), then tuned
    "blind23": 1.00,  # first run 92.0 % (measured after blind22's classes were fixed), then tuned
    "blind24": 1.00,  # first run 94.0 % (measured after blind23's classes were fixed), then tuned
    # first run 93.0 % (after blind24's classes), then tuned; AD001's two-word keyword "TACOS ES"
    # stays blocked: Telnyx's spec asks for keywords separated by commas without spaces.
    "blind25": 0.99,
    # first run 94.0 % (the last untouched measure of 2026-12-05), then tuned; AE070 left
    "blind26": 0.99,
    "blind27": 1.00,  # first run 88.0 % (the last untouched measure of 2026-12-05), then tuned
}
# The id prefix of each half written after the first three.
LATER_HALF_PREFIXES = {
    "blind2": "C",
    "blind3": "E",
    "blind4": "F",
    "blind5": "G",
    "blind6": "J",
    "blind7": "K",
    "blind8": "L",
    "blind9": "M",
    "blind11": "P",
    "blind12": "Q",
    "blind10": "N",
    "blind13": "R",
    "blind14": "S",
    "blind15": "T",
    "blind16": "U",
    "blind17": "V",
    "blind18": "W",
    "blind19": "X",
    "blind20": "Y",
    "blind21": "Z",
    "blind22": "AA",
    "blind23": "AB",
    "blind24": "AC",
    "blind25": "AD",
    "blind26": "AE",
    "blind27": "AF",
}


def test_every_labelled_campaign_is_well_formed():
    cases = corpus.load()
    assert len(cases) >= 100
    assert len({c.id for c in cases}) == len(cases)
    for case in cases:
        assert case.verdict in ("approve", "reject"), case.id
        assert (case.verdict == "reject") == bool(case.causes), case.id
        assert set(case.causes) <= set(CAUSE_RULES), (case.id, case.causes)
        assert case.campaign["usecase"] and case.brand["display_name"], case.id


def test_the_blind_half_is_well_formed():
    blind = corpus.load(("blind",))
    assert len(blind) == 100
    assert [c.id for c in blind] == [f"B{n:03d}" for n in range(1, 101)]
    for case in blind:
        assert case.verdict in ("approve", "reject"), case.id
        assert (case.verdict == "reject") == bool(case.causes), case.id
        assert set(case.causes) <= set(CAUSE_RULES), (case.id, case.causes)
    assert sum(c.verdict == "approve" for c in blind) / len(blind) >= 0.40


@pytest.mark.parametrize(("half", "prefix"), sorted(LATER_HALF_PREFIXES.items()))
def test_the_later_blind_halves_are_well_formed_and_kept_out_of_the_tuned_figures(half, prefix):
    cases = corpus.load((half,))
    assert len(cases) == 100
    assert [c.id for c in cases] == [f"{prefix}{n:03d}" for n in range(1, 101)]
    others = {c.id for c in corpus.load(tuple(h for h in corpus.HALVES if h != half))}
    assert not others & {c.id for c in cases}
    for case in cases:
        assert case.verdict in ("approve", "reject"), case.id
        assert (case.verdict == "reject") == bool(case.causes), case.id
        assert set(case.causes) <= set(CAUSE_RULES), (case.id, case.causes)
        assert case.campaign["usecase"] and case.brand["display_name"], case.id
    assert sum(c.verdict == "approve" for c in cases) / len(cases) >= 0.40
    assert half in corpus.HALVES and half not in corpus.TUNED
    assert all(c.half != half for c in corpus.load())


def test_at_least_forty_percent_of_the_corpus_is_good_campaigns():
    cases = corpus.load()
    assert sum(c.verdict == "approve" for c in cases) / len(cases) >= 0.40


def test_the_checker_is_at_least_as_accurate_as_the_recorded_figure():
    figures = corpus.evaluate(corpus.load())
    assert figures.accuracy >= ACCURACY_FLOOR, _wrong(figures)


@pytest.mark.parametrize("cause", sorted(CAUSE_RULES))
def test_every_cause_is_documented(cause):
    assert f"| {cause} |" in (corpus.CORPUS / "CAUSES.md").read_text()


def _wrong(figures) -> str:
    return json.dumps(
        [(j.case.id, j.case.verdict, j.blocking) for j in figures.judged if not j.right]
    )


@pytest.mark.parametrize(("half", "floor"), sorted(HALF_ACCURACY_FLOORS.items()))
def test_each_half_is_at_least_as_accurate_as_recorded(half, floor):
    figures = corpus.evaluate(corpus.load((half,)))
    assert figures.accuracy >= floor, _wrong(figures)


# half -> id prefix, while a half waits sealed
SEALED_PREFIXES: dict[str, str] = {"blind28": "AG"}


@pytest.mark.parametrize("half", corpus.SEALED)
def test_a_sealed_half_is_well_formed_and_never_judged_by_make_eval(half, capsys):
    """A half written blind and not measured yet: its shape is checked, its verdicts are not
    (reading them would be tuning against it), and make eval leaves it out."""
    if not (corpus.CORPUS / f"{half}.jsonl").exists():
        pytest.skip(f"{half} is not written yet")
    cases = corpus.load((half,))
    prefix = SEALED_PREFIXES[half]
    assert [c.id for c in cases] == [f"{prefix}{n:03d}" for n in range(1, 101)]
    for case in cases:
        assert case.verdict in ("approve", "reject"), case.id
        assert (case.verdict == "reject") == bool(case.causes), case.id
        assert set(case.causes) <= set(CAUSE_RULES), (case.id, case.causes)
    assert sum(c.verdict == "approve" for c in cases) / len(cases) >= 0.40
    assert half not in corpus.HALVES
    corpus.main([])
    assert f"{half} half" not in capsys.readouterr().out


# blind2 and blind3 came before the brief and its shape check; every later half follows them.
@pytest.mark.parametrize(
    "half", [half for half in LATER_HALF_PREFIXES if half not in ("blind2", "blind3")]
)
def test_the_writers_shape_check_accepts_the_halves_written_to_the_same_brief(half):
    """tests/corpus/blind_shape.py is what a blind writer runs (it never imports the app); it
    must agree with the halves already committed, or the next writer fixes rows that are right."""
    shape_check = corpus.CORPUS / "blind_shape.py"
    run = subprocess.run(
        [
            sys.executable,
            str(shape_check),
            str(corpus.CORPUS / f"{half}.jsonl"),
            LATER_HALF_PREFIXES[half],
            "1",
            "100",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout
    assert run.stdout.rstrip().endswith("shape OK")


def test_the_writers_shape_check_names_a_wrong_row(tmp_path):
    row = json.loads((corpus.CORPUS / "blind8.jsonl").read_text(encoding="utf-8").splitlines()[0])
    row["causes"] = ["too_salesy"]
    part = tmp_path / "part.jsonl"
    part.write_text(json.dumps(row) + "\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(corpus.CORPUS / "blind_shape.py"), str(part), "L", "1"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert "L001: causes ['too_salesy']" in run.stdout
