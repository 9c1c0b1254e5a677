"""Turn the bytes of a text file into the document text of DESIGN.md §1.

UTF-8, UTF-8 with BOM, UTF-16 with BOM, and a cp1252 fallback; ``\\r\\n`` and ``\\r`` become
``\\n`` and nothing else changes. Binary data is refused rather than decoded into garbage.
"""

from __future__ import annotations

import codecs

from annotator.errors import InputError


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, *, path: str) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`InputError` naming ``path`` if it is not text."""
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[len(codecs.BOM_UTF8) :], "utf-8", "utf-8-sig", path)
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _decode(data, "utf-16", "utf-16", path)
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not text", path=path)
    try:
        return normalise_newlines(data.decode("utf-8")), "utf-8"
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
    return normalise_newlines(text), "cp1252"


def _decode(data: bytes, codec: str, name: str, path: str) -> tuple[str, str]:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid {name} text at byte {exc.start}", path=path) from None
    return normalise_newlines(text), name


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > max(1, len(text) // 100)
