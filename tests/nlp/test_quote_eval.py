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


def test_a_document_the_pipeline_cannot_annotate_is_named(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """A pipeline (any --model) whose output for one document cannot be read scores that
    document as finding nothing, and says so instead of dropping it silently."""
    from click.testing import CliRunner
    from spacy.language import Language

    from annotator.cli import main as cli
    from annotator.nlp.pipeline import load_pipeline
    from annotator.nlp.quotes import QUOTES_KEY
    from annotator.ops.quality import score_pipeline

    @Language.component("garbles_one_document")
    def garble(doc):  # type: ignore[no-untyped-def]
        if "Lord Smith" in doc.text:
            doc.user_data[QUOTES_KEY] = [["not", "a", "quote"]]
        return doc

    texts = {
        "a.txt": 'Ann Lee said: "We will win."\n',
        "b.txt": 'Lord Smith said: "We will lose."\n',
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        start = text.index('"')
        record = {"document": name, "start": start, "end": len(text) - 1,
                  "text": text[start:-1], "speaker": None, "speaker_name": None, "cue": None,
                  "source": "human"}  # fmt: skip
        (tmp_path / name.replace(".txt", ".quotes.jsonl")).write_text(
            json.dumps(record) + "\n", encoding="utf-8"
        )
    nlp = load_pipeline()
    nlp.add_pipe("garbles_one_document", last=True)
    report = score_pipeline(load_gold_dir(tmp_path), nlp)
    assert (report.gold, report.matched) == (2, 1)
    assert len(report.warnings) == 1 and report.warnings[0].startswith("b.txt: ")
    out = tmp_path / "garbling-model"
    nlp.to_disk(out)
    run = CliRunner().invoke(cli, ["evaluate-quotes", str(tmp_path), "--model", str(out)])
    assert run.exit_code == 0, run.output
    assert "warning: b.txt: annotations skipped" in run.output
