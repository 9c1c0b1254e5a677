"""brat standoff folders: ``<doc>.txt`` + ``<doc>.ann`` per document, ``annotation.conf``.

Written ``.ann`` lines (brat's standoff format, offsets are code points into the ``.txt``)::

    T1\tPERSON 3 13\tMr Hussain
    T2\tQUOTE 20 58;59 77\t“It has become clear … adopted. “I believe …”
    R1\tSPEAKER Arg1:T2 Arg2:T3
    #1\tAnnotatorNotes T2\tspeaker_name: Imran Hussain
    #2\tAnnotatorNotes T2\tsource: human

No T line holds a line break: a span over several paragraphs becomes a discontinuous span split
at the breaks, its text the fragments joined by one space (brat's rule). Span sources, the
reviewed flag and attrs are AnnotatorNotes (``key: text`` for strings, ``key = <JSON>`` for
other values). Document name, title, layer, status and meta go to
``annotator-documents.jsonl`` in the folder (brat ignores it). The folder also gets
``annotation.conf`` (every label used, the SPEAKER and CUE relations, overlaps allowed) and
``visual.conf``. The export goes into a new or empty folder, or over an earlier export of
ours (its manifest lists its files; they are replaced and the report says so); any other
folder with files in it is refused, so a user's own files are never overwritten. The folder is
written beside the target and swapped in whole (formats/staging.py): an interrupted export
leaves the earlier one as it was.
The reader takes a folder, or one ``.ann`` with its ``.txt`` (given any other file of a brat
folder, it reads nothing: a ``.txt`` is read through its ``.ann``, and a ``.txt`` without one
is a document without annotations); brat's events, attributes and normalisations are not
imported.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.errors import ExportError, InputError, printable
from annotator.formats.base import ReadItem, ReadOptions, WriteOptions, WriteReport
from annotator.formats.decoding import decode_bytes
from annotator.formats.records import (
    default_source,
    display_name,
    finish_record,
    normalise_record_text,
    resolve_layer,
    span_source,
)
from annotator.formats.selection import atomic_output, select
from annotator.formats.staging import recover_stale, staged_folder
from annotator.formats.text import first_line_title
from annotator.model import CUE, QUOTE, SPEAKER, DocumentRecord, RelationData, SpanData

MANIFEST = "annotator-documents.jsonl"
CONF = "annotation.conf"
VISUAL_CONF = "visual.conf"
#: Every character ``str.splitlines`` breaks at: none may appear inside a T line.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_FRAGMENT = re.compile(f"[^{LINE_BREAKS}]+")
_NOTE_TEXT = re.compile(r"([A-Za-z_][\w.-]*): (.*)")
_NOTE_JSON = re.compile(r"([A-Za-z_][\w.-]*) = (.*)")
NOTE_KEYS = ("source", "reviewed")


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of ``text[start:end]`` between line breaks."""
    return [m.span() for m in _FRAGMENT.finditer(text, start, end)]


def brat_type(label: str) -> str:
    return re.sub(r"\s+", "_", label)


