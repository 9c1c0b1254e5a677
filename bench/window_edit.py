"""How fast the whole window opens a long article and applies a key near its end.

    QT_QPA_PLATFORM=offscreen python bench/window_edit.py [--open-chars N] [--edit-chars N]

The main window on a real project file: "open" is opening the document from the list (the store
read, every span painted, the side lists and the header); "add", "relabel" and "accept" are one
key pressed near the end of the article (the edit committed, the view, side lists and header
refreshed). Baseline in the same run: the store alone doing the same write and re-reading the
document's spans, with no window. Median of 5 runs. Targets: open < 100 ms, a key < 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from editor_open import article, spans_for
from machine import machine
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.gui import messages
from annotator.gui.app import application
from annotator.gui.main_window import MainWindow
from annotator.model import SpanData
from annotator.store import Store

RUNS = 5
MODEL = "model:bench@1"


def project(path: Path, chars: int) -> int:
    text = article(chars)
    with Store(path) as store:
        doc_id, _ = store.add_document("long.txt", text, title="Long")
        store.add_document("other.txt", "A short one.\nNothing here.", title="Short")
        store.replace_annotations(doc_id, MODEL, spans_for(text, chars // 50))
    return doc_id


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def measure(chars: int, edit_chars: int) -> list[tuple[str, float, float]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        doc_id = project(path, chars)
        window = MainWindow(store=Store(path), annotator="bench", poll_ms=60_000)
        window.show()
        QTest.qWaitForWindowExposed(window)
        opens = []
        for _ in range(RUNS):
            window.open_document(2)
            start = time.perf_counter()
            window.open_document(doc_id)
            window.view.viewport().repaint()
            opens.append(time.perf_counter() - start)
        with Store(path) as store:
            reads = []
            for _ in range(RUNS):
                start = time.perf_counter()
                store.document_text(doc_id)
                store.spans(doc_id, "bench")
                reads.append(time.perf_counter() - start)
        rows.append((f"open {chars:,} chars", median_ms(opens), median_ms(reads)))
        window.close()
        window.store.close()

        path = Path(tmp) / "edit.db"
        doc_id = project(path, edit_chars)
        window = MainWindow(store=Store(path), annotator="bench", poll_ms=60_000)
        window.show()
        QTest.qWaitForWindowExposed(window)
        window.activateWindow()
        window.view.setFocus()
        window.open_document(doc_id)
        text = window.view.text
        free = [i for i in range(len(text) - 2000, len(text) - 10) if text[i : i + 5].isalpha()]
        covered = {(s.start, s.end) for s in window.view.spans}
        adds, relabels, accepts = [], [], []
        for run in range(RUNS):
            at = next(
                i for i in free[run * 40 :] if not any(a < i + 5 and i < b for a, b in covered)
            )
            window.view.select_text(at, at + 5)
            start = time.perf_counter()
            QTest.keyClick(window.view, Qt.Key.Key_P)
            adds.append(time.perf_counter() - start)
            covered.add((at, at + 5))
            start = time.perf_counter()
            QTest.keyClick(window.view, Qt.Key.Key_O)  # the new span is selected: relabel it
            relabels.append(time.perf_counter() - start)
        last = [s for s in window.view.spans if s.source == "model" and not s.reviewed][-RUNS:]
        for span in last:
            window.editor.select_span(span.id)
            start = time.perf_counter()
            QTest.keyClick(window.view, Qt.Key.Key_Space)
            accepts.append(time.perf_counter() - start)
        window.close()
        window.store.close()
        with Store(path) as store:
            writes = []
            for run in range(RUNS):
                start = time.perf_counter()
                store.add_span(
                    doc_id,
                    "bench",
                    SpanData(len(text) - 40 + run * 2, len(text) - 39 + run * 2, "CARDINAL"),
                )
                store.spans(doc_id, "bench")
                writes.append(time.perf_counter() - start)
        base = median_ms(writes)
        rows.append((f"add near the end, {edit_chars:,} chars", median_ms(adds), base))
        rows.append((f"relabel near the end, {edit_chars:,} chars", median_ms(relabels), base))
        rows.append((f"accept near the end, {edit_chars:,} chars", median_ms(accepts), base))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--open-chars", type=int, default=100_000)
    parser.add_argument("--edit-chars", type=int, default=150_000)
    args = parser.parse_args()
    messages.boxes_enabled = False
    application()
    print(machine())
    print()
    print("| step | window ms | store alone ms |")
    print("|---|---:|---:|")
    for name, window_ms, store_ms in measure(args.open_chars, args.edit_chars):
        print(f"| {name} | {window_ms:.1f} | {store_ms:.1f} |")


if __name__ == "__main__":
    main()
