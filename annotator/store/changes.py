"""What an edit changed, recorded row by row, and put back (or forward) again.

Undo across sessions needs, for every step in the edit log, the rows it changed as they were
before and after. :meth:`Changes.recording` collects them while an edit runs: temporary triggers
of this connection copy each written row of ``spans``, ``relations``, ``document_labels``,
``document_status`` and ``adjudications`` into a temporary table (cascaded deletes included),
only while a recording is open. :func:`fold` turns them into a *change*: per row, its first
``before`` and last ``after`` (``None``: the row did not exist), rows that ended as they began
left out. A change is plain JSON, kept in the ``change`` column of the step's edit-log row
(schema 6).

:meth:`Changes.apply_change` makes the rows hold a change's ``after`` again (or, inverted with
:func:`invert`, its ``before``) after checking that each still holds the other side: a row
changed elsewhere since (another window, another process) refuses the whole change with
:class:`~annotator.errors.EditConflict` and nothing is written. Spans come back under their own
ids (ids are never handed out twice, schema 2); entity overlap is checked as for any span.

Row shapes (lists, in this order):

- ``spans``: id, document_id, layer_id, label, start, end, source, reviewed, attrs, span_group
- ``relations``: id, document_id, layer_id, head_id, child_id, label, attrs (a relation is
  named by head, child and label; its id is kept when free)
- ``labels``: document_id, layer_id, label, answer, source
- ``status``: document_id, annotator, status, note
- ``decisions``: document_id, tier, start, end, decision, adjudicator (how an adjudicator
  settled a disagreement into gold; rows logged before it was recorded lack it)
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from annotator.errors import EditConflict
from annotator.model import SpanData
from annotator.store.database import now

#: A change: per table, ``[before, after]`` pairs of rows (``None``: no such row).
Change = dict[str, list[list[Any]]]

_TABLES: dict[str, tuple[str, str, str]] = {
    # name in a change: (table, the row as SQL over NEW/OLD, the row read back by key)
    "spans": (
        "spans",
        'json_array({r}.id, {r}.document_id, {r}.layer_id, {r}.label, {r}.start, {r}."end", '
        "{r}.source, {r}.reviewed, json({r}.attrs), {r}.span_group)",
        "id = ?",
    ),
    "relations": (
        "relations",
        "json_array({r}.id, {r}.document_id, {r}.layer_id, {r}.head_id, {r}.child_id, "
        "{r}.label, json({r}.attrs))",
        "head_id = ? AND child_id = ? AND label = ?",
    ),
    "labels": (
        "document_labels",
        "json_array({r}.document_id, {r}.layer_id, {r}.label, {r}.answer, {r}.source)",
        "document_id = ? AND layer_id = ? AND label = ?",
    ),
    "status": (
        "document_status",
        "json_array({r}.document_id, {r}.annotator, {r}.status, {r}.note)",
        "document_id = ? AND annotator = ?",
    ),
    "decisions": (
        "adjudications",
        'json_array({r}.document_id, {r}.tier, {r}.start, {r}."end", {r}.decision, '
        "{r}.adjudicator)",
        'document_id = ? AND tier = ? AND start = ? AND "end" = ?',
    ),
}

#: Tables whose changed rows are deleted and written anew: (their columns, in change order;
#: the column stamped with the time of writing).
_REWRITTEN = {
    "labels": ("document_id, layer_id, label, answer, source", "updated_at"),
    "status": ("document_id, annotator, status, note", "updated_at"),
    "decisions": ('document_id, tier, start, "end", decision, adjudicator', "at"),
}


def _key(kind: str, row: Sequence[Any]) -> tuple[Any, ...]:
    if kind == "spans":
        return (row[0],)
    if kind == "relations":
        return (row[3], row[4], row[5])
    if kind == "decisions":
        return tuple(row[:4])
    return tuple(row[:3]) if kind == "labels" else tuple(row[:2])


def fold(rows: Sequence[tuple[str, str | None, str | None]]) -> Change:
    """Recorded ``(kind, old row JSON, new row JSON)`` in order -> a change."""
    found: dict[tuple[str, tuple[Any, ...]], list[Any]] = {}
    for kind, old, new in rows:
        before = None if old is None else json.loads(old)
        after = None if new is None else json.loads(new)
        row = before if before is not None else after
        assert row is not None  # every recorded write has an old or a new row
        key = (kind, _key(kind, row))
        if key in found:
            found[key][1] = after
        else:
            found[key] = [before, after]
    change: Change = {}
    for (kind, _k), pair in found.items():
        if pair[0] != pair[1]:
            change.setdefault(kind, []).append(pair)
    return change


def invert(change: Change) -> Change:
    """The change that takes its ``after`` back to its ``before``."""
    return {kind: [[after, before] for before, after in pairs] for kind, pairs in change.items()}


def span_ids(change: Change) -> list[int]:
    """The spans a change touches."""
    return [int((b or a)[0]) for b, a in change.get("spans", [])]


@dataclass
class Recording:
    """An open recording: :meth:`change` is what was written since it began."""

    db: sqlite_utils.Database
    start: int

    def change(self) -> Change:
        rows = self.db.execute(
            "SELECT kind, old, new FROM temp.undo_changes WHERE seq > ? ORDER BY seq", [self.start]
        ).fetchall()
        return fold(rows)


class Changes:
    """Record what edits change, and apply a recorded change (a mixin of the Store)."""

    db: sqlite_utils.Database
    _recording_depth: int = 0

    def transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _check_span(
        self, document_id: int, layer_id: int, span: SpanData, *, ignore: int | None = None
    ) -> None:
        raise NotImplementedError

    def _ensure_recorder(self) -> None:
        if self.db.execute(
            "SELECT 1 FROM temp.sqlite_master WHERE name = 'undo_changes'"
        ).fetchone():
            return
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS undo_on (depth INTEGER)")
        self.db.execute(
            "CREATE TEMP TABLE IF NOT EXISTS undo_changes "
            "(seq INTEGER PRIMARY KEY, kind TEXT, old TEXT, new TEXT)"
        )
        for kind, (table, row, _where) in _TABLES.items():
            for event, old, new in (
                ("INSERT", "NULL", row.format(r="NEW")),
                ("UPDATE", row.format(r="OLD"), row.format(r="NEW")),
                ("DELETE", row.format(r="OLD"), "NULL"),
            ):
                self.db.execute(
                    f"CREATE TEMP TRIGGER IF NOT EXISTS undo_{table}_{event.lower()} "
                    f"AFTER {event} ON main.{table} WHEN EXISTS (SELECT 1 FROM temp.undo_on) "
                    f"BEGIN INSERT INTO undo_changes (kind, old, new) "
                    f"VALUES ('{kind}', {old}, {new}); END"
                )

    @contextmanager
    def recording(self) -> Iterator[Recording]:
        """Record the rows written inside (nested recordings share one record)."""
        if self._recording_depth == 0:
            self._ensure_recorder()
            self.db.execute("DELETE FROM temp.undo_changes")
            self.db.execute("INSERT INTO temp.undo_on (depth) VALUES (1)")
        self._recording_depth += 1
        start = self.db.execute("SELECT coalesce(max(seq), 0) FROM temp.undo_changes").fetchone()
        try:
            yield Recording(self.db, int(start[0]))
        finally:
            self._recording_depth -= 1
            if self._recording_depth == 0:
                self.db.execute("DELETE FROM temp.undo_on")
                self.db.execute("DELETE FROM temp.undo_changes")

    # -- applying a change ---------------------------------------------------------------------
    def _current(self, kind: str, key: tuple[Any, ...]) -> list[Any] | None:
        table, row, where = _TABLES[kind]
        found = self.db.execute(
            f"SELECT {row.format(r=table)} FROM {table} WHERE {where}", list(key)
        ).fetchone()
        return None if found is None else list(json.loads(found[0]))

    def apply_change(self, change: Change) -> None:
        """Make every row of ``change`` hold its ``after``; each must hold its ``before`` now
        (else :class:`EditConflict`, nothing written). One transaction."""
        with self.transaction():
            self._check_unchanged(change)
            pairs = {kind: change.get(kind, []) for kind in _TABLES}
            for before, _after in pairs["relations"]:
                if before is not None:
                    self.db.execute(
                        "DELETE FROM relations WHERE head_id = ? AND child_id = ? AND label = ?",
                        before[3:6],
                    )
            gone = [[before[0]] for before, after in pairs["spans"] if after is None]
            self.db.conn.executemany("DELETE FROM spans WHERE id = ?", gone)
            stamp = now()
            updated = [after for before, after in pairs["spans"] if before and after]
            self.db.conn.executemany(
                'UPDATE spans SET label = ?, start = ?, "end" = ?, source = ?, reviewed = ?, '
                "attrs = ?, span_group = ?, updated_at = ? WHERE id = ?",
                [[*_values(row), stamp, row[0]] for row in updated],
            )
            added = [after for before, after in pairs["spans"] if before is None]
            self.db.conn.executemany(
                'INSERT INTO spans (label, start, "end", source, reviewed, attrs, span_group, '
                "updated_at, id, document_id, layer_id, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [[*_values(row), stamp, *row[:3], stamp] for row in added],
            )
            moved = [
                after for before, after in pairs["spans"]
                if after and (before is None or _place(before) != _place(after))
            ]  # fmt: skip
            for row in moved:  # a span drawn since may be in the way
                self._check_span(row[1], row[2], _span(row), ignore=row[0])
            for _before, after in pairs["relations"]:
                if after is not None:
                    self._write_relation(after)
            for kind, (columns, stamp) in _REWRITTEN.items():
                table, _row, where = _TABLES[kind]
                for before, after in pairs[kind]:
                    row = after if after is not None else before
                    self.db.execute(f"DELETE FROM {table} WHERE {where}", _key(kind, row))
                    if after is not None:
                        marks = ", ".join("?" * (len(after) + 1))
                        self.db.execute(
                            f"INSERT INTO {table} ({columns}, {stamp}) VALUES ({marks})",
                            [*after, now()],
                        )

    def _check_unchanged(self, change: Change) -> None:
        removed_links = {
            _key("relations", before)
            for before, after in change.get("relations", [])
            if before is not None and after is None
        }
        spans = change.get("spans", [])
        current = self._current_spans([int((b or a)[0]) for b, a in spans])
        for before, after in spans:
            if current.get(int((before or after)[0])) != before:
                raise EditConflict(_changed("spans"))
        deleted = [before[0] for before, after in spans if before is not None and after is None]
        for head, child, label in self._links_of(deleted):
            if (head, child, label) not in removed_links:
                raise EditConflict("a span was linked elsewhere since")
        for kind, pairs in change.items():
            if kind == "spans":
                continue
            for before, after in pairs:
                key = _key(kind, before if before is not None else after)
                if self._current(kind, key) != before:
                    raise EditConflict(_changed(kind))

    def _current_spans(self, ids: list[int]) -> dict[int, list[Any]]:
        """The spans ``ids`` as change rows, by id (one query; gone ones left out)."""
        row = _TABLES["spans"][1].format(r="spans")
        found = self.db.execute(
            f"SELECT id, {row} FROM spans WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(ids)],
        )
        return {int(r[0]): list(json.loads(r[1])) for r in found}

    def _links_of(self, ids: list[int]) -> list[tuple[int, int, str]]:
        if not ids:
            return []
        among = "IN (SELECT value FROM json_each(:ids))"
        rows = self.db.execute(
            f"SELECT head_id, child_id, label FROM relations WHERE head_id {among} "
            f"OR child_id {among}",
            {"ids": json.dumps(ids)},
        )
        return [(int(r[0]), int(r[1]), str(r[2])) for r in rows]

    def _write_relation(self, row: list[Any]) -> None:
        rel_id, document_id, layer_id, head, child, label, attrs = row
        taken = self.db.execute("SELECT 1 FROM relations WHERE id = ?", [rel_id]).fetchone()
        self.db.execute(
            "INSERT INTO relations (id, document_id, layer_id, head_id, child_id, label, attrs) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [None if taken else rel_id, document_id, layer_id, head, child, label,
             json.dumps(attrs)],
        )  # fmt: skip


def _values(row: list[Any]) -> list[Any]:
    """label, start, end, source, reviewed, attrs (JSON), span group of a span row."""
    return [*row[3:8], json.dumps(row[8]), row[9]]


def _place(row: list[Any]) -> list[Any]:
    """Where a span row lies and what it is: label, start, end, span group."""
    return [row[3], row[4], row[5], row[9]]


def _span(row: list[Any]) -> SpanData:
    return SpanData(
        row[4], row[5], row[3], source=row[6], reviewed=bool(row[7]), attrs=row[8], id=row[0],
        group=row[9],
    )  # fmt: skip


def _changed(kind: str) -> str:
    what = {
        "spans": "a span", "relations": "a link", "labels": "a story label",
        "status": "the document's status or note", "decisions": "a disagreement's decision",
    }[kind]  # fmt: skip
    return f"{what} was changed elsewhere since"
