"""Defects 1-8 of issue 10, each driven by the real keys and clicks of a user."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from annotator.cli import main as cli_main
from annotator.gui import dialogs
from annotator.gui.main_window import MainWindow
from annotator.model import RelationData, SpanData
from annotator.ops.annotate import COMMIT_EVERY
from annotator.ops.export import export
from annotator.store import Store

from .conftest import ME, MODEL, char_format, find, open_window

QUOTED = (
    "Mr Hussain said: “We met on Monday in Gaza, and we will meet again.”\n"
    "He told BBC Radio 4's Today programme that talks would go on.\n"
    "Officials were not available."
)
PLAIN = "Rishi Sunak spoke in London.\nNothing else happened on Tuesday."
Ctrl = Qt.KeyboardModifier.ControlModifier
Shift = Qt.KeyboardModifier.ShiftModifier
Alt = Qt.KeyboardModifier.AltModifier


def _quoted_spans() -> tuple[list[SpanData], list[RelationData]]:
    quote = (QUOTED.index("“"), QUOTED.index("”") + 1)
    spans = [
        SpanData(*find(QUOTED, "Hussain"), "PERSON"),
        SpanData(*find(QUOTED, "Monday"), "DATE"),
        SpanData(*find(QUOTED, "Gaza"), "GPE"),
        SpanData(*quote, "QUOTE"),
        SpanData(*find(QUOTED, "said"), "CUE"),
        SpanData(*find(QUOTED, "BBC Radio 4's"), "ORG"),
    ]
    return spans, [RelationData(3, 4, "CUE")]


@pytest.fixture
def quoted_path(tmp_path: Path) -> Path:
    path = tmp_path / "quoted.db"
    with Store(path) as store:
        first, _ = store.add_document("quoted.txt", QUOTED, title="Talks")
        store.replace_annotations(first, MODEL, *_quoted_spans())
        second, _ = store.add_document("plain.txt", PLAIN, title="Sunak")
        store.replace_annotations(second, MODEL, [SpanData(0, 11, "PERSON")])
    return path


@pytest.fixture
def quoted_window(qtbot, quoted_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, quoted_path)
    yield win
    win.close()
    win.store.close()


def _click(qtbot, window: MainWindow, offset: int) -> None:  # type: ignore[no-untyped-def]
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(window.view.offsets.to_qt(offset) + 1)
    point = window.view.cursorRect(cursor).center() - QPoint(2, 0)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def _selected(window: MainWindow) -> SpanData | None:
    return window.view.span(window.view.selected_span)


def _tab_to(qtbot, window: MainWindow, text: str, label: str) -> SpanData:  # type: ignore[no-untyped-def]
    """Press Alt+Down (next span) until the span ``label`` over ``text`` is selected."""
    for _ in range(len(window.view.spans) + 1):
        qtbot.keyClick(window.view, Qt.Key.Key_Down, Alt)
        span = _selected(window)
        if span and span.label == label and window.view.text[span.start : span.end] == text:
            return span
    raise AssertionError(f"no {label} {text!r}")


def _status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


# 1 -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("key", ["Ctrl+PgDown", "Ctrl+Return", "click"])
def test_quote_styling_never_spreads_over_the_next_document(
    qtbot, quoted_window: MainWindow, key: str
) -> None:  # type: ignore[no-untyped-def]
    window = quoted_window
    _click(qtbot, window, QUOTED.index("Monday") + 2)  # an entity inside the quote
    assert _selected(window) is not None and _selected(window).label == "DATE"
    if key == "Ctrl+PgDown":
        qtbot.keyClick(window.view, Qt.Key.Key_PageDown, Ctrl)
    elif key == "Ctrl+Return":
        qtbot.keyClick(window.view, Qt.Key.Key_Return, Ctrl)
    else:
        table = window.documents.table
        rect = table.visualRect(window.documents.model.index(1, 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.editor.document_id == 2)
    for offset in (PLAIN.index("spoke"), PLAIN.index("Nothing"), len(PLAIN) - 2):
        fmt = char_format(window.view, offset)
        assert not fmt.fontItalic() and not fmt.fontUnderline(), offset
        assert not fmt.fontOverline() and fmt.fontWeight() == 400, offset
        assert fmt.background().style() == Qt.BrushStyle.NoBrush, offset


# 2 -------------------------------------------------------------------------------------------
def test_a_snapped_span_is_always_exportable(
    qtbot, quoted_window: MainWindow, quoted_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = quoted_window
    _tab_to(qtbot, window, "BBC Radio 4's", "ORG")
    qtbot.keyClick(window.view, Qt.Key.Key_Left, Alt)  # shrink the end by one token
    span = _selected(window)
    assert span is not None and QUOTED[span.start : span.end] == "BBC Radio 4"
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Ctrl)  # accept: it is now gold
    with Store(quoted_path) as store:
        report = export(store, format="spacy", out=tmp_path / "out.spacy")
    assert not [w for w in report.warnings if "ORG" in w]


def test_an_export_warning_names_each_span_it_drops(quoted_path: Path, tmp_path: Path) -> None:
    with Store(quoted_path) as store:
        start = QUOTED.index("BBC")
        store.replace_annotations(1, ME, [SpanData(start, start + 12, "ORG")])
        store.set_status(1, ME, "done")
        report = export(store, format="conll", out=tmp_path / "out.conll")
    [warning] = [w for w in report.warnings if "not aligned" in w]
    assert "'quoted.txt'" in warning and f"{start}..{start + 12}" in warning
    assert '"BBC Radio 4\'"' in warning and "ORG" in warning


# 3 and 4 -------------------------------------------------------------------------------------
@pytest.fixture
def unannotated(tmp_path: Path) -> Path:
    path = tmp_path / "raw.db"
    with Store(path) as store:
        store.add_document("quoted.txt", QUOTED, title="Talks")
        store.add_document("plain.txt", PLAIN, title="Sunak")
    return path


def test_preannotation_runs_in_the_background_and_the_open_document_fills_in(
    qtbot, unannotated: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, unannotated)
    try:
        assert window.editor.document_id == 1 and not window.view.spans
        qtbot.keyClick(window.view, Qt.Key.Key_R, Ctrl)
        assert window.job_progress.isVisible()
        assert QApplication.activeModalWidget() is None  # nothing blocks the window
        qtbot.keyClick(window.view, Qt.Key.Key_PageDown, Ctrl)  # keys still work meanwhile
        assert window.editor.document_id == 2
        qtbot.keyClick(window.view, Qt.Key.Key_PageUp, Ctrl)
        assert window.editor.document_id == 1
        # The open document shows its suggestions without being reopened.
        qtbot.waitUntil(lambda: len(window.view.spans) > 0, timeout=180_000)
        qtbot.waitUntil(lambda: not window.job_progress.isVisible(), timeout=60_000)
        assert "to review" in window.state.text() and " 0 spans" not in window.state.text()
    finally:
        window.close()
        window.store.close()


def test_preannotation_can_be_cancelled_from_the_status_bar(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "many.db"
    with Store(path) as store:
        for i in range(COMMIT_EVERY + 8):
            store.add_document(
                f"{i}.txt", f"Article {i}\nMr Hussain spoke in London.", title=str(i)
            )
    window = open_window(qtbot, path)
    lock = sqlite3.connect(path, isolation_level=None)
    try:
        lock.execute("BEGIN IMMEDIATE")  # the first batch waits here until we have cancelled
        qtbot.keyClick(window.view, Qt.Key.Key_R, Ctrl)
        assert window.job_progress.isVisible() and QApplication.activeModalWidget() is None
        job = window.runner.jobs[0]
        qtbot.waitUntil(lambda: job.progress[0] >= COMMIT_EVERY, timeout=180_000)
        qtbot.mouseClick(window.job_progress.cancel, Qt.MouseButton.LeftButton)
        assert "cancelling" in window.job_progress.label.text()
        lock.execute("ROLLBACK")
        qtbot.waitUntil(lambda: not window.job_progress.isVisible(), timeout=60_000)
        assert "(cancelled)" in _status(window)
        assert f"Pre-annotated {COMMIT_EVERY} document(s)" in _status(window)
    finally:
        lock.close()
        window.close()
        window.store.close()


def test_the_open_document_refreshes_when_another_process_adds_suggestions(
    qtbot, unannotated: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, unannotated)
    try:
        assert not window.view.spans
        with Store(unannotated) as other:  # as `annotator annotate` would
            other.replace_annotations(1, MODEL, *_quoted_spans())
        qtbot.waitUntil(lambda: len(window.view.spans) == 6, timeout=10_000)
        assert "6 to review" in window.state.text()
    finally:
        window.close()
        window.store.close()


# 5 -------------------------------------------------------------------------------------------
def test_new_suggestions_for_an_edited_document_are_offered_and_merged_in_one_step(
    qtbot, unannotated: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, unannotated)
    try:
        window.view.select_text(*find(QUOTED, "Mr Hussain"))
        qtbot.keyClick(window.view, Qt.Key.Key_P)  # the person's own span, before any model run
        assert [s.label for s in window.view.spans] == ["PERSON"]
        with Store(unannotated) as other:
            other.replace_annotations(1, MODEL, *_quoted_spans())
        qtbot.waitUntil(lambda: "new suggestion" in window.note.text(), timeout=10_000)
        assert window.note.isVisible() and "Ctrl+Shift+M" in window.note.text()
        assert len(window.view.spans) == 1  # nothing arrives behind the person's back
        qtbot.keyClick(window.view, Qt.Key.Key_M, Ctrl | Shift)
        labels = sorted(s.label for s in window.view.spans)
        # "Hussain" (model) clashes with "Mr Hussain" (the person's): left out.
        assert labels == ["CUE", "DATE", "GPE", "ORG", "PERSON", "QUOTE"]
        assert "1 left out" in _status(window)
        assert not window.note.isVisible()
        with Store(unannotated) as other:
            assert [r.label for r in other.relations(1, ME)] == ["CUE"]
        qtbot.keyClick(window.view, Qt.Key.Key_Z, Ctrl)  # one step back
        assert [s.label for s in window.view.spans] == ["PERSON"]
        qtbot.keyClick(window.view, Qt.Key.Key_Z, Ctrl | Shift)
        assert len(window.view.spans) == 6
    finally:
        window.close()
        window.store.close()


# 6 -------------------------------------------------------------------------------------------
def test_a_label_key_without_a_selection_labels_nothing(
    qtbot, quoted_window: MainWindow, quoted_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = quoted_window
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    window.view.place_caret(QUOTED.index("Officials") + 3)
    before = len(window.view.spans)
    for key in (Qt.Key.Key_P, Qt.Key.Key_O, Qt.Key.Key_G):
        qtbot.keyClick(window.view, key)
    assert len(window.view.spans) == before
    assert "select some text first" in _status(window)
    with Store(quoted_path) as store:
        assert len(store.spans(1, ME)) == before


# 7 -------------------------------------------------------------------------------------------
def test_an_entity_never_crosses_a_paragraph_but_a_quote_may(
    qtbot, quoted_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    window = quoted_window
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    start = QUOTED.index("on.")
    window.view.place_caret(start)
    for _ in range(2):  # down into the next paragraph, selecting
        qtbot.keyClick(window.view, Qt.Key.Key_Down, Shift)
    assert "\n" in window.view.text[slice(*window.view.selection())]
    before = len(window.view.spans)
    qtbot.keyClick(window.view, Qt.Key.Key_O)
    assert len(window.view.spans) == before
    assert "paragraph" in _status(window)
    qtbot.keyClick(window.view, Qt.Key.Key_Q)
    assert len(window.view.spans) == before + 1
    # Growing an entity over a line break is refused the same way.
    _tab_to(qtbot, window, "Gaza", "GPE")
    span = _tab_to(qtbot, window, "BBC Radio 4's", "ORG")
    window.editor.set_snap(False)
    for _ in range(len(QUOTED) - span.end):
        qtbot.keyClick(window.view, Qt.Key.Key_Right, Alt)
    assert "\n" not in QUOTED[slice(_selected(window).start, _selected(window).end)]


# 8 -------------------------------------------------------------------------------------------
def test_relabelling_a_linked_quote_says_what_is_linked(qtbot, quoted_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = quoted_window
    _tab_to(qtbot, window, QUOTED[QUOTED.index("“") : QUOTED.index("”") + 1], "QUOTE")
    qtbot.keyClick(window.view, Qt.Key.Key_B)  # BOILERPLATE: not an entity, no overlap rule
    assert "has a linked speaker or cue" in _status(window)
    assert "linked to a quote" not in _status(window)


def test_an_empty_project_shows_how_to_import(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "empty.db")
    try:
        assert window.title.text() == "No documents yet"
        assert "Import files" in window.view.placeholderText()
        assert "Ctrl+O" in window.view.placeholderText()
    finally:
        window.close()
        window.store.close()


def test_db_is_accepted_after_the_subcommand(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Talks\nMr Hussain spoke.\n", encoding="utf-8")
    db = tmp_path / "after.db"
    result = CliRunner().invoke(cli_main, ["import", "--db", str(db), str(article)])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert store.count_documents() == 1


def test_a_quote_whose_speaker_a_person_linked_exports_as_human(
    qtbot,
    quoted_window: MainWindow,
    quoted_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    window = quoted_window
    _tab_to(qtbot, window, QUOTED[QUOTED.index("“") : QUOTED.index("”") + 1], "QUOTE")
    monkeypatch.setattr(dialogs.PickMentionDialog, "ask", classmethod(lambda cls, *a: 0))
    qtbot.keyClick(window.view, Qt.Key.Key_S, Ctrl | Shift)  # nearest person: Hussain
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Ctrl)
    out = tmp_path / "quotes.jsonl"
    with Store(quoted_path) as store:
        export(store, format="quotes-jsonl", out=out)
    [row] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["speaker"]["text"] == "Hussain" and row["source"] == "human"
