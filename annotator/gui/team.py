"""The main window's team views: the adjudication window and the agreement view, opened on
demand (matplotlib is imported only when the agreement view first opens)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from annotator.gui.workers import TaskRunner
from annotator.store import Store

if TYPE_CHECKING:
    from annotator.gui.adjudication import AdjudicationWindow
    from annotator.ops.agreement import AgreementReport


class TeamViews(QObject):
    """Opens the adjudication window and the agreement view for the main window."""

    def __init__(self, *, window: QWidget, store: Store, annotator: str, runner: TaskRunner):
        super().__init__(window)
        self.runner = runner
        self.window = window
        self.store = store
        self.annotator = annotator
        self.adjudication: AdjudicationWindow | None = None
        self.agreement_dialog: QDialog | None = None

    def adjudicate(self) -> None:
        from annotator.gui.adjudication import AdjudicationWindow

        if self.adjudication is None:
            self.adjudication = AdjudicationWindow(store=self.store, adjudicator=self.annotator)
            refresh = getattr(self.window, "refresh", None)
            if refresh is not None:
                self.adjudication.gold_changed.connect(refresh)
        elif not self.adjudication.isVisible():  # opened again: what changed meanwhile
            self.adjudication.reopen()
        self.adjudication.show()
        self.adjudication.raise_()
        self.adjudication.activateWindow()

    def agreement(self) -> None:
        """Compute the agreement in a worker (it reads every shared document), then draw it."""
        from annotator.ops.agreement import agreement

        self.runner.start(
            "Computing agreement",
            lambda store, _progress, _cancel: agreement(store),
            on_done=self._show_agreement,
            on_error=lambda exc, _tb: self._show_agreement(None, str(exc)),
        )

    def _show_agreement(self, report: AgreementReport | None, error: str = "") -> None:
        from annotator.gui.agreement_view import AgreementDialog

        self.agreement_dialog = AgreementDialog(report=report, error=error, parent=self.window)
        self.agreement_dialog.show()

    def close(self) -> None:
        if self.adjudication is not None:
            self.adjudication.close()
