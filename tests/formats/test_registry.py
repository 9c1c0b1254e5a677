"""The format registry, format detection, and what every reader and writer promises."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.errors import AnnotatorError, ExportError, InputError
from annotator.formats import (
    EXPORT_FORMATS,
    FORMATS,
    ReadOptions,
    WriteOptions,
    detect_format,
    format_for_path,
    get_format,
)
from annotator.model import BOILERPLATE, DocumentRecord

from .conftest import read_all, sample_records, write

SUFFIX = {"prodigy": "x.jsonl", "spacy": "x.spacy", "conll": "x.conll", "brat": "x",
          "hf": "x.jsonl", "quotes-jsonl": "x.jsonl", "quotes-csv": "x.csv"}  # fmt: skip


def test_registry_names_every_cli_format() -> None:
    assert set(EXPORT_FORMATS) == {"spacy", "prodigy", "conll", "brat", "hf", "quotes-jsonl",
                                   "quotes-csv", "doccano", "doc-labels-csv"}  # fmt: skip
    assert {name for name, f in FORMATS.items() if f.reader} >= {"text", "prodigy", "csv", "spacy",
                                                                 "conll", "brat", "hf"}  # fmt: skip
    assert FORMATS["brat"].writes_folder and FORMATS["brat"].out_suffix == ""
    assert FORMATS["spacy"].out_suffix == ".spacy" and FORMATS["hf"].out_suffix == ".jsonl"
    assert get_format("jsonl") is FORMATS["prodigy"]  # the old name keeps working
    with pytest.raises(AnnotatorError, match="known formats"):
        get_format("xml")


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
def test_detect_format_recognises_every_export(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / SUFFIX[fmt]
    write(fmt, sample_records(), out)
    if fmt == "brat":
        assert detect_format(out) is FORMATS["brat"]
        assert detect_format(out / "politics" / "hussain.ann") is FORMATS["brat"]
        assert detect_format(out / "politics" / "hussain.txt") is None  # read through its .ann
        assert detect_format(out / "annotation.conf") is None
        assert detect_format(out / "annotator-documents.jsonl") is None
    else:
        detected = detect_format(out)
        assert detected is not None and detected.name == fmt
    if fmt == "hf":
        assert detect_format(tmp_path / "x.labels.json") is None


def test_detect_format_of_inputs(tmp_path: Path) -> None:
    cases = {
        "a.txt": ("Plain text.", "text"),
        "b.json": ('[{"text": "x"}]', "prodigy"),
        "c.jsonl": ('{"text": "x", "label": [[0, 1, "PERSON"]]}', "prodigy"),
        "d.tsv": ("text\tid\nx\t1\n", "csv"),
        "e.iob": ("EU B-ORG\n", "conll"),
        "f.jsonl": ('{"tokens": ["EU"], "ner_tags": [0]}', "hf"),
        "g.pdf": ("%PDF", None),
    }
    for name, (content, expected) in cases.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        detected = detect_format(path)
        assert (detected.name if detected else None) == expected, name
    assert format_for_path(tmp_path / "x.ann") is FORMATS["brat"]


@pytest.mark.parametrize("fmt", ["prodigy", "csv", "spacy", "conll", "brat", "hf"])
def test_every_reader_reports_an_empty_file(tmp_path: Path, fmt: str) -> None:
    name = {"prodigy": "e.jsonl", "csv": "e.csv", "spacy": "e.spacy", "conll": "e.conll",
            "brat": "e.ann", "hf": "e.jsonl"}[fmt]  # fmt: skip
    path = tmp_path / name
    path.write_bytes(b"")
    if fmt == "brat":
        (tmp_path / "e.txt").write_bytes(b"")
    reader = FORMATS[fmt].reader
    assert reader is not None
    items = list(reader(path, ReadOptions()))
    if fmt == "brat":  # an empty .txt: the document has no text
        assert [type(i) for i in items] == [InputError]
        return
    assert len(items) == 1 and isinstance(items[0], InputError), items
    message = str(items[0])
    assert str(path) in message and ("empty" in message or "no tokens" in message)


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
def test_writers_stream_a_generator_into_a_new_folder(tmp_path: Path, fmt: str) -> None:
    produced: list[str] = []

    def records() -> Iterator[DocumentRecord]:
        for record in sample_records():
            produced.append(record.name)
            yield record

    out = tmp_path / "new" / "deeper" / SUFFIX[fmt]
    writer = FORMATS[fmt].writer
    assert writer is not None
    report = writer(records(), out, WriteOptions())
    assert report.documents == 2 and len(produced) == 2
    assert out.exists() and all(p.exists() for p in report.paths)
    leftovers = [p.name for p in out.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []  # no temporary files left behind


@pytest.mark.parametrize("fmt", ["prodigy", "spacy", "brat"])
def test_boilerplate_only_when_asked(tmp_path: Path, fmt: str) -> None:
    for include in (False, True):
        out = tmp_path / f"{include}-{SUFFIX[fmt]}"
        report = write(fmt, sample_records(), out, include_boilerplate=include)
        back, _ = read_all(fmt, out)
        labels = {s.label for s in back[0].spans}
        assert (BOILERPLATE in labels) is include
        assert bool(report.warnings.get(
            "BOILERPLATE spans left out (include boilerplate to keep them)"
        )) is not include  # fmt: skip


def test_an_interrupted_export_leaves_no_file(tmp_path: Path) -> None:
    def records() -> Iterator[DocumentRecord]:
        yield sample_records()[0]
        raise KeyboardInterrupt

    for fmt in ("prodigy", "spacy", "conll", "hf", "quotes-jsonl", "quotes-csv"):
        out = tmp_path / fmt / SUFFIX[fmt]
        writer = FORMATS[fmt].writer
        assert writer is not None
        with pytest.raises(KeyboardInterrupt):
            writer(records(), out, WriteOptions())
        assert list(out.parent.iterdir()) == [], fmt


def test_writing_a_file_over_a_folder_is_an_export_error(tmp_path: Path) -> None:
    (tmp_path / "taken.jsonl").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        write("prodigy", sample_records(), tmp_path / "taken.jsonl")
