"""Format registry: one reader and/or writer per format, looked up by name or file suffix.

``import`` and ``export`` find formats here; each format lives in its own module.
"""

from __future__ import annotations

from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.formats import text
from annotator.formats.base import Format, ReadOptions, WriteOptions, WriteReport

FORMATS: dict[str, Format] = {
    "text": Format("text", (".txt", ".text"), reader=text.read_text),
}


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise AnnotatorError(f"unknown format {name!r}; known formats: {known}") from None


def format_for_path(path: Path) -> Format | None:
    """The reader format a file's suffix claims, or None for files import should not read."""
    suffix = path.suffix.lower()
    for fmt in FORMATS.values():
        if fmt.reader is not None and suffix in fmt.suffixes:
            return fmt
    return None


def detect_format(path: Path) -> Format | None:
    """The format to read ``path`` with (by suffix for now), or None."""
    return format_for_path(path)


__all__ = [
    "FORMATS",
    "Format",
    "ReadOptions",
    "WriteOptions",
    "WriteReport",
    "format_for_path",
    "get_format",
]  # fmt: skip
