"""What every annotated-format reader does last: pick the layer and status, check the record.

A record that breaks an invariant (span outside the text, overlapping entities, unknown relation
label, a relation linking the wrong kinds of span) becomes one :class:`InputError` naming the
file and line; the reader then goes on. Every reader that takes a text from a record (not from a
text file, which decoding.py normalises) puts it through :func:`normalise_record_text`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from annotator.errors import InputError, SpanError
from annotator.formats.base import ReadOptions
from annotator.formats.decoding import iter_text_lines, newline_shift, normalise_newlines
from annotator.formats.text import document_name
from annotator.model import (
    DEFAULT_SPAN_GROUP,
    GOLD_LAYER,
    SOURCES,
    STATUSES,
    DocumentRecord,
    SpanData,
    is_model_layer,
)


class RecordProblem(ValueError):
    """What is wrong with one record; the reader turns it into an InputError with file and line."""


def normalise_record_text(text: str, spans: list[SpanData]) -> tuple[str, list[SpanData]]:
    """docs/design.md §1 for a text read from a record: ``\\r\\n`` and ``\\r`` become ``\\n``,
    and the spans' offsets (code points into ``text``) move with it (decoding.newline_shift)."""
    if "\r" not in text:
        return text, spans
    shift = newline_shift(text)
    moved = [replace(s, start=shift(s.start), end=shift(s.end)) for s in spans]
    return normalise_newlines(text), moved


def load_json(text: str, path: Path, line: int | None) -> Any:
    """``json.loads`` for one record; raise :class:`InputError` naming the file and line for bad
    JSON, including JSON nested too deeply for the parser."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        message = f"not valid JSON ({exc.msg}, column {exc.colno})"
    except RecursionError:
        message = "not valid JSON (nested too deeply)"
    raise InputError(message, path=str(path), line=line)


def iter_json_lines(
    path: Path, options: ReadOptions
) -> Iterator[tuple[int, Any, str] | InputError]:
    """Each non-blank line of a JSON Lines file, parsed: ``(line number, value, decoding)``.

    A line that cannot be decoded or parsed comes as an :class:`InputError` (yielded, not
    raised, so the next line is read); a file without a single line yields one "empty file".
    The size limit applies to each line.
    """
    empty = True
    for number, line, encoding in iter_text_lines(path, max_line_bytes=options.max_bytes):
        if isinstance(line, InputError):
            empty = False
            yield line
            continue
        if not line.strip():
            continue
        empty = False
        try:
            yield number, load_json(line, path, number), encoding
        except InputError as exc:
            yield exc
    if empty:
        yield InputError("empty file, nothing to import", path=str(path))


def resolve_layer(options: ReadOptions, file_layer: Any = None) -> str:
    """The layer imported spans go to: the one asked for, else the file's own, else gold."""
    if options.layer:
        return options.layer
    if isinstance(file_layer, str) and file_layer:
        return file_layer
    return GOLD_LAYER


def default_source(layer: str) -> str:
    """Source of a span whose file does not say: a model layer's spans are the model's, the
    spans of any other annotated file were made by people."""
    return "model" if is_model_layer(layer) else "human"


def span_source(value: Any, default: str) -> str:
    return value if isinstance(value, str) and value in SOURCES else default


def display_name(path: Path, options: ReadOptions) -> str:
    """The file's name as documents read from it are named (``<file name>:<line>``)."""
    return document_name(path, options.root)


def overlaps_to_group(record: DocumentRecord) -> int:
    """Move entity spans that overlap an earlier entity (by start, longest first) to span group
    ``sc``, where spans may overlap; relations keep pointing at them. Return how many moved."""
    order = sorted(
        (i for i, s in enumerate(record.spans) if s.is_entity and isinstance(s.start, int)
         and isinstance(s.end, int)),
        key=lambda i: (record.spans[i].start, -record.spans[i].end),
    )  # fmt: skip
    moved, reach = 0, -1
    for i in order:
        span = record.spans[i]
        if span.start < reach:
            record.spans[i] = replace(span, group=DEFAULT_SPAN_GROUP)
            moved += 1
        else:
            reach = span.end
    return moved


def finish_record(
    record: DocumentRecord, options: ReadOptions, path: Path, line: int | None
) -> DocumentRecord | InputError:
    """Set the status (the one asked for, else the file's), check every span and relation; an
    invariant broken is an InputError."""
    file_status = record.status if record.status in STATUSES else None
    record.status = options.status or file_status
    moved = overlaps_to_group(record)
    if moved:
        note = f"overlapping or nested spans kept in span group {DEFAULT_SPAN_GROUP!r}"
        record.import_notes[note] = record.import_notes.get(note, 0) + moved
    try:
        record.validate()
    except SpanError as exc:
        message = str(exc)
        prefix = f"{record.name}: "
        if message.startswith(prefix):
            message = message[len(prefix) :]
        return InputError(f"document {record.name!r}: {message}", path=str(path), line=line)
    return record
