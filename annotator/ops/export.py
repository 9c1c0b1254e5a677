"""Export a layer of the project through a format writer, streaming, with optional splits.

Which annotations a document contributes (docs/design.md §2):
- ``model``: the newest model layer; a model layer has no status, so every document it has
  annotated is exported whatever ``status`` says.
- a model layer by its full name: the same for that layer.
- an annotator's name: that layer, for documents whose status for that annotator matches.
- ``gold``: the adjudicated ``gold`` layer where it exists, else the layer of the annotator who
  finished the document (with several, the first to finish, counted in a warning). An
  adjudicated document's meta also names its annotators and counts its gold spans by provenance
  (``gold_provenance``); each gold span carries its own in ``attrs["provenance"]``.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError, ExportError, SettingError
from annotator.formats import WriteOptions, get_format
from annotator.model import GOLD_LAYER, STATUS_FILTERS, DocumentRecord, SpanData, is_model_layer
from annotator.ops.adjudication import annotators_of
from annotator.ops.edits import PROVENANCE
from annotator.ops.progress import Cancel, Progress
from annotator.ops.scheme import corpus_settings
from annotator.store import Store


class Cancelled(AnnotatorError):
    """The user stopped the export."""


@dataclass
class ExportReport:
    documents: int = 0
    warnings: Counter[str] = field(default_factory=Counter)
    paths: list[Path] = field(default_factory=list)
    layer: str = ""


def parse_split(text: str) -> dict[str, float]:
    """``train=0.8,dev=0.1,test=0.1`` -> ordered ratios that add up to 1."""
    parts: dict[str, float] = {}
    for item in text.split(","):
        name, sep, value = item.partition("=")
        name = name.strip()
        try:
            ratio = float(value)
        except ValueError:
            ratio = -1.0
        if not sep or not name or not 0 < ratio <= 1 or name in parts:
            raise SettingError("split", f"bad part {item!r}; write e.g. train=0.8,dev=0.1,test=0.1")
        parts[name] = ratio
    if abs(sum(parts.values()) - 1.0) > 1e-6:
        raise SettingError("split", f"the ratios add up to {sum(parts.values()):g}, not 1")
    return parts


def split_of(content_hash: str, split: dict[str, float], seed: int) -> str:
    """The split a document falls in: stable for the same seed, independent of export order."""
    digest = hashlib.sha256(f"{seed}:{content_hash}".encode()).digest()
    point = int.from_bytes(digest[:8], "big") / 2**64
    cumulative = 0.0
    for name, ratio in split.items():
        cumulative += ratio
        if point < cumulative:
            return name
    return next(reversed(split))


def resolve_layer(store: Store, layer: str) -> str:
    if layer == "model":
        newest = store.newest_model_layer()
        if newest is None:
            raise AnnotatorError("no model layer yet; run `annotator annotate` first")
        return newest
    return layer


def _gold_layer_for(
    store: Store, document_id: int, status: str, report: ExportReport
) -> str | None:
    """The layer holding a document's gold view, or None if it does not match ``status``."""
    if store.has_layer_document(document_id, GOLD_LAYER):
        # Gold imported without a status counts as finished work.
        gold_status = (
            store.status(document_id, GOLD_LAYER)
            if store.has_status(document_id, GOLD_LAYER)
            else "done"
        )
        return GOLD_LAYER if status in ("all", gold_status) else None
    done = store.annotators_done(document_id)
    if done and status in ("done", "all"):
        if len(done) > 1:
            report.warnings[
                "documents finished by several annotators and not adjudicated; "
                "the first annotator's layer was used"
            ] += 1
        return done[0]
    wanted = None if status == "all" else status
    for annotator in store.annotators_with_status(document_id, wanted):
        if annotator != GOLD_LAYER:
            return annotator
    if status == "all" or (status == "new" and not store.annotators_with_status(document_id, None)):
        return GOLD_LAYER  # nobody worked on it: the document with no annotations
    return None


def gold_meta(store: Store, document_id: int, spans: list[SpanData]) -> dict[str, Any]:
    """What an adjudicated document's export tells of its gold: who annotated it and how many
    gold spans each provenance gave (``agreed``, ``picked:NAME``, ``edited``)."""
    annotators = annotators_of(store, document_id)
    if len(annotators) < 2:
        return {}
    counts = Counter(str(s.attrs.get(PROVENANCE, "unknown")) for s in spans)
    return {"annotators": annotators, "gold_provenance": dict(sorted(counts.items()))}


