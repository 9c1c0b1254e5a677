"""Long jobs (import, pre-annotation, export) in worker threads, with progress and cancel.

A worker opens its own :class:`Store` on the project file: a SQLite connection is never shared
across threads. The main window keeps working; it sees the worker's commits through
``data_version`` like any other outside change.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from annotator.ops.progress import Cancel, Progress
from annotator.ops.tokens import import_spacy
from annotator.resources import seeds_dir
from annotator.store import Store

Task = Callable[[Store, Progress, Cancel], Any]


class _Signals(QObject):
    """Lives on the GUI thread: the worker emits, and the slots run queued on the GUI thread."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object, str)

    def __init__(self, runner: TaskRunner, job: Job):
        super().__init__(runner)
        self._runner = runner
        self._job = job
        self.on_done: Callable[[Any], None] = lambda _result: None
        self.on_error: Callable[[BaseException, str], None] = lambda _exc, _tb: None
        self.progress.connect(self._progress)
        self.finished.connect(self._finished)
        self.failed.connect(self._failed)

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, name: str) -> None:
        self._job.progress = (done, total, name)

    @Slot(object)
    def _finished(self, result: Any) -> None:
        self._runner._end(self._job, lambda: self.on_done(result))

    @Slot(object, str)
    def _failed(self, exc: BaseException, tb: str) -> None:
        self._runner._end(self._job, lambda: self.on_error(exc, tb))


class _Runnable(QRunnable):
    def __init__(self, path: Path, task: Task, signals: _Signals, cancel: threading.Event):
        super().__init__()
        self.setAutoDelete(False)
        self._path = path
        self._task = task
        self._signals = signals
        self._cancel = cancel

    def run(self) -> None:
        try:
            import_spacy()  # before the task's own imports: see import_spacy
            with Store(self._path) as store:
                result = self._task(store, self._signals.progress.emit, self._cancel.is_set)
        except BaseException as exc:
            self._signals.failed.emit(exc, traceback.format_exc())
        else:
            self._signals.finished.emit(result)


@dataclass
class Job:
    """A running task: its title, cancel flag and latest progress."""

    title: str
    cancel: threading.Event = field(default_factory=threading.Event)
    progress: tuple[int, int, str] = (0, 0, "")
    dialog: QProgressDialog | None = None
    bar: StatusProgress | None = None
    runnable: _Runnable | None = None
    signals: _Signals | None = None


class TaskRunner(QObject):
    """Starts tasks in a thread pool and reports their end on the GUI thread.

    Signals:
        busy_changed(bool): a task started, or the last one ended.
    """

    busy_changed = Signal(bool)

    def __init__(self, *, db_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.db_path = db_path
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.jobs: list[Job] = []
        self._tick = QTimer(self, interval=120)
        self._tick.timeout.connect(self._update_dialogs)

    @property
    def busy(self) -> bool:
        return bool(self.jobs)

    def start(
        self,
        title: str,
        task: Task,
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException, str], None],
        dialog_parent: QWidget | None = None,
        bar: StatusProgress | None = None,
    ) -> Job:
        """Run ``task(store, progress, cancel)``; with ``dialog_parent``, show a progress dialog,
        with ``bar`` the progress goes to that status-bar widget and the window stays usable."""
        job = Job(title)
        if bar is not None:
            job.bar = bar
            bar.begin(job)
        signals = job.signals = _Signals(self, job)
        signals.on_done = on_done
        signals.on_error = on_error
        if dialog_parent is not None:
            job.dialog = self._dialog(job, dialog_parent)
        job.runnable = _Runnable(self.db_path, task, signals, job.cancel)
        self.jobs.append(job)
        if len(self.jobs) == 1:
            self.busy_changed.emit(True)
            self._tick.start()
        self.pool.start(job.runnable)
        return job

    def _dialog(self, job: Job, parent: QWidget) -> QProgressDialog:
        """A progress dialog whose Cancel is never the default button: a stray Return (say,
        from a file dialog) must not cancel an import. Cancel says "Cancelling…" at once."""
        dialog = QProgressDialog(job.title, "", 0, 0, parent)
        cancel = QPushButton("Cancel", dialog)
        cancel.setAutoDefault(False)
        cancel.setDefault(False)
        dialog.setCancelButton(cancel)
        dialog.setWindowTitle("Annotator")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)

        def cancelled() -> None:
            job.cancel.set()
            # QProgressDialog hides itself on cancel; stay up until the task has stopped.
            dialog.setLabelText(f"{job.title}\nCancelling…")
            cancel.setEnabled(False)
            dialog.show()

        dialog.canceled.connect(cancelled)
        return dialog

    def _update_dialogs(self) -> None:
        # Polled rather than set from each progress signal: a modal dialog's setValue runs the
        # event loop, which must not happen inside the slot of the next progress signal.
        for job in list(self.jobs):
            if job.bar is not None:
                job.bar.update_from(job)
            if job.dialog is None or job.cancel.is_set():
                continue
            done, total, name = job.progress
            if total:
                job.dialog.setMaximum(total)
                job.dialog.setLabelText(f"{job.title}\n{name}")
                job.dialog.setValue(min(done, total))

    def _end(self, job: Job, report: Callable[[], None]) -> None:
        if job not in self.jobs:
            return
        self.jobs.remove(job)
        if job.signals is not None:
            job.signals.deleteLater()
        if job.bar is not None:
            job.bar.end(job)
        if job.dialog is not None:
            job.dialog.close()
            job.dialog.deleteLater()
            job.dialog = None
        if not self.jobs:
            self._tick.stop()
            self.busy_changed.emit(False)
        report()

    def cancel_all(self, wait_ms: int = 10_000) -> None:
        """Ask every task to stop and wait for the threads (on quit)."""
        for job in self.jobs:
            job.cancel.set()
        self.pool.waitForDone(wait_ms)


