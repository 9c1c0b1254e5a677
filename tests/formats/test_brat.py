"""brat standoff: golden folder, brat's documented grammar, round trip, bad .ann lines."""

from __future__ import annotations

import os
import re
from pathlib import Path

from annotator.errors import ExportError
from annotator.model import DocumentRecord, SpanData

from .conftest import DATA, UPDATE, assert_same_tree, canonical, read_all, write

# brat standoff format (brat.nlplab.org/standoff.html): ID, TAB, data, TAB, text or note.
T_LINE = re.compile(r"T(\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t([^\n]*)")
R_LINE = re.compile(r"R(\d+)\t(\S+) Arg1:(T\d+) Arg2:(T\d+)")
NOTE_LINE = re.compile(r"#(\d+)\tAnnotatorNotes (T\d+)\t([^\n]*)")


def check_standoff(folder: Path) -> dict[str, int]:
    """Parse every .ann line with brat's grammar; check every fragment against the .txt."""
    counts = {"T": 0, "R": 0, "#": 0}
    conf = (folder / "annotation.conf").read_text(encoding="utf-8")
    sections = dict(re.findall(r"\[(\w+)\]\n(.*?)(?=\n\[|\Z)", conf, re.S))
    entity_types = set(sections["entities"].split())
    relation_types = {line.split("\t")[0] for line in sections["relations"].split("\n")}
    assert set(sections) == {"entities", "relations", "events", "attributes"}
    for ann in sorted(folder.rglob("*.ann")):
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        ids = set()
        lines = ann.read_text(encoding="utf-8").split("\n")
        assert lines[-1] == ""
        for line in lines[:-1]:
            if m := T_LINE.fullmatch(line):
                ids.add(f"T{m[1]}")
                assert m[2] in entity_types
                pieces = [tuple(map(int, p.split())) for p in m[3].split(";")]
                for start, end in pieces:
                    assert 0 <= start < end <= len(text)
                    assert "\n" not in text[start:end]
                assert m[4] == " ".join(text[s:e] for s, e in pieces)
                counts["T"] += 1
            elif m := R_LINE.fullmatch(line):
                assert m[3] in ids and m[4] in ids and m[2] in relation_types
                counts["R"] += 1
            elif m := NOTE_LINE.fullmatch(line):
                assert m[2] in ids
                counts["#"] += 1
            else:
                raise AssertionError(f"{ann.name}: not brat standoff: {line!r}")
    return counts


def test_export_matches_golden_folder(records: list[DocumentRecord], tmp_path: Path) -> None:
    out = tmp_path / "gold"
    report = write("brat", records, out)
    assert report.documents == 2
    assert report.warnings == {"BOILERPLATE spans left out (include boilerplate to keep them)": 1}
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.*")) == [
        "annotation.conf", "annotator-documents.jsonl", "politics/davey.ann",
        "politics/davey.txt", "politics/hussain.ann", "politics/hussain.txt", "visual.conf",
    ]  # fmt: skip
    golden = DATA / "brat"
    for name in ("annotation.conf", "annotator-documents.jsonl", "politics/hussain.ann",
                 "politics/hussain.txt", "politics/davey.ann"):  # fmt: skip
        if UPDATE:
            (golden / name).parent.mkdir(parents=True, exist_ok=True)
            (golden / name).write_bytes((out / name).read_bytes())
        assert (out / name).read_bytes() == (golden / name).read_bytes(), name


def test_every_line_follows_brats_grammar(records: list[DocumentRecord], tmp_path: Path) -> None:
    write("brat", records, tmp_path / "gold", include_boilerplate=True)
    assert check_standoff(tmp_path / "gold") == {"T": 16, "R": 2, "#": 11}
    ann = (tmp_path / "gold" / "politics" / "hussain.ann").read_text(encoding="utf-8")
    quote = next(line for line in ann.split("\n") if "\tQUOTE " in line)
    assert re.fullmatch(r"T\d+\tQUOTE \d+ \d+;\d+ \d+\t“It has .* “I believe .*”", quote)
    assert "AnnotatorNotes T" in ann and "\tspeaker_name: Imran Hussain" in ann
    # the source is a note only where it is not the layer's default (human, in a human layer)
    assert "\treviewed = true" in ann and "\tsource: model" in ann
    assert "\tsource: human" not in ann


