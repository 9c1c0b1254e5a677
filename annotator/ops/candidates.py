"""Where a name the model missed probably is: the next run of capitalised tokens (or a number,
an amount of money, a percentage) that no entity span covers.

The add-a-missing-span key selects it, so adding one costs two inputs: this key, then the
label key. Runs are made of the exports' tokens (:mod:`annotator.ops.tokens`), so the selection
is already token-snapped, and never cross a line.

A run of capitalised tokens may hold ``of``/``the``/``for`` between two capitalised tokens
("Bank of England"), a hyphen without spaces ("Anglo-Irish") and a number after a name
("Radio 4"). A title (Mr, Sir, ...) stays outside, as the guidelines say. A single capitalised
token that starts a sentence is no candidate ("The", "Howard" after a full stop) unless it is
an acronym; a sentence's first word that the text also writes in lower case is dropped from the
front of a longer run ("The BBC" gives "BBC"). A money or number run is an optional currency
sign, the number and an attached unit ("£15.8m", "5%", "$3bn").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from annotator.model import SpanData, is_entity
from annotator.ops.tokens import Tokens

TITLES = frozenset(
    "Mr Mrs Ms Miss Dr Sir Dame Lord Lady Mr. Mrs. Ms. Dr. Prof Prof. Rev Rev.".split()
)
CONNECTORS = frozenset({"of", "the", "for", "de", "du", "von", "van", "der", "la"})
CURRENCY = frozenset("£$€¥")
UNITS = frozenset({"%", "m", "bn", "k", "p", "million", "billion", "trillion", "per", "cent"})
SENTENCE_END = frozenset({".", "!", "?", ":", ";"})
OPENERS = frozenset({'"', "“", "'", "‘", "(", "[", "-", "–", "—"})
_NUMBER = re.compile(r"^\d[\d,.]*$")
_LOWER_WORD = re.compile(r"\b[a-z][a-z]+\b")

Run = tuple[int, int]


def _capitalised(token: str) -> bool:
    return token[:1].isupper() and token != "I"


def _is_number(token: str) -> bool:
    return bool(_NUMBER.match(token))


class _Line:
    """The tokens of one line and the runs in it."""

    def __init__(self, text: str, tokens: list[tuple[int, int]], lower: set[str]):
        self.text = text
        self.tokens = tokens
        self.words = [text[s:e] for s, e in tokens]
        self.lower = lower

    def _touching(self, i: int) -> bool:
        """Token ``i`` follows token ``i - 1`` with at most one space between them."""
        gap = self.text[self.tokens[i - 1][1] : self.tokens[i][0]]
        return gap in ("", " ")

    def _joins(self, j: int) -> bool:
        """A connector between two capitalised tokens: "of" in "Bank of England", or a hyphen
        written without spaces ("Anglo-Irish")."""
        words = self.words
        if j + 1 >= len(words) or not _capitalised(words[j + 1]) or not self._touching(j + 1):
            return False
        if words[j] == "-":
            before, dash, after = self.tokens[j - 1], self.tokens[j], self.tokens[j + 1]
            return before[1] == dash[0] and dash[1] == after[0]
        return words[j] in CONNECTORS

    def _sentence_start(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and self.words[j] in OPENERS:
            j -= 1
        return j < 0 or self.words[j] in SENTENCE_END

    def runs(self) -> Iterator[list[int]]:
        """Token index lists of name runs and number runs, in order."""
        words, i, n = self.words, 0, len(self.words)
        while i < n:
            word = words[i]
            if _capitalised(word):
                run = [i]
                j = i + 1
                while j < n and self._touching(j):
                    w = words[j]
                    if _capitalised(w) or (_is_number(w) and _capitalised(words[j - 1])):
                        run.append(j)
                    elif self._joins(j):
                        run.append(j)
                    else:
                        break
                    j += 1
                yield run
                i = j
            elif word in CURRENCY or _is_number(word):
                run = [i]
                j = i + 1
                if word in CURRENCY and j < n and _is_number(words[j]) and self._touching(j):
                    run.append(j)
                    j += 1
                if not _is_number(words[run[-1]]):
                    i = j
                    continue
                while j < n and self._touching(j) and words[j] in UNITS:
                    run.append(j)
                    j += 1
                yield run
                i = j
            else:
                i += 1

    def candidates(self) -> Iterator[Run]:
        for run in self.runs():
            words = [self.words[k] for k in run]
            if _capitalised(words[0]):
                start = run[0]
                if len(run) > 1 and self._sentence_start(start) and (
                    words[0].lower() in self.lower
                ):  # fmt: skip
                    run, words = run[1:], words[1:]
                while run and words[0] in TITLES:
                    run, words = run[1:], words[1:]
                while run and not _capitalised(words[-1]) and not _is_number(words[-1]):
                    run, words = run[:-1], words[:-1]
                if not run:
                    continue
                single = len(run) == 1 and self._sentence_start(run[0])
                acronym = len(words[0]) > 1 and words[0].isupper()
                if single and not acronym:
                    continue
            yield self.tokens[run[0]][0], self.tokens[run[-1]][1]


def candidates_in_line(
    text: str, tokens: Tokens, index: int, covered: Sequence[tuple[int, int]],
    lower: set[str],
) -> list[Run]:  # fmt: skip
    """The candidates of line ``index``: runs that no entity span overlaps."""
    line = _Line(text, tokens.line_tokens(index), lower)
    return [
        (s, e) for s, e in line.candidates()
        if not any(a < e and s < b for a, b in covered)
    ]  # fmt: skip


def find_candidate(
    text: str, spans: Sequence[SpanData], offset: int, *, forward: bool = True,
    tokens: Tokens | None = None,
) -> Run | None:  # fmt: skip
    """The first candidate starting at or after ``offset`` (forward) or ending at or before
    it (backward); the search goes round the end of the text once. None when there is none."""
    tokens = tokens or Tokens(text)
    covered = sorted((s.start, s.end) for s in spans if is_entity(s.label) and not s.group)
    lower = set(_LOWER_WORD.findall(text))
    count = tokens.line_count
    here = tokens.line_of(min(max(offset, 0), len(text)))
    order = (
        [(here + k) % count for k in range(count + 1)]
        if forward
        else [(here - k) % count for k in range(count + 1)]
    )
    for round_, index in enumerate(order):
        found = candidates_in_line(text, tokens, index, covered, lower)
        if round_ == 0:
            found = [c for c in found if c[0] >= offset] if forward else [
                c for c in found if c[1] <= offset
            ]  # fmt: skip
        elif round_ == count:
            found = [c for c in found if c[0] < offset] if forward else [
                c for c in found if c[1] > offset
            ]  # fmt: skip
        if found:
            return found[0] if forward else found[-1]
    return None


def candidates_between(
    text: str, spans: Sequence[SpanData], start: int, end: int, *, tokens: Tokens | None = None,
) -> list[Run]:  # fmt: skip
    """Every candidate lying within ``start..end`` (the stretch of text in view), in order."""
    tokens = tokens or Tokens(text)
    if not text or start >= end:
        return []
    covered = sorted((s.start, s.end) for s in spans if is_entity(s.label) and not s.group)
    lower = set(_LOWER_WORD.findall(text))
    first, last = tokens.line_of(max(start, 0)), tokens.line_of(min(end, len(text)))
    return [
        (s, e)
        for index in range(first, last + 1)
        for s, e in candidates_in_line(text, tokens, index, covered, lower)
        if start <= s and e <= end
    ]
