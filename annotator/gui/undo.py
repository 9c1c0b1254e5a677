"""Undo and redo: each Qt-free edit wrapped in a ``QUndoCommand``, one stack per document.

An edit is applied (and committed) before its command is pushed, so a refused edit never enters
the history. The stacks live in a ``QUndoGroup`` keyed by document, so the history of a document
survives opening another one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoGroup, QUndoStack

from annotator.ops.edits import Edit, IdMap
from annotator.store import Store

log = logging.getLogger(__name__)

Changed = Callable[[Edit, str], None]
Failed = Callable[[BaseException], None]


class EditCommand(QUndoCommand):
    """One edit on the undo stack; its first ``redo`` is the push, already applied."""

    def __init__(self, edit: Edit, *, store: Store, on_changed: Changed, on_error: Failed):
        super().__init__(edit.description)
        self.edit = edit
        self._store = store
        self._on_changed = on_changed
        self._on_error = on_error
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._run(self.edit.do, "Redo")

    def undo(self) -> None:
        self._run(self.edit.undo, "Undo")

    def _run(self, step: Callable[[Store], None], verb: str) -> None:
        try:
            step(self._store)
        except Exception as exc:  # the database changed under the history: drop the command
            self.setObsolete(True)
            self._on_error(exc)
        else:
            self._on_changed(self.edit, f"{verb}: {self.edit.description}")


class UndoManager(QObject):
    """The undo stacks of one window, and the one way the GUI applies an edit."""

    def __init__(
        self, *, store: Store, on_changed: Changed, on_error: Failed, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.store = store
        self.ids = IdMap()
        self.group = QUndoGroup(self)
        self._stacks: dict[int, QUndoStack] = {}
        self._on_changed = on_changed
        self._on_error = on_error

    def stack(self, document_id: int) -> QUndoStack:
        found = self._stacks.get(document_id)
        if found is None:
            found = self._stacks[document_id] = QUndoStack(self.group)
        return found

    def set_document(self, document_id: int | None) -> None:
        self.group.setActiveStack(None if document_id is None else self.stack(document_id))

    def push(self, edit: Edit) -> bool:
        """Apply ``edit`` (committed) and put it on its document's stack; False if refused."""
        edit.ids = self.ids
        try:
            edit.do(self.store)
        except Exception as exc:
            self._on_error(exc)
            return False
        command = EditCommand(
            edit, store=self.store, on_changed=self._on_changed, on_error=self._on_error
        )
        self.stack(edit.document_id).push(command)
        self._on_changed(edit, edit.description)
        return True

    def actions(self, parent: QObject) -> tuple[QAction, QAction]:
        """Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z, Ctrl+Y) for the active document."""
        undo = self.group.createUndoAction(parent, "&Undo")
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.group.createRedoAction(parent, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        return undo, redo
