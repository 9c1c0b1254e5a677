"""CSV and TSV import: one document per row, the text in ``ReadOptions.text_column``.

The first row names the columns. ``id`` names the document (else ``<file name>:<line>``),
``title`` gives its title, every other column goes to meta. The delimiter is a tab for
``.tsv``; for ``.csv`` it is the one of ``, ; TAB |`` the header line uses most. Decoding goes
through decoding.py (BOM, UTF-16, cp1252 fallback, newlines normalised — also inside quoted
fields, which may span lines). The whole file is read: ``ReadOptions.max_bytes`` applies.
Quoting is strict: a quoted field never closed is reported with the line it starts on (not read
as the rest of the file), and a row with text after a closing quote is reported and skipped.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from annotator.errors import InputError
from annotator.formats.base import ReadItem, ReadOptions
from annotator.formats.records import display_name, finish_record, resolve_layer
from annotator.formats.text import read_file_text
from annotator.model import DocumentRecord

DELIMITERS = ",;\t|"


def sniff_delimiter(path: Path, header: str) -> str:
    if path.suffix.lower() == ".tsv":
        return "\t"
    counts = {d: _count_outside_quotes(header, d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            count += 1
    return count


def header_line(text: str) -> str:
    return text.split("\n", 1)[0]


def read_csv(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    where = str(path)
    try:
        text, encoding = read_file_text(path, options)
    except InputError as exc:
        yield exc
        return
    delimiter = sniff_delimiter(path, header_line(text))
    csv.field_size_limit(max(csv.field_size_limit(), options.max_bytes))
    # strict: an unterminated quote is an error, not the rest of the file read as one field
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        columns = [c.strip() for c in next(reader)]
    except csv.Error as exc:
        yield InputError(f"cannot read the header row: {exc}", path=where, line=1)
        return
    column = options.text_column
    if column not in columns:
        shown = ", ".join(repr(c) for c in columns)
        yield InputError(
            f"no {column!r} column (columns: {shown}); choose the text column",
            path=where,
            line=1,
        )
        return
    file_name = display_name(path, options)
    layer = resolve_layer(options)
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):  # the file ended inside a quoted field
                yield InputError(
                    f"malformed CSV: unterminated quoted field starting at line {line}",
                    path=where,
                    line=line,
                )
                return
            yield InputError(f"malformed CSV: {exc}", path=where, line=line)
            line = reader.line_num + 1  # the reader goes on with the next line
            continue
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(columns):
            yield InputError(
                f"row has {len(row)} fields, the header has {len(columns)}", path=where, line=start
            )
            continue
        values = dict(zip(columns, row))
        body = values.pop(column, "")
        if not body.strip():
            yield InputError(f"empty {column!r} field", path=where, line=start)
            continue
        name = values.pop("id", "").strip() or f"{file_name}:{start}"
        title = values.pop("title", "").strip() or None
        meta: dict[str, str] = {"encoding": encoding, "path": where, **values}
        record = DocumentRecord(name=name, text=body, title=title, meta=meta, layer=layer)
        yield finish_record(record, options, path, start)
