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


def _key(project: Path) -> str:
    return "last/" + str(project.resolve()).replace("/", "|")


def remember(project: Path, place: Place) -> None:
    settings().setValue(_key(project), [place.document_id, place.caret, place.scroll])


def recall(project: Path) -> Place | None:
    """Where the last session on ``project`` left off, or None."""
    value = settings().value(_key(project))
    try:
        document_id, caret, scroll = (int(v) for v in value)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return None
    return Place(document_id, caret, scroll)
