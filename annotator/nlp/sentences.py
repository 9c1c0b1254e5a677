"""Where a sentence ends in plain text, for cutting a quotation's frames (no spaCy needed).

A full stop, question mark or ellipsis with any closing marks, then space, ends a sentence,
unless it ends a title or an initial ("Ms. Alvarez", "Rep. Briggs", "John F. Kennedy", "No. 10"):
US news writes titles with a stop, and a frame cut at one loses its cue.
"""

from __future__ import annotations

import re

#: A sentence end: ``.``/``?``/``!`` with closing marks, then space.
SENT_END = re.compile(r"[.?!…][\"”’')\]]*\s+")
#: Words whose full stop ends no sentence.
ABBREV = frozenset(
    """mr mrs ms dr st no vs prof gen col capt sgt rev jr sr co inc ltd sen rep gov lt cmdr
    supt det insp pres atty rt hon""".split()
)


def abbreviation(text: str, lo: int, m: re.Match[str]) -> bool:
    """Is this full stop the end of a title or an initial ("Ms. Alvarez", "John F. Kennedy")?"""
    if text[m.start()] != ".":
        return False
    word = re.search(r"(\w+)\W*$", text[max(lo, m.start() - 12) : m.start() + 1])
    if word is None:
        return False
    if word.group(1).lower() == "no":
        return text[m.end() : m.end() + 1].isdigit()  # "No. 10", not "vote no. "…""
    initial = len(word.group(1)) == 1 and word.group(1).isupper()  # "John F. Kennedy", not "2/9."
    return word.group(1).lower() in ABBREV or initial


def sentence_starts_after(text: str, lo: int, hi: int) -> int:
    """The start of the last sentence that begins in ``text[lo:hi]`` (``lo`` if none)."""
    start = lo
    for m in SENT_END.finditer(text, lo, hi):
        if not abbreviation(text, lo, m):
            start = m.end()
    return start


def sentence_end_after(text: str, lo: int, hi: int) -> int:
    """The end of the first sentence ending in ``text[lo:hi]`` (``hi`` if none)."""
    for m in SENT_END.finditer(text, lo, hi):
        if not abbreviation(text, lo, m):
            return m.end()
    return hi


def ends_a_sentence(text: str, lo: int, hi: int) -> bool:
    """Does a sentence end anywhere in ``text[lo:hi]``?"""
    return any(not abbreviation(text, lo, m) for m in SENT_END.finditer(text, lo, hi))
