"""Team work in the real windows: a packed file labelled by keys, adjudication by keys,
the agreement view."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from annotator.gui.adjudication import AdjudicationWindow
from annotator.gui.main_window import MainWindow
from annotator.model import GOLD_LAYER, Label, SpanData
from annotator.ops.adjudication import progress
from annotator.ops.agreement import agreement
from annotator.ops.packs import merge, pack
from annotator.store import Store

from .conftest import ME, TEXT, find

CTRL = Qt.KeyboardModifier.ControlModifier


def shown(qtbot, win: QMainWindow) -> None:  # type: ignore[no-untyped-def]
    """Show a window and give its text the keyboard, as a user's click would."""
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.view.setFocus()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.view)  # type: ignore[attr-defined]


def test_a_packed_file_labelled_in_the_window_merges_back(
    qtbot, project: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    packed = tmp_path / "ana.db"
    with Store(project) as store:
        pack(store, annotator=ME, query="all", out=packed)
    store = Store(packed)
    win = MainWindow(store=store, annotator=ME, poll_ms=50)
    shown(qtbot, win)
    assert win.editor.document_id == 1 and win.view.spans  # the suggestions came along
    ceasefire = TEXT.index("ceasefire")
    win.view.select_text(ceasefire, ceasefire + len("ceasefire"))
    qtbot.keyClick(win.view, Qt.Key.Key_O)  # the selection becomes an ORG
    qtbot.keyClick(win.view, Qt.Key.Key_Return, CTRL)  # accept, on to the next document
    qtbot.waitUntil(lambda: win.editor.document_id == 2)
    qtbot.keyClick(win.view, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: store.status(2, ME) == "done")
    win.close()
    store.close()
    with Store(project) as home:
        report = merge(home, [packed])
        assert report.layers_taken == 2 and not report.conflicts
        assert [home.status(d, ME) for d in (1, 2)] == ["done", "done"]
        orgs = [s for s in home.spans(1, ME) if s.label == "ORG"]
        assert [(TEXT[s.start : s.end], s.source) for s in orgs] == [("ceasefire", "human")]
        assert merge(home, [packed]).layers_taken == 0


def two_annotators(path: Path) -> None:
    """Both documents finished by ann and ben, who differ on two stretches of the first."""
    with Store(path) as store:
        gaza, monday, starmer = find(TEXT, "Gaza"), find(TEXT, "Monday"), find(TEXT, "Keir Starmer")
        versions = {
            "ann": [SpanData(*starmer, "PERSON", "human"), SpanData(*gaza, "GPE", "human")],
            "ben": [SpanData(*starmer, "PERSON", "human"), SpanData(*gaza, "LOC", "human"),
                    SpanData(*monday, "DATE", "human")],
        }  # fmt: skip
        for name, spans in versions.items():
            store.replace_annotations(1, name, spans)
            store.replace_annotations(2, name, [SpanData(0, 11, "PERSON", "human")])
            for doc in (1, 2):
                store.set_status(doc, name, "done")


def gold(store: Store, doc: int = 1) -> list[tuple[str, str, str]]:
    text = store.document_text(doc)
    return [
        (text[s.start : s.end], s.label, s.attrs.get("provenance", ""))
        for s in store.spans(doc, GOLD_LAYER)
    ]


def test_adjudication_by_keys_with_undo(qtbot, project: Path) -> None:  # type: ignore[no-untyped-def]
    two_annotators(project)
    store = Store(project)
    win = MainWindow(store=store, annotator="judge", poll_ms=50)
    shown(qtbot, win)
    qtbot.keyClick(win.view, Qt.Key.Key_J, CTRL)  # Document ▸ Adjudicate
    adj = win.team.adjudication
    assert isinstance(adj, AdjudicationWindow)
    shown(qtbot, adj)
    view = adj.view
    assert adj.document_id == 1
    assert gold(store) == [("Keir Starmer", "PERSON", "agreed")]
    assert adj.documents.item(0).text().endswith("0/2 settled")
    assert adj.documents.item(1).text().endswith("0 to settle")  # not opened yet
    assert adj.versions.item(1).text() == "2  ben: LOC “Gaza”"
    qtbot.keyClick(view, Qt.Key.Key_2)  # ben's Gaza
    assert gold(store)[1] == ("Gaza", "LOC", "picked:ben")
    assert adj.current == 1  # moved on to the next open stretch (Monday)
    qtbot.keyClick(view, Qt.Key.Key_K)
    qtbot.keyClick(view, Qt.Key.Key_1)  # changed mind: ann's GPE
    assert gold(store)[1] == ("Gaza", "GPE", "picked:ann")
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert gold(store)[1] == ("Gaza", "LOC", "picked:ben")
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert gold(store) == [("Keir Starmer", "PERSON", "agreed")]
    assert progress(store, 1) == (0, 2)
    assert adj.current == 1  # undo leaves the view where it was (Monday)
    qtbot.keyClick(view, Qt.Key.Key_K)
    qtbot.keyClick(view, Qt.Key.Key_1)  # ann's GPE
    assert adj.where.text().startswith("Disagreement 2 of 2")
    assert "entity “Monday”: open" in adj.where.text()  # the words, not offsets
    qtbot.keyClick(view, Qt.Key.Key_X)  # Monday: ann had nothing, ben a DATE; reject both
    assert progress(store, 1) == (2, 2) and store.status(1, GOLD_LAYER) == "done"
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # …but Monday is a TIME, drawn by hand
    view.select_text(*find(TEXT, "Monday"))
    qtbot.keyClick(view, Qt.Key.Key_T)
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)  # keep gold as edited
    assert gold(store) == [
        ("Keir Starmer", "PERSON", "agreed"), ("Gaza", "GPE", "picked:ann"),
        ("Monday", "TIME", "edited"),
    ]  # fmt: skip
    assert store.status(1, GOLD_LAYER) == "done"
    assert adj.documents.item(0).text().endswith("2/2 settled")
    drawn = [e for e in store.edit_log(1) if e["action"] == "span:create"]
    assert [(e["annotator"], e["layer"]) for e in drawn] == [("judge", GOLD_LAYER)]
    qtbot.keyClick(view, Qt.Key.Key_PageDown, CTRL)  # the second document: all agreed
    assert adj.document_id == 2 and store.status(2, GOLD_LAYER) == "done"
    assert adj.where.text().startswith("The annotators agree everywhere")
    qtbot.keyClick(view, Qt.Key.Key_J)  # nothing to step to: a message, no change
    assert "No disagreement" in adj.statusBar().currentMessage()
    qtbot.keyClick(view, Qt.Key.Key_PageUp, CTRL)
    assert adj.document_id == 1
    adj.close()
    win.close()
    store.close()


