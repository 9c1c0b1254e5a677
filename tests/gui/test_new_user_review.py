"""What a new user tripped over reviewing BBC articles from the keyboard, each pressed again
with the real keys across two documents: undo that says what an accept was, find then a label
key on a span's text, the side lists of the next document starting at the top."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QPlainTextEdit

from annotator.gui.main_window import MainWindow
from annotator.model import SpanData
from annotator.store import Store

from .conftest import MODEL, find, open_window

Ctrl = Qt.KeyboardModifier.ControlModifier
Shift = Qt.KeyboardModifier.ShiftModifier
NoMod = Qt.KeyboardModifier.NoModifier


def _press(qtbot, window: MainWindow, key: Qt.Key, modifiers=NoMod) -> str:  # type: ignore[no-untyped-def]
    window.view.setFocus()
    qtbot.keyClick(window.view, key, modifiers)
    return window.statusBar().currentMessage()


def _labels(window: MainWindow) -> dict[str, str]:
    return {window.view.text[s.start : s.end]: s.label for s in window.view.spans}


def test_undo_and_redo_name_an_accepted_suggestion(qtbot, project: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, project)
    _press(qtbot, window, Qt.Key.Key_Tab)
    _press(qtbot, window, Qt.Key.Key_Space)  # accept PERSON "Keir Starmer"
    assert window.commands.actions["undo"].text() == "&Undo Accept PERSON"
    assert _press(qtbot, window, Qt.Key.Key_Z, Ctrl) == "Undo: Accept PERSON"
    assert _press(qtbot, window, Qt.Key.Key_Z, Ctrl | Shift) == "Redo: Accept PERSON"
    _press(qtbot, window, Qt.Key.Key_Return, Ctrl)  # accept the document: the next one
    assert window.editor.document_id == 2
    _press(qtbot, window, Qt.Key.Key_Tab)
    _press(qtbot, window, Qt.Key.Key_Space)  # accept PERSON "Rishi Sunak"
    window.close()
    window.store.close()
    window = open_window(qtbot, project)  # restarted: reopens the second document
    assert window.editor.document_id == 2
    assert _press(qtbot, window, Qt.Key.Key_Z, Ctrl) == "Undo: Accept PERSON (earlier session)"
    window.close()
    window.store.close()


def _find(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    _press(qtbot, window, Qt.Key.Key_F, Ctrl)
    qtbot.keyClicks(window.find_bar.line, text)
    qtbot.keyClick(window.find_bar.line, Qt.Key.Key_Escape)  # back to the text


def test_a_label_key_after_find_relabels_the_span_found(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _press(qtbot, window, Qt.Key.Key_Tab)  # "Keir Starmer" outlined
    _find(qtbot, window, "gaza")  # exactly the GPE's text
    selected = window.view.span(window.view.selected_span)
    assert selected is not None and selected.label == "GPE"  # not Keir Starmer any more
    _press(qtbot, window, Qt.Key.Key_L)
    assert _labels(window)["Gaza"] == "LOC", window.statusBar().currentMessage()
    assert _labels(window)["Keir Starmer"] == "PERSON"
    _find(qtbot, window, "ceasefire")  # no span there: the text is selected, nothing outlined
    assert window.view.selected_span is None
    _press(qtbot, window, Qt.Key.Key_O)
    assert _labels(window)["ceasefire"] == "ORG"

    _press(qtbot, window, Qt.Key.Key_PageDown, Ctrl)
    assert window.editor.document_id == 2
    _find(qtbot, window, "sunak")  # part of PERSON "Rishi Sunak": selected as text
    assert window.view.selected_span is None
    assert "would overlap" in _press(qtbot, window, Qt.Key.Key_N)
    window.view.place_caret(0)  # the span's exact text selected by Shift+arrows
    for _ in "Rishi Sunak":
        qtbot.keyClick(window.view, Qt.Key.Key_Right, Shift)
    _press(qtbot, window, Qt.Key.Key_N)
    assert _labels(window)["Rishi Sunak"] == "NORP", window.statusBar().currentMessage()
    assert sum(1 for s in window.view.spans if s.start == 0) == 1


def test_the_next_documents_lists_start_at_the_top(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    names = " ".join(f"Name{i} met Smith{i} on Monday." for i in range(40))
    path = tmp_path / "long.db"
    with Store(path) as store:
        for n in (1, 2):
            text = f"Document {n}. {names}"
            doc_id, _ = store.add_document(f"doc{n}.txt", text, title=f"Document {n}")
            spans = [SpanData(*find(text, f"Smith{i}"), "PERSON") for i in range(40)]
            store.replace_annotations(doc_id, MODEL, spans)
    window = open_window(qtbot, path)
    entities = window.side.views[1]
    assert entities.verticalScrollBar().maximum() > 0
    _press(qtbot, window, Qt.Key.Key_End, Ctrl)
    _press(qtbot, window, Qt.Key.Key_Backtab, Shift)  # the last suggestion: its row in view
    assert window.view.span(window.view.selected_span).text_of(window.view.text) == "Smith39"  # type: ignore[union-attr]
    assert entities.verticalScrollBar().value() > 0
    _press(qtbot, window, Qt.Key.Key_Return, Ctrl)  # accept: the next document
    assert window.editor.document_id == 2
    assert entities.verticalScrollBar().value() == 0
    assert entities.rowAt(0) == 0 and window.side.entities.span_id(0) is not None
    _press(qtbot, window, Qt.Key.Key_Z, Ctrl)  # undo the accept: back to the first document
    assert window.editor.document_id == 1
    assert entities.verticalScrollBar().value() == 0
    window.close()
    window.store.close()


def test_arrows_in_the_document_list_browse_and_return_reads(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    table = window.documents.table
    _press(qtbot, window, Qt.Key.Key_1, Ctrl)  # View ▸ Document list
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # opens the second document, the keys stay here
    assert window.editor.document_id == 2 and table.hasFocus()
    assert window.statusBar().currentMessage().endswith("Return: read it")
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert window.editor.document_id == 1 and table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Return)  # the article takes the keys
    assert window.editor.document_id == 2 and window.view.hasFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    assert _labels(window) == {"Rishi Sunak": "PERSON"}
    selected = window.view.span(window.view.selected_span)
    assert selected is not None and selected.text_of(window.view.text) == "Rishi Sunak"


def _note(qtbot, window: MainWindow, text: str, *keys: tuple[Qt.Key, Qt.KeyboardModifier]) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Shift+N, type ``text`` in the note dialog, then press ``keys`` (to save it)."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        editor = dialog.findChild(QPlainTextEdit)
        dialog.activateWindow()  # as a window manager does
        qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
        editor.selectAll()
        qtbot.keyClicks(editor, text)
        for key, modifiers in keys:
            qtbot.keyClick(QApplication.focusWidget(), key, modifiers)
        if dialog.isVisible():  # not saved: close it, so the test fails instead of waiting
            QTimer.singleShot(0, dialog.reject)

    QTimer.singleShot(0, fill)
    _press(qtbot, window, Qt.Key.Key_N, Ctrl | Shift)
    window.activateWindow()  # the dialog gone, the window manager gives the keys back
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)


def test_the_note_dialog_is_saved_from_the_keyboard(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, project: Path
) -> None:
    _note(qtbot, window, "check the speaker", (Qt.Key.Key_Return, Ctrl))
    assert window.store.note(1, "ana") == "check the speaker", window.statusBar().currentMessage()
    _press(qtbot, window, Qt.Key.Key_PageDown, Ctrl)
    assert window.editor.document_id == 2, window.statusBar().currentMessage()
    _note(qtbot, window, "fine", (Qt.Key.Key_Tab, NoMod), (Qt.Key.Key_Space, NoMod))  # Tab: Save
    with Store(project) as store:
        assert [store.note(1, "ana"), store.note(2, "ana")] == ["check the speaker", "fine"]


def test_a_linked_surname_speaks_under_the_full_name_named_before(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "Imran Hussain visited Leeds.\nMr Hussain said: “We need a ceasefire now.”": (
            "Imran Hussain", "Hussain"),
        "Dylan Thomas and Richard Thomas met.\nMr Thomas said: “It went well.”": (
            "Dylan Thomas", "Richard Thomas", "Thomas"),
    }  # fmt: skip
    path = tmp_path / "names.db"
    with Store(path) as store:
        for n, (text, people) in enumerate(texts.items()):
            doc_id, _ = store.add_document(f"doc{n}.txt", text, title=people[0])
            *named, surname = people
            said = text.index("Mr ") + 3  # the surname after the title
            spans = [SpanData(*find(text, name), "PERSON") for name in named]
            spans.append(SpanData(said, said + len(surname), "PERSON"))
            spans.append(SpanData(text.index("“"), text.index("”") + 1, "QUOTE"))
            store.replace_annotations(doc_id, MODEL, spans)
    window = open_window(qtbot, path)
    names = []
    for doc in (1, 2):
        assert window.editor.document_id == doc
        quote = next(s for s in window.view.spans if s.label == "QUOTE")
        window.editor.select_span(quote.id)
        _press(qtbot, window, Qt.Key.Key_S, Shift)  # link the speaker: waits for a mention
        said = window.view.text.index("Mr ") + 3
        window.view.select_text(said, window.view.text.index(" said"))
        _press(qtbot, window, Qt.Key.Key_Space)  # that selection is the speaker
        linked = window.view.span(quote.id)
        assert linked is not None
        names.append(linked.attrs.get("speaker_name"))
        _press(qtbot, window, Qt.Key.Key_PageDown, Ctrl)
    assert names == ["Imran Hussain", "Thomas"]  # two Thomases: the name stays as said
    window.close()
    window.store.close()


def test_the_speaker_picker_shows_each_mention_in_full(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Legal experts said Rosneft's purchase of Yuganskneftegas would include such "
        "obligations. “The pledged assets are with Rosneft, so it will have to pay real money "
        "to the creditors,” said Moscow-based US lawyer Jamie Firestone, who is not connected "
        "to the case. Menatep Group's managing director Tim Osborne told the Reuters agency."
    )
    path = tmp_path / "picker.db"
    with Store(path) as store:
        store.add_document("yukos.txt", text, title="Yukos")
        quote = SpanData(text.index("“"), text.index("”") + 1, "QUOTE")
        people = [SpanData(*find(text, n), "PERSON") for n in ("Jamie Firestone", "Tim Osborne")]
        store.replace_annotations(1, MODEL, [quote, *people])
    window = open_window(qtbot, path)
    seen: list[tuple[int, int]] = []

    def pick() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        listing = dialog.findChild(QListWidget)
        seen.append((listing.viewport().width(), listing.sizeHintForColumn(0)))
        dialog.activateWindow()
        line = dialog.findChild(QLineEdit)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is line)
        qtbot.keyClicks(line, "tim")
        qtbot.keyClick(line, Qt.Key.Key_Return)

    window.editor.select_span(next(s for s in window.view.spans if s.label == "QUOTE").id)
    QTimer.singleShot(0, pick)
    _press(qtbot, window, Qt.Key.Key_S, Ctrl | Shift)
    shown, needed = seen[0]
    assert shown >= needed  # no sentence cut off behind a scroll bar
    quote_now = next(s for s in window.view.spans if s.label == "QUOTE")
    assert quote_now.attrs.get("speaker_name") == "Tim Osborne"
    window.close()
    window.store.close()


def test_each_annotator_reopens_at_their_own_place(qtbot, project: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, project)  # ana
    _press(qtbot, window, Qt.Key.Key_PageDown, Ctrl)
    assert window.editor.document_id == 2
    window.close()
    window.store.close()
    ben = MainWindow(store=Store(project), annotator="ben", poll_ms=50)
    qtbot.addWidget(ben)
    ben.show()
    qtbot.waitExposed(ben)
    assert ben.editor.document_id == 1  # his first document, not ana's place
    ben.close()
    ben.store.close()
    window = open_window(qtbot, project)
    assert window.editor.document_id == 2  # ana's place is still hers
    window.close()
    window.store.close()


def test_return_in_the_document_search_opens_the_first_match(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    for word, doc in (("london", 2), ("gaza", 1)):
        _press(qtbot, window, Qt.Key.Key_F, Ctrl | Shift)  # Edit ▸ Search documents
        search = window.documents.search
        assert search.hasFocus()
        search.clear()
        qtbot.keyClicks(search, word)
        qtbot.keyClick(search, Qt.Key.Key_Return)  # at once, before the search would settle
        assert window.editor.document_id == doc, window.statusBar().currentMessage()
        assert window.view.hasFocus()
        assert window.documents.table.currentIndex().row() == 0


def test_escape_in_the_document_search_goes_back_to_the_article(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _press(qtbot, window, Qt.Key.Key_PageDown, Ctrl)
    assert window.editor.document_id == 2
    _press(qtbot, window, Qt.Key.Key_F, Ctrl | Shift)
    search = window.documents.search
    qtbot.keyClicks(search, "gaza")  # only the first document matches
    qtbot.keyClick(search, Qt.Key.Key_Escape)  # changed my mind
    assert window.view.hasFocus() and search.text() == ""
    assert window.editor.document_id == 2 and window.documents.model.rowCount() == 2
    assert window.documents.table.currentIndex().row() == 1  # the open document's row
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)  # the keys work in the article again
    assert window.view.span(window.view.selected_span) is not None


def test_the_story_label_set_stands_out_from_the_others(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The chosen topic was a barely darker grey than the rest: which one is set?"""
    from annotator.gui.app import STYLE

    window.setStyleSheet(STYLE)
    buttons = window.doc_labels.buttons
    for key, doc in ((Qt.Key.Key_3, 1), (Qt.Key.Key_4, 2)):
        assert window.editor.document_id == doc
        _press(qtbot, window, key)  # a story label of this document
        chosen = next(name for name, b in buttons.items() if b.isChecked())
        other = next(name for name, b in buttons.items() if not b.isChecked())

        def colour(name: str) -> tuple[int, int, int]:
            button = buttons[name]
            image = button.grab().toImage()
            pixel = image.pixelColor(6, image.height() // 2)  # inside, left of the text
            return pixel.red(), pixel.green(), pixel.blue()

        apart = sum(abs(a - b) for a, b in zip(colour(chosen), colour(other), strict=True))
        assert apart > 200, (chosen, colour(chosen), other, colour(other))
        _press(qtbot, window, Qt.Key.Key_PageDown, Ctrl)


def test_find_without_a_match_leaves_nothing_for_a_label_key(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    for doc, typed in ((1, "ceasefirx"), (2, "nothinx")):
        assert window.editor.document_id == doc
        _find(qtbot, window, typed)  # "ceasefir" was found, then "…x" is not
        assert window.find_bar.count.text() == "not found"
        assert window.view.selection() is None
        before = len(window.view.spans)
        assert "select some text first" in _press(qtbot, window, Qt.Key.Key_O)
        assert len(window.view.spans) == before
        _press(qtbot, window, Qt.Key.Key_PageDown, Ctrl)
