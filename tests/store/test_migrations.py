"""The migration path: an empty file, and a project made by schema 1, reach the current schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from annotator.errors import SpanError
from annotator.model import Label, SpanData
from annotator.store import Store
from annotator.store.schema import MIGRATIONS, SCHEMA_VERSION


def _make_v1(path: Path) -> None:
    db = sqlite_utils.Database(path)
    db.conn.execute("PRAGMA foreign_keys = ON")
    MIGRATIONS[0](db)
    db.conn.execute("PRAGMA user_version = 1")
    db.conn.execute(
        "INSERT INTO documents (name, title, text, length, content_hash, meta, created_at) "
        "VALUES ('d', NULL, 'Mr Hussain said “no”.', 21, 'h', '{}', 'now')"
    )
    db.conn.execute("INSERT INTO layers (name, kind, created_at) VALUES ('alice', 'human', 'now')")
    for i, (start, end, label) in enumerate([(17, 21, "QUOTE"), (0, 10, "SPEAKER")], 1):
        db.conn.execute(
            'INSERT INTO spans (id, document_id, layer_id, label, start, "end", source, '
            "created_at, updated_at) VALUES (?, 1, 1, ?, ?, ?, 'human', 'now', 'now')",
            [i, label, start, end],
        )
    db.conn.execute(
        "INSERT INTO relations (document_id, layer_id, head_id, child_id, label) "
        "VALUES (1, 1, 1, 2, 'SPEAKER')"
    )
    db.conn.commit()
    db.conn.close()


def test_empty_file_becomes_a_current_project(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with Store(path) as store:
        assert store.count_documents() == 0
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_schema_1_project_is_migrated_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    _make_v1(path)
    with Store(path) as store:
        spans, relations = store.annotations(1, "alice")
        assert [(s.id, s.label) for s in spans] == [(2, "SPEAKER"), (1, "QUOTE")]
        assert [(r.head, r.child, r.label) for r in relations] == [(1, 0, "SPEAKER")]
        # deleting a span cascades to its relation, as before
        store.delete_span(2)
        assert store.relations(1, "alice") == []
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_deleted_span_ids_are_never_handed_out_again(store: Store) -> None:
    doc_id, _ = store.add_document("d", "Mr Hussain said no.")
    first = store.add_span(doc_id, "alice", SpanData(0, 10, "PERSON", "human"))
    store.delete_span(first)
    second = store.add_span(doc_id, "alice", SpanData(0, 10, "PERSON", "human"))
    assert second != first
    store.delete_span(second)
    assert (
        store.restore_span(doc_id, "alice", SpanData(0, 10, "PERSON", "human", id=first)) == first
    )


def test_schema_3_keeps_relations_and_drops_the_relation_label_check(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    _make_v1(path)
    with Store(path) as store:
        # the v1 relation survives with empty attrs; spans are in the flat layer
        [relation] = store.relations(1, "alice")
        assert (relation.label, relation.attrs) == ("SPEAKER", {})
        assert {s.group for s in store.spans(1, "alice")} == {""}
        # any relation type is storable now; the unique link still holds
        quote, speaker = relation.head_id, relation.child_id
        store.add_relation(speaker, quote, "Theme", attrs={"note": "x"})
        with pytest.raises(SpanError, match="already has"):
            store.add_relation(speaker, quote, "Theme")
        # labels are keyed by kind and name: a relation shares a span label's name
        store.set_labels([Label("SPEAKER", "speaker"), Label("SPEAKER", "relation")])
        assert [(lb.kind, lb.name) for lb in store.labels()] == [
            ("speaker", "SPEAKER"), ("relation", "SPEAKER"),
        ]  # fmt: skip
        # the built-in relations keep their rules
        with pytest.raises(SpanError, match="must link a QUOTE"):
            store.add_relation(speaker, quote, "CUE")
    conn = sqlite3.connect(path)
    schema = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'relations'").fetchone()[0]
    assert "CHECK" not in schema and "AUTOINCREMENT" in schema
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
