"""The adjudication window's undo and redo across sessions, as the main window's; and what it
says and does when it is opened again.

Two annotators finished two documents and differ on both. A first app session settles the
disagreements with the number keys and X and draws a span into gold by hand, on both documents,
taking a full dump of gold after each key; closing and reopening the adjudication window keeps
its history. A second app session on the same file walks Ctrl+Z back through every dump of each
document and Ctrl+Shift+Z forward again; a third finds what the second undid still there to
redo, and refuses a step whose rows another process changed since.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.gui.adjudication import AdjudicationWindow
from annotator.gui.main_window import MainWindow
from annotator.model import GOLD_LAYER, SpanData
from annotator.ops.adjudication import REJECTED, disagreements, settle
from annotator.store import Store

from .conftest import OTHER_TEXT, TEXT, find, layer_rows

Ctrl = Qt.KeyboardModifier.ControlModifier
Shift = Qt.KeyboardModifier.ShiftModifier
NoMod = Qt.KeyboardModifier.NoModifier
Dump = tuple[Any, ...]


def two_annotators(path: Path) -> None:
    """ann and ben finished both documents; they differ on two stretches of each."""
    with Store(path) as store:
        for doc, text, (person, place, when) in (
            (1, TEXT, ("Keir Starmer", "Gaza", "Monday")),
            (2, OTHER_TEXT, ("Rishi Sunak", "London", "Tuesday")),
        ):
            who = find(text, person)
            versions = {
                "ann": [SpanData(*who, "PERSON", "human"),
                        SpanData(*find(text, place), "GPE", "human")],
                "ben": [SpanData(*who, "PERSON", "human"),
                        SpanData(*find(text, place), "LOC", "human"),
                        SpanData(*find(text, when), "DATE", "human")],
            }  # fmt: skip
            for name, spans in versions.items():
                store.replace_annotations(doc, name, spans)
                store.set_status(doc, name, "done")


def dump(path: Path, doc: int) -> Dump:
    """All of a document's gold, read through a second connection: spans with ids and
    provenance, links, story labels, gold's status and every decision."""
    with Store(path) as store:
        return (*layer_rows(store, doc, GOLD_LAYER), store.document_labels(doc, GOLD_LAYER),
                store.status(doc, GOLD_LAYER), sorted(store.decisions(doc).items()))  # fmt: skip


def start_app(qtbot, path: Path) -> tuple[MainWindow, AdjudicationWindow]:  # type: ignore[no-untyped-def]
    """The app on ``path`` as the adjudicator, and the adjudication window opened by Ctrl+J."""
    win = MainWindow(store=Store(path), annotator="judge", poll_ms=50)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    adj = reopen(qtbot, win)
    return win, adj


def reopen(qtbot, win: MainWindow) -> AdjudicationWindow:  # type: ignore[no-untyped-def]
    win.activateWindow()
    win.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.view)
    qtbot.keyClick(win.view, Qt.Key.Key_J, Ctrl)
    adj = win.team.adjudication
    assert isinstance(adj, AdjudicationWindow)
    qtbot.waitExposed(adj)
    adj.activateWindow()
    adj.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is adj.view)
    return adj


