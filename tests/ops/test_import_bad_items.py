"""One bad item never stops an import batch (issue 9, defects 1, 11, 13): every per-item failure
is one printable line naming the item, the rest of the batch is imported, and repeated failures
are summarised."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.formats import FORMATS, WriteOptions
from annotator.model import DocumentRecord
from annotator.ops.importing import import_paths
from annotator.store import Store

GOOD = [{"text": f"Good article number {i}."} for i in range(5)]


def _jsonl(path: Path, *objects: object) -> Path:
    path.write_text("".join(json.dumps(o) + "\n" for o in objects), encoding="utf-8")
    return path


def _names(store: Store) -> set[str]:
    return {store.document(i).name for i in store.document_ids()}


def _printable(line: str) -> None:
    line.encode("utf-8")  # a terminal or a Qt dialog can show it
    assert "\n" not in line and "\t" not in line


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
def test_a_file_name_that_is_not_utf8_is_imported_under_a_printable_name(
    store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("A good article.", encoding="utf-8")
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as f:
        f.write(b"An article with a Latin-1 file name.")
    report = import_paths(store, [folder])
    assert report.imported == 2, report.problems
    assert _names(store) == {"good.txt", "caf\\xe9.txt"}
    assert any("caf\\xe9.txt" in note and "UTF-8" in note for note in report.notes)
    for line in report.notes + report.problems:
        _printable(line)


def test_lone_surrogates_in_json_text_or_id_fail_alone(store: Store, tmp_path: Path) -> None:
    raw = (
        json.dumps(GOOD[0]) + "\n"
        + '{"text": "bad \\ud800 x"}\n'
        + '{"text": "fine text", "id": "\\udc00"}\n'
        + '{"text": "fine title", "title": "t\\udfff"}\n'
        + '{"text": "fine meta", "meta": {"source": "\\ud83d"}}\n'
        + json.dumps(GOOD[1]) + "\n"
    )  # fmt: skip
    path = tmp_path / "bad.jsonl"
    path.write_text(raw, encoding="utf-8")
    report = import_paths(store, [path], batch_size=500)
    assert report.imported == 2
    assert len(report.problems) == 4
    for number, problem in zip((2, 3, 4, 5), report.problems, strict=True):
        assert f"bad.jsonl:{number}:" in problem and "surrogate" in problem
        _printable(problem)


def test_non_object_meta_in_a_brat_manifest_fails_alone(store: Store, tmp_path: Path) -> None:
    records = [DocumentRecord(name=f"doc{i}", text=f"Story {i} text.") for i in range(3)]
    out = tmp_path / "brat"
    writer = FORMATS["brat"].writer
    assert writer is not None
    writer(records, out, WriteOptions())
    manifest = out / "annotator-documents.jsonl"
    entries = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]
    entries[1]["meta"] = [1, 2]
    entries[2]["title"] = {"not": "a title"}
    manifest.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    report = import_paths(store, [out])
    assert report.imported == 1
    assert _names(store) == {"doc0"}
    assert len(report.problems) == 2
    assert any("meta" in p and "object" in p for p in report.problems)
    assert any("title" in p for p in report.problems)


def test_non_object_meta_in_docbin_user_data_fails_alone(store: Store, tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    docbin = DocBin(store_user_data=True)
    for i, meta in enumerate(([1, 2], {"ok": True}, "text", None)):
        doc = nlp(f"Document {i} text.")
        doc.user_data["annotator"] = json.dumps({"name": f"d{i}", "meta": meta})
        docbin.add(doc)
    path = tmp_path / "mixed.spacy"
    docbin.to_disk(path)
    report = import_paths(store, [path])
    assert _names(store) == {"d1", "d3"}
    assert len(report.problems) == 2
    assert all("mixed.spacy" in p and "meta" in p for p in report.problems)


def test_other_field_types_fail_alone(store: Store, tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "types.jsonl",
        GOOD[0],
        {"text": "title is a list", "title": ["a"]},
        {"text": "id is an object", "id": {"a": 1}},
        {"text": "label is a number", "spans": [{"start": 0, "end": 5, "label": 7}]},
        {"text": "status is odd", "meta": {"status": 3}},
        GOOD[1],
    )
    report = import_paths(store, [path])
    # an id object or an unknown status are not fatal: the reader names it by line instead
    assert report.imported + len(report.problems) == 6
    assert {"types.jsonl:1", "types.jsonl:6"} <= _names(store)
    assert any("types.jsonl:4:" in p for p in report.problems)


def test_labels_with_control_characters_are_refused(store: Store, tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "labels.jsonl",
        {"text": "Jane Doe spoke.", "spans": [{"start": 0, "end": 8, "label": "PER\tSON\nX"}]},
        {"text": "Joe Bloggs spoke.", "spans": [{"start": 0, "end": 10, "label": "PERSON"}]},
    )
    report = import_paths(store, [path])
    assert report.imported == 1
    assert len(report.problems) == 1
    assert "labels.jsonl:1:" in report.problems[0]
    assert "control character" in report.problems[0]
    _printable(report.problems[0])


def test_labels_with_control_characters_are_refused_from_brat(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "a.txt").write_text("Jane Doe spoke.", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tPER\x0bSON 0 8\tJane Doe\n", encoding="utf-8")
    report = import_paths(store, [folder], format="brat")
    assert report.imported == 0
    assert any("control character" in p for p in report.problems)


def test_a_nul_in_a_json_text_is_refused_naming_where(store: Store, tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "nul.jsonl", {"text": "before \u0000 after"}, GOOD[0])
    report = import_paths(store, [path])
    assert report.imported == 1
    assert len(report.problems) == 1
    assert "nul.jsonl:1:" in report.problems[0] and "NUL" in report.problems[0]
    assert all("\x00" not in store.document(i).text for i in store.document_ids())


def test_a_crash_inside_one_record_keeps_the_rest_of_the_batch(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record the checks let through but the store refuses undoes itself only."""
    path = _jsonl(tmp_path / "ok.jsonl", *GOOD)
    real = Store.add_document

    def flaky(self: Store, name: str, text: str, **kw: object) -> tuple[int, bool]:
        if name == "ok.jsonl:3":
            raise ValueError("an unexpected value")
        return real(self, name, text, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "add_document", flaky)
    report = import_paths(store, [path])
    assert report.imported == 4
    assert len(report.problems) == 1
    assert "ok.jsonl:3" in report.problems[0] and "ValueError" in report.problems[0]


