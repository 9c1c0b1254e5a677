"""The document list: a correct Qt model, lazy pages, filters and search."""

from __future__ import annotations

from pathlib import Path

from annotator.gui.document_list import DocumentListModel, DocumentListPanel
from annotator.gui.highlight import SpanStyles
from annotator.gui.span_list import SpanListModel
from annotator.model import SpanData
from annotator.resources import default_labels
from annotator.store import Store

from .conftest import ME


def _many(path: Path, n: int) -> Store:
    store = Store(path)
    with store.transaction():
        store.db.conn.executemany(
            "INSERT INTO documents (name, title, text, length, content_hash, meta, created_at) "
            "VALUES (?, ?, ?, ?, ?, '{}', '2024-01-01')",
            [(f"d{i}.txt", f"Title {i}", f"text number {i} zebra" if i % 1000 == 7 else f"text {i}",
              20, f"h{i}") for i in range(n)],
        )  # fmt: skip
    return store


def test_model_passes_the_model_tester(qtmodeltester, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = _many(tmp_path / "p.db", 450)
    model = DocumentListModel(store=store, annotator=ME)
    qtmodeltester.check(model)
    model.set_filter(search="zebra")
    qtmodeltester.check(model)
    store.close()


def test_span_list_models_pass_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    styles = SpanStyles({label.name: label for label in default_labels()})
    text = "Mr Hussain said “yes”."
    spans = [SpanData(3, 10, "PERSON", id=1), SpanData(16, 21, "QUOTE", id=2),
             SpanData(11, 15, "CUE", id=3)]  # fmt: skip
    for quotes in (True, False):
        model = SpanListModel(quotes=quotes, styles=styles)
        model.set_rows(text, spans, {2: {"CUE": spans[2]}})
        qtmodeltester.check(model)
        assert model.rowCount() == 1


def test_large_corpus_reads_only_the_pages_shown(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = _many(tmp_path / "p.db", 20_000)
    panel = DocumentListPanel(store=store, annotator=ME, labels=["PERSON"])
    qtbot.addWidget(panel)
    panel.resize(400, 600)
    panel.show()
    qtbot.waitExposed(panel)
    model = panel.model
    assert model.rowCount() == 20_000
    assert model.pages_read <= 1
    panel.table.scrollToBottom()
    assert model.data(model.index(19_999, 0)) == "Title 19999"
    assert model.pages_read <= 3
    assert model.row_of(12_345) == 12_344
    # Search through FTS5: the filter narrows the count without loading rows.
    panel.search.setText("zebra")
    qtbot.waitUntil(lambda: model.rowCount() == 20)
    panel.close()  # before the store: a hidden panel no longer asks the model for rows
    store.close()


def test_status_and_label_filters(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.db"
    store = Store(path)
    a, _ = store.add_document("a.txt", "Alpha text")
    b, _ = store.add_document("b.txt", "Beta text")
    store.set_status(a, ME, "done")
    store.add_span(b, ME, SpanData(0, 4, "ORG", source="human"))
    panel = DocumentListPanel(store=store, annotator=ME, labels=["ORG", "PERSON"])
    qtbot.addWidget(panel)
    panel.status.setCurrentIndex(panel.status.findData("done"))
    assert [panel.model.document_id(r) for r in range(panel.model.rowCount())] == [a]
    panel.status.setCurrentIndex(0)
    panel.label.setCurrentIndex(panel.label.findData("ORG"))
    assert [panel.model.document_id(r) for r in range(panel.model.rowCount())] == [b]
    assert panel.model.data(panel.model.index(0, 2)) == 1
    panel.close()
    store.close()


def test_team_column_shows_everyone_s_progress(qtmodeltester, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    store = _many(tmp_path / "p.db", 3)
    store.set_status(1, "alice", "done")
    store.set_status(1, "bob", "in_progress")
    store.set_status(2, "bob", "done")
    model = DocumentListModel(store=store, annotator="alice")
    qtmodeltester.check(model)
    assert model.headerData(4, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "Team"
    shown = [model.data(model.index(row, 4)) for row in range(3)]
    assert shown == ["1/2 done", "1/1 done", ""]
    tip = model.data(model.index(0, 4), Qt.ItemDataRole.ToolTipRole)
    assert tip == "alice: done\nbob: in progress"
    store.close()


def test_typing_odd_characters_into_the_search_box_never_raises(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue 9, defect 12: a NUL or half an emoji pasted between typed words."""
    store = _many(tmp_path / "p.db", 2000)
    panel = DocumentListPanel(store=store, annotator=ME, labels=["PERSON"])
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    for before, pasted, after, rows in (
        ("zeb", "\x00", "ra", 0), ("zebra", "\x00", "", 2), ("", "\x00", "", 2000),
        ("zebra ", "\ud83d", "", 2), ("zebra", "", "", 2),
    ):  # fmt: skip
        panel.search.clear()
        with qtbot.waitSignal(panel._debounce.timeout, timeout=10_000):
            qtbot.keyClicks(panel.search, before)
            panel.search.insert(pasted)  # what a paste does; QTest cannot type a NUL
            qtbot.keyClicks(panel.search, after)
        assert panel.model.rowCount() == rows, (before, pasted, after)
    panel.close()
    store.close()


def test_waiting_suggestions_fit_their_column(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A document not opened yet shows "N waiting" whole (it read "61 sugge…")."""
    from PySide6.QtCore import Qt

    store = Store(tmp_path / "p.db")
    doc, _ = store.add_document("a.txt", "Alpha text " * 80)
    store.replace_annotations(doc, "model:test@1", [SpanData(i * 11, i * 11 + 5, "ORG")
                                                   for i in range(61)])  # fmt: skip
    panel = DocumentListPanel(store=store, annotator=ME, labels=["ORG"])
    qtbot.addWidget(panel)
    panel.show()
    shown = panel.model.data(panel.model.index(0, 2))
    assert shown == "61 waiting"
    font = panel.model.data(panel.model.index(0, 2), Qt.ItemDataRole.FontRole)
    from PySide6.QtGui import QFontMetrics

    width = QFontMetrics(font or panel.table.font()).horizontalAdvance("123 waiting")
    assert width + 12 <= panel.table.columnWidth(2)  # the cell's margins
    panel.close()
    store.close()
