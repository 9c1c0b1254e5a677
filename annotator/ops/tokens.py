"""Token boundaries for snapping a selection in the editor: the exports' own tokens.

One tokenization: the editor snaps to the tokens of the spaCy tokenizer the token-based exports
use (:func:`annotator.formats.tokenization.token_bounds`, cached per text), so a snapped span
always survives a DocBin, CoNLL, Prodigy or hf export. A document imported with its own tokens
(CoNLL) keeps them here too.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from annotator.formats.tokenization import TOKENIZATION_KEY, WHITESPACE, token_bounds
from annotator.store import Store


def document_tokens(store: Store, document_id: int) -> Tokens:
    """The tokens of a stored document, as its exports will cut it."""
    document = store.document(document_id)
    pretokenized = document.meta.get(TOKENIZATION_KEY) == WHITESPACE
    return Tokens.of(document.text, pretokenized=pretokenized)


class Tokens:
    """The token spans of one text, in code points (white space is never a token here)."""

    def __init__(self, starts: Sequence[int], ends: Sequence[int]):
        self._starts = starts
        self._ends = ends

    @classmethod
    def of(cls, text: str, *, pretokenized: bool = False) -> Tokens:
        return cls(*token_bounds(text, pretokenized=pretokenized))

    def __len__(self) -> int:
        return len(self._starts)

    def at(self, offset: int) -> tuple[int, int] | None:
        """The token containing ``offset``, or the one just before it (a caret after a word)."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset <= self._ends[i]:
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
