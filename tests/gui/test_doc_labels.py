"""Story labels from the keyboard: the number keys of the scheme's document categories, pressed
in the real window across two documents, saved at once and filtering the document list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.gui.main_window import MainWindow
from annotator.store import Store

from .conftest import ME


def saved(project: Path, doc_id: int) -> dict[str, str]:
    with Store(project) as store:  # a second connection: what is on disk
        return store.document_labels(doc_id, ME)


def shown(window: MainWindow) -> set[str]:
    return {name for name, b in window.doc_labels.buttons.items() if b.isChecked()}


def listed(window: MainWindow) -> list[int]:
    model = window.documents.model
    return [model.document_id(r) for r in range(model.rowCount())]


def test_number_keys_set_story_labels_across_documents(
    qtbot, window: MainWindow, project: Path
) -> None:  # type: ignore[no-untyped-def]
    window.open_document(1)
    qtbot.keyClick(window.view, Qt.Key.Key_3)  # politics (topic, single-label)
    assert saved(project, 1) == {"politics": "accept"} and shown(window) == {"politics"}
    qtbot.keyClick(window.view, Qt.Key.Key_4)  # sport replaces politics in a single-label set
    assert saved(project, 1) == {"sport": "accept"} and shown(window) == {"sport"}

    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.editor.document_id == 2)
    assert shown(window) == set()  # the next document starts with none
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # business
    assert saved(project, 2) == {"business": "accept"}
    assert saved(project, 1) == {"sport": "accept"}  # the first document kept its label

    qtbot.keyClick(window.view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.editor.document_id == 1)
    assert shown(window) == {"sport"}
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_4)  # the same key again clears it
    assert saved(project, 1) == {} and shown(window) == set()

    panel = window.documents
    panel.label.setCurrentIndex(panel.label.findData("category:business"))
    qtbot.waitUntil(lambda: listed(window) == [2])
    panel.label.setCurrentIndex(panel.label.findData(None))
    qtbot.waitUntil(lambda: listed(window) == [1, 2])


def test_clicking_a_category_button_sets_it(qtbot, window: MainWindow, project: Path) -> None:  # type: ignore[no-untyped-def]
    window.open_document(2)
    qtbot.mouseClick(window.doc_labels.buttons["tech"], Qt.MouseButton.LeftButton)
    assert saved(project, 2) == {"tech": "accept"}
    with Store(project) as store:
        assert store.edit_log(2)[-1]["action"] == "doc_label:set"


def test_story_labels_are_undone_and_redone_per_document(
    qtbot, window: MainWindow, project: Path
) -> None:  # type: ignore[no-untyped-def]
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    window.open_document(1)
    qtbot.keyClick(window.view, Qt.Key.Key_3)  # politics
    qtbot.keyClick(window.view, Qt.Key.Key_4)  # sport replaces it (single-label set)
    assert saved(project, 1) == {"sport": "accept"}

    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, ctrl)
    qtbot.waitUntil(lambda: window.editor.document_id == 2)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # business
    assert saved(project, 2) == {"business": "accept"} and shown(window) == {"business"}
    qtbot.keyClick(window.view, Qt.Key.Key_Z, ctrl)  # undoes this document's label only
    assert saved(project, 2) == {} and shown(window) == set()
    assert saved(project, 1) == {"sport": "accept"}
    qtbot.keyClick(window.view, Qt.Key.Key_Z, ctrl | shift)  # and redoes it
    assert saved(project, 2) == {"business": "accept"} and shown(window) == {"business"}

    qtbot.keyClick(window.view, Qt.Key.Key_PageUp, ctrl)
    qtbot.waitUntil(lambda: window.editor.document_id == 1)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, ctrl)  # the replaced label comes back
    assert saved(project, 1) == {"politics": "accept"} and shown(window) == {"politics"}
    qtbot.keyClick(window.view, Qt.Key.Key_Z, ctrl)
    assert saved(project, 1) == {} and shown(window) == set()
    assert saved(project, 2) == {"business": "accept"}
    with Store(project) as store:
        actions = [e["action"] for e in store.edit_log(1)]
    assert actions[-2:] == ["undo:doc_label", "undo:doc_label"]


def test_a_story_label_from_an_earlier_session_is_undone_from_the_log(qtbot, project: Path) -> None:  # type: ignore[no-untyped-def]
    from .conftest import open_window

    first = open_window(qtbot, project)
    first.open_document(2)
    qtbot.keyClick(first.view, Qt.Key.Key_2)
    first.close()
    first.store.close()
    assert saved(project, 2) != {}
    second = open_window(qtbot, project)
    second.open_document(2)
    second.view.setFocus()
    qtbot.keyClick(second.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved(project, 2) == {} and shown(second) == set()
    second.close()
    second.store.close()


def test_a_label_added_in_the_scheme_dialog_labels_a_selection(
    qtbot, window: MainWindow, project: Path
) -> None:  # type: ignore[no-untyped-def]
    from .conftest import OTHER_TEXT, TEXT

    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    window.open_document(1)
    qtbot.keyClick(window.view, Qt.Key.Key_L, ctrl | shift)
    dialog = window.scheme_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.name, "VENUE")  # kind stays "entity", the first
    qtbot.keyClicks(dialog.key, "p")  # PERSON's key: refused
    qtbot.keyClicks(dialog.color, "#123456")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "given to both 'PERSON' and 'VENUE'" in dialog.message.text()
    dialog.key.clear()
    qtbot.keyClicks(dialog.key, "h")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    with Store(project) as store:  # saved at once, seen through a second connection
        assert next(lb for lb in store.labels() if lb.name == "VENUE").key == "h"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    start = TEXT.index("visited")  # no span there yet
    window.view.select_text(start, start + 7)
    qtbot.keyClick(window.view, Qt.Key.Key_H)
    with Store(project) as store:
        assert ("VENUE", start, start + 7) in {
            (s.label, s.start, s.end) for s in store.spans(1, ME)
        }

    # The label is in use now: removing it is refused, with a message; then on document 2.
    qtbot.keyClick(window.view, Qt.Key.Key_L, ctrl | shift)
    qtbot.waitUntil(dialog.isVisible)
    dialog.refresh(("entity", "VENUE"))
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert "used 1 time" in dialog.message.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.open_document(2)
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    spoke = OTHER_TEXT.index("spoke")
    window.view.select_text(spoke, spoke + 5)
    qtbot.keyClick(window.view, Qt.Key.Key_H)
    with Store(project) as store:
        assert ("VENUE", spoke, spoke + 5) in {
            (s.label, s.start, s.end) for s in store.spans(2, ME)
        }

    # A story label added in the dialog gets its button and number key at once.
    qtbot.keyClick(window.view, Qt.Key.Key_L, ctrl | shift)
    qtbot.waitUntil(dialog.isVisible)
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "weather")
    dialog.kind.setCurrentText("category")
    dialog.key.clear()
    qtbot.keyClicks(dialog.key, "6")
    dialog.color.clear()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Added 'weather' (category)"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    qtbot.keyClick(window.view, Qt.Key.Key_6)
    assert saved(project, 2) == {"weather": "accept"} and shown(window) == {"weather"}

    # Both new labels reach the document list's filter at once, without reopening the window.
    panel = window.documents
    panel.label.setCurrentIndex(panel.label.findData("category:weather"))
    qtbot.waitUntil(lambda: listed(window) == [2])
    panel.label.setCurrentIndex(panel.label.findData("VENUE"))  # documents 1 and 2 use it
    qtbot.waitUntil(lambda: listed(window) == [1, 2])