def test_agreement_view_draws_the_report(qtbot, project: Path) -> None:  # type: ignore[no-untyped-def]
    two_annotators(project)
    with Store(project) as store:
        store.add_labels([Label("POS", "category", group="tone"),
                          Label("NEG", "category", group="tone")])  # fmt: skip
        for doc, (a, b) in {1: ("POS", "POS"), 2: ("NEG", "POS")}.items():
            store.set_document_label(doc, "ann", a, "accept")
            store.set_document_label(doc, "ben", b, "accept")
    store = Store(project)
    win = MainWindow(store=store, annotator="judge", poll_ms=50)
    shown(qtbot, win)
    qtbot.keyClick(win.view, Qt.Key.Key_K, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: win.team.agreement_dialog is not None)  # computed in a worker
    dialog = win.team.agreement_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    expected = agreement(store)
    heat, _colorbar, bars = dialog.figure.axes[0], dialog.figure.axes[2], dialog.figure.axes[1]
    drawn = heat.images[0].get_array()
    pair = expected.pair("ann", "ben")
    assert pair is not None and np.isclose(drawn[0, 1], pair.cohen_kappa)
    assert [t.get_text() for t in bars.get_xticklabels()] == [s.label for s in expected.labels]
    # ann POS NEG, ben POS POS: observed 1/2 = chance, κ 0
    assert "Document categories, tone: the set κ 0.00" in dialog.categories.text()
    assert "POS κ 0.00" in dialog.categories.text() and "(2 docs)" in dialog.categories.text()
    dialog.score_choice.setFocus()
    qtbot.keyClick(dialog.score_choice, Qt.Key.Key_Down)  # exact span F1
    heat = dialog.figure.axes[0]
    assert np.isclose(heat.images[0].get_array()[0, 1], pair.exact_f1)
    dialog.close()
    win.close()
    store.close()


