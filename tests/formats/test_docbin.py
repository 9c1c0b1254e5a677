"""spaCy DocBin: golden file, spaCy's own reader, round trip, and spaCy's CLI as the consumer."""

from __future__ import annotations

import json
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from spacy.tokens import DocBin

from annotator.errors import ExportError
from annotator.model import DocumentRecord, SpanData

from .conftest import assert_same_tree, canonical, check_golden, read_all, sample_records, write


def _msgpack(data: bytes) -> bytes:
    return zlib.decompress(data)


def test_export_matches_golden_file(records: list[DocumentRecord], tmp_path: Path) -> None:
    out = tmp_path / "gold.spacy"
    write("spacy", records, out)
    check_golden(out, "gold.spacy", normalise=_msgpack)


def test_spacy_reads_entities_span_groups_and_user_data(
    records: list[DocumentRecord], tmp_path: Path
) -> None:
    out = tmp_path / "gold.spacy"
    write("spacy", records, out, include_boilerplate=True)
    import spacy

    nlp = spacy.blank("en")
    doc, davey = DocBin().from_disk(out).get_docs(nlp.vocab)
    assert doc.text == records[0].text
    assert [(e.label_, e.text) for e in doc.ents] == [
        ("PERSON", "Imran Hussain"), ("ORG", "Labour"), ("PERSON", "Keir Starmer"),
        ("PERSON", "Mr Hussain"), ("GPE", "Gaza"), ("PRODUCT", "Chrome"),
        ("GPE", "Bradford East"), ("GPE", "Washington"), ("DATE", "Thursday"),
    ]  # fmt: skip
    assert [s.text for s in doc.spans["speakers"]] == ["Mr Hussain"]
    assert [s.text for s in doc.spans["cues"]] == ["said"]
    [quote] = doc.spans["quotes"]
    assert quote.text.startswith("“It has") and quote.text.endswith("ceasefire.”")
    assert [s.label_ for s in doc.spans["boilerplate"]] == ["BOILERPLATE"]
    payload = json.loads(doc.user_data["annotator"])
    assert payload["name"] == "politics/hussain.txt" and payload["layer"] == "alice"
    assert set(davey.spans) == {"quotes", "speakers", "cues", "boilerplate"}
    assert [len(group) for group in davey.spans.values()] == [0, 0, 0, 0]


def test_shards_hold_the_same_documents_as_one_file(
    records: list[DocumentRecord], tmp_path: Path
) -> None:
    """A folder of shards is the one-file export cut in order: spaCy's Corpus reads it whole."""
    import spacy
    from spacy.training import Corpus

    many = _training_records(7)  # the two samples and seven more: shards of 4, 4 and 1
    one, folder = tmp_path / "one.spacy", tmp_path / "shards"
    write("spacy", many, one)
    report = write("spacy", many, folder, docs_per_file=4)
    assert report.documents == 9 and report.paths == [folder]
    assert sorted(p.name for p in folder.iterdir()) == ["00000.spacy", "00001.spacy", "00002.spacy"]
    assert [len(DocBin().from_disk(p)) for p in sorted(folder.iterdir())] == [4, 4, 1]
    nlp = spacy.blank("en")
    whole = [(e.reference.text, e.reference.to_json()["ents"]) for e in Corpus(one)(nlp)]
    shards = [(e.reference.text, e.reference.to_json()["ents"]) for e in Corpus(folder)(nlp)]
    assert sorted(shards) == sorted(whole) and len(whole) == 9
    back, errors = read_all("spacy", folder / "00001.spacy")
    assert errors == [] and [r.name for r in back] == [r.name for r in many[4:8]]


def test_shards_replace_an_earlier_export_and_keep_the_users_files(tmp_path: Path) -> None:
    folder = tmp_path / "shards"
    write("spacy", _training_records(7), folder, docs_per_file=4)
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    write("spacy", _training_records(1), folder, docs_per_file=4)  # fewer shards than before
    assert sorted(p.name for p in folder.iterdir()) == ["00000.spacy", "notes.txt"]
    assert len(DocBin().from_disk(folder / "00000.spacy")) == 3  # the two samples and one more
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["shards"]  # no staging folder left
    (tmp_path / "file.spacy").write_bytes(b"")
    with pytest.raises(ExportError, match="is a file"):
        write("spacy", _training_records(1), tmp_path / "file.spacy", docs_per_file=4)


