"""Adding a missing name takes two inputs: Alt+N selects the next name without a span, the label
key adds it; Alt+Shift+N goes back. Real keys in the real window, across two documents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.model import SpanData
from annotator.store import Store

from .conftest import MODEL, db_spans, find, open_window

FIRST = (
    "Labour leader Tony Blair met Michael Howard in Downing Street on Monday.\n"
    "The BBC said the talks cost £15.8m, up 5% on last year."
)
SECOND = "Rishi Sunak spoke in London.\nHe later met Angela Rayner."
Alt = Qt.KeyboardModifier.AltModifier
Shift = Qt.KeyboardModifier.ShiftModifier
Ctrl = Qt.KeyboardModifier.ControlModifier


def _project(path: Path) -> None:
    with Store(path) as store:
        first, _ = store.add_document("first.txt", FIRST, title="Talks")
        store.replace_annotations(
            first, MODEL,
            [SpanData(*find(FIRST, "Tony Blair"), "PERSON"),
             SpanData(*find(FIRST, "Monday"), "DATE")],
            [],
        )  # fmt: skip
        second, _ = store.add_document("second.txt", SECOND, title="Sunak")
        store.replace_annotations(
            second, MODEL,
            [SpanData(*find(SECOND, "Rishi Sunak"), "PERSON"),
             SpanData(*find(SECOND, "London"), "GPE")],
            [],
        )  # fmt: skip


def _labels(path: Path, doc_id: int) -> dict[str, str]:
    text = FIRST if doc_id == 1 else SECOND
    return {text[s.start : s.end]: s.label for s in db_spans(path, doc_id)}


def test_alt_n_then_a_label_key_adds_a_missing_name(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "names.db"
    _project(path)
    win = open_window(qtbot, path)
    view = win.view
    try:
        assert win.editor.document_id == 1
        qtbot.keyClick(view, Qt.Key.Key_N, Alt)
        assert view.selection() == find(FIRST, "Michael Howard")
        qtbot.keyClick(view, Qt.Key.Key_P)
        assert _labels(path, 1)["Michael Howard"] == "PERSON"
        qtbot.keyClick(view, Qt.Key.Key_N, Alt)
        assert view.selection() == find(FIRST, "Downing Street")
        qtbot.keyClick(view, Qt.Key.Key_F)
        qtbot.keyClick(view, Qt.Key.Key_N, Alt)
        assert view.selection() == find(FIRST, "BBC")
        qtbot.keyClick(view, Qt.Key.Key_N, Alt)
        assert view.selection() == find(FIRST, "£15.8m")
        qtbot.keyClick(view, Qt.Key.Key_N, Alt | Shift)  # back to the one before
        assert view.selection() == find(FIRST, "BBC")
        qtbot.keyClick(view, Qt.Key.Key_O)
        qtbot.keyClick(view, Qt.Key.Key_N, Alt)
        assert view.selection() == find(FIRST, "£15.8m")
        qtbot.keyClick(view, Qt.Key.Key_M)
        assert _labels(path, 1) == {
            "Tony Blair": "PERSON", "Monday": "DATE", "Michael Howard": "PERSON",
            "Downing Street": "FAC", "BBC": "ORG", "£15.8m": "MONEY",
        }  # fmt: skip

        # The next document: the key looks in its text, not the one before.
        qtbot.keyClick(view, Qt.Key.Key_Return, Ctrl)
        qtbot.waitUntil(lambda: win.editor.document_id == 2)
        qtbot.keyClick(view, Qt.Key.Key_N, Alt)
        assert view.selection() == find(SECOND, "Angela Rayner")
        qtbot.keyClick(view, Qt.Key.Key_P)
        assert _labels(path, 2)["Angela Rayner"] == "PERSON"
        assert "Angela Rayner" not in _labels(path, 1)
        qtbot.keyClick(view, Qt.Key.Key_Z, Ctrl)  # undo takes the added span away again
        assert "Angela Rayner" not in _labels(path, 2)
    finally:
        win.close()
        win.store.close()