def test_readme_lists_the_adjudication_keys() -> None:
    from annotator.gui.bindings import ADJUDICATION_BINDINGS, key_rows

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    rows = "\n".join(
        f"| {keys} | {what} |" for _menu, keys, what in key_rows(ADJUDICATION_BINDINGS)
    )
    mark = "adjudication-keys"
    assert f"<!-- {mark} -->\n| keys | what |\n|---|---|\n{rows}\n<!-- /{mark} -->" in readme


def test_every_adjudication_key_runs_its_command(qtbot, project: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QKeySequence

    from annotator.gui.bindings import ADJUDICATION_BINDINGS, label_keys
    from annotator.gui.commands import resolve

    two_annotators(project)
    store = Store(project)
    adj = AdjudicationWindow(store=store, adjudicator="judge")
    shown(qtbot, adj)
    keys = [(k, b.name) for b in ADJUDICATION_BINDINGS for k in b.keys]
    labels = {k.upper() for label in adj.scheme for k in label_keys(label.key)}
    normal = [QKeySequence(k).toString() for k, _name in keys]
    assert len(set(normal)) == len(normal) and not labels & set(normal)  # no key taken twice
    for binding in ADJUDICATION_BINDINGS:
        assert callable(resolve(adj, binding.target)), binding.target
    ran: list[str] = []
    adj.command_triggered.connect(ran.append)
    missed = []
    for key, name in keys:
        if name in {"close_adjudication", "link_speaker", "link_cue", "edit_speaker_name"}:
            continue  # closing, and quote linking (covered in the main window's own test)
        ran.clear()
        combination = QKeySequence(key)[0]
        adj.activateWindow()
        adj.view.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is adj.view)
        qtbot.keyClick(adj.view, combination.key(), combination.keyboardModifiers())
        if ran != [name]:
            missed.append((key, name, list(ran)))
        for widget in QApplication.topLevelWidgets():
            if widget is not adj and widget.isVisible():
                widget.close()  # the help window
    assert not missed
    qtbot.keyClick(adj.view, Qt.Key.Key_W, CTRL)
    assert not adj.isVisible()
    store.close()


