"""What the scripted review sessions share: the corrections, the tally, a session that presses
keys and clicks in a real window and counts every input, the store check and the tables.

It uses only what both the current app and the version bench/review_session_old.py drives
have (the article view's spans and rectangles, the store's spans and relations), so the two
sessions count the same way.
"""

from __future__ import annotations

import os
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionSlider

from annotator.gui.highlight import is_suggestion
from annotator.model import QUOTE, SPEAKER, SpanData

TARGETS = {"accept": 1, "relabel": 2, "delete": 2, "resize": 2, "add": 2, "link speaker": 3}
Key = Qt.Key
Mod = Qt.KeyboardModifier


@dataclass(frozen=True)
class Fix:
    """One correction: its kind, the span (or the name to add) and its label."""

    kind: str
    start: int
    end: int
    label: str
    text: str
    #: For a speaker link: the mention linked (offsets), as the current version linked it.
    speaker: list[int] | None = None

    def new_label(self) -> str:
        return "GPE" if self.label != "GPE" else "ORG"


@dataclass
class Tally:
    """Inputs per correction kind and per article, for one route."""

    kinds: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    #: The same without the scrolling that brought the span into view.
    in_view: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    articles: list[tuple[str, int, int]] = field(default_factory=list)


class Session:
    """Presses keys and clicks the window's article view, and counts every input."""

    def __init__(self, window: Any):  # the app's MainWindow, of either version
        self.window = window
        self.view = window.view
        self.inputs = 0
        self.scrolls = 0

    def press(self, key: Key | str, modifiers: Mod = Mod.NoModifier, widget=None) -> None:  # type: ignore[no-untyped-def]
        self.inputs += 1
        target = widget or self.view
        if QApplication.focusWidget() is not target:  # a closed dialog hands the focus back
            target.window().activateWindow()
            target.setFocus()
            QApplication.processEvents()
        if os.environ.get("REVIEW_DEBUG"):
            print(self.inputs, key, modifiers, self.selected(), file=sys.stderr, flush=True)
        QTest.keyClick(target, key, modifiers)  # type: ignore[call-overload]

    def fix_keys(self, fix: Fix) -> None:
        """The keys that correct the selected span (or label the selected text), alike in both
        versions; linking a speaker differs and is each session's own."""
        if fix.kind == "relabel":
            self.press(fix.new_label()[0].lower())
        elif fix.kind == "delete":
            self.press(Key.Key_Delete)
        elif fix.kind == "resize":
            self.press(Key.Key_Left, Mod.AltModifier)
        elif fix.kind == "add":
            self.press(Key.Key_P)

    def click(self, point: QPoint) -> None:
        self.inputs += 1
        QTest.mouseClick(self.view.viewport(), Qt.MouseButton.LeftButton, pos=point)

    def drag(self, start: QPoint, end: QPoint) -> None:
        """Press at ``start``, move, release at ``end``: one input."""
        self.inputs += 1
        viewport = self.view.viewport()
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
        QTest.mouseMove(viewport, end)
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)

    def page(self, down: bool) -> None:
        """A click on the scroll bar's trough below (or above) its handle: a page."""
        self.inputs += 1
        bar = self.view.verticalScrollBar()
        option = QStyleOptionSlider()
        bar.initStyleOption(option)
        part = QStyle.SubControl.SC_ScrollBarAddPage if down else (
            QStyle.SubControl.SC_ScrollBarSubPage
        )  # fmt: skip
        trough = bar.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, option, part, bar)
        assert trough.isValid() and not trough.isEmpty(), "nothing left to scroll"
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=trough.center())

    def selected(self) -> SpanData | None:
        return self.view.span(self.view.selected_span)

    def bring_into_view(self, start: int, end: int, step: Callable[[bool], None]) -> None:
        """Scroll with ``step(down)`` until ``start..end`` begins in view."""
        for _ in range(200):
            rects = self.view.span_rects(start, max(end, start + 1))
            height = self.view.viewport().height()
            if rects and rects[0].top() >= 0 and rects[0].bottom() <= height:
                return
            self.scrolls += 1
            step(not rects or rects[0].top() >= 0)
        raise AssertionError(f"could not scroll to {start}..{end}")

    def click_span(self, fix: Fix) -> None:
        """Page down until the span is in view; click a character it covers (again if an
        overlapping span came first)."""
        self.bring_into_view(fix.start, fix.end, self.page)
        best = min(range(fix.start, fix.end), key=lambda o: (len(self.view.spans_at(o)), o))
        rect = self.view.span_rects(best, best + 1)[0]
        for _ in range(4):
            self.click(rect.center().toPoint())
            if selected_is(self, fix):
                return
        raise AssertionError(f"a click did not select {fix}")

    def drag_over(self, start: int, end: int) -> None:
        """Page down until ``start..end`` is in view; drag over it with the mouse."""
        self.bring_into_view(start, end, self.page)
        rects = self.view.span_rects(start, end)
        first, last = rects[0], rects[-1]
        self.drag(
            QPoint(int(first.left()) + 1, int(first.center().y())),
            QPoint(int(last.right()) - 1, int(last.center().y())),
        )


