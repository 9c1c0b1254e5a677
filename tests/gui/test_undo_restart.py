"""Undo and redo after a restart, for every kind of edit the window makes.

A first window makes a run of different edits with the real keys across two documents of a real
project file, taking a full dump of the document (spans with ids, links, story labels, status,
note) after each; a second window on the same file then walks Ctrl+Z back through every state
and Ctrl+Shift+Z forward again, and a third finds the steps a second session undid still there
to redo. Mixed: edits of an earlier session and of this one on one undo stack.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from annotator.gui import dialogs
from annotator.gui.dialogs import PickMentionDialog
from annotator.gui.main_window import MainWindow
from annotator.model import SpanData
from annotator.store import Store

from .conftest import ME, OTHER_TEXT, TEXT, find, layer_rows, open_window

Ctrl = Qt.KeyboardModifier.ControlModifier
Shift = Qt.KeyboardModifier.ShiftModifier
Alt = Qt.KeyboardModifier.AltModifier
NoMod = Qt.KeyboardModifier.NoModifier

Dump = tuple[Any, ...]


def dump(project: Path, doc: int) -> Dump:
    """Everything of the annotator's copy of a document, read through a second connection."""
    with Store(project) as store:
        return (*layer_rows(store, doc, ME), store.document_labels(doc, ME),
                store.has_status(doc, ME), store.status(doc, ME), store.note(doc, ME))  # fmt: skip


def _selected(window: MainWindow) -> SpanData:
    span = window.view.span(window.view.selected_span)
    assert span is not None
    return span


def _select_label(window: MainWindow, label: str) -> None:
    window.editor.select_span(next(s for s in window.view.spans if s.label == label).id)


def _press(qtbot, window: MainWindow, key: Qt.Key, modifiers=NoMod) -> None:  # type: ignore[no-untyped-def]
    window.view.setFocus()
    qtbot.keyClick(window.view, key, modifiers)


def _edit(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, states: list[Dump], doc: int, key: Qt.Key, modifiers=NoMod
) -> None:
    """One edit by a key; its document's dump must change, and is kept."""
    _press(qtbot, window, key, modifiers)
    states.append(dump(window.store.path, doc))
    assert states[-1] != states[-2], window.statusBar().currentMessage()


