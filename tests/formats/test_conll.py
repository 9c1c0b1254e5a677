"""CoNLL-2003 style export and import: schemes, spaCy's converter, seqeval, bad lines."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from annotator.errors import ExportError
from annotator.formats.conll import entity_tags, tags_to_entities
from annotator.model import DocumentRecord, SpanData

from .conftest import assert_same_tree, check_golden, entities, read_all, write


def _tag_sentences(path: Path) -> list[list[str]]:
    """The tag column, one list per sentence, as seqeval wants it."""
    sentences: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").split("\n"):
        columns = line.split()
        if not columns or columns[0] == "-DOCSTART-":
            if sentences[-1]:
                sentences.append([])
            continue
        sentences[-1].append(columns[-1])
    return [s for s in sentences if s]


@pytest.mark.parametrize("scheme", ["iob1", "iob2", "bilou"])
def test_export_matches_golden_file(
    records: list[DocumentRecord], tmp_path: Path, scheme: str
) -> None:
    out = tmp_path / f"gold-{scheme}.conll"
    report = write("conll", records, out, scheme=scheme)
    assert report.warnings == {
        "BOILERPLATE spans left out (include boilerplate to keep them)": 1,
        "conll cannot hold QUOTE spans: left out": 1,
        "conll cannot hold SPEAKER spans: left out": 1,
        "conll cannot hold CUE spans: left out": 1,
        "conll: SPEAKER relations left out with a span they link": 1,
        "conll: CUE relations left out with a span they link": 1,
        "conll holds no document names, titles, meta, layers or span sources": 2,
    }
    check_golden(out, f"gold-{scheme}.conll")


def test_file_shape(records: list[DocumentRecord], tmp_path: Path) -> None:
    out = tmp_path / "gold.conll"
    write("conll", records, out)
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[:4] == ["-DOCSTART- -X- O O", "", "𝕏 -X- _ O", "Shadow -X- _ O"]
    assert "Imran -X- _ B-PERSON" in lines and "Hussain -X- _ I-PERSON" in lines
    assert lines.count("-DOCSTART- -X- O O") == 2
    for line in lines:
        assert line == "" or len(line.split(" ")) == 4


@pytest.mark.parametrize("scheme", ["iob1", "iob2", "bilou"])
def test_export_import_export_is_identical(
    records: list[DocumentRecord], tmp_path: Path, scheme: str
) -> None:
    first, second = tmp_path / "first.conll", tmp_path / "second.conll"
    write("conll", records, first, scheme=scheme)
    back, errors = read_all("conll", first)
    assert errors == []
    assert [entities(r) for r in back] == [entities(r) for r in records]
    assert [r.name for r in back] == ["first.conll:1", "first.conll:87"]
    assert back[0].text.split("\n")[0].startswith("𝕏 Shadow minister Imran Hussain")
    write("conll", back, second, scheme=scheme)
    assert_same_tree(first, second)


def test_adjacent_entities_of_one_label_in_each_scheme() -> None:
    ents = [(0, 2, "PERSON"), (2, 3, "PERSON"), (4, 5, "GPE")]
    assert entity_tags(ents, 6, "iob2") == ["B-PERSON", "I-PERSON", "B-PERSON", "O", "B-GPE", "O"]
    assert entity_tags(ents, 6, "iob1") == ["I-PERSON", "I-PERSON", "B-PERSON", "O", "I-GPE", "O"]
    assert entity_tags(ents, 6, "bilou") == ["B-PERSON", "L-PERSON", "U-PERSON", "O", "U-GPE", "O"]
    for scheme in ("iob1", "iob2", "bilou"):
        assert tags_to_entities(entity_tags(ents, 6, scheme)) == ents


@pytest.mark.slow
@pytest.mark.parametrize("scheme", ["iob2", "bilou"])
def test_spacy_convert_reads_the_same_entities(
    records: list[DocumentRecord], tmp_path: Path, scheme: str
) -> None:
    out = tmp_path / "gold.conll"
    write("conll", records, out, scheme=scheme)
    result = subprocess.run(
        [sys.executable, "-m", "spacy", "convert", str(out), str(tmp_path), "-c", "ner"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    import spacy
    from spacy.tokens import DocBin

    docs = list(DocBin().from_disk(tmp_path / "gold.spacy").get_docs(spacy.blank("en").vocab))
    assert len(docs) == 2
    for doc, record in zip(docs, records):
        assert [(e.label_, e.text) for e in doc.ents] == entities(record)


@pytest.mark.parametrize(("scheme", "seqeval_scheme"), [("iob2", "IOB2"), ("bilou", "BILOU")])
def test_seqeval_reads_the_tags(
    records: list[DocumentRecord], tmp_path: Path, scheme: str, seqeval_scheme: str
) -> None:
    from seqeval import metrics
    from seqeval import scheme as schemes

    out = tmp_path / "gold.conll"
    write("conll", records, out, scheme=scheme)
    tags = _tag_sentences(out)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # seqeval warns on tags it cannot read
        report = metrics.classification_report(
            tags, tags, mode="strict", scheme=getattr(schemes, seqeval_scheme), output_dict=True
        )
    assert report["PERSON"]["support"] == 4
    assert report["GPE"]["support"] == 4
    assert report["micro avg"]["f1-score"] == 1.0


def test_unknown_scheme_is_an_export_error(records: list[DocumentRecord], tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="iob1, iob2, bilou"):
        write("conll", records, tmp_path / "x.conll", scheme="bioes")


def test_misaligned_entities_and_quotes_over_entities_are_counted(tmp_path: Path) -> None:
    text = "“Mr Hussainson has gone,” said Labour."
    record = DocumentRecord("q.txt", text, spans=[
        SpanData(0, 25, "QUOTE"), SpanData(4, 11, "PERSON"), SpanData(31, 37, "ORG"),
    ])  # fmt: skip
    report = write("conll", [record], tmp_path / "q.conll")
    assert report.warnings["conll cannot hold QUOTE spans: left out"] == 1
    assert (
        report.warnings[
            "conll: PERSON spans not aligned to token boundaries left out"
            " (document 'q.txt', 4..11 'Hussain')"
        ]
        == 1
    )
    assert "Labour -X- _ B-ORG" in (tmp_path / "q.conll").read_text(encoding="utf-8")


def test_entities_never_cut_by_a_sentence_break(tmp_path: Path) -> None:
    text = "He met the U.K. Prime Minister. Then he left."
    start = text.index("U.K.")
    record = DocumentRecord("s.txt", text, spans=[SpanData(start, start + 20, "ORG")])
    write("conll", [record], tmp_path / "s.conll")
    sentences = _tag_sentences(tmp_path / "s.conll")
    assert ["B-ORG", "I-ORG", "I-ORG"] in [s[3:6] for s in sentences]


def test_bad_lines_reject_their_document_only(tmp_path: Path) -> None:
    path = tmp_path / "bad.conll"
    path.write_text(
        "-DOCSTART- -X- O O\n\nKeir NNP B-NP B-PERSON\nStarmer NNP I-NP I-PERSON\n\n"
        "-DOCSTART- -X- O O\n\nbroken\nline O\n\n"
        "-DOCSTART- -X- O O\n\nGaza X-GPE\n\n"
        "-DOCSTART- -X- O O\n\nSadiq B-PERSON\nKhan I-PERSON\nwon O\n",
        encoding="utf-8",
    )
    back, errors = read_all("conll", path)
    assert [r.text for r in back] == ["Keir Starmer", "Sadiq Khan won"]
    assert [entities(r) for r in back] == [[("PERSON", "Keir Starmer")], [("PERSON", "Sadiq Khan")]]
    assert [(e.line, e.path) for e in errors] == [(8, str(path)), (13, str(path))]
    assert "token and a tag" in str(errors[0]) and "'X-GPE'" in str(errors[1])


def test_iob1_input_and_files_without_docstart(tmp_path: Path) -> None:
    path = tmp_path / "iob1.conll"
    path.write_text("EU I-ORG\nrejects O\nGerman I-MISC\ncall O\n\nPeter I-PER\nBlackburn I-PER\n")
    [doc], errors = read_all("conll", path)
    assert errors == []
    assert doc.text == "EU rejects German call\nPeter Blackburn"
    assert entities(doc) == [("ORG", "EU"), ("MISC", "German"), ("PER", "Peter Blackburn")]
    assert doc.meta == {"tokenization": "whitespace"}


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.conll"
    path.write_text("-DOCSTART- -X- O O\n\n")
    back, errors = read_all("conll", path)
    assert back == [] and "no tokens" in str(errors[0])
