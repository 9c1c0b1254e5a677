"""brat standoff folders: ``<doc>.txt`` + ``<doc>.ann`` per document, ``annotation.conf``.

Offsets are code points into the ``.txt``. How each kind of ``.ann`` line is kept and written
back is described in :mod:`annotator.formats.brat_ann`: spans (entities, or span categories when
they overlap), discontinuous spans, relations of any type, events, equivalences, attributes,
normalizations and notes all survive import -> export (ids are renumbered). No T line holds a
line break: a span over several paragraphs becomes a discontinuous span split at the breaks.
A span's source and reviewed flag are notes only where they differ from the layer's default
(``source: model`` in a human layer), other span attrs ``key: text`` notes.

Document name, title, layer, status and meta go to ``annotator-documents.jsonl`` in the folder
(brat ignores it); documents named ``business/001.txt`` go to the sub-folder ``business``. The
folder also gets ``annotation.conf``: the corpus's own conf when it was imported from brat, with
the types it lacks added (see brat_conf.py), else a fresh one; and ``visual.conf``. The export
goes into a new or empty folder, or over an earlier export of ours (its manifest lists its
files; they are replaced and the report says so); any other folder with files in it is
refused, so a user's own files are never overwritten. The folder is written beside the target
and swapped in whole (formats/staging.py): an interrupted export leaves the earlier one as it
was.
The reader takes a folder (every ``.ann`` below it), or one ``.ann`` with its ``.txt``; a
``.txt`` without an ``.ann`` is a document without annotations. A ``.txt`` starting with a UTF-8
BOM is read as brat reads it: the BOM counts in the ``.ann`` offsets and is then dropped.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.errors import ExportError, InputError, printable
from annotator.formats.base import ReadItem, ReadOptions, WriteOptions, WriteReport
from annotator.formats.brat_ann import (
    ATTRIBUTES,
    EVENT_GROUP,
    fragments,
    parse_ann,
    render_ann,
)
from annotator.formats.brat_ann import brat_type as brat_type
from annotator.formats.brat_conf import Used, merged_conf
from annotator.formats.decoding import decode_bytes
from annotator.formats.records import (
    default_source,
    display_name,
    finish_record,
    normalise_record_text,
    resolve_layer,
)
from annotator.formats.selection import atomic_output, select
from annotator.formats.staging import recover_stale, staged_folder
from annotator.formats.text import first_line_title
from annotator.model import FRAGMENT, DocumentRecord, SpanData

MANIFEST = "annotator-documents.jsonl"
CONF = "annotation.conf"
VISUAL_CONF = "visual.conf"
#: Project settings that keep an imported corpus's annotation.conf and visual.conf for exports.
CONF_SETTING = "brat:annotation.conf"
VISUAL_SETTING = "brat:visual.conf"


def base_name(name: str, used: set[str]) -> str:
    """A safe, unique file path (no suffix) for a document name: ``business/001.txt`` ->
    ``business/001``, each folder and file name made safe on its own."""
    stem = name[:-4] if name.lower().endswith(".txt") else name
    parts = [re.sub(r"[^\w.-]+", "_", part).strip("._")[:120] for part in stem.split("/")]
    parts = [part for part in parts if part] or ["document"]
    safe = "/".join(parts[-8:])
    candidate, n = safe, 2
    while candidate.lower() in used:
        candidate, n = f"{safe}-{n}", n + 1
    used.add(candidate.lower())
    return candidate


def _safe_stem(stem: str) -> bool:
    return all(re.fullmatch(r"[\w.-]+", part) and not part.startswith(".")
               for part in stem.split("/"))  # fmt: skip


def write_brat(records: Iterable[DocumentRecord], out: Path, options: WriteOptions) -> WriteReport:
    """Write a brat folder: a new or empty one, or one an earlier brat export of ours wrote
    (recognised by its manifest), whose listed files are replaced; any other folder with files
    in it is refused. The folder is written beside and swapped in whole (formats/staging.py)."""
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file; brat export writes a folder")
    report = WriteReport()
    recover_stale(folder, owned_files)
    earlier = len(earlier_export(folder))
    used_names: set[str] = set()
    used = Used()
    with staged_folder(folder, owned_files) as staging:
        with atomic_output(staging / MANIFEST) as manifest:
            for record in records:
                stem = base_name(record.name, used_names)
                _write_document(record, staging, stem, options, report, used)
                entry = {"file": stem, "name": record.name, "title": record.title,
                         "layer": record.layer, "status": record.status,
                         "meta": record.meta}  # fmt: skip
                manifest.write(json.dumps(entry, ensure_ascii=False) + "\n")
                report.documents += 1
        with atomic_output(staging / CONF) as f:
            f.write(merged_conf(options.settings.get(CONF_SETTING), used))
        with atomic_output(staging / VISUAL_CONF) as f:
            visual = options.settings.get(VISUAL_SETTING)
            f.write(visual or visual_conf(used.entities | set(used.events)))
    if earlier:
        report.warn(f"brat: replaced an earlier export: {earlier} documents removed")
    report.paths.append(folder)
    return report


def earlier_export(folder: Path) -> list[str]:
    """The document stems of the earlier export in ``folder`` ([] for none or an empty folder).

    Raise :class:`ExportError` for a folder holding files that are not ours. Hidden files
    (``.DS_Store``) do not count. Nothing is changed here: the earlier export's files (each
    document's ``.txt`` and ``.ann``, the conf files) are replaced only once the new export is
    complete.
    """
    try:
        if not folder.is_dir() or not any(not p.name.startswith(".") for p in folder.iterdir()):
            return []
    except OSError as exc:
        raise ExportError(f"cannot read {folder}: {exc.strerror}") from None
    manifest = folder / MANIFEST
    if not manifest.is_file():
        raise ExportError(
            f"{folder} is not empty and is not an earlier brat export (no {MANIFEST}); "
            "export into a new or empty folder"
        )
    try:
        lines = manifest.read_text(encoding="utf-8").splitlines()
        stems = [str(json.loads(line)["file"]) for line in lines if line.strip()]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError):
        raise ExportError(
            f"{folder} holds an unreadable {MANIFEST}; export into a new or empty folder"
        ) from None
    bad = [stem for stem in stems if not _safe_stem(stem)]
    if bad:
        raise ExportError(
            f"{manifest} lists a file outside the folder ({bad[0]!r}); export into a new or "
            "empty folder"
        )
    return stems


def owned_files(folder: Path) -> set[str]:
    """Names in ``folder`` an export of ours wrote: its manifest's documents and conf files."""
    try:
        stems = earlier_export(folder)
    except ExportError:
        stems = []
    return {f"{stem}{suffix}" for stem in stems for suffix in (".txt", ".ann")} | {
        MANIFEST, CONF, VISUAL_CONF}  # fmt: skip


