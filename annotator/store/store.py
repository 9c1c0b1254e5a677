"""The project store: documents, layers, spans, relations, statuses, labels and the edit log.

A Qt-free API shared by the CLI and the GUI. Every public method that writes runs in one
transaction (or joins the caller's :meth:`Store.transaction`), so what returns is saved.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import sqlite_utils

from annotator.errors import NotFoundError, SpanError, StoreError
from annotator.model import (
    GOLD_LAYER,
    MODEL_LAYER_PREFIX,
    SOURCES,
    RelationData,
    SpanData,
    check_entities_apart,
    check_offsets,
    check_relation,
)
from annotator.store.bookkeeping import Bookkeeping
from annotator.store.changes import Changes
from annotator.store.database import bulk_writes, connect, now, transaction
from annotator.store.integrity import record_clean_close
from annotator.store.scheme import LabelScheme


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def layer_kind(name: str) -> str:
    if name.startswith(MODEL_LAYER_PREFIX):
        return "model"
    if name == GOLD_LAYER:
        return "gold"
    return "human"


@dataclass(frozen=True)
class Document:
    id: int
    name: str
    title: str | None
    text: str
    meta: dict[str, Any]
    content_hash: str


@dataclass(frozen=True)
class Relation:
    id: int
    head_id: int
    child_id: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


_SPAN_COLUMNS = 'id, label, start, "end", source, reviewed, attrs, span_group'


def _span_from_row(row: Sequence[Any]) -> SpanData:
    return SpanData(
        id=row[0], label=row[1], start=row[2], end=row[3], source=row[4],
        reviewed=bool(row[5]), attrs=json.loads(row[6]), group=row[7],
    )  # fmt: skip


class Store(Bookkeeping, LabelScheme, Changes):
    """One project database file (docs/design.md §4)."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        self.db: sqlite_utils.Database
        #: Whether opening ran ``PRAGMA quick_check`` (the file changed since its last clean close).
        self.integrity_checked: bool
        self.db, self.integrity_checked = connect(self.path, readonly=readonly)
        self._layer_ids: dict[str, int] = {}

    # -- connection -----------------------------------------------------------------------
    def close(self, *, clean: bool = True) -> None:
        """Close; a writable project closed cleanly records its state so that the next open
        skips the integrity check (after an error it is checked again, to be sure)."""
        self.db.conn.close()
        if clean and not self.readonly:
            record_clean_close(self.path)

    def bulk(self) -> AbstractContextManager[None]:
        """Imports and model runs commit with ``synchronous=NORMAL`` (see database.bulk_writes)."""
        return bulk_writes(self.db)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.close(clean=exc_type is None)

    def transaction(self) -> AbstractContextManager[None]:
        """Group several writes into one atomic unit."""
        return transaction(self.db)

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Read everything inside from one moment of the project (one read transaction).

        Other connections may commit meanwhile (WAL); these reads do not see it, so a document's
        spans and relations always belong together. Nested in a transaction, it is that one.
        """
        conn = self.db.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts
            yield
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")  # nothing was written: this ends the read

    def data_version(self) -> int:
        """Changes when another connection commits (for noticing outside edits)."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    # -- documents ------------------------------------------------------------------------
    def find_by_hash(self, digest: str) -> int | None:
        return self._scalar("SELECT id FROM documents WHERE content_hash = ?", [digest])

    def add_document(
        self, name: str, text: str, *, title: str | None = None, meta: dict[str, Any] | None = None
    ) -> tuple[int, bool]:
        """Insert a document; return ``(id, created)``. The same text twice is one document."""
        if not text:
            raise StoreError(f"{name}: a document needs some text")
        digest = content_hash(text)
        with self.transaction():
            existing = self.find_by_hash(digest)
            if existing is not None:
                return existing, False
            cur = self.db.execute(
                "INSERT INTO documents (name, title, text, length, content_hash, meta, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [name, title, text, len(text), digest, json.dumps(meta or {}), now()],
            )
            return int(cur.lastrowid or 0), True

    def document(self, document_id: int) -> Document:
        row = self.db.execute(
            "SELECT id, name, title, text, meta, content_hash FROM documents WHERE id = ?",
            [document_id],
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no document with id {document_id}")
        return Document(row[0], row[1], row[2], row[3], json.loads(row[4]), row[5])

    def _text_length(self, document_id: int) -> int:
        length = self._scalar("SELECT length FROM documents WHERE id = ?", [document_id])
        if length is None:
            raise NotFoundError(f"no document with id {document_id}")
        return int(length)

    def document_text(self, document_id: int) -> str:
        text = self._scalar("SELECT text FROM documents WHERE id = ?", [document_id])
        if text is None:
            raise NotFoundError(f"no document with id {document_id}")
        return str(text)

    def count_documents(self) -> int:
        return int(self._scalar("SELECT count(*) FROM documents"))

    def document_ids(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY id")]

    def iter_texts(self, ids: Iterable[int] | None = None) -> Iterator[tuple[int, str, str]]:
        """``(id, name, text)`` one at a time, without loading the corpus."""
        if ids is None:
            cur = self.db.conn.cursor()
            yield from cur.execute("SELECT id, name, text FROM documents ORDER BY id")
            return
        for doc_id in ids:
            row = self.db.execute(
                "SELECT id, name, text FROM documents WHERE id = ?", [doc_id]
            ).fetchone()
            if row is not None:
                yield row[0], row[1], row[2]

    # -- layers ---------------------------------------------------------------------------
    def layer_id(self, name: str, *, create: bool = True) -> int:
        """The id of layer ``name``, created when missing (or :class:`NotFoundError`)."""
        found = self._existing_layer_id(name)
        if found is not None:
            return found
        if not create:
            raise NotFoundError(f"no layer named {name!r}")
        if not name.strip():
            raise StoreError("a layer needs a name")
        with self.transaction():
            cur = self.db.execute(
                "INSERT INTO layers (name, kind, created_at) VALUES (?, ?, ?)",
                [name, layer_kind(name), now()],
            )
        return self._remember_layer(name, int(cur.lastrowid or 0))

    def _existing_layer_id(self, name: str) -> int | None:
        """The id of layer ``name``, or None when the project has no such layer."""
        cached = self._layer_ids.get(name)
        if cached is not None:
            return cached
        found = self._scalar("SELECT id FROM layers WHERE name = ?", [name])
        return None if found is None else self._remember_layer(name, int(found))

    def _remember_layer(self, name: str, layer_id: int) -> int:
        # Layers are never deleted; an id is cached once committed (a rollback may undo it).
        if not self.db.conn.in_transaction:
            self._layer_ids[name] = layer_id
        return layer_id

    def layers(self) -> list[tuple[str, str]]:
        """``(name, kind)`` of every layer, oldest first."""
        return [(r[0], r[1]) for r in self.db.execute("SELECT name, kind FROM layers ORDER BY id")]

    def newest_model_layer(self) -> str | None:
        return self._scalar(
            "SELECT l.name FROM layers l JOIN layer_documents d ON d.layer_id = l.id "
            "WHERE l.kind = 'model' ORDER BY d.filled_at DESC LIMIT 1"
        )

    def layer_filled(self, layer: str) -> set[int]:
        """Documents a layer has been filled for (a model run's finished documents)."""
        lid = self._existing_layer_id(layer)
        if lid is None:
            return set()
        return {
            r[0]
            for r in self.db.execute(
                "SELECT document_id FROM layer_documents WHERE layer_id = ?", [lid]
            )
        }

    def has_layer_document(self, document_id: int, layer: str) -> bool:
        return (
            self._scalar(
                "SELECT 1 FROM layer_documents d JOIN layers l ON l.id = d.layer_id "
                "WHERE l.name = ? AND d.document_id = ?",
                [layer, document_id],
            )
            is not None
        )

    # -- spans ----------------------------------------------------------------------------
    def spans(self, document_id: int, layer: str) -> list[SpanData]:
        """The spans of one document in one layer, by start offset."""
        lid = self._existing_layer_id(layer)
        if lid is None:
            return []
        rows = self.db.execute(
            f"SELECT {_SPAN_COLUMNS} FROM spans WHERE document_id = ? AND layer_id = ? "
            'ORDER BY start, "end", id',
            [document_id, lid],
        )
        return [_span_from_row(r) for r in rows]

    def span(self, span_id: int) -> tuple[int, str, SpanData]:
        """``(document_id, layer, span)`` of one span."""
        row = self.db.execute(
            f"SELECT s.document_id, l.name, {', '.join('s.' + c.strip() for c in _SPAN_COLUMNS.split(','))} "  # noqa: E501
            "FROM spans s JOIN layers l ON l.id = s.layer_id WHERE s.id = ?",
            [span_id],
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no span with id {span_id}")
        return row[0], row[1], _span_from_row(row[2:])

    def _check_span(
        self, document_id: int, layer_id: int, span: SpanData, *, ignore: int | None = None
    ) -> None:
        length = self._text_length(document_id)
        check_offsets(span.start, span.end, length, where=f"document {document_id}: ")
        if span.source not in SOURCES:
            raise SpanError(f"unknown span source {span.source!r}")
        if not span.label or not span.label.strip():
            raise SpanError("a span needs a label")
        if span.is_entity:
            clash = self.db.execute(
                'SELECT label, start, "end" FROM spans WHERE document_id = ? AND layer_id = ? '
                "AND start < ? AND \"end\" > ? AND id IS NOT ? AND span_group = '' "
                "AND label NOT IN ('QUOTE', 'SPEAKER', 'CUE', 'BOILERPLATE') LIMIT 1",
                [document_id, layer_id, span.end, span.start, ignore],
            ).fetchone()
            if clash is not None:
                raise SpanError(
                    f"{span.label} {span.start}..{span.end} would overlap the entity "
                    f"{clash[0]} {clash[1]}..{clash[2]}; entities in one layer never overlap"
                )

    def add_span(self, document_id: int, layer: str, span: SpanData) -> int:
        """Insert one span after checking the offset and overlap invariants."""
        with self.transaction():
            lid = self.layer_id(layer)
            self._check_span(document_id, lid, span)
            return self._insert_span(document_id, lid, replace(span, id=None), now())

    def restore_span(self, document_id: int, layer: str, span: SpanData) -> int:
        """Re-insert a deleted span under its old id (undo of a delete)."""
        if span.id is None:
            return self.add_span(document_id, layer, span)
        with self.transaction():
            lid = self.layer_id(layer)
            self._check_span(document_id, lid, span)
            return self._insert_span(document_id, lid, span, now())

    def _insert_span(self, document_id: int, layer_id: int, span: SpanData, stamp: str) -> int:
        """Insert a checked span (under ``span.id`` when set); return its id.

        Plain ``execute``: the inserts of a model run or an import go through here one by one
        (each id is needed for the relations), and it is faster than ``Table.insert`` (see
        docs/design.md §4).
        """
        cur = self.db.execute(
            'INSERT INTO spans (id, document_id, layer_id, label, start, "end", source, reviewed,'
            " attrs, span_group, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [span.id, document_id, layer_id, span.label, span.start, span.end, span.source,
             int(span.reviewed), json.dumps(span.attrs), span.group, stamp, stamp],
        )  # fmt: skip
        return int(cur.lastrowid or 0)

    def update_span(self, span_id: int, **changes: Any) -> SpanData:
        """Change label, start, end, source, reviewed or attrs of a span; return the new span."""
        allowed = {"label", "start", "end", "source", "reviewed", "attrs", "group"}
        unknown = set(changes) - allowed
        if unknown:
            raise StoreError(f"cannot change {', '.join(sorted(unknown))} of a span")
        with self.transaction():
            document_id, layer, old = self.span(span_id)
            new = replace(old, **changes)
            self._check_span(document_id, self.layer_id(layer), new, ignore=span_id)
            if new.label != old.label:
                self._check_links_of(span_id, new.label)
            self.db.execute(
                'UPDATE spans SET label = ?, start = ?, "end" = ?, source = ?, reviewed = ?, '
                "attrs = ?, span_group = ?, updated_at = ? WHERE id = ?",
                [new.label, new.start, new.end, new.source, int(new.reviewed),
                 json.dumps(new.attrs), new.group, now(), span_id],
            )  # fmt: skip
            return new

    def _check_links_of(self, span_id: int, label: str) -> None:
        """A linked span keeps a label its links allow (a quote's speaker stays a SPEAKER)."""
        rows = self.db.execute(
            "SELECT r.label, h.label, c.label, r.head_id FROM relations r "
            "JOIN spans h ON h.id = r.head_id JOIN spans c ON c.id = r.child_id "
            "WHERE r.head_id = ? OR r.child_id = ?",
            [span_id, span_id],
        )
        for rel_label, head_label, child_label, head_id in rows:
            if head_id == span_id:
                head_label = label
            else:
                child_label = label
            try:
                check_relation(
                    rel_label, head_label, child_label, rule=self.relation_rule(rel_label)
                )
            except SpanError:
                what = (
                    f"a quote's {rel_label.lower()}" if rel_label in ("SPEAKER", "CUE")
                    else f"{rel_label} relation"
                )  # fmt: skip
                raise SpanError(
                    f"this span is linked as {what}; unlink it before relabelling it {label}"
                ) from None

    def delete_span(self, span_id: int) -> None:
        """Delete a span and the relations that use it."""
        with self.transaction():
            cur = self.db.execute("DELETE FROM spans WHERE id = ?", [span_id])
            if cur.rowcount == 0:
                raise NotFoundError(f"no span with id {span_id}")

    # -- relations ------------------------------------------------------------------------
    def relations(self, document_id: int, layer: str) -> list[Relation]:
        lid = self._existing_layer_id(layer)
        if lid is None:
            return []
        rows = self.db.execute(
            "SELECT id, head_id, child_id, label, attrs FROM relations "
            "WHERE document_id = ? AND layer_id = ? ORDER BY id",
            [document_id, lid],
        )
        return [Relation(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows]

    def add_relation(
        self, head_id: int, child_id: int, label: str, *, id: int | None = None,
        attrs: dict[str, Any] | None = None,
    ) -> int:  # fmt: skip
        """Link two spans of the same document and layer (quote -> speaker or cue, or any
        relation type of the scheme, whose allowed head and child labels are checked)."""
        with self.transaction():
            head_doc, head_layer, head = self.span(head_id)
            child_doc, child_layer, child = self.span(child_id)
            check_relation(label, head.label, child.label, rule=self.relation_rule(label))
            if (head_doc, head_layer) != (child_doc, child_layer):
                raise SpanError("a relation links two spans of the same document and layer")
            try:
                cur = self.db.execute(
                    "INSERT INTO relations (id, document_id, layer_id, head_id, child_id, label,"
                    " attrs) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [id, head_doc, self.layer_id(head_layer), head_id, child_id, label,
                     json.dumps(attrs or {})],
                )  # fmt: skip
            except sqlite3.IntegrityError:
                raise SpanError(f"span {head_id} already has that {label} link") from None
            return int(cur.lastrowid or 0)

    def delete_relation(self, relation_id: int) -> None:
        with self.transaction():
            cur = self.db.execute("DELETE FROM relations WHERE id = ?", [relation_id])
            if cur.rowcount == 0:
                raise NotFoundError(f"no relation with id {relation_id}")

    # -- whole layers of a document --------------------------------------------------------
    def replace_annotations(
        self,
        document_id: int,
        layer: str,
        spans: Sequence[SpanData],
        relations: Sequence[RelationData] = (),
        *,
        mark_filled: bool = True,
        partial: bool = False,
    ) -> list[int]:
        """Replace a document's spans and relations in one layer (a model run, an import).

        Relations refer to spans by index in ``spans``; returns the new span ids. ``partial``
        marks the layer's annotation of the document as partial (binary answers).
        """
        with self.transaction():
            lid = self.layer_id(layer)
            text_length = self._text_length(document_id)
            self.db.execute(
                "DELETE FROM spans WHERE document_id = ? AND layer_id = ?", [document_id, lid]
            )
            stamp = now()
            where = f"document {document_id}: "
            for span in spans:
                check_offsets(span.start, span.end, text_length, where=where)
            check_entities_apart(spans, where=where)
            ids = [self._insert_span(document_id, lid, replace(s, id=None), stamp) for s in spans]
            for rel in relations:
                check_relation(
                    rel.label, spans[rel.head].label, spans[rel.child].label,
                    where=f"document {document_id}: ",
                )  # fmt: skip
                self.db.execute(
                    "INSERT OR IGNORE INTO relations (document_id, layer_id, head_id, child_id, "
                    "label, attrs) VALUES (?, ?, ?, ?, ?, ?)",
                    [document_id, lid, ids[rel.head], ids[rel.child], rel.label,
                     json.dumps(rel.attrs)],
                )  # fmt: skip
            if mark_filled:
                self.db.execute(
                    "INSERT OR REPLACE INTO layer_documents (layer_id, document_id, filled_at, "
                    "partial) VALUES (?, ?, ?, ?)",
                    [lid, document_id, stamp, int(partial)],
                )
            return ids

    def annotations(
        self, document_id: int, layer: str
    ) -> tuple[list[SpanData], list[RelationData]]:
        """A document's spans and relations in one layer, relations by index into the spans."""
        spans = self.spans(document_id, layer)
        index = {s.id: i for i, s in enumerate(spans)}
        relations = [
            RelationData(index[r.head_id], index[r.child_id], r.label, r.attrs)
            for r in self.relations(document_id, layer)
            if r.head_id in index and r.child_id in index
        ]
        return spans, relations

    def is_partial(self, document_id: int, layer: str) -> bool:
        """Whether a layer's annotation of a document is partial (binary answers)."""
        return bool(
            self._scalar(
                "SELECT d.partial FROM layer_documents d JOIN layers l ON l.id = d.layer_id "
                "WHERE l.name = ? AND d.document_id = ?",
                [layer, document_id],
            )
        )

    # -- review flags ---------------------------------------------------------------------
    def mark_reviewed(self, document_id: int, layer: str) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE spans SET reviewed = 1, updated_at = ? WHERE document_id = ? "
                "AND layer_id = ? AND reviewed = 0",
                [now(), document_id, self.layer_id(layer)],
            )

    def set_reviewed(self, span_ids: Iterable[int], reviewed: bool) -> None:
        """Set the reviewed flag of many spans at once (accepting suggestions and its undo)."""
        stamp = now()
        with self.transaction():
            self.db.conn.executemany(
                "UPDATE spans SET reviewed = ?, updated_at = ? WHERE id = ?",
                [(int(reviewed), stamp, span_id) for span_id in span_ids],
            )

    # -- gui support --
    def span_counts(self, layer: str, document_ids: Sequence[int]) -> dict[int, int]:
        """How many spans ``layer`` holds per document (documents with none are left out)."""
        lid = self._existing_layer_id(layer)
        if lid is None or not document_ids:
            return {}
        marks = ", ".join("?" * len(document_ids))
        rows = self.db.execute(
            f"SELECT document_id, count(*) FROM spans WHERE layer_id = ? "
            f"AND document_id IN ({marks}) GROUP BY document_id",
            [lid, *document_ids],
        )
        return {int(r[0]): int(r[1]) for r in rows}
