"""Start-up: the first run on an empty default database, named databases, the annotator name."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.gui import app as app_module
from annotator.gui.dialogs import AnnotatorNameDialog
from annotator.gui.main_window import MainWindow
from annotator.model import SpanData
from annotator.store import Store

from .conftest import ME


def test_first_run_imports_and_preannotates_the_samples(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "default" / "annotator.db"
    store = Store(path)
    window = MainWindow(store=store, annotator=ME, is_default=True, poll_ms=100)
    qtbot.addWidget(window)
    window.show()
    assert window.busy_label.isVisibleTo(window)
    assert window.busy_label.text() == "Pre-annotating…"
    qtbot.waitUntil(lambda: len(window.view.spans) > 20, timeout=60_000)
    assert not window.busy_label.isVisibleTo(window)
    assert {s.source for s in window.view.spans} == {"model"}
    labels = {s.label for s in window.view.spans}
    assert {"PERSON", "QUOTE"} <= labels
    assert window.documents.model.rowCount() == store.count_documents() >= 1
    window.close()
    store.close()


def test_a_named_database_is_never_filled(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = Store(tmp_path / "mine.db")
    window = MainWindow(store=store, annotator=ME, is_default=False)
    qtbot.addWidget(window)
    assert not window.runner.busy and store.count_documents() == 0
    assert window.labels  # the label scheme was seeded from resources
    window.close()
    store.close()


def test_outside_changes_are_noticed(qtbot, window: MainWindow, project: Path) -> None:  # type: ignore[no-untyped-def]
    with Store(project) as other:  # a second process, e.g. the CLI
        other.add_span(1, ME, SpanData(0, 4, "CUE", source="human"))
        other.add_document("new.txt", "A third article.")
    qtbot.waitUntil(lambda: any(s.label == "CUE" and s.start == 0 for s in window.view.spans))
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 3)
    assert "Done 0 / 3" in window.progress_label.text()


def test_annotator_name_is_asked_once_and_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANNOTATOR_USER")
    app_module.settings().remove(app_module.SETTINGS_KEY)
    asked: list[str] = []

    def ask(cls, parent, default):  # type: ignore[no-untyped-def]
        asked.append(default)
        return "Bea"

    monkeypatch.setattr(AnnotatorNameDialog, "ask", classmethod(ask))
    assert app_module.resolve_annotator() == "Bea"
    assert app_module.resolve_annotator() == "Bea"
    assert len(asked) == 1
    assert app_module.resolve_annotator("explicit") == "explicit"
    monkeypatch.setenv("ANNOTATOR_USER", "env-user")
    assert app_module.resolve_annotator() == "env-user"
    app_module.settings().remove(app_module.SETTINGS_KEY)
