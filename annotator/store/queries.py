"""Read-only queries over a project: the filtered document list and the statistics."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from annotator.store.store import Store

#: A filter label ``category:<name>``: documents whose story label ``<name>`` is set.
CATEGORY_FILTER = "category:"


@dataclass(frozen=True)
class DocumentFilter:
    """What the document list shows: status of ``annotator``, a label present, a text search."""

    annotator: str
    status: str | None = None
    label: str | None = None
    search: str | None = None


@dataclass(frozen=True)
class DocumentRow:
    id: int
    name: str
    title: str | None
    status: str
    spans: int
    last_edited: str | None


def _fts_query(search: str) -> str:
    """Quote each word so user input is never FTS5 syntax; words are ANDed, last is a prefix.

    Control characters (a NUL ends an FTS5 string early) and lone surrogates (not encodable,
    e.g. half a pasted emoji) separate words, as the FTS5 tokenizer treats them in the text."""
    search = "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in search)
    words = [w.replace('"', '""') for w in search.split() if w.strip()]
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _where(store: Store, flt: DocumentFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if flt.status:
        if flt.status == "new":
            clauses.append("coalesce(ds.status, 'new') = 'new'")
        else:
            clauses.append("ds.status = ?")
            params.append(flt.status)
    if flt.label and flt.label.startswith(CATEGORY_FILTER):
        clauses.append(
            "EXISTS (SELECT 1 FROM document_labels c WHERE c.document_id = d.id AND c.label = ? "
            "AND c.answer = 'accept' AND c.layer_id IN (SELECT id FROM layers WHERE name = ?))"
        )
        params += [flt.label[len(CATEGORY_FILTER) :], flt.annotator]
    elif flt.label:
        clauses.append(
            "EXISTS (SELECT 1 FROM spans s WHERE s.document_id = d.id AND s.label = ? "
            "AND s.layer_id IN (SELECT id FROM layers WHERE name = ? OR kind = 'model'))"
        )
        params += [flt.label, flt.annotator]
    if flt.search:
        query = _fts_query(flt.search)
        if query:
            clauses.append("d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            params.append(query)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def count_documents(store: Store, flt: DocumentFilter) -> int:
    where, params = _where(store, flt)
    sql = (
        "SELECT count(*) FROM documents d LEFT JOIN document_status ds "
        f"ON ds.document_id = d.id AND ds.annotator = ?{where}"
    )
    return int(store.db.execute(sql, [flt.annotator, *params]).fetchone()[0])


def list_documents(
    store: Store, flt: DocumentFilter, *, offset: int = 0, limit: int = 200
) -> list[DocumentRow]:
    """One page of the document list, in import order (cheap at any offset via the rowid)."""
    where, params = _where(store, flt)
    sql = (
        "SELECT d.id, d.name, d.title, coalesce(ds.status, 'new'), ds.updated_at, "
        "(SELECT count(*) FROM spans s WHERE s.document_id = d.id AND s.layer_id = "
        "(SELECT id FROM layers WHERE name = ?)) "
        "FROM documents d LEFT JOIN document_status ds "
        f"ON ds.document_id = d.id AND ds.annotator = ?{where} ORDER BY d.id LIMIT ? OFFSET ?"
    )
    rows = store.db.execute(sql, [flt.annotator, flt.annotator, *params, limit, offset])
    return [DocumentRow(r[0], r[1], r[2], r[3], r[5], r[4]) for r in rows]


def progress(store: Store, annotator: str) -> tuple[int, int]:
    """``(done, total)`` for one annotator."""
    done = store.db.execute(
        "SELECT count(*) FROM document_status WHERE annotator = ? AND status = 'done'", [annotator]
    ).fetchone()[0]
    return int(done), store.count_documents()


@dataclass
class Stats:
    documents: int
    #: annotator -> status -> count (documents an annotator never touched count as "new").
    status: dict[str, dict[str, int]]
    #: (layer, label, source) -> count
    spans: dict[tuple[str, str, str], int]
    relations: dict[tuple[str, str], int]


def stats(store: Store) -> Stats:
    total = store.count_documents()
    by_status: dict[str, dict[str, int]] = {}
    for annotator, status, n in store.db.execute(
        "SELECT annotator, status, count(*) FROM document_status GROUP BY annotator, status"
    ):
        by_status.setdefault(annotator, {})[status] = n
    for counts in by_status.values():
        counts["new"] = counts.get("new", 0) + total - sum(counts.values())
    spans = {
        (layer, label, source): n
        for layer, label, source, n in store.db.execute(
            "SELECT l.name, s.label, s.source, count(*) FROM spans s JOIN layers l "
            "ON l.id = s.layer_id GROUP BY l.name, s.label, s.source ORDER BY l.name, s.label"
        )
    }
    relations = {
        (layer, label): n
        for layer, label, n in store.db.execute(
            "SELECT l.name, r.label, count(*) FROM relations r JOIN layers l "
            "ON l.id = r.layer_id GROUP BY l.name, r.label"
        )
    }
    return Stats(total, by_status, spans, relations)


#: A pause longer than this between two edits of a document is a break, not work.
IDLE_GAP_SECONDS = 300


@dataclass
class WorkStats:
    """One annotator's work from the edit log: edits, documents, active time."""

    edits: int = 0
    documents: int = 0
    done: int = 0
    active_seconds: float = 0.0

    @property
    def edits_per_hour(self) -> float:
        return self.edits / (self.active_seconds / 3600) if self.active_seconds else 0.0

    @property
    def seconds_per_document(self) -> float:
        return self.active_seconds / self.documents if self.documents else 0.0


