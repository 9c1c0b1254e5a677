"""The document workflow of one annotator (docs/design.md §2): opening a document (with its
suggestions), setting its status (accept = ``done``, skip, reopen = ``in_progress``), finding
the next unfinished one.

Each function is one user action: one transaction with its edit-log entry.
"""

from __future__ import annotations

from dataclasses import replace

from annotator.model import GOLD_LAYER, is_model_layer
from annotator.store import Store


def suggestion_layer(store: Store) -> str | None:
    """The model layer suggestions come from: the newest model run."""
    return store.newest_model_layer()


def open_document(store: Store, document_id: int, annotator: str) -> bool:
    """Open a document for ``annotator``; the first time a model layer has it, copy it in.

    The suggestions arrive as unreviewed spans (``source="model"``), once: a document the
    annotator has already received suggestions for, or has annotated, is left as it is. A
    document opened before any pre-annotation gets its suggestions at a later open. Returns
    True when suggestions were copied.
    """
    if is_model_layer(annotator) or annotator == GOLD_LAYER:
        raise ValueError(f"{annotator!r} is a layer name, not an annotator")
    with store.transaction():
        status = store.status(document_id, annotator)
        untouched = not store.has_layer_document(document_id, annotator) and not store.spans(
            document_id, annotator
        )
        source_layer = suggestion_layer(store)
        copied = False
        if (
            untouched
            and status in ("new", "in_progress")
            and source_layer is not None
            and store.has_layer_document(document_id, source_layer)
        ):
            spans, relations = store.annotations(document_id, source_layer)
            suggestions = [replace(s, id=None, source="model", reviewed=False) for s in spans]
            store.replace_annotations(document_id, annotator, suggestions, relations)
            copied = True
        if status == "new":
            store.set_status(document_id, annotator, "in_progress")
        if copied or status == "new":
            store.log_edit(
                annotator, "open", document_id=document_id, layer=annotator,
                payload={"suggestions_from": source_layer if copied else None},
            )  # fmt: skip
        return copied


def set_status(
    store: Store, document_id: int, annotator: str, status: str, *, log: bool = True
) -> str:
    """Accept (``done``), skip, or reopen (``in_progress``); returns the previous status.
    ``log=False``: the caller writes the edit-log row (the app's undoable ``SetStatus``)."""
    with store.transaction():
        previous = store.status(document_id, annotator)
        if status == "done":
            store.mark_reviewed(document_id, annotator)
        store.set_status(document_id, annotator, status)
        if log:
            store.log_edit(
                annotator, f"status:{status}", document_id=document_id, layer=annotator,
                payload={"before": previous, "after": status},
            )  # fmt: skip
        return previous


def next_unfinished(
    store: Store, annotator: str, after: int | None, *, backwards: bool = False
) -> int | None:
    """The next (or previous) document that is neither done nor skipped for ``annotator``."""
    return store.next_unfinished(annotator, after, backwards=backwards)
