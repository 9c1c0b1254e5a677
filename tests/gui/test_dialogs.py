"""Dialogs that must not lose the user's choices or cancel work on a stray key."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QWidget

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


def test_spacy_export_in_shards_from_the_dialog(qtbot, project: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+E, then the real dialog filled from the keyboard: spacy, one document per file."""
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    from .conftest import open_window

    out = tmp_path / "shards"
    seen: dict[str, object] = {}

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ExportDialog) or QApplication.activeWindow() is not dialog:
            # exec() has not shown it yet, or the keyboard has not reached it
            QTimer.singleShot(10, fill)
            return
        try:
            seen["enabled before"] = dialog.docs_per_file.isEnabled()  # prodigy is first
            qtbot.keyClicks(dialog.format, "spacy")
            seen["enabled after"] = dialog.docs_per_file.isEnabled()
            dialog.out.setFocus()
            qtbot.keyClicks(dialog.out, str(out))
            qtbot.keyClicks(dialog.layer, "model")
            qtbot.keyClicks(dialog.status, "all")
            dialog.docs_per_file.setFocus()
            qtbot.keyClick(dialog.docs_per_file, Qt.Key.Key_Up)  # "one file" -> 100
            qtbot.keyClick(dialog.docs_per_file, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClicks(dialog.docs_per_file, "1")
            qtbot.keyClick(dialog.docs_per_file, Qt.Key.Key_Return)
        finally:
            if dialog.isVisible():  # a failed step must not leave exec() waiting forever
                seen["left open"] = dialog.problem.text()
                dialog.reject()

    window = open_window(qtbot, project)
    try:
        QTimer.singleShot(0, fill)
        qtbot.keyClick(window.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        assert "left open" not in seen, seen
        qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=60_000)
        assert seen == {"enabled before": False, "enabled after": True}
        shards = sorted(out.glob("*.spacy"))
        assert [p.name for p in shards] == ["00000.spacy", "00001.spacy"]
        assert [len(DocBin().from_disk(p)) for p in shards] == [1, 1]
        docs = [d for p in shards for d in DocBin().from_disk(p).get_docs(Vocab())]
        assert docs[0].text.startswith("Keir Starmer") and docs[1].text.startswith("Rishi")
    finally:
        window.close()
        window.store.close()
