"""Going straight to a span: J shows letter hints over the spans and missed names in view,
typing a hint selects it; a click on a span selects it too. Real keys and clicks in the real
window, across two documents."""

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
SECOND = "Rishi Sunak spoke in London.\nHe later met Angela Rayner on Friday."
Ctrl = Qt.KeyboardModifier.ControlModifier
Key = Qt.Key


def _project(path: Path) -> None:
    with Store(path) as store:
        for name, text, spans in (
            ("first.txt", FIRST, [("Tony Blair", "PERSON"), ("Monday", "DATE")]),
            ("second.txt", SECOND, [("Rishi Sunak", "PERSON"), ("London", "ORG"),
                                    ("Friday", "DATE")]),
        ):  # fmt: skip
            doc_id, _ = store.add_document(name, text, title=name)
            store.replace_annotations(
                doc_id, MODEL, [SpanData(*find(text, part), label) for part, label in spans], []
            )


def _labels(path: Path, doc_id: int, text: str) -> dict[str, tuple[str, bool]]:
    return {text[s.start : s.end]: (s.label, s.reviewed) for s in db_spans(path, doc_id)}


def _hint_for(win, text: str, part: str) -> str:  # type: ignore[no-untyped-def]
    start, end = find(text, part)
    for hint, target in win.jump.targets.items():
        span = win.view.span(target) if isinstance(target, int) else None
        where = (span.start, span.end) if span is not None else target
        if where == (start, end):
            return hint
    raise AssertionError(f"no hint on {part!r}: {win.jump.targets}")


def _type(qtbot, widget, letters: str) -> None:  # type: ignore[no-untyped-def]
    for letter in letters:
        qtbot.keyClick(widget, letter)


def test_jump_hints_select_spans_and_missed_names_then_fix(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "jump.db"
    _project(path)
    win = open_window(qtbot, path)
    view = win.view
    try:
        assert win.editor.document_id == 1
        qtbot.keyClick(view, Key.Key_J)
        # Two spans and the names no span covers (Michael Howard, Downing Street, BBC, ...).
        assert len(win.jump.targets) >= 5 and all(len(h) == 1 for h in win.jump.targets)
        # A missed name's hint is drawn white, a span's yellow.
        assert _hint_for(win, FIRST, "Michael Howard") in view._plain
        assert _hint_for(win, FIRST, "Tony Blair") not in view._plain
        hint = _hint_for(win, FIRST, "Monday")
        _type(qtbot, view, hint)  # a hint letter that is also a label key only jumps
        assert not win.jump.active
        assert win.selected_span().label == "DATE"  # type: ignore[union-attr]
        assert _labels(path, 1, FIRST)["Monday"] == ("DATE", False)
        qtbot.keyClick(view, Key.Key_Delete)
        assert "Monday" not in _labels(path, 1, FIRST)

        qtbot.keyClick(view, Key.Key_J)
        _type(qtbot, view, _hint_for(win, FIRST, "Michael Howard"))
        assert view.selection() == find(FIRST, "Michael Howard")
        qtbot.keyClick(view, Key.Key_P)
        assert _labels(path, 1, FIRST)["Michael Howard"] == ("PERSON", True)

        # Esc drops the hints and the next letter is a label key again.
        qtbot.keyClick(view, Key.Key_J)
        assert win.jump.active
        qtbot.keyClick(view, Key.Key_Escape)
        assert not win.jump.active and not view._hints

        # Any other key drops the hints and does its work: Ctrl+Return accepts the rest.
        qtbot.keyClick(view, Key.Key_J)
        qtbot.keyClick(view, Key.Key_Return, Ctrl)
        assert win.editor.document_id == 2
        assert _labels(path, 1, FIRST)["Tony Blair"] == ("PERSON", True)
        assert not win.jump.active

        qtbot.keyClick(view, Key.Key_J)
        _type(qtbot, view, _hint_for(win, SECOND, "London"))
        qtbot.keyClick(view, Key.Key_G)
        assert _labels(path, 2, SECOND)["London"][0] == "GPE"
        qtbot.keyClick(view, Key.Key_Return, Ctrl)
        assert {label for label, _ in _labels(path, 2, SECOND).values()} == {
            "PERSON",
            "GPE",
            "DATE",
        }
        assert all(reviewed for _, reviewed in _labels(path, 2, SECOND).values())
    finally:
        win.close()


def test_a_wrong_hint_drops_the_hints_without_an_edit(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "jump.db"
    _project(path)
    win = open_window(qtbot, path)
    view = win.view
    try:
        before = _labels(path, 1, FIRST)
        qtbot.keyClick(view, Key.Key_J)
        unused = next(c for c in "mnbvcxz" if c not in win.jump.targets)
        qtbot.keyClick(view, unused)
        assert not win.jump.active
        assert _labels(path, 1, FIRST) == before  # the letter labelled nothing
        assert "No hint" in win.statusBar().currentMessage()
    finally:
        win.close()


def test_a_click_on_a_span_selects_it_for_the_fix_keys(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "click.db"
    _project(path)
    win = open_window(qtbot, path)
    view = win.view
    try:
        for doc_id, text, part, key, label in (
            (1, FIRST, "Tony Blair", Key.Key_O, "ORG"),
            (2, SECOND, "London", Key.Key_G, "GPE"),
        ):
            assert win.editor.document_id == doc_id
            rect = view.span_rects(*find(text, part))[0]
            qtbot.mouseClick(
                view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint()
            )
            assert win.selected_span().start == find(text, part)[0]  # type: ignore[union-attr]
            qtbot.keyClick(view, key)
            assert _labels(path, doc_id, text)[part][0] == label
            qtbot.keyClick(view, Key.Key_Return, Ctrl)
        assert all(reviewed for _, reviewed in _labels(path, 2, SECOND).values())
    finally:
        win.close()