def base_name(name: str, used: set[str]) -> str:
    """A safe, unique file stem for a document name (``business/001.txt`` → ``business__001``)."""
    stem = name[:-4] if name.lower().endswith(".txt") else name
    safe = re.sub(r"[^\w.-]+", "_", stem.replace("/", "__")).strip("._")[:120] or "document"
    candidate, n = safe, 2
    while candidate.lower() in used:
        candidate, n = f"{safe}-{n}", n + 1
    used.add(candidate.lower())
    return candidate


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
    used: set[str] = set()
    labels: set[str] = set()
    with staged_folder(folder, owned_files) as staging:
        with atomic_output(staging / MANIFEST) as manifest:
            for record in records:
                stem = base_name(record.name, used)
                _write_document(record, staging, stem, options, report, labels)
                entry = {"file": stem, "name": record.name, "title": record.title,
                         "layer": record.layer, "status": record.status,
                         "meta": record.meta}  # fmt: skip
                manifest.write(json.dumps(entry, ensure_ascii=False) + "\n")
                report.documents += 1
        with atomic_output(staging / CONF) as f:
            f.write(annotation_conf(labels))
        with atomic_output(staging / VISUAL_CONF) as f:
            f.write(visual_conf(labels))
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
    bad = [stem for stem in stems if not re.fullmatch(r"[\w.-]+", stem) or stem.startswith(".")]
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
    report: WriteReport, labels: set[str],
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
    lines: list[str] = []
    notes: list[tuple[int, str]] = []
    for n, span in enumerate(selection.spans, start=1):
        label = brat_type(span.label)
        if label != span.label:
            report.warn(f"brat: spaces in label {span.label!r} written as '_'")
        labels.add(label)
        pieces = fragments(text, span.start, span.end)
        offsets = ";".join(f"{s} {e}" for s, e in pieces)
        covered = " ".join(text[s:e] for s, e in pieces)
        lines.append(f"T{n}\t{label} {offsets}\t{covered}")
        notes.append((n, f"source: {span.source}"))
        if span.reviewed:
            notes.append((n, "reviewed = true"))
        for key, value in span.attrs.items():
            note = _attr_note(key, value)
            if note is None:
                report.warn(f"brat: span attribute {key!r} cannot be a note key: left out")
            else:
                notes.append((n, note))
    for n, rel in enumerate(selection.relations, start=1):
        lines.append(f"R{n}\t{rel.label} Arg1:T{rel.head + 1} Arg2:T{rel.child + 1}")
    for n, (target, note) in enumerate(notes, start=1):
        lines.append(f"#{n}\tAnnotatorNotes T{target}\t{note}")
    _write_text(folder / f"{stem}.txt", text)
    _write_text(folder / f"{stem}.ann", "".join(line + "\n" for line in lines))


def _attr_note(key: str, value: Any) -> str | None:
    if key in NOTE_KEYS or not re.fullmatch(r"[A-Za-z_][\w.-]*", key):
        return None
    if isinstance(value, str) and not any(ch in LINE_BREAKS for ch in value):
        return f"{key}: {value}"
    return f"{key} = {json.dumps(value, ensure_ascii=False)}"


def _write_text(path: Path, content: str) -> None:
    with atomic_output(path) as f:
        f.write(content)


def annotation_conf(labels: set[str]) -> str:
    entities = sorted(labels | {QUOTE, SPEAKER, CUE})
    return (
        "# brat configuration written by annotator: the labels of this export.\n"
        "[entities]\n" + "".join(f"{label}\n" for label in entities) + "\n"
        "[relations]\n"
        f"{SPEAKER}\tArg1:{QUOTE}, Arg2:{SPEAKER}\n"
        f"{CUE}\tArg1:{QUOTE}, Arg2:{CUE}\n"
        "# quotes, speakers and cues overlap entities\n"
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n"
        "[events]\n\n"
        "[attributes]\n"
    )


def visual_conf(labels: set[str]) -> str:
    colours = _label_colours()
    entities = sorted(labels | {QUOTE, SPEAKER, CUE})
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
    layer = resolve_layer(options, entry.get("layer") if entry else None)
    parsed = _parse_ann(ann_text, raw, ann, default_source(layer))
    if isinstance(parsed, list):
        yield from parsed
        return
    spans, relations = parsed
    text, spans = normalise_record_text(raw, spans)
    if entry is not None:
        name, title, meta = entry.get("name"), entry.get("title"), entry.get("meta") or {}
    else:
        name, title = display_name(txt, options), first_line_title(text)
        meta = {"encoding": encoding, "path": printable(str(txt))}
    record = DocumentRecord(
        name=str(name or display_name(txt, options)), text=text, title=title, meta=meta,
        spans=spans, relations=relations, layer=layer,
        status=entry.get("status") if entry else None,
    )  # fmt: skip
    yield finish_record(record, options, ann, None)


