"""Read-only queries the desktop app needs beside the document list: last edits, row positions."""

from __future__ import annotations

from collections.abc import Sequence

from annotator.store.queries import DocumentFilter, _where
from annotator.store.store import Store


def last_edits(store: Store, annotator: str, document_ids: Sequence[int]) -> dict[int, str]:
    """When ``annotator`` last changed each document (edit log time), for one page of the list."""
    if not document_ids:
        return {}
    marks = ", ".join("?" * len(document_ids))
    rows = store.db.execute(
        f"SELECT document_id, max(at) FROM edit_log WHERE annotator = ? "
        f"AND document_id IN ({marks}) GROUP BY document_id",
        [annotator, *document_ids],
    )
    return {int(r[0]): str(r[1]) for r in rows}


def document_position(store: Store, flt: DocumentFilter, document_id: int) -> int | None:
    """The row of ``document_id`` in the filtered list (ordered by id), or None if filtered out."""
    where, params = _where(store, flt)
    base = (
        "FROM documents d LEFT JOIN document_status ds "
        f"ON ds.document_id = d.id AND ds.annotator = ?{where}"
    )
    joiner = " AND " if where else " WHERE "
    found = store.db.execute(
        f"SELECT 1 {base}{joiner}d.id = ?", [flt.annotator, *params, document_id]
    ).fetchone()
    if found is None:
        return None
    before = store.db.execute(
        f"SELECT count(*) {base}{joiner}d.id < ?", [flt.annotator, *params, document_id]
    ).fetchone()
    return int(before[0])


def team_statuses(store: Store, document_ids: Sequence[int]) -> dict[int, list[tuple[str, str]]]:
    """Every annotator's ``(name, status)`` per document of one page of the list."""
    if not document_ids:
        return {}
    marks = ", ".join("?" * len(document_ids))
    rows = store.db.execute(
        f"SELECT document_id, annotator, status FROM document_status WHERE document_id IN "
        f"({marks}) AND annotator != 'gold' ORDER BY document_id, annotator",
        list(document_ids),
    )
    out: dict[int, list[tuple[str, str]]] = {}
    for document_id, annotator, status in rows:
        out.setdefault(int(document_id), []).append((str(annotator), str(status)))
    return out
