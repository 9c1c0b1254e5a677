"""The one place that converts between stored offsets (code points) and Qt positions (UTF-16).

Python ``str`` indices count code points; ``QTextDocument`` counts UTF-16 code units, where a
character above U+FFFF (emoji, 𝕏, CJK extension B) takes two. An :class:`OffsetMap` is built
once per document text from the positions of those astral characters; each conversion is a
bisect, so a text without them costs nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Convert offsets of one text between code points and UTF-16 code units."""

    __slots__ = ("_astral", "_astral_qt", "length", "qt_length")

    def __init__(self, text: str):
        # Code-point index of every astral character, and where each starts in UTF-16.
        self._astral = [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_qt = [cp + n for n, cp in enumerate(self._astral)]
        self.length = len(text)
        self.qt_length = len(text) + len(self._astral)

    def to_qt(self, offset: int) -> int:
        """The Qt position of code-point ``offset`` (0..len(text))."""
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """The code-point offset of Qt ``position``; inside a surrogate pair, its character."""
        return position - bisect_left(self._astral_qt, position)

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

    def span_from_qt(self, start: int, end: int) -> tuple[int, int]:
        """Code-point span of a Qt range; an end inside a surrogate pair takes its character."""
        lo, hi = self.from_qt(start), self.from_qt(end)
        if self.to_qt(hi) < end:
            hi += 1
        return lo, min(hi, self.length)
