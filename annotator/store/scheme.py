"""The project's label scheme and its document labels (docs/design.md §3).

A mixin of :class:`annotator.store.store.Store`. A label is keyed by (kind, name): a relation
type may share its name with a span label (SPEAKER). Document labels are the story's
categories per layer: ``accept`` (the category applies) or ``reject`` (ruled out).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any

import sqlite_utils

from annotator.errors import SchemeError, StoreError
from annotator.model import ANSWERS, SOURCES, Label
from annotator.store.database import now

_COLUMNS = "name, kind, color, key, description, grp, heads, children, allowed, multi"


def _label_from_row(row: Sequence[Any]) -> Label:
    return Label(
        name=row[0], kind=row[1], color=row[2], key=row[3], description=row[4], group=row[5],
        heads=tuple(json.loads(row[6])), children=tuple(json.loads(row[7])),
        values=tuple(json.loads(row[8])), multi=bool(row[9]),
    )  # fmt: skip


class LabelScheme:
    """Labels of every kind, and the document labels set per layer."""

    db: sqlite_utils.Database

    def transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def layer_id(self, name: str, *, create: bool = True) -> int:
        raise NotImplementedError

    # -- the scheme -----------------------------------------------------------------------
    def labels(self, kind: str | Iterable[str] | None = None) -> list[Label]:
        """The scheme in its order; only labels of ``kind`` (one or several) when given."""
        rows = self.db.execute(f"SELECT {_COLUMNS} FROM labels ORDER BY position").fetchall()
        kinds = {kind} if isinstance(kind, str) else (set(kind) if kind is not None else None)
        return [
            label for label in map(_label_from_row, rows) if kinds is None or label.kind in kinds
        ]

    def set_labels(self, labels: Sequence[Label]) -> None:
        """Replace the whole scheme."""
        check_scheme(labels)
        with self.transaction():
            self.db.execute("DELETE FROM labels")
            self._insert_labels(labels, 0)

    def add_labels(self, labels: Iterable[Label]) -> list[Label]:
        """Add the labels the scheme lacks (by kind and name) at its end; return those added."""
        with self.transaction():
            known = {(label.kind, label.name) for label in self.labels()}
            new = []
            for label in labels:
                if (label.kind, label.name) not in known:
                    known.add((label.kind, label.name))
                    new.append(label)
            if new:
                check_scheme([*self.labels(), *new])
                position = self.db.execute("SELECT coalesce(max(position), -1) FROM labels")
                self._insert_labels(new, int(position.fetchone()[0]) + 1)
            return new

    def _insert_labels(self, labels: Sequence[Label], first: int) -> None:
        for position, label in enumerate(labels, start=first):
            self.db.execute(
                "INSERT INTO labels (name, kind, color, key, description, grp, heads, children, "
                "allowed, multi, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [label.name, label.kind, label.color, label.key, label.description, label.group,
                 json.dumps(list(label.heads)), json.dumps(list(label.children)),
                 json.dumps(list(label.values)), int(label.multi), position],
            )  # fmt: skip

    def set_label_colors(self, colors: dict[tuple[str, str], str]) -> None:
        """Give labels, by (kind, name), a new colour; other labels keep theirs."""
        with self.transaction():
            for (kind, name), color in colors.items():
                self.db.execute(
                    "UPDATE labels SET color = ? WHERE kind = ? AND name = ?", [color, kind, name]
                )

    def relation_rule(self, name: str) -> Label | None:
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM labels WHERE kind = 'relation' AND name = ?", [name]
        ).fetchone()
        return None if row is None else _label_from_row(row)

    # -- document labels ------------------------------------------------------------------
    def document_labels(self, document_id: int, layer: str) -> dict[str, str]:
        """A document's categories in one layer: label -> ``accept`` or ``reject``."""
        rows = self.db.execute(
            "SELECT d.label, d.answer FROM document_labels d JOIN layers l ON l.id = d.layer_id "
            "WHERE d.document_id = ? AND l.name = ? ORDER BY d.label",
            [document_id, layer],
        )
        return {r[0]: r[1] for r in rows}

    def set_document_label(
        self, document_id: int, layer: str, label: str, answer: str | None, *,
        source: str = "human",
    ) -> None:  # fmt: skip
        """Accept or reject one category of a document; ``None`` clears it."""
        if answer is not None and answer not in ANSWERS:
            raise StoreError(f"unknown answer {answer!r}; use accept or reject")
        if source not in SOURCES:
            raise StoreError(f"unknown source {source!r}")
        if not label.strip():
            raise StoreError("a document label needs a name")
        with self.transaction():
            lid = self.layer_id(layer)
            if answer is None:
                self.db.execute(
                    "DELETE FROM document_labels WHERE document_id = ? AND layer_id = ? "
                    "AND label = ?",
                    [document_id, lid, label],
                )
                return
            self.db.execute(
                "INSERT INTO document_labels (document_id, layer_id, label, answer, source, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, layer_id, label) "
                "DO UPDATE SET answer = excluded.answer, source = excluded.source, "
                "updated_at = excluded.updated_at",
                [document_id, lid, label, answer, source, now()],
            )

    def replace_document_labels(
        self, document_id: int, layer: str, labels: dict[str, str], *, source: str = "human"
    ) -> None:
        with self.transaction():
            lid = self.layer_id(layer)
            self.db.execute(
                "DELETE FROM document_labels WHERE document_id = ? AND layer_id = ?",
                [document_id, lid],
            )
            for label, answer in labels.items():
                self.set_document_label(document_id, layer, label, answer, source=source)

    def label_uses(self, kind: str, name: str) -> int:
        """How many spans, links or document labels (by ``kind``) use label ``name``."""
        table = {"category": "document_labels", "relation": "relations"}.get(kind, "spans")
        if kind == "attribute":  # attributes live in span attrs; not counted, never in use
            return 0
        sql = f"SELECT count(*) FROM {table} WHERE label = ?"
        return int(self.db.execute(sql, [name]).fetchone()[0])

    def document_label_counts(self, layer: str | None = None) -> list[tuple[str, str, str, int]]:
        """``(layer, label, answer, documents)`` over the project (one layer when given)."""
        sql = (
            "SELECT l.name, d.label, d.answer, count(*) FROM document_labels d "
            "JOIN layers l ON l.id = d.layer_id"
        )
        params: list[Any] = []
        if layer is not None:
            sql += " WHERE l.name = ?"
            params.append(layer)
        sql += " GROUP BY l.name, d.label, d.answer ORDER BY l.name, d.label, d.answer"
        return [(r[0], r[1], r[2], int(r[3])) for r in self.db.execute(sql, params)]


def check_scheme(labels: Sequence[Label]) -> None:
    """One label per (kind, name); one span label per key; category sets agree on ``multi``."""
    seen: set[tuple[str, str]] = set()
    keys: dict[tuple[str, str], str] = {}
    multi: dict[str, bool] = {}
    for label in labels:
        if (label.kind, label.name) in seen:
            raise SchemeError(f"label {label.name!r} ({label.kind}) is listed twice")
        seen.add((label.kind, label.name))
        if label.key:
            # Span labels share the label keys; categories have keys of their own (numbers).
            space = "category" if label.kind == "category" else "span"
            if label.kind not in ("relation", "attribute"):
                other = keys.setdefault((space, label.key), label.name)
                if other != label.name:
                    raise SchemeError(
                        f"key {label.key!r} is given to both {other!r} and {label.name!r}"
                    )
        if label.kind == "category":
            group = label.group or "category"
            if multi.setdefault(group, label.multi) != label.multi:
                raise SchemeError(
                    f"category set {group!r} is both single- and multi-label ({label.name!r})"
                )
