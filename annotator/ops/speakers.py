"""Whether a speaker mention names a person ("Keir Starmer") or only refers to one ("he").

The word lists are the quote finder's (:mod:`annotator.nlp.lexicon`), so the editor and the
pre-annotation agree on what a title, a pronoun or an unnamed source is.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.nlp.lexicon import DETERMINERS, GROUP_NOUNS, PRONOUNS, SOURCE_NOUNS, TITLES

#: Words that describe rather than name someone ("the minister", "a spokesman").
_DESCRIPTIONS = frozenset(
    """me my us our you your its their this these those one minister secretary leader prime
    official statement government party man woman mps""".split()
)
#: Pronouns, titles and description words: a mention made only of these is not a name.
NOT_A_NAME = PRONOUNS | TITLES | SOURCE_NOUNS | DETERMINERS | GROUP_NOUNS | _DESCRIPTIONS


def _words(text: str) -> list[str]:
    return [w.strip(".,;:!?\"'“”‘’()").lower() for w in text.split()]


def is_name(mention: str) -> bool:
    """A mention is a name unless every word of it is a pronoun or a description word."""
    words = [w for w in _words(mention) if w]
    if words and words[-1].endswith(("'s", "’s")):
        words[-1] = words[-1][:-2]
    return bool(words) and any(w not in NOT_A_NAME for w in words)


def same_person(name: str, mention: str) -> bool:
    """Whether ``mention`` could be ``name`` ("Hussain" and "Mr Hussain" for "Imran Hussain")."""
    said = {w for w in _words(mention) if w and w not in TITLES}
    return bool(said) and said <= set(_words(name))


def full_name(name: str, names: Iterable[str]) -> str:
    """The one fuller name among ``names`` that ``name`` could be ("Richard Thomas" for
    "Thomas"); ``name`` itself when there is none, or several ("Dylan" and "Richard Thomas")."""
    fuller = {n for n in names if len(n.split()) > len(name.split()) and same_person(n, name)}
    return fuller.pop() if len(fuller) == 1 else name


def clean_name(mention: str) -> str:
    """The name of a mention without a courtesy title: "Mr Hussain" -> "Hussain"."""
    words = mention.split()
    while len(words) > 1 and _words(words[0])[0] in TITLES:
        words = words[1:]
    return " ".join(words)
