"""Undo across sessions: the edit log of a document, read back as steps that can be reverted.

Every edit writes an ``edit_log`` row with what changed (:mod:`annotator.ops.edits`). After a
restart the window's undo stacks are empty; :func:`last_step` replays the log of one document
and annotator (an ``undo:…`` row cancels the newest step still standing, a ``batch`` row joins
its parts into one step) and :class:`UndoLogged` reverts that step from its payload, checking
first that the spans still hold what the step left. It logs ``undo:…`` rows of the same shape,
so the next replay steps further back.

What a payload does not hold cannot come back: the speaker or cue spans a deleted quote took
with it, suggestions cleared in bulk, and which spans accepting a document marked reviewed (the
status itself does come back).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.errors import NotFoundError
from annotator.model import SpanData
from annotator.ops.doc_labels import restore_labels
from annotator.ops.edit_core import Edit, EditConflict, find_relation
from annotator.store import Store

Entry = dict[str, Any]
_SPAN_FIELDS = ("start", "end", "label", "source", "reviewed", "attrs")
_NOT_UNDOABLE = {"open"}


def past_steps(
    store: Store, document_id: int, annotator: str, *, before: int | None = None,
    skip: frozenset[int] = frozenset(),
) -> list[list[Entry]]:  # fmt: skip
    """The steps still standing in the document's log for ``annotator``, oldest first: only
    rows with an id up to ``before`` (the session's own edits have their undo stack), and none
    of the steps whose rows are in ``skip`` (refused earlier, like a stale command dropped)."""
    rows = [
        e for e in store.edit_log(document_id)
        if e["annotator"] == annotator and e["action"] not in _NOT_UNDOABLE
        and (before is None or e["id"] <= before)
    ]  # fmt: skip
    steps: list[list[Entry]] = []
    i = 0
    while i < len(rows):
        entry = rows[i]
        action = entry["action"]
        if action.startswith("undo:"):
            if steps:
                top = steps.pop()
                i += len(top)  # a step of n rows is undone by n undo rows
                continue
        elif action == "batch":
            parts = len(entry["payload"].get("edits", []))
            joined = [row for step in steps[len(steps) - parts :] for row in step]
            del steps[len(steps) - parts :]
            steps.append([*joined, entry])
        else:
            steps.append([entry])
        i += 1
    return [step for step in steps if not any(e["id"] in skip for e in step)]


def last_step(
    store: Store, document_id: int, annotator: str, *, before: int | None = None,
    skip: frozenset[int] = frozenset(),
) -> list[Entry] | None:  # fmt: skip
    steps = past_steps(store, document_id, annotator, before=before, skip=skip)
    return steps[-1] if steps else None


def newest_entry(store: Store, document_id: int) -> int:
    """The id of the document's newest log row (0: none)."""
    return max((e["id"] for e in store.edit_log(document_id)), default=0)


def describe(step: list[Entry]) -> str:
    action = str(step[-1]["action"])
    words = {
        "span:create": "add", "span:delete": "delete", "span:update": "change",
        "relation:add": "link", "relation:remove": "unlink", "relation:set": "link",
        "note": "note", "suggestions:accept": "accept suggestions",
        "suggestions:merge": "merge suggestions", "batch": "link",
    }  # fmt: skip
    if action.startswith("status:"):
        return f"status {action.split(':', 1)[1]}"
    return words.get(action, action)


@dataclass
class UndoLogged(Edit):
    """Revert one step of an earlier session, read from the edit log."""

    step: list[Entry] = field(default_factory=list)
    _touched: list[int] = field(default_factory=list, init=False, repr=False)

    @property
    def action(self) -> str:  # type: ignore[override]
        return f"undo:{self.step[-1]['action']}" if self.step else "undo"

    @property
    def description(self) -> str:
        return f"{describe(self.step)} (earlier session)"

    def do(self, store: Store) -> None:
        with store.transaction():
            *parts, last = self.step
            for entry in reversed(parts):
                self._revert(store, entry)
                store.log_edit(self.annotator, f"undo:{entry['action']}",
                               document_id=self.document_id, layer=self.layer,
                               payload={"from_log": entry["id"]})  # fmt: skip
            if last["action"] != "batch":  # a batch row only groups its parts
                self._revert(store, last)
            store.log_edit(self.annotator, self.action, document_id=self.document_id,
                           layer=self.layer, payload={"from_log": last["id"]})  # fmt: skip

    def undo(self, store: Store) -> None:
        raise EditConflict("a step undone from an earlier session cannot be redone")

    def _do(self, store: Store) -> dict[str, Any]:  # do() is overridden
        raise NotImplementedError

    def _undo(self, store: Store) -> dict[str, Any]:
        raise NotImplementedError

    def _targets(self) -> list[int]:
        return self._touched

    # -- the inverse of each logged action --------------------------------------------------
    def _span_holds(self, store: Store, span_id: int, values: dict[str, Any]) -> None:
        try:
            span = store.span(span_id)[2]
        except NotFoundError:
            raise EditConflict("the span was deleted since; undo skipped") from None
        if any(getattr(span, k) != v for k, v in values.items() if k in _SPAN_FIELDS):
            raise EditConflict("the span was changed since; undo skipped")

    def _revert(self, store: Store, entry: Entry) -> None:
        action, payload = entry["action"], entry["payload"]
        doc, layer = self.document_id, self.layer
        if action in ("span:create", "suggestions:merge"):
            ids = [payload["id"]] if action == "span:create" else payload.get("spans", [])
            for span_id in ids:
                if action == "span:create":
                    self._span_holds(store, span_id, payload)
                store.delete_span(span_id)
            self._touched += ids
        elif action == "span:delete":
            span = SpanData(**{k: payload[k] for k in (*_SPAN_FIELDS, "id") if k in payload})
            store.restore_span(doc, layer, span)
            present = {s.id for s in store.spans(doc, layer)}
            for head, child, label in payload.get("links", []):
                if head in present and child in present:
                    store.add_relation(head, child, label)
            self._touched.append(payload["id"])
        elif action == "span:update":
            self._span_holds(store, payload["id"], payload["after"])
            store.update_span(payload["id"], **payload["before"])
            self._touched.append(payload["id"])
        elif action in ("relation:add", "relation:remove"):
            key = (payload["head"], payload["child"], payload["label"])
            if action == "relation:add":
                store.delete_relation(find_relation(store, doc, layer, key))
            else:
                store.add_relation(*key)
        elif action == "relation:set":
            if payload.get("child") is not None:
                key = (payload["quote"], payload["child"], payload["label"])
                store.delete_relation(find_relation(store, doc, layer, key))
            present = {s.id for s in store.spans(doc, layer)}
            for head, child, label in payload.get("removed", []):
                if head in present and child in present:
                    store.add_relation(head, child, label)
        elif action.startswith("status:"):
            store.set_status(doc, self.annotator, payload["before"])
        elif action == "note":
            store.set_note(doc, self.annotator, payload["before"])
        elif action.startswith("doc_label:"):
            if store.document_labels(doc, layer).get(payload["label"]) != (
                "accept" if action == "doc_label:set" else None
            ):
                raise EditConflict("the story label was changed since; undo skipped")
            restore_labels(store, doc, layer, payload["before"])
        elif action == "suggestions:accept":
            store.set_reviewed(payload.get("spans", []), False)
        else:
            raise EditConflict(f"“{action}” from an earlier session cannot be undone")
