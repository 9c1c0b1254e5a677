"""The review flow from the keyboard: Tab to the next suggestion, Space accepts, Delete rejects,
next span of a label, find in the article, undo that shows what it undid, the last place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.gui.dialogs import PickMentionDialog
from annotator.gui.highlight import is_suggestion
from annotator.gui.main_window import MainWindow
from annotator.store import Store

from .conftest import ME, TEXT, find, open_window

Ctrl = Qt.KeyboardModifier.ControlModifier
Shift = Qt.KeyboardModifier.ShiftModifier
Alt = Qt.KeyboardModifier.AltModifier


def _selected_text(window: MainWindow) -> str:
    span = window.view.span(window.view.selected_span)
    return "" if span is None else f"{span.label}:{window.view.text[span.start : span.end]}"


def test_tab_space_and_delete_review_the_suggestions(
    qtbot, window: MainWindow, project: Path
) -> None:  # type: ignore[no-untyped-def]
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert _selected_text(window) == "PERSON:Keir Starmer"
    qtbot.keyClick(view, Qt.Key.Key_Space)  # accept: 1 input, and on to the next
    assert _selected_text(window) == "GPE:Gaza"
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Return accepts too
    assert _selected_text(window) == "DATE:Monday"
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # reject
    assert "Monday" not in [view.text[s.start : s.end] for s in view.spans]
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert _selected_text(window) == "PERSON:Hussain"
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Shift)  # previous unreviewed wraps to the last
    assert _selected_text(window).startswith("BOILERPLATE")
    with Store(project) as store:
        reviewed = {store.document_text(1)[s.start : s.end]: s.reviewed for s in store.spans(1, ME)}
    assert reviewed["Keir Starmer"] and reviewed["Gaza"] and not reviewed["Hussain"]
    # Once nothing is left to review, Tab walks every span.
    qtbot.keyClick(view, Qt.Key.Key_A, Ctrl | Shift)
    assert not any(is_suggestion(s) for s in view.spans)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    view.place_caret(0)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert _selected_text(window) == "PERSON:Keir Starmer"
    qtbot.keyClick(view, Qt.Key.Key_Space)  # already reviewed: says so, moves on
    assert "already reviewed" in window.statusBar().currentMessage()


def test_alt_down_walks_every_span_and_ctrl_down_the_same_label(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.view
    view.place_caret(0)
    seen = []
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Down, Alt)
        seen.append(_selected_text(window))
    assert seen == ["PERSON:Keir Starmer", "GPE:Gaza", "DATE:Monday"]
    qtbot.keyClick(view, Qt.Key.Key_Up, Alt)
    assert _selected_text(window) == "GPE:Gaza"
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    view.place_caret(0)
    qtbot.keyClick(view, Qt.Key.Key_Down, Alt)
    qtbot.keyClick(view, Qt.Key.Key_Down, Ctrl)  # the next PERSON
    assert _selected_text(window) == "PERSON:Hussain"
    qtbot.keyClick(view, Qt.Key.Key_Down, Ctrl)  # wraps round
    assert _selected_text(window) == "PERSON:Keir Starmer"


def test_find_in_the_article_then_label_the_match(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_F, Ctrl)
    assert QApplication.focusWidget() is window.find_bar.line
    qtbot.keyClicks(window.find_bar.line, "chrome")
    assert view.selection() == find(TEXT, "Chrome")
    qtbot.keyClick(window.find_bar.line, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is view and view.selection() == find(TEXT, "Chrome")
    qtbot.keyClick(view, Qt.Key.Key_R)  # PRODUCT
    assert _selected_text(window) == "PRODUCT:Chrome"
    # The document search keeps a key of its own.
    qtbot.keyClick(view, Qt.Key.Key_F, Ctrl | Shift)
    assert QApplication.focusWidget() is window.documents.search


def test_find_next_wraps_round(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.view, Qt.Key.Key_F, Ctrl)
    qtbot.keyClicks(window.find_bar.line, "on")
    first = window.view.selection()
    qtbot.keyClick(window.find_bar.line, Qt.Key.Key_Return)
    second = window.view.selection()
    assert first is not None and second is not None and second[0] > first[0]
    assert window.find_bar.count.text().startswith("2 of")


def test_undo_scrolls_to_what_it_undoes(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(f"Paragraph {i} says little." for i in range(400)) + "\nMr Hussain spoke."
    path = tmp_path / "long.db"
    with Store(path) as store:
        store.add_document("long.txt", text, title="Long")
    win = open_window(qtbot, path)
    try:
        win.view.select_text(*find(text, "Hussain"))
        win.view.ensureCursorVisible()
        qtbot.keyClick(win.view, Qt.Key.Key_P)
        bar = win.view.verticalScrollBar()
        bar.setValue(0)
        qtbot.keyClick(win.view, Qt.Key.Key_Z, Ctrl)  # undo the add: nothing to show
        qtbot.keyClick(win.view, Qt.Key.Key_Z, Ctrl | Shift)  # redo: the span is back, in view
        assert bar.value() > bar.maximum() // 2
        assert _selected_text(win) == "PERSON:Hussain"
    finally:
        win.close()
        win.store.close()


def test_the_app_reopens_the_last_document_at_the_last_place(qtbot, project: Path) -> None:  # type: ignore[no-untyped-def]
    first = open_window(qtbot, project)
    qtbot.keyClick(first.view, Qt.Key.Key_PageDown, Ctrl)
    assert first.editor.document_id == 2
    first.view.place_caret(15)
    first.close()
    first.store.close()
    second = MainWindow(store=Store(project), annotator=ME, poll_ms=50)
    qtbot.addWidget(second)
    try:
        assert second.editor.document_id == 2 and second.view.caret() == 15
    finally:
        second.close()
        second.store.close()


def test_pick_the_speaker_by_typing(qtbot) -> None:  # type: ignore[no-untyped-def]
    items = ["Hussain  —  Mr [Hussain] said", "Keir Starmer  —  [Keir Starmer] visited",
             "Rishi Sunak  —  [Rishi Sunak] spoke"]  # fmt: skip
    dialog = PickMentionDialog(None, "Pick the speaker", items)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.filter, "s")  # every name has an s: the first stays
    assert dialog.chosen() == 0
    qtbot.keyClicks(dialog.filter, "t")  # "st": Keir Starmer only
    assert dialog.chosen() == 1
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Backspace)
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Down)
    assert dialog.chosen() == 1
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Down)
    assert dialog.chosen() == 2
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