class StatusProgress(QWidget):
    """A job's progress in the status bar: its title, a bar and Cancel (hidden when idle)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("jobProgress")
        self.label = QLabel("", self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(180)
        self.bar.setMaximumHeight(16)
        self.cancel = QPushButton("Cancel", self)
        self.cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never steals the article's keys
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.bar)
        row.addWidget(self.cancel)
        self._job: Job | None = None
        self.cancel.clicked.connect(self._cancel)
        self.hide()

    @property
    def job(self) -> Job | None:
        return self._job

    def refuse(self, show_status: Callable[[str], None]) -> bool:
        """One job at a time, for every kind (import, export, pre-annotation, training,
        evaluation): when a job holds the bar, say which one and how to stop it, and return
        True; the caller starts nothing (no queue, no second progress dialog)."""
        if self._job is None:
            return False
        show_status(f"{self._job.title} is still running (Cancel in the status bar)")
        return True

    def begin(self, job: Job) -> None:
        self._job = job
        self.label.setText(job.title)
        self.bar.setRange(0, 0)
        self.cancel.setEnabled(True)
        self.show()

    def update_from(self, job: Job) -> None:
        done, total, _name = job.progress
        if job is self._job and total and not job.cancel.is_set():
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.label.setText(f"{job.title} {done}/{total}")

    def _cancel(self) -> None:
        if self._job is not None:
            self._job.cancel.set()
            self.label.setText(f"{self._job.title} cancelling…")
            self.cancel.setEnabled(False)

    def end(self, job: Job) -> None:
        if job is self._job:
            self._job = None
            self.hide()


# -- the tasks -------------------------------------------------------------------------------
def import_task(paths: Sequence[Path]) -> Task:
    def run(store: Store, progress: Progress, cancel: Cancel) -> Any:
        from annotator.ops.importing import import_paths

        return import_paths(store, list(paths), progress=progress, cancel=cancel)

    return run


def annotate_task(*, force: bool = False) -> Task:
    def run(store: Store, progress: Progress, cancel: Cancel) -> Any:
        from annotator.ops.annotate import annotate  # loads spaCy, off the GUI thread
        from annotator.ops.models import current_model

        model = current_model(store)  # the project's choice (Annotate ▸ Choose model)
        return annotate(store, model=model, force=force, progress=progress, cancel=cancel)

    return run


def seed_task() -> Task:
    """First run: import the bundled sample articles, then pre-annotate them."""

    def run(store: Store, progress: Progress, cancel: Cancel) -> Any:
        from annotator.ops.annotate import annotate
        from annotator.ops.importing import import_paths

        imported = import_paths(store, [seeds_dir()], progress=progress, cancel=cancel)
        if cancel():
            return imported, None
        return imported, annotate(store, progress=progress, cancel=cancel)

    return run


def export_task(**options: Any) -> Task:
    def run(store: Store, progress: Progress, cancel: Cancel) -> Any:
        from annotator.ops.export import export

        return export(store, progress=progress, cancel=cancel, **options)

    return run
