"""A scripted review session: real keys pressed in the real window over pre-annotated articles.

    QT_QPA_PLATFORM=offscreen python bench/review_session.py [FOLDER] [--articles 3] [--json]

FOLDER defaults to ../shared/corpora/bbc-news-2005/politics (BBC politics articles).

Each article is imported and pre-annotated with the installed spaCy pipeline. The script then
decides five corrections from the model's suggestions (relabel one, delete one, shrink one by a
token, add a name no entity covers, link the first quote's speaker) and reviews the article the
way a person using only the keyboard would: Tab to the next suggestion to review, Space to accept
a right one, the correction's keys on a wrong one (an add: Alt+N selects the name, P labels it),
Ctrl+Return to accept the rest. Every key press (a chord such as Ctrl+Shift+S is one) counts as
one input; the table gives the inputs per correction kind (reaching the span included) and per
article, and checks what each press did.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.gui import messages
from annotator.gui.app import application
from annotator.gui.dialogs import PickMentionDialog
from annotator.gui.highlight import is_suggestion
from annotator.gui.main_window import MainWindow
from annotator.model import QUOTE, SpanData, is_entity
from annotator.ops.annotate import annotate
from annotator.ops.candidates import find_candidate
from annotator.ops.importing import import_paths
from annotator.store import Store

CORPUS = Path("../shared/corpora/bbc-news-2005/politics")
Key = Qt.Key
Mod = Qt.KeyboardModifier


@dataclass
class Tally:
    """Inputs per correction kind and per article."""

    kinds: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    articles: list[tuple[str, int, int, int]] = field(default_factory=list)


class Session:
    """Presses keys on the window's article view and counts them."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.view = window.view
        self.inputs = 0

    def press(self, key: Key, modifiers: Mod = Mod.NoModifier, widget=None) -> None:  # type: ignore[no-untyped-def]
        self.inputs += 1
        target = widget or self.view
        if QApplication.focusWidget() is not target:  # a closed dialog hands the focus back
            target.window().activateWindow()
            target.setFocus()
            QApplication.processEvents()
        if os.environ.get("REVIEW_DEBUG"):
            print(self.inputs, key, modifiers, self.selected(), file=sys.stderr, flush=True)
        QTest.keyClick(widget or self.view, key, modifiers)

    def type(self, text: str, widget) -> None:  # type: ignore[no-untyped-def]
        for char in text:
            self.inputs += 1
            QTest.keyClicks(widget, char)

    def selected(self) -> SpanData | None:
        return self.view.span(self.view.selected_span)


def plan(text: str, spans: list[SpanData]) -> dict[int, str]:
    """Five corrections chosen from the suggestions: span position -> kind (position -1: add)."""
    entities = [i for i, s in enumerate(spans) if is_entity(s.label)]
    todo: dict[int, str] = {}
    if len(entities) >= 4:
        todo[entities[1]] = "relabel"
        todo[entities[3]] = "delete"
    multi = [i for i in entities if i not in todo and " " in text[spans[i].start : spans[i].end]]
    if multi:
        todo[multi[0]] = "resize"
    quotes = [i for i, s in enumerate(spans) if s.label == QUOTE]
    if quotes and any(s.label == "PERSON" for s in spans):
        todo[quotes[0]] = "link speaker"
    return todo


def missing_word(text: str, spans: list[SpanData], after: int) -> tuple[int, int] | None:
    """The first name, number or amount after ``after`` that no entity span covers (what
    Alt+N finds), or the first in the article when none follows: the span to add."""
    found = find_candidate(text, spans, after)
    return found if found is not None else find_candidate(text, spans, 0)


