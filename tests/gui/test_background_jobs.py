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

from annotator.gui import dialogs, jobs, model_jobs
from annotator.gui.dialogs import ExportChoice
from annotator.gui.main_window import MainWindow
from annotator.model import SpanData
from annotator.ops import workflow
from annotator.store import Store

from .conftest import ME, MODEL, make_project, open_window

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


@pytest.fixture
def import_window(  # type: ignore[no-untyped-def]
    qtbot, two_docs: Path, tmp_path: Path, monkeypatch
) -> Iterator[MainWindow]:
    """A window on two documents whose Ctrl+O imports three new articles (no file dialog)."""
    files = _articles(tmp_path, 3)
    monkeypatch.setattr(dialogs.ImportDialog, "ask", classmethod(lambda cls, *a, **k: files))
    window = open_window(qtbot, two_docs)
    yield window
    window.close()
    window.store.close()


def test_import_runs_in_the_background_and_the_list_fills_in(  # type: ignore[no-untyped-def]
    qtbot, import_window: MainWindow, gate: threading.Event
) -> None:
    window = import_window
    qtbot.keyClick(window.view, Qt.Key.Key_O, Ctrl)
    _keys_work_while_held(qtbot, window, gate)
    assert window.documents.table.model().rowCount() == 2
    gate.set()
    qtbot.waitUntil(lambda: not window.job_progress.isVisible(), timeout=60_000)
    qtbot.waitUntil(lambda: window.documents.table.model().rowCount() == 5, timeout=10_000)
    status = window.statusBar().currentMessage()
    assert "Imported 3 document(s)" in status and "cancelled" not in status


def test_import_can_be_cancelled_from_the_status_bar(  # type: ignore[no-untyped-def]
    qtbot, import_window: MainWindow, gate: threading.Event
) -> None:
    window = import_window
    qtbot.keyClick(window.view, Qt.Key.Key_O, Ctrl)
    qtbot.waitUntil(gate.entered.is_set, timeout=60_000)  # type: ignore[attr-defined]
    qtbot.mouseClick(window.job_progress.cancel, Qt.MouseButton.LeftButton)
    assert "cancelling" in window.job_progress.label.text()
    gate.set()
    qtbot.waitUntil(lambda: not window.job_progress.isVisible(), timeout=60_000)
    assert "(cancelled)" in window.statusBar().currentMessage()
    assert window.documents.table.model().rowCount() == 2


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


