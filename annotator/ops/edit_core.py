"""The base of reversible edits: :class:`Edit`, the id map, conflict checks, shared helpers.

:mod:`annotator.ops.edits` holds the concrete edits and documents the decisions.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from annotator.errors import EditConflict, NotFoundError
from annotator.model import CUE, SPEAKER, SpanData
from annotator.store import Store

__all__ = [
    "Edit", "EditConflict", "IdMap", "drop_orphans", "find_relation", "links_of", "restore",
    "span_payload", "state_of",
]  # fmt: skip


class IdMap:
    """Where a span id now lives, after an undo had to re-create the span under a new id."""

    def __init__(self) -> None:
        self._moved: dict[int, int] = {}

    def resolve(self, span_id: int) -> int:
        while span_id in self._moved:
            span_id = self._moved[span_id]
        return span_id

    def moved(self, old: int, new: int) -> None:
        if old != new:
            self._moved[old] = new


#: A link as undo compares it: ``(head span id, child span id, label)``.
Link = tuple[int, int, str]
#: A span as undo compares it: offsets, label, source, reviewed and its attrs as sorted JSON
#: (``SpanData`` equality leaves attrs out, but a changed speaker name is a change).
SpanState = tuple[int, int, str, str, bool, str]
#: What an edit's spans hold (None: gone) and the links that use them.
EditState = tuple[list[SpanState | None], list[Link]]


def span_payload(span: SpanData) -> dict[str, Any]:
    return {k: v for k, v in asdict(span).items() if v is not None}


def restore(store: Store, ids: IdMap, document_id: int, layer: str, span: SpanData) -> int:
    """Put a span back under its old id, or under a new one if that id was reused meanwhile."""
    assert span.id is not None
    try:
        store.span(span.id)
    except NotFoundError:
        return store.restore_span(document_id, layer, span)
    new_id = store.add_span(document_id, layer, replace(span, id=None))
    ids.moved(span.id, new_id)
    return new_id


def find_relation(store: Store, document_id: int, layer: str, key: tuple[int, int, str]) -> int:
    for rel in store.relations(document_id, layer):
        if (rel.head_id, rel.child_id, rel.label) == key:
            return rel.id
    raise NotFoundError(f"no {key[2]} link from span {key[0]} to span {key[1]}")


def links_of(store: Store, document_id: int, layer: str, span_ids: set[int]) -> list[Link]:
    return [
        (r.head_id, r.child_id, r.label)
        for r in store.relations(document_id, layer)
        if r.head_id in span_ids or r.child_id in span_ids
    ]


def state_of(
    store: Store, ids: IdMap, document_id: int, layer: str, span_ids: Iterable[int]
) -> EditState:
    """What the spans ``span_ids`` hold now (None if gone) and the links that use them."""
    resolved = [ids.resolve(i) for i in span_ids]
    spans: list[SpanState | None] = []
    for span_id in resolved:
        try:
            span = store.span(span_id)[2]
        except NotFoundError:
            spans.append(None)
        else:
            attrs = json.dumps(span.attrs, sort_keys=True)
            spans.append((span.start, span.end, span.label, span.source, span.reviewed, attrs))
    return spans, sorted(links_of(store, document_id, layer, set(resolved)))


def drop_orphans(store: Store, document_id: int, layer: str, keep: set[int]) -> list[SpanData]:
    """SPEAKER and CUE spans with no link left (but not ``keep``): delete them, return them."""
    linked = {i for r in store.relations(document_id, layer) for i in (r.head_id, r.child_id)}
    gone = [
        s for s in store.spans(document_id, layer)
        if s.label in (SPEAKER, CUE) and s.id not in linked and s.id not in keep
    ]  # fmt: skip
    for span in gone:
        store.delete_span(span.id or 0)
    return gone


@dataclass
class Edit(ABC):
    """One reversible change to ``annotator``'s layer of one document."""

    document_id: int
    annotator: str
    ids: IdMap = field(default_factory=IdMap, repr=False, compare=False, kw_only=True)
    #: The layer changed, when it is not the annotator's own (an adjudicator editing ``gold``).
    on_layer: str | None = field(default=None, repr=False, compare=False, kw_only=True)

    #: What the edit's targets held after the last ``do`` and after the last ``undo``.
    _seen_done: object = field(default=None, init=False, repr=False, compare=False)
    _seen_undone: object = field(default=None, init=False, repr=False, compare=False)

    #: Edit-log action name.
    action = "edit"

    @property
    def layer(self) -> str:
        return self.on_layer or self.annotator

    @property
    def undo_action(self) -> str:
        return f"undo:{self.action}"

    @property
    def description(self) -> str:
        """A few words for the undo menu and the status bar."""
        return self.action

    def do(self, store: Store) -> None:
        """Apply (or redo) the edit in one transaction; a redo first checks for conflicts.

        The log row holds what the edit changed, row by row (its ``change``, see
        :mod:`annotator.store.changes`), so a later session can undo and redo it; a redo is
        marked ``redo`` so that replaying the log knows it from a new edit."""
        redo = self._seen_undone is not None
        with store.recording() as recording, store.transaction():
            if redo and self._state(store) != self._seen_undone:
                raise EditConflict(f"“{self.description}”: changed elsewhere since; redo skipped")
            payload = self._do(store)
            self._seen_done = self._state(store)
            payload = {**payload, "text": self.description}
            if redo:
                payload["redo"] = True
            store.log_edit(
                self.annotator, self.action, document_id=self.document_id, layer=self.layer,
                payload=payload, change=recording.change(),
            )  # fmt: skip

    def undo(self, store: Store) -> None:
        """Revert the edit in one transaction, unless its targets were changed elsewhere."""
        with store.recording() as recording, store.transaction():
            if self._state(store) != self._seen_done:
                raise EditConflict(f"“{self.description}”: changed elsewhere since; undo skipped")
            payload = self._undo(store)
            self._seen_undone = self._state(store)
            store.log_edit(
                self.annotator, self.undo_action, document_id=self.document_id,
                layer=self.layer, payload=payload, change=recording.change(),
            )  # fmt: skip

    def _state(self, store: Store) -> object:
        """What this edit changes, as it is now (compared before an undo or a redo)."""
        return state_of(store, self.ids, self.document_id, self.layer, self._targets())

    def _targets(self) -> list[int]:
        """The spans this edit changes (their data and links are checked)."""
        return []

    def targets(self) -> list[int]:
        """The spans this edit changes (as first named; resolve through the id map)."""
        return list(self._targets())

    @abstractmethod
    def _do(self, store: Store) -> dict[str, Any]: ...

    @abstractmethod
    def _undo(self, store: Store) -> dict[str, Any]: ...
