"""Undo never overwrites newer data, always says why it did nothing, and survives a busy project."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from PySide6.QtCore import Qt

from annotator.gui.main_window import GUI_BUSY_TIMEOUT_MS, MainWindow
from annotator.gui.messages import BUSY
from annotator.store import Store
from annotator.store.database import BUSY_TIMEOUT_MS

from .conftest import ME, TEXT, db_spans, find


def _gpe(window: MainWindow):  # type: ignore[no-untyped-def]
    return next(s for s in window.view.spans if s.label == "GPE")


def test_undo_after_a_newer_change_elsewhere_is_skipped(
    qtbot, window: MainWindow, project: Path
) -> None:  # type: ignore[no-untyped-def]
    gaza = _gpe(window)
    window.editor.select_span(gaza.id)
    window.actions["label:LOC"].trigger()  # window A: GPE -> LOC
    stack = window.undo.stack(1)
    assert stack.count() == 1
    with Store(project) as other:  # window B, another process: LOC -> FAC
        other.update_span(gaza.id, label="FAC")
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "changed elsewhere since; undo skipped" in window.statusBar().currentMessage()
    assert next(s for s in db_spans(project) if s.id == gaza.id).label == "FAC"  # B's kept
    assert (stack.count(), stack.index()) == (0, 0)  # the stale command is gone, not redoable
    # The view shows B's label after the poll; another Ctrl+Z has nothing left to undo.
    qtbot.waitUntil(lambda: window.view.span(gaza.id).label == "FAC")  # type: ignore[union-attr]
    window.actions["undo"].trigger()
    assert window.statusBar().currentMessage() == "Nothing to undo in this document"


def test_undo_of_an_edit_on_a_span_deleted_elsewhere_is_explained(
    window: MainWindow, project: Path
) -> None:
    gaza = _gpe(window)
    window.editor.select_span(gaza.id)
    window.actions["label:LOC"].trigger()
    with Store(project) as other:
        other.delete_span(gaza.id)
    window.actions["undo"].trigger()
    message = window.statusBar().currentMessage()
    assert "changed elsewhere since; undo skipped" in message
    assert "no span with id" not in message
    assert all(s.id != gaza.id for s in db_spans(project))


def test_nothing_to_undo_says_so(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "Nothing to undo in this document"
    window.actions["redo"].trigger()
    assert window.statusBar().currentMessage() == "Nothing to redo in this document"


def test_accept_and_advance_is_undone_from_the_next_document(
    qtbot, window: MainWindow, project: Path
) -> None:  # type: ignore[no-untyped-def]
    window.actions["accept_document"].trigger()
    assert window.editor.document_id == 2
    assert "Ctrl+Z to undo" in window.statusBar().currentMessage()
    # An edit in the new document is undone first, then the accept that led here.
    window.view.select_text(*find("Rishi Sunak spoke in London.", "London"))
    window.actions["label:GPE"].trigger()
    window.actions["undo"].trigger()
    assert window.editor.document_id == 2
    assert not any(s.label == "GPE" for s in db_spans(project, 2))
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.document_id == 1  # back where the accept was
    with Store(project) as store:
        assert store.status(1, ME) == "in_progress"
    assert "Undo: Accept document" in window.statusBar().currentMessage()
    window.actions["redo"].trigger()
    with Store(project) as store:
        assert store.status(1, ME) == "done"


def test_an_edit_while_another_program_writes_fails_fast_and_keeps_history(
    window: MainWindow, project: Path
) -> None:
    window.view.select_text(*find(TEXT, "ceasefire"))
    window.actions["label:EVENT"].trigger()
    stack = window.undo.stack(1)
    assert stack.count() == 1
    lock = sqlite3.connect(project, isolation_level=None)  # e.g. a CLI import holding the lock
    lock.execute("BEGIN IMMEDIATE")
    try:
        # The window waits GUI_BUSY_TIMEOUT_MS for the lock, not the 10 s of the CLI. The time
        # bound below only proves that on a loaded machine; the setting is what is promised.
        assert window.store.db.execute("PRAGMA busy_timeout").fetchone()[0] == GUI_BUSY_TIMEOUT_MS
        started = time.monotonic()
        window.editor.select_span(_gpe(window).id)
        window.actions["label:LOC"].trigger()
        assert time.monotonic() - started < BUSY_TIMEOUT_MS / 1000
        assert window.statusBar().currentMessage() == BUSY
        assert stack.count() == 1  # the failed edit was not pushed
        window.actions["undo"].trigger()  # the undo waits for the lock too, and stays
        assert window.statusBar().currentMessage() == BUSY
        assert (stack.count(), stack.index()) == (1, 1)
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    assert _gpe(window).label == "GPE"
    window.actions["undo"].trigger()  # now it goes through
    assert not any(s.label == "EVENT" for s in db_spans(project))
    assert stack.index() == 0