# -- training and evaluation share the status bar: one job at a time, never a modal dialog ----
CtrlShift = Ctrl | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def held_evaluation(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The evaluation job waits at its start until the event is set."""
    release = threading.Event()
    entered = threading.Event()
    make = model_jobs.evaluate_task

    def factory(model: Any) -> Any:
        task = make(model)

        def run(store: Any, progress: Any, cancel: Any) -> Any:
            entered.set()
            release.wait()
            return task(store, progress, cancel)

        return run

    monkeypatch.setattr(model_jobs, "evaluate_task", factory)
    release.entered = entered  # type: ignore[attr-defined]
    yield release
    release.set()


def _dialogs_asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record (and cancel) every job dialog the keys would open."""
    asked: list[str] = []

    def ask(name: str, answer: Any) -> Any:
        return classmethod(lambda cls, *a, **k: asked.append(name) or answer)

    monkeypatch.setattr(model_jobs.TrainDialog, "ask", ask("train", None))
    monkeypatch.setattr(dialogs.ImportDialog, "ask", ask("import", []))
    monkeypatch.setattr(dialogs.ExportDialog, "ask", ask("export", None))
    return asked


def test_train_and_evaluate_wait_for_the_import_in_the_status_bar(  # type: ignore[no-untyped-def]
    qtbot, two_docs: Path, tmp_path: Path, gate: threading.Event, monkeypatch
) -> None:
    files = _articles(tmp_path, 2)
    asked = _dialogs_asked(monkeypatch)
    monkeypatch.setattr(dialogs.ImportDialog, "ask", classmethod(lambda cls, *a, **k: files))
    window = open_window(qtbot, two_docs)
    try:
        qtbot.keyClick(window.view, Qt.Key.Key_O, Ctrl)
        qtbot.waitUntil(gate.entered.is_set, timeout=60_000)  # type: ignore[attr-defined]
        for key in (Qt.Key.Key_T, Qt.Key.Key_E):
            window.statusBar().clearMessage()
            qtbot.keyClick(window.view, key, CtrlShift)
            assert window.statusBar().currentMessage() == (
                "Importing is still running (Cancel in the status bar)"
            )
            assert QApplication.activeModalWidget() is None
            assert [job.title for job in window.runner.jobs] == ["Importing"]
        assert asked == []  # refused before the training dialog opened
        assert window.job_progress.label.text() == "Importing"
        gate.set()
        qtbot.waitUntil(lambda: not window.runner.busy, timeout=60_000)
        assert "Imported 2 document(s)" in window.statusBar().currentMessage()
    finally:
        window.close()
        window.store.close()


def test_evaluation_holds_the_status_bar_and_other_jobs_are_refused(  # type: ignore[no-untyped-def]
    qtbot, two_docs: Path, held_evaluation: threading.Event, monkeypatch
) -> None:
    asked = _dialogs_asked(monkeypatch)
    window = open_window(qtbot, two_docs)
    title = "Evaluating against the gold documents"
    try:
        qtbot.keyClick(window.view, Qt.Key.Key_E, CtrlShift)
        qtbot.waitUntil(held_evaluation.entered.is_set, timeout=60_000)  # type: ignore[attr-defined]
        assert window.job_progress.isVisible() and window.job_progress.label.text() == title
        assert QApplication.activeModalWidget() is None
        presses = [(Qt.Key.Key_E, CtrlShift), (Qt.Key.Key_T, CtrlShift), (Qt.Key.Key_O, Ctrl),
                   (Qt.Key.Key_E, Ctrl), (Qt.Key.Key_R, Ctrl)]  # fmt: skip
        for key, modifiers in presses:
            window.statusBar().clearMessage()
            qtbot.keyClick(window.view, key, modifiers)
            assert window.statusBar().currentMessage() == (
                f"{title} is still running (Cancel in the status bar)"
            ), (key, modifiers)
            assert QApplication.activeModalWidget() is None
            assert [job.title for job in window.runner.jobs] == [title]
        assert asked == []
        qtbot.keyClick(window.view, Qt.Key.Key_PageDown, Ctrl)  # the window stays usable
        assert window.editor.document_id == 2
        qtbot.mouseClick(window.job_progress.cancel, Qt.MouseButton.LeftButton)
        assert "cancelling" in window.job_progress.label.text()
        held_evaluation.set()
        qtbot.waitUntil(lambda: not window.runner.busy, timeout=60_000)
        assert not window.job_progress.isVisible()
        assert QApplication.activeModalWidget() is None
    finally:
        window.close()
        window.store.close()


@pytest.mark.parametrize("curve", [False, True])
def test_cancel_in_the_status_bar_stops_training_at_once(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch, curve: bool
) -> None:
    """Cancel pressed as soon as the job shows: the training process is asked to stop only once
    it can stop cleanly (it used to die of the signal: "ended unexpectedly")."""
    path = tmp_path / "gold.db"
    make_project(path, tuple(f"Rishi Sunak spoke in city {i}.\nNothing else." for i in range(6)))
    with Store(path) as store:
        for doc in store.document_ids():
            workflow.open_document(store, doc, ME)
            workflow.set_status(store, doc, ME, "done")
    out = tmp_path / "m"
    choice = model_jobs.TrainChoice(out, None, True, 5000, curve)
    monkeypatch.setattr(model_jobs.TrainDialog, "ask", classmethod(lambda cls, *a: choice))
    window = open_window(qtbot, path)
    try:
        qtbot.keyClick(window.view, Qt.Key.Key_T, CtrlShift)
        assert window.job_progress.isVisible() and QApplication.activeModalWidget() is None
        qtbot.mouseClick(window.job_progress.cancel, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not window.runner.busy, timeout=240_000)
        status = window.statusBar().currentMessage()
        if curve:
            assert status == "Learning curve cancelled before the full model; nothing saved"
        else:  # stopped before its first evaluation, or after it with the best model kept
            assert "ended unexpectedly" not in status
            assert "no model was saved" in status or "Training stopped" in status, status
        assert QApplication.activeModalWidget() is None
    finally:
        window.close()
        window.store.close()