def _session_one(qtbot, project: Path, monkeypatch: pytest.MonkeyPatch) -> dict[int, list[Dump]]:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(PickMentionDialog, "ask", classmethod(lambda cls, *a: 0))
    monkeypatch.setattr(dialogs.NoteDialog, "ask", classmethod(lambda cls, *a: "check the quote"))
    monkeypatch.setattr(dialogs.SpeakerNameDialog, "ask", classmethod(lambda cls, *a: "Mr Hussain"))
    window = open_window(qtbot, project)
    view = window.view
    states = {1: [dump(project, 1)], 2: []}
    one = states[1]
    try:
        view.select_text(*find(TEXT, "ceasefire"))
        _edit(qtbot, window, one, 1, Qt.Key.Key_E)  # add EVENT
        qtbot.keyClick(view, Qt.Key.Key_Escape)
        view.place_caret(0)
        _press(qtbot, window, Qt.Key.Key_Tab)  # Keir Starmer
        _edit(qtbot, window, one, 1, Qt.Key.Key_O)  # relabel as ORG
        _edit(qtbot, window, one, 1, Qt.Key.Key_Left, Alt)  # resize: "Keir"
        assert TEXT[_selected(window).start : _selected(window).end] == "Keir"
        _press(qtbot, window, Qt.Key.Key_Tab)  # Gaza
        _edit(qtbot, window, one, 1, Qt.Key.Key_Space)  # accept it; Monday is next
        assert _selected(window).label == "DATE"
        _edit(qtbot, window, one, 1, Qt.Key.Key_Delete)  # reject Monday
        _select_label(window, "QUOTE")
        _edit(qtbot, window, one, 1, Qt.Key.Key_S, Ctrl | Shift)  # speaker: Hussain
        _select_label(window, "QUOTE")
        _press(qtbot, window, Qt.Key.Key_V, Shift)  # link the cue: select it, Return
        view.select_text(*find(TEXT, "need"))
        _edit(qtbot, window, one, 1, Qt.Key.Key_Return)  # "need" replaces "said", whose span goes
        assert sorted(s[3] for s in one[-1][0]).count("CUE") == 1
        _select_label(window, "QUOTE")
        _edit(qtbot, window, one, 1, Qt.Key.Key_F2)  # the speaker's full name
        assert json.loads(next(s[6] for s in one[-1][0] if s[3] == "QUOTE")) == {
            "speaker_name": "Mr Hussain"
        }
        _edit(qtbot, window, one, 1, Qt.Key.Key_3)  # story label politics
        _edit(qtbot, window, one, 1, Qt.Key.Key_4)  # sport replaces it
        _select_label(window, "BOILERPLATE")
        _edit(qtbot, window, one, 1, Qt.Key.Key_Delete)  # not boilerplate after all
        view.select_text(*find(TEXT, "Please use Chrome browser"))
        _edit(qtbot, window, one, 1, Qt.Key.Key_B)  # but this part is
        _select_label(window, "QUOTE")
        _edit(qtbot, window, one, 1, Qt.Key.Key_Delete)  # the quote, its speaker and cue
        assert not {"QUOTE", "SPEAKER", "CUE"} & {s[3] for s in one[-1][0]}
        _edit(qtbot, window, one, 1, Qt.Key.Key_N, Ctrl | Shift)  # a note
        assert any(not s[5] for s in one[-1][0])  # accepting marks the rest reviewed
        _edit(qtbot, window, one, 1, Qt.Key.Key_Return, Ctrl)  # accept: on to document 2
        qtbot.waitUntil(lambda: window.editor.document_id == 2)

        two = states[2]
        two.append(dump(project, 2))
        _edit(qtbot, window, two, 2, Qt.Key.Key_Delete, Ctrl | Shift)  # clear suggestions
        view.select_text(*find(OTHER_TEXT, "London"))
        _edit(qtbot, window, two, 2, Qt.Key.Key_G)  # add GPE
        with Store(project) as other:  # a newer model run arrives
            other.replace_annotations(
                2, "model:test@2",
                [SpanData(0, 11, "PERSON"), SpanData(*find(OTHER_TEXT, "Tuesday"), "DATE")],
            )  # fmt: skip
        _edit(qtbot, window, two, 2, Qt.Key.Key_M, Ctrl | Shift)  # merge them in
        assert {s[3] for s in two[-1][0]} == {"PERSON", "GPE", "DATE"}
        _edit(qtbot, window, two, 2, Qt.Key.Key_A, Ctrl | Shift)  # accept all suggestions
        _edit(qtbot, window, two, 2, Qt.Key.Key_1)  # story label business
        _edit(qtbot, window, two, 2, Qt.Key.Key_Return, Ctrl | Shift)  # skip the document
        assert two[-1][4] == "skipped"
        assert window.editor.document_id == 2  # nothing else unfinished
        _edit(qtbot, window, two, 2, Qt.Key.Key_R, Ctrl | Shift)  # reopen it
    finally:
        window.close()
        window.store.close()
    return states


def _walk(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, project: Path, doc: int, states: list[Dump],
    other: tuple[int, Dump],
) -> None:  # fmt: skip
    """Ctrl+Z back to the first state, one state per key; Ctrl+Shift+Z forward to the last."""
    window.open_document(doc)
    qtbot.waitUntil(lambda: window.editor.document_id == doc)
    assert dump(project, doc) == states[-1]
    for expected in reversed(states[:-1]):
        _press(qtbot, window, Qt.Key.Key_Z, Ctrl)
        assert "earlier session" in window.statusBar().currentMessage()
        assert dump(project, doc) == expected
    _press(qtbot, window, Qt.Key.Key_Z, Ctrl)
    assert window.statusBar().currentMessage() == "Nothing to undo in this document"
    for expected in states[1:]:
        _press(qtbot, window, Qt.Key.Key_Z, Ctrl | Shift)
        assert window.statusBar().currentMessage().startswith("Redo:")
        assert dump(project, doc) == expected
    _press(qtbot, window, Qt.Key.Key_Z, Ctrl | Shift)
    assert window.statusBar().currentMessage() == "Nothing to redo in this document"
    assert dump(project, other[0]) == other[1]  # the other document was left alone


