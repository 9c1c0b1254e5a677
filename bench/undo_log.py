"""What recording each edit's change in the edit log costs (undo and redo across sessions).

    python bench/undo_log.py [--chars 150000] [--spans 3000] [--edits 200]

One project file with a long article and its suggestions, opened by an annotator. Each edit
runs as the app runs it (``Edit.do``: one transaction, the edit-log row) twice: with the change
recorded (temporary triggers, the rows folded into the payload) and, as the baseline in the
same run, with the recording switched off on that connection. Then the log of ``--edits`` edits
is read back as the document's undo stack (``history.replay``; baseline: reading the log rows,
which opening a document did before), and the newest step is undone from the log. Median of 5.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from editor_open import article, spans_for
from machine import machine

from annotator.ops import edits, history, workflow
from annotator.store import Store
from annotator.store.changes import Recording

RUNS = 5
ME = "bench"


class _Off(Recording):
    def change(self) -> dict:  # type: ignore[override,type-arg]
        return {}


@contextmanager
def _off(store: Store) -> Iterator[None]:
    """The store without recording (the baseline)."""

    @contextmanager
    def nothing() -> Iterator[Recording]:
        yield _Off(store.db, 0)

    store.recording = nothing  # type: ignore[method-assign]
    try:
        yield
    finally:
        del store.recording  # type: ignore[method-assign]


def median_ms(step: Callable[[], None], reset: Callable[[], None]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
        reset()
    return statistics.median(times) * 1000


def measure(chars: int, spans: int, n_edits: int) -> list[tuple[str, float, float, str]]:
    rows: list[tuple[str, float, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        text = article(chars)
        with Store(path) as store:
            doc, _ = store.add_document("long.txt", text, title="Long")
            store.replace_annotations(doc, "model:bench@1", spans_for(text, spans))
        store = Store(path)
        workflow.open_document(store, doc, ME)
        last = store.spans(doc, ME)[-1]
        end = len(text)
        free = next(i for i in range(end - 2, 0, -1) if text[i : i + 2].isalpha()
                    and not any(s.start <= i < s.end for s in store.spans(doc, ME)))  # fmt: skip

        def kinds() -> list[tuple[str, Callable[[], edits.Edit]]]:
            return [
                ("add a span near the end", lambda: edits.CreateSpan(
                    doc, ME, label="EVENT", start=free, end=free + 2)),
                ("relabel near the end", lambda: edits.UpdateSpan(
                    doc, ME, span_id=last.id or 0, changes={"label": "ORG"})),
                (f"accept the document ({spans} spans)", lambda: edits.SetStatus(
                    doc, ME, status="done")),
            ]  # fmt: skip

        for name, make in kinds():
            made: list[edits.Edit] = []

            def run(make: Callable[[], edits.Edit] = make, made: list[edits.Edit] = made) -> None:
                made.append(make())
                made[-1].do(store)

            def reset(made: list[edits.Edit] = made) -> None:
                made.pop().undo(store)

            recorded = median_ms(run, reset)
            with _off(store):
                baseline = median_ms(run, reset)
            run()
            newest = store.edit_log(doc)[-1]["id"]
            size = len(json.dumps(store.edit_change(newest)).encode())
            reset()
            rows.append((name, baseline, recorded, f"change: {size / 1024:,.1f} KB"))

        for _ in range(n_edits // 2):  # a long history: adds and their undos
            edit = edits.CreateSpan(doc, ME, label="EVENT", start=free, end=free + 2)
            edit.do(store)
            edit.undo(store)
        entries = len(store.edit_log(doc))
        replay = median_ms(lambda: history.replay(store, doc, ME), lambda: None)
        read = median_ms(lambda: store.edit_log(doc), lambda: None)
        rows.append((f"open: the stack from {entries} log rows", read, replay, "baseline: read"))

        accept = edits.SetStatus(doc, ME, status="done")
        accept.do(store)
        in_session = median_ms(lambda: accept.undo(store), lambda: accept.do(store))
        done, _undone = history.replay(store, doc, ME)  # as a later session finds it
        step = history.LoggedStep(doc, ME, step=done[-1])
        undo = median_ms(lambda: step.undo(store), lambda: step.do(store))
        step.undo(store)
        redo = median_ms(lambda: step.do(store), lambda: step.undo(store))
        rows.append(("undo the accept from the log", in_session, undo, "baseline: in session"))
        rows.append(("redo the accept from the log", in_session, redo, "baseline: in session"))
        store.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=150_000)
    parser.add_argument("--spans", type=int, default=3000)
    parser.add_argument("--edits", type=int, default=200)
    args = parser.parse_args()
    print(machine())
    print(f"{args.chars:,} characters, {args.spans:,} suggestions; median of {RUNS}\n")
    print("| step | baseline ms | recorded ms | note |")
    print("|---|---:|---:|---|")
    for name, baseline, recorded, note in measure(args.chars, args.spans, args.edits):
        print(f"| {name} | {baseline:.1f} | {recorded:.1f} | {note} |")


if __name__ == "__main__":
    main()
