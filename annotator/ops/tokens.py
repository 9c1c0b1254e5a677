"""Token boundaries for snapping a selection in the editor: the exports' own tokens.

One tokenization: the editor snaps to the tokens of the spaCy tokenizer the token-based exports
use (:func:`annotator.formats.tokenization.token_bounds`), so a snapped span always survives a
DocBin, CoNLL, Prodigy or hf export. A document imported with its own tokens (CoNLL) keeps them.

spaCy's tokenizer splits at white space first and never looks across it, so a line tokenized on
its own gives the same tokens as the whole text: :class:`Tokens` tokenizes each line the first
time a key needs it and keeps it, and a key near the end of a long article costs one line.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from annotator.formats.tokenization import (
    DEFAULT_LANG,
    TOKENIZATION_KEY,
    WHITESPACE,
    import_spacy,
    token_bounds,
    tokenizer_for,
)

_NEWLINE = re.compile("\n")


__all__ = ["Tokens", "import_spacy", "is_pretokenized", "warm_up"]


def warm_up() -> None:
    """Load spaCy's tokenizer ahead of the first key that needs it (seconds, once)."""
    tokenizer_for(DEFAULT_LANG)


def is_pretokenized(meta: dict[str, object]) -> bool:
    """A document imported with its own tokens (CoNLL) keeps them."""
    return meta.get(TOKENIZATION_KEY) == WHITESPACE


class Tokens:
    """The token spans of one text, in code points (white space is never a token here)."""

    def __init__(self, text: str, *, pretokenized: bool = False):
        self._text = text
        self._pretokenized = pretokenized
        self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        self._lines: dict[int, tuple[tuple[int, ...], tuple[int, ...]]] = {}

    @classmethod
    def of(cls, text: str, *, pretokenized: bool = False) -> Tokens:
        return cls(text, pretokenized=pretokenized)

    # -- lines ----------------------------------------------------------------------------
    def _line_of(self, offset: int) -> int:
        return max(0, bisect_right(self._line_starts, offset) - 1)

    def _line(self, index: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Starts and ends of the tokens of line ``index`` (document offsets), cached."""
        found = self._lines.get(index)
        if found is None:
            start = self._line_starts[index]
            end = (
                self._line_starts[index + 1] - 1
                if index + 1 < len(self._line_starts)
                else len(self._text)
            )
            starts, ends = token_bounds(self._text[start:end], pretokenized=self._pretokenized)
            found = self._lines[index] = (
                tuple(s + start for s in starts), tuple(e + start for e in ends)
            )  # fmt: skip
        return found

    def _tokens_near(self, offset: int, *, forward: bool) -> tuple[list[int], list[int]]:
        """Tokens of the line of ``offset`` plus, in the given direction, lines up to the next
        one that has a token (so a step can cross blank lines and paragraph breaks)."""
        here = self._line_of(offset)
        lines = [here]
        step = 1 if forward else -1
        other = here + step
        while 0 <= other < len(self._line_starts):
            lines.append(other)
            if self._line(other)[0]:
                break
            other += step
        starts: list[int] = []
        ends: list[int] = []
        for index in sorted(lines):
            line_starts, line_ends = self._line(index)
            starts.extend(line_starts)
            ends.extend(line_ends)
        return starts, ends

    def _tokens_between(self, start: int, end: int) -> tuple[list[int], list[int]]:
        starts: list[int] = []
        ends: list[int] = []
        for index in range(self._line_of(start), self._line_of(max(start, end - 1)) + 1):
            line_starts, line_ends = self._line(index)
            starts.extend(line_starts)
            ends.extend(line_ends)
        return starts, ends

    # -- queries --------------------------------------------------------------------------
    def at(self, offset: int) -> tuple[int, int] | None:
        """The token containing ``offset``, or the one just before it (a caret after a word)."""
        starts, ends = self._tokens_near(offset, forward=True)
        i = bisect_right(starts, offset) - 1
        if i >= 0 and offset <= ends[i]:
            return starts[i], ends[i]
        if i + 1 < len(starts):
            return starts[i + 1], ends[i + 1]
        return None

    def snap(self, start: int, end: int) -> tuple[int, int] | None:
        """Grow ``start..end`` to whole tokens and drop surrounding white space; None if blank."""
        starts, ends = self._tokens_between(start, end)
        first = bisect_right(ends, start)  # first token ending after start
        last = bisect_left(starts, end) - 1  # last token starting before end
        if first > last:
            return None
        return starts[first], ends[last]

    def next_end(self, offset: int) -> int | None:
        """The first token end after ``offset``."""
        _starts, ends = self._tokens_near(offset, forward=True)
        i = bisect_right(ends, offset)
        return ends[i] if i < len(ends) else None

    def previous_end(self, offset: int) -> int | None:
        """The last token end before ``offset``."""
        _starts, ends = self._tokens_near(max(0, offset - 1), forward=False)
        i = bisect_left(ends, offset) - 1
        return ends[i] if i >= 0 else None

    def next_start(self, offset: int) -> int | None:
        """The first token start after ``offset``."""
        starts, _ends = self._tokens_near(offset, forward=True)
        i = bisect_right(starts, offset)
        return starts[i] if i < len(starts) else None

    def previous_start(self, offset: int) -> int | None:
        """The last token start before ``offset``."""
        starts, _ends = self._tokens_near(max(0, offset - 1), forward=False)
        i = bisect_left(starts, offset) - 1
        return starts[i] if i >= 0 else None

    # -- lines, for scans over the text ---------------------------------------------------
    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line_of(self, offset: int) -> int:
        """The index of the line holding ``offset``."""
        return self._line_of(offset)

    def line_tokens(self, index: int) -> list[tuple[int, int]]:
        """The tokens of line ``index`` as ``(start, end)`` document offsets."""
        starts, ends = self._line(index)
        return list(zip(starts, ends, strict=True))
