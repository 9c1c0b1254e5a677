"""quotes-jsonl and quotes-csv exports (docs/design.md §5), and their refused import."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from annotator.formats import detect_format
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
