"""``doc-labels-csv``: one row per document label (story category), for spreadsheets.

Columns: ``document, document_id, layer, label, answer`` (``accept`` or ``reject``); a
document without labels has no row. A cell that a spreadsheet would run as a formula (starting
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written with a leading ``'``
(:func:`annotator.formats.cells.escape_cell`, the helper quotes-csv uses too).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from annotator.formats.base import WriteOptions, WriteReport
from annotator.formats.cells import escape_cell
from annotator.formats.selection import atomic_output
from annotator.model import DocumentRecord

COLUMNS = ("document", "document_id", "layer", "label", "answer")


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
                writer.writerow([escape_cell(v) for v in row])
            report.documents += 1
    report.paths.append(Path(out))
    return report
