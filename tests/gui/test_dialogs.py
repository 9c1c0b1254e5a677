"""Dialogs that must not lose the user's choices or cancel work on a stray key."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget

from annotator.gui.dialogs import ExportDialog
from annotator.gui.workers import TaskRunner


def test_export_ok_without_a_destination_keeps_the_dialog_open(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(None, ["jsonl", "conll"], "ana")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format.setCurrentText("conll")
    dialog.split.setText("train=0.8,dev=0.2")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.problem.isVisibleTo(dialog) and "where to write" in dialog.problem.text()
    assert (dialog.format.currentText(), dialog.split.text()) == ("conll", "train=0.8,dev=0.2")
    dialog.out.setText("/tmp/out.conll")
    assert not dialog.problem.isVisibleTo(dialog)
    ok.click()
    assert not dialog.isVisible() and dialog.result() == 1


def test_return_does_not_cancel_a_job_and_cancel_says_cancelling(qtbot, project: Path) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    runner = TaskRunner(db_path=project)
    gate = threading.Event()

    def task(store, progress, cancel):  # type: ignore[no-untyped-def]
        while not cancel() and not gate.is_set():
            gate.wait(0.02)
        return "stopped" if cancel() else "ran"

    outcome: list[object] = []
    job = runner.start(
        "Importing…", task, on_done=outcome.append, on_error=lambda e, tb: outcome.append(e),
        dialog_parent=parent,
    )  # fmt: skip
    dialog = job.dialog
    assert dialog is not None
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # e.g. one Return too many after a file dialog
    qtbot.keyClick(dialog, Qt.Key.Key_Enter)
    assert not job.cancel.is_set()
    dialog.findChild(QPushButton).click()  # Cancel
    assert job.cancel.is_set()
    assert dialog.isVisible() and "Cancelling…" in dialog.labelText()
    qtbot.waitUntil(lambda: bool(outcome))
    assert outcome == ["stopped"]
