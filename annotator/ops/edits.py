"""Reversible edits of one annotator's layer: command objects with ``do``/``undo``, no Qt.

Every user change in the editor is one :class:`Edit`. ``do`` and ``undo`` each run in one
transaction that also writes an edit-log entry, so what the screen shows is already saved.
The desktop app wraps these in ``QUndoCommand``; tests and scripts can use them directly.

Decisions:
- Creating, relabelling or resizing a span makes it ``source="human"`` and reviewed.
- Changing only a span's attributes (the quote's speaker name) marks it reviewed and keeps its
  source: the annotator checked the span without redrawing it.
- Accepting suggestions keeps ``source="model"`` and sets ``reviewed``, so statistics can still
  tell what the model got right from what a person drew.
- A deleted span comes back under its old id: since schema 2 no id is handed out twice. Should
  the old id be in use all the same (the span was restored elsewhere meanwhile), the span gets a
  new id and an :class:`IdMap` shared by the edits of a session redirects the old one to it;
  relations are named by ``(head, child, label)``, which is unique.
- Undo and redo first check that what the edit touched still holds what it left (another window
  or process may have changed it since); if not, :class:`EditConflict` is raised and nothing is
  written, so a newer change made elsewhere is never overwritten.
- In the ``gold`` layer, a span the adjudicator draws, relabels or resizes records
  ``attrs["provenance"] = "edited"`` (see :mod:`annotator.ops.adjudication`).
- A SPEAKER or CUE span that loses its last link because its quote is re-linked or deleted is
  deleted in the same edit (undo restores it with its links): no stray speaker highlights.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from annotator.errors import NotFoundError, SpanError
from annotator.model import GOLD_LAYER, SpanData
from annotator.ops import workflow
from annotator.ops.edit_core import (
    Edit,
    EditConflict,
    IdMap,
    drop_orphans,
    find_relation,
    links_of,
    restore,
    span_payload,
    state_of,
)
from annotator.store import Store

#: The attribute and value that mark a gold span drawn or changed by the adjudicator.
PROVENANCE = "provenance"
EDITED = "edited"

__all__ = [
    "AcceptSuggestions", "AddRelation", "Batch", "ClearSuggestions", "CreateSpan", "DeleteSpan",
    "Edit", "EditConflict", "IdMap", "RemoveRelation", "SetLink", "SetNote", "SetStatus",
    "UpdateSpan",
]  # fmt: skip


@dataclass
class CreateSpan(Edit):
    """Draw a new span; it is the annotator's own (``source="human"``, reviewed)."""

    label: str = ""
    start: int = 0
    end: int = 0
    attrs: dict[str, Any] = field(default_factory=dict)
    #: The id the span got on the first ``do``; a redo restores it under the same id.
    span_id: int | None = None
    action = "span:create"

    @property
    def description(self) -> str:
        return f"Add {self.label}"

    def _span(self) -> SpanData:
        attrs = dict(self.attrs)
        if self.layer == GOLD_LAYER:
            attrs[PROVENANCE] = EDITED
        return SpanData(
            self.start, self.end, self.label, source="human", reviewed=True,
            attrs=attrs, id=self.span_id,
        )  # fmt: skip

    def current_id(self) -> int:
        if self.span_id is None:
            raise NotFoundError("the span has not been created yet")
        return self.ids.resolve(self.span_id)

    def _do(self, store: Store) -> dict[str, Any]:
        if self.span_id is None:
            self.span_id = store.add_span(self.document_id, self.layer, self._span())
        else:
            span = replace(self._span(), id=self.current_id())
            restore(store, self.ids, self.document_id, self.layer, span)
        return span_payload(replace(self._span(), id=self.current_id()))

    def _undo(self, store: Store) -> dict[str, Any]:
        store.delete_span(self.current_id())
        return {"id": self.current_id()}

    def _targets(self) -> list[int]:
        return [] if self.span_id is None else [self.span_id]


#: A span named by its id, or by the edit that creates it earlier in the same :class:`Batch`.
SpanRef = int | CreateSpan


def _resolve(ids: IdMap, ref: SpanRef) -> int:
    return ref.current_id() if isinstance(ref, CreateSpan) else ids.resolve(ref)


