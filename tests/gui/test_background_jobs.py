"""Import (Ctrl+O) and export (Ctrl+E) run in the background like pre-annotation: progress and
Cancel in the status bar, the window usable meanwhile. The real import/export runs; a gate on
its first cancel check holds it still while the test presses keys."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.gui import dialogs, jobs
from annotator.gui.dialogs import ExportChoice
from annotator.gui.main_window import MainWindow
from annotator.model import SpanData
from annotator.store import Store

from .conftest import MODEL, open_window

Ctrl = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def two_docs(tmp_path: Path) -> Path:
    path = tmp_path / "p.db"
    with Store(path) as store:
        for name, text in (("a", "Rishi Sunak spoke in London."), ("b", "It rained on Tuesday.")):
            doc, _ = store.add_document(f"{name}.txt", text, title=name)
            store.replace_annotations(doc, MODEL, [SpanData(0, 5, "PERSON")], [])
    return path


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Import and export tasks wait at their first cancel check until the event is set."""
    release = threading.Event()
    entered = threading.Event()

    def gated(make: Any) -> Any:
        def factory(*args: Any, **kwargs: Any) -> Any:
            task = make(*args, **kwargs)

            def run(store: Any, progress: Any, cancel: Any) -> Any:
                def held() -> bool:
                    entered.set()
                    release.wait()
                    return bool(cancel())

                return task(store, progress, held)

            return run

        return factory

    monkeypatch.setattr(jobs, "import_task", gated(jobs.import_task))
    monkeypatch.setattr(jobs, "export_task", gated(jobs.export_task))
    release.entered = entered  # type: ignore[attr-defined]
    yield release
    release.set()


def _articles(tmp_path: Path, n: int) -> list[Path]:
    paths = []
    for i in range(n):
        path = tmp_path / f"new{i}.txt"
        path.write_text(f"Article {i}\nMr Hussain spoke in Leeds.", encoding="utf-8")
        paths.append(path)
    return paths


def _keys_work_while_held(qtbot, window: MainWindow, gate: threading.Event) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(gate.entered.is_set, timeout=60_000)  # type: ignore[attr-defined]
    assert window.job_progress.isVisible() and QApplication.activeModalWidget() is None
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, Ctrl)  # documents can be opened
    assert window.editor.document_id == 2
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp, Ctrl)
    assert window.editor.document_id == 1
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Ctrl)  # and edited: accept the document
    assert window.store.status(1, window.annotator) == "done"  # saved while the job waits
    assert window.editor.document_id == 2
    assert window.job_progress.isVisible()  # still held


def test_import_runs_in_the_background_and_the_list_fills_in(  # type: ignore[no-untyped-def]
    qtbot, two_docs: Path, tmp_path: Path, gate: threading.Event, monkeypatch
) -> None:
    files = _articles(tmp_path, 3)
    monkeypatch.setattr(dialogs.ImportDialog, "ask", classmethod(lambda cls, *a, **k: files))
    window = open_window(qtbot, two_docs)
    try:
        qtbot.keyClick(window.view, Qt.Key.Key_O, Ctrl)
        _keys_work_while_held(qtbot, window, gate)
        assert window.documents.table.model().rowCount() == 2
        gate.set()
        qtbot.waitUntil(lambda: not window.job_progress.isVisible(), timeout=60_000)
        qtbot.waitUntil(lambda: window.documents.table.model().rowCount() == 5, timeout=10_000)
        status = window.statusBar().currentMessage()
        assert "Imported 3 document(s)" in status and "cancelled" not in status
    finally:
        window.close()
        window.store.close()


def test_import_can_be_cancelled_from_the_status_bar(  # type: ignore[no-untyped-def]
    qtbot, two_docs: Path, tmp_path: Path, gate: threading.Event, monkeypatch
) -> None:
    files = _articles(tmp_path, 3)
    monkeypatch.setattr(dialogs.ImportDialog, "ask", classmethod(lambda cls, *a, **k: files))
    window = open_window(qtbot, two_docs)
    try:
        qtbot.keyClick(window.view, Qt.Key.Key_O, Ctrl)
        qtbot.waitUntil(gate.entered.is_set, timeout=60_000)  # type: ignore[attr-defined]
        qtbot.mouseClick(window.job_progress.cancel, Qt.MouseButton.LeftButton)
        assert "cancelling" in window.job_progress.label.text()
        gate.set()
        qtbot.waitUntil(lambda: not window.job_progress.isVisible(), timeout=60_000)
        assert "(cancelled)" in window.statusBar().currentMessage()
        assert window.documents.table.model().rowCount() == 2
    finally:
        window.close()
        window.store.close()


def _export_choice(out: Path) -> ExportChoice:
    return ExportChoice(
        format="jsonl", out=out, layer=MODEL, status="all", split="",
        include_boilerplate=False,
    )  # fmt: skip


@pytest.mark.parametrize("cancel", [False, True])
def test_export_runs_in_the_background_and_can_be_cancelled(  # type: ignore[no-untyped-def]
    qtbot, two_docs: Path, tmp_path: Path, gate: threading.Event, monkeypatch, cancel: bool
) -> None:
    out = tmp_path / "out.jsonl"
    monkeypatch.setattr(
        dialogs.ExportDialog, "ask", classmethod(lambda cls, *a: _export_choice(out))
    )
    window = open_window(qtbot, two_docs)
    try:
        qtbot.keyClick(window.view, Qt.Key.Key_E, Ctrl)
        _keys_work_while_held(qtbot, window, gate)
        if cancel:
            qtbot.mouseClick(window.job_progress.cancel, Qt.MouseButton.LeftButton)
        gate.set()
        qtbot.waitUntil(lambda: not window.job_progress.isVisible(), timeout=60_000)
        status = window.statusBar().currentMessage()
        if cancel:
            assert "cancelled" in status and not out.exists()
        else:
            assert "Exported 2 document(s)" in status and out.exists()
        assert QApplication.activeModalWidget() is None
    finally:
        window.close()
        window.store.close()
