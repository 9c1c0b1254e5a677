"""Undo across sessions: after a restart, Ctrl+Z walks back through the document's edit log."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.gui.dialogs import PickMentionDialog
from annotator.store import Store

from .conftest import ME, TEXT, find, open_window

Ctrl = Qt.KeyboardModifier.ControlModifier
Shift = Qt.KeyboardModifier.ShiftModifier


def _state(project: Path) -> tuple[list[tuple[int, int, str, bool]], list[str], str]:
    with Store(project) as store:
        spans = sorted((s.start, s.end, s.label, s.reviewed) for s in store.spans(1, ME))
        links = sorted(r.label for r in store.relations(1, ME))
        quote = next(s for s in store.spans(1, ME) if s.label == "QUOTE")
        return spans, links, str(quote.attrs.get("speaker_name") or "")


def test_ctrl_z_after_a_restart_undoes_the_last_sessions_edits(
    qtbot, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(PickMentionDialog, "ask", classmethod(lambda cls, *a: 0))
    first = open_window(qtbot, project)
    states = [_state(project)]
    view = first.view
    view.select_text(*find(TEXT, "ceasefire"))
    qtbot.keyClick(view, Qt.Key.Key_E)  # add EVENT
    states.append(_state(project))
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    view.place_caret(0)
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # Keir Starmer
    qtbot.keyClick(view, Qt.Key.Key_O)  # relabel as ORG
    states.append(_state(project))
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # Gaza
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    states.append(_state(project))
    first.editor.select_span(next(s for s in view.spans if s.label == "QUOTE").id)
    qtbot.keyClick(view, Qt.Key.Key_S, Ctrl | Shift)  # speaker: the nearest person
    states.append(_state(project))
    assert states[-1][1] == ["CUE", "SPEAKER"] and states[-1][2] == "Hussain"
    first.close()
    first.store.close()

    second = open_window(qtbot, project)
    try:
        for expected in reversed(states[:-1]):
            qtbot.keyClick(second.view, Qt.Key.Key_Z, Ctrl)
            assert "earlier session" in second.statusBar().currentMessage()
            assert _state(project) == expected
        qtbot.keyClick(second.view, Qt.Key.Key_Z, Ctrl)
        assert second.statusBar().currentMessage() == "Nothing to undo in this document"
        assert _state(project) == states[0]
    finally:
        second.close()
        second.store.close()


def test_an_undo_from_the_log_is_skipped_when_the_span_changed_since(qtbot, project: Path) -> None:  # type: ignore[no-untyped-def]
    first = open_window(qtbot, project)
    first.view.select_text(*find(TEXT, "ceasefire"))
    qtbot.keyClick(first.view, Qt.Key.Key_E)
    first.close()
    first.store.close()
    with Store(project) as store:  # another program resizes it
        span = next(s for s in store.spans(1, ME) if s.label == "EVENT")
        store.update_span(span.id or 0, end=span.end - 1)
    second = open_window(qtbot, project)
    try:
        qtbot.keyClick(second.view, Qt.Key.Key_Z, Ctrl)
        assert "changed elsewhere since" in second.statusBar().currentMessage()
        assert "EVENT" in [s.label for s in second.view.spans]
    finally:
        second.close()
        second.store.close()
