"""Whether a speaker mention names a person ("Keir Starmer") or only refers to one ("he")."""

from __future__ import annotations

#: Pronouns and description words: a mention made only of these is not a name.
NOT_A_NAME = frozenset(
    """
    i me my we us our you he him his she her hers it its they them their this that these those
    who the a an one mr mrs ms miss dr sir lady lord prof professor minister spokesman
    spokeswoman spokesperson official officials source sources person people man woman
    president prime chancellor secretary leader mp mps party government statement
    """.split()
)

#: Courtesy titles dropped when comparing a mention with a full name.
TITLES = frozenset("mr mrs ms miss dr sir lady lord prof".split())


def _words(text: str) -> list[str]:
    return [w.strip(".,;:!?\"'“”‘’()").lower() for w in text.split()]


def is_name(mention: str) -> bool:
    """A mention is a name unless every word of it is a pronoun or a description word."""
    words = [w for w in _words(mention) if w]
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    return bool(words) and any(w not in NOT_A_NAME for w in words)


def same_person(name: str, mention: str) -> bool:
    """Whether ``mention`` could be ``name`` ("Hussain" and "Mr Hussain" for "Imran Hussain")."""
    said = {w for w in _words(mention) if w and w not in TITLES}
    return bool(said) and said <= set(_words(name))


def clean_name(mention: str) -> str:
    """The name of a mention without a courtesy title: "Mr Hussain" -> "Hussain"."""
    words = mention.split()
    while len(words) > 1 and _words(words[0])[0] in TITLES:
        words = words[1:]
    return " ".join(words)
