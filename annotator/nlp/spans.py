"""Per-document indexes that keep attribution linear in the document's length.

Each quotation looks at a few tokens around it; what it must not do is walk the whole document
(every entity, every quotation, ``doc.text``, which spaCy rebuilds from the tokens on each call)
once per quotation. These indexes are built once per document and answer by bisection.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token


class SpanSet:
    """Character ranges ``[start, end)``, possibly overlapping, asked "is this inside one?"."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self._max_end: list[int] = []
        reach = -1
        for _, end in self.spans:
            reach = max(reach, end)
            self._max_end.append(reach)

    def contains(self, pos: int) -> bool:
        """Some range holds ``pos``."""
        k = bisect_right(self.starts, pos) - 1
        return k >= 0 and self._max_end[k] > pos

    def overlaps(self, start: int, end: int) -> bool:
        """Some range shares a character with ``[start, end)``."""
        k = bisect_left(self.starts, end) - 1
        return k >= 0 and self._max_end[k] > start


class EntityIndex:
    """The entities of a doc by token, and those lying inside a token range."""

    def __init__(self, doc: Doc):
        self.ents: tuple[Span, ...] = tuple(_with_joined_word(e) for e in doc.ents)
        self.starts = [e.start for e in self.ents]
        self.of: dict[int, Span] = {i: e for e in self.ents for i in range(e.start, e.end)}

    def around(self, token: Token) -> Span:
        """The entity holding ``token``, else the token alone."""
        ent = self.of.get(token.i)
        return ent if ent is not None else token.doc[token.i : token.i + 1]

    def within(self, start: int, end: int) -> list[Span]:
        """Entities wholly inside tokens ``[start, end)`` (what ``Span.ents`` gives, cheaply)."""
        out = []
        for k in range(bisect_left(self.starts, start), len(self.ents)):
            ent = self.ents[k]
            if ent.start >= end:
                break
            if ent.end <= end:
                out.append(ent)
        return out


def _with_joined_word(ent: Span) -> Span:
    """A body's name with the capitalised word the model left out before "and": "the Finance
    and Economy Ministry", typed from "Economy" (the word hangs on the name in the parse)."""
    doc, i = ent.doc, ent.start
    if ent.label_ != "ORG" or i < 2 or doc[i - 1].lower_ != "and":
        return ent
    word = doc[i - 2]
    if word.ent_type_ or word.tag_ != "NNP" or not ent.start <= word.head.i < ent.end:
        return ent
    return Span(doc, i - 2, ent.end, label=ent.label_)