def review_window(folder: Path, route: str, files: list[Path]) -> Any:
    """A fresh project in ``folder`` with ``files`` imported and pre-annotated, open in a shown
    main window with the keys in the article: where each route of a session starts."""
    from annotator.gui.main_window import MainWindow
    from annotator.ops.annotate import annotate
    from annotator.ops.importing import import_paths
    from annotator.store import Store

    path = folder / f"{route}.db"
    with Store(path) as store:
        import_paths(store, files)
        annotate(store)
    window = MainWindow(store=Store(path), annotator="reviewer", poll_ms=60_000)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    window.view.setFocus()
    return window


def selected_is(s: Session, fix: Fix) -> bool:
    if fix.kind == "add":
        return s.view.selection() == (fix.start, fix.end)
    span = s.selected()
    return span is not None and (span.start, span.end, span.label) == (
        fix.start, fix.end, fix.label,
    )  # fmt: skip


def check(store: Any, doc_id: int, fixes: list[Fix], annotator: str) -> list[str]:
    """What the store holds after the review: every correction made, nothing left to review."""
    spans = store.spans(doc_id, annotator)
    where: dict[tuple[int, int], dict[str, SpanData]] = defaultdict(dict)
    for span in spans:
        where[span.start, span.end][span.label] = span
    problems = []
    for fix in fixes:
        there = where[fix.start, fix.end]
        if fix.kind == "relabel" and (fix.new_label() not in there or fix.label in there):
            problems.append(f"not relabelled: {fix}")
        elif fix.kind == "delete" and fix.label in there:
            problems.append(f"not deleted: {fix}")
        elif fix.kind == "resize" and not any(
            s.start == fix.start and s.end < fix.end and s.label == fix.label for s in spans
        ):
            problems.append(f"not shrunk: {fix}")
        elif fix.kind == "add" and "PERSON" not in there:
            problems.append(f"not added: {fix}")
        elif fix.kind == "link speaker":
            quote = there.get(QUOTE)
            if quote is None or not any(
                r.head_id == quote.id and r.label == SPEAKER
                for r in store.relations(doc_id, annotator)
            ):
                problems.append(f"no speaker linked: {fix}")
    if any(is_suggestion(s) for s in spans):
        problems.append("suggestions left unreviewed")
    return problems


def linked_speaker(store: Any, doc_id: int, fix: Fix, annotator: str) -> list[int] | None:
    """The mention a linked quote's speaker points at (offsets), for the old version's run."""
    if fix.kind != "link speaker":
        return None
    spans = store.spans(doc_id, annotator)
    quote = next(
        (s for s in spans if (s.start, s.end, s.label) == (fix.start, fix.end, QUOTE)), None
    )
    by_id = {s.id: s for s in spans}
    for rel in store.relations(doc_id, annotator):
        if quote is not None and rel.head_id == quote.id and rel.label == SPEAKER:
            child = by_id[rel.child_id]
            return [child.start, child.end]
    return None


def print_tables(result: dict) -> None:  # type: ignore[type-arg]
    routes = list(result)
    kinds = [k for k in TARGETS if any(result[r]["kinds"].get(k) for r in routes)]
    print("| correction | target | " + " | ".join(f"{r}: times, inputs each" for r in routes)
          + " |")  # fmt: skip
    print("|---|---:|" + "---:|" * len(routes))
    for kind in kinds:
        cells = []
        for route in routes:
            counts = result[route]["kinds"].get(kind) or []
            near = result[route]["in_view"].get(kind) or []
            if not counts:
                cells.append("—")
                continue
            spread = _spread(counts)
            if spread != _spread(near):
                spread += f" ({_spread(near)} once in view)"
            cells.append(f"{len(counts)}, {spread}")
        print(f"| {kind} | {TARGETS[kind]} | " + " | ".join(cells) + " |")
    print()
    print("| article | corrections | " + " | ".join(f"{r} inputs" for r in routes) + " |")
    print("|---|---:|" + "---:|" * len(routes))
    first = result[routes[0]]["articles"]
    for i, (name, count, _) in enumerate(first):
        cells = []
        for route in routes:
            other, fixes, inputs = result[route]["articles"][i]
            assert other == name, (route, other, name)
            cells.append(str(inputs) if fixes == count else f"{inputs} ({fixes} corrections)")
        print(f"| {name} | {count} | " + " | ".join(cells) + " |")


def _spread(counts: list[int]) -> str:
    low, high = min(counts), max(counts)
    return str(low) if low == high else f"{low}–{high}"
