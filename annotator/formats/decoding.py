"""Turn the bytes of a text file into the document text of DESIGN.md §1.

UTF-8, UTF-8 with BOM, UTF-16 with BOM, and a cp1252 fallback; ``\\r\\n`` and ``\\r`` become
``\\n`` and nothing else changes. Binary data is refused rather than decoded into garbage.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

from annotator.errors import InputError


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, *, path: str, keep_newlines: bool = False) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`InputError` naming ``path`` if it is not text.

    ``keep_newlines`` leaves ``\\r\\n`` and ``\\r`` alone (for standoff offsets into the raw text).
    """
    fix = (lambda text: text) if keep_newlines else normalise_newlines
    if data.startswith(codecs.BOM_UTF8):
        return fix(_decode(data[len(codecs.BOM_UTF8) :], "utf-8", "utf-8-sig", path)), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return fix(_decode(data, "utf-16", "utf-16", path)), "utf-16"
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not text", path=path)
    try:
        return fix(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8, UTF-16 or cp1252 text (byte 0x{data[exc.start]:02x} at {exc.start})",
            path=path,
        ) from None
    if _looks_binary(text):
        raise InputError("binary file (control characters), not text", path=path)
    return fix(text), "cp1252"


def _decode(data: bytes, codec: str, name: str, path: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid {name} text at byte {exc.start}", path=path) from None


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > max(1, len(text) // 100)


def iter_text_lines(path: Path, *, max_line_bytes: int) -> Iterator[tuple[int, str | InputError]]:
    """Yield ``(line_number, line)`` of a line-based file (JSONL, CoNLL) without loading it whole.

    Lines are decoded one by one (UTF-8, cp1252 fallback per line) so one bad line costs one
    line; a UTF-16 file (it has a BOM) is decoded whole. A line over ``max_line_bytes`` becomes
    an :class:`InputError` in place of the line. Line endings are removed.
    """
    where = str(path)
    try:
        f = path.open("rb")
    except OSError as exc:
        yield 0, InputError(f"cannot read file: {exc.strerror}", path=where)
        return
    with f:
        head = f.read(2)
        f.seek(0)
        if head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            try:
                text, _ = decode_bytes(f.read(), path=where)
            except InputError as exc:
                yield 0, exc
                return
            yield from enumerate(text.split("\n"), start=1)
            return
        for number, raw in enumerate(f, start=1):
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            if len(raw) > max_line_bytes:
                yield (
                    number,
                    InputError(
                        f"line is {len(raw):,} bytes, over the {max_line_bytes:,}-byte limit",
                        path=where,
                        line=number,
                    ),
                )
                continue
            raw = raw.rstrip(b"\r\n")
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError:
                yield number, raw.decode("cp1252", errors="replace")
