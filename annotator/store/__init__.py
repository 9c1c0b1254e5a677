"""The SQLite project store (the only package that imports sqlite_utils)."""

from __future__ import annotations

from annotator.store.location import default_db_path, resolve_db_path
from annotator.store.queries import (
    DocumentFilter,
    DocumentRow,
    Stats,
    WorkStats,
    count_documents,
    list_documents,
    progress,
    stats,
    work_stats,
)
from annotator.store.store import Document, Relation, Store, content_hash

__all__ = [
    "Document",
    "DocumentFilter",
    "DocumentRow",
    "Relation",
    "Stats",
    "Store",
    "WorkStats",
    "content_hash",
    "count_documents",
    "default_db_path",
    "list_documents",
    "progress",
    "resolve_db_path",
    "stats",
    "work_stats",
]  # fmt: skip
