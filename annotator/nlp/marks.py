"""Find quotations by their quotation marks, over plain text (no spaCy needed).

Why text-level: the marks alone decide where a quotation starts and ends, and a regex pass over
the text costs next to nothing compared with the model. The rules, in short:

* Double marks (“ ” " « » „) are paired first; single marks (‘ ’ ') second, outside the double
  quotations; a quotation lying inside another one (nested) stays part of the outer one.
* A straight mark opens when it stands after a space or an opening bracket and before a
  non-space, and closes in the mirror position; when its context says neither, the state decides.
* Apostrophes are never quote marks: a ’ or ' between letters or digits (can’t, Labour’s),
  before a digit after a space (’90s), and a few elisions ('n', 'em).
* A quotation running over several paragraphs, where each paragraph reopens with a mark and only
  the last one closes, is one quotation: a mark that opens while a quotation is still open
  continues it when it starts a paragraph, or when it follows the end of a sentence on the same
  line (the BBC 2005 files run several original paragraphs together on one line).
* A few words in marks inside a statement already reopened sentence by sentence (`he was going
  to "fake" an injury`) are a quotation nested in it, not its end; in a quotation that has not
  been reopened, an opening mark mid-sentence still means the closing mark was lost (below).
* A double quotation that the source closed with a single mark after the end of a sentence
  (``… a bit more.' The orchestra …``, ``… bandwidth.' "It can't …``) ends there, unless a
  single quotation opened inside it.
* A quotation still open at the end of a paragraph that the next paragraph does not reopen ends
  at the end of its paragraph, and one still open when a new quotation opens mid-sentence ends
  with its first sentence (a missing closing mark is a slip of the source, not a quotation
  running on for pages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_MARKS = '“”"«»„‟'
SINGLE_MARKS = "‘’'‹›‚‛"
#: Which marks may close a quotation opened by a given mark.
CLOSERS: dict[str, str] = {
    "“": '”"',
    '"': '"”',
    "„": '“”"',
    "‟": '”"',
    "«": "»",
    "‘": "’'",
    "'": "'’",
    "‚": "‘’'",
    "‛": "’'",
    "‹": "›",
}
ALWAYS_OPEN = frozenset("“„‟«‘‚‛‹")
ALWAYS_CLOSE = frozenset("”»’›")
OPENING_PUNCT = frozenset("([{<—–-/")
CLOSING_PUNCT = frozenset(".,;:!?)]}>—–-/…")
#: Elisions written with a straight or curly apostrophe at the start of a word.
ELISIONS = ("n'", "n’", "em", "cause", "til", "tis", "twas", "bout")

_NON_SPACE = re.compile(r"\S")
#: The end of a sentence right before a mark: ``. "``, ``?” “``, ``… ‘``.
_SENTENCE_END_BEFORE = re.compile(r"[.?!…][\"”’')\]]*\s+$")
#: A single closing mark right after the end of a sentence or clause: ``more.' The``.
_STRAY_CLOSER = re.compile(r"(?<=[.?!,])['’](?=\s|$)")
_SENTENCE_END = re.compile(r"[.?!…][\"”’')\]]*(?=\s)")

OPEN, CLOSE, EITHER = 1, 2, 3


@dataclass(frozen=True)
class MarkedQuote:
    """A quotation found by its marks: ``text[start:end]`` includes the marks.

    ``paragraphs`` counts the paragraphs it runs over (reopened marks included).
    ``closed`` is False when the closing mark was missing and the quotation was cut at the
    end of its paragraph.
    """

    start: int
    end: int
    paragraphs: int = 1
    closed: bool = True


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _kind(text: str, i: int) -> int | None:
    """OPEN, CLOSE, EITHER for a quote mark at ``i``, or None when it is an apostrophe."""
    ch = text[i]
    left = text[i - 1] if i > 0 else ""
    right = text[i + 1] if i + 1 < len(text) else ""
    if ch in "’'":
        if left.isalnum() and right.isalnum():
            return None  # can't, Labour's, rock'n'roll
        if (_is_space(left) or left in OPENING_PUNCT) and right.isdigit():
            return None  # '90s
        if _is_space(left) or left in OPENING_PUNCT or left in DOUBLE_MARKS:
            rest = text[i + 1 : i + 7].lower()
            if any(
                rest.startswith(e) and not rest[len(e) : len(e) + 1].isalpha() for e in ELISIONS
            ):
                return None
    if ch in ALWAYS_OPEN:
        return OPEN
    if ch in ALWAYS_CLOSE:
        return CLOSE if not _is_space(left) or _is_space(right) else EITHER
    left_open = _is_space(left) or left in OPENING_PUNCT or left in ALWAYS_OPEN
    right_close = _is_space(right) or right in CLOSING_PUNCT or right in ALWAYS_CLOSE
    if left_open and not right_close:
        return OPEN
    if right_close and not left_open:
        return CLOSE
    return EITHER


def _paragraph_end(text: str, pos: int) -> int:
    """End of the paragraph holding ``pos`` (before its newline), trailing spaces excluded."""
    nl = text.find("\n", pos)
    end = len(text) if nl < 0 else nl
    while end > pos and text[end - 1].isspace():
        end -= 1
    return end


def _next_paragraph_start(text: str, pos: int) -> int | None:
    """Index of the first non-space character after the paragraph holding ``pos``."""
    nl = text.find("\n", pos)
    if nl < 0:
        return None
    m = _NON_SPACE.search(text, nl)
    return m.start() if m else None


def _stray_single_closer(text: str, opened: int, para: int, end: int) -> int:
    """End of a double quotation that the source closed with a single mark (``more.' The``).

    Looked for in the last paragraph the open quotation reached; -1 when there is none, or
    when a single quotation opens inside it (then the mark closes that nested quote).
    """
    m = _STRAY_CLOSER.search(text, max(opened + 1, para), end)
    if m is None:
        return -1
    if any(text[k] in "‘'" and _kind(text, k) == OPEN for k in range(opened + 1, m.start())):
        return -1
    return m.end()


def _pair(text: str, marks: list[tuple[int, int]], single: bool) -> list[MarkedQuote]:
    """Pair the marks of one family into quotations (see the module docstring)."""
    quotes: list[MarkedQuote] = []
    opened = -1  # index of the opening mark, -1 when no quotation is open
    opened_kind = OPEN
    para = 0  # start of the last paragraph the open quotation has reached
    paragraphs = 1

    def cut() -> None:
        # The open quotation lost its closing mark: it ends with its last paragraph.
        end = _paragraph_end(text, para)
        if not single and opened_kind == OPEN and end > opened + 1:
            quotes.append(MarkedQuote(opened, end, paragraphs, closed=False))

    nested_close = -1  # the closing mark of a nested quotation, skipped with its opener
    for n, (i, kind) in enumerate(marks):
        if i == nested_close:
            continue
        if opened >= 0 and i > _paragraph_end(text, para):
            stray = (
                -1
                if single
                else _stray_single_closer(text, opened, para, _paragraph_end(text, para))
            )
            if stray > 0:
                quotes.append(MarkedQuote(opened, stray, paragraphs))
            elif kind != CLOSE and _next_paragraph_start(text, para) == i:
                para = i  # a paragraph reopening the quotation
                paragraphs += 1
                continue
            else:
                cut()
            opened = -1
        if opened >= 0:
            low_nine = text[opened] in "„‚"  # „…“: the English opening mark closes it
            if (kind != OPEN or low_nine) and text[i] in CLOSERS.get(text[opened], ""):
                quotes.append(MarkedQuote(opened, i + 1, paragraphs))
                opened = -1
                continue
            if kind == CLOSE:
                continue  # a closing mark that does not fit the opening one: ignore it
            stray = -1 if single else _stray_single_closer(text, opened, max(para, i - 4), i)
            if stray > 0 and not text[stray:i].strip():
                # `… bandwidth.' "It can't …`: the source closed it with a single mark, and
                # this mark opens the next quotation
                quotes.append(MarkedQuote(opened, stray, paragraphs))
                opened, opened_kind, para, paragraphs = i, kind, i, 1
                continue
            if _SENTENCE_END_BEFORE.search(text, max(opened + 1, i - 8), i):
                paragraphs += 1  # `26 weeks. "We ...`: a paragraph run into the same line
                continue
            if paragraphs > 1 and not single and _nested(text, marks, n):
                nested_close = marks[n + 1][0]  # `he was going to "fake" an injury`
                continue
            # An opening mark inside an open quotation, mid-sentence: the previous one lost
            # its closing mark. It ends with its first sentence; start again here.
            end = _SENTENCE_END.search(text, opened + 1, i)
            if end is not None and not single and opened_kind == OPEN:
                quotes.append(MarkedQuote(opened, end.end(), paragraphs, closed=False))
            opened = -1
        if kind == OPEN or (kind == EITHER and not single):
            opened, opened_kind, para, paragraphs = i, kind, i, 1
    if opened >= 0:
        cut()
    return quotes


def _nested(text: str, marks: list[tuple[int, int]], n: int) -> bool:
    """Does the opening mark ``marks[n]``, inside a statement already reopened, start a
    quotation of a few words nested in it (`he was going to "fake" an injury`): the next
    mark closes within four words and the same sentence."""
    if n + 1 >= len(marks) or marks[n + 1][1] == OPEN:
        return False
    start, end = marks[n][0], marks[n + 1][0]
    inner = text[start + 1 : end]
    return len(inner.split()) <= 4 and _SENTENCE_END.search(inner + " ") is None


def _marks(text: str, alphabet: str, skip: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    k = 0
    for m in re.finditer(f"[{re.escape(alphabet)}]", text):
        i = m.start()
        while k < len(skip) and skip[k][1] <= i:
            k += 1
        if k < len(skip) and skip[k][0] <= i < skip[k][1]:
            continue
        kind = _kind(text, i)
        if kind is not None:
            out.append((i, kind))
    return out


def find_marked_quotes(text: str) -> list[MarkedQuote]:
    """All top-level quotations of ``text`` by their marks, in text order, never overlapping."""
    doubles = _pair(text, _marks(text, DOUBLE_MARKS, []), single=False)
    spans = [(q.start, q.end) for q in doubles]
    singles = _pair(text, _marks(text, SINGLE_MARKS, spans), single=True)
    found = sorted(doubles + singles, key=lambda q: (q.start, -q.end))
    out: list[MarkedQuote] = []
    for q in found:
        if out and q.start < out[-1].end:
            continue  # nested in (or crossing) the previous quotation: the outer one wins
        out.append(q)
    return out
