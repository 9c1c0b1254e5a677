"""The project store: schema, invariants of docs/design.md §1-4, transactions, bad database
files."""

from __future__ import annotations

import sqlite3
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.errors import SpanError, StoreError
from annotator.model import RelationData, SpanData
from annotator.store import Store
from annotator.store.schema import SCHEMA_VERSION

TEXT = "Sir Keir Starmer said he “understands” calls for a ceasefire in Gaza."


def test_new_file_is_migrated_to_the_current_schema(db_path: Path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "layers", "spans", "relations", "document_status", "labels",
            "edit_log", "layer_documents", "project", "documents_fts"} <= tables  # fmt: skip


def test_settings_on_every_connection(store: Store) -> None:
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_same_text_twice_is_one_document(store: Store) -> None:
    first = store.add_document("a.txt", TEXT)
    second = store.add_document("b.txt", TEXT)
    assert first == (first[0], True)
    assert second == (first[0], False)
    assert store.count_documents() == 1


def test_span_round_trip_and_offsets_are_code_points(store: Store) -> None:
    text = "😀 𝕏 Keir Starmer 𠀀 said"
    doc_id, _ = store.add_document("emoji", text)
    start = text.index("Keir")
    span_id = store.add_span(doc_id, "alice", SpanData(start, start + 12, "PERSON", "human"))
    [span] = store.spans(doc_id, "alice")
    assert span.id == span_id
    assert text[span.start : span.end] == "Keir Starmer"


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (3, 3), (5, 2), (0, len(TEXT) + 1)])
def test_offsets_outside_the_text_are_rejected(store: Store, start: int, end: int) -> None:
    doc_id, _ = store.add_document("d", TEXT)
    with pytest.raises(SpanError, match="outside the text"):
        store.add_span(doc_id, "alice", SpanData(start, end, "PERSON"))
    assert store.spans(doc_id, "alice") == []


def test_entities_in_one_layer_never_overlap_but_quotes_may(store: Store) -> None:
    doc_id, _ = store.add_document("d", TEXT)
    store.add_span(doc_id, "alice", SpanData(4, 16, "PERSON"))
    with pytest.raises(SpanError, match=r"overlap the entity PERSON 4\.\.16"):
        store.add_span(doc_id, "alice", SpanData(0, 8, "ORG"))
    store.add_span(doc_id, "bob", SpanData(0, 8, "ORG"))  # another layer is fine
    store.add_span(doc_id, "alice", SpanData(0, 16, "SPEAKER"))
    assert [s.label for s in store.spans(doc_id, "alice")] == ["SPEAKER", "PERSON"]


def test_update_checks_invariants_and_keeps_old_on_failure(store: Store) -> None:
    doc_id, _ = store.add_document("d", TEXT)
    a = store.add_span(doc_id, "alice", SpanData(0, 3, "PERSON"))
    store.add_span(doc_id, "alice", SpanData(4, 16, "PERSON"))
    with pytest.raises(SpanError):
        store.update_span(a, end=10)
    assert store.span(a)[2].end == 3
    assert store.update_span(a, label="ORG", source="human").label == "ORG"


def test_relations_are_removed_with_their_spans(store: Store) -> None:
    doc_id, _ = store.add_document("d", TEXT)
    quote = store.add_span(doc_id, "alice", SpanData(25, 38, "QUOTE"))
    speaker = store.add_span(doc_id, "alice", SpanData(4, 16, "SPEAKER"))
    store.add_relation(quote, speaker, "SPEAKER")
    with pytest.raises(SpanError, match="already has"):
        store.add_relation(quote, speaker, "SPEAKER")
    store.delete_span(speaker)
    assert store.relations(doc_id, "alice") == []


def test_relation_across_layers_is_rejected(store: Store) -> None:
    doc_id, _ = store.add_document("d", TEXT)
    quote = store.add_span(doc_id, "alice", SpanData(25, 38, "QUOTE"))
    speaker = store.add_span(doc_id, "bob", SpanData(4, 16, "SPEAKER"))
    with pytest.raises(SpanError, match="same document and layer"):
        store.add_relation(quote, speaker, "SPEAKER")


def test_replace_annotations_touches_only_its_layer(store: Store) -> None:
    doc_id, _ = store.add_document("d", TEXT)
    store.add_span(doc_id, "alice", SpanData(4, 16, "PERSON", "human"))
    layer = "model:en_test@1.0"
    spans = [SpanData(25, 38, "QUOTE", attrs={"speaker_name": "Keir Starmer"}),
             SpanData(4, 16, "SPEAKER"), SpanData(17, 21, "CUE")]  # fmt: skip
    rels = [RelationData(0, 1, "SPEAKER"), RelationData(0, 2, "CUE")]
    store.replace_annotations(doc_id, layer, spans, rels)
    store.replace_annotations(doc_id, layer, spans, rels)  # a re-run replaces, never doubles
    got, got_rels = store.annotations(doc_id, layer)
    assert [(s.start, s.end, s.label) for s in got] == [(4, 16, "SPEAKER"), (17, 21, "CUE"),
                                                        (25, 38, "QUOTE")]  # fmt: skip
    assert got[2].attrs == {"speaker_name": "Keir Starmer"}
    assert sorted(r.label for r in got_rels) == ["CUE", "SPEAKER"]
    assert len(store.spans(doc_id, "alice")) == 1
    assert store.newest_model_layer() == layer
    assert store.layer_filled(layer) == {doc_id}


