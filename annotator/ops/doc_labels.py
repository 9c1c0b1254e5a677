"""Document labels (story categories) set by a person: one category set at a time.

Qt-free; the app's document-labels panel calls :func:`toggle_category`. A single-label set
holds at most one accepted label per document (choosing another replaces it); a multi-label
set holds any number. Every change is one transaction and one edit-log entry.
"""

from __future__ import annotations

from annotator.errors import NotFoundError
from annotator.model import Label
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
    store: Store, document_id: int, layer: str, name: str, *, annotator: str | None = None
) -> dict[str, str]:
    """Accept category ``name`` for a document, or clear it when it is accepted already;
    return the document's labels after the change."""
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
        store.log_edit(
            annotator or layer, action, document_id=document_id, layer=layer,
            payload={"label": name, "before": current},
        )  # fmt: skip
        return store.document_labels(document_id, layer)
