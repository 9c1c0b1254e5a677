"""Undo and redo across sessions: the edit log of a document, read back as steps.

Every edit writes an ``edit_log`` row (:mod:`annotator.ops.edits`) that holds what it changed,
row by row (its ``change``, recorded by the store, see :mod:`annotator.store.changes`). When
the window opens a document, :func:`replay` reads the annotator's rows of it back into the
steps still done and the steps undone that can still be redone, as the undo stack stood: a new
edit is a step (a ``batch`` row joins its parts into one), ``undo:…`` rows take back the newest
done step, rows marked ``redo`` bring back the newest undone one, and a new edit after an undo
drops the steps that could be redone. Each becomes a :class:`LoggedStep` on the document's undo
stack, so Ctrl+Z and Ctrl+Shift+Z walk through earlier sessions as through this one.

A :class:`LoggedStep` undoes by putting its rows back as they were before, and redoes by putting
them as they were after, each after checking that the rows still hold the other side (a change
made elsewhere since refuses it, and nothing is written). It logs the same number of ``undo:…``
or ``redo`` rows as the step has rows, so the next replay counts them right.

Rows written before the log held changes (older projects) are undone from their payload as they
always were (:meth:`LoggedStep._revert`): a deleted quote's speaker and cue, bulk-cleared
suggestions and the spans an accept marked reviewed do not come back from those. Undoing one
records what the undo changed, so it can be redone from then on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.errors import NotFoundError
from annotator.model import SpanData
from annotator.ops.doc_labels import restore_labels
from annotator.ops.edit_core import Edit, EditConflict, find_relation
from annotator.store import Store
from annotator.store.changes import Change, invert, span_ids

Entry = dict[str, Any]
_SPAN_FIELDS = ("start", "end", "label", "source", "reviewed", "attrs")
#: Rows no step undoes: opening a document, and the automatic or bulk fills of gold
#: (what everyone agreed on, ``adjudicate --prefer``), which record no change.
_NOT_UNDOABLE = {"open", "adjudicate:agreed", "adjudicate:prefer"}


@dataclass
class Step:
    """One step of the log: its rows (a batch: the parts, then the ``batch`` row) and where
    what it changed going forward is kept: ``(log row id, inverted?)``, read when needed (None:
    a row from before the log held changes, never undone since)."""

    rows: list[Entry]
    source: tuple[int, bool] | None = None
    known: Change | None = field(default=None, repr=False)

    def change(self, store: Store) -> Change | None:
        if self.known is None and self.source is not None:
            found = store.edit_change(self.source[0])
            if found is not None:
                self.known = invert(found) if self.source[1] else found
        return self.known


def _own(entry: Entry) -> tuple[int, bool] | None:
    return (int(entry["id"]), False) if entry.get("has_change") else None


def _rows(store: Store, document_id: int, annotator: str, layer: str | None) -> list[Entry]:
    layers = (annotator, None) if layer in (None, annotator) else (layer,)
    return [
        e for e in store.edit_log(document_id)
        if e["annotator"] == annotator and e["action"] not in _NOT_UNDOABLE
        and e["layer"] in layers
    ]  # fmt: skip


def _latest(step: Step, row: Entry, *, inverted: bool) -> None:
    """What the step changes going forward, as its latest undo or redo recorded it (a redo may
    have made new rows: a picked version's spans come back under new ids)."""
    if row.get("has_change"):
        step.source, step.known = (int(row["id"]), inverted), None


def replay(
    store: Store, document_id: int, annotator: str, layer: str | None = None
) -> tuple[list[Step], list[Step]]:
    """The document's log for ``annotator`` as the undo stack stood: the steps done, oldest
    first, and the undone steps that can be redone, the next to redo last. The edits of their
    own layer, or with ``layer``, those they made to that layer (an adjudicator's of ``gold``)."""
    rows = _rows(store, document_id, annotator, layer)
    done: list[Step] = []
    undone: list[Step] = []
    i = 0
    while i < len(rows):
        entry = rows[i]
        action, payload = entry["action"], entry["payload"]
        if action.startswith("undo:") and done:
            step = done.pop()
            group = rows[i : i + len(step.rows)]  # a step of n rows is undone by n undo rows
            _latest(step, group[-1], inverted=True)
            undone.append(step)
            i += len(group)
            continue
        if action.startswith("undo:"):  # nothing left to undo: a stray row
            i += 1
            continue
        if payload.get("redo") and undone:
            step = undone.pop()
            group = rows[i : i + len(step.rows)]
            _latest(step, group[-1], inverted=False)
            done.append(step)
            i += len(group)
            continue
        if action == "batch":
            parts = min(len(payload.get("edits", [])), len(done))
            joined = [row for step in done[len(done) - parts :] for row in step.rows]
            del done[len(done) - parts :]
            done.append(Step([*joined, entry], _own(entry)))
        else:
            done.append(Step([entry], _own(entry)))
        undone.clear()  # a new edit: what was undone before it cannot be redone
        i += 1
    return done, undone


def describe(step: list[Entry]) -> str:
    """A few words for a step: as the edit named itself, or from its action (older rows)."""
    text = step[-1]["payload"].get("text")
    if text:
        return str(text)
    action = str(step[-1]["action"])
    words = {
        "span:create": "add", "span:delete": "delete", "span:update": "change",
        "relation:add": "link", "relation:remove": "unlink", "relation:set": "link",
        "note": "note", "suggestions:accept": "accept suggestions",
        "suggestions:clear": "clear suggestions", "suggestions:merge": "merge suggestions",
        "batch": "link", "doc_label:set": "story label", "doc_label:clear": "story label",
    }  # fmt: skip
    if action.startswith("status:"):
        return f"status {action.split(':', 1)[1]}"
    return words.get(action, action)


@dataclass
class LoggedStep(Edit):
    """A step of an earlier session on the undo stack: undo and redo from the edit log."""

    step: Step = field(default_factory=lambda: Step([]))
    _touched: list[int] = field(default_factory=list, init=False, repr=False)

    @property
    def action(self) -> str:  # type: ignore[override]
        return str(self.step.rows[-1]["action"]) if self.step.rows else "edit"

    @property
    def description(self) -> str:
        return f"{describe(self.step.rows)} (earlier session)"

    def undo(self, store: Store) -> None:
        with store.recording() as recording, store.transaction():
            forward = self.step.change(store)
            if forward is not None:
                store.apply_change(invert(forward))
            else:  # a row from before the log held changes: revert it from its payload
                *parts, last = self.step.rows
                for entry in reversed(parts):
                    self._revert(store, entry)
                if last["action"] != "batch":  # a batch row only groups its parts
                    self._revert(store, last)
            change = recording.change()
            self._log(store, undo=True, change=change)
        if forward is None:
            self.step.known = invert(change)
        self._touched = span_ids(change)

    def do(self, store: Store) -> None:
        """Redo: the rows as the step left them."""
        forward = self.step.change(store)
        if forward is None:
            raise EditConflict(f"“{self.description}” cannot be redone")
        with store.recording() as recording, store.transaction():
            store.apply_change(forward)
            self._log(store, undo=False, change=recording.change())
        self._touched = span_ids(forward)

    def _log(self, store: Store, *, undo: bool, change: Change) -> None:
        """As many rows as the step has; the last holds what this undo or redo changed."""
        for n, entry in enumerate(self.step.rows, 1):
            payload: dict[str, Any] = {"from_log": entry["id"]}
            if "layer" in entry["payload"]:  # which suggestions a merge brought (see suggestions)
                payload["layer"] = entry["payload"]["layer"]
            if not undo:
                payload["redo"] = True
            action = f"undo:{entry['action']}" if undo else entry["action"]
            store.log_edit(
                self.annotator, action, document_id=self.document_id, layer=self.layer,
                payload=payload, change=change if n == len(self.step.rows) else None,
            )  # fmt: skip

    def _do(self, store: Store) -> dict[str, Any]:  # do() and undo() are overridden
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
