"""Model in the loop from the window: accept documents, train, choose the model, evaluate, charts.

Real keys open the dialogs, real clicks fill them; training is a tiny real run.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from annotator.gui.main_window import MainWindow
from annotator.gui.model_jobs import FROM_BLANK, ModelDialog, TrainDialog
from annotator.ops.models import current_model
from annotator.store import Store

from .conftest import ME, make_project

CITIES = ("London", "Leeds", "Paris", "Rome", "Oslo", "Bonn", "Bern", "Lagos")


def _texts() -> tuple[str, ...]:
    return tuple(
        f"Rishi Sunak spoke in {city}.\nNothing else happened on day {i}."
        for i, city in enumerate(CITIES)
    )


def _press_ok(dialog) -> None:  # type: ignore[no-untyped-def]
    buttons = dialog.findChild(QDialogButtonBox)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    from pytestqt.qtbot import QtBot

    QtBot.mouseClick(ok, Qt.MouseButton.LeftButton)


def _ctrl_shift(qtbot, win: MainWindow, key: Qt.Key, dialog_handler=None) -> None:  # type: ignore[no-untyped-def]
    """Press Ctrl+Shift+key in the window, made active again after a dialog closed;
    ``dialog_handler`` then works the modal dialog the key opens."""
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.view.setFocus()
    if dialog_handler is not None:
        QTimer.singleShot(0, dialog_handler)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(win.view, key, modifiers)


def test_train_choose_evaluate_and_chart_from_the_window(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "loop.db"
    make_project(path, _texts())
    store = Store(path)
    win = MainWindow(store=store, annotator=ME, poll_ms=50)
    qtbot.addWidget(win)
    with qtbot.waitActive(win):  # window shortcuts need the active window
        win.show()
        win.activateWindow()
    win.view.setFocus()
    try:
        for n in range(len(CITIES)):  # accept each document with its suggestions, move on
            current = win.editor.document_id
            qtbot.keyClick(win.view, Qt.Key.Key_Return,
                           Qt.KeyboardModifier.ControlModifier)  # fmt: skip
            if n < len(CITIES) - 1:
                qtbot.waitUntil(lambda c=current: win.editor.document_id != c)
        with Store(path) as check:
            assert all(check.status(d, ME) == "done" for d in check.document_ids())

        out = tmp_path / "m1"
        seen: list[str] = []

        def fill_train_dialog() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, TrainDialog)
            dialog.out.clear()
            qtbot.keyClicks(dialog.out, str(out))
            dialog.base.setFocus()
            index = dialog.base.findText(FROM_BLANK)
            while dialog.base.currentIndex() < index:
                qtbot.keyClick(dialog.base, Qt.Key.Key_Down)
            dialog.steps.selectAll()
            qtbot.keyClicks(dialog.steps, "2")
            seen.append(dialog.base.currentText())
            _press_ok(dialog)

        _ctrl_shift(qtbot, win, Qt.Key.Key_T, fill_train_dialog)
        assert seen == [FROM_BLANK]
        qtbot.waitUntil(lambda: not win.runner.busy, timeout=240_000)
        assert (out / "meta.json").is_file(), win.statusBar().currentMessage()
        assert "Training done" in win.statusBar().currentMessage()

        def choose_trained() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, ModelDialog), (dialog, QApplication.activeWindow())
            items = [dialog.combo.itemText(i) for i in range(dialog.combo.count())]
            assert str(out) in items  # trained folders are offered beside the packages
            dialog.combo.setFocus()
            while dialog.combo.currentText() != str(out):
                qtbot.keyClick(dialog.combo, Qt.Key.Key_Down)
            _press_ok(dialog)

        _ctrl_shift(qtbot, win, Qt.Key.Key_P, choose_trained)
        with Store(path) as check:
            assert current_model(check) == str(out)

        _ctrl_shift(qtbot, win, Qt.Key.Key_E)
        qtbot.waitUntil(lambda: not win.runner.busy, timeout=120_000)
        assert "entity F1" in win.statusBar().currentMessage()

        _ctrl_shift(qtbot, win, Qt.Key.Key_I)
        stats = win.model_jobs.statistics
        assert stats is not None and stats.isVisible()
        axes = stats.figure.axes
        assert len(axes) == 6
        titles = [ax.get_title() for ax in axes]
        assert titles[0] == "Documents done" and axes[0].lines
        assert axes[0].lines[0].get_ydata()[-1] == len(CITIES)
        assert titles[3] == "Model suggestions in done documents"
        assert stats.stats.suggestions["accepted"] > 0
        assert titles[4].startswith("Entity F1 per label") and axes[4].patches
        assert stats.stats.evaluation is not None
        assert stats.stats.evaluation["source"] == str(out.resolve())
        stats.close()
    finally:
        win.close()
        store.close()
