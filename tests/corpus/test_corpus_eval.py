"""The checker measured on the labelled corpus (make eval prints the full report).

The floors are the figures the closing note of the verdicts issue records; a change that makes
the checker's verdicts worse on real-world campaigns fails here."""

import json

import pytest

from compliance.evaluation import corpus
from compliance.evaluation.causes import CAUSE_RULES

# Measured on the whole corpus; raise them as the checker improves, never lower them.
ACCURACY_FLOOR = 0.99
HOLDOUT_ACCURACY_FLOOR = 1.00
# blind2, never tuned against except for two rules (see tests/corpus/README.md): a floor so that
# a change cannot make the untouched measure worse unnoticed.
BLIND2_ACCURACY_FLOOR = 0.73
# blind3, written blind and measured once (93.0 %, 0.0 % false blocks, 14.0 % misses), never
# tuned against: the same kind of floor.
BLIND3_ACCURACY_FLOOR = 0.93
# blind4, written blind, first run 68.0 % / 60.0 % false blocks / 4.0 % misses (60 % from one
# rule, K1, that wanted "no more messages" in so many words after "you're unsubscribed"); 79.0 %
# after that one fix; 100.0 % after issue 17's class fixes (blind4 is tuned against now, no longer
# an untouched measure): the floor.
BLIND4_ACCURACY_FLOOR = 1.00
# blind5, written blind, measured once at 87.0 % / 12.0 % false blocks / 14.0 % misses;
# 99.0 % after tuning against its classes.
BLIND5_ACCURACY_FLOOR = 0.99
# blind6, written blind, measured once at 90.0 % / 8.0 % false blocks / 12.0 % misses;
# 100 % after tuning against its classes.
BLIND6_ACCURACY_FLOOR = 1.00
# blind7, written blind, measured once at 80.0 % / 18.0 % false blocks / 22.0 % misses;
# 100 % after tuning against its classes.
BLIND7_ACCURACY_FLOOR = 1.00
# blind8, written blind, measured once at 73.0 % / 28.0 % false blocks / 26.0 % misses;
# 93.0 % after its false-block classes and its misses.
BLIND8_ACCURACY_FLOOR = 1.00


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


@pytest.mark.parametrize(
    ("half", "prefix"),
    [
        ("blind2", "C"),
        ("blind3", "E"),
        ("blind4", "F"),
        ("blind5", "G"),
        ("blind6", "J"),
        ("blind7", "K"),
    ],
)
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


def test_the_untouched_holdout_half_is_at_least_as_accurate_as_the_recorded_figure():
    figures = corpus.evaluate(corpus.load(("holdout",)))
    assert figures.accuracy >= HOLDOUT_ACCURACY_FLOOR, _wrong(figures)


@pytest.mark.parametrize("cause", sorted(CAUSE_RULES))
def test_every_cause_is_documented(cause):
    assert f"| {cause} |" in (corpus.CORPUS / "CAUSES.md").read_text()


def _wrong(figures) -> str:
    return json.dumps(
        [(j.case.id, j.case.verdict, j.blocking) for j in figures.judged if not j.right]
    )


def test_the_second_blind_half_is_at_least_as_accurate_as_the_recorded_figure():
    figures = corpus.evaluate(corpus.load(("blind2",)))
    assert figures.accuracy >= BLIND2_ACCURACY_FLOOR, _wrong(figures)


def test_the_third_blind_half_is_at_least_as_accurate_as_its_first_run():
    figures = corpus.evaluate(corpus.load(("blind3",)))
    assert figures.accuracy >= BLIND3_ACCURACY_FLOOR, _wrong(figures)


def test_the_fourth_blind_half_is_at_least_as_accurate_as_recorded():
    figures = corpus.evaluate(corpus.load(("blind4",)))
    assert figures.accuracy >= BLIND4_ACCURACY_FLOOR, _wrong(figures)


def test_the_fifth_blind_half_is_at_least_as_accurate_as_recorded():
    figures = corpus.evaluate(corpus.load(("blind5",)))
    assert figures.accuracy >= BLIND5_ACCURACY_FLOOR, _wrong(figures)


def test_the_sixth_blind_half_is_at_least_as_accurate_as_recorded():
    figures = corpus.evaluate(corpus.load(("blind6",)))
    assert figures.accuracy >= BLIND6_ACCURACY_FLOOR, _wrong(figures)


def test_the_eighth_blind_half_is_at_least_as_accurate_as_recorded():
    figures = corpus.evaluate(corpus.load(("blind8",)))
    assert figures.accuracy >= BLIND8_ACCURACY_FLOOR, _wrong(figures)


def test_the_seventh_blind_half_is_at_least_as_accurate_as_recorded():
    figures = corpus.evaluate(corpus.load(("blind7",)))
    assert figures.accuracy >= BLIND7_ACCURACY_FLOOR, _wrong(figures)


# half -> id prefix, while a half waits sealed
SEALED_PREFIXES: dict[str, str] = {"blind9": "M", "blind10": "N"}


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
