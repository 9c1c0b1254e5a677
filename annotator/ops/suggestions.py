"""Suggestions that arrive after an annotator started on a document, and merging them in.

A document the annotator opened untouched receives the newest model run's suggestions when it
is (re)opened or refreshed (:func:`workflow.open_document`). One they already edited does not:
:func:`pending` says which suggestions of a newer run they have not received, and
:class:`MergeSuggestions` adds those that do not clash with their spans, as one undoable step.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from annotator.model import SpanData
from annotator.ops import workflow
from annotator.ops.edit_core import Edit, find_relation, restore
from annotator.ops.span_rules import entity_clash
from annotator.store import Store

#: Edit-log actions after which an annotator has received a model layer's suggestions.
MERGE_ACTION = "suggestions:merge"


@dataclass(frozen=True)
class Offer:
    """Suggestions of ``layer`` the annotator has not received: those that fit, and the rest."""

    layer: str
    spans: list[SpanData]
    relations: list[tuple[int, int, str]]
    clashing: int


def received(store: Store, document_id: int, annotator: str, layer: str) -> bool:
    """Whether the annotator's copy of the document holds ``layer``'s suggestions (copied on
    open, or merged and not undone)."""
    got = False
    for entry in store.edit_log(document_id):
        if entry["annotator"] != annotator:
            continue
        action, payload = entry["action"], entry["payload"]
        if action == "open" and payload.get("suggestions_from") == layer:
            got = True
        elif action in (MERGE_ACTION, f"undo:{MERGE_ACTION}") and payload.get("layer") == layer:
            got = action == MERGE_ACTION
    return got


def pending(store: Store, document_id: int, annotator: str) -> Offer | None:
    """The newest model run's suggestions the annotator has not received yet, or None."""
    layer = workflow.suggestion_layer(store)
    if layer is None or not store.has_layer_document(document_id, layer):
        return None
    if received(store, document_id, annotator, layer):
        return None
    mine = store.spans(document_id, annotator)
    model, relations = store.annotations(document_id, layer)
    have = {(s.start, s.end, s.label) for s in mine}
    fits: list[int] = []
    clashing = 0
    for i, span in enumerate(model):
        if (span.start, span.end, span.label) in have:
            continue
        if entity_clash(mine, span.label, span.start, span.end) is not None:
            clashing += 1
            continue
        fits.append(i)
    index = {old: new for new, old in enumerate(fits)}
    spans = [replace(model[i], id=None, source="model", reviewed=False) for i in fits]
    links = [
        (index[r.head], index[r.child], r.label)
        for r in relations
        if r.head in index and r.child in index
    ]
    return Offer(layer, spans, links, clashing)


@dataclass
class MergeSuggestions(Edit):
    """Add a model layer's suggestions that fit among the annotator's spans; undo removes them."""

    source_layer: str = ""
    added: int = 0
    clashing: int = 0
    _spans: list[SpanData] = field(default_factory=list, init=False, repr=False)
    _links: list[tuple[int, int, str]] = field(default_factory=list, init=False, repr=False)
    action = MERGE_ACTION

    @property
    def description(self) -> str:
        return "Merge new suggestions"

    def _do(self, store: Store) -> dict[str, Any]:
        if not self._spans:  # first time: take the offer as it is now
            offer = pending(store, self.document_id, self.annotator)
            if offer is None or offer.layer != self.source_layer:
                return {"layer": self.source_layer, "spans": [], "links": []}
            ids = [store.add_span(self.document_id, self.layer, s) for s in offer.spans]
            self._spans = [replace(s, id=i) for s, i in zip(offer.spans, ids)]
            self._links = [(ids[h], ids[c], label) for h, c, label in offer.relations]
            self.added, self.clashing = len(ids), offer.clashing
        else:
            for span in self._spans:
                restore(store, self.ids, self.document_id, self.layer, span)
        for head, child, label in self._links:
            store.add_relation(self.ids.resolve(head), self.ids.resolve(child), label)
        spans = [s.id for s in self._spans]
        return {"layer": self.source_layer, "spans": spans, "links": self._links}

    def _undo(self, store: Store) -> dict[str, Any]:
        for key in self._links:
            resolved = (self.ids.resolve(key[0]), self.ids.resolve(key[1]), key[2])
            store.delete_relation(find_relation(store, self.document_id, self.layer, resolved))
        for span in self._spans:
            store.delete_span(self.ids.resolve(span.id or 0))
        return {"layer": self.source_layer, "spans": [s.id for s in self._spans]}

    def _targets(self) -> list[int]:
        return [s.id for s in self._spans if s.id is not None]
