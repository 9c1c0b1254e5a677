"""Statuses, notes, labels, the edit log and corpus counts: the project's records beside spans.

A mixin of :class:`annotator.store.store.Store`; every write runs in the store's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any

import sqlite_utils

from annotator.errors import StoreError
from annotator.model import STATUSES
from annotator.store.database import now


class Bookkeeping:
    """Per-annotator status and notes, the label scheme, the edit log, corpus statistics."""

    db: sqlite_utils.Database

    def transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row ``sql`` returns, or None when it returns none."""
        row = self.db.execute(sql, params).fetchone()
        return None if row is None else row[0]

    # -- status and notes -----------------------------------------------------------------
    def status(self, document_id: int, annotator: str) -> str:
        found = self._scalar(
            "SELECT status FROM document_status WHERE document_id = ? AND annotator = ?",
            [document_id, annotator],
        )
        return str(found) if found is not None else "new"

    def has_status(self, document_id: int, annotator: str) -> bool:
        return (
            self._scalar(
                "SELECT 1 FROM document_status WHERE document_id = ? AND annotator = ?",
                [document_id, annotator],
            )
            is not None
        )

    def set_status(self, document_id: int, annotator: str, status: str) -> None:
        if status not in STATUSES:
            raise StoreError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
        with self.transaction():
            self.db.execute(
                "INSERT INTO document_status (document_id, annotator, status, updated_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (document_id, annotator) "
                "DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at",
                [document_id, annotator, status, now()],
            )

    def note(self, document_id: int, annotator: str) -> str:
        found = self._scalar(
            "SELECT note FROM document_status WHERE document_id = ? AND annotator = ?",
            [document_id, annotator],
        )
        return str(found or "")

    def set_note(self, document_id: int, annotator: str, note: str) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO document_status (document_id, annotator, status, note, updated_at) "
                "VALUES (?, ?, 'new', ?, ?) ON CONFLICT (document_id, annotator) "
                "DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at",
                [document_id, annotator, note, now()],
            )

    def next_unfinished(
        self, annotator: str, after: int | None, *, backwards: bool = False
    ) -> int | None:
        """The next (or previous) document neither done nor skipped by ``annotator``."""
        op, order = ("<", "DESC") if backwards else (">", "ASC")
        start = after if after is not None else (2**62 if backwards else -1)
        row = self.db.execute(
            f"SELECT d.id FROM documents d LEFT JOIN document_status s ON s.document_id = d.id "
            f"AND s.annotator = ? WHERE d.id {op} ? AND coalesce(s.status, 'new') "
            f"NOT IN ('done', 'skipped') ORDER BY d.id {order} LIMIT 1",
            [annotator, start],
        ).fetchone()
        return None if row is None else int(row[0])

    def annotators_with_status(self, document_id: int, status: str | None) -> list[str]:
        """Annotators who have ``status`` for a document (any status when None)."""
        sql = "SELECT annotator FROM document_status WHERE document_id = ?"
        params: list[Any] = [document_id]
        if status is not None:
            sql += " AND status = ?"
            params.append(status)
        return [r[0] for r in self.db.execute(sql + " ORDER BY updated_at", params)]

    def annotators_done(self, document_id: int) -> list[str]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT annotator FROM document_status WHERE document_id = ? AND status = 'done' "
                "ORDER BY updated_at",
                [document_id],
            )
        ]

    # -- corpus statistics ----------------------------------------------------------------
    def frequent_keys(self, keys: Iterable[str], min_count: int) -> set[str]:
        """The keys that occur at least ``min_count`` times, counted in a temporary table.

        Counting happens in SQLite's temporary storage, so memory stays flat however many
        distinct keys the corpus holds.
        """
        conn = self.db.conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS key_counts (key TEXT PRIMARY KEY, n INTEGER)")
        conn.execute("DELETE FROM key_counts")
        sql = (
            "INSERT INTO key_counts (key, n) VALUES (?, 1) "
            "ON CONFLICT (key) DO UPDATE SET n = n + 1"
        )
        batch: list[tuple[str]] = []
        for key in keys:
            batch.append((key,))
            if len(batch) >= 10_000:
                conn.executemany(sql, batch)
                batch.clear()
        conn.executemany(sql, batch)
        found = {r[0] for r in conn.execute("SELECT key FROM key_counts WHERE n >= ?", [min_count])}
        conn.execute("DELETE FROM key_counts")
        return found

    # -- edit log -------------------------------------------------------------------------
    def log_edit(
        self,
        annotator: str,
        action: str,
        *,
        document_id: int | None = None,
        layer: str | None = None,
        payload: dict[str, Any] | None = None,
        change: dict[str, Any] | None = None,
    ) -> int:
        """Append one edit-log row; ``change``: the rows the edit changed (``store/changes``)."""
        with self.transaction():
            return self._insert_log(
                now(), annotator, document_id, layer, action, json.dumps(payload or {}),
                None if change is None else json.dumps(change),
            )  # fmt: skip

    def _insert_log(
        self, at: str, annotator: str, document_id: int | None, layer: str | None, action: str,
        payload: str, change: str | None = None,
    ) -> int:  # fmt: skip
        cur = self.db.execute(
            "INSERT INTO edit_log (at, annotator, document_id, layer, action, payload, change) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [at, annotator, document_id, layer, action, payload, change],
        )
        return int(cur.lastrowid or 0)

    def edit_log(self, document_id: int | None = None) -> list[dict[str, Any]]:
        """Entries of the edit log, oldest first (of one document when given); ``has_change``
        says whether the row holds its change (read with :meth:`edit_change`)."""
        where = "" if document_id is None else " WHERE document_id = :document_id"
        rows = self.db.query(
            "SELECT id, at, annotator, document_id, layer, action, payload, "
            f"change IS NOT NULL AS has_change FROM edit_log{where} ORDER BY id",
            {"document_id": document_id},
        )
        return [
            dict(row, payload=json.loads(row["payload"]), has_change=bool(row["has_change"]))
            for row in rows
        ]

    def edit_change(self, entry_id: int) -> dict[str, Any] | None:
        """The rows edit-log row ``entry_id`` changed (None: not recorded)."""
        found = self._scalar("SELECT change FROM edit_log WHERE id = ?", [entry_id])
        return None if found is None else dict(json.loads(found))

    def copy_edit_log(self, document_id: int, entries: Iterable[dict[str, Any]]) -> int:
        """Add edit-log entries made elsewhere (a packed file) under ``document_id``, keeping
        their time; an entry already here (same time, annotator, action, layer, payload) is
        skipped, so copying twice adds nothing. Returns how many were added."""
        added = 0
        with self.transaction():
            for entry in entries:
                payload = json.dumps(entry.get("payload") or {})
                key = [document_id, entry["at"], entry["annotator"], entry["action"], payload]
                if self._scalar(
                    "SELECT 1 FROM edit_log WHERE document_id = ? AND at = ? AND annotator = ? "
                    "AND action = ? AND payload = ?",
                    key,
                ):
                    continue
                self._insert_log(
                    entry["at"], entry["annotator"], document_id, entry.get("layer"),
                    entry["action"], payload,
                )  # fmt: skip
                added += 1
        return added

    # -- adjudication decisions -----------------------------------------------------------
    def decisions(self, document_id: int) -> dict[tuple[str, int, int], str]:
        """``(tier, start, end) -> decision`` of the disagreements settled in a document."""
        rows = self.db.execute(
            'SELECT tier, start, "end", decision FROM adjudications WHERE document_id = ?',
            [document_id],
        )
        return {(r[0], int(r[1]), int(r[2])): str(r[3]) for r in rows}

    def set_decision(
        self, document_id: int, key: tuple[str, int, int], decision: str | None, adjudicator: str
    ) -> None:
        """Record (or with None, forget) how one disagreement was settled."""
        with self.transaction():
            self.db.execute(
                "DELETE FROM adjudications WHERE document_id = ? AND tier = ? AND start = ? "
                'AND "end" = ?',
                [document_id, *key],
            )
            if decision is not None:
                self.db.execute(
                    'INSERT INTO adjudications (document_id, tier, start, "end", decision, '
                    "adjudicator, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [document_id, *key, decision, adjudicator, now()],
                )

    # -- project settings -----------------------------------------------------------------
    def project_value(self, key: str) -> str | None:
        """A value of the ``project`` table (the app marker, a pack's manifest, ...)."""
        found = self._scalar("SELECT value FROM project WHERE key = ?", [key])
        return None if found is None else str(found)

    def set_project_value(self, key: str, value: str | None) -> None:
        """Set a value of the ``project`` table; None removes the key."""
        with self.transaction():
            if value is None:
                self.db.execute("DELETE FROM project WHERE key = ?", [key])
                return
            self.db.execute(
                "INSERT INTO project (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