@dataclass
class DeleteSpan(Edit):
    """Delete a span; undo restores it under its id together with its relations.

    Deleting a quote also deletes the SPEAKER and CUE spans that only it linked to.
    """

    span_id: int = 0
    _span: SpanData | None = field(default=None, init=False, repr=False)
    _links: list[tuple[int, int, str]] = field(default_factory=list, init=False, repr=False)
    _orphans: list[SpanData] = field(default_factory=list, init=False, repr=False)
    action = "span:delete"

    @property
    def description(self) -> str:
        return f"Delete {self._span.label}" if self._span else "Delete span"

    def _targets(self) -> list[int]:
        return [self.span_id, *(s.id for s in self._orphans if s.id is not None)]

    def _do(self, store: Store) -> dict[str, Any]:
        span_id = self.ids.resolve(self.span_id)
        _doc, _layer, self._span = store.span(span_id)
        self._links = links_of(store, self.document_id, self.layer, {span_id})
        children = {child for head, child, _label in self._links if head == span_id}
        store.delete_span(span_id)
        others = {s.id for s in store.spans(self.document_id, self.layer)} - children
        self._orphans = drop_orphans(store, self.document_id, self.layer, keep=others)  # type: ignore[arg-type]
        payload = {**span_payload(self._span), "links": self._links}
        return {**payload, "orphans": [s.id for s in self._orphans]}

    def _undo(self, store: Store) -> dict[str, Any]:
        assert self._span is not None
        restored = restore(store, self.ids, self.document_id, self.layer, self._span)
        for orphan in self._orphans:
            restore(store, self.ids, self.document_id, self.layer, orphan)
        for head, child, label in self._links:
            store.add_relation(self.ids.resolve(head), self.ids.resolve(child), label)
        return {"id": restored}


@dataclass
class UpdateSpan(Edit):
    """Relabel, resize or change the attributes of a span."""

    span_id: int = 0
    changes: dict[str, Any] = field(default_factory=dict)
    _old: dict[str, Any] = field(default_factory=dict, init=False, repr=False)
    #: The span's label when the edit was first done (for its description).
    _label: str = field(default="", init=False, repr=False)
    action = "span:update"

    @property
    def description(self) -> str:
        if "label" in self.changes:
            return f"Relabel as {self.changes['label']}"
        what = self._label or "span"
        if "start" in self.changes or "end" in self.changes:
            return f"Resize {what}"
        if self.changes == {"reviewed": True}:
            return f"Accept {what}"
        if "speaker_name" in self.changes.get("attrs", {}) or "speaker_name" in self._old.get(
            "attrs", {}
        ):
            return "Speaker name"
        return f"Edit {what}"

    def _do(self, store: Store) -> dict[str, Any]:
        span_id = self.ids.resolve(self.span_id)
        _doc, _layer, old = store.span(span_id)
        self._label = self._label or old.label
        changes = dict(self.changes)
        if {"label", "start", "end"} & changes.keys():
            changes.setdefault("source", "human")
            if self.layer == GOLD_LAYER:  # the adjudicator changed a gold span
                changes["attrs"] = {**old.attrs, **changes.get("attrs", {}), PROVENANCE: EDITED}
        changes.setdefault("reviewed", True)
        links = links_of(store, self.document_id, self.layer, {span_id})
        if changes.get("label", old.label) != old.label and links:
            if any(head == span_id for head, _child, _label in links):
                raise SpanError(
                    f"this {old.label} has a linked speaker or cue; relabelling it would break "
                    "the links (unlink them, or delete the quote, first)"
                )
            raise SpanError(
                f"this {old.label} is linked to a quote; relabelling it would break the link "
                "(delete it, or link the quote to another span, first)"
            )
        self._old = {k: getattr(old, k) for k in changes}
        store.update_span(span_id, **changes)
        return {"id": span_id, "before": self._old, "after": changes}

    def _undo(self, store: Store) -> dict[str, Any]:
        span_id = self.ids.resolve(self.span_id)
        store.update_span(span_id, **self._old)
        return {"id": span_id, "restored": self._old}

    def _targets(self) -> list[int]:
        return [self.span_id]


