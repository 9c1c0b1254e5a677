"""Every line starts a sentence: set before the parser runs, which keeps preset boundaries.

The English models parse an article's headline and its first paragraph as one sentence in
almost every BBC article (197 of 200 drawn at random), the headline's verb governing the lead
sentence: "Franz man seeks government help⏎⏎Franz Ferdinand frontman Alex Kapranos has called
…" makes the person the lead introduces the subject of a complement clause, not of a main
clause, and pronouns later lose their referent. A line break in news text always ends a
sentence (a headline, a paragraph, a list item), so the first word after one starts a sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPHS_KEY = "annotator_paragraphs"


def mark_line_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first word after each line break.

    The word after it is marked as no sentence start: given only the first, the parser often
    cut a line's first name off as a sentence of its own ("Graeme" | "Souness believes …",
    in about one article in three). Whitespace tokens are left to the parser, which attaches
    them to the sentence before.
    """
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break:
            token.is_sent_start = True
            nxt = token.i + 1
            if nxt < len(doc) and not doc[nxt].is_space:
                doc[nxt].is_sent_start = False
            after_break = False
    return doc


@Language.component(PARAGRAPHS_KEY)
def paragraph_starts(doc: Doc) -> Doc:
    return mark_line_starts(doc)
