"""What the window says: its title, status lines, the document list's columns, refusals."""

from __future__ import annotations

from annotator.gui.main_window import MainWindow

from .conftest import TEXT, find


def test_window_title_leaves_the_app_name_to_qt(window: MainWindow) -> None:
    # Qt appends the application display name ("— Annotator") to what is set here.
    assert window.windowTitle() == "project.db — ana"


def test_status_line_after_the_last_accept(window: MainWindow) -> None:
    window.actions["accept_document"].trigger()
    window.actions["accept_document"].trigger()
    assert window.statusBar().currentMessage() == (
        "Accepted “Rishi Sunak spoke in London.” (Done 2 / 2)"
        " — every document is done or skipped — Ctrl+Z to undo"
    )


def test_unopened_documents_show_their_waiting_suggestions(window: MainWindow) -> None:
    model = window.documents.model
    assert model.data(model.index(0, 2)) == 7  # opened: the annotator's spans
    assert model.data(model.index(1, 2)) == "1 waiting"  # pre-annotated, never opened
    assert "model suggestions" in model.data(model.index(1, 2), 3)  # ToolTipRole
    header = window.documents.table.horizontalHeader()
    assert header.sectionSize(0) > max(header.sectionSize(c) for c in (1, 2, 3))  # title wins


def test_overlap_refusal_quotes_the_words(window: MainWindow) -> None:
    window.view.select_text(*find(TEXT, "Starmer visited"))
    window.actions["label:ORG"].trigger()
    assert window.statusBar().currentMessage() == (
        "ORG “Starmer visited” would overlap PERSON “Keir Starmer”; entities never overlap"
    )


def test_filter_popups_show_their_current_item(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The app stylesheet once drew the current item of a filter's popup white on white."""
    from annotator.gui.app import STYLE

    combo = window.documents.status
    window.setStyleSheet(STYLE)
    combo.showPopup()
    view = combo.view()
    qtbot.waitExposed(view.window())
    image = view.viewport().grab(view.visualRect(combo.model().index(0, 0))).toImage()
    dark = sum(
        image.pixelColor(x, y).lightness() < 128
        for x in range(image.width())
        for y in range(image.height())
    )
    combo.hidePopup()
    assert dark > 20  # the words "All statuses" are drawn
