"""Pre-annotate the project with a spaCy pipeline into its ``model:<name>@<version>`` layer.

Documents stream through ``nlp.pipe`` and are committed in batches: an interrupted run keeps
every finished batch, and the next run resumes with the documents this model has not done yet
(``force`` redoes them all). A re-run replaces only that model layer; human layers are untouched.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import itemgetter

from annotator.model import RelationData, SpanData
from annotator.nlp.boilerplate import line_key, repeated_line_threshold
from annotator.nlp.pipeline import annotate_texts, load_pipeline, pipeline_layer, set_repeated_lines
from annotator.nlp.workers import annotate_in_processes
from annotator.ops.progress import Cancel, Progress
from annotator.store import Store

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

    if processes > 1:
        stream = annotate_in_processes(
            nlp, items(), processes=processes, batch_size=batch_size, name_of=itemgetter(1)
        )
    else:
        stream = annotate_texts(nlp, items(), batch_size=batch_size, name_of=itemgetter(1))
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
