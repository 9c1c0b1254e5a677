"""Commands as data: every binding's keys reach its command, no two share a key, and the README
and the F1 help show the same table."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QTextBrowser

from annotator.gui import dialogs
from annotator.gui.bindings import BINDINGS, category_bindings, key_table_markdown, label_keys
from annotator.gui.commands import resolve
from annotator.gui.main_window import MainWindow
from annotator.gui.model_jobs import ModelDialog, TrainDialog
from annotator.model import SPAN_KINDS
from annotator.resources import default_labels

REPO = Path(__file__).resolve().parents[2]


def _normal(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)


def _all_keys() -> list[tuple[str, str]]:
    """Every key of the default window: its bindings, the document categories' bindings and
    the span labels' keys."""
    bindings = [*BINDINGS, *category_bindings(default_labels())]
    keys = [(_normal(k), b.name) for b in bindings for k in b.keys]
    for label in default_labels():
        if label.kind in SPAN_KINDS and label.key:
            keys += [(_normal(k), f"label:{label.name}") for k in label_keys(label.key)]
    return keys


def test_no_two_commands_share_a_key() -> None:
    counts = Counter(key for key, _name in _all_keys())
    shared = {key: [n for k, n in _all_keys() if k == key] for key, c in counts.items() if c > 1}
    assert not shared


def test_every_target_exists(window: MainWindow) -> None:
    for binding in BINDINGS:
        assert callable(resolve(window, binding.target)), binding.target


def _press(qtbot, window: MainWindow, key: str) -> None:  # type: ignore[no-untyped-def]
    combination = QKeySequence(key)[0]
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
    qtbot.keyClick(window.view, combination.key(), combination.keyboardModifiers())


def test_every_key_of_every_binding_runs_its_command(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Press each key for real (Alt+arrows, Shift+V, F2, Ctrl+Return, Ctrl+PgDown, …): a key
    taken by two actions, or by the text widget, would never arrive."""
    for name in ("NoteDialog", "PickMentionDialog", "SpeakerNameDialog", "ExportDialog"):
        monkeypatch.setattr(getattr(dialogs, name), "ask", classmethod(lambda cls, *a: None))
    monkeypatch.setattr(dialogs.ImportDialog, "ask", classmethod(lambda cls, *a, **k: []))
    monkeypatch.setattr(window.jobs, "preannotate", lambda *args: None)  # no spaCy run here
    monkeypatch.setattr(ModelDialog, "ask", classmethod(lambda cls, *a: (False, None)))
    monkeypatch.setattr(TrainDialog, "ask", classmethod(lambda cls, *a: None))
    monkeypatch.setattr(window.model_jobs, "evaluate_model", lambda: None)  # no spaCy either
    ran: list[str] = []
    window.command_triggered.connect(ran.append)
    missed = []
    quit_keys = []
    for key, name in _all_keys():
        if name == "quit":
            quit_keys.append(key)
            continue
        ran.clear()
        _press(qtbot, window, key)
        if ran != [name]:
            missed.append((key, name, list(ran)))
        for widget in QApplication.topLevelWidgets():
            if widget is not window and widget.isVisible():
                widget.close()  # the help windows
    assert not missed
    _press(qtbot, window, quit_keys[0])
    assert not window.isVisible()


def test_readme_key_table_is_generated_from_the_bindings() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"<!-- keys -->\n{key_table_markdown(default_labels())}\n<!-- /keys -->" in readme


def test_f1_help_lists_every_key(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _press(qtbot, window, "F1")
    helps = [w for w in QApplication.topLevelWidgets() if w.windowTitle() == "Keyboard shortcuts"]
    text = helps[-1].findChild(QTextBrowser).toPlainText()
    for binding in BINDINGS:
        for key in binding.keys:
            assert key in text, key
    assert "P O G N" in text
    helps[-1].close()
