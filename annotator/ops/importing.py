"""Import files, folders and globs into a project, one batch per transaction.

Bad files and lines are reported (one line each, naming file and line) and skipped; the rest goes
on. A batch is committed whole or not at all, so an interrupted import leaves the project
consistent, and running it again finishes the job (what is already in is a duplicate).
"""

from __future__ import annotations

import glob
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.errors import AnnotatorError, InputError, SettingError, SpanError, printable
from annotator.formats import Format, ReadOptions, SkippedInput, detect_format, get_format
from annotator.model import DEFAULT_SPAN_GROUP, GOLD_LAYER, DocumentRecord, Label
from annotator.ops.progress import Cancel, Progress
from annotator.ops.scheme import SchemeGrowth, corpus_settings, keep_corpus_setting
from annotator.store import Store

#: Documents per transaction.
BATCH_SIZE = 500
#: A batch is also written once it holds this much text, so memory stays bounded.
MAX_BATCH_CHARS = 50_000_000


@dataclass
class ImportReport:
    imported: int = 0
    duplicates: int = 0
    spans: int = 0
    #: Records left out on purpose (e.g. Prodigy tasks answered "reject").
    skipped: int = 0
    problems: list[str] = field(default_factory=list)
    #: Notes that are not failures (e.g. "decoded as cp1252").
    notes: list[str] = field(default_factory=list)
    cancelled: bool = False
    #: Why each problem happened, without the item's name (parallel to ``problems``).
    reasons: list[str] = field(default_factory=list)
    #: What each note says, without the item's name (parallel to ``notes``).
    note_reasons: list[str] = field(default_factory=list)
    #: Labels the import added to the project's scheme.
    new_labels: list[Label] = field(default_factory=list)
    #: Document labels set (accepted or rejected categories).
    document_labels: int = 0
    #: What readers changed or left out of the imported documents: message -> count.
    conversions: Counter[str] = field(default_factory=Counter)

    @property
    def failed(self) -> int:
        return len(self.problems)

    def problem(self, line: str, reason: str | None = None) -> None:
        """Record one failed item; ``reason`` groups repeats in :meth:`problem_lines`."""
        self.problems.append(printable(line))
        self.reasons.append(printable(reason) if reason is not None else self.problems[-1])

    def note(self, line: str, reason: str) -> None:
        self.notes.append(printable(line))
        self.note_reasons.append(printable(reason))

    def problem_lines(self, first: int = 3) -> list[str]:
        """The problems with repeats of one reason summarised: its first few, then "and N more"."""
        return _summarised(self.problems, self.reasons, first)

    def note_lines(self, first: int = 3) -> list[str]:
        """The notes, summarised as :meth:`problem_lines`."""
        return _summarised(self.notes, self.note_reasons, first)


def _summarised(lines: list[str], reasons: list[str], first: int) -> list[str]:
    groups: dict[str, list[str]] = {}
    for line, reason in zip(lines, reasons, strict=False):
        groups.setdefault(reason, []).append(line)
    for line in lines[len(reasons) :]:  # appended without a reason: its own group
        groups.setdefault(line, []).append(line)
    out: list[str] = []
    for reason, items in groups.items():
        if len(items) <= first + 1:
            out.extend(items)
        else:
            out.extend(items[:first])
            out.append(f"... and {len(items) - first:,} more: {reason}")
    return out


#: Files inside a folder that describe a corpus rather than belong to it (named files still import).
CORPUS_NOTES = ("readme", "license", "licence", "copying", "changelog")


def _is_corpus_note(path: Path) -> bool:
    return path.name.startswith(".") or path.stem.lower() in CORPUS_NOTES


