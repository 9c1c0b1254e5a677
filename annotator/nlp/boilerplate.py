"""Boilerplate lines: text a web page puts around an article that is not the article.

What counts (patterns are data, in ``resources/boilerplate.json``):

* fixed lines: the video-player notice, bare video timestamps ("2:36"), photo lines
  ("Image: … Pic: Reuters", "Pics: Reuters"), adverts, share/follow/sign-up prompts;
* the title of an embedded video: the short line right after a video timestamp (e.g. "Israeli
  airstrikes on Gaza’s south" after "2:36"). It names the clip in the player, it is not a
  sentence of the article, so quotations in it are not quotations of the article either;
* blocks: a cookie-consent banner from its provider line ("X") through "… for this session only.";
* lines that repeat across many documents of the corpus (site furniture no pattern knows): the
  ops layer counts lines by :func:`line_key` over the corpus and hands the frequent keys to the
  component with :func:`annotator.nlp.pipeline.set_repeated_lines`.

Every boilerplate span is one line: ``text[start:end]`` without its newline.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from annotator.resources import load_json

BOILERPLATE_KEY = "annotator_boilerplate"
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d")
_LINE = re.compile(r"[^\n]+")


def line_key(line: str) -> str:
    """Normalise a line for counting repeats: trimmed, spaces collapsed, casefolded, digits 0.

    Digits are folded so that "2:36" and "1:31" or "Updated 12 May" count as the same line.
    """
    return _DIGITS.sub("0", _SPACES.sub(" ", line.strip()).casefold())


def repeated_line_threshold(n_docs: int) -> int:
    """How many documents must hold a line for it to count as boilerplate of the corpus.

    At least 3 documents (two copies of one article are a duplicate, not a template) and at
    least 1% of the corpus, so a phrase that many articles happen to share on a large corpus
    is not taken for site furniture.
    """
    return max(3, math.ceil(0.01 * max(n_docs, 0)))


@dataclass(frozen=True)
class _Patterns:
    lines: tuple[tuple[str, re.Pattern[str]], ...]
    title_after: frozenset[str]
    title_max_chars: int
    title_not_ending: str
    blocks: tuple[tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str] | None, int], ...]


@cache
def _patterns() -> _Patterns:
    data = load_json("boilerplate.json")
    flags = re.IGNORECASE
    title = data.get("video_title", {})
    return _Patterns(
        lines=tuple((p["name"], re.compile(p["pattern"], flags)) for p in data["lines"]),
        title_after=frozenset(title.get("after", ())),
        title_max_chars=int(title.get("max_chars", 0)),
        title_not_ending=str(title.get("not_ending_with", "")),
        blocks=tuple(
            (
                re.compile(b["first"], flags),
                re.compile(b["last"], flags),
                re.compile(b["previous_line_if"], flags) if b.get("previous_line_if") else None,
                int(b.get("max_lines", 10)),
            )
            for b in data.get("blocks", ())
        ),
    )


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line, surrounding spaces excluded."""
    for m in _LINE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield start, end


def find_boilerplate(text: str, repeated: Collection[str] = ()) -> list[tuple[int, int]]:
    """Line spans of ``text`` that are boilerplate, in order, end exclusive, newline excluded.

    ``repeated`` holds :func:`line_key` keys of lines frequent across the corpus.
    """
    pats = _patterns()
    lines = list(_lines(text))
    marked = [False] * len(lines)
    kinds: list[str | None] = [None] * len(lines)
    for n, (start, end) in enumerate(lines):
        line = text[start:end]
        for name, pattern in pats.lines:
            if pattern.search(line):
                marked[n] = True
                kinds[n] = name
                break
        else:
            if repeated and line_key(line) in repeated:
                marked[n] = True
    for n in range(1, len(lines)):
        if kinds[n - 1] in pats.title_after and not marked[n]:
            line = text[lines[n][0] : lines[n][1]]
            ok_end = not pats.title_not_ending or not line.endswith(pats.title_not_ending)
            if len(line) <= pats.title_max_chars and ok_end:
                marked[n] = True
    for first, last, previous, max_lines in pats.blocks:
        for n, (start, end) in enumerate(lines):
            if not first.search(text[start:end]):
                continue
            stop = next(
                (
                    k
                    for k in range(n, min(len(lines), n + max_lines))
                    if last.search(text[lines[k][0] : lines[k][1]])
                ),
                None,
            )
            if stop is None:
                continue
            begin = n
            if n > 0 and previous is not None:
                if previous.search(text[lines[n - 1][0] : lines[n - 1][1]]):
                    begin = n - 1
            for k in range(begin, stop + 1):
                marked[k] = True
    return [span for span, m in zip(lines, marked) if m]


class BoilerplateDetector:
    """Pipeline component: store the boilerplate line spans in ``doc.user_data``.

    Kept as plain ``[start, end]`` lists so the result survives the serialisation that
    ``nlp.pipe(n_process=...)`` applies to documents.
    """

    def __init__(self, repeated: Collection[str] = ()):
        self.repeated: frozenset[str] = frozenset(repeated)

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[BOILERPLATE_KEY] = [
            list(s) for s in find_boilerplate(doc.text, self.repeated)
        ]
        return doc


@Language.factory(BOILERPLATE_KEY, default_config={})
def make_boilerplate_detector(nlp: Language, name: str) -> BoilerplateDetector:
    return BoilerplateDetector()


def boilerplate_spans(doc: Doc) -> list[tuple[int, int]]:
    """The spans the component stored, or a fresh detection when it did not run."""
    stored = doc.user_data.get(BOILERPLATE_KEY)
    if stored is None:
        return find_boilerplate(doc.text)
    return [(int(s), int(e)) for s, e in stored]
