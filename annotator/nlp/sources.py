"""Unnamed sources written in more than one form in one article.

News introduces an unnamed source once in full and then shortens it, or the other way round:
"a spokeswoman said …" before "The BBC spokeswoman said …", "Big Brother's spokeswoman" after
"a Big Brother spokeswoman", "a spokesman" after "A Steelco spokeman" (sic). All are one
source, named by its fullest form in the article: the description whose words hold the
mention's words and the most others; of equally full ones, the first. When two different
fuller forms hold the mention's words ("a Labour spokesman", "a Tory spokesman"), the mention
names neither.

The article's source descriptions are indexed once per document (:func:`source_forms`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from annotator.nlp.grammar import source_end
from annotator.nlp.lexicon import DETERMINERS, SOURCE_NOUNS
from annotator.nlp.names import source_family, within_one_edit
from annotator.nlp.spans import SpanSet

#: Source nouns long enough to be recognised misspelt by one letter ("spokeman").
_LONG = sorted(w for w in SOURCE_NOUNS if len(w) >= 7)


@dataclass(frozen=True)
class SourceForm:
    """One description of an unnamed source: where, its words (lowercased, no determiner or
    possessive ending), and the name it gives (its text, a misspelt head corrected)."""

    pos: int
    words: frozenset[str]
    name: str


def source_head(token: Token) -> str | None:
    """The source noun ``token`` is, lowercased: one of the list, or a word one letter off one
    of its longer nouns ("spokeman")."""
    word = token.lower_
    if not token.tag_.startswith("NN"):
        return None
    if word in SOURCE_NOUNS:
        return word
    if len(word) < 7 or not word.isalpha():
        return None
    close = [w for w in _LONG if within_one_edit(word, w)]
    return close[0] if len(close) == 1 else None


def source_words(tokens: list[Token]) -> frozenset[str]:
    """The words of a source description that tell it apart: not determiners, possessive
    endings, possessive pronouns or punctuation; the head as :func:`source_head` reads it."""
    words = set()
    for t in tokens:
        if t.lower_ in DETERMINERS or t.tag_ in ("POS", "PRP$") or t.is_punct or t.is_space:
            continue
        words.add(source_head(t) or t.lower_)
    return frozenset(words)


def _named(noun: Token) -> bool:
    """ "spokesman Dan Pike", "a spokesman, Dan Pike,", "Mr Pike, his spokesman,": a person
    with a name; "his spokesman": someone's, not an unnamed source of its own."""
    if noun.head.ent_type_ == "PERSON" and noun.dep_ in ("compound", "appos"):
        return True
    if any(c.tag_ == "PRP$" for c in noun.lefts):
        return True
    return any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in noun.children)


def source_forms(doc: Doc, quoted: SpanSet) -> dict[str, list[SourceForm]]:
    """Every description of one unnamed source outside quotations, by source family
    (:func:`source_family`), in text order: the head noun (singular) with its premodifiers and
    its "for"/"of" phrase ("a spokesman for the Potters' Guild")."""
    forms: dict[str, list[SourceForm]] = {}
    for t in doc:
        if t.tag_ != "NN" or quoted.contains(t.idx) or _named(t):
            continue
        head = source_head(t)
        if head is None:
            continue
        start = t.left_edge.i
        while start < t.i and (doc[start].is_punct or doc[start].is_space):
            start += 1
        last = source_end(t)
        tokens = list(doc[start : last.i + 1])
        name = "".join((head if w.i == t.i else w.text) + w.whitespace_ for w in tokens).strip()
        forms.setdefault(source_family(head), []).append(
            SourceForm(t.idx, source_words(tokens), name)
        )
    return forms


class SourceIndex:
    """The source descriptions of one document (:func:`source_forms`), built on first need."""

    def __init__(self, doc: Doc, quoted: SpanSet):
        self.doc = doc
        self.quoted = quoted
        self._forms: dict[str, list[SourceForm]] | None = None

    def fullest(self, tokens: list[Token], pos: int) -> str | None:
        """The fullest form in the article of the unnamed source ``tokens`` describe, at
        ``pos``: "a spokeswoman" is "the BBC spokeswoman" (:func:`fullest`)."""
        head = source_head(tokens[-1])
        if head is None or tokens[-1].tag_ != "NN":
            return None
        if self._forms is None:
            self._forms = source_forms(self.doc, self.quoted)
        return fullest(self._forms.get(source_family(head), []), source_words(tokens), pos)


def fullest(forms: list[SourceForm], words: frozenset[str], pos: int) -> str | None:
    """The fullest form holding ``words`` (the first of equally full ones), for a mention at
    ``pos``; None when that is the mention itself or two different forms are fullest."""
    found = [f for f in forms if f.words > words or (f.words == words and f.pos < pos)]
    if not found:
        return None
    top = max(len(f.words) for f in found)
    best = [f for f in found if len(f.words) == top]
    if len({f.words for f in best}) > 1:
        return None
    if not all(f.words <= best[0].words for f in found):
        # two sources of one kind ("An Operation Black Vote spokesman", later "A CRE
        # spokesman said … the spokesman said"): the latest before the mention
        before = [f for f in found if f.pos < pos and f.words > words]
        return max(before, key=lambda f: f.pos).name if before else None
    return best[0].name
