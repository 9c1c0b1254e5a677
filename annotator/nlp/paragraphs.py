"""Every line starts a sentence: set before the parser runs, which keeps preset boundaries.

The English models parse an article's headline and its first paragraph as one sentence in
almost every BBC article (197 of 200 drawn at random), the headline's verb governing the lead
sentence: "Franz man seeks government help⏎⏎Franz Ferdinand frontman Alex Kapranos has called
…" makes the person the lead introduces the subject of a complement clause, not of a main
clause, and pronouns later lose their referent. A line break in news text always ends a
sentence (a headline, a paragraph, a list item), so the first word after one starts a sentence.
"""

from __future__ import annotations

from typing import cast

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

PARAGRAPHS_KEY = "annotator_paragraphs"


def mark_line_starts(doc: Doc) -> Doc:
    """Set the first word after each line break as a sentence start.

    The word after it is marked as no sentence start: given only the first, the parser often
    cut a line's first name off as a sentence of its own ("Graeme" | "Souness believes …",
    in about one article in three). Whitespace tokens are left to the parser, which attaches
    them to the sentence before. The marks are written in one ``Doc.from_array``: setting
    ``Token.is_sent_start`` one token at a time checks the whole document each time, which
    made a long document quadratic.
    """
    if len(doc) == 0:
        return doc
    arr = doc.to_array([IS_SPACE, SENT_START]).astype("int64")
    space, sent_start = arr[:, 0], arr[:, 1]
    sent_start[sent_start > 1] = -1  # to_array gives -1 as an unsigned number
    # a line break is always a whitespace token of its own (a token's trailing whitespace is
    # one space at most), so only those are read, not the whole text
    for k in numpy.flatnonzero(space):
        first = int(k) + 1
        if first >= len(doc) or space[first] or "\n" not in doc[int(k)].text:
            continue
        sent_start[first] = 1
        if first + 1 < len(doc) and not space[first + 1]:
            sent_start[first + 1] = -1
    doc.from_array([SENT_START], cast(Ints2d, sent_start.reshape(-1, 1).astype("uint64")))
    return doc


@Language.component(PARAGRAPHS_KEY)
def paragraph_starts(doc: Doc) -> Doc:
    return mark_line_starts(doc)
