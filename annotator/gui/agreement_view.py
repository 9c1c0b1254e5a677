"""The agreement view: a heatmap of pairwise scores and a per-label chart (matplotlib, QtAgg).

The numbers are :func:`annotator.ops.agreement.agreement`'s, the same as ``annotator
agreement`` prints, computed in a worker thread (:class:`annotator.gui.team.TeamViews`); the
window only draws them.
"""

from __future__ import annotations

import numpy as np
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QVBoxLayout, QWidget

from annotator.ops.agreement import AgreementReport

#: Pairwise scores the heatmap can show: (menu text, PairScores attribute).
METRICS = (("Cohen's κ (tokens)", "cohen_kappa"), ("Span F1, exact", "exact_f1"),
           ("Span F1, overlap", "overlap_f1"))  # fmt: skip


def pair_matrix(report: AgreementReport, attribute: str) -> np.ndarray:
    """Annotators × annotators of one pairwise score (1 on the diagonal, NaN where unknown)."""
    names = report.annotators
    matrix = np.full((len(names), len(names)), np.nan)
    np.fill_diagonal(matrix, 1.0)
    for pair in report.pairs:
        value = getattr(pair, attribute)
        i, j = names.index(pair.a), names.index(pair.b)
        matrix[i, j] = matrix[j, i] = np.nan if value is None else value
    return matrix


def category_lines(report: AgreementReport) -> str:
    """Document categories in words: per set, each category's mean Cohen's κ and α."""

    def f(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    sets: dict[str, list[str]] = {}
    for c in report.categories:
        name = c.category or "the set"
        sets.setdefault(c.set, []).append(
            f"{name} κ {f(c.cohen_kappa)} α {f(c.krippendorff_alpha)} ({c.documents} docs)"
        )
    lines = [f"Document categories, {s}: " + "; ".join(rows) for s, rows in sets.items()]
    return "\n".join(lines)


class AgreementDialog(QDialog):
    """Heatmap of pairwise scores (choose the score) and per-label κ and α as bars."""

    def __init__(
        self, *, report: AgreementReport | None, error: str = "", parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle("Agreement between annotators")
        self.resize(980, 620)
        self.summary = QLabel(error)
        self.summary.setWordWrap(True)
        #: One line per document category set: κ (mean of pairs) and α per category.
        self.categories = QLabel("")
        self.categories.setWordWrap(True)
        self.score_choice = QComboBox(self)
        for text, attribute in METRICS:
            self.score_choice.addItem(text, attribute)
        self.figure = Figure(figsize=(9, 5), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.categories)
        layout.addWidget(self.score_choice)
        layout.addWidget(self.canvas, 1)
        self.report = report
        if report is None:
            self.score_choice.setEnabled(False)
            return
        r = report
        alpha = "-" if r.krippendorff_alpha is None else f"{r.krippendorff_alpha:.3f}"
        fleiss = "-" if r.fleiss_kappa is None else f"{r.fleiss_kappa:.3f}"
        self.summary.setText(
            f"{len(r.annotators)} annotators, {r.documents} documents finished by two or more. "
            f"Krippendorff's α {alpha}; Fleiss' κ {fleiss} on the {r.fleiss_documents} "
            "documents everyone finished."
        )
        self.categories.setText(category_lines(r))
        self.score_choice.currentIndexChanged.connect(self.draw)
        self.draw()

    def draw(self) -> None:
        if self.report is None:
            return
        report = self.report
        attribute = self.score_choice.currentData()
        self.figure.clear()
        heat, bars = self.figure.subplots(1, 2, width_ratios=[1, 1.4])
        matrix = pair_matrix(report, attribute)
        image = heat.imshow(matrix, vmin=0.0, vmax=1.0, cmap="viridis")
        names = report.annotators
        heat.set_xticks(range(len(names)), names, rotation=45, ha="right")
        heat.set_yticks(range(len(names)), names)
        for (i, j), value in np.ndenumerate(matrix):
            text = "–" if np.isnan(value) else f"{value:.2f}"
            heat.text(j, i, text, ha="center", va="center",
                      color="white" if np.isnan(value) or value < 0.6 else "black")  # fmt: skip
        heat.set_title(self.score_choice.currentText())
        self.figure.colorbar(image, ax=heat, shrink=0.8)
        labels = [s.label for s in report.labels]
        x = np.arange(len(labels))
        kappa = [np.nan if s.cohen_kappa is None else s.cohen_kappa for s in report.labels]
        alpha = [np.nan if s.krippendorff_alpha is None else s.krippendorff_alpha
                 for s in report.labels]  # fmt: skip
        bars.bar(x - 0.2, kappa, 0.4, label="Cohen's κ (mean of pairs)")
        bars.bar(x + 0.2, alpha, 0.4, label="Krippendorff's α")
        bars.set_xticks(x, labels, rotation=45, ha="right")
        bars.set_ylim(min(0.0, float(np.nanmin([*kappa, *alpha, 0.0]))), 1.0)
        bars.set_title("Per label (tokens inside a span of the label or not)")
        bars.legend(loc="lower right")
        self.canvas.draw_idle()
