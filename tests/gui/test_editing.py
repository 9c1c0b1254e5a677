"""Real flows in the window on a real project file: label, relabel, delete, resize, link, undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.gui.dialogs import NoteDialog, PickMentionDialog, SpeakerNameDialog
from annotator.gui.main_window import MainWindow
from annotator.store import Store

from .conftest import ME, TEXT, char_format, db_spans, find


def _span(path: Path, label: str, text: str = TEXT):  # type: ignore[no-untyped-def]
    return next(s for s in db_spans(path) if s.label == label and s.source == "human")


def test_opening_copies_suggestions_shown_as_suggestions(window: MainWindow, project: Path) -> None:
    assert window.editor.document_id == 1
    labels = sorted(s.label for s in window.view.spans)
    assert labels == sorted(["PERSON", "GPE", "DATE", "PERSON", "QUOTE", "CUE", "BOILERPLATE"])
    assert all(s.source == "model" and not s.reviewed for s in db_spans(project))
    fmt = char_format(window.view, 0)
    assert fmt.fontOverline()  # suggestions have a line over them


def test_select_and_press_a_label_key_stores_the_span(
    qtbot, window: MainWindow, project: Path
) -> None:  # type: ignore[no-untyped-def]
    start, end = find(TEXT, "ceasefire")
    window.view.select_text(start + 1, end - 2)  # sloppy: snaps to the word
    qtbot.keyClick(window.view, Qt.Key.Key_O)  # ORG's key, a real key press
    span = _span(project, "ORG")
    assert TEXT[span.start : span.end] == "ceasefire"
    assert (span.source, span.reviewed) == ("human", True)
    assert window.view.selected_span == span.id
    assert "Added ORG" in window.statusBar().currentMessage()
    # Relabel the selected span with another key, then delete it with Delete.
    qtbot.keyClick(window.view, Qt.Key.Key_E)
    assert _span(project, "EVENT").id == span.id
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert all(s.id != span.id for s in db_spans(project))


def test_click_selects_a_span_and_keys_resize_it(qtbot, window: MainWindow, project: Path) -> None:  # type: ignore[no-untyped-def]
    start, _ = find(TEXT, "Monday")
    rect = window.view.cursorRect(_cursor_at(window, start + 2))
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    date = window.view.span(window.view.selected_span)
    assert date is not None and date.label == "DATE"
    window.actions["grow_start"].trigger()  # "on Monday"
    window.actions["grow_end"].trigger()  # "on Monday."
    window.actions["shrink_end"].trigger()  # "on Monday"
    stored = next(s for s in db_spans(project) if s.id == date.id)
    assert TEXT[stored.start : stored.end] == "on Monday"
    assert stored.source == "human"
    # Growing into "Gaza" would overlap that GPE entity: refused, with the reason shown.
    window.editor.select_span(date.id)
    window.actions["grow_start"].trigger()
    assert "overlap" in window.statusBar().currentMessage()
    assert TEXT[slice(*_range(project, date.id))] == "on Monday"


def _range(path: Path, span_id: int) -> tuple[int, int]:
    span = next(s for s in db_spans(path) if s.id == span_id)
    return span.start, span.end


def _cursor_at(window: MainWindow, offset: int):  # type: ignore[no-untyped-def]
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.offsets.to_qt(offset))
    return cursor


def test_overlapping_entity_is_refused_with_the_reason(window: MainWindow, project: Path) -> None:
    before = db_spans(project)
    window.view.select_text(*find(TEXT, "Starmer visited"))
    window.actions["label:ORG"].trigger()
    assert db_spans(project) == before
    message = window.statusBar().currentMessage()
    assert "overlap" in message and "PERSON" in message


def test_link_speaker_by_click_and_cue_by_selection(
    qtbot, window: MainWindow, project: Path
) -> None:  # type: ignore[no-untyped-def]
    quote = next(s for s in window.view.spans if s.label == "QUOTE")
    window.editor.select_span(quote.id)
    window.actions["link_speaker"].trigger()
    assert "Click the speaker" in window.statusBar().currentMessage()
    hussain = find(TEXT, "Hussain")
    rect = window.view.cursorRect(_cursor_at(window, hussain[0] + 3))
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with Store(project) as store:
        rels = {r.label: store.span(r.child_id)[2] for r in store.relations(1, ME)}
        q = store.span(quote.id)[2]
    assert (rels["SPEAKER"].label, TEXT[rels["SPEAKER"].start : rels["SPEAKER"].end]) == (
        "SPEAKER",
        "Hussain",
    )
    assert q.attrs["speaker_name"] == "Hussain"  # named from the PERSON mention
    # Link the cue by selecting text after Shift+V (the old cue link is replaced).
    window.editor.select_span(quote.id)
    window.actions["link_cue"].trigger()
    window.view.select_text(*find(TEXT, "Mr"))
    window.editor._on_selection_made(*find(TEXT, "Mr"))
    with Store(project) as store:
        cues = [store.span(r.child_id)[2] for r in store.relations(1, ME) if r.label == "CUE"]
    assert [TEXT[c.start : c.end] for c in cues] == ["Mr"]
    # Edit the speaker name; the side list shows it.
    SpeakerNameDialog.ask = classmethod(lambda cls, parent, current, people: "Imran Hussain")  # type: ignore[method-assign,assignment]
    window.actions["edit_speaker_name"].trigger()
    assert window.side.quotes.data(window.side.quotes.index(0, 1)) == "Imran Hussain (Hussain)"
    assert window.side.quotes.data(window.side.quotes.index(0, 2)) == "Mr"
    # Undo three times: name, cue link, speaker link.
    for _ in range(3):
        window.actions["undo"].trigger()
    with Store(project) as store:
        rels = {r.label: store.span(r.child_id)[2] for r in store.relations(1, ME)}
        q = store.span(quote.id)[2]
    assert set(rels) == {"CUE"} and TEXT[rels["CUE"].start : rels["CUE"].end] == "said"
    assert "speaker_name" not in q.attrs


def test_pick_speaker_from_people(monkeypatch, window: MainWindow, project: Path) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []

    def pick(cls, parent, title, items):  # type: ignore[no-untyped-def]
        shown.extend(items)
        return 1

    monkeypatch.setattr(PickMentionDialog, "ask", classmethod(pick))
    quote = next(s for s in window.view.spans if s.label == "QUOTE")
    window.editor.select_span(quote.id)
    window.actions["pick_speaker"].trigger()
    with Store(project) as store:
        speaker = [
            store.span(r.child_id)[2] for r in store.relations(1, ME) if r.label == "SPEAKER"
        ]
        name = store.span(quote.id)[2].attrs.get("speaker_name")
    assert [TEXT[s.start : s.end] for s in speaker] == ["Keir Starmer"]
    assert name == "Keir Starmer"
    # Nearest the quote first, each with the words around it, never raw offsets.
    assert shown[0].startswith("Hussain") and "Mr [Hussain] said" in shown[0]
    assert "[Keir Starmer] visited Gaza" in shown[1] and "(at " not in "".join(shown)


def test_accept_skip_reopen_and_undo_across_documents(window: MainWindow, project: Path) -> None:
    window.view.select_text(*find(TEXT, "ceasefire"))
    window.actions["label:EVENT"].trigger()
    window.actions["accept_document"].trigger()
    with Store(project) as store:
        assert store.status(1, ME) == "done"
        assert all(s.reviewed for s in store.spans(1, ME))
    assert window.editor.document_id == 2  # moved on to the next unfinished
    assert "Done 1 / 2" in window.progress_label.text()
    window.actions["skip_document"].trigger()
    with Store(project) as store:
        assert store.status(2, ME) == "skipped"
    window.actions["undo"].trigger()  # undo the skip of document 2
    with Store(project) as store:
        assert store.status(2, ME) == "in_progress"
    # Document 1's history survived the switch: undo its accept, then the EVENT span.
    window.open_document(1)
    window.actions["undo"].trigger()
    with Store(project) as store:
        assert store.status(1, ME) == "in_progress"
        assert sum(not s.reviewed for s in store.spans(1, ME)) == 7
    window.actions["undo"].trigger()
    assert all(s.label != "EVENT" for s in db_spans(project))
    window.actions["redo"].trigger()
    assert any(s.label == "EVENT" for s in db_spans(project))
    window.actions["reopen_document"].trigger()
    window.actions["next_unfinished"].trigger()
    assert window.editor.document_id == 2


def test_accept_and_clear_suggestions_and_note(
    monkeypatch, window: MainWindow, project: Path
) -> None:  # type: ignore[no-untyped-def]
    window.actions["accept_suggestions"].trigger()
    assert all(s.reviewed and s.source == "model" for s in db_spans(project))
    fmt = char_format(window.view, 0)
    assert not fmt.fontOverline()  # reviewed spans have none
    window.actions["undo"].trigger()
    window.actions["clear_suggestions"].trigger()
    assert db_spans(project) == []
    assert window.view.spans == []
    window.actions["undo"].trigger()
    assert len(db_spans(project)) == 7
    monkeypatch.setattr(NoteDialog, "ask", classmethod(lambda cls, parent, current: "check quote"))
    window.actions["edit_note"].trigger()
    with Store(project) as store:
        assert store.note(1, ME) == "check quote"
    assert window.note.isVisibleTo(window) and "check quote" in window.note.text()


def test_tab_walks_spans_and_side_list_jumps(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.view.place_caret(0)
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    first = window.view.span(window.view.selected_span)
    assert first is not None and first.start == 0
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    assert window.view.span(window.view.selected_span).label == "GPE"  # type: ignore[union-attr]
    index = window.side.quotes.index(0, 0)
    window.side.views[0].clicked.emit(index)
    assert window.view.span(window.view.selected_span).label == "QUOTE"  # type: ignore[union-attr]
    tip = window.editor.describe([window.view.span(window.view.selected_span)])  # type: ignore[list-item]
    assert "QUOTE" in tip and "Cue: said" in tip


def test_real_keys_link_symbol_labels_and_undo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    quote = next(s for s in window.view.spans if s.label == "QUOTE")
    window.editor.select_span(quote.id)
    qtbot.keyClick(window.view, Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)
    assert "Click the speaker" in window.statusBar().currentMessage()
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.statusBar().currentMessage() == "Linking cancelled"
    window.view.select_text(*find(TEXT, "need"))
    # "%" is typed with Shift on most keyboards.
    qtbot.keyClick(window.view, Qt.Key.Key_Percent, Qt.KeyboardModifier.ShiftModifier)
    assert any(s.label == "PERCENT" for s in window.view.spans)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not any(s.label == "PERCENT" for s in window.view.spans)
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.view, Qt.Key.Key_Z, redo)
    assert any(s.label == "PERCENT" for s in window.view.spans)
