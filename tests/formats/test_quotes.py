"""quotes-jsonl and quotes-csv exports (docs/design.md §5), and their refused import."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from annotator.formats import detect_format
from annotator.formats.quotes import CSV_COLUMNS
from annotator.model import DocumentRecord, RelationData, SpanData

from .conftest import check_golden, read_all, write

FIELDS = ["document", "document_id", "layer", "start", "end", "text", "speaker", "speaker_name",
          "cue", "source"]  # fmt: skip


def test_quotes_jsonl_matches_design_and_golden(
    records: list[DocumentRecord], tmp_path: Path
) -> None:
    out = tmp_path / "quotes.jsonl"
    report = write("quotes-jsonl", records, out)
    assert report.documents == 2 and report.warnings == {}
    check_golden(out, "quotes.jsonl")
    [row] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert list(row) == FIELDS
    text = records[0].text
    assert row["text"] == text[row["start"] : row["end"]]
    assert row["document"] == "politics/hussain.txt" and row["document_id"] == 12
    assert row["layer"] == "alice" and row["source"] == "human"
    assert row["speaker"] == {"start": 133, "end": 143, "text": "Mr Hussain"}
    assert row["cue"]["text"] == "said" and row["speaker_name"] == "Imran Hussain"


def test_quotes_csv_has_the_same_fields_flat(records: list[DocumentRecord], tmp_path: Path) -> None:
    out = tmp_path / "quotes.csv"
    write("quotes-csv", records, out)
    check_golden(out, "quotes.csv")
    with out.open(encoding="utf-8-sig", newline="") as f:
        [row] = list(csv.DictReader(f))
    assert row["text"] == records[0].text[int(row["start"]) : int(row["end"])]
    assert row["speaker_text"] == "Mr Hussain" and row["cue_start"] == "144"
    assert row["speaker_name"] == "Imran Hussain" and row["document_id"] == "12"


def test_quote_without_links_and_odd_links(tmp_path: Path) -> None:
    text = "“Go,” he said. “Stay,” she said, he said."
    record = DocumentRecord("q.txt", text, layer="gold", spans=[
        SpanData(0, 5, "QUOTE"), SpanData(15, 22, "QUOTE"), SpanData(23, 26, "SPEAKER"),
        SpanData(33, 35, "SPEAKER"), SpanData(6, 8, "SPEAKER"),
    ], relations=[RelationData(1, 2, "SPEAKER"), RelationData(1, 3, "SPEAKER")])  # fmt: skip
    out = tmp_path / "q.jsonl"
    report = write("quotes-jsonl", [record], out)
    first, second = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert first["speaker"] is None and first["cue"] is None and first["speaker_name"] is None
    assert second["speaker"]["text"] == "she"
    assert report.warnings == {
        "quotes-jsonl: quotes with several SPEAKER links: the first in the text kept": 1,
        "quotes-jsonl: SPEAKER spans not linked to a quote left out": 1,
    }
    assert first["document_id"] is None


def test_quotes_files_are_not_importable(records: list[DocumentRecord], tmp_path: Path) -> None:
    for fmt, name in (("quotes-jsonl", "q.jsonl"), ("quotes-csv", "q.csv")):
        out = tmp_path / name
        write(fmt, records, out)
        detected = detect_format(out)
        assert detected is not None and detected.name == fmt
        back, [error] = read_all(fmt, out)
        assert back == [] and "cannot be imported" in str(error) and name in str(error)


def _formula_record() -> DocumentRecord:
    """Cells a spreadsheet would run as formulas: a document name, a speaker name and quote,
    speaker and cue texts starting with ``=``, ``+``, ``-``, ``@``, a tab or a CR."""
    text = '=HYPERLINK("http://x") said @bob.\t+1 -2 \'tis =1'
    spans = [
        SpanData(0, 22, "QUOTE", "human", {"speaker_name": "-2+3"}),
        SpanData(28, 32, "SPEAKER"),  # "@bob"
        SpanData(23, 27, "CUE"),
        SpanData(33, 36, "QUOTE", attrs={"speaker_name": "'=x"}),  # "\t+1"
        SpanData(37, 39, "SPEAKER"),  # "-2"
        SpanData(40, 47, "QUOTE", attrs={"speaker_name": "'tis"}),  # "'tis =1"
    ]
    relations = [RelationData(0, 1, "SPEAKER"), RelationData(0, 2, "CUE"),
                 RelationData(3, 4, "SPEAKER")]  # fmt: skip
    return DocumentRecord("=cmd|' /C calc'!A0", text, layer="gold", spans=spans,
                          relations=relations, id=7)  # fmt: skip


def test_quotes_csv_neutralises_formulas_and_jsonl_stays_exact(tmp_path: Path) -> None:
    from annotator.formats.cells import unescape_cell

    record = _formula_record()
    write("quotes-jsonl", [record], tmp_path / "q.jsonl")
    write("quotes-csv", [record], tmp_path / "q.csv")
    exact = [json.loads(x) for x in (tmp_path / "q.jsonl").read_text("utf-8").splitlines()]
    assert exact[0]["document"] == "=cmd|' /C calc'!A0" and exact[1]["text"] == "\t+1"
    with (tmp_path / "q.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))[1:]
    cells = [cell for row in rows for cell in row if cell]
    dangerous = [c for c in cells if c[0] in "=+-@\t\r"]
    assert dangerous == []  # no cell a spreadsheet would evaluate
    first, second, third = rows
    assert first[0] == "'=cmd|' /C calc'!A0" and first[5] == '\'=HYPERLINK("http://x")'
    assert first[8] == "'@bob" and first[9] == "'-2+3" and second[5] == "'\t+1"
    assert second[9] == "''=x"  # a leading quote before a formula is quoted again
    assert third[5] == "'tis =1" and third[9] == "'tis"  # harmless cells are kept as they are
    # Reading back: unescape_cell restores every cell exactly, numbers included.
    for row, want in zip(rows, exact, strict=True):
        values = dict(zip(CSV_COLUMNS, (unescape_cell(c) for c in row), strict=True))
        assert values["document"] == want["document"] and values["text"] == want["text"]
        assert values["speaker_name"] == (want["speaker_name"] or "")
        assert values["speaker_text"] == (want["speaker"] or {}).get("text", "")
        assert int(values["start"]) == want["start"] and int(values["end"]) == want["end"]
        assert record.text[int(values["start"]) : int(values["end"])] == values["text"]
