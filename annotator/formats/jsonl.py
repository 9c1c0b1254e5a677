"""JSONL (and JSON) import: plain records, Prodigy tasks and doccano records, one per line.

Each line is one of:

* plain: ``{"text": ..., "id"?: ..., "title"?: ..., "meta"?: {...}}``; other keys go to meta;
* a Prodigy task (``spans``/``tokens``/``answer``/``relations`` with ``head``), see prodigy.py;
* a doccano record (``label: [[start, end, "LABEL"]]`` or ``entities``), see doccano.py.

A document is named by its ``id``, else ``meta.id``, else ``meta.name``, else
``<file name>:<line>``. Spans go to the layer asked for, else ``meta.layer``, else "gold";
the status is the one asked for, else ``meta.status``.
The file is streamed; the size limit (``ReadOptions.max_bytes``) applies to each line, not to
the file. A ``.json`` file may also hold one array of such records: it is read whole (the size
limit applies to the file) and its records are named ``<file name>:<n>`` by their position.
Texts follow docs/design.md §1: ``\\r\\n`` and ``\\r`` become ``\\n`` and span offsets move
with them; each line is decoded like a text file (UTF-8, else cp1252, recorded in meta).
"""

from __future__ import annotations

import codecs
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.errors import InputError
from annotator.formats.base import ReadItem, ReadOptions, SkippedInput
from annotator.formats.decoding import UNREMARKABLE_ENCODINGS
from annotator.formats.doccano import DOCCANO_KEYS, is_doccano_record, parse_doccano
from annotator.formats.prodigy import (
    TASK_KEYS,
    annotator_of,
    categories_of,
    is_binary_task,
    is_prodigy_task,
    is_textcat_task,
    parse_task,
    skipped_answer,
)
from annotator.formats.records import (
    RecordProblem,
    default_source,
    display_name,
    finish_record,
    iter_json_lines,
    normalise_record_text,
    resolve_layer,
)
from annotator.formats.text import read_file_text
from annotator.model import DocumentRecord, RelationData, SpanData

#: Keys of ``meta`` that become record fields.
META_FIELDS = ("id", "name", "title", "layer", "status")


