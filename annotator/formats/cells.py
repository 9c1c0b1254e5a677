"""Spreadsheet-safe CSV cells, shared by every CSV writer (quotes-csv, doc-labels-csv).

A text cell a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab
or a CR) gets a ``'`` in front, as OWASP recommends against CSV injection; so does a cell that
already starts with ``'`` before such a character, so :func:`unescape_cell` restores every cell
exactly.
"""

from __future__ import annotations

from typing import Any

#: First characters that make a spreadsheet evaluate a cell (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value: Any) -> Any:
    """A text cell a spreadsheet would evaluate gets a leading ``'``; other values unchanged."""
    if isinstance(value, str) and value.lstrip("'").startswith(FORMULA_START):
        return "'" + value
    return value


def unescape_cell(cell: str) -> str:
    """The exact value of a CSV cell written through :func:`escape_cell`."""
    if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_START):
        return cell[1:]
    return cell
