"""Pre-annotate the project with a spaCy pipeline into its ``model:<name>@<version>`` layer.

Documents stream through ``nlp.pipe`` and are committed in batches: an interrupted run keeps
every finished batch, and the next run resumes with the documents this model has not done yet
(``force`` redoes them all). A re-run replaces only that model layer; human layers are untouched.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
import warnings
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from annotator.model import RelationData, SpanData
from annotator.nlp.boilerplate import line_key, repeated_line_threshold
from annotator.nlp.pipeline import annotate_texts, load_pipeline, pipeline_layer, set_repeated_lines
from annotator.ops.progress import Cancel, Progress
from annotator.store import Store

T = TypeVar("T")

#: Documents per committed batch.
COMMIT_EVERY = 64


@dataclass
class AnnotateReport:
    layer: str = ""
    annotated: int = 0
    skipped: int = 0
    spans: int = 0
    warnings: list[str] = field(default_factory=list)
    cancelled: bool = False


#: Lines longer than this are article text, never page furniture: not counted.
MAX_REPEATED_LINE = 200


def repeated_lines(store: Store) -> set[str]:
    """Lines that repeat across many documents of the corpus (page furniture, not news)."""
    n_docs = store.count_documents()

    def keys() -> Iterator[str]:
        for _id, _name, text in store.iter_texts():
            lines = {line_key(line) for line in text.split("\n") if line.strip()}
            yield from (k for k in lines if len(k) <= MAX_REPEATED_LINE)

    return store.frequent_keys(keys(), repeated_line_threshold(n_docs))


def _stop_workers() -> None:
    for child in multiprocessing.active_children():
        child.terminate()


def _interrupt(signum: int, frame: object) -> None:
    """Ctrl+C during a multi-process run: stop the workers first, then interrupt.

    spaCy joins its workers when the pipe is closed; a worker blocked sending results to a
    closed pipe (the other workers keep copies of its descriptors) would never return.
    """
    _stop_workers()
    raise KeyboardInterrupt


def _started(results: Generator[T, None, None], processes: int) -> Generator[T, None, None]:
    """Run ``results`` so that Ctrl+C and cancel stop worker processes cleanly.

    Workers start with Ctrl+C ignored (they inherit it), so only this process sees it; stopping
    early terminates them before spaCy waits for them.
    """
    if processes <= 1:
        yield from results
        return
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
    try:
        try:
            first = next(results, None)  # the workers start with the first document
        finally:
            if main:
                signal.signal(signal.SIGINT, _interrupt)
        if first is None:
            return
        yield first
        # Not ``yield from``: closing this generator would close ``results`` (and make spaCy
        # wait for its workers) before the ``finally`` below could stop them.
        for item in results:  # noqa: UP028
            yield item
    finally:
        _stop_workers()  # nothing left to stop after a complete run
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*W127")  # the workers we terminated
            results.close()  # spaCy joins its workers here; they are already gone
        if main:
            signal.signal(signal.SIGINT, previous)


def annotate(
    store: Store,
    *,
    model: str | None = None,
    processes: int = 1,
    batch_size: int = 32,
    force: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> AnnotateReport:
    """Run the pre-annotation pipeline over the project; see the module docstring."""
    nlp = load_pipeline(model)
    layer = pipeline_layer(nlp)
    report = AnnotateReport(layer=layer)
    set_repeated_lines(nlp, repeated_lines(store))
    done = set() if force else store.layer_filled(layer)
    todo = [doc_id for doc_id in store.document_ids() if doc_id not in done]
    report.skipped = store.count_documents() - len(todo)
    total = len(todo)

    def items() -> Iterator[tuple[str, tuple[int, str]]]:
        for doc_id, name, text in store.iter_texts(todo):
            if len(text) > nlp.max_length:
                report.warnings.append(
                    f"{name}: {len(text):,} characters, over the pipeline's limit of "
                    f"{nlp.max_length:,}; not annotated (split the document to annotate it)"
                )
                continue
            yield text, (doc_id, name)

    batch: list[tuple[int, list[SpanData], list[RelationData]]] = []

    def flush() -> None:
        # One short transaction per batch: the write lock is held for the inserts only, not
        # while the model runs, so the desktop app never waits long on a CLI run.
        with store.bulk(), store.transaction():
            for doc_id, spans, relations in batch:
                store.replace_annotations(doc_id, layer, spans, relations)
        batch.clear()

    # No local keeps the annotate_texts generator: closing ``stream`` must close it last,
    # after _started has stopped the worker processes.
    stream = _started(
        annotate_texts(
            nlp, items(), batch_size=batch_size, n_process=processes, name_of=lambda c: c[1]
        ),
        processes,
    )
    try:
        for (doc_id, name), spans, relations, doc_warnings in stream:
            report.warnings.extend(doc_warnings)
            batch.append((doc_id, spans, relations))
            report.annotated += 1
            report.spans += len(spans)
            if progress is not None:
                progress(report.annotated, total, name)
            if len(batch) >= COMMIT_EVERY:
                flush()
                if cancel is not None and cancel():
                    report.cancelled = True
                    return report
        flush()
    finally:
        stream.close()
    return report
