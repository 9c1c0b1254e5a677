"""The review session of bench/review_session.py, run against an older version of the app.

    git -C /work/main worktree add ../old e58c255 --detach     # the version to compare with
    cd ../old && python3 -m venv .venv && .venv/bin/pip install -e ".[test]"
    python bench/review_session.py FOLDER --articles 10 --plan-out plan.json   # here
    cd ../old && QT_QPA_PLATFORM=offscreen .venv/bin/python ../review2/bench/review_session_old.py \
        FOLDER --articles 10 --plan plan.json

The old version's own package (the venv the script runs in) is driven; this file only uses what
that version has: click a span, a label key relabels it, Delete, Alt+←, Shift+S then a click on
the speaker, a drag then a label key, Tab to the next span (any span), Ctrl+Shift+S and arrows in
its people list (in text order), caret keys to select a name, Ctrl+Return to accept the rest.
The corrections are those the current version made (``--plan``); one whose span the old
pipeline did not suggest is left out and reported. Inputs count as in review_session.py.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QListWidget
from review_driver import (
    Fix,
    Key,
    Mod,
    Session,
    Tally,
    check,
    print_tables,
    review_window,
    selected_is,
)

from annotator.gui import messages
from annotator.gui.app import application
from annotator.model import is_entity

CORPUS = Path("../shared/corpora/bbc-news-2005/politics")
ROUTES = ("click", "keys")


class OldSession(Session):
    def tab_to(self, fix: Fix) -> None:
        """Tab (next span, any span) until the span is selected."""
        for _ in range(400):
            if selected_is(self, fix):
                return
            self.press(Key.Key_Tab)
        raise AssertionError(f"Tab never reached {fix}")

    def pick_in_list(self, row: int) -> None:
        """Ctrl+Shift+S opens the people list at its first row; Down ``row`` times, Return."""
        QTimer.singleShot(0, lambda: _pick_row(self, row))
        self.press(Key.Key_S, Mod.ControlModifier | Mod.ShiftModifier)


def _pick_row(session: OldSession, row: int) -> None:
    dialog = QApplication.activeModalWidget()
    listing = dialog.findChild(QListWidget) if isinstance(dialog, QDialog) else None
    if listing is None:
        QTimer.singleShot(10, lambda: _pick_row(session, row))
        return
    dialog.activateWindow()
    listing.setFocus()
    for _ in range(row):
        session.press(Key.Key_Down, widget=listing)
    session.press(Key.Key_Return, widget=listing)


def review_click(s: OldSession, fixes: list[Fix], tally: Tally) -> None:
    for fix in fixes:
        before, scrolled = s.inputs, s.scrolls
        if fix.kind == "add":
            s.drag_over(fix.start, fix.end)
        else:
            s.click_span(fix)
        if fix.kind == "link speaker":
            assert fix.speaker is not None
            start, end = fix.speaker
            s.press(Key.Key_S, Mod.ShiftModifier)  # link mode: click the speaker
            s.bring_into_view(start, end, s.page)
            rect = s.view.span_rects(start, end)[0]
            s.click(rect.center().toPoint())
        else:
            s.fix_keys(fix)
        tally.kinds[fix.kind].append(s.inputs - before)
        tally.in_view[fix.kind].append(s.inputs - before - (s.scrolls - scrolled))


def review_keys(s: OldSession, fixes: list[Fix], tally: Tally) -> None:
    for fix in fixes:
        before = s.inputs
        if fix.kind == "add":
            select_by_caret(s, fix)
            s.fix_keys(fix)
        elif fix.kind == "link speaker":
            assert fix.speaker is not None
            s.tab_to(fix)
            people = [p for p in s.view.spans if p.label == "PERSON"]
            start, end = fix.speaker
            # The same person at the same place ("Ms Hewitt" where the title now stays out).
            row = next(i for i, p in enumerate(people) if p.start < end and start < p.end)
            s.pick_in_list(row)
        else:
            s.tab_to(fix)
            s.fix_keys(fix)
        tally.kinds[fix.kind].append(s.inputs - before)
        tally.in_view[fix.kind].append(s.inputs - before)


def select_by_caret(s: OldSession, fix: Fix) -> None:
    """Tab to the last span before the name (the caret goes to its start), Ctrl+Right to the
    name, Ctrl+Shift+Right over it: the old version has no key that finds a missed name."""
    before = [x for x in s.view.spans if x.start < fix.start]
    if before:
        last = before[-1]
        s.tab_to(Fix("", last.start, last.end, last.label, ""))
    for _ in range(300):
        if s.view.caret() >= fix.start:
            break
        s.press(Key.Key_Right, Mod.ControlModifier)
    assert s.view.caret() == fix.start, (s.view.caret(), fix)
    for _ in range(10):
        chosen = s.view.selection()
        if chosen is not None and chosen[1] >= fix.end:
            break
        s.press(Key.Key_Right, Mod.ControlModifier | Mod.ShiftModifier)
    chosen = s.view.selection()
    assert chosen is not None and s.window.editor.tokens.snap(*chosen) == (fix.start, fix.end), (
        chosen,
        fix,
    )


def usable(fix: Fix, spans: list[Any]) -> bool:
    """Whether the old pipeline suggested the span this correction needs."""
    if fix.kind == "add":
        return not any(is_entity(s.label) and s.start < fix.end < s.end + 1 for s in spans)
    return any((s.start, s.end, s.label) == (fix.start, fix.end, fix.label) for s in spans)


def run(folder: Path, articles: int, routes: list[str], plans: dict[str, list[dict]]) -> dict:  # type: ignore[type-arg]
    messages.boxes_enabled = False
    application()
    tallies = {route: Tally() for route in routes}
    missing: list[str] = []
    files = sorted(folder.glob("*.txt"))[:articles]
    with tempfile.TemporaryDirectory() as tmp:
        for route in routes:
            window = review_window(Path(tmp), route, files)
            for _ in files:
                doc_id = window.editor.document_id
                if doc_id is None:
                    break
                name = window.store.document(doc_id).name
                spans = list(window.view.spans)
                fixes = []
                for entry in plans.get(name, []):
                    fix = Fix(**entry)
                    if usable(fix, spans):
                        fixes.append(fix)
                    elif route == routes[0]:
                        missing.append(f"{name}: {fix.kind} {fix.text!r}")
                s = OldSession(window)
                (review_click if route == "click" else review_keys)(s, fixes, tallies[route])
                s.press(Key.Key_Return, Mod.ControlModifier)  # accept the rest, next article
                problems = check(window.store, doc_id, fixes, "reviewer")
                assert not problems, (route, name, problems)
                tallies[route].articles.append((name, len(fixes), s.inputs))
            window.close()
            window.store.close()
    result: dict = {  # type: ignore[type-arg]
        route: {"kinds": t.kinds, "in_view": t.in_view, "articles": t.articles}
        for route, t in tallies.items()
    }
    result["missing"] = missing
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--articles", type=int, default=3)
    parser.add_argument("--plan", type=Path, required=True, help="review_session.py --plan-out")
    parser.add_argument("--routes", default=",".join(ROUTES), help="click, keys")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args()
    routes = [r for r in args.routes.split(",") if r in ROUTES]
    plans = json.loads(args.plan.read_text(encoding="utf-8"))
    result = run(args.folder, args.articles, routes, plans)
    if args.json:
        json.dump(result, sys.stdout)
        return
    missing = result.pop("missing")
    print_tables(result)
    for line in missing:
        print(f"not suggested by this version, left out: {line}")


if __name__ == "__main__":
    main()
