"""The scorer: overlap, one-to-one matching, accuracies, multi-paragraph joins, gold files."""

from __future__ import annotations

import json

import pytest

from annotator.errors import InputError
from annotator.nlp.quote_eval import (
    QuoteRecord,
    QuoteReport,
    is_multi_paragraph,
    load_gold_dir,
    match_quotes,
    normalise_name,
    overlap,
    score_document,
)


def q(start: int, end: int, name: str | None = None, cue=None, speaker=None) -> QuoteRecord:
    return QuoteRecord("d", start, end, speaker, cue, name)


def test_overlap_divides_by_the_longer_span() -> None:
    assert overlap((0, 10), (0, 10)) == 1.0
    assert overlap((0, 10), (0, 8)) == 0.8
    assert overlap((0, 10), (0, 20)) == 0.5
    assert overlap((0, 10), (10, 20)) == 0.0


def test_matching_is_one_to_one() -> None:
    gold = [q(0, 10), q(0, 9)]
    pred = [q(0, 10)]
    assert match_quotes(gold, pred) == [(0, 0)]
    assert match_quotes([q(0, 10)], [q(0, 7)]) == []


def test_names_compare_loosely() -> None:
    assert normalise_name("The Tories") == normalise_name("Tories")
    assert normalise_name(" Keir  Starmer ") == "keir starmer"
    assert normalise_name(None) is None and normalise_name("") is None


def test_multi_paragraph_detection() -> None:
    text = '“A.\n“B.” and "C. "D." and "E," he said, "F."'
    assert is_multi_paragraph(text, (0, 9))
    c = text.index('"C.')
    assert is_multi_paragraph(text, (c, c + 9))
    e = text.index('"E,')
    assert not is_multi_paragraph(text, (e, e + 4))


def test_score_document() -> None:
    text = '“A.\n“B.” he said. "x" and "yy"'
    gold = [q(0, 8, "Ann", cue=(12, 16)), q(18, 21, None), q(26, 30, "Bo")]
    pred = [q(0, 8, "ann", cue=(12, 16)), q(18, 21, "Bo"), q(40, 41)]
    report = score_document(text, gold, pred, "d")
    assert (report.gold, report.predicted, report.matched) == (3, 3, 2)
    assert report.precision == report.recall == pytest.approx(2 / 3)
    assert report.speaker_name_correct == 1 and report.cue_correct == 2
    assert (report.multi_paragraph, report.joined) == (1, 1)
    assert any(line.startswith("missed") for line in report.errors)


def test_gold_dir_errors(tmp_path) -> None:
    with pytest.raises(InputError):
        load_gold_dir(tmp_path / "missing")
    with pytest.raises(InputError, match=r"no \*\.quotes\.jsonl"):
        load_gold_dir(tmp_path)
    (tmp_path / "a.txt").write_text("He said “no”.", encoding="utf-8")
    record = {"document": "a.txt", "start": 8, "end": 12, "text": "“no”"}
    (tmp_path / "a.quotes.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (doc,) = load_gold_dir(tmp_path)
    assert doc.quotes[0].start == 8
    record["text"] = "wrong"
    (tmp_path / "a.quotes.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.quotes\.jsonl:1"):
        load_gold_dir(tmp_path)


def test_accuracy_over_attributed_quotations_does_not_reward_empty_answers() -> None:
    text = "x" * 100
    gold = [
        q(0, 10, "Dana Hale", cue=(20, 24)),
        q(30, 40, "Dana Hale", cue=(45, 49)),
        q(50, 60),  # a scare quote: no speaker, no cue
        q(70, 80, "Lee Park", cue=(85, 89)),
    ]
    predicted = [
        q(0, 10, "Dana Hale", cue=(20, 24)),
        q(30, 40),  # left unattributed
        q(50, 60),
        q(70, 80, "Dana Hale", cue=(85, 89)),
    ]
    report = score_document(text, gold, predicted)
    assert (report.speaker_name_correct, report.matched) == (2, 4)
    assert (report.speaker_named_correct, report.speaker_named) == (1, 3)
    assert (report.cue_correct, report.cue_given_correct, report.cue_given) == (3, 2, 3)
    assert report.speaker_named_accuracy == pytest.approx(1 / 3)
    assert report.cue_given_accuracy == pytest.approx(2 / 3)
    total = QuoteReport()
    total.add(report)
    total.add(report)
    assert (total.speaker_named, total.cue_given_correct) == (6, 4)
