"""The menu commands that run in the background: import, pre-annotation, export, first run.

Each asks what to do (a dialog), then runs in the background with progress and Cancel in the
status bar while the window stays usable, and reports the outcome in the status bar (problems in
a non-modal message with the details).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.formats import EXPORT_FORMATS
from annotator.gui import messages
from annotator.gui.dialogs import ExportDialog, ImportDialog
from annotator.gui.workers import (
    StatusProgress,
    TaskRunner,
    annotate_task,
    export_task,
    import_task,
    seed_task,
)


class _Window(Protocol):
    def show_status(self, text: str) -> None: ...
    def report_error(self, exc: BaseException) -> None: ...


class Jobs(QObject):
    """Background commands of one window.

    Signals:
        data_changed(): a job committed documents or spans (the window refreshes).
        seeding_changed(bool): the first-run job started or ended.
    """

    data_changed = Signal()
    seeding_changed = Signal(bool)

    def __init__(
        self, *, runner: TaskRunner, window: QWidget, annotator: str, status: _Window,
        bar: StatusProgress, parent: QObject | None = None,
    ):  # fmt: skip
        super().__init__(parent)
        self.bar = bar
        self.runner = runner
        self.window = window
        self.annotator = annotator
        self.status = status
        self.seeding = False

    def _failed(self, what: str) -> Callable[[BaseException, str], None]:
        def report(exc: BaseException, tb: str) -> None:
            self.data_changed.emit()  # finished batches are in
            messages.log.debug("%s failed:\n%s", what, tb)
            self.status.report_error(exc)

        return report

    def _problems(self, title: str, summary: str, problems: list[str]) -> None:
        if problems:
            messages.show_message(
                f"{summary}\n{len(problems)} problem(s); see the details.",
                parent=self.window, title=title, icon=QMessageBox.Icon.Warning,
                details="\n".join(problems),
            )  # fmt: skip

    def _busy(self) -> bool:
        """The status bar shows one job at a time: say which one runs if it is taken."""
        return self.bar.refuse(self.status.show_status)

    def _start(self, title: str, task: Any, on_done: Callable[[Any], None], what: str) -> None:
        """Run ``task`` with its progress and Cancel in the status bar; the window stays usable."""
        if self._busy():
            return
        self.runner.start(
            title, task, on_done=on_done, on_error=self._failed(what), bar=self.bar
        )  # fmt: skip

    # -- import -------------------------------------------------------------------------
    def import_paths(self, paths: list[Path]) -> None:
        if not paths or self._busy():
            return
        names = ", ".join(p.name for p in paths[:3])
        self.status.show_status(f"Importing {names} in the background; keep working")
        self._start("Importing", import_task(paths), self._imported, "import")

    def import_files(self) -> None:
        if not self._busy():
            self.import_paths(ImportDialog.ask(self.window, folder=False))

    def import_folder(self) -> None:
        if not self._busy():
            self.import_paths(ImportDialog.ask(self.window, folder=True))

    def _imported(self, report: Any) -> None:
        self.data_changed.emit()
        summary = (
            f"Imported {report.imported} document(s), {report.duplicates} already in the project"
            + (" (cancelled)" if report.cancelled else "")
        )
        self.status.show_status(summary)
        self._problems("Import", summary, list(report.problems))

    # -- pre-annotation -----------------------------------------------------------------
    def preannotate(self, force: bool = False) -> None:
        """In the background: progress and Cancel in the status bar, the window stays usable;
        the open document shows its suggestions as each batch is committed."""
        if self._busy():
            return
        self.status.show_status("Pre-annotating in the background; keep working")
        self._start("Pre-annotating", annotate_task(force=force), self._annotated, "pre-annotation")

    def _annotated(self, report: Any) -> None:
        self.data_changed.emit()
        summary = (
            f"Pre-annotated {report.annotated} document(s) into {report.layer}; "
            f"{report.skipped} already done" + (" (cancelled)" if report.cancelled else "")
        )
        self.status.show_status(summary)
        self._problems("Pre-annotation", summary, list(report.warnings))

    # -- export ---------------------------------------------------------------------------
    def export(self) -> None:
        if self._busy():
            return
        choice = ExportDialog.ask(self.window, EXPORT_FORMATS, self.annotator)
        if choice is None:
            return
        from annotator.ops.export import parse_split

        try:
            split = parse_split(choice.split) if choice.split else None
        except Exception as exc:
            self.status.report_error(exc)
            return
        options: dict[str, Any] = {
            "format": choice.format, "out": choice.out, "layer": choice.layer,
            "status": choice.status, "split": split,
            "include_boilerplate": choice.include_boilerplate,
            "docs_per_file": choice.docs_per_file,
        }  # fmt: skip
        if choice.layer == self.annotator:
            options["annotator"] = self.annotator
        self.status.show_status(f"Exporting {choice.format} in the background; keep working")
        self._start(f"Exporting {choice.format}", export_task(**options), self._exported, "export")

    def _exported(self, report: Any) -> None:
        paths = ", ".join(str(p) for p in report.paths) or "nothing written"
        summary = f"Exported {report.documents} document(s): {paths}"
        self.status.show_status(summary)
        warnings = [f"{n} × {text}" for text, n in report.warnings.most_common()]
        self._problems("Export", summary, warnings)

    # -- first run ------------------------------------------------------------------------
    def first_run(self) -> None:
        """Import and pre-annotate the bundled samples, without a dialog in the way."""
        self.seeding = True
        self.seeding_changed.emit(True)
        self.status.show_status("Importing the sample articles and pre-annotating them…")
        self.runner.start(
            "Preparing the sample articles", seed_task(), on_done=self._seeded,
            on_error=self._seed_failed,
        )  # fmt: skip

    def _seeded(self, result: Any) -> None:
        imported, annotated = result
        self.seeding = False
        self.seeding_changed.emit(False)
        self.data_changed.emit()
        spans = getattr(annotated, "spans", 0)
        self.status.show_status(
            f"Welcome: {imported.imported} sample article(s) imported, {spans} spans suggested"
        )

    def _seed_failed(self, exc: BaseException, tb: str) -> None:
        self.seeding = False
        self.seeding_changed.emit(False)
        self._failed("first run")(exc, tb)