def test_failed_replace_changes_nothing(store: Store) -> None:
    doc_id, _ = store.add_document("d", TEXT)
    layer = "model:x@1"
    store.replace_annotations(doc_id, layer, [SpanData(4, 16, "PERSON")])
    with pytest.raises(SpanError):
        store.replace_annotations(
            doc_id, layer, [SpanData(0, 10, "ORG"), SpanData(4, 16, "PERSON")]
        )
    assert [(s.start, s.label) for s in store.spans(doc_id, layer)] == [(4, "PERSON")]


def test_nested_failure_rolls_back_only_itself(store: Store) -> None:
    with store.transaction():
        store.add_document("kept", "kept text")
        with pytest.raises(SpanError), store.transaction():
            doc_id, _ = store.add_document("lost", "lost text")
            store.add_span(doc_id, "a", SpanData(0, 99, "PERSON"))
    assert [store.document(i).name for i in store.document_ids()] == ["kept"]


def test_status_note_and_edit_log(store: Store) -> None:
    doc_id, _ = store.add_document("d", TEXT)
    assert store.status(doc_id, "alice") == "new"
    store.set_status(doc_id, "alice", "done")
    store.set_note(doc_id, "alice", "check the second quote")
    assert store.status(doc_id, "alice") == "done"
    assert store.note(doc_id, "alice") == "check the second quote"
    with pytest.raises(StoreError, match="unknown status"):
        store.set_status(doc_id, "alice", "finished")
    store.log_edit("alice", "create", document_id=doc_id, payload={"span": 1})
    [entry] = store.edit_log(doc_id)
    assert entry["annotator"] == "alice" and entry["payload"] == {"span": 1}


def test_what_returned_is_on_disk_for_another_connection(db_path: Path) -> None:
    with Store(db_path) as writer:
        doc_id, _ = writer.add_document("d", TEXT)
        writer.add_span(doc_id, "alice", SpanData(4, 16, "PERSON", "human"))
        with Store(db_path, readonly=True) as reader:
            assert len(reader.spans(doc_id, "alice")) == 1


def test_data_version_changes_when_another_connection_commits(db_path: Path) -> None:
    with Store(db_path) as a, Store(db_path) as b:
        before = a.data_version()
        b.add_document("d", TEXT)
        assert a.data_version() != before


def test_sqlite_file_of_another_application_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("CREATE TABLE notes (x)").connection.commit()
    with pytest.raises(StoreError, match="not an Annotator project"):
        Store(path)
    assert {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")} == {
        "notes"
    }


def test_corrupt_file_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.db"
    path.write_bytes(b"this is not a database at all\x00" * 100)
    with pytest.raises(StoreError, match="not a SQLite database, or it is corrupt"):
        Store(path)


def test_newer_schema_is_refused(db_path: Path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    with pytest.raises(StoreError, match="newer Annotator"):
        Store(db_path)


def test_read_only_open_refuses_writes_with_a_message(db_path: Path) -> None:
    Store(db_path).close()
    with Store(db_path, readonly=True) as ro, pytest.raises(StoreError, match="read-only"):
        ro.add_document("x", "y")
    with Store(db_path) as rw:
        assert rw.count_documents() == 0


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(min_size=1, max_size=40),
    spans=st.lists(
        st.tuples(
            st.integers(-3, 45), st.integers(-3, 45), st.sampled_from(["PERSON", "ORG", "QUOTE"])
        ),
        max_size=8,
    ),
)
def test_stored_spans_always_satisfy_the_invariants(tmp_path: Path, text: str, spans: list) -> None:
    """Whatever is thrown at the store, what it holds obeys docs/design.md §1 and §3."""
    with Store(tmp_path / f"h{abs(hash((text, tuple(spans))))}.db") as store:
        doc_id, _ = store.add_document("d", text)
        for start, end, label in spans:
            try:
                store.add_span(doc_id, "a", SpanData(start, end, label))
            except SpanError:
                pass
        held = store.spans(doc_id, "a")
        for s in held:
            assert 0 <= s.start < s.end <= len(text)
        entities = sorted((s for s in held if s.label != "QUOTE"), key=lambda s: s.start)
        for a, b in pairwise(entities):
            assert a.end <= b.start
