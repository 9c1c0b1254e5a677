"""The document list with 100,000 documents: model reset, first paint, jumping to the end.

    QT_QPA_PLATFORM=offscreen python bench/document_list.py [--docs 100000]

Baseline in the same run: one ``SELECT count(*)`` over the documents table, the least any list
must do. Target: every step well under 50 ms (the GUI thread's budget), whatever the corpus size.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from machine import machine
from PySide6.QtWidgets import QApplication, QTableView

from annotator.gui.document_list import DocumentListModel
from annotator.store import Store


def fill(store: Store, n: int) -> None:
    with store.transaction():
        for i in range(n):
            store.add_document(
                f"d{i:06}.txt", f"Headline {i}\n\nThe minister told the council vote story {i}.",
                title=f"Headline {i}",
            )  # fmt: skip


def ms(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    print(f"machine: {machine()}; {args.docs:,} documents")
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "list.db") as store:
        fill(store, args.docs)
        base = ms(lambda: store.db.execute("SELECT count(*) FROM documents").fetchone())
        model = DocumentListModel(store=store, annotator="bench")
        view = QTableView()
        view.resize(600, 800)
        view.setModel(model)
        view.show()
        rows = [
            ("baseline: SELECT count(*)", base),
            ("model reset (count + first page)", ms(lambda: model.refresh())),
            ("first paint", ms(lambda: (view.repaint(), app.processEvents()))),
            (
                "jump to the last row and paint",
                ms(lambda: (view.scrollToBottom(), view.repaint(), app.processEvents())),
            ),
            (
                "search 'minister council' (all match)",
                ms(lambda: (model.set_filter(search="minister council"), view.repaint())),
            ),
            (
                "search 'story 99999' (one match)",
                ms(lambda: (model.set_filter(search="story 99999"), view.repaint())),
            ),
        ]
        print("\n| step | ms |\n|---|---:|")
        for name, value in rows:
            print(f"| {name} | {value:.1f} |")


if __name__ == "__main__":
    main()
