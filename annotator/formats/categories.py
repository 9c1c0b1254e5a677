"""``doc-labels-csv``: one row per document label (story category), for spreadsheets.

Columns: ``document, document_id, layer, label, answer`` (``accept`` or ``reject``); a
document without labels has no row. A cell that a spreadsheet would run as a formula (starting
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written with a leading ``'``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.formats.base import WriteOptions, WriteReport
from annotator.formats.selection import atomic_output
from annotator.model import DocumentRecord

COLUMNS = ("document", "document_id", "layer", "label", "answer")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def write_categories_csv(
    records: Iterable[DocumentRecord], out: Path, options: WriteOptions
) -> WriteReport:
    report = WriteReport()
    with atomic_output(out) as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        for record in records:
            for label, answer in sorted(record.categories.items()):
                row = (record.name, record.id, record.layer, label, answer)
                writer.writerow([safe_cell(v) for v in row])
            report.documents += 1
    report.paths.append(Path(out))
    return report
