"""JSONL: the Prodigy task export, and import of plain, Prodigy and doccano records."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.formats import SkippedInput
from annotator.model import DocumentRecord

from .conftest import (
    DATA,
    assert_same_tree,
    canonical,
    check_golden,
    read_all,
    write,
)


def test_prodigy_export_matches_golden_file(records: list[DocumentRecord], tmp_path: Path) -> None:
    out = tmp_path / "gold.jsonl"
    report = write("prodigy", records, out)
    assert report.documents == 2
    assert report.warnings == {"BOILERPLATE spans left out (include boilerplate to keep them)": 1}
    check_golden(out, "prodigy.jsonl")


def test_prodigy_tasks_follow_prodigys_format(
    records: list[DocumentRecord], tmp_path: Path
) -> None:
    out = tmp_path / "gold.jsonl"
    write("prodigy", records, out)
    task = json.loads(out.read_text(encoding="utf-8").split("\n")[0])
    text, tokens = task["text"], task["tokens"]
    assert task["answer"] == "accept"
    assert task["meta"]["name"] == "politics/hussain.txt"
    assert task["meta"]["layer"] == "alice"
    for token in tokens:
        assert text[token["start"] : token["end"]] == token["text"]
    by_offsets = {}
    for span in task["spans"]:
        # token_end is inclusive, as in Prodigy
        assert tokens[span["token_start"]]["start"] == span["start"]
        assert tokens[span["token_end"]]["end"] == span["end"]
        by_offsets[span["start"], span["end"], span["label"]] = span
    quote = next(s for s in task["spans"] if s["label"] == "QUOTE")
    assert quote["attrs"] == {"speaker_name": "Imran Hussain"}
    assert "\n" in text[quote["start"] : quote["end"]]
    assert "😀" in text[quote["start"] : quote["end"]]
    for rel in task["relations"]:
        head, child = rel["head_span"], rel["child_span"]
        assert (head["start"], head["end"], head["label"]) in by_offsets
        assert rel["head"] == head["token_end"] and rel["child"] == child["token_end"]
    assert {r["label"] for r in task["relations"]} == {"SPEAKER", "CUE"}


def test_export_import_export_is_identical_and_lossless(
    records: list[DocumentRecord], tmp_path: Path
) -> None:
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    write("prodigy", records, first, include_boilerplate=True)
    back, errors = read_all("prodigy", first)
    assert errors == []
    assert [canonical(r) for r in back] == [canonical(r) for r in records]
    write("prodigy", back, second, include_boilerplate=True)
    assert_same_tree(first, second)


def test_layer_and_status_asked_for_win_over_the_files(
    records: list[DocumentRecord], tmp_path: Path
) -> None:
    out = tmp_path / "gold.jsonl"
    write("prodigy", records, out)
    back, _ = read_all("prodigy", out, layer="bob", status="in_progress")
    assert {r.layer for r in back} == {"bob"}
    assert {r.status for r in back} == {"in_progress"}


def test_plain_records_name_title_and_meta() -> None:
    back, errors = read_all("prodigy", DATA / "plain.jsonl", status="done")
    assert errors == []
    first, second = back
    assert first.name == "bbc-001"
    assert first.title == "Ad sales boost Time Warner profit"
    assert first.meta == {
        "category": "business",
        "url": "http://news.bbc.co.uk/1/hi/business/4190000.stm",
    }
    assert first.layer == "gold" and first.status == "done" and first.spans == []
    assert second.name == "plain.jsonl:2"
    assert second.meta == {"source": "wire"}
    assert second.text.endswith("😀.")


def test_prodigy_relations_by_token_index_and_skipped_answers() -> None:
    items = read_all("prodigy", DATA / "prodigy-rel.jsonl")
    back, errors = items
    assert [type(e) for e in errors] == [SkippedInput, SkippedInput]
    assert [e.line for e in errors] == [2, 3]
    assert all("not imported" in str(e) and "prodigy-rel.jsonl" in str(e) for e in errors)
    anwar, khan = back
    assert anwar.name == "anwar-1"
    assert anwar.meta == {"source": "BBC", "_input_hash": 123, "_task_hash": 456,
                          "_view_id": "relations"}  # fmt: skip
    labels = {s.label: anwar.text[s.start : s.end] for s in anwar.spans}
    assert labels["QUOTE"] == "“really difficult decision”"
    assert {s.source for s in anwar.spans} == {"human"}
    [(speaker, cue)] = [(sp, cu) for _, sp, cu in anwar.quotes()]
    assert anwar.text[speaker.start : speaker.end] == "Afrasiab Anwar"
    assert anwar.text[cue.start : cue.end] == "said"
    assert khan.name == "prodigy-rel.jsonl:4"


def test_doccano_label_and_entity_records() -> None:
    back, errors = read_all("prodigy", DATA / "doccano.jsonl", layer="carol")
    assert errors == []
    seq, rel, classified = back
    assert seq.name == "7" and seq.meta == {"Comments": []}
    assert [(s.label, seq.text[s.start : s.end]) for s in seq.spans] == [
        ("PERSON", "Volodymyr Zelenskyy"), ("PERSON", "Donald Trump"), ("FAC", "the White House"),
    ]  # fmt: skip
    assert {s.layer for s in back} == {"carol"}
    [(quote, speaker, cue)] = rel.quotes()
    assert rel.text[quote.start : quote.end] == "“Nobody wants to see that,”"
    assert rel.text[speaker.start : speaker.end] == "he"
    assert rel.text[cue.start : cue.end] == "told"
    # doccano's text classification labels are document labels
    assert classified.categories == {"business": "accept"} and classified.spans == []
    assert classified.meta == {}


def test_a_json_array_reads_like_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "array.json"
    path.write_text(
        '[\n {"id": "a", "text": "First."},\n {"text": ""},\n {"id": "c", "text": "Third."}\n]',
        encoding="utf-8",
    )
    back, errors = read_all("prodigy", path)
    assert [r.name for r in back] == ["a", "c"]
    assert [(e.line, 'no "text"' in str(e)) for e in errors] == [(3, True)]


def test_bad_lines_are_errors_naming_file_and_line_and_the_rest_is_read(tmp_path: Path) -> None:
    good = {
        "id": "ok",
        "text": "Keir Starmer spoke.",
        "spans": [{"start": 0, "end": 12, "label": "PERSON"}],
    }
    lines = [
        json.dumps(good),
        '{"text": "broken", ',
        json.dumps({"id": "no-text", "meta": {}}),
        json.dumps({"text": "Short.", "spans": [{"start": 2, "end": 60, "label": "ORG"}]}),
        json.dumps({"text": "Sadiq Khan won.", "spans": [
            {"start": 0, "end": 10, "label": "PERSON"}, {"start": 6, "end": 10, "label": "ORG"}]}),
        json.dumps({"text": "A quote.", "spans": [{"start": 0, "end": 1, "label": "QUOTE"}],
                    "relations": [{"head": 5, "child": 9, "label": "SPEAKER"}]}),
        json.dumps({"text": "Doccano.", "label": [[0, 3]]}),
        "[1, 2]",
        "",
        json.dumps({"id": "ok2", "text": "Another good one."}),
    ]  # fmt: skip
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    back, errors = read_all("prodigy", path)
    # overlapping entities are no error: the later one becomes a span category (group sc)
    assert [r.name for r in back] == ["ok", "bad.jsonl:5", "ok2"]
    assert [(s.label, s.group) for s in back[1].spans] == [("PERSON", ""), ("ORG", "sc")]
    assert back[1].import_notes == {"overlapping or nested spans kept in span group 'sc'": 1}
    assert [e.line for e in errors] == [2, 3, 4, 6, 7, 8]
    assert all(e.path == str(path) and str(e).startswith(f"{path}:{e.line}: ") for e in errors)
    messages = [str(e) for e in errors]
    assert "not valid JSON" in messages[0]
    assert 'no "text"' in messages[1]
    assert "outside the text" in messages[2]
    assert "not among the record's spans" in messages[3]
    assert "[start, end" in messages[4]
    assert "JSON object" in messages[5]


def test_empty_file_and_bom_and_crlf(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"\n\n")
    back, errors = read_all("prodigy", empty)
    assert back == [] and len(errors) == 1 and "empty file" in str(errors[0])
    windows = tmp_path / "windows.jsonl"
    windows.write_bytes(
        b"\xef\xbb\xbf" + b'{"id": "w", "text": "Caf\xc3\xa9"}\r\n{"text": "x"}\r\n'
    )
    back, errors = read_all("prodigy", windows)
    assert errors == [] and back[0].name == "w" and back[0].text == "Café"


def test_speaker_names_and_sources_survive(records: list[DocumentRecord], tmp_path: Path) -> None:
    out = tmp_path / "gold.jsonl"
    write("prodigy", records, out)
    [hussain, _] = read_all("prodigy", out)[0]
    [(quote, speaker, cue)] = hussain.quotes()
    assert quote.attrs == {"speaker_name": "Imran Hussain"} and quote.reviewed
    assert (speaker.source, cue.source) == ("human", "model")