def work_stats(store: Store) -> dict[str, WorkStats]:
    """Per annotator: edits, documents worked on and finished, and active time.

    Active time adds the gaps between consecutive log entries of one document that are at most
    :data:`IDLE_GAP_SECONDS` apart (reading before the first edit is not seen, so this is a
    lower bound). Streams the log in order; memory does not grow with it.
    """
    from datetime import datetime

    out: dict[str, WorkStats] = {}
    last: tuple[str, int | None, datetime] | None = None
    rows = store.db.execute(
        "SELECT annotator, document_id, at, action FROM edit_log "
        "ORDER BY annotator, document_id, at, id"
    )
    for annotator, document_id, at, action in rows:
        stats = out.setdefault(annotator, WorkStats())
        when = datetime.fromisoformat(at)
        if last is None or last[:2] != (annotator, document_id):
            stats.documents += 1
        elif (gap := (when - last[2]).total_seconds()) <= IDLE_GAP_SECONDS:
            stats.active_seconds += gap
        if action != "open":
            stats.edits += 1
        last = (annotator, document_id, when)
    for annotator, n in store.db.execute(
        "SELECT annotator, count(*) FROM document_status "
        "WHERE status = 'done' AND annotator != 'gold' GROUP BY annotator"
    ):
        out.setdefault(annotator, WorkStats()).done = n
    return out


def shared_documents(store: Store, *, exclude: str) -> list[int]:
    """Documents two or more annotators finished (``exclude`` and conflict copies aside)."""
    rows = store.db.execute(
        "SELECT document_id FROM document_status WHERE status = 'done' AND annotator != ? "
        "AND annotator NOT LIKE '%@conflict-%' GROUP BY document_id "
        "HAVING count(*) >= 2 ORDER BY document_id",
        [exclude],
    )
    return [int(r[0]) for r in rows]


def attr_counts(store: Store, layer: str, attr: str) -> dict[tuple[str, Any], int]:
    """``(label, value of attrs[attr]) -> spans`` in one layer (None where a span has none)."""
    rows = store.db.execute(
        "SELECT s.label, json_extract(s.attrs, '$.' || ?), count(*) FROM spans s "
        "JOIN layers l ON l.id = s.layer_id WHERE l.name = ? GROUP BY 1, 2",
        [attr, layer],
    )
    return {(str(r[0]), r[1]): int(r[2]) for r in rows}