@dataclass
class AddRelation(Edit):
    """Link a quote to its speaker mention or cue."""

    head: SpanRef = 0
    child: SpanRef = 0
    label: str = ""
    action = "relation:add"

    @property
    def description(self) -> str:
        return f"Link {self.label.lower()}"

    def _key(self) -> tuple[int, int, str]:
        return _resolve(self.ids, self.head), _resolve(self.ids, self.child), self.label

    def _targets(self) -> list[int]:
        return list(self._key()[:2])

    def _do(self, store: Store) -> dict[str, Any]:
        head, child, label = self._key()
        store.add_relation(head, child, label)
        return {"head": head, "child": child, "label": label}

    def _undo(self, store: Store) -> dict[str, Any]:
        store.delete_relation(find_relation(store, self.document_id, self.layer, self._key()))
        return dict(zip(("head", "child", "label"), self._key()))


@dataclass
class RemoveRelation(AddRelation):
    """Unlink a quote from a speaker mention or cue."""

    action = "relation:remove"

    @property
    def description(self) -> str:
        return f"Unlink {self.label.lower()}"

    def _do(self, store: Store) -> dict[str, Any]:
        return super()._undo(store)

    def _undo(self, store: Store) -> dict[str, Any]:
        return super()._do(store)


@dataclass
class Batch(Edit):
    """Several edits as one step: one transaction, one undo."""

    edits: list[Edit] = field(default_factory=list)
    text: str = "Edit"
    action = "batch"

    @property
    def description(self) -> str:
        return self.text

    def _do(self, store: Store) -> dict[str, Any]:
        for edit in self.edits:
            edit.do(store)
        return {"edits": [e.action for e in self.edits]}

    def _undo(self, store: Store) -> dict[str, Any]:
        for edit in reversed(self.edits):
            edit.undo(store)
        return {"edits": [e.action for e in self.edits]}


@dataclass
class SetLink(Edit):
    """Make ``child`` the quote's only ``label`` link (None removes the link).

    A SPEAKER or CUE span left without any link by the change is deleted with it.
    """

    quote: SpanRef = 0
    label: str = ""
    child: SpanRef | None = None
    _removed: list[tuple[int, int, str]] = field(default_factory=list, init=False, repr=False)
    _orphans: list[SpanData] = field(default_factory=list, init=False, repr=False)
    action = "relation:set"

    @property
    def description(self) -> str:
        verb = "Link" if self.child is not None else "Unlink"
        return f"{verb} {self.label.lower()}"

    def _targets(self) -> list[int]:
        children = [] if self.child is None else [_resolve(self.ids, self.child)]
        removed = [child for _head, child, _label in self._removed]
        return [_resolve(self.ids, self.quote), *children, *removed]

    def _do(self, store: Store) -> dict[str, Any]:
        quote = _resolve(self.ids, self.quote)
        self._removed = [
            (r.head_id, r.child_id, r.label)
            for r in store.relations(self.document_id, self.layer)
            if r.head_id == quote and r.label == self.label
        ]
        for key in self._removed:
            store.delete_relation(find_relation(store, self.document_id, self.layer, key))
        child = None if self.child is None else _resolve(self.ids, self.child)
        if child is not None:
            store.add_relation(quote, child, self.label)
        dropped = {c for _h, c, _l in self._removed}
        keep = {s.id for s in store.spans(self.document_id, self.layer)} - dropped
        self._orphans = drop_orphans(store, self.document_id, self.layer, keep=keep)  # type: ignore[arg-type]
        return {
            "quote": quote, "label": self.label, "child": child, "removed": self._removed,
            "orphans": [s.id for s in self._orphans],
        }  # fmt: skip

    def _undo(self, store: Store) -> dict[str, Any]:
        quote = _resolve(self.ids, self.quote)
        if self.child is not None:
            key = (quote, _resolve(self.ids, self.child), self.label)
            store.delete_relation(find_relation(store, self.document_id, self.layer, key))
        for orphan in self._orphans:
            restore(store, self.ids, self.document_id, self.layer, orphan)
        for head, child, label in self._removed:
            store.add_relation(self.ids.resolve(head), self.ids.resolve(child), label)
        return {"quote": quote, "label": self.label, "restored": self._removed}


