"""Hugging Face token classification JSONL: golden files, round trip, the datasets loader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.formats.hf import base_tags, labels_path
from annotator.model import DocumentRecord, SpanData

from .conftest import assert_same_tree, check_golden, entities, read_all, write


def test_export_matches_golden_files(records: list[DocumentRecord], tmp_path: Path) -> None:
    out = tmp_path / "train.jsonl"
    report = write("hf", records, out)
    assert report.paths == [out, tmp_path / "train.labels.json"]
    assert report.warnings["hf cannot hold QUOTE spans: left out"] == 1
    assert report.warnings["hf holds no titles, meta, layers or span sources"] == 2
    check_golden(out, "hf.jsonl")
    check_golden(labels_path(out), "hf.labels.json")


def test_tags_are_iob2_ids_of_the_label_file(records: list[DocumentRecord], tmp_path: Path) -> None:
    out = tmp_path / "train.jsonl"
    write("hf", records, out)
    labels = json.loads(labels_path(out).read_text(encoding="utf-8"))
    assert labels == base_tags() and labels[:3] == ["O", "B-PERSON", "I-PERSON"]
    first = json.loads(out.read_text(encoding="utf-8").split("\n")[0])
    assert set(first) == {"id", "tokens", "ner_tags", "text"}
    tagged = [(t, labels[i]) for t, i in zip(first["tokens"], first["ner_tags"]) if i]
    assert tagged[:4] == [
        ("Imran", "B-PERSON"), ("Hussain", "I-PERSON"), ("Labour", "B-ORG"), ("Keir", "B-PERSON"),
    ]  # fmt: skip
    assert "\n" not in first["tokens"]


def test_labels_outside_ontonotes_are_added_and_reported(tmp_path: Path) -> None:
    record = DocumentRecord(
        "x", "Peter met Max.", spans=[SpanData(0, 5, "PER"), SpanData(10, 13, "PER")]
    )
    report = write("hf", [record], tmp_path / "x.jsonl")
    labels = json.loads((tmp_path / "x.labels.json").read_text(encoding="utf-8"))
    assert labels[-2:] == ["B-PER", "I-PER"]
    assert any("outside the OntoNotes set" in w for w in report.warnings)
    [back], errors = read_all("hf", tmp_path / "x.jsonl")
    assert errors == [] and entities(back) == [("PER", "Peter"), ("PER", "Max")]


def test_export_import_export_is_identical(records: list[DocumentRecord], tmp_path: Path) -> None:
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    write("hf", records, first)
    back, errors = read_all("hf", first)
    assert errors == []
    assert [r.text for r in back] == [r.text for r in records]
    assert [r.name for r in back] == [r.name for r in records]
    assert [entities(r) for r in back] == [entities(r) for r in records]
    write("hf", back, second)
    assert_same_tree(first, second)
    assert_same_tree(labels_path(first), labels_path(second))


def test_without_text_the_tokens_are_joined_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "plain.jsonl"
    line = {"id": 0, "tokens": ["EU", "rejects", "German", "call"],
            "ner_tags": ["B-ORG", "O", "B-MISC", "O"]}  # fmt: skip
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    [doc], errors = read_all("hf", path)
    assert errors == []
    assert doc.text == "EU rejects German call" and doc.name == "0"
    assert doc.meta == {"tokenization": "whitespace"}
    assert entities(doc) == [("ORG", "EU"), ("MISC", "German")]


def test_bad_lines_and_missing_label_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        "\n".join([
            '{"id": "a", "tokens": ["Keir", "Starmer"], "ner_tags": ["B-PERSON", "I-PERSON"]}',
            '{"id": "b", "tokens": ["Keir"], "ner_tags": ["B-PERSON", "O"]}',
            '{"id": "c", "tokens": ["Keir"], "ner_tags": [3]}',
            '{"id": "d", "tokens": ["Keir"], "ner_tags": ["B-PERSON"], "text": "Kier"}',
            '{"id": "e", "tokens": ["Keir"], "ner_tags": ["Z-PERSON"]}',
            "{oops",
        ]) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    back, errors = read_all("hf", path)
    assert [r.name for r in back] == ["a"]
    assert [e.line for e in errors] == [2, 3, 4, 5, 6]
    assert "as long as" in str(errors[0]) and "bad.labels.json" in str(errors[1])
    assert "do not match" in str(errors[2]) and "invalid tag" in str(errors[3])
    (tmp_path / "bad.labels.json").write_text("{not json")
    [error] = read_all("hf", path)[1]
    assert "label file" in str(error)


def test_datasets_json_loader_reads_the_export(
    records: list[DocumentRecord], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    datasets = pytest.importorskip("datasets", reason="the datasets package is not installed")
    write("hf", records, tmp_path / "train.jsonl")
    write("hf", records[1:], tmp_path / "dev.jsonl")
    names = json.loads((tmp_path / "train.labels.json").read_text(encoding="utf-8"))
    loaded = datasets.load_dataset(
        "json",
        data_files={
            "train": str(tmp_path / "train.jsonl"),
            "validation": str(tmp_path / "dev.jsonl"),
        },
        cache_dir=str(tmp_path / "cache"),
    )
    features = loaded["train"].features.copy()
    features["ner_tags"] = datasets.Sequence(datasets.ClassLabel(names=names))
    train = loaded["train"].cast(features)
    assert train.num_rows == 2 and loaded["validation"].num_rows == 1
    first = train[0]
    tag_names = train.features["ner_tags"].feature.names
    assert first["id"] == "politics/hussain.txt"
    assert [tag_names[i] for i in first["ner_tags"]][3:5] == ["B-PERSON", "I-PERSON"]
    assert first["tokens"][3:5] == ["Imran", "Hussain"]
