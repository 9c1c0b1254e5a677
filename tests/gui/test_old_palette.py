"""A project made before the current palette: labels still in their old default colour take the
new default on open, a colour the user chose stays; the article shows the new colours in every
document."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt

from annotator.model import SpanData
from annotator.ops.scheme import OLD_DEFAULT_COLORS, project_labels
from annotator.resources import default_labels
from annotator.store import Store

from .conftest import MODEL, char_format, find, open_window

FIRST = "Tony Blair met the BBC in London."
SECOND = "Rishi Sunak spoke to Reuters on Monday."
MINE = "#123456"  # the user's own PERSON colour


def _old_project(path: Path) -> None:
    """A project file as the app wrote it with the old palette, PERSON recoloured by hand."""
    labels = []
    for label in default_labels():
        old = OLD_DEFAULT_COLORS.get((label.kind, label.name), label.color)
        labels.append(dataclasses.replace(label, color=MINE if label.name == "PERSON" else old))
    with Store(path) as store:
        store.set_labels(labels)
        first, _ = store.add_document("first.txt", FIRST, title="Blair")
        store.replace_annotations(first, MODEL, [
            SpanData(*find(FIRST, "Tony Blair"), "PERSON"), SpanData(*find(FIRST, "BBC"), "ORG"),
        ], [])  # fmt: skip
        second, _ = store.add_document("second.txt", SECOND, title="Sunak")
        store.replace_annotations(second, MODEL, [
            SpanData(*find(SECOND, "Rishi Sunak"), "PERSON"),
            SpanData(*find(SECOND, "Reuters"), "ORG"),
        ], [])  # fmt: skip


def test_old_default_colours_take_the_new_defaults_on_open(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "old.db"
    _old_project(path)
    new = {lb.name: lb.color for lb in default_labels()}
    assert new["ORG"] != OLD_DEFAULT_COLORS[("entity", "ORG")]
    win = open_window(qtbot, path)
    try:
        with Store(path) as other:  # what the file holds now, through its own connection
            stored = {lb.name: lb.color for lb in other.labels()}
        assert stored["ORG"] == new["ORG"] and stored["QUOTE"] == new["QUOTE"]
        assert stored["PERSON"] == MINE
        assert stored["BOILERPLATE"] == new["BOILERPLATE"]  # never changed, still the same
        assert new["ORG"] in win.palette.buttons["ORG"].styleSheet()
        assert MINE in win.palette.buttons["PERSON"].styleSheet()
        for doc_id, text, org, person in ((1, FIRST, "BBC", "Tony Blair"),
                                          (2, SECOND, "Reuters", "Rishi")):  # fmt: skip
            qtbot.waitUntil(lambda doc_id=doc_id: win.editor.document_id == doc_id)
            assert win.view.text == text
            ink = char_format(win.view, find(text, org)[0]).background().color().name()
            assert ink == new["ORG"]
            ink = char_format(win.view, find(text, person)[0]).background().color().name()
            assert ink == MINE
            qtbot.keyClick(win.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    finally:
        win.close()
        win.store.close()


def test_opening_again_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_project(path)
    with Store(path) as store:
        first = project_labels(store)
        assert project_labels(store) == first
        assert next(lb for lb in first if lb.name == "PERSON").color == MINE
