"""Keyboard-only use: Tab walks the panes in order, never opens a document; Ctrl+1..4 jump."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTextBrowser

from annotator.gui.main_window import MainWindow


def test_tab_walks_the_panes_without_opening_a_document(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    docs = window.documents
    opened = window.editor.document_id
    docs.search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is docs.search)
    expected = [docs.status, docs.label, docs.table, window.view]
    for widget in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget
    # Tab inside the table went to the article, not to the next cell or row.
    assert window.editor.document_id == opened
    # Inside the article Tab stays "next span".
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.view
    assert window.view.selected_span is not None
    # The side lists follow the article, and Shift+Tab walks back.
    window.actions["focus_quotes"].trigger()
    qtbot.keyClick(window.side.views[0], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.side.views[1]
    qtbot.keyClick(window.side.views[1], Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.side.views[0]


def test_focusing_a_list_without_the_open_document_opens_nothing(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    docs = window.documents
    docs.search.setText("Rishi")  # only document 2 matches; document 1 stays open
    qtbot.waitUntil(lambda: docs.model.rowCount() == 1)
    docs.label.setFocus()
    qtbot.keyClick(docs.label, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is docs.table
    qtbot.keyClick(docs.table, Qt.Key.Key_Tab)
    assert window.editor.document_id == 1


def test_pane_shortcuts_are_in_the_help(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    targets = {
        "1": window.documents.table, "2": window.view,
        "3": window.side.views[0], "4": window.side.views[1],
    }  # fmt: skip
    for key, widget in targets.items():
        qtbot.keyClick(QApplication.focusWidget(), getattr(Qt.Key, f"Key_{key}"),
                       Qt.KeyboardModifier.ControlModifier)  # fmt: skip
        assert QApplication.focusWidget() is widget
    assert window.editor.document_id == 1  # focusing the list opened nothing
    window.actions["show_shortcuts"].trigger()
    helps = [w for w in QApplication.topLevelWidgets() if w.windowTitle() == "Keyboard shortcuts"]
    text = helps[-1].findChild(QTextBrowser).toPlainText()
    for key in ("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4"):
        assert key in text
    assert "Tab moves between panes" in text and "undoes that accept" in text
    helps[-1].close()