def _write_document(
    record: DocumentRecord, folder: Path, stem: str, options: WriteOptions,
    report: WriteReport, used: Used,
) -> None:  # fmt: skip
    text = record.text

    def fits(span: SpanData) -> bool:
        pieces = fragments(text, span.start, span.end)
        if not pieces:
            report.warn(f"brat: {span.label} spans of line breaks only left out")
            return False
        if pieces[0][0] != span.start or pieces[-1][1] != span.end:
            report.warn(f"brat: line breaks at the start or end of {span.label} spans cut off")
        return True

    selection = select(record, options, report, fmt="brat", fits=fits)
    spans, relations = selection.spans, selection.relations
    for span in spans:
        if brat_type(span.label) != span.label:
            report.warn(f"brat: spaces in label {span.label!r} written as '_'")
        label = brat_type(span.label)
        if span.group == EVENT_GROUP:
            used.events.setdefault(label, {})
        else:
            used.entities.add(label)
        attributes = span.attrs.get(ATTRIBUTES)
        for name, value in attributes.items() if isinstance(attributes, dict) else ():
            used.attribute(brat_type(str(name)), value, span.group == EVENT_GROUP)
    for rel in relations:
        head, child = brat_type(spans[rel.head].label), brat_type(spans[rel.child].label)
        if rel.label == FRAGMENT:
            continue
        if spans[rel.head].group == EVENT_GROUP:
            used.role(head, brat_type(rel.label).rstrip("0123456789"), child)
        else:
            used.relation(brat_type(rel.label), head, child)
    lines, skipped = render_ann(
        text, spans, relations, default_source=default_source(record.layer or "gold")
    )
    for message, count in skipped.items():
        report.warn(f"brat: {message}", count)
    _write_text(folder / f"{stem}.txt", text)
    _write_text(folder / f"{stem}.ann", "".join(line + "\n" for line in lines))


