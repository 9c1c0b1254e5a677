"""A scripted review session: real keys and clicks in the real window over pre-annotated articles.

    QT_QPA_PLATFORM=offscreen python bench/review_session.py [FOLDER] [--articles 3]
        [--routes click,keys,walk] [--plan-out PLAN.json] [--json]

FOLDER defaults to ../shared/corpora/bbc-news-2005/politics (BBC politics articles).

Each article is imported and pre-annotated with the installed spaCy pipeline. The script then
decides five corrections from the model's suggestions (relabel one, delete one, shrink one by a
token, link the first quote's speaker, add a name no entity covers) and reviews the article once
per route, in a fresh project each time:

- ``click`` (point and fix): clicks on the scroll bar's trough page down until the wrong span
  is in view, a click selects it (a drag selects a missed name), its keys fix it; Ctrl+Return
  accepts every other suggestion, as Prodigy's ner.correct accepts the task.
- ``keys`` (keyboard only): PgDn until the span is in view, J turns on jump hints (once: they
  stay on), Shift and the hint's letter select the span (or the missed name), its keys fix it;
  Ctrl+Return accepts the rest.
- ``walk``: Tab through every suggestion, Space accepts a right one, the fix keys on a wrong one.

Every input counts once: a key press (a chord such as Ctrl+Shift+S is one), a click, a drag
(press, move, release), a page of scrolling. A correction's count includes the inputs that
reached its span. After each article the store is checked: each correction took effect and
every other suggestion was accepted.
``--plan-out`` writes the corrections (offsets, labels, texts) for ``review_session_old.py``,
which makes them in an older version; ``--compare`` prints its numbers beside these.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from review_driver import (
    Fix,
    Key,
    Mod,
    Tally,
    check,
    linked_speaker,
    print_tables,
    review_window,
    selected_is,
)  # fmt: skip
from review_driver import Session as BaseSession

from annotator.gui import messages
from annotator.gui.app import application
from annotator.gui.dialogs import PickMentionDialog
from annotator.gui.highlight import is_suggestion
from annotator.gui.main_window import MainWindow
from annotator.model import QUOTE, SpanData, is_entity
from annotator.ops.candidates import find_candidate

CORPUS = Path("../shared/corpora/bbc-news-2005/politics")
ROUTES = ("click", "keys", "walk")


def plan(text: str, spans: list[SpanData]) -> list[Fix]:
    """Five corrections chosen from the suggestions, in reading order."""
    entities = [s for s in spans if is_entity(s.label)]
    fixes: list[Fix] = []

    def fix(kind: str, span: SpanData) -> None:
        fixes.append(Fix(kind, span.start, span.end, span.label, text[span.start : span.end]))

    if len(entities) >= 4:
        fix("relabel", entities[1])
        fix("delete", entities[3])
    taken = {(f.start, f.end) for f in fixes}
    multi = [s for s in entities if (s.start, s.end) not in taken and " " in text[s.start : s.end]]
    if multi:
        fix("resize", multi[0])
    quotes = [s for s in spans if s.label == QUOTE]
    if quotes and any(s.label == "PERSON" for s in spans):
        fix("link speaker", quotes[0])
    after = spans[len(spans) // 2].end if spans else 0
    word = find_candidate(text, spans, after) or find_candidate(text, spans, 0)
    if word is not None:
        fixes.append(Fix("add", *word, "PERSON", text[word[0] : word[1]]))
    return sorted(fixes, key=lambda f: f.start)


class Session(BaseSession):
    """The driver's session with the current app's speaker picker and fix keys."""

    def pick_speaker(self) -> None:
        """Ctrl+Shift+S, then Return in the picker: the person nearest the quote."""
        QTimer.singleShot(0, lambda: _press_return_in_picker(self))
        self.press(Key.Key_S, Mod.ControlModifier | Mod.ShiftModifier)

    def apply(self, fix: Fix) -> None:
        """The keys that correct the selected span (or label the selected text)."""
        if fix.kind == "link speaker":
            self.pick_speaker()
        else:
            self.fix_keys(fix)


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


def reach_by_click(s: Session, fix: Fix) -> None:
    """Page down until the span is in view and click it, or drag over the missed name."""
    if fix.kind == "add":
        s.drag_over(fix.start, fix.end)
    else:
        s.click_span(fix)


def reach_by_hints(s: Session, fix: Fix) -> None:
    """PgDn until the span is in view; J if the hints are off (they stay on from one
    correction and one document to the next), then Shift and each letter of its hint."""
    s.bring_into_view(
        fix.start, fix.end, lambda down: s.press(Key.Key_PageDown if down else Key.Key_PageUp)
    )
    jump = s.window.jump
    if not jump.active:
        s.press(Key.Key_J)
    hint = next(
        (
            h for h, t in jump.targets.items()
            if (t == (fix.start, fix.end) if fix.kind == "add" else _target_is(s, t, fix))
        ),
        None,
    )  # fmt: skip
    assert hint is not None, f"no hint on {fix}"
    for letter in hint:
        s.press(letter.upper(), Mod.ShiftModifier)
    assert selected_is(s, fix), f"the hint did not select {fix}"


def _target_is(s: Session, target: object, fix: Fix) -> bool:
    span = s.view.span(target) if isinstance(target, int) else None
    return span is not None and (span.start, span.end, span.label) == (
        fix.start, fix.end, fix.label,
    )  # fmt: skip


def review_direct(window: MainWindow, fixes: list[Fix], tally: Tally, route: str) -> int:
    """Go straight to each wrong span, fix it, Ctrl+Return: returns the inputs."""
    s = Session(window)
    reach = reach_by_click if route == "click" else reach_by_hints
    for fix in fixes:
        before, scrolled = s.inputs, s.scrolls
        reach(s, fix)
        s.apply(fix)
        tally.kinds[fix.kind].append(s.inputs - before)
        tally.in_view[fix.kind].append(s.inputs - before - (s.scrolls - scrolled))
    s.press(Key.Key_Return, Mod.ControlModifier)  # accept the rest, open the next article
    return s.inputs


def review_walk(window: MainWindow, fixes: list[Fix], tally: Tally) -> int:
    """Tab to the first suggestion; Space on a right one, the fix keys (then Tab) on a wrong
    one; a missed name is added with Alt+N and P when the walk passes it."""
    s = Session(window)
    todo = {(f.start, f.end, f.label): f for f in fixes if f.kind != "add"}
    word = next((f for f in fixes if f.kind == "add"), None)
    window.view.place_caret(0)
    s.press(Key.Key_Tab)
    while todo or word is not None:
        span = s.selected()
        if span is None or not is_suggestion(span):
            break  # nothing left to review
        following = [x for x in window.view.spans if is_suggestion(x) and x.start > span.start]
        if (
            word is not None
            and span.end <= word.start
            and (not following or following[0].start >= word.end)
        ):
            add_by_alt_n(s, word, tally)
            word = None
            s.press(Key.Key_Tab)
            continue
        fix = todo.pop((span.start, span.end, span.label), None)
        if fix is None:
            s.press(Key.Key_Space)  # a right suggestion: accept it, on to the next
            tally.kinds["accept"].append(1)
            tally.in_view["accept"].append(1)
            continue
        before = s.inputs
        s.apply(fix)
        tally.kinds[fix.kind].append(s.inputs - before + 1)  # + the input that reached it
        tally.in_view[fix.kind].append(s.inputs - before + 1)
        s.press(Key.Key_Tab)
    if word is not None:  # the last suggestion came before the name
        add_by_alt_n(s, word, tally)
    s.press(Key.Key_Return, Mod.ControlModifier)
    return s.inputs


def add_by_alt_n(s: Session, word: Fix, tally: Tally) -> None:
    """Alt+N from the selected span (again if it stops short), then the label key."""
    before = s.inputs
    for _ in range(5):
        s.press(Key.Key_N, Mod.AltModifier)
        if s.view.selection() == (word.start, word.end):
            break
    s.apply(word)
    tally.kinds["add"].append(s.inputs - before)
    tally.in_view["add"].append(s.inputs - before)


def run(folder: Path, articles: int, routes: list[str], plan_out: Path | None = None) -> dict:  # type: ignore[type-arg]
    messages.boxes_enabled = False
    application()
    tallies = {route: Tally() for route in routes}
    plans: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    files = sorted(folder.glob("*.txt"))[:articles]
    with tempfile.TemporaryDirectory() as tmp:
        for route in routes:
            window = review_window(Path(tmp), route, files)
            for _ in files:
                doc_id = window.editor.document_id
                if doc_id is None:
                    break
                name = window.store.document(doc_id).name
                fixes = plan(window.view.text, list(window.view.spans))
                tally = tallies[route]
                if route == "walk":
                    inputs = review_walk(window, fixes, tally)
                else:
                    inputs = review_direct(window, fixes, tally, route)
                problems = check(window.store, doc_id, fixes, "reviewer")
                assert not problems, (route, name, problems)
                plans[name] = [
                    {**f.__dict__, "speaker": linked_speaker(window.store, doc_id, f, "reviewer")}
                    for f in fixes
                ]
                tally.articles.append((name, len(fixes), inputs))
            window.close()
            window.store.close()
    if plan_out is not None:
        plan_out.write_text(json.dumps(plans, indent=1), encoding="utf-8")
    return {
        route: {"kinds": t.kinds, "in_view": t.in_view, "articles": t.articles}
        for route, t in tallies.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--articles", type=int, default=3)
    parser.add_argument("--routes", default=",".join(ROUTES), help="click, keys, walk")
    parser.add_argument("--plan-out", type=Path, help="write the corrections as JSON")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument(
        "--compare", type=Path, help="review_session_old.py --json output: its routes side by side"
    )
    args = parser.parse_args()
    routes = [r for r in args.routes.split(",") if r]
    unknown = [r for r in routes if r not in ROUTES]
    if unknown:
        parser.error(f"unknown route(s): {', '.join(unknown)}; known: {', '.join(ROUTES)}")
    result = run(args.folder, args.articles, routes, args.plan_out)
    if args.json:
        json.dump(result, sys.stdout)
        return
    missing: list[str] = []
    if args.compare is not None:
        old = json.loads(args.compare.read_text(encoding="utf-8"))
        missing = old.pop("missing", [])
        result.update({f"old {route}": numbers for route, numbers in old.items()})
    print_tables(result)
    for line in missing:
        print(f"\nNot suggested by the old version, left out there: {line}")


if __name__ == "__main__":
    main()
