"""GUI test setup: offscreen Qt, private settings, no message boxes, small real projects."""

from __future__ import annotations

import json
import os
import tempfile

# Before Qt loads: no display needed, and QSettings writes under a throw-away folder.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="annotator-test-config-")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from annotator.gui import messages
from annotator.gui.main_window import MainWindow
from annotator.model import RelationData, SpanData
from annotator.store import Store

ME = "ana"
MODEL = "model:test@1"
TEXT = (
    "Keir Starmer visited Gaza on Monday.\n"
    "Mr Hussain said: “We need a ceasefire now.”\n"
    "Please use Chrome browser for a more accessible video player"
)
OTHER_TEXT = "Rishi Sunak spoke in London.\nNothing else happened on Tuesday."


def find(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def model_spans(text: str) -> tuple[list[SpanData], list[RelationData]]:
    """Suggestions like a model run's: entities, a quote with its cue, a boilerplate line."""
    quote = (text.index("“"), text.index("”") + 1)
    spans = [
        SpanData(*find(text, "Keir Starmer"), "PERSON"),
        SpanData(*find(text, "Gaza"), "GPE"),
        SpanData(*find(text, "Monday"), "DATE"),
        SpanData(*find(text, "Hussain"), "PERSON"),
        SpanData(*quote, "QUOTE"),
        SpanData(*find(text, "said"), "CUE"),
        SpanData(*find(text, "Please use Chrome browser for a more accessible video player"),
                 "BOILERPLATE"),
    ]  # fmt: skip
    return spans, [RelationData(4, 5, "CUE")]


def make_project(path: Path, texts: tuple[str, ...] = (TEXT, OTHER_TEXT)) -> None:
    with Store(path) as store:
        for i, text in enumerate(texts):
            doc_id, _ = store.add_document(f"doc{i}.txt", text, title=text.split("\n")[0])
            if "Keir" in text:
                store.replace_annotations(doc_id, MODEL, *model_spans(text))
            else:
                store.replace_annotations(doc_id, MODEL, [SpanData(0, 11, "PERSON")])


@pytest.fixture(autouse=True)
def _headless(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(messages, "boxes_enabled", False)
    monkeypatch.setenv("ANNOTATOR_USER", ME)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "project.db"
    make_project(path)
    return path


def open_window(qtbot, path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    """A main window on the project at ``path``, shown, with the keyboard in the article."""
    win = MainWindow(store=Store(path), annotator=ME, poll_ms=50)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.view)
    return win


@pytest.fixture
def window(qtbot, project: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, project)
    yield win
    win.close()
    win.store.close()


def layer_rows(store: Store, doc_id: int, layer: str) -> tuple[list[Any], list[Any]]:
    """A layer's spans (with ids and attributes) and links in a document, sorted, to compare."""
    spans = sorted(
        (s.id, s.start, s.end, s.label, s.source, s.reviewed,
         json.dumps(s.attrs, sort_keys=True), s.group)
        for s in store.spans(doc_id, layer)
    )  # fmt: skip
    links = sorted(
        (r.head_id, r.child_id, r.label, json.dumps(r.attrs, sort_keys=True))
        for r in store.relations(doc_id, layer)
    )
    return spans, links


def db_spans(path: Path, doc_id: int = 1) -> list[SpanData]:
    """What the database holds now, through a separate connection."""
    with Store(path) as store:
        return store.spans(doc_id, ME)


def char_format(view, offset: int):  # type: ignore[no-untyped-def]
    """The character format the view shows at code-point ``offset``."""
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_qt(offset) + 1)
    return cursor.charFormat()
