"""Charts of evaluations and project statistics as matplotlib figures (no pyplot, no GUI).

The same functions draw into the statistics view (a Qt canvas around the figure) and into the
PNG/SVG files of ``annotator evaluate --plot``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from annotator.errors import AnnotatorError, SettingError
from annotator.ops.statistics import ProjectStatistics

PLOT_SUFFIXES = (".png", ".svg", ".pdf")


def _empty(ax: Axes, title: str, text: str) -> None:
    ax.set_title(title)
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, color="grey")
    ax.set_xticks([])
    ax.set_yticks([])


def per_label_f1(ax: Axes, evaluation: dict[str, Any] | None) -> None:
    """Horizontal bars: exact and partial-overlap F1 per entity label."""
    title = "Entity F1 per label"
    if not evaluation:
        _empty(ax, title, "no evaluation yet\n(Model ▸ Evaluate)")
        return
    exact = evaluation["entities"]["exact"]["per_label"]
    partial = evaluation["entities"]["partial"]["per_label"]
    labels = sorted(exact, key=lambda label: exact[label]["support"])
    if not labels:
        _empty(ax, title, "no entities in the gold documents")
        return
    rows = range(len(labels))
    ax.barh([r + 0.2 for r in rows], [partial[lb]["f1"] for lb in labels], height=0.4,
            label="partial overlap", color="#9ecae1")  # fmt: skip
    ax.barh([r - 0.2 for r in rows], [exact[lb]["f1"] for lb in labels], height=0.4,
            label="exact", color="#3182bd")  # fmt: skip
    ax.set_yticks(list(rows), [f"{lb} ({exact[lb]['support']})" for lb in labels])
    ax.set_xlim(0, 1)
    overall = evaluation["entities"]["exact"]["overall"]["f1"]
    ax.set_title(f"{title} (exact overall {overall:.2f}, {evaluation['documents']} docs)")
    ax.legend(loc="lower right", fontsize="small")


def learning_curve(ax: Axes, curve: dict[str, Any] | None) -> None:
    title = "Learning curve (test F1)"
    points = (curve or {}).get("points") or []
    if not points:
        _empty(ax, title, "no learning curve yet\n(annotator train --learning-curve)")
        return
    ax.plot([p["documents"] for p in points], [p["f1"] for p in points], marker="o")
    ax.set_xlabel("training documents")
    ax.set_ylabel("F1")
    ax.set_ylim(0, 1)
    ax.set_title(title)
    ax.grid(True, alpha=0.3)


def done_over_time(ax: Axes, series: list[tuple[str, int]]) -> None:
    title = "Documents done"
    if not series:
        _empty(ax, title, "no document accepted yet")
        return
    ax.plot([d for d, _ in series], [n for _, n in series], marker="o", drawstyle="steps-post")
    ax.set_ylim(0, max(n for _, n in series) * 1.15 + 1)
    ax.set_ylabel("documents (cumulative)")
    ax.set_title(title)
    ax.tick_params(axis="x", labelrotation=30, labelsize="small")


def spans_per_label(ax: Axes, counts: dict[str, int]) -> None:
    title = "Annotated spans per label"
    if not counts:
        _empty(ax, title, "no annotations yet")
        return
    labels = list(counts)[:20]
    ax.barh(labels[::-1], [counts[lb] for lb in labels][::-1], color="#74c476")
    ax.set_title(title)


def suggestions(ax: Axes, outcomes: dict[str, int]) -> None:
    title = "Model suggestions in done documents"
    if not any(outcomes.values()):
        _empty(ax, title, "no reviewed suggestions yet")
        return
    names = ["accepted", "changed", "rejected", "added"]
    colors = ["#31a354", "#fd8d3c", "#de2d26", "#756bb1"]
    values = [outcomes.get(n, 0) for n in names]
    bars = ax.bar(names, values, color=colors)
    ax.bar_label(bars)
    ax.margins(y=0.15)  # room for the numbers above the bars
    ax.set_title(title)


def edits_per_hour(ax: Axes, series: list[tuple[str, int]]) -> None:
    title = "Annotation edits per hour"
    if not series:
        _empty(ax, title, "no edits yet")
        return
    ax.bar([h.replace("T", " ") + "h" for h, _ in series], [n for _, n in series])
    ax.set_title(title)
    ax.tick_params(axis="x", labelrotation=30, labelsize="small")


def statistics_figure(stats: ProjectStatistics, figure: Figure | None = None) -> Figure:
    """Six charts of a project on one figure (3 rows x 2)."""
    fig = figure or Figure(figsize=(12, 12))
    fig.clear()
    axes = fig.subplots(3, 2)
    done_over_time(axes[0][0], stats.done_over_time)
    edits_per_hour(axes[0][1], stats.edits_per_hour)
    spans_per_label(axes[1][0], stats.spans_per_label)
    suggestions(axes[1][1], stats.suggestions)
    per_label_f1(axes[2][0], stats.evaluation)
    learning_curve(axes[2][1], stats.learning_curve)
    fig.tight_layout()
    return fig


def evaluation_figure(evaluation: dict[str, Any], curve: dict[str, Any] | None) -> Figure:
    """Per-label F1, and the learning curve beside it when one was computed."""
    fig = Figure(figsize=(12 if curve else 7, 5))
    axes = fig.subplots(1, 2 if curve else 1, squeeze=False)[0]
    per_label_f1(axes[0], evaluation)
    if curve:
        learning_curve(axes[1], curve)
    fig.tight_layout()
    return fig


def write_figure(fig: Figure, path: Path) -> Path:
    if path.suffix.lower() not in PLOT_SUFFIXES:
        raise SettingError("plot", f"{path}: use a .png, .svg or .pdf file name")
    try:
        fig.savefig(path, dpi=120)
    except OSError as exc:
        raise AnnotatorError(f"{path}: cannot write the chart: {exc.strerror or exc}") from None
    return path
