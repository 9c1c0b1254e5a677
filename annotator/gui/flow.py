"""The document workflow of the window: accept, skip, reopen, next unfinished, the note."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from annotator.gui.dialogs import NoteDialog
from annotator.gui.undo import UndoManager
from annotator.ops import edits, workflow
from annotator.store import Store


class _Window(Protocol):
    def show_status(self, text: str) -> None: ...
    def open_document(self, document_id: int) -> None: ...
    def current_document(self) -> int | None: ...
    def document_title(self, limit: int) -> str: ...
    def progress_text(self) -> str: ...


class DocumentFlow(QObject):
    """Moves through the documents of one annotator; each status change is an undoable edit."""

    def __init__(
        self, *, store: Store, annotator: str, undo: UndoManager, window: _Window,
        dialog_parent: QWidget, parent: QObject | None = None,
    ):  # fmt: skip
        super().__init__(parent)
        self.store = store
        self.annotator = annotator
        self.undo = undo
        self.window = window
        self._dialog_parent = dialog_parent

    def accept(self) -> None:
        self._set_status("done", advance=True)

    def skip(self) -> None:
        self._set_status("skipped", advance=True)

    def reopen(self) -> None:
        self._set_status("in_progress", advance=False)

    def _set_status(self, status: str, *, advance: bool) -> None:
        doc_id = self.window.current_document()
        if doc_id is None:
            self.window.show_status("Open a document first")
            return
        title = f"“{self.window.document_title(50)}”"
        if not self.undo.push(edits.SetStatus(doc_id, self.annotator, status=status)):
            return
        done = {"done": "Accepted", "skipped": "Skipped"}.get(status, "Reopened")
        line = f"{done} {title} ({self.window.progress_text()})"
        if advance:
            following = workflow.next_unfinished(self.store, self.annotator, doc_id)
            following = following or workflow.next_unfinished(self.store, self.annotator, None)
            if following is not None and following != doc_id:
                self.window.open_document(following)
                if self.window.current_document() == following:
                    self.undo.advanced(doc_id, following)
            else:
                line += " — every document is done or skipped"
            line += " — Ctrl+Z to undo"
        self.window.show_status(line)

    def next(self, backwards: bool = False) -> None:
        after = self.window.current_document()
        found = workflow.next_unfinished(self.store, self.annotator, after, backwards=backwards)
        if found is None:
            self.window.show_status(
                "No unfinished document " + ("before" if backwards else "after") + " this one"
            )
            return
        self.window.open_document(found)

    def edit_note(self) -> None:
        doc_id = self.window.current_document()
        if doc_id is None:
            self.window.show_status("Open a document first")
            return
        note = NoteDialog.ask(self._dialog_parent, self.store.note(doc_id, self.annotator))
        if note is not None and self.undo.push(edits.SetNote(doc_id, self.annotator, note=note)):
            self.window.show_status("Note saved")
