"""Work that travels: pack documents for one annotator into a project file, merge it back.

``pack`` writes a real project file holding the chosen documents, the newest model layer (the
suggestions) and whatever the annotator already did; the annotator labels it offline in the app.
The file records what it packed (a manifest in its ``project`` table: each document's content
hash and a fingerprint of the annotator's layer at packing time), so ``merge`` can tell a layer
changed only in the pack (taken) from one changed in both places (a conflict: the project keeps
its version and the packed one is kept beside it as the layer ``NAME@conflict-<pack>``).
Documents are matched by content hash, never duplicated; merging twice changes nothing.

Which documents (``--docs QUERY``, words ANDed):
``status:done`` (the packed annotator's status), ``label:PERSON`` (a span with that label in
the annotator's or a model layer), ``name:*.txt`` (a glob on the document name), ``id:3-40``,
``random:N`` (N documents drawn with ``--seed`` from what the rest matched), ``all``, and any
other words as a full-text search. ``--overlap 0.2`` picks a fifth of the matching documents
by content hash and seed: every annotator's pack with the same query and seed holds them (for
agreement); with ``--team a,b,c`` the other documents are dealt out, each to one member.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError, SettingError
from annotator.model import GOLD_LAYER, STATUSES, is_model_layer
from annotator.ops.progress import Progress
from annotator.store import DocumentFilter, Store, list_documents
from annotator.store.database import now

MANIFEST_KEY = "pack"
CONFLICT_MARK = "@conflict-"
_QUERY_HELP = "use status:S, label:L, name:GLOB, id:A-B, random:N, all, or words to search for"


# -- fingerprints -------------------------------------------------------------------------
def layer_content(store: Store, document_id: int, layer: str) -> dict[str, Any]:
    """A layer of one document as plain data: spans by offsets, relations by span offsets."""
    spans, relations = store.annotations(document_id, layer)
    key = [[s.start, s.end, s.label, s.source, s.reviewed, s.attrs] for s in spans]
    links = sorted(
        [key[r.head][:3], key[r.child][:3], r.label] for r in relations
    )  # fmt: skip
    return {
        "spans": sorted(key, key=lambda k: json.dumps(k, sort_keys=True)), "links": links,
        "categories": store.document_labels(document_id, layer),
    }  # fmt: skip


def fingerprint(store: Store, document_id: int, annotator: str, *, status: bool = True) -> str:
    """What ``annotator`` did on a document (spans, links, status, note) as one hash."""
    data = layer_content(store, document_id, annotator)
    if status:
        data["status"] = store.status(document_id, annotator)
        data["note"] = store.note(document_id, annotator)
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _untouched(store: Store, document_id: int, annotator: str) -> bool:
    return (
        not store.has_status(document_id, annotator)
        and not store.spans(document_id, annotator)
        and not store.note(document_id, annotator)
        and not store.document_labels(document_id, annotator)
    )


# -- choosing documents ---------------------------------------------------------------------
def hash_point(seed: int, purpose: str, content_hash: str) -> float:
    """A number in [0, 1) fixed by seed, purpose and document: the same in every project."""
    digest = hashlib.sha256(f"{seed}:{purpose}:{content_hash}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


@dataclass(frozen=True)
class Query:
    status: str | None = None
    label: str | None = None
    names: tuple[str, ...] = ()
    ids: tuple[tuple[int, int], ...] = ()
    random: int | None = None
    words: str = ""


def parse_query(text: str) -> Query:
    """``status:done label:PERSON election`` -> a :class:`Query` (see the module docstring)."""
    status = label = None
    names: list[str] = []
    ids: list[tuple[int, int]] = []
    sample: int | None = None
    words: list[str] = []
    for term in text.split():
        key, sep, value = term.partition(":")
        key = key.lower()
        if term.lower() == "all":
            continue
        if not sep or key not in {"status", "label", "name", "id", "random"}:
            words.append(term)
            continue
        if not value:
            raise SettingError("docs", f"{term!r} needs a value; {_QUERY_HELP}")
        if key == "status":
            if value not in STATUSES:
                raise SettingError("docs", f"unknown status {value!r}; use {', '.join(STATUSES)}")
            status = value
        elif key == "label":
            label = value
        elif key == "name":
            names.append(value)
        elif key == "id":
            first, _dash, last = value.partition("-")
            try:
                ids.append((int(first), int(last or first)))
            except ValueError:
                raise SettingError("docs", f"{term!r}: write id:7 or id:3-40") from None
        else:
            try:
                sample = int(value)
            except ValueError:
                sample = -1
            if sample < 1:
                raise SettingError("docs", f"{term!r}: random:N needs a whole number N > 0")
    return Query(status, label, tuple(names), tuple(ids), sample, " ".join(words))


@dataclass(frozen=True)
class Selection:
    """The documents of one pack, and which of them every annotator gets (the overlap)."""

    documents: list[int]
    overlap: set[int]


def select_documents(
    store: Store, annotator: str, query: str, *, overlap: float = 0.0, seed: int = 0,
    team: Sequence[str] = (),
) -> Selection:  # fmt: skip
    """The documents a pack for ``annotator`` holds (see the module docstring)."""
    if not 0.0 <= overlap <= 1.0:
        raise SettingError("overlap", f"{overlap:g}: give a share between 0 and 1, e.g. 0.2")
    if team and annotator not in team:
        raise SettingError("team", f"names {', '.join(team)} but not {annotator!r}")
    parsed = parse_query(query)
    flt = DocumentFilter(annotator, parsed.status, parsed.label, parsed.words or None)
    rows = list_documents(store, flt, offset=0, limit=2**62)
    pool = [
        (r.id, store.document(r.id).content_hash)
        for r in rows
        if (not parsed.names or any(fnmatch.fnmatch(r.name, g) for g in parsed.names))
        and (not parsed.ids or any(a <= r.id <= b for a, b in parsed.ids))
    ]
    if parsed.random is not None and parsed.random < len(pool):
        pool.sort(key=lambda item: hash_point(seed, "random", item[1]))
        pool = sorted(pool[: parsed.random])
    shared = {doc for doc, digest in pool if hash_point(seed, "overlap", digest) < overlap}
    chosen = []
    for doc, digest in pool:
        if doc in shared or not team:
            chosen.append(doc)
        elif team[int(hash_point(seed, "share", digest) * len(team))] == annotator:
            chosen.append(doc)
    return Selection(chosen, shared)


# -- pack -----------------------------------------------------------------------------------
@dataclass
class PackReport:
    path: Path
    annotator: str
    documents: int = 0
    overlap: int = 0
    suggestions: str | None = None
    pack_id: str = ""


def _copy_layer(
    source: Store, source_doc: int, target: Store, target_doc: int, layer: str,
    into: str | None = None,
) -> None:  # fmt: skip
    spans, relations = source.annotations(source_doc, layer)
    fresh = [replace(s, id=None) for s in spans]
    target.replace_annotations(target_doc, into or layer, fresh, relations)
    categories = source.document_labels(source_doc, layer)  # the story's categories travel too
    if categories or target.document_labels(target_doc, into or layer):
        origin = "model" if is_model_layer(layer) else "human"
        target.replace_document_labels(target_doc, into or layer, categories, source=origin)


def pack(
    store: Store, *, annotator: str, query: str, out: Path, overlap: float = 0.0, seed: int = 0,
    team: Sequence[str] = (), progress: Progress | None = None,
) -> PackReport:  # fmt: skip
    """Write the documents chosen for ``annotator`` into a new project file at ``out``."""
    out = Path(out)
    if out.exists() and out.stat().st_size > 0:
        raise AnnotatorError(f"{out}: already exists; choose another --out or remove it first")
    if out.resolve() == store.path.resolve():
        raise AnnotatorError(f"{out} is the project itself; choose another --out")
    if annotator == GOLD_LAYER or is_model_layer(annotator) or CONFLICT_MARK in annotator:
        raise AnnotatorError(f"{annotator!r} is a layer name, not an annotator")
    selection = select_documents(store, annotator, query, overlap=overlap, seed=seed, team=team)
    if not selection.documents:
        raise SettingError("docs", f"{query!r} matches no document; nothing packed")
    suggestions = store.newest_model_layer()
    stamp = now()
    pack_id = hashlib.sha256(f"{store.path}:{annotator}:{stamp}".encode()).hexdigest()[:10]
    report = PackReport(out, annotator, suggestions=suggestions, pack_id=pack_id)
    manifest: dict[str, Any] = {
        "id": pack_id, "annotator": annotator, "packed_at": stamp, "source": str(store.path),
        "query": query, "overlap": overlap, "seed": seed, "team": list(team), "documents": {},
    }  # fmt: skip
    total = len(selection.documents)
    try:
        with Store(out) as target, target.transaction():
            target.set_labels(store.labels())
            for number, doc_id in enumerate(selection.documents, 1):
                doc = store.document(doc_id)
                new_id, _created = target.add_document(
                    doc.name, doc.text, title=doc.title, meta=doc.meta
                )
                if suggestions and store.has_layer_document(doc_id, suggestions):
                    _copy_layer(store, doc_id, target, new_id, suggestions)
                if not _untouched(store, doc_id, annotator):
                    _copy_layer(store, doc_id, target, new_id, annotator)
                    if store.has_status(doc_id, annotator):
                        target.set_status(new_id, annotator, store.status(doc_id, annotator))
                    if store.note(doc_id, annotator):
                        target.set_note(new_id, annotator, store.note(doc_id, annotator))
                manifest["documents"][doc.content_hash] = fingerprint(target, new_id, annotator)
                report.documents += 1
                report.overlap += doc_id in selection.overlap
                if progress is not None:
                    progress(number, total, doc.name)
            target.set_project_value(MANIFEST_KEY, json.dumps(manifest))
    except BaseException:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{out}{suffix}").unlink(missing_ok=True)
        raise
    return report


# -- merge ----------------------------------------------------------------------------------
@dataclass
class MergeReport:
    files: int = 0
    documents_added: int = 0
    layers_taken: int = 0
    unchanged: int = 0
    log_entries: int = 0
    #: One line per conflict: file, document, annotator, and the layer keeping the packed version.
    conflicts: list[str] = field(default_factory=list)
    annotators: set[str] = field(default_factory=set)


def _open_incoming(path: Path) -> Store:
    if not path.exists():
        raise AnnotatorError(f"{path}: no such file")
    try:
        return Store(path, readonly=True)
    except AnnotatorError as exc:
        if "schema upgrade" not in str(exc):
            raise
        return Store(path)


def _human_layers(store: Store) -> list[str]:
    return [name for name, kind in store.layers() if kind == "human" and CONFLICT_MARK not in name]


def _annotators_of(incoming: Store, document_id: int, layers: Iterable[str]) -> list[str]:
    found = set(incoming.annotators_with_status(document_id, None)) - {GOLD_LAYER}
    found |= {a for a in layers if incoming.spans(document_id, a)}
    return sorted(a for a in found if not is_model_layer(a) and CONFLICT_MARK not in a)


def _take(incoming: Store, src: int, store: Store, dst: int, annotator: str) -> None:
    """Make the project's layer, status and note of ``annotator`` what the pack holds."""
    _copy_layer(incoming, src, store, dst, annotator)
    if incoming.has_status(src, annotator):
        store.set_status(dst, annotator, incoming.status(src, annotator))
    store.set_note(dst, annotator, incoming.note(src, annotator))


