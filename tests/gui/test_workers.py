"""Background jobs from the menus: import and export run in workers with their own Store."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from annotator.gui.dialogs import ExportChoice, ExportDialog, ImportDialog
from annotator.gui.main_window import MainWindow
from annotator.gui.workers import TaskRunner
from annotator.store import Store


def test_import_folder_from_the_menu(
    qtbot, monkeypatch, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(f"Headline {i}\nBody of article {i}.", encoding="utf-8")
    monkeypatch.setattr(
        ImportDialog, "ask", classmethod(lambda cls, p, folder=False: [tmp_path / "in"])
    )
    window.actions["import_folder"].trigger()
    assert window.runner.busy
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    assert window.documents.model.rowCount() == 5
    assert "Imported 3 document(s)" in window.statusBar().currentMessage()


def test_export_from_the_menu(qtbot, monkeypatch, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.actions["accept_document"].trigger()
    out = tmp_path / "gold.jsonl"
    choice = ExportChoice("jsonl", out, "gold", "done", "", False)
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, *a: choice))
    window.actions["export"].trigger()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    assert "Exported 1 document(s)" in window.statusBar().currentMessage()
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 1


def test_worker_uses_its_own_connection_and_stops_on_cancel(qtbot, project: Path) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner(db_path=project)
    seen: dict[str, object] = {}
    gate = threading.Event()

    def task(store, progress, cancel):  # type: ignore[no-untyped-def]
        seen["thread"] = threading.current_thread()
        seen["store"] = store
        gate.wait(5)
        return "stopped" if cancel() else "ran"

    outcome: list[object] = []
    job = runner.start("t", task, on_done=outcome.append, on_error=lambda e, tb: outcome.append(e))
    job.cancel.set()
    gate.set()
    qtbot.waitUntil(lambda: bool(outcome))
    assert outcome == ["stopped"]
    assert seen["thread"] is not threading.main_thread()
    assert isinstance(seen["store"], Store)


def test_user_errors_are_one_line_in_the_status_bar(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from annotator.errors import ModelError

    def task(store, progress, cancel):  # type: ignore[no-untyped-def]
        raise ModelError("cannot load spaCy pipeline 'nope'")

    window.runner.start("t", task, on_done=print, on_error=lambda e, tb: window.report_error(e))
    qtbot.waitUntil(lambda: not window.runner.busy)
    assert window.statusBar().currentMessage() == "cannot load spaCy pipeline 'nope'"


@pytest.mark.parametrize("bug", [ValueError("boom")])
def test_bugs_are_reported_and_logged(window: MainWindow, bug: Exception, caplog) -> None:  # type: ignore[no-untyped-def]
    window.report_error(bug)
    assert "ValueError: boom" in window.statusBar().currentMessage()
    assert "unexpected error" in caplog.text
