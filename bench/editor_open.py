"""How fast the editor opens and scrolls a long article with many spans.

Prints a table: the editor's TextView against a bare QTextEdit with one ExtraSelection per span
(the usual way to highlight spans), both measured in this run on the same text and spans.

    QT_QPA_PLATFORM=offscreen python bench/editor_open.py [--chars 100000] [--spans 2000]

"open" is setting the text and every span plus the first paint; "scroll" repaints the view after
each step of a page-by-page pass from top to bottom; "edit" is one span relabelled (the editor
repaints only the stretch that changed; the baseline rebuilds its selection list).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from machine import machine
from PySide6 import __version__ as pyside_version
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QTextEdit

from annotator.gui.app import application
from annotator.gui.highlight import SpanStyles
from annotator.gui.text_view import TextView
from annotator.model import ENTITY_LABELS, SpanData
from annotator.resources import default_labels, seeds_dir

RUNS = 5


def article(chars: int) -> str:
    """The sample article repeated (with an emoji now and then) up to ``chars`` characters."""
    seed = next(seeds_dir().glob("*.txt")).read_text(encoding="utf-8")
    parts: list[str] = []
    total = 0
    while total < chars:
        parts.append(seed if len(parts) % 3 else seed.replace("Gaza", "Gaza 🇵🇸", 1))
        total += len(parts[-1]) + 1
    return "\n".join(parts)[:chars]


def spans_for(text: str, count: int) -> list[SpanData]:
    """Entities on capitalised words and quotes on quoted passages, evenly spread."""
    quotes = [m.span() for m in re.finditer(r"“[^”\n]{3,300}”", text)]
    names = [m.span() for m in re.finditer(r"\b[A-Z][a-z]+\b", text)]
    n_quotes = min(len(quotes), count // 5)
    chosen = quotes[:: max(1, len(quotes) // max(1, n_quotes))][:n_quotes]
    step = max(1, len(names) // (count - len(chosen)))
    picked = names[::step][: count - len(chosen)]
    spans = [SpanData(s, e, "QUOTE", reviewed=i % 2 == 0, id=i) for i, (s, e) in enumerate(chosen)]
    spans += [
        SpanData(s, e, ENTITY_LABELS[i % 6], reviewed=i % 3 == 0, id=len(chosen) + i)
        for i, (s, e) in enumerate(picked)
    ]
    return spans


def timed(step: Callable[[], None]) -> float:
    start = time.perf_counter()
    step()
    return (time.perf_counter() - start) * 1000


def scroll_pass(widget: QTextEdit) -> tuple[float, float]:
    """Mean and worst repaint (ms) over a page-by-page pass through the document."""
    bar = widget.verticalScrollBar()
    bar.setValue(0)
    frames = []
    value = 0
    while True:
        bar.setValue(value)
        frames.append(timed(widget.viewport().repaint))
        if value >= bar.maximum():
            break
        value = min(bar.maximum(), value + bar.pageStep())
    return statistics.mean(frames), max(frames)


class Baseline:
    """A bare QTextEdit with one ExtraSelection per span."""

    def __init__(self, colors: dict[str, QColor]):
        self.widget = QTextEdit()
        self.widget.setReadOnly(True)
        self.colors = colors

    def load(self, text: str, spans: list[SpanData]) -> None:
        self.widget.setPlainText(text)
        self.select(spans)

    def select(self, spans: list[SpanData]) -> None:
        document = self.widget.document()
        selections = []
        for span in spans:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(span.start)
            cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(self.colors.get(span.label, QColor("#ccc")))
            selection.format = fmt
            selections.append(selection)
        self.widget.setExtraSelections(selections)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=100_000)
    parser.add_argument("--spans", type=int, default=2_000)
    args = parser.parse_args()
    app: QApplication = application()
    text = article(args.chars)
    spans = spans_for(text, args.spans)
    labels = {label.name: label for label in default_labels()}
    styles = SpanStyles(labels)
    colors = {name: QColor(label.color) for name, label in labels.items()}
    # The baseline indexes Qt positions directly: keep its text free of astral characters.
    bmp_text = text.replace("🇵🇸", "PS")
    bmp_spans = spans_for(bmp_text, args.spans)

    results: dict[str, dict[str, list[float]]] = {"editor": {}, "baseline": {}}
    for _ in range(RUNS):
        editor = TextView(styles=styles)
        baseline = Baseline(colors)
        for name, widget, load, data, retag in (
            ("editor", editor, editor.load, (text, spans), editor.set_spans),
            ("baseline", baseline.widget, baseline.load, (bmp_text, bmp_spans), baseline.select),
        ):
            widget.resize(900, 800)
            widget.show()
            app.processEvents()
            row = results[name]
            row.setdefault("open", []).append(
                timed(lambda load=load, data=data, w=widget: (load(*data), w.viewport().repaint()))
            )
            mean, worst = scroll_pass(widget)
            row.setdefault("scroll mean", []).append(mean)
            row.setdefault("scroll worst", []).append(worst)
            changed = list(data[1])
            changed[len(changed) // 2] = SpanData(
                changed[len(changed) // 2].start, changed[len(changed) // 2].end, "ORG",
                source="human", reviewed=True, id=changed[len(changed) // 2].id,
            )  # fmt: skip
            row.setdefault("edit", []).append(
                timed(lambda r=retag, c=changed, w=widget: (r(c), w.viewport().repaint()))
            )
            widget.close()
            widget.deleteLater()
        app.processEvents()

    print(
        f"{len(text):,} characters, {len(spans):,} spans; median of {RUNS} runs; {machine()}, "
        f"PySide6 {pyside_version}, QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM')}"
    )
    print()
    print("| widget | open ms | scroll mean ms | scroll worst ms | edit ms |")
    print("|---|---:|---:|---:|---:|")
    for name, label in (("editor", "TextView (merged char formats)"),
                        ("baseline", "QTextEdit + ExtraSelections")):  # fmt: skip
        row = {key: statistics.median(values) for key, values in results[name].items()}
        print(
            f"| {label} | {row['open']:.1f} | {row['scroll mean']:.1f} | "
            f"{row['scroll worst']:.1f} | {row['edit']:.1f} |"
        )


if __name__ == "__main__":
    main()