@dataclass
class SetStatus(Edit):
    """Accept (``done``), skip or reopen a document; accepting marks every span reviewed."""

    status: str = "done"
    _previous: str = field(default="new", init=False)
    _unreviewed: list[int] = field(default_factory=list, init=False, repr=False)

    @property
    def action(self) -> str:  # type: ignore[override]
        return f"status:{self.status}"

    @property
    def description(self) -> str:
        return {"done": "Accept document", "skipped": "Skip document"}.get(
            self.status, "Reopen document"
        )

    def _do(self, store: Store) -> dict[str, Any]:
        self._unreviewed = [
            s.id for s in store.spans(self.document_id, self.layer) if s.id and not s.reviewed
        ]
        self._previous = workflow.set_status(
            store, self.document_id, self.annotator, self.status, log=False
        )
        return {"before": self._previous, "after": self.status}

    def _undo(self, store: Store) -> dict[str, Any]:
        store.set_status(self.document_id, self.annotator, self._previous)
        if self.status == "done":
            store.set_reviewed([self.ids.resolve(i) for i in self._unreviewed], False)
        return {"before": self.status, "after": self._previous}

    def _state(self, store: Store) -> object:
        spans = state_of(store, self.ids, self.document_id, self.layer, self._unreviewed)
        return store.status(self.document_id, self.annotator), spans


@dataclass
class SetNote(Edit):
    """Change the annotator's note on a document."""

    note: str = ""
    _before: str = field(default="", init=False)
    action = "note"

    @property
    def description(self) -> str:
        return "Edit note"

    def _do(self, store: Store) -> dict[str, Any]:
        self._before = store.note(self.document_id, self.annotator)
        store.set_note(self.document_id, self.annotator, self.note)
        return {"before": self._before, "after": self.note}

    def _undo(self, store: Store) -> dict[str, Any]:
        store.set_note(self.document_id, self.annotator, self._before)
        return {"before": self.note, "after": self._before}

    def _state(self, store: Store) -> object:
        return store.note(self.document_id, self.annotator)


def _suggestions(store: Store, document_id: int, layer: str) -> list[SpanData]:
    return [s for s in store.spans(document_id, layer) if s.source == "model" and not s.reviewed]


@dataclass
class AcceptSuggestions(Edit):
    """Mark every unreviewed model suggestion reviewed; each keeps ``source="model"``."""

    _ids: list[int] = field(default_factory=list, init=False, repr=False)
    action = "suggestions:accept"

    @property
    def description(self) -> str:
        return "Accept all suggestions"

    def _do(self, store: Store) -> dict[str, Any]:
        self._ids = [s.id for s in _suggestions(store, self.document_id, self.layer) if s.id]
        store.set_reviewed(self._ids, True)
        return {"spans": self._ids}

    def _undo(self, store: Store) -> dict[str, Any]:
        ids = [self.ids.resolve(i) for i in self._ids]
        store.set_reviewed(ids, False)
        return {"spans": ids}

    def _targets(self) -> list[int]:
        return self._ids


@dataclass
class ClearSuggestions(Edit):
    """Delete every unreviewed model suggestion (and the links that use them)."""

    _spans: list[SpanData] = field(default_factory=list, init=False, repr=False)
    _links: list[tuple[int, int, str]] = field(default_factory=list, init=False, repr=False)
    action = "suggestions:clear"

    @property
    def description(self) -> str:
        return "Clear all suggestions"

    def _do(self, store: Store) -> dict[str, Any]:
        self._spans = _suggestions(store, self.document_id, self.layer)
        ids = {s.id for s in self._spans if s.id is not None}
        self._links = links_of(store, self.document_id, self.layer, ids)
        for span_id in ids:
            store.delete_span(span_id)
        return {"spans": sorted(ids), "links": self._links}

    def _targets(self) -> list[int]:
        return [s.id for s in self._spans if s.id is not None]

    def _undo(self, store: Store) -> dict[str, Any]:
        restored = [restore(store, self.ids, self.document_id, self.layer, s) for s in self._spans]
        for head, child, label in self._links:
            store.add_relation(self.ids.resolve(head), self.ids.resolve(child), label)
        return {"spans": restored}