def test_every_edit_is_undone_and_redone_after_a_restart(
    qtbot, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    states = _session_one(qtbot, project, monkeypatch)
    assert len(states[1]) == 16 and len(states[2]) == 8

    second = open_window(qtbot, project)
    try:
        _walk(qtbot, second, project, 2, states[2], (1, states[1][-1]))
        _walk(qtbot, second, project, 1, states[1], (2, states[2][-1]))
        for _ in range(4):  # leave the last four steps of document 1 undone
            _press(qtbot, second, Qt.Key.Key_Z, Ctrl)
        assert dump(project, 1) == states[1][-5]
    finally:
        second.close()
        second.store.close()

    third = open_window(qtbot, project)  # what the second session undid can be redone
    try:
        third.open_document(1)
        qtbot.waitUntil(lambda: third.editor.document_id == 1)
        for expected in states[1][-4:]:
            _press(qtbot, third, Qt.Key.Key_Z, Ctrl | Shift)
            assert dump(project, 1) == expected
        for expected in reversed(states[1][:-1]):  # and everything undone again
            _press(qtbot, third, Qt.Key.Key_Z, Ctrl)
            assert dump(project, 1) == expected
    finally:
        third.close()
        third.store.close()


def test_this_sessions_edits_and_an_earlier_sessions_share_one_undo_stack(
    qtbot, project: Path
) -> None:  # type: ignore[no-untyped-def]
    first = open_window(qtbot, project)
    states = [dump(project, 1)]
    try:
        first.view.select_text(*find(TEXT, "ceasefire"))
        _edit(qtbot, first, states, 1, Qt.Key.Key_E)
        _select_label(first, "QUOTE")
        _edit(qtbot, first, states, 1, Qt.Key.Key_Delete)
    finally:
        first.close()
        first.store.close()

    second = open_window(qtbot, project)
    try:
        second.open_document(1)
        _select_label(second, "DATE")
        _edit(qtbot, second, states, 1, Qt.Key.Key_Delete)
        _edit(qtbot, second, states, 1, Qt.Key.Key_5)  # story label tech
        for n, expected in enumerate(reversed(states[:-1])):
            _press(qtbot, second, Qt.Key.Key_Z, Ctrl)
            assert ("earlier session" in second.statusBar().currentMessage()) == (n >= 2)
            assert dump(project, 1) == expected
        for expected in states[1:]:
            _press(qtbot, second, Qt.Key.Key_Z, Ctrl | Shift)
            assert dump(project, 1) == expected
        # A new edit after undoing into the earlier session drops what could be redone.
        for _ in range(3):
            _press(qtbot, second, Qt.Key.Key_Z, Ctrl)
        assert dump(project, 1) == states[1]
        _select_label(second, "GPE")
        _press(qtbot, second, Qt.Key.Key_L)  # Gaza relabelled LOC
        after = dump(project, 1)
        _press(qtbot, second, Qt.Key.Key_Z, Ctrl | Shift)
        assert second.statusBar().currentMessage() == "Nothing to redo in this document"
    finally:
        second.close()
        second.store.close()

    third = open_window(qtbot, project)
    try:
        third.open_document(1)
        _press(qtbot, third, Qt.Key.Key_Z, Ctrl | Shift)
        assert third.statusBar().currentMessage() == "Nothing to redo in this document"
        assert dump(project, 1) == after
        _press(qtbot, third, Qt.Key.Key_Z, Ctrl)  # the relabel
        assert dump(project, 1) == states[1]
        _press(qtbot, third, Qt.Key.Key_Z, Ctrl)  # the first session's add
        assert dump(project, 1) == states[0]
    finally:
        third.close()
        third.store.close()


def test_an_earlier_sessions_step_never_overwrites_a_change_made_elsewhere(
    qtbot, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(PickMentionDialog, "ask", classmethod(lambda cls, *a: 0))
    first = open_window(qtbot, project)
    try:
        _select_label(first, "QUOTE")
        _press(qtbot, first, Qt.Key.Key_S, Ctrl | Shift)  # speaker Hussain
        _select_label(first, "GPE")
        _press(qtbot, first, Qt.Key.Key_Delete)
    finally:
        first.close()
        first.store.close()
    second = open_window(qtbot, project)
    try:
        second.open_document(1)
        _press(qtbot, second, Qt.Key.Key_Z, Ctrl)  # Gaza comes back
        assert "GPE" in [s.label for s in second.view.spans]
        with Store(project) as other:  # another window renames the speaker, drops Gaza again
            quote = next(s for s in other.spans(1, ME) if s.label == "QUOTE")
            other.update_span(quote.id or 0, attrs={**quote.attrs, "speaker_name": "Mr H."})
            gaza = next(s for s in other.spans(1, ME) if s.label == "GPE")
            other.delete_span(gaza.id or 0)
        changed = dump(project, 1)
        _press(qtbot, second, Qt.Key.Key_Z, Ctrl | Shift)  # redo the delete: Gaza is gone
        assert "changed elsewhere since; redo skipped" in second.statusBar().currentMessage()
        _press(qtbot, second, Qt.Key.Key_Z, Ctrl)  # the speaker link: its name changed
        assert "changed elsewhere since; undo skipped" in second.statusBar().currentMessage()
        assert dump(project, 1) == changed  # nothing overwritten: still "Mr H.", no Gaza
    finally:
        second.close()
        second.store.close()
