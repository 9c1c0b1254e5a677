"""Token boundaries for snapping a selection to whole words, with a cheap regular expression.

Close to spaCy's English tokenizer where it matters for labelling: words, numbers with their
separators ("1,400", "2.5"), and each punctuation mark on its own, so "Hamas’s" gives "Hamas".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*%?|\w+|[^\w\s]", re.UNICODE)


class Tokens:
    """The token spans of one text, in code points."""

    def __init__(self, text: str):
        self._starts: list[int] = []
        self._ends: list[int] = []
        for m in _TOKEN.finditer(text):
            self._starts.append(m.start())
            self._ends.append(m.end())

    def __len__(self) -> int:
        return len(self._starts)

    def at(self, offset: int) -> tuple[int, int] | None:
        """The token containing ``offset``, or the one just before it (a caret after a word)."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._ends[i]:
            return self._starts[i], self._ends[i]
        if i >= 0 and offset == self._ends[i]:
            return self._starts[i], self._ends[i]
        if i + 1 < len(self._starts):
            return self._starts[i + 1], self._ends[i + 1]
        return None

    def snap(self, start: int, end: int) -> tuple[int, int] | None:
        """Grow ``start..end`` to whole tokens and drop surrounding white space; None if blank."""
        first = bisect_right(self._ends, start)  # first token ending after start
        last = bisect_left(self._starts, end) - 1  # last token starting before end
        if first > last:
            return None
        return self._starts[first], self._ends[last]

    def next_end(self, offset: int) -> int | None:
        """The first token end after ``offset``."""
        i = bisect_right(self._ends, offset)
        return self._ends[i] if i < len(self._ends) else None

    def previous_end(self, offset: int) -> int | None:
        """The last token end before ``offset``."""
        i = bisect_left(self._ends, offset) - 1
        return self._ends[i] if i >= 0 else None

    def next_start(self, offset: int) -> int | None:
        """The first token start after ``offset``."""
        i = bisect_right(self._starts, offset)
        return self._starts[i] if i < len(self._starts) else None

    def previous_start(self, offset: int) -> int | None:
        """The last token start before ``offset``."""
        i = bisect_left(self._starts, offset) - 1
        return self._starts[i] if i >= 0 else None
