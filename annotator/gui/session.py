"""What the app remembers between runs (QSettings): the last document and where the reader was."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

from annotator.config import APP_NAME


def settings() -> QSettings:
    return QSettings(APP_NAME, APP_NAME)


@dataclass(frozen=True)
class Place:
    """The open document, the caret (code points) and the scroll position."""

    document_id: int
    caret: int
    scroll: int


def _key(project: Path, annotator: str = "") -> str:
    key = "last/" + str(project.resolve()).replace("/", "|")
    return f"{key}|{annotator}" if annotator else key


def remember(project: Path, annotator: str, place: Place) -> None:
    store = settings()
    store.setValue(_key(project, annotator), [place.document_id, place.caret, place.scroll])
    store.remove(_key(project))  # the place of before it was kept per annotator


def recall(project: Path, annotator: str) -> Place | None:
    """Where ``annotator``'s last session on ``project`` left off, or None (each person who
    works on a project file has their own place in it)."""
    store = settings()
    value = store.value(_key(project, annotator)) or store.value(_key(project))
    try:
        document_id, caret, scroll = (int(v) for v in value)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return None
    return Place(document_id, caret, scroll)
