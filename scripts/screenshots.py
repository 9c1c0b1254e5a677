"""Render the main window on the sample article to PNGs in docs/screenshots/.

    python scripts/screenshots.py [OUT_DIR]

The sample article is imported and pre-annotated into a temporary project; the window is drawn
with ``QWidget.grab()`` on the offscreen platform (or under Xvfb when DISPLAY is set).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.gui import messages
from annotator.gui.app import application
from annotator.gui.main_window import MainWindow
from annotator.model import QUOTE
from annotator.ops.annotate import annotate
from annotator.ops.importing import import_paths
from annotator.resources import seeds_dir
from annotator.store import Store

REPO = Path(__file__).resolve().parent.parent


def settle(app: QApplication) -> None:
    for _ in range(10):
        app.processEvents()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    messages.boxes_enabled = False
    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "screenshots.db"
        with Store(path) as store:
            import_paths(store, [seeds_dir()])
            annotate(store)
        store = Store(path)
        window = MainWindow(store=store, annotator="researcher", poll_ms=60_000)
        window.resize(1400, 860)
        window.show()
        settle(app)
        # Review the first suggestions with the keys (Tab, then Space accepts and moves on), so
        # the picture shows reviewed spans and suggestions (a line over the text) side by side.
        window.view.setFocus()
        QTest.keyClick(window.view, Qt.Key.Key_Tab)
        for _ in range(6):
            QTest.keyClick(window.view, Qt.Key.Key_Space)
        window.view.verticalScrollBar().setValue(0)
        settle(app)
        window.grab().save(str(out / "main-window.png"))

        # A quote with its speaker and cue linked, selected from the side list.
        quotes = [q for q, links in window.editor.quotes() if len(links) == 2 and q.label == QUOTE]
        quote = quotes[1] if len(quotes) > 1 else quotes[0]
        window.editor.select_span(quote.id, reveal=True)
        window.view.setFocus()
        settle(app)
        window.grab().save(str(out / "quote-selected.png"))

        window.show_shortcuts()
        settle(app)
        helps = [w for w in app.topLevelWidgets() if w.windowTitle() == "Keyboard shortcuts"]
        if helps:
            helps[0].grab().save(str(out / "shortcuts.png"))
        window.close()
        store.close()
    for png in sorted(out.glob("*.png")):
        print(png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