def test_repeated_problems_are_summarised(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "empties"
    folder.mkdir()
    for i in range(300):
        (folder / f"e{i:04}.txt").write_bytes(b"")
    (folder / "good.txt").write_text("One real article.", encoding="utf-8")
    report = import_paths(store, [folder])
    assert report.imported == 1 and report.failed == 300
    lines = report.problem_lines()
    assert len(lines) <= 6
    assert any("and 297 more" in line and "empty file" in line for line in lines)


def test_the_cli_prints_a_summary_not_thousands_of_lines(tmp_path: Path) -> None:
    folder = tmp_path / "empties"
    folder.mkdir()
    for i in range(1000):
        (folder / f"e{i:04}.txt").write_bytes(b"")
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as f:
        f.write(b"")
    (folder / "good.txt").write_text("One real article.", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(tmp_path / "p.db"), "import", str(folder)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert len(run.stderr.splitlines()) < 10, run.stderr
    assert "and 998 more" in run.stderr
    assert "Imported 1 document" in run.stdout


def test_repeated_notes_are_summarised_too(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "windows"
    folder.mkdir()
    for i in range(40):
        (folder / f"w{i:02}.txt").write_bytes(f"Caf\xe9 story {i}".encode("cp1252"))
    report = import_paths(store, [folder])
    assert report.imported == 40 and len(report.notes) == 40
    lines = report.note_lines()
    assert len(lines) == 4
    assert lines[-1] == "... and 37 more: not UTF-8; decoded as cp1252"