def iter_records(
    store: Store,
    *,
    layer: str = GOLD_LAYER,
    status: str = "done",
    report: ExportReport | None = None,
    only_split: tuple[dict[str, float], int, str] | None = None,
) -> Iterator[DocumentRecord]:
    """Stream the documents (with their annotations in the chosen layer) an export holds."""
    if status not in STATUS_FILTERS:
        raise SettingError("status", f"unknown {status!r}; use one of {', '.join(STATUS_FILTERS)}")
    report = report or ExportReport()
    resolved = resolve_layer(store, layer)
    known = {name for name, _ in store.layers()}
    if resolved != GOLD_LAYER and resolved not in known:
        names = ", ".join(sorted(known)) or "none yet"
        raise AnnotatorError(f"no layer named {resolved!r}; the project's layers: {names}")
    report.layer = resolved
    model_layer = is_model_layer(resolved)
    filled = store.layer_filled(resolved) if model_layer else set()
    if model_layer and not filled:
        raise AnnotatorError(f"layer {resolved!r} has no documents")
    for document_id in store.document_ids():
        if model_layer:
            if document_id not in filled:
                continue
            doc_layer: str | None = resolved
        elif resolved == GOLD_LAYER:
            doc_layer = _gold_layer_for(store, document_id, status, report)
        else:
            own = store.status(document_id, resolved)
            doc_layer = resolved if status in ("all", own) else None
        if doc_layer is None:
            continue
        doc = store.document(document_id)
        if only_split is not None:
            ratios, seed, wanted = only_split
            if split_of(doc.content_hash, ratios, seed) != wanted:
                continue
        spans, relations = store.annotations(document_id, doc_layer)
        meta = doc.meta
        if doc_layer == GOLD_LAYER:
            meta = {**doc.meta, **gold_meta(store, document_id, spans)}
        yield DocumentRecord(
            name=doc.name, text=doc.text, title=doc.title, meta=meta, spans=spans,
            relations=relations, layer=doc_layer,
            status=None if model_layer else store.status(document_id, doc_layer), id=doc.id,
            categories=store.document_labels(document_id, doc_layer),
            partial=store.is_partial(document_id, doc_layer),
        )  # fmt: skip


def _refuse_project_files(store: Store, out: Path) -> None:
    """Never write an export over the project database (or its journal files)."""
    project = store.path.resolve()
    guarded = {project, project.with_name(project.name + "-wal"),
               project.with_name(project.name + "-shm")}  # fmt: skip
    if out.resolve() in guarded:
        raise ExportError(f"{out} is the project database itself; choose another output")


def split_path(out: Path, split_name: str) -> Path:
    """``gold.spacy`` -> ``gold.train.spacy``; a folder ``out`` -> ``out/train``."""
    if out.suffix:
        return out.with_name(f"{out.stem}.{split_name}{out.suffix}")
    return out / split_name


def export(
    store: Store,
    *,
    format: str,
    out: Path,
    layer: str = GOLD_LAYER,
    status: str = "done",
    annotator: str | None = None,
    split: dict[str, float] | None = None,
    seed: int = 0,
    include_boilerplate: bool = False,
    scheme: str = "iob2",
    docs_per_file: int = 0,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportReport:
    """Write the chosen documents with ``format``'s writer; one file or folder per split."""
    fmt = get_format(format)
    _refuse_project_files(store, Path(out))
    if fmt.writer is None:
        raise AnnotatorError(f"format {format!r} can be imported but not exported")
    if annotator and layer == GOLD_LAYER:
        layer = annotator
    report = ExportReport()
    options = WriteOptions(
        scheme=scheme,
        include_boilerplate=include_boilerplate,
        docs_per_file=docs_per_file,
        settings=corpus_settings(store),
    )
    targets: list[tuple[Path, tuple[dict[str, float], int, str] | None]]
    if split:
        targets = [(split_path(Path(out), name), (split, seed, name)) for name in split]
    else:
        targets = [(Path(out), None)]
    count = 0

    def counted(records: Iterator[DocumentRecord]) -> Iterator[DocumentRecord]:
        nonlocal count
        for record in records:
            if cancel is not None and cancel():
                raise Cancelled("export cancelled; the partial files were removed")
            count += 1
            if progress is not None:
                progress(count, 0, record.name)
            yield record

    with store.snapshot():  # every split, every document from the same moment
        for path, only in targets:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ExportError(f"{path}: cannot create the folder: {exc.strerror}") from None
            records = iter_records(
                store, layer=layer, status=status, report=report, only_split=only
            )
            try:
                written = fmt.writer(counted(records), path, options)
            except OSError as exc:
                raise ExportError(f"{path}: cannot write: {exc.strerror or exc}") from None
            report.documents += written.documents
            report.warnings.update(written.warnings)
            report.paths.extend(written.paths or [path])
    if report.documents == 0:
        report.warnings[
            f"no document matched layer {layer} with status {status}; the output is empty"
        ] += 1
    return report