def merge(store: Store, paths: Sequence[Path], *, progress: Progress | None = None) -> MergeReport:
    """Bring the annotator layers of packed files back into the project (module docstring)."""
    report = MergeReport()
    for path in map(Path, paths):
        if path.resolve() == store.path.resolve():
            raise AnnotatorError(f"{path} is the project itself; merge other files into it")
        with _open_incoming(path) as incoming:
            raw = incoming.project_value(MANIFEST_KEY)
            manifest: dict[str, Any] = json.loads(raw) if raw else {}
            base_of: dict[str, str] = manifest.get("documents", {})
            packed_for = manifest.get("annotator")
            tag = manifest.get("id") or hashlib.sha256(str(path).encode()).hexdigest()[:10]
            layers = _human_layers(incoming)
            ids = incoming.document_ids()
            for number, src in enumerate(ids, 1):
                doc = incoming.document(src)
                with store.transaction():
                    dst, created = store.add_document(
                        doc.name, doc.text, title=doc.title, meta=doc.meta
                    )
                    report.documents_added += created
                    for annotator in _annotators_of(incoming, src, layers):
                        report.annotators.add(annotator)
                        base = base_of.get(doc.content_hash) if annotator == packed_for else None
                        _merge_layer(
                            incoming, src, store, dst, annotator, base=base, tag=tag,
                            report=report, where=f"{path.name}: {doc.name}",
                        )  # fmt: skip
                        entries = [e for e in incoming.edit_log(src) if e["annotator"] == annotator]
                        report.log_entries += store.copy_edit_log(dst, entries)
                if progress is not None:
                    progress(number, len(ids), doc.name)
        report.files += 1
    return report


def _merge_layer(
    incoming: Store, src: int, store: Store, dst: int, annotator: str, *, base: str | None,
    tag: str, report: MergeReport, where: str,
) -> None:  # fmt: skip
    theirs = fingerprint(incoming, src, annotator)
    ours = fingerprint(store, dst, annotator)
    if theirs == ours or theirs == base:
        report.unchanged += 1  # the same here, or not changed in the pack since packing
        return
    if ours == base or _untouched(store, dst, annotator):
        _take(incoming, src, store, dst, annotator)
        report.layers_taken += 1
        return
    conflict = f"{annotator}{CONFLICT_MARK}{tag}"
    kept = fingerprint(incoming, src, annotator, status=False)
    if not store.spans(dst, conflict) or fingerprint(store, dst, conflict, status=False) != kept:
        _copy_layer(incoming, src, store, dst, annotator, into=conflict)
    report.conflicts.append(
        f"{where}: {annotator}'s layer changed both here and in the pack; the project keeps its "
        f"version, the packed one is the layer {conflict!r}"
    )


__all__ = [
    "MANIFEST_KEY", "MergeReport", "PackReport", "Query", "Selection", "fingerprint",
    "hash_point", "merge", "pack", "parse_query", "select_documents",
]  # fmt: skip