def expand_paths(
    paths: Iterable[str | Path], problems: list[str] | None = None
) -> Iterator[tuple[Path, Path | None]]:
    """``(file, root)`` for every file named by ``paths``: files, folders (recursive) and globs.

    ``root`` is the folder an entry came from, so documents are named relative to it. Inside a
    folder, hidden files and README/LICENSE files are left out. A path that exists is taken
    literally even if it holds glob characters (``data[2005].txt``); a glob that matches
    nothing and a folder with no files are added to ``problems`` (a folder whose files are all
    of unknown types is reported by :func:`_records`, which detects each file's format once).
    """
    for entry in paths:
        text = str(entry)
        if Path(text).exists() or not glob.has_magic(text):
            candidates = [Path(text)]
        else:
            candidates = [Path(p) for p in sorted(glob.glob(text, recursive=True))]
            if not candidates and problems is not None:
                problems.append(printable(f"{text}: no files match"))
        for path in candidates:
            if not path.is_dir():
                yield path, None
                continue
            found = False
            try:
                children = sorted(path.rglob("*"))
            except OSError as exc:
                if problems is not None:
                    problems.append(printable(f"{path}: cannot read folder: {exc.strerror or exc}"))
                continue
            for child in children:
                if child.is_file() and not _is_corpus_note(child):
                    found = True
                    yield child, path
            if not found and problems is not None:
                problems.append(printable(f"{path}: {NOTHING_TO_READ}"))


NOTHING_TO_READ = "no files of a type import reads (text, JSONL, CSV, or an export format)"


def _records(
    files: list[tuple[Path, Path | None]], options: ReadOptions, fmt: Format | None
) -> Iterator[tuple[int, Path, DocumentRecord | InputError]]:
    readable: dict[Path, bool] = {}  # folder -> whether any of its files had a known type
    for index, (path, root) in enumerate(files):
        if root is not None:
            readable.setdefault(root, False)
        try:
            if not path.exists():
                yield index, path, InputError("no such file or folder", path=str(path))
                continue
            if not path.is_file():
                yield index, path, InputError("not a regular file", path=str(path))
                continue
            chosen = fmt or detect_format(path)
            if chosen is None or chosen.reader is None:
                if root is None:  # named explicitly: say why it is skipped
                    yield index, path, InputError("unknown file type, not imported", path=str(path))
                continue
            if root is not None:
                readable[root] = True
            file_options = ReadOptions(
                layer=options.layer, status=options.status, text_column=options.text_column,
                max_bytes=options.max_bytes, root=root,
            )  # fmt: skip
            for item in chosen.reader(path, file_options):
                yield index, path, item
        except AnnotatorError as exc:  # a reader that gave up on the whole file
            yield index, path, InputError(str(exc), path=str(path))
        except OSError as exc:
            yield index, path, InputError(f"cannot read: {exc.strerror or exc}", path=str(path))
        except (KeyboardInterrupt, SystemExit, MemoryError):
            raise
        except Exception as exc:  # one unreadable file never stops the import
            reason = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
            yield index, path, InputError(f"cannot read ({reason})", path=str(path))
    for root, any_known in readable.items():
        if not any_known:
            yield len(files), root, InputError(NOTHING_TO_READ, path=str(root))


def import_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    options: ReadOptions | None = None,
    format: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportReport:
    """Import everything ``paths`` names; see the module docstring for the guarantees.

    Files are read and decoded outside any transaction; each full batch is then written in one
    short transaction, so other programs (the desktop app) wait milliseconds, not seconds.
    """
    options = options or ReadOptions()
    fmt = get_format(format) if format else None
    if options.layer is not None:
        check_layer_name(options.layer)
    report = ImportReport()
    found: list[str] = []
    files = list(expand_paths(paths, found))
    for line in found:
        report.problem(line)
    batch: list[tuple[Path, DocumentRecord]] = []
    batch_chars = 0
    growth = SchemeGrowth()
    settings = corpus_settings(store)

    def flush() -> None:
        nonlocal batch_chars
        if batch:
            with store.transaction():
                for path, record in batch:
                    counts = ImportReport()
                    try:
                        with store.transaction():  # a savepoint: a bad record undoes itself only
                            _import_record(store, record, options, counts, path)
                    except AnnotatorError as exc:
                        report.problem(f"{path}: {record.name}: {exc}", str(exc))
                        continue
                    except (sqlite3.OperationalError, KeyboardInterrupt, SystemExit, MemoryError):
                        raise  # the project, not this record: the batch stops
                    except Exception as exc:  # one odd record never stops the rest
                        if type(exc) is sqlite3.DatabaseError:  # a corrupt project
                            raise
                        reason = f"cannot import ({type(exc).__name__}: {exc})".splitlines()[0]
                        report.problem(f"{path}: {record.name}: {reason[:200]}", reason[:200])
                        continue
                    report.imported += counts.imported
                    report.duplicates += counts.duplicates
                    report.spans += counts.spans
                    for line, reason in zip(counts.notes, counts.note_reasons, strict=True):
                        report.note(line, reason)
                    report.document_labels += counts.document_labels
                    report.conversions.update(record.import_notes)
                    growth.add(record)
                    for key, value in record.corpus_settings.items():
                        if settings.get(key) != value:
                            keep_corpus_setting(store, key, value)
                            settings[key] = value
        batch.clear()
        batch_chars = 0

    with store.bulk():  # see Store.bulk: imports commit with synchronous=NORMAL
        for index, path, item in _records(files, options, fmt):
            if cancel is not None and cancel():
                report.cancelled = True
                break
            if isinstance(item, SkippedInput):  # left out on purpose, e.g. a rejected task
                report.skipped += 1
                report.note(str(item), item.reason)
                continue
            if isinstance(item, InputError):
                report.problem(str(item), item.reason)
                continue
            batch.append((path, item))
            batch_chars += len(item.text)
            if len(batch) >= batch_size or batch_chars >= MAX_BATCH_CHARS:
                flush()
            if progress is not None:
                progress(index + 1, len(files), item.name)
        flush()
    report.new_labels = growth.apply(store)
    return report