def read_jsonl(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    """Read a JSONL file (or a ``.json`` array) record by record; bad lines become errors."""
    if path.suffix.lower() == ".json":
        items = _json_document(path, options)
        if items is not None:
            yield from items
            return
    file_name = display_name(path, options)
    for item in iter_json_lines(path, options):
        if isinstance(item, InputError):
            yield item
            continue
        number, obj, encoding = item
        yield record_from_json(obj, path, number, f"{file_name}:{number}", options, encoding)


def _json_document(path: Path, options: ReadOptions) -> Iterator[ReadItem] | None:
    """Records of a ``.json`` file holding one array (or one object); None if it is JSONL.

    A JSON document is read whole, so the file size limit applies to it; a ``.json`` file over
    the limit that does not open with ``[`` is read as JSON Lines (the limit is then per line).
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        return iter([InputError(f"cannot read file: {exc.strerror}", path=str(path))])
    if size > options.max_bytes:
        if _first_char(path) != "[":
            return None
        limit_mb = options.max_bytes / (1024 * 1024)
        return iter([InputError(
            f"file is {size:,} bytes, over the {options.max_bytes:,}-byte limit: JSON arrays "
            f"are read whole; use JSON Lines (one record per line) for files over {limit_mb:g} MB",
            path=str(path),
        )])  # fmt: skip
    try:
        text, encoding = read_file_text(path, options)
    except InputError as exc:
        return iter([exc])
    stripped = text.lstrip()
    if stripped[0] == "{":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError:
            return None  # one object per line
        except RecursionError:
            return None  # read line by line, which reports it
        name = f"{display_name(path, options)}:1"
        return iter([record_from_json(obj, path, 1, name, options, encoding)])
    if stripped[0] != "[":
        return None
    return _array_items(text, path, options, encoding)


def _first_char(path: Path) -> str:
    """The first character of a file that is not whitespace (or a BOM); "" if none is near."""
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError:
        return ""
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(bom):
            return head.decode(codec, errors="ignore").lstrip()[:1]
    return head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")[:1]


def _array_items(text: str, path: Path, options: ReadOptions, encoding: str) -> Iterator[ReadItem]:
    """The records of a JSON array, named ``<file name>:<n>`` by their position (1-based);
    errors name the line the record starts on."""
    decoder = json.JSONDecoder()
    file_name = display_name(path, options)
    pos = text.index("[") + 1
    for index in itertools.count(1):
        while pos < len(text) and text[pos] in " \t\n,":
            pos += 1
        line = text.count("\n", 0, pos) + 1
        if pos >= len(text):
            yield InputError("JSON array is not closed", path=str(path), line=line)
            return
        if text[pos] == "]":
            return
        try:
            obj, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            yield InputError(f"not valid JSON ({exc.msg})", path=str(path), line=exc.lineno)
            return
        except RecursionError:
            yield InputError("not valid JSON (nested too deeply)", path=str(path), line=line)
            return
        yield record_from_json(obj, path, line, f"{file_name}:{index}", options, encoding)


def record_from_json(
    obj: Any, path: Path, line: int, fallback_name: str, options: ReadOptions,
    encoding: str = "utf-8",
) -> ReadItem:  # fmt: skip
    """One parsed JSON value as a checked record, or the InputError saying what is wrong.

    The text's ``\\r\\n`` and ``\\r`` become ``\\n`` (spans move with them); a line that was
    not UTF-8 gets its decoding in ``meta["encoding"]``, so the import notes it."""
    where = str(path)
    if not isinstance(obj, dict):
        return InputError('expected a JSON object with a "text" field', path=where, line=line)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError('record has no "text" (or it is empty)', path=where, line=line)
    answer = skipped_answer(obj)
    if answer is not None:
        return SkippedInput(f'Prodigy answer "{answer}": task not imported', path=where, line=line)
    raw_meta = obj.get("meta")
    meta: dict[str, Any] = dict(raw_meta) if isinstance(raw_meta, dict) else {}
    fields = {key: meta.pop(key) for key in META_FIELDS if key in meta}
    layer = resolve_layer(options, fields.get("layer") or annotator_of(obj))
    default = default_source(layer)
    spans: list[SpanData] = []
    relations: list[RelationData] = []
    categories: dict[str, str] = {}
    partial = False
    try:
        if is_doccano_record(obj):
            spans, relations, extra = parse_doccano(obj, default)
            categories = {str(c): "accept" for c in extra.pop("label", [])}
            meta.update(extra)
            consumed = DOCCANO_KEYS | {"text", "id", "title", "meta"}
        elif is_textcat_task(obj):
            categories = categories_of(obj)
            consumed = TASK_KEYS | {"label", "options", "accept"}
        elif is_prodigy_task(obj):
            spans, relations = parse_task(obj, default)
            partial = is_binary_task(obj)
            consumed = TASK_KEYS
        else:
            consumed = frozenset({"text", "id", "title", "meta"})
    except RecordProblem as exc:
        return InputError(str(exc), path=where, line=line)
    for key, value in obj.items():
        if key not in consumed:
            meta[key] = value
    if encoding not in UNREMARKABLE_ENCODINGS:
        meta["encoding"] = encoding
    text, spans = normalise_record_text(text, spans)
    name = _first_str(obj.get("id"), fields.get("id"), fields.get("name")) or fallback_name
    title = _first_str(obj.get("title"), fields.get("title"))
    record = DocumentRecord(
        name=name, text=text, title=title, meta=meta, spans=spans, relations=relations,
        layer=layer, status=fields.get("status"), categories=categories, partial=partial,
    )  # fmt: skip
    return finish_record(record, options, path, line)


def _first_str(*values: Any) -> str | None:
    for value in values:
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, str | int):
            text = str(value)
            if text:
                return text
    return None
