"""Plain text files: one document per file, the first non-empty line is the title."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.errors import InputError, printable
from annotator.formats.base import ReadItem, ReadOptions
from annotator.formats.decoding import decode_bytes
from annotator.model import DocumentRecord


def document_name(path: Path, root: Path | None) -> str:
    """The name a file's document gets: its path relative to the import root, with ``/``.

    Bytes of a file name that are not UTF-8 are kept as ``\\xNN`` (``caf\\xe9.txt``)."""
    if root is not None and root.is_dir():
        try:
            return printable(path.relative_to(root).as_posix())
        except ValueError:
            pass
    return printable(path.name)


def first_line_title(text: str) -> str | None:
    for line in text.split("\n"):
        if line.strip():
            return line.strip()
    return None


def read_file_text(path: Path, options: ReadOptions) -> tuple[str, str]:
    """Read and decode one file within the size limit; raise :class:`InputError` if it can't be,
    or if it holds nothing but white space."""
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise InputError(
                f"file is {size:,} bytes, over the {options.max_bytes:,}-byte limit", path=str(path)
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path=str(path)) from None
    text, encoding = decode_bytes(data, path=str(path))
    if not text.strip():
        raise InputError("empty file, nothing to import", path=str(path))
    return text, encoding


def read_text(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    try:
        text, encoding = read_file_text(path, options)
    except InputError as exc:
        yield exc
        return
    yield DocumentRecord(
        name=document_name(path, options.root),
        text=text,
        title=first_line_title(text),
        meta={"encoding": encoding, "path": printable(str(path))},
    )
