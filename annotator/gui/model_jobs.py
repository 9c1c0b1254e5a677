"""The Model commands of the window: choose the pre-annotation model, train, evaluate, charts.

Training and evaluation run as background jobs with progress and Cancel in the status bar, like
import, export and pre-annotation (training itself runs in a separate process, see
:mod:`annotator.ops.train`): one job at a time; asking for another while one runs only says
which one runs, before any dialog opens. The statistics view is non-modal.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from annotator.gui.workers import Cancel, Progress, StatusProgress, Task, TaskRunner
from annotator.ops.models import current_model, model_choices, set_current_model
from annotator.store import Store

DEFAULT_CHOICE = "(default pipeline)"
FROM_BLANK = "(from blank)"


class _Window(Protocol):
    def show_status(self, text: str) -> None: ...
    def report_error(self, exc: BaseException) -> None: ...


class ModelDialog(QDialog):
    """Pick the pre-annotation model: installed packages and trained folders, or browse."""

    def __init__(self, choices: list[str], current: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Pre-annotation model")
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.addItems([DEFAULT_CHOICE, *choices])
        self.combo.setCurrentText(current or DEFAULT_CHOICE)
        browse = QPushButton("&Browse…", self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.combo, 1)
        row.addWidget(browse)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Model:", row)
        form.addRow(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Trained model folder")
        if folder:
            self.combo.setCurrentText(folder)

    def choice(self) -> str | None:
        text = self.combo.currentText().strip()
        return None if text in ("", DEFAULT_CHOICE) else text

    @classmethod
    def ask(
        cls, parent: QWidget, choices: list[str], current: str | None
    ) -> tuple[bool, str | None]:
        """(accepted?, the model or None for the default pipeline)."""
        dialog = cls(choices, current, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return accepted, dialog.choice()


@dataclass
class TrainChoice:
    out: Path
    base: str | None
    from_blank: bool
    max_steps: int
    learning_curve: bool


class TrainDialog(QDialog):
    """Where to save the model, what to start from, how long to train."""

    def __init__(self, bases: list[str], suggested_out: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Train a model on the gold data")
        self.out = QLineEdit(str(suggested_out), self)
        self.base = QComboBox(self)
        self.base.addItems([DEFAULT_CHOICE, FROM_BLANK, *bases])
        self.steps = QSpinBox(self)
        self.steps.setRange(1, 1_000_000)
        self.steps.setValue(2000)
        self.curve = QCheckBox("Also compute the &learning curve (4 trainings)", self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Save the model in:", self.out)
        form.addRow("Start from:", self.base)
        form.addRow("At most steps:", self.steps)
        form.addRow(self.curve)
        form.addRow(buttons)

    def choice(self) -> TrainChoice:
        base = self.base.currentText()
        return TrainChoice(
            out=Path(self.out.text().strip()),
            base=None if base in (DEFAULT_CHOICE, FROM_BLANK) else base,
            from_blank=base == FROM_BLANK,
            max_steps=self.steps.value(),
            learning_curve=self.curve.isChecked(),
        )

    @classmethod
    def ask(cls, parent: QWidget, bases: list[str], suggested_out: Path) -> TrainChoice | None:
        dialog = cls(bases, suggested_out, parent)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


def train_task(choice: TrainChoice) -> Task:
    def run(store: Store, progress: Progress, cancel: Cancel) -> Any:
        from annotator.ops.learning_curve import learning_curve
        from annotator.ops.train import TrainOptions, train

        options = TrainOptions(base=choice.base, from_blank=choice.from_blank,
                               max_steps=choice.max_steps)  # fmt: skip
        if choice.learning_curve:  # None: cancelled before the full model
            return learning_curve(
                store, out=choice.out, options=options, progress=progress, cancel=cancel
            ).final
        return train(store, out=choice.out, options=options, progress=progress, cancel=cancel)

    return run


def evaluate_task(model: str | None) -> Task:
    def run(store: Store, progress: Progress, cancel: Cancel) -> Any:
        from annotator.ops.evaluate import evaluate

        return evaluate(store, model=model, progress=progress, cancel=cancel)

    return run


class ModelJobs(QObject):
    """Signals:
    model_changed(str): the project's pre-annotation model was changed ("" = default)."""

    model_changed = Signal(str)

    def __init__(
        self, *, runner: TaskRunner, window: QWidget, store: Store, status: _Window,
        bar: StatusProgress,
    ):  # fmt: skip
        super().__init__(window)
        self.runner = runner
        self.bar = bar
        self.window = window
        self.store = store
        self.status = status
        self.statistics: Any = None  # the StatisticsDialog, made on first use

    def choose_model(self) -> None:
        accepted, model = ModelDialog.ask(
            self.window, model_choices(self.store), current_model(self.store)
        )
        if not accepted:
            return
        try:
            set_current_model(self.store, model)
        except Exception as exc:
            self.status.report_error(exc)
            return
        self.model_changed.emit(model or "")
        self.status.show_status(f"Pre-annotation model: {model or 'the default pipeline'}")

    def train_model(self) -> None:
        if self.bar.refuse(self.status.show_status):
            return
        suggested = self.store.path.parent / f"{self.store.path.stem}-model"
        choice = TrainDialog.ask(self.window, model_choices(self.store), suggested)
        if choice is None or self.bar.refuse(self.status.show_status):
            return
        self.status.show_status(f"Training into {choice.out}…")
        self._start("Training NER on the gold data", train_task(choice), self._trained)

    def _trained(self, report: Any) -> None:
        if report is None:
            self.status.show_status("Learning curve cancelled before the full model; nothing saved")
            return
        f1 = report.scores.get("ents_f", 0.0)
        how = "stopped; best model kept" if report.interrupted else "done"
        self.status.show_status(
            f"Training {how}: dev F1 {f1:.3f}, saved to {report.out} "
            "(Annotate ▸ Choose pre-annotation model to use it)"
        )
        self._refresh_statistics()

    def evaluate_model(self) -> None:
        if self.bar.refuse(self.status.show_status):
            return
        model = current_model(self.store)
        self.status.show_status(f"Evaluating {model or 'the default pipeline'}…")
        self._start("Evaluating against the gold documents", evaluate_task(model), self._evaluated)

    def _evaluated(self, report: Any) -> None:
        total = report.entities.total("exact")
        self.status.show_status(
            f"{report.source}: entity F1 {total.f1:.3f} (P {total.precision:.3f}, "
            f"R {total.recall:.3f}) on {report.documents} gold documents; quotes F1 "
            f"{report.quotes.f1:.3f}"
        )
        self._refresh_statistics()

    def _start(self, title: str, task: Task, on_done: Any) -> None:
        """In the background with progress and Cancel in the status bar (the callers checked
        that it is free); the window stays usable."""
        self.runner.start(title, task, on_done=on_done, on_error=self._failed, bar=self.bar)

    def _failed(self, exc: BaseException, tb: str) -> None:
        self.status.report_error(exc)

    def show_statistics(self) -> None:
        if self.statistics is None:
            from annotator.gui.statistics import StatisticsDialog  # matplotlib: on first use

            self.statistics = StatisticsDialog(store=self.store, parent=self.window)
        else:
            self.statistics.refresh()
        self.statistics.show()
        self.statistics.raise_()

    def _refresh_statistics(self) -> None:
        if self.statistics is not None and self.statistics.isVisible():
            self.statistics.refresh()