def test_export_import_export_is_identical_and_lossless(
    records: list[DocumentRecord], tmp_path: Path
) -> None:
    first, second = tmp_path / "first.spacy", tmp_path / "second.spacy"
    write("spacy", records, first, include_boilerplate=True)
    back, errors = read_all("spacy", first)
    assert errors == []
    assert [canonical(r) for r in back] == [canonical(r) for r in records]
    write("spacy", back, second, include_boilerplate=True)
    assert_same_tree(first, second)


def test_misaligned_entity_is_reported_left_out_and_marked_missing(tmp_path: Path) -> None:
    text = "Mr Hussainson resigned from Labour."
    record = DocumentRecord(
        "misaligned.txt", text,
        spans=[SpanData(3, 10, "PERSON"), SpanData(28, 34, "ORG")],  # "Hussain" in a token
    )  # fmt: skip
    out = tmp_path / "x.spacy"
    report = write("spacy", [record], out)
    [(message, count)] = report.warnings.items()
    assert count == 1 and "PERSON spans not aligned to token boundaries left out" in message
    assert "'misaligned.txt'" in message
    import spacy

    [doc] = DocBin().from_disk(out).get_docs(spacy.blank("en").vocab)
    assert [e.text for e in doc.ents] == ["Labour"]
    assert [t.ent_iob_ for t in doc] == ["O", "", "O", "O", "B", "O"]  # "" = missing, not "O"


def test_corrupt_and_empty_files_are_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.spacy"
    bad.write_bytes(b"not a docbin at all")
    back, errors = read_all("spacy", bad)
    assert (
        back == []
        and "not a valid spaCy DocBin file" in str(errors[0])
        and str(bad) in str(errors[0])
    )
    empty = tmp_path / "empty.spacy"
    empty.write_bytes(b"")
    assert "empty file" in str(read_all("spacy", empty)[1][0])


def _training_records(n: int, offset: int = 0) -> list[DocumentRecord]:
    people = ["Keir Starmer", "Ed Davey", "Sadiq Khan", "Andy Burnham", "Anas Sarwar"]
    places = ["London", "Gaza", "Ukraine", "Bradford", "Manchester", "Washington"]
    days = ["Monday", "Tuesday", "Thursday", "Saturday"]
    out = sample_records()
    for i in range(offset, offset + n):
        person, place, day = people[i % 5], places[i % 6], days[i % 4]
        text = f"{person} visited {place} on {day}, said aide number {i}."
        out.append(
            DocumentRecord(
                f"synthetic-{i}.txt",
                text,
                spans=[
                    SpanData(0, len(person), "PERSON"),
                    SpanData(text.index(place), text.index(place) + len(place), "GPE"),
                    SpanData(text.index(day), text.index(day) + len(day), "DATE"),
                ],
            )
        )
    return out


@pytest.mark.slow
def test_spacy_debug_data_and_one_epoch_of_training_read_shards_and_a_file(
    tmp_path: Path,
) -> None:
    from spacy.cli.init_config import init_config

    write("spacy", _training_records(110), tmp_path / "train", docs_per_file=50)  # 3 shards
    write("spacy", _training_records(20, offset=500)[2:], tmp_path / "dev.spacy")
    init_config(lang="en", pipeline=["ner"], optimize="efficiency", gpu=False).to_disk(
        tmp_path / "config.cfg"
    )
    paths = ["--paths.train", "train", "--paths.dev", "dev.spacy"]
    debug = subprocess.run(
        [sys.executable, "-m", "spacy", "debug", "data", "config.cfg", *paths],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert debug.returncode == 0, debug.stdout + debug.stderr
    assert "Corpus is loadable" in debug.stdout
    assert "No entities crossing sentence boundaries" in debug.stdout
    train = subprocess.run(
        [sys.executable, "-m", "spacy", "train", "config.cfg", *paths,
         "--training.max_epochs", "1", "--output", "model"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert train.returncode == 0, train.stdout + train.stderr
    assert (tmp_path / "model" / "model-last" / "ner").is_dir()