def review(window: MainWindow, tally: Tally) -> tuple[int, int]:
    """Review the open article; returns (corrections made, inputs).

    The walk: Tab selects the first suggestion to review; on a right one Space accepts it and
    selects the next (1 input); on a wrong one the correction's keys, then Tab to the next. A
    correction's count includes the one input that reached its span.
    """
    s = Session(window)
    spans = list(window.view.spans)
    todo = {
        (spans[i].start, spans[i].end, spans[i].label): k
        for i, k in plan(window.view.text, spans).items()
    }
    add_after = spans[len(spans) // 2].end if spans else 0
    word = missing_word(window.view.text, spans, add_after)
    done = 0
    window.view.place_caret(0)
    s.press(Key.Key_Tab)
    while todo or word is not None:
        span = s.selected()
        if span is None or not is_suggestion(span):
            break  # nothing left to review
        following = [x for x in window.view.spans if is_suggestion(x) and x.start > span.start]
        if (
            word is not None
            and span.end <= word[0]
            and (not following or following[0].start >= word[1])
        ):
            # The walk passed a name the model missed: Alt+N selects it, a label key adds it.
            before = s.inputs
            for _ in range(5):  # Alt+N from the selected span; again if it stops short
                s.press(Key.Key_N, Mod.AltModifier)
                if window.view.selection() == word:
                    break
            s.press(Key.Key_P)
            added = s.selected()
            assert added is not None and (added.start, added.end) == word, "add failed"
            tally.kinds["add"].append(s.inputs - before)
            word, done = None, done + 1
            s.press(Key.Key_Tab)
            continue
        kind = todo.pop((span.start, span.end, span.label), None)
        if kind is None:
            s.press(Key.Key_Space)  # a right suggestion: accept it, on to the next
            tally.kinds["accept"].append(1)
            continue
        before = s.inputs
        if kind == "relabel":
            s.press(Key.Key_G if span.label != "GPE" else Key.Key_O)
        elif kind == "delete":
            s.press(Key.Key_Delete)
        elif kind == "resize":
            s.press(Key.Key_Left, Mod.AltModifier)
        elif kind == "link speaker":
            QTimer.singleShot(0, lambda: _press_return_in_picker(s))
            s.press(Key.Key_S, Mod.ControlModifier | Mod.ShiftModifier)
        tally.kinds[kind].append(s.inputs - before + 1)  # + the input that reached the span
        done += 1
        s.press(Key.Key_Tab)
    s.press(Key.Key_Return, Mod.ControlModifier)  # accept the rest, open the next article
    return done, s.inputs


def _press_return_in_picker(session: Session) -> None:
    """Return in the speaker picker once it has the keyboard focus, as a person would."""
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, PickMentionDialog) and QApplication.focusWidget() is dialog.filter:
        session.press(Key.Key_Return, widget=dialog.filter)
        return
    if isinstance(dialog, PickMentionDialog):
        dialog.activateWindow()  # the offscreen platform does not move the focus by itself
        dialog.filter.setFocus()
    QTimer.singleShot(10, lambda: _press_return_in_picker(session))


def run(folder: Path, articles: int) -> Tally:
    messages.boxes_enabled = False
    application()
    tally = Tally()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "review.db"
        files = sorted(folder.glob("*.txt"))[:articles]
        with Store(path) as store:
            import_paths(store, files)
            annotate(store)
        window = MainWindow(store=Store(path), annotator="reviewer", poll_ms=60_000)
        window.show()
        QTest.qWaitForWindowExposed(window)
        window.activateWindow()
        window.view.setFocus()
        for _ in files:
            doc_id = window.editor.document_id
            if doc_id is None:
                break
            name = window.store.document(doc_id).name
            suggestions = sum(1 for s in window.view.spans if is_suggestion(s))
            accepted = len(tally.kinds["accept"])
            corrections, inputs = review(window, tally)
            spaces = len(tally.kinds["accept"]) - accepted
            tally.articles.append(
                (f"{name} ({suggestions} suggestions)", corrections, inputs, inputs - spaces)
            )
        window.close()
        window.store.close()
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--articles", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args()
    tally = run(args.folder, args.articles)
    if args.json:
        json.dump({"kinds": tally.kinds, "articles": tally.articles}, sys.stdout)
        return
    print("| correction | times | inputs each (max) | target |")
    print("|---|---:|---:|---:|")
    targets = {"accept": 1, "relabel": 2, "delete": 2, "resize": 2, "add": 2, "link speaker": 3}
    for kind, counts in tally.kinds.items():
        print(f"| {kind} | {len(counts)} | {max(counts)} | {targets.get(kind, '')} |")
    print()
    print("| article | corrections | inputs | inputs without the Spaces on right ones |")
    print("|---|---:|---:|---:|")
    for name, corrections, inputs, working in tally.articles:
        print(f"| {name} | {corrections} | {inputs} | {working} |")


if __name__ == "__main__":
    main()
