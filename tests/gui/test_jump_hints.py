"""Going straight to a span: J turns on letter hints over the spans and missed names in view,
Shift and a hint's letter select it, plain letters stay label keys; a click on a span selects
it too. Real keys and clicks in the real window, across two documents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.model import QUOTE, SPEAKER, SpanData
from annotator.store import Store

from .conftest import ME, MODEL, db_spans, find, open_window

FIRST = (
    "Labour leader Tony Blair met Michael Howard in Downing Street on Monday.\n"
    "The BBC said the talks cost £15.8m, up 5% on last year."
)
SECOND = '"We will win," said Rishi Sunak in London.\nHe later met Angela Rayner on Friday.'
Ctrl = Qt.KeyboardModifier.ControlModifier
Shift = Qt.KeyboardModifier.ShiftModifier
Key = Qt.Key


def _project(path: Path) -> None:
    with Store(path) as store:
        for name, text, spans in (
            ("first.txt", FIRST, [("Tony Blair", "PERSON"), ("Monday", "DATE"),
                                  ("talks", "EVENT")]),
            ("second.txt", SECOND, [('"We will win,"', QUOTE), ("Rishi Sunak", "PERSON"),
                                    ("London", "ORG"), ("Friday", "DATE")]),
        ):  # fmt: skip
            doc_id, _ = store.add_document(name, text, title=name)
            store.replace_annotations(
                doc_id, MODEL, [SpanData(*find(text, part), label) for part, label in spans], []
            )


def _labels(path: Path, doc_id: int, text: str) -> dict[str, tuple[str, bool]]:
    return {text[s.start : s.end]: (s.label, s.reviewed) for s in db_spans(path, doc_id)}


def _hint_for(win, text: str, part: str, label: str = "") -> str:  # type: ignore[no-untyped-def]
    start, end = find(text, part)
    for hint, target in win.jump.targets.items():
        span = win.view.span(target) if isinstance(target, int) else None
        where = (span.start, span.end) if span is not None else target
        if where == (start, end) and (not label or (span is not None and span.label == label)):
            return hint
    raise AssertionError(f"no hint on {part!r}: {win.jump.targets}")


def _type(qtbot, widget, hint: str) -> None:  # type: ignore[no-untyped-def]
    for letter in hint:
        qtbot.keyClick(widget, letter.upper(), Shift)


def test_hints_stay_on_select_with_shift_and_fix_with_plain_keys(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "jump.db"
    _project(path)
    win = open_window(qtbot, path)
    view = win.view
    try:
        assert win.editor.document_id == 1
        qtbot.keyClick(view, Key.Key_J)
        # Two spans and the names no span covers (Michael Howard, Downing Street, BBC, ...).
        assert win.jump.active and len(win.jump.targets) >= 5
        assert all(len(h) == 1 and h not in "sv" for h in win.jump.targets)
        # A missed name's hint is drawn white, a span's yellow.
        assert _hint_for(win, FIRST, "Michael Howard") in view._plain
        assert _hint_for(win, FIRST, "Tony Blair") not in view._plain
        _type(qtbot, view, _hint_for(win, FIRST, "Monday"))
        assert win.selected_span().label == "DATE"  # type: ignore[union-attr]
        assert _labels(path, 1, FIRST)["Monday"] == ("DATE", False)  # Shift+letter: no label
        qtbot.keyClick(view, Key.Key_Delete)
        assert "Monday" not in _labels(path, 1, FIRST)
        # The hints are still on; a deleted span's hint goes with it and every other target
        # keeps its own, so one look at the screen serves the next correction too.
        assert win.jump.active
        before = dict(win.jump.targets)
        talks = _hint_for(win, FIRST, "talks")
        _type(qtbot, view, talks)
        qtbot.keyClick(view, Key.Key_Delete)
        assert "talks" not in _labels(path, 1, FIRST)
        assert talks not in win.jump.targets
        assert all(win.jump.targets[h] == t for h, t in before.items() if h != talks)
        _type(qtbot, view, _hint_for(win, FIRST, "Michael Howard"))
        assert view.selection() == find(FIRST, "Michael Howard")
        qtbot.keyClick(view, Key.Key_P)  # a plain letter is a label key with hints on
        assert _labels(path, 1, FIRST)["Michael Howard"] == ("PERSON", True)

        qtbot.keyClick(view, Key.Key_Return, Ctrl)  # accept the rest, on to the next document
        assert win.editor.document_id == 2
        assert _labels(path, 1, FIRST)["Tony Blair"] == ("PERSON", True)
        assert win.jump.active  # the hints come along, over the new document
        _type(qtbot, view, _hint_for(win, SECOND, "London"))
        qtbot.keyClick(view, Key.Key_G)
        assert _labels(path, 2, SECOND)["London"][0] == "GPE"
        # Link the quote's speaker by hints: the quote, Shift+S, the person.
        _type(qtbot, view, _hint_for(win, SECOND, '"We will win,"'))
        qtbot.keyClick(view, Key.Key_S, Shift)
        _type(qtbot, view, _hint_for(win, SECOND, "Rishi Sunak", "PERSON"))
        with Store(path) as store:
            spans = {s.id: s for s in store.spans(2, ME)}
            [link] = [r for r in store.relations(2, ME) if r.label == SPEAKER]
        assert SECOND[spans[link.child_id].start : spans[link.child_id].end] == "Rishi Sunak"
        qtbot.keyClick(view, Key.Key_J)  # off
        assert not win.jump.active and not view._hints
        qtbot.keyClick(view, Key.Key_Return, Ctrl)
        assert all(reviewed for _, reviewed in _labels(path, 2, SECOND).values())
    finally:
        win.close()


def test_a_wrong_or_half_typed_hint_edits_nothing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "jump.db"
    _project(path)
    win = open_window(qtbot, path)
    view = win.view
    try:
        before = _labels(path, 1, FIRST)
        qtbot.keyClick(view, Key.Key_J)
        unused = next(c for c in "mnbxz" if c not in win.jump.targets)
        qtbot.keyClick(view, unused.upper(), Shift)
        assert _labels(path, 1, FIRST) == before and win.selected_span() is None
        assert "No hint" in win.statusBar().currentMessage()
        assert win.jump.active
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