def test_story_categories_agreed_in_gold_and_set_with_the_panel(  # type: ignore[no-untyped-def]
    qtbot, project: Path
) -> None:
    two_annotators(project)
    with Store(project) as store:
        store.add_labels([Label("POLITICS", "category", group="topic", multi=True),
                          Label("WAR", "category", group="topic", multi=True),
                          Label("POS", "category", group="tone"),
                          Label("NEG", "category", group="tone")])  # fmt: skip
        for name, labels in (("ann", ["POLITICS", "WAR", "POS"]), ("ben", ["POLITICS", "NEG"])):
            for label in labels:
                store.set_document_label(1, name, label, "accept")
            store.set_document_label(2, name, "POS", "accept")
    store = Store(project)
    adj = AdjudicationWindow(store=store, adjudicator="judge")
    shown(qtbot, adj)
    assert adj.document_id == 1
    panel = adj.story_labels
    assert store.document_labels(1, GOLD_LAYER) == {"POLITICS": "accept"}  # the agreed one
    assert panel.buttons["POLITICS"].isChecked() and not panel.buttons["WAR"].isChecked()
    text = adj.story_disagreements.text()
    assert "topic: WAR differs (ann WAR; ben nothing); gold: nothing" in text
    assert "tone differs (ann POS; ben NEG); gold: nothing" in text
    qtbot.mouseClick(panel.buttons["NEG"], Qt.MouseButton.LeftButton)
    assert store.document_labels(1, GOLD_LAYER) == {"NEG": "accept", "POLITICS": "accept"}
    assert store.document_labels(1, "ann")["POS"] == "accept"  # the annotators' layers stay
    assert "tone differs (ann POS; ben NEG); gold: NEG" in adj.story_disagreements.text()
    assert QApplication.focusWidget() is adj.view  # the keys go on settling spans
    log = [e for e in store.edit_log(1) if e["action"] == "doc_label:set"]
    assert [(e["annotator"], e["layer"]) for e in log][-1:] == [("judge", GOLD_LAYER)]
    qtbot.keyClick(adj.view, Qt.Key.Key_Z, CTRL)  # undo takes gold's tone back
    assert store.document_labels(1, GOLD_LAYER) == {"POLITICS": "accept"}
    assert not panel.buttons["NEG"].isChecked()
    qtbot.keyClick(adj.view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert store.document_labels(1, GOLD_LAYER) == {"NEG": "accept", "POLITICS": "accept"}
    qtbot.keyClick(adj.view, Qt.Key.Key_PageDown, CTRL)  # the second document: all agreed
    qtbot.waitUntil(lambda: adj.document_id == 2)
    assert store.document_labels(2, GOLD_LAYER) == {"POS": "accept"}
    assert panel.buttons["POS"].isChecked() and not panel.buttons["NEG"].isChecked()
    assert adj.story_disagreements.isHidden()
    qtbot.keyClick(adj.view, Qt.Key.Key_PageUp, CTRL)
    qtbot.waitUntil(lambda: adj.document_id == 1)
    assert panel.buttons["NEG"].isChecked() and not panel.buttons["POS"].isChecked()
    adj.close()
    store.close()


def test_document_progress_is_computed_for_the_rows_in_view(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path
) -> None:
    from annotator.gui.adjudication import FIRST_ROWS

    store = Store(tmp_path / "many.db")
    many = FIRST_ROWS + 80
    with store.transaction():
        for i in range(many):
            doc, _ = store.add_document(f"n{i:03}.txt", f"Ann Lee went to Paris on day {i}.")
            for name, label in (("ann", "GPE"), ("ben", "LOC")):
                store.replace_annotations(doc, name, [SpanData(16, 21, label, "human")])
                store.set_status(doc, name, "done")
    adj = AdjudicationWindow(store=store, adjudicator="judge")
    qtbot.addWidget(adj)
    adj.show()
    qtbot.waitExposed(adj)
    rows = adj.documents
    assert rows.count() == many
    assert rows.item(0).text().endswith("0/1 settled")  # opened: gold prepared
    assert rows.item(1).text().endswith("1 to settle")
    assert rows.item(many - 1).text().endswith("…")  # far below: not computed yet
    rows.setFocus()
    qtbot.keyClick(rows, Qt.Key.Key_End)  # scroll to the last document
    qtbot.waitUntil(lambda: rows.item(many - 1).text().endswith("1 to settle"))
    assert rows.item(FIRST_ROWS + 5).text().endswith("…")  # scrolled past, never shown
    qtbot.keyClick(rows, Qt.Key.Key_Home)
    assert rows.item(FIRST_ROWS + 5).text().endswith("…")
    qtbot.keyClick(rows, Qt.Key.Key_Return)  # open the first: its own row stays right
    assert adj.document_id == 1 and rows.item(0).text().endswith("0/1 settled")
    adj.close()
    store.close()