def quit_app(qtbot, win: MainWindow, adj: AdjudicationWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(adj.view, Qt.Key.Key_W, Ctrl)  # Adjudicate ▸ Close
    qtbot.waitUntil(lambda: not adj.isVisible())
    win.close()
    win.store.close()


def press(qtbot, adj: AdjudicationWindow, key: Qt.Key, modifiers=NoMod) -> Dump:  # type: ignore[no-untyped-def]
    adj.view.setFocus()
    qtbot.keyClick(adj.view, key, modifiers)
    assert adj.document_id is not None
    return dump(adj.store.path, adj.document_id)


def edit(qtbot, adj: AdjudicationWindow, states: list[Dump], key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    states.append(press(qtbot, adj, key))
    assert states[-1] != states[-2], adj.statusBar().currentMessage()


def first_session(qtbot, path: Path) -> dict[int, list[Dump]]:  # type: ignore[no-untyped-def]
    win, adj = start_app(qtbot, path)
    assert adj.document_id == 1
    states = {1: [dump(path, 1)]}
    edit(qtbot, adj, states[1], Qt.Key.Key_2)  # Gaza: ben's LOC
    edit(qtbot, adj, states[1], Qt.Key.Key_X)  # Monday: neither
    adj.view.select_text(*find(TEXT, "Hussain"))  # nobody's, drawn into gold by hand
    edit(qtbot, adj, states[1], Qt.Key.Key_P)
    qtbot.keyClick(adj.view, Qt.Key.Key_PageDown, Ctrl)
    assert adj.document_id == 2
    states[2] = [dump(path, 2)]
    edit(qtbot, adj, states[2], Qt.Key.Key_1)  # London: ann's GPE
    edit(qtbot, adj, states[2], Qt.Key.Key_2)  # Tuesday: ben's DATE
    assert dump(path, 2)[3] == "done"
    # closed and opened again in the same session: the history is still there
    qtbot.keyClick(adj.view, Qt.Key.Key_W, Ctrl)
    qtbot.waitUntil(lambda: not adj.isVisible())
    assert reopen(qtbot, win) is adj and adj.document_id == 2
    assert press(qtbot, adj, Qt.Key.Key_Z, Ctrl) == states[2][-2]
    assert press(qtbot, adj, Qt.Key.Key_Z, Ctrl | Shift) == states[2][-1]
    quit_app(qtbot, win, adj)
    return states


def walk(qtbot, adj: AdjudicationWindow, states: list[Dump]) -> None:  # type: ignore[no-untyped-def]
    """From the last state Ctrl+Z back to the first, then Ctrl+Shift+Z forward to the last."""
    for state in reversed(states[:-1]):
        assert press(qtbot, adj, Qt.Key.Key_Z, Ctrl) == state, adj.statusBar().currentMessage()
    assert press(qtbot, adj, Qt.Key.Key_Z, Ctrl) == states[0]
    assert adj.statusBar().currentMessage() == "Nothing to undo in this document"
    for state in states[1:]:
        assert press(qtbot, adj, Qt.Key.Key_Z, Ctrl | Shift) == state
    assert press(qtbot, adj, Qt.Key.Key_Z, Ctrl | Shift) == states[-1]
    assert adj.statusBar().currentMessage() == "Nothing to redo in this document"


def test_gold_edits_are_undone_and_redone_after_a_restart(qtbot, project: Path) -> None:  # type: ignore[no-untyped-def]
    two_annotators(project)
    states = first_session(qtbot, project)
    assert len(states[1]) == 4 and len(states[2]) == 3

    win, adj = start_app(qtbot, project)  # restarted on the same file
    assert adj.document_id == 1  # every document is settled: the first one
    walk(qtbot, adj, states[1])
    qtbot.keyClick(adj.view, Qt.Key.Key_PageDown, Ctrl)
    assert adj.document_id == 2
    walk(qtbot, adj, states[2])
    assert "of 2 · 2 settled" in adj.where.text()  # redrawn
    press(qtbot, adj, Qt.Key.Key_Z, Ctrl)
    assert press(qtbot, adj, Qt.Key.Key_Z, Ctrl) == states[2][0]  # left undone for the next
    assert "of 2 · 0 settled" in adj.where.text()
    assert adj.documents.item(1).text().endswith("0/2 settled")
    quit_app(qtbot, win, adj)

    win, adj = start_app(qtbot, project)
    assert adj.document_id == 2  # the first with an open disagreement
    with Store(project) as other:  # another process settles London since
        london = next(d for d in disagreements(other, 2) if d.start == OTHER_TEXT.index("London"))
        settle(other, london, REJECTED, "someone")
    changed = dump(project, 2)
    assert changed != states[2][0]
    assert press(qtbot, adj, Qt.Key.Key_Z, Ctrl | Shift) == changed
    assert "changed elsewhere since; redo skipped" in adj.statusBar().currentMessage()
    quit_app(qtbot, win, adj)


def test_nothing_to_adjudicate_says_why_and_ctrl_j_reads_the_list_again(  # type: ignore[no-untyped-def]
    qtbot, project: Path
) -> None:
    win, adj = start_app(qtbot, project)  # nobody but the model has touched the documents
    assert adj.document_id is None and adj.documents.count() == 0
    assert adj.where.isVisible() and "finished by two or more annotators" in adj.where.text()
    qtbot.keyClick(adj.view, Qt.Key.Key_W, Ctrl)
    qtbot.waitUntil(lambda: not adj.isVisible())
    two_annotators(project)  # meanwhile ann and ben's work is merged in
    assert reopen(qtbot, win) is adj
    assert adj.document_id == 1 and adj.documents.count() == 2
    assert adj.where.text().startswith("Disagreement 1 of 2 · 0 settled")
    qtbot.keyClick(adj.view, Qt.Key.Key_2)  # and settling works: ben's LOC
    assert dump(project, 1)[4] == [(("entity", 21, 25), "picked:ben")]
    quit_app(qtbot, win, adj)