def check_layer_name(layer: str) -> None:
    """Refuse layer names that mean something else on the command line."""
    if not layer.strip():
        raise SettingError("layer", "needs a name")
    if layer == "model":
        raise SettingError(
            "layer",
            "'model' stands for the newest model layer; name a model layer in full "
            "(model:<name>@<version>) or choose an annotator's name",
        )


def _import_record(
    store: Store, record: DocumentRecord, options: ReadOptions, report: ImportReport, path: Path
) -> None:
    record.validate()
    encoding = record.meta.get("encoding")
    doc_id, created = store.add_document(
        record.name, record.text, title=record.title, meta=record.meta
    )
    if created:
        report.imported += 1
        shown = printable(str(path))
        decoded_now = record.meta.get("path") in (None, shown)  # not a re-imported export
        if encoding not in (None, "utf-8", "utf-8-sig", "utf-16") and decoded_now:
            note = f"not UTF-8; decoded as {encoding}"
            report.note(f"{shown}: {note}", note)
        if shown != str(path) and decoded_now:
            note = "the file name is not plain UTF-8 text"
            report.note(f"{shown}: {note}; named {record.name}", note)
    else:
        report.duplicates += 1
    if not record.spans and not record.relations and record.status is None:
        if record.categories:
            layer = record.layer or options.layer or GOLD_LAYER
            _set_categories(store, doc_id, layer, record, report)
        return
    layer = record.layer or options.layer or GOLD_LAYER
    _set_categories(store, doc_id, layer, record, report)
    if not created and record.partial and store.is_partial(doc_id, layer):
        _add_answers(store, doc_id, layer, record, report)
        return
    if not created and (store.spans(doc_id, layer) or store.has_status(doc_id, layer)):
        note = f"already in the project with work in layer {layer!r}; kept that work"
        report.note(f"{record.name}: {note}", note)
        return
    if record.spans or record.relations:
        store.replace_annotations(
            doc_id, layer, record.spans, record.relations, partial=record.partial
        )
        report.spans += len(record.spans)
    status = record.status or options.status
    if status is not None:
        store.set_status(doc_id, layer, status)


def _add_answers(
    store: Store, doc_id: int, layer: str, record: DocumentRecord, report: ImportReport
) -> None:
    """Binary answers on a text already answered in this layer add to it (ner.teach asks about
    one suggestion at a time); an entity that overlaps one there goes to span group sc."""
    have = {(s.start, s.end, s.label, s.group) for s in store.spans(doc_id, layer)}
    for span in record.spans:
        if (span.start, span.end, span.label, span.group) in have:
            continue
        try:
            with store.transaction():
                store.add_span(doc_id, layer, span)
        except SpanError:
            store.add_span(doc_id, layer, replace(span, group=DEFAULT_SPAN_GROUP))
        report.spans += 1


def _set_categories(
    store: Store, doc_id: int, layer: str, record: DocumentRecord, report: ImportReport
) -> None:
    """Document labels merge: each task of a textcat file adds its answer for one label."""
    source = "model" if layer.startswith("model:") else "human"
    for label, answer in record.categories.items():
        store.set_document_label(doc_id, layer, label, answer, source=source)
        report.document_labels += 1
