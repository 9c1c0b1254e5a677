"""Entity scores on hand-computed cases: perfect, empty, partial overlap, label confusion."""

from __future__ import annotations

import pytest

from annotator.nlp.entity_eval import score_entities

GOLD = [(0, 10, "PERSON"), (20, 26, "GPE"), (30, 40, "ORG")]


def test_perfect_prediction_scores_one_everywhere() -> None:
    report = score_entities(GOLD, GOLD)
    for variant in ("exact", "partial"):
        total = report.total(variant)
        assert (total.tp, total.fp, total.fn) == (3, 0, 0)
        assert total.precision == total.recall == total.f1 == 1.0
    assert not report.confusions


def test_empty_prediction_finds_nothing() -> None:
    total = score_entities(GOLD, []).total()
    assert (total.tp, total.fp, total.fn) == (0, 0, 3)
    assert total.recall == 0.0 and total.f1 == 0.0
    assert total.precision == 1.0  # nothing predicted, nothing wrong (as quote_eval)


def test_nothing_to_find_and_nothing_predicted() -> None:
    total = score_entities([], []).total()
    assert (total.tp, total.fp, total.fn, total.f1) == (0, 0, 0, 1.0)


def test_partial_overlap_counts_only_in_the_partial_variant() -> None:
    # PERSON 2..10 overlaps gold 0..10; GPE exact; ORG missed; a spurious DATE.
    predicted = [(2, 10, "PERSON"), (20, 26, "GPE"), (50, 55, "DATE")]
    report = score_entities(GOLD, predicted)
    exact, partial = report.total("exact"), report.total("partial")
    assert (exact.tp, exact.fp, exact.fn) == (1, 3 - 1, 2)
    assert exact.precision == pytest.approx(1 / 3) and exact.recall == pytest.approx(1 / 3)
    assert (partial.tp, partial.fp, partial.fn) == (2, 1, 1)
    assert partial.precision == pytest.approx(2 / 3) and partial.recall == pytest.approx(2 / 3)
    assert partial.f1 == pytest.approx(2 / 3)
    assert report.exact["PERSON"].f1 == 0.0 and report.partial["PERSON"].f1 == 1.0
    assert report.exact["DATE"].precision == 0.0 and report.exact["DATE"].recall == 1.0


def test_one_long_prediction_over_two_gold_entities_matches_once() -> None:
    gold = [(0, 5, "ORG"), (6, 12, "ORG")]
    report = score_entities(gold, [(0, 12, "ORG")])
    assert (report.partial["ORG"].tp, report.partial["ORG"].fn) == (1, 1)


def test_label_confusion_is_wrong_twice_and_counted() -> None:
    predicted = [(0, 10, "ORG"), (20, 26, "GPE"), (30, 40, "ORG")]
    report = score_entities(GOLD, predicted)
    assert report.confusions == {("PERSON", "ORG"): 1}
    assert (report.exact["PERSON"].tp, report.exact["PERSON"].fn) == (0, 1)
    assert (report.exact["ORG"].tp, report.exact["ORG"].fp) == (1, 1)
    total = report.total()
    assert (total.tp, total.fp, total.fn) == (2, 1, 1)
    assert total.f1 == pytest.approx(2 / 3)
    # a different label never matches, not even by overlap
    assert report.partial["PERSON"].tp == 0


def test_reports_add_up_over_documents() -> None:
    first = score_entities(GOLD, GOLD)
    first.add(score_entities(GOLD, []))
    total = first.total()
    assert (total.tp, total.fp, total.fn) == (3, 0, 3)
    assert total.recall == 0.5
