"""Document labels (story categories) set by a person: one category set at a time.

Qt-free; the app's document-labels panel pushes a :class:`ToggleCategory` (an undoable
:class:`~annotator.ops.edit_core.Edit`, so Ctrl+Z / Ctrl+Shift+Z take a story label back and
forth like a span edit), which calls :func:`toggle_category`. A single-label set
holds at most one accepted label per document (choosing another replaces it); a multi-label
set holds any number. Every change is one transaction and one edit-log entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.errors import NotFoundError
from annotator.model import Label
from annotator.ops.edit_core import Edit
from annotator.store import Store

#: Category set of a label that names none.
DEFAULT_SET = "category"


def category_sets(labels: list[Label]) -> dict[str, list[Label]]:
    """The scheme's document categories by set, in scheme order."""
    sets: dict[str, list[Label]] = {}
    for label in labels:
        if label.kind == "category":
            sets.setdefault(label.group or DEFAULT_SET, []).append(label)
    return sets


def toggle_category(
    store: Store, document_id: int, layer: str, name: str, *, annotator: str | None = None,
    log: bool = True,
) -> dict[str, str]:  # fmt: skip
    """Accept category ``name`` for a document, or clear it when it is accepted already;
    return the document's labels after the change. ``log=False``: the caller writes the
    edit-log row (the app's undoable :class:`ToggleCategory`)."""
    labels = store.labels("category")
    label = next((lb for lb in labels if lb.name == name), None)
    if label is None:
        raise NotFoundError(f"no document category {name!r} in the label scheme")
    with store.transaction():
        current = store.document_labels(document_id, layer)
        if current.get(name) == "accept":
            store.set_document_label(document_id, layer, name, None)
            action = "doc_label:clear"
        else:
            if not label.multi:  # a single-label set: the others of the set go
                for other in category_sets(labels)[label.group or DEFAULT_SET]:
                    if other.name != name and other.name in current:
                        store.set_document_label(document_id, layer, other.name, None)
            store.set_document_label(document_id, layer, name, "accept")
            action = "doc_label:set"
        if log:
            store.log_edit(
                annotator or layer, action, document_id=document_id, layer=layer,
                payload={"label": name, "before": current},
            )  # fmt: skip
        return store.document_labels(document_id, layer)


@dataclass
class ToggleCategory(Edit):
    """Set or clear one story label of a document, as an undoable edit.

    Undo puts back every label of the document as it was before (a single-label set's
    replaced label returns); it is refused when the labels were changed elsewhere since.
    """

    name: str = ""
    _before: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    _after: dict[str, str] = field(default_factory=dict, init=False, repr=False)

    @property
    def action(self) -> str:  # type: ignore[override]
        """``doc_label:set`` or ``doc_label:clear``, as the toggle turned out."""
        return "doc_label:" + ("set" if self._after.get(self.name) == "accept" else "clear")

    @property
    def undo_action(self) -> str:
        return "undo:doc_label"

    @property
    def description(self) -> str:
        return f"Story label {self.name}"

    def _do(self, store: Store) -> dict[str, Any]:
        self._before = store.document_labels(self.document_id, self.layer)
        self._after = toggle_category(
            store, self.document_id, self.layer, self.name, annotator=self.annotator, log=False
        )
        return {"label": self.name, "before": self._before}

    def _undo(self, store: Store) -> dict[str, Any]:
        restore_labels(store, self.document_id, self.layer, self._before)
        return {"label": self.name, "before": self._after, "after": self._before}

    def _state(self, store: Store) -> object:
        return store.document_labels(self.document_id, self.layer)


def restore_labels(store: Store, document_id: int, layer: str, labels: dict[str, str]) -> None:
    """Make the document's labels in ``layer`` exactly ``labels`` again."""
    current = store.document_labels(document_id, layer)
    for name in set(current) | set(labels):
        if current.get(name) != labels.get(name):
            store.set_document_label(document_id, layer, name, labels.get(name))
