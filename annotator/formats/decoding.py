"""Turn the bytes of a text file into the document text of docs/design.md §1.

UTF-8, UTF-8 with BOM, UTF-16 with BOM, then cp1252 as the fallback (its five undefined bytes
map to the code points of the same number, as browsers do); ``\\r\\n`` and ``\\r`` become
``\\n`` and nothing else changes.
Binary data (NUL bytes, many control characters) is refused rather than decoded into garbage;
UTF-16 without a byte-order mark is recognised and refused with a hint.

The same rule serves whole files (:func:`decode_bytes`) and line-based files line by line
(:func:`iter_text_lines`); :func:`newline_shift` maps offsets into a text that still holds
``\\r\\n`` onto the normalised text (one implementation for every reader).
"""

from __future__ import annotations

import bisect
import codecs
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from annotator.errors import InputError

#: Encodings readers do not mention (no "decoded as" note on import).
UNREMARKABLE_ENCODINGS = frozenset({"utf-8", "utf-8-sig", "utf-16"})
_UTF16_SAMPLE = 4096


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def newline_shift(raw: str) -> Callable[[int], int]:
    """Map a code-point offset into ``raw`` to the same place in ``normalise_newlines(raw)``.

    Only the ``\\r`` of each ``\\r\\n`` is removed (a lone ``\\r`` becomes one ``\\n``), so
    an offset after k removed characters moves left by k, and an offset between ``\\r`` and
    ``\\n`` lands on the ``\\n``. Anything but an int (bad input, reported later) is returned
    as it is.
    """
    removed: list[int] = []
    pos = raw.find("\r\n")
    while pos >= 0:
        removed.append(pos)
        pos = raw.find("\r\n", pos + 2)

    def shift(offset: int) -> int:
        if not removed or not isinstance(offset, int) or isinstance(offset, bool):
            return offset
        return offset - bisect.bisect_left(removed, offset)

    return shift


def _undefined_cp1252(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "".join(chr(b) for b in exc.object[exc.start : exc.end]), exc.end


_UNDEFINED_CP1252 = "annotator-cp1252-undefined"
codecs.register_error(_UNDEFINED_CP1252, _undefined_cp1252)


def decode_bytes(
    data: bytes, *, path: str, keep_newlines: bool = False, line: int | None = None
) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`InputError` naming ``path`` (and ``line``, for
    one line of a line-based file) if it is not text.

    ``keep_newlines`` leaves ``\\r\\n`` and ``\\r`` alone (for standoff offsets into the raw text).
    """
    fix = (lambda text: text) if keep_newlines else normalise_newlines
    if data.startswith(codecs.BOM_UTF8):
        text = _decode(data[len(codecs.BOM_UTF8) :], "utf-8", "utf-8-sig", path, line)
        return fix(text), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return fix(_decode(data, "utf-16", "utf-16", path, line)), "utf-16"
    if b"\x00" in data:
        if _looks_utf16(data):
            raise InputError(
                "looks like UTF-16 without a byte-order mark: "
                "save it as UTF-8 or UTF-16 with a BOM",
                path=path,
                line=line,
            )
        raise InputError("binary file (contains NUL bytes), not text", path=path, line=line)
    try:
        return fix(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    # 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in cp1252: like web browsers, map just those
    # to the code points of the same number, and keep cp1252 (curly quotes) for the rest.
    text, encoding = data.decode("cp1252", errors=_UNDEFINED_CP1252), "cp1252"
    if _looks_binary(text):
        raise InputError("binary file (control characters), not text", path=path, line=line)
    return fix(text), encoding


def _decode(data: bytes, codec: str, name: str, path: str, line: int | None) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid {name} text at byte {exc.start}", path=path, line=line) from None


def _looks_utf16(data: bytes) -> bool:
    """NUL bytes at (nearly) every other position, on one side only: UTF-16 without a BOM."""
    sample = data[:_UTF16_SAMPLE]
    even, odd = sample[0::2], sample[1::2]
    if len(odd) < 2:
        return False
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    return max(nul_even, nul_odd) >= 0.3 and min(nul_even, nul_odd) <= 0.05


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > max(1, len(text) // 100)


class TextLine(NamedTuple):
    """One line of a line-based file: its number, its text (or why it can't be read) and the
    encoding it was decoded with."""

    number: int
    text: str | InputError
    encoding: str = "utf-8"


def iter_text_lines(path: Path, *, max_line_bytes: int) -> Iterator[TextLine]:
    """Yield the lines of a line-based file (JSONL, CoNLL, hf) without loading it whole.

    Lines are decoded one by one with :func:`decode_bytes`'s rule (UTF-8, else cp1252, else
    latin-1, else refused naming file and line), so one bad line costs one line; a UTF-16 file
    (it has a BOM) is decoded whole. A line over ``max_line_bytes`` becomes an
    :class:`InputError` in place of the line. Line endings (``\\n``, ``\\r\\n``) are removed; a
    lone ``\\r`` inside a line is left for the reader.
    """
    where = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield TextLine(0, InputError(f"cannot read file: {exc.strerror}", path=where))
        return
    with handle:
        head = handle.read(2)
        handle.seek(0)
        if head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            try:
                text, encoding = decode_bytes(handle.read(), path=where, keep_newlines=True)
            except InputError as exc:
                yield TextLine(0, exc)
                return
            for number, line in enumerate(text.split("\n"), start=1):
                yield TextLine(number, line.removesuffix("\r"), encoding)
            return
        for number, raw in enumerate(handle, start=1):
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            if len(raw) > max_line_bytes:
                message = f"line is {len(raw):,} bytes, over the {max_line_bytes:,}-byte limit"
                yield TextLine(number, InputError(message, path=where, line=number))
                continue
            raw = raw.removesuffix(b"\n").removesuffix(b"\r")
            try:
                yield TextLine(number, raw.decode("utf-8"))
                continue
            except UnicodeDecodeError:
                pass
            try:
                text, encoding = decode_bytes(raw, path=where, keep_newlines=True, line=number)
            except InputError as exc:
                yield TextLine(number, exc)
                continue
            yield TextLine(number, text, encoding)