def _write_text(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_output(path) as f:
        f.write(content)


def visual_conf(labels: set[str]) -> str:
    colours = _label_colours()
    entities = sorted(labels)
    drawing = "".join(
        f"{label}\tbgColor:{colours[label]}\n" for label in entities if label in colours
    )
    return (
        "[labels]\n" + "".join(f"{label}\n" for label in entities) + "\n"
        "[drawing]\n"
        "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n"
        "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5\n" + drawing
    )


def _label_colours() -> dict[str, str]:
    try:
        from annotator.resources import default_labels

        return {label.name: label.color for label in default_labels() if label.color}
    except (OSError, LookupError, TypeError, ValueError):
        return {}


def read_brat(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    """Documents of a brat folder (every ``.ann`` in it, recursively) or of one ``.ann``."""
    folder = path if path.is_dir() else path.parent
    manifest, problem = _read_manifest(folder)
    if problem is not None:
        yield problem
    if path.is_dir():
        anns = sorted(path.rglob("*.ann"))
        order = {entry["file"]: i for i, entry in enumerate(manifest.values())}
        anns.sort(key=lambda p: (order.get(_stem_key(folder, p), len(order)), p))
        if not anns:
            yield InputError("no .ann files in the folder, nothing to import", path=str(path))
    elif path.suffix.lower() == ".ann":
        anns = [path]
    elif path.suffix.lower() == ".txt" and not path.with_suffix(".ann").exists():
        anns = [path.with_suffix(".ann")]  # a document without annotations
    else:
        return  # brat's own files, or a .txt read through its .ann
    for ann in anns:
        yield from _read_document(ann, manifest.get(_stem_key(folder, ann)), options)


def _stem_key(folder: Path, ann: Path) -> str:
    return ann.relative_to(folder).with_suffix("").as_posix()


def _read_manifest(folder: Path) -> tuple[dict[str, dict[str, Any]], InputError | None]:
    """The document list of a folder; cached, as import may read a folder file by file."""
    path = folder / MANIFEST
    try:
        stat = path.stat()
    except OSError:
        return {}, None
    return _parse_manifest(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4)
def _parse_manifest(
    path: Path, mtime: int, size: int
) -> tuple[dict[str, dict[str, Any]], InputError | None]:
    entries: dict[str, dict[str, Any]] = {}
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        return entries, InputError(f"cannot read the document list: {exc}", path=str(path))
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            entries[str(entry["file"])] = entry
        except (ValueError, KeyError, TypeError):
            return entries, InputError("unreadable document list line", path=str(path), line=number)
    return entries, None


def _read_document(
    ann: Path, entry: dict[str, Any] | None, options: ReadOptions
) -> Iterator[ReadItem]:
    txt = ann.with_suffix(".txt")
    try:
        raw, encoding = decode_bytes(txt.read_bytes(), path=str(txt), keep_newlines=True)
        ann_bytes = ann.read_bytes() if ann.exists() or not txt.exists() else b""
        ann_text, _ = decode_bytes(ann_bytes, path=str(ann), keep_newlines=True)
    except OSError as exc:
        yield InputError(f"cannot read {exc.filename}: {exc.strerror}", path=str(ann))
        return
    except InputError as exc:
        yield exc
        return
    if not raw.strip():
        yield InputError("empty text file, nothing to import", path=str(txt))
        return
    bom = encoding == "utf-8-sig"
    if bom:  # brat reads the BOM as a character: its offsets count it
        raw = "\ufeff" + raw
    layer = resolve_layer(options, entry.get("layer") if entry else None)
    parsed = parse_ann(ann_text, raw, default_source=default_source(layer),
                       own_notes=entry is not None)  # fmt: skip
    spans = parsed.spans
    if bom:
        raw = raw[1:]
        spans = [_without_bom(span) for span in spans]
    text, spans = normalise_record_text(raw, spans)
    if entry is not None:
        name, title, meta = entry.get("name"), entry.get("title"), entry.get("meta") or {}
    else:
        name, title = display_name(txt, options), first_line_title(text)
        meta = {"encoding": encoding, "path": printable(str(txt))}
    record = DocumentRecord(
        name=str(name or display_name(txt, options)), text=text, title=title, meta=meta,
        spans=spans, relations=parsed.relations, layer=layer,
        status=entry.get("status") if entry else None, import_notes=dict(parsed.notes),
        corpus_settings=_corpus_conf(ann, options),
    )  # fmt: skip
    yield finish_record(record, options, ann, None)


def _without_bom(span: SpanData) -> SpanData:
    """Offsets past the BOM move one left; a span over the BOM alone keeps one character."""
    start, end = max(span.start - 1, 0), max(span.end - 1, 1)
    return SpanData(start, end, span.label, span.source, span.attrs, span.reviewed, span.id,
                    span.group)  # fmt: skip


def _corpus_conf(ann: Path, options: ReadOptions) -> dict[str, str]:
    """The ``annotation.conf`` (and ``visual.conf``) brat would use for this document: the
    nearest one in its folder or above, up to the folder the import started from."""
    stop = options.root.resolve() if options.root is not None else None
    folder = ann.parent.resolve()
    while True:
        conf = _read_conf(folder / CONF)
        if conf is not None:
            visual = _read_conf(folder / VISUAL_CONF)
            return {CONF_SETTING: conf, **({VISUAL_SETTING: visual} if visual else {})}
        if folder == stop or folder.parent == folder or stop is None:
            return {}
        folder = folder.parent


@functools.lru_cache(maxsize=16)
def _read_conf(path: Path) -> str | None:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    return None if "annotator" in text.split("\n", 1)[0] else text


__all__ = ["CONF", "CONF_SETTING", "MANIFEST", "VISUAL_SETTING", "base_name", "brat_type",
           "fragments", "read_brat", "write_brat"]  # fmt: skip