def test_export_import_export_is_identical_and_lossless(
    records: list[DocumentRecord], tmp_path: Path
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    write("brat", records, first, include_boilerplate=True)
    back, errors = read_all("brat", first)
    assert errors == []
    assert [canonical(r) for r in back] == [canonical(r) for r in records]
    write("brat", back, second, include_boilerplate=True)
    assert_same_tree(first, second)


def test_one_ann_file_and_the_files_import_passes_by(
    records: list[DocumentRecord], tmp_path: Path
) -> None:
    write("brat", records, tmp_path / "gold")
    one_ann = tmp_path / "gold" / "politics" / "hussain.ann"
    [one], errors = read_all("brat", one_ann, layer="bob")
    assert errors == [] and one.name == "hussain.txt" and one.layer == "bob"
    for other in ("politics/hussain.txt", "annotation.conf", "annotator-documents.jsonl"):
        assert read_all("brat", tmp_path / "gold" / other) == ([], [])


def test_foreign_folder_with_crlf_text_and_no_document_list(tmp_path: Path) -> None:
    folder = tmp_path / "foreign"
    folder.mkdir()
    (folder / "doc1.txt").write_bytes(b"Sony\r\nEricsson in Sweden.")
    (folder / "doc1.ann").write_text(
        "T1\tOrganization 0 4\tSony\nT2\tLocation 18 24\tSweden\nA1\tNegation T1\n"
        "#1\tAnnotatorNotes T2\tcapital: Stockholm\n#2\tAnnotatorNotes T1\tchecked twice\n",
        encoding="utf-8",
    )
    [doc], errors = read_all("brat", folder)
    assert errors == []
    assert doc.text == "Sony\nEricsson in Sweden." and doc.name == "doc1.txt"
    assert [(s.label, doc.text[s.start : s.end]) for s in doc.spans] == [
        ("Organization", "Sony"), ("Location", "Sweden"),
    ]  # fmt: skip
    # notes of a foreign folder stay notes, whatever they look like; A lines are attributes
    assert doc.spans[1].attrs == {"note": "capital: Stockholm"}
    assert doc.spans[0].attrs == {"attributes": {"Negation": True}, "note": "checked twice"}
    assert doc.title == "Sony" and doc.layer == "gold" and doc.spans[0].source == "human"


def test_bad_lines_are_left_out_and_counted_never_the_document(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    for name, ann in {
        "a": "T1\tPERSON 0 4\tKeir\nT2\tGPE 10 900\tGaza\n",
        "b": "T1\tPERSON 0 4\tKeir\nT2\tGPE 5 9\tGazza\n",
        "c": "T1\tPERSON 0 4\tKeir\nR1\tSPEAKER Arg1:T1 Arg2:T9\n",
        "d": "T1\tPERSON zero four\tKeir\n",
        "e": "T1\tPERSON 0 4\tKeir\n",
    }.items():
        (folder / f"{name}.txt").write_text("Keir Gaza visit", encoding="utf-8")
        (folder / f"{name}.ann").write_text(ann, encoding="utf-8")
    back, errors = read_all("brat", folder)
    assert errors == []
    assert [r.meta["path"].rsplit("/", 1)[1] for r in back] == [f"{n}.txt" for n in "abcde"]
    assert [len(r.spans) for r in back] == [1, 1, 1, 0, 1]
    assert [r.import_notes for r in back] == [
        {"brat: T lines with offsets outside the text left out": 1},
        {"brat: T lines whose text does not match the .txt at their offsets left out": 1},
        {"brat: relations to a missing span left out": 1},
        {"brat: T lines that do not read as 'TYPE START END[;START END]' left out": 1},
        {},
    ]
    missing = tmp_path / "missing.ann"
    missing.write_text("T1\tPERSON 0 4\tKeir\n")
    assert "cannot read" in str(read_all("brat", missing)[1][0])


def test_writing_into_a_file_is_refused(records: list[DocumentRecord], tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    try:
        write("brat", records, tmp_path / "file")
    except ExportError as exc:
        assert "folder" in str(exc)
    else:
        raise AssertionError("no ExportError")


def test_spans_made_of_line_breaks_and_spaces_in_labels(tmp_path: Path) -> None:
    text = "One.\n\nTwo.\n"
    record = DocumentRecord("x.txt", text, spans=[
        SpanData(4, 6, "QUOTE"), SpanData(0, 5, "WORK OF ART"),
    ])  # fmt: skip
    report = write("brat", [record], tmp_path / "x")
    assert dict(report.warnings) == {
        "brat: QUOTE spans of line breaks only left out": 1,
        "brat: line breaks at the start or end of WORK OF ART spans cut off": 1,
        "brat: spaces in label 'WORK OF ART' written as '_'": 1,
    }
    check_standoff(tmp_path / "x")


# An export writes a hidden sibling folder and swaps it in only when complete (issue 9, defect 5).


def _docs(*names: str) -> list[DocumentRecord]:
    return [DocumentRecord(n, f"BBC {n} news", spans=[SpanData(0, 3, "ORG")], layer="gold")
            for n in names]  # fmt: skip


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _interrupted(records: list[DocumentRecord], after: int, check=lambda: None):  # type: ignore[no-untyped-def]
    """Records as an export streams them, stopped by Ctrl+C after ``after`` of them."""
    for i, record in enumerate(records):
        if i == after:
            check()
            raise KeyboardInterrupt
        yield record


def test_interrupted_re_export_keeps_the_earlier_export_whole(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    write("brat", _docs("a.txt", "b.txt", "c.txt"), folder)
    earlier = _tree(folder)

    def earlier_still_there() -> None:  # the new export is half written: nothing deleted yet
        assert _tree(folder) == earlier

    try:
        write(
            "brat", _interrupted(_docs("d.txt", "e.txt", "f.txt"), 2, earlier_still_there), folder
        )
    except KeyboardInterrupt:
        pass
    else:
        raise AssertionError("the export should have been interrupted")
    assert _tree(folder) == earlier
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export"]  # no half folder left
    report = write("brat", _docs("d.txt"), folder)  # and the folder is still accepted
    assert report.warnings == {"brat: replaced an earlier export: 3 documents removed": 1}
    back, errors = read_all("brat", folder)
    assert errors == [] and [r.name for r in back] == ["d.txt"]


def test_interrupted_first_export_leaves_no_folder_the_next_refuses(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    try:
        write("brat", _interrupted(_docs("a.txt", "b.txt"), 1), folder)
    except KeyboardInterrupt:
        pass
    assert list(tmp_path.iterdir()) == []
    # A process killed (kill -9) while writing leaves its hidden sibling: the next run cleans it.
    stale = tmp_path / ".export.999999999.k9x1.part"
    stale.mkdir()
    (stale / "a.txt").write_text("half", encoding="utf-8")
    (stale / "annotator-documents.jsonl").write_text("", encoding="utf-8")
    live = tmp_path / f".export.{os.getpid()}.busy.part"  # another export, still running
    live.mkdir()
    report = write("brat", _docs("a.txt", "b.txt"), folder)
    assert report.documents == 2 and report.warnings == {}
    assert sorted(p.name for p in tmp_path.iterdir()) == [live.name, "export"]


def test_swapped_in_folder_keeps_the_users_other_files_and_usual_permissions(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / ".DS_Store").write_bytes(b"\0")
    write("brat", _docs("a.txt"), folder)
    (folder / "README.md").write_text("mine", encoding="utf-8")
    write("brat", _docs("b.txt"), folder)
    assert (folder / ".DS_Store").read_bytes() == b"\0"
    assert (folder / "README.md").read_text(encoding="utf-8") == "mine"
    assert not (folder / "a.txt").exists() and (folder / "b.ann").exists()
    probe = tmp_path / "probe"
    probe.mkdir()
    assert folder.stat().st_mode & 0o777 == probe.stat().st_mode & 0o777


def test_export_killed_between_the_two_renames_gets_the_earlier_export_back(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "export"
    write("brat", _docs("a.txt", "b.txt"), folder)
    (folder / "notes.md").write_text("mine", encoding="utf-8")
    earlier = _tree(folder)
    folder.rename(tmp_path / ".export.999999999.k9x1.old")  # moved aside, then kill -9
    (tmp_path / ".export.999999999.k9x1.part").mkdir()
    report = write("brat", _docs("c.txt"), folder)
    assert report.warnings == {"brat: replaced an earlier export: 2 documents removed": 1}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export"]
    assert sorted(_tree(folder)) == sorted(
        [
            "annotation.conf",
            "visual.conf",
            "annotator-documents.jsonl",
            "c.txt",
            "c.ann",
            "notes.md",
        ]
    )
    assert set(earlier) > {"a.txt", "notes.md"}
