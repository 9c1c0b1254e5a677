"""quotes-jsonl and quotes-csv: one row per QUOTE with its speaker and cue (docs/design.md §5).

quotes-jsonl, one object per line::

    {"document": "<name>", "document_id": 12, "layer": "gold", "start": 1040, "end": 1187,
     "text": "“It has become clear …”", "speaker": {"start", "end", "text"} | null,
     "speaker_name": "Imran Hussain" | null, "cue": {"start", "end", "text"} | null,
     "source": "human"}

quotes-csv has the same fields as flat columns (``speaker_start``, ``speaker_end``,
``speaker_text``, …; empty for null), UTF-8 with a byte-order mark so spreadsheets read it.
A text cell a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab
or a CR) gets a ``'`` in front, as OWASP recommends against CSV injection; so does a cell that
already starts with ``'`` before such a character, so ``cells.unescape_cell`` restores every cell
exactly (formats/cells.py: the one helper every CSV writer uses). quotes-jsonl is never escaped.
Speaker and cue come from the record's SPEAKER and CUE relations, ``speaker_name`` from the
quote's attrs. Export only: importing these files is refused with a clear error.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.errors import InputError
from annotator.formats.base import ReadItem, ReadOptions, WriteOptions, WriteReport
from annotator.formats.cells import escape_cell
from annotator.formats.selection import atomic_output, write_json_lines
from annotator.model import CUE, QUOTE, SPEAKER, DocumentRecord, SpanData

CSV_COLUMNS = (
    "document", "document_id", "layer", "start", "end", "text",
    "speaker_start", "speaker_end", "speaker_text", "speaker_name",
    "cue_start", "cue_end", "cue_text", "source",
)  # fmt: skip
#: Keys that tell a quotes-jsonl line from a document record.
JSONL_KEYS = frozenset({"document", "start", "end", "speaker", "cue"})


def quote_rows(
    record: DocumentRecord, report: WriteReport, *, fmt: str
) -> Iterator[dict[str, Any]]:
    """One row per QUOTE of the record, in text order, with its linked speaker and cue."""
    text = record.text
    links: dict[int, dict[str, list[int]]] = {}
    linked: set[int] = set()
    for rel in record.relations:
        if record.spans[rel.head].label != QUOTE:
            report.warn(f"{fmt}: {rel.label} relations not starting at a QUOTE left out")
            continue
        links.setdefault(rel.head, {}).setdefault(rel.label, []).append(rel.child)
        linked.add(rel.child)
    for i, span in enumerate(record.spans):
        if span.label in (SPEAKER, CUE) and i not in linked:
            report.warn(f"{fmt}: {span.label} spans not linked to a quote left out")
    quotes = sorted(
        (i for i, s in enumerate(record.spans) if s.label == QUOTE),
        key=lambda i: (record.spans[i].start, record.spans[i].end),
    )
    for index in quotes:
        quote = record.spans[index]
        found = links.get(index, {})
        speaker = _linked(record, found.get(SPEAKER, []), report, fmt, SPEAKER)
        cue = _linked(record, found.get(CUE, []), report, fmt, CUE)
        name = quote.attrs.get("speaker_name")
        yield {
            "document": record.name,
            "document_id": record.id,
            "layer": record.layer,
            "start": quote.start,
            "end": quote.end,
            "text": text[quote.start : quote.end],
            "speaker": _part(speaker, text),
            "speaker_name": name if isinstance(name, str) and name else None,
            "cue": _part(cue, text),
            "source": quote.source,
        }


def _linked(
    record: DocumentRecord, children: list[int], report: WriteReport, fmt: str, label: str
) -> SpanData | None:
    if not children:
        return None
    spans = sorted((record.spans[c] for c in children), key=lambda s: (s.start, s.end))
    if len(spans) > 1:
        report.warn(f"{fmt}: quotes with several {label} links: the first in the text kept")
    return spans[0]


def _part(span: SpanData | None, text: str) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": text[span.start : span.end]}


def write_quotes_jsonl(
    records: Iterable[DocumentRecord], out: Path, options: WriteOptions
) -> WriteReport:
    return write_json_lines(
        records, out, lambda record, report: quote_rows(record, report, fmt="quotes-jsonl")
    )


def write_quotes_csv(
    records: Iterable[DocumentRecord], out: Path, options: WriteOptions
) -> WriteReport:
    report = WriteReport()
    with atomic_output(out, encoding="utf-8-sig") as f:
        writer = csv.writer(f)
        writer.writerow(CSV_COLUMNS)
        for record in records:
            for row in quote_rows(record, report, fmt="quotes-csv"):
                writer.writerow(_flat(row))
            report.documents += 1
    report.paths.append(Path(out))
    return report


def _flat(row: dict[str, Any]) -> list[Any]:
    flat = dict(row)
    for part in ("speaker", "cue"):
        value = flat.pop(part) or {}
        for key in ("start", "end", "text"):
            flat[f"{part}_{key}"] = value.get(key)
    return ["" if flat[c] is None else escape_cell(flat[c]) for c in CSV_COLUMNS]


def refuse_import(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    """The reader of quotes-jsonl/-csv: one clear error, nothing imported."""
    yield InputError(
        "this is a quotes export (one row per quote, without the document text) and cannot be "
        "imported; import the documents themselves (text, JSONL, CSV, brat, spacy, conll, hf)",
        path=str(path),
    )


def is_quotes_row(keys: Iterable[str]) -> bool:
    return JSONL_KEYS <= set(keys)
