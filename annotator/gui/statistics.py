"""The statistics view: charts of the project's work and of the current model's quality.

The charts are the matplotlib figures of :mod:`annotator.ops.charts` on a QtAgg canvas; the
numbers come from :func:`annotator.ops.statistics.project_statistics` (read on open and on
Refresh; a few small queries).
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from annotator.ops.charts import statistics_figure
from annotator.ops.statistics import ProjectStatistics, project_statistics
from annotator.store import Store


class StatisticsDialog(QDialog):
    """Non-modal window with six charts; Refresh re-reads the project."""

    def __init__(self, *, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Statistics")
        self.store = store
        self.figure = Figure(figsize=(11, 10))
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.stats = ProjectStatistics()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        self.refresh_button = QPushButton("&Refresh", self)
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        self.refresh_button.clicked.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.canvas)
        layout.addWidget(buttons)
        self.resize(1100, 900)
        self.refresh()

    def refresh(self) -> None:
        self.stats = project_statistics(self.store)
        statistics_figure(self.stats, self.figure)
        self.canvas.draw_idle()
