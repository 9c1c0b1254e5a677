"""Annotator: label news corpora (entities, quotations with speakers) and export gold data."""

from __future__ import annotations

__version__ = "0.1.0"