def _parse_ann(
    ann_text: str, raw: str, ann: Path, default: str
) -> tuple[list[SpanData], list[RelationData]] | list[InputError]:
    """Spans and relations of an ``.ann`` file, or the errors of its bad lines."""
    errors: list[InputError] = []
    spans: dict[str, SpanData] = {}
    relations: list[tuple[str, str, str, int]] = []
    notes: dict[str, list[str]] = {}
    for number, line in enumerate(ann_text.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue

        def error(message: str, number: int = number) -> None:
            errors.append(InputError(message, path=str(ann), line=number))

        ident, _, rest = line.partition("\t")
        data, _, tail = rest.partition("\t")
        if ident.startswith("T"):
            span = _parse_textbound(ident, data, tail, raw, default, error)
            if span is not None:
                spans[ident] = span
        elif ident.startswith("R"):
            match = re.fullmatch(r"(\S+) Arg1:(\S+) Arg2:(\S+)\s*", data)
            if match is None:
                error(f"{ident}: expected 'LABEL Arg1:T1 Arg2:T2'")
            else:
                relations.append((match[2], match[3], match[1], number))
        elif ident.startswith("#"):
            kind, _, target = data.partition(" ")
            if kind == "AnnotatorNotes":
                notes.setdefault(target.strip(), []).append(tail)
        elif ident[:1] not in ("A", "E", "N", "M", "*"):
            error(f"unknown annotation line {ident!r}")
    ids = list(spans)
    index = {ident: i for i, ident in enumerate(ids)}
    result_relations = []
    for head, child, label, number in relations:
        if head not in index or child not in index:
            errors.append(InputError("relation to a missing span", path=str(ann), line=number))
        else:
            result_relations.append(RelationData(index[head], index[child], label))
    if errors:
        return errors
    return [_with_notes(spans[i], notes.get(i, [])) for i in ids], result_relations


def _parse_textbound(
    ident: str, data: str, tail: str, raw: str, default: str, error: Any
) -> SpanData | None:
    label, _, offsets = data.partition(" ")
    try:
        pieces = [tuple(int(x) for x in part.split()) for part in offsets.split(";")]
        if not pieces or any(len(p) != 2 for p in pieces):
            raise ValueError
    except ValueError:
        error(f"{ident}: expected 'LABEL START END[;START END...]', got {data!r}")
        return None
    for start, end in pieces:
        if not 0 <= start < end <= len(raw):
            error(f"{ident}: offsets {start} {end} are outside the text (0..{len(raw)})")
            return None
    covered = " ".join(raw[s:e] for s, e in pieces)
    if tail and tail != covered:
        error(f"{ident}: text {tail!r} does not match the .txt at its offsets ({covered!r})")
        return None
    for (_, end), (start, _) in itertools.pairwise(pieces):
        if start < end or raw[end:start].strip():
            error(f"{ident}: fragments with text between them are not supported")
            return None
    return SpanData(pieces[0][0], pieces[-1][1], label, source=default)


def _with_notes(span: SpanData, notes: list[str]) -> SpanData:
    source, reviewed, attrs = span.source, False, {}
    for note in notes:
        if match := _NOTE_JSON.fullmatch(note):
            try:
                value = json.loads(match[2])
            except ValueError:
                value = match[2]
            if match[1] == "reviewed":
                reviewed = value is True
            else:
                attrs[match[1]] = value
        elif match := _NOTE_TEXT.fullmatch(note):
            if match[1] == "source":
                source = span_source(match[2], source)
            else:
                attrs[match[1]] = match[2]
        else:
            attrs["note"] = f"{attrs['note']}\n{note}" if "note" in attrs else note
    return SpanData(span.start, span.end, span.label, source, attrs, reviewed)
