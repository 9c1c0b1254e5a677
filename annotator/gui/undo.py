"""Undo and redo: each Qt-free edit wrapped in a ``QUndoCommand``, one stack per document.

An edit is applied (and committed) before its command is pushed, so a refused edit never enters
the history. The stacks live in a ``QUndoGroup`` keyed by document, so the history of a document
survives opening another one.

A document's stack starts as the edit log left it (:func:`annotator.ops.history.replay`): the
steps of earlier sessions below, those that can still be redone above, so after a restart
Ctrl+Z and Ctrl+Shift+Z go on where the last session stopped.

Undo and redo run the edit *before* the stack moves: an edit refused because its span was
changed elsewhere since (:class:`EditConflict`) is dropped from the stack and nothing is
written; one refused because the project is busy stays where it was, to be tried again.

Accept or skip moves on to the next document; Ctrl+Z there, once that document has nothing of
its own (this session's) to undo, goes back to the document just accepted and undoes the accept.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QUndoCommand, QUndoGroup, QUndoStack

from annotator.errors import NotFoundError
from annotator.gui.messages import is_busy
from annotator.ops import history
from annotator.ops.edits import Edit, EditConflict, IdMap
from annotator.store import Store

log = logging.getLogger(__name__)

Changed = Callable[[Edit, str], None]
Failed = Callable[[BaseException], None]
Status = Callable[[str], None]
Open = Callable[[int], None]


class EditCommand(QUndoCommand):
    """One edit on the undo stack. The manager applies the edit; the stack only keeps order."""

    def __init__(self, edit: Edit):
        super().__init__(edit.description)
        self.edit = edit

    def redo(self) -> None:  # applied by UndoManager before the stack moves
        pass

    def undo(self) -> None:
        pass


class UndoManager(QObject):
    """The undo stacks of one window, and the one way the GUI applies an edit."""

    def __init__(
        self, *, store: Store, on_changed: Changed, on_error: Failed, status: Status,
        open_document: Open, annotator: str = "", layer: str | None = None,
        parent: QObject | None = None,
    ):  # fmt: skip
        super().__init__(parent)
        self.store = store
        self.ids = IdMap()
        self.group = QUndoGroup(self)
        self._stacks: dict[int, QUndoStack] = {}
        self._on_changed = on_changed
        self._on_error = on_error
        self._status = status
        self._open = open_document
        self._document: int | None = None
        #: Whose edit log the stacks start from (none: every stack starts empty).
        self._annotator = annotator
        #: The layer their edits change, when not their own (the adjudicator's ``gold``).
        self._layer = layer
        #: Document opened by accept/skip-and-advance -> (the document left, its status command).
        self._came_from: dict[int, tuple[int, EditCommand]] = {}

    def stack(self, document_id: int) -> QUndoStack:
        found = self._stacks.get(document_id)
        if found is None:
            found = self._stacks[document_id] = QUndoStack(self.group)
            self._load_history(document_id, found)
        return found

    def _load_history(self, document_id: int, stack: QUndoStack) -> None:
        """Put the document's earlier sessions on its new stack, as the log left them."""
        if not self._annotator:
            return
        done, undone = history.replay(self.store, document_id, self._annotator, self._layer)
        for step in [*done, *reversed(undone)]:
            logged = history.LoggedStep(
                document_id, self._annotator, step=step, on_layer=self._layer
            )
            stack.push(EditCommand(logged))
        stack.setIndex(len(done))  # the commands do nothing themselves: only the index moves

    def set_document(self, document_id: int | None) -> None:
        self._document = document_id
        self.group.setActiveStack(None if document_id is None else self.stack(document_id))

    def push(self, edit: Edit) -> bool:
        """Apply ``edit`` (committed) and put it on its document's stack; False if refused."""
        edit.ids = self.ids
        try:
            edit.do(self.store)
        except Exception as exc:
            self._on_error(exc)
            return False
        self.stack(edit.document_id).push(EditCommand(edit))
        self._on_changed(edit, edit.description)
        return True

    def advanced(self, left: int, opened: int) -> None:
        """Accept/skip of ``left`` opened ``opened``: Ctrl+Z there may undo that step."""
        stack = self.stack(left)
        command = stack.command(stack.index() - 1) if stack.index() else None
        if isinstance(command, EditCommand):
            self._came_from[opened] = (left, command)

    # -- undo and redo ----------------------------------------------------------------------
    def undo(self) -> None:
        """Undo the open document's last edit of this session, or the accept that led here,
        or else its last step of an earlier session."""
        doc = self._document
        stack = None if doc is None else self.stack(doc)
        if stack is not None and stack.canUndo() and not self._from_log(stack):
            self._step(stack, undo=True)
            return
        back = self._came_from.get(doc) if doc is not None else None
        if back is not None:
            left, command = back
            previous = self.stack(left)
            if previous.index() and previous.command(previous.index() - 1) is command:
                del self._came_from[doc]  # type: ignore[arg-type]
                self._open(left)
                if self._document == left:
                    self._step(previous, undo=True)
                return
        if stack is not None and stack.canUndo():
            self._step(stack, undo=True)
            return
        self._status("Nothing to undo in this document")

    @staticmethod
    def _from_log(stack: QUndoStack) -> bool:
        command = stack.command(stack.index() - 1)
        return isinstance(command, EditCommand) and isinstance(command.edit, history.LoggedStep)

    def redo(self) -> None:
        stack = None if self._document is None else self.stack(self._document)
        if stack is None or not stack.canRedo():
            self._status("Nothing to redo in this document")
            return
        self._step(stack, undo=False)

    def _step(self, stack: QUndoStack, *, undo: bool) -> None:
        index = stack.index() - 1 if undo else stack.index()
        command = stack.command(index)
        if not isinstance(command, EditCommand):
            return
        edit = command.edit
        verb = "Undo" if undo else "Redo"
        try:
            edit.undo(self.store) if undo else edit.do(self.store)
        except Exception as exc:
            if is_busy(exc):  # nothing written and nothing moved: try again later
                self._on_error(exc)
                return
            # The data changed under the history: drop the command, write nothing.
            command.setObsolete(True)
            stack.undo() if undo else stack.redo()
            if isinstance(exc, EditConflict | NotFoundError):
                self._status(
                    f"“{edit.description}”: changed elsewhere since; {verb.lower()} skipped"
                )
            else:
                self._on_error(exc)
            return
        stack.undo() if undo else stack.redo()
        self._on_changed(edit, f"{verb}: {edit.description}")

    def show_texts(self, undo: QAction, redo: QAction) -> None:
        """Undo and Redo name what they would do; always enabled, so they can explain."""
        self.group.undoTextChanged.connect(
            lambda text: undo.setText(f"&Undo {text}" if text else "&Undo")
        )
        self.group.redoTextChanged.connect(
            lambda text: redo.setText(f"&Redo {text}" if text else "&Redo")
        )
