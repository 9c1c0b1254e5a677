"""The quote detector: quotations with their speaker mention, cue verb and speaker name.

Quotations come from their marks (:mod:`annotator.nlp.marks`). Attribution reads the *frames*
of a quotation, the text of its sentence outside any quotation, in the same paragraph:

* the *before* frame runs from the start of the sentence (or the end of the previous quotation)
  to the opening mark: ``Mr Hussain said: “…”``, ``Sir Keir said he “understands” calls``;
* the *after* frame runs from the closing mark to the end of the sentence (or the next
  quotation): ``“…,” he wrote.``, ``“…,” said X, “…”`` (both parts share speaker and cue).

A cue is a verb of ``resources/cue_verbs.txt`` (tagged as a verb, not negated) or "according
to". The cue nearest the quotation wins; a cue that is the complement of another cue ("said he
believes …") gives way to that one. The speaker mention is the subject of the cue from the
parse (through "adding:", "and said …" to the governing verb), widened to its name with titles
("Mr Hussain") or its description ("the MP for Bradford East").

A quotation that starts its sentence and has no cue of its own (a continuation paragraph, or a
second sentence after ``“…,” he said.``) takes the speaker of the previous quotation, with no
cue; when the sentence just before it reports speech (``Mr Dunn warned that … “If …”``), the
speaker of that speech instead. A quotation alone on a line or in the headline whose words
reappear in an attributed quotation (a pull-quote) takes that quotation's speaker name, with
no mention. Quotations inside boilerplate lines are not quotations of the article and are
dropped.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from annotator.nlp.attribution import (
    inverted_object,
    mention_span,
    nearest_person,
    sentence_subject,
    subject_of,
)
from annotator.nlp.boilerplate import boilerplate_spans
from annotator.nlp.continuation import closes_sentence, goes_on, reported_speech, reporter_before
from annotator.nlp.cues import (
    colon_byline,
    colon_stance,
    cue_after,
    cue_before,
    cue_span,
    in_a_question,
    in_subject,
    is_cue,
    names_a_term,
    parse_cue_after,
    quoted_as_saying,
    reporting_root,
)
from annotator.nlp.grammar import SUBJECTS, tokens_between
from annotator.nlp.lexicon import DETERMINERS, TITLES, cue_forms
from annotator.nlp.marks import DOUBLE_MARKS, MarkedQuote, find_marked_quotes
from annotator.nlp.sentences import (
    ends_a_sentence,
    sentence_end_after,
    sentence_starts_after,
)
from annotator.nlp.spans import EntityIndex, SpanSet
from annotator.nlp.speakers import SpeakerResolver, may_be_titled

QUOTES_KEY = "annotator_quotes"
WARNINGS_KEY = "annotator_warnings"

#: What may stand between a quotation and its byline: a line break or two, a dash.
_BYLINE_GAP = re.compile(r"[ \t]*(?:\n[ \t]*){0,2}[—–-]?[ \t]*")


@dataclass(frozen=True)
class Quote:
    """A quotation (marks included) with its attribution; spans are ``(start, end)`` offsets."""

    start: int
    end: int
    speaker: tuple[int, int] | None = None
    cue: tuple[int, int] | None = None
    speaker_name: str | None = None
    paragraphs: int = 1
    #: A pull-quote (a headline or a quotation alone on its line) repeats the words of the
    #: quotation starting here, and takes its speaker name.
    repeats: int | None = None

    def to_list(self) -> list:
        """A msgpack-friendly form for ``doc.user_data``."""
        return [
            self.start,
            self.end,
            list(self.speaker) if self.speaker else None,
            list(self.cue) if self.cue else None,
            self.speaker_name,
            self.paragraphs,
            self.repeats,
        ]

    @classmethod
    def from_list(cls, data: Sequence) -> Quote:
        start, end, speaker, cue, name, paragraphs, *rest = data
        repeats = rest[0] if rest else None
        return cls(
            int(start),
            int(end),
            (int(speaker[0]), int(speaker[1])) if speaker else None,
            (int(cue[0]), int(cue[1])) if cue else None,
            name,
            int(paragraphs),
            int(repeats) if repeats is not None else None,
        )


# -- frames --------------------------------------------------------------------------------


def _para_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


# -- detection ------------------------------------------------------------------------------


@dataclass
class _Context:
    """What the attribution of one document needs, built once."""

    doc: Doc
    #: ``doc.text``, which spaCy rebuilds from the tokens on every access.
    text: str
    marked: list[MarkedQuote]
    cues: frozenset[str]
    ents: EntityIndex
    resolver: SpeakerResolver
    #: Each quotation's words, lowercased (for pull-quotes).
    words: list[str]


@dataclass(frozen=True)
class _Frames:
    para_start: int
    lo: int  # start of the before frame: paragraph start or end of the previous quotation
    sent_start: int  # start of the sentence holding the opening mark
    after_end: int  # end of the after frame
    initial: bool  # the quotation starts its sentence
    same_sentence: bool  # the previous quotation ends in the same sentence


def _frames(text: str, marked: list[MarkedQuote], n: int) -> _Frames:
    q = marked[n]
    para_start, _ = _para_bounds(text, q.start)
    _, last_para_end = _para_bounds(text, q.end - 1)
    lo = para_start
    if n > 0 and marked[n - 1].end > lo:
        lo = marked[n - 1].end
    sent_start = sentence_starts_after(text, lo, q.start)
    initial = not text[sent_start : q.start].strip(" \t([{—–-")
    hi = last_para_end
    if n + 1 < len(marked) and marked[n + 1].start < hi:
        hi = marked[n + 1].start
    after_end = sentence_end_after(text, q.end, hi)
    same = n > 0 and sent_start == lo and lo > para_start
    ended = text[max(0, lo - 8) : lo].rstrip("\"”’'")[-1:] in (".", "?", "!", "…")
    if same and ended and text[lo : q.start].lstrip()[:1].isupper():
        same = False  # `… your day." His hope …`: the previous quotation ended its sentence
    return _Frames(para_start, lo, sent_start, after_end, initial, same)


def _after_frame_cue(ctx: _Context, n: int, f: _Frames) -> Token | None:
    """The cue right after a quotation (``“…,” he said``), if the frame is really its own."""
    doc, q, text = ctx.doc, ctx.marked[n], ctx.text
    if not q.closed and text[q.end - 1 : q.end] in (".", "!", "?", "…"):
        return None  # a quotation that lost its mark ends its sentence: the next is another's
    span = tokens_between(doc, q.end, f.after_end)
    if span is None:
        return None
    cue = cue_after(span, ctx.cues, strict=f.initial)
    if cue is None:
        cue = parse_cue_after(span, tokens_between(doc, q.start, q.end))
    if cue is None:
        return None
    frame = text[q.end : f.after_end]
    runs_into_next = n + 1 < len(ctx.marked) and f.after_end == ctx.marked[n + 1].start
    if frame.rstrip().endswith(":"):
        return None  # `… He added: “…”`: the cue introduces the next quotation
    new_sentence = text[q.end - 2 : q.end - 1] in ".!?…" and frame.lstrip(" ,")[:1].isupper()
    # '"Will I …?" Holmes asked in the New Year. "…"': a question or a cry ends inside the
    # marks, and a speaker and cue right after it with nothing said of their own attribute it
    # (not '"…?" Wippit offers a service', '"…?" Mr X replied that …')
    asked = (
        text[q.end - 2 : q.end - 1] in "?!"
        and cue.i - span.start <= 3
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") for c in cue.children)
    )
    if new_sentence and (runs_into_next or len(span) > 8) and not asked:
        return None
    return cue


def _later_cue(ctx: _Context, n: int, f: _Frames) -> Token | None:
    """A cue later in the same sentence, after further quotations (`“A” and “B,” he said`)."""
    text = ctx.text
    q = ctx.marked[n]
    if closes_sentence(text, q):
        return None  # `… to film 'A Question of Sport.' "…," X said`: the next one's cue
    k, after_end = n, f.after_end
    while k + 1 < len(ctx.marked) and after_end == ctx.marked[k + 1].start:
        lo = ctx.marked[k].end
        if ends_a_sentence(text, lo, after_end):
            return None  # `the "movement" is young. "…," says X`: another sentence's cue
        k += 1
        nxt = _frames(text, ctx.marked, k)
        span = tokens_between(ctx.doc, ctx.marked[k].end, nxt.after_end)
        cue = cue_after(span, ctx.cues, strict=False) if span is not None else None
        if cue is not None:
            return cue
        after_end = nxt.after_end
    return None


def _attribute(
    ctx: _Context, n: int, previous: Quote | None, carried: Quote | None = None
) -> Quote:
    """Cue, speaker mention and name of the n-th quotation (see the module docstring)."""
    doc, q, text = ctx.doc, ctx.marked[n], ctx.text
    f = _frames(text, ctx.marked, n)
    cue: Token | None = None
    speaker_tok: Token | None = None
    inherit = False
    quote_tokens = tokens_between(doc, q.start, q.end)
    first = quote_tokens[0] if quote_tokens is not None and len(quote_tokens) else None
    if quote_tokens is not None and len(quote_tokens):
        if names_a_term(quote_tokens, ctx.cues) or in_a_question(quote_tokens):
            return Quote(q.start, q.end, None, None, None, q.paragraphs)
    if _in_headline(text, q):  # "Firm 'faces tough year'": the headline's words, nobody's
        pulled = _pulled_from(ctx, n)
        return Quote(q.start, q.end, None, None, None, q.paragraphs, repeats=pulled)
    if f.initial:
        cue = _after_frame_cue(ctx, n, f)
    else:
        before = tokens_between(doc, f.sent_start, q.start)
        cue = cue_before(before, first, ctx.cues) if before is not None else None
        after = tokens_between(doc, q.end, f.after_end) if cue is not None else None
        if cue is not None and after is not None and len(after):
            cue = reporting_root(cue, after, ctx.cues) or cue  # "…", Mr X stressed.
        if cue is None and before is not None:
            speaker_tok = colon_byline(before)  # "- City boss Kevin Keegan: “…”"
            speaker_tok = speaker_tok or colon_stance(before)  # "X was more restrained:"
        if cue is None and speaker_tok is None and f.same_sentence and previous is not None:
            inherit = True
        elif cue is None and speaker_tok is None:
            cue = _after_frame_cue(ctx, n, f) or _later_cue(ctx, n, f)
    if cue is not None and previous is not None and _split_by(text, previous, cue, q.start):
        # '"I come from a village," says Prof Reddy, "I know …"': one sentence, split
        return Quote(
            q.start, q.end, previous.speaker, previous.cue, previous.speaker_name, q.paragraphs
        )
    inverted = None
    if cue is not None and first is not None and in_subject(cue, first.i):
        # '… an "unusually high turnover" of staff, said the committee': a name after a cue
        # that ends the sentence speaks, though the parser made the words before it its subject
        # after a comma, inside the marks or not: not '"new terrorism" demands new powers'
        before_cue = text[max(q.start, cue.idx - 8) : cue.idx] if cue.idx > q.start else ""
        after_comma = before_cue.rstrip(" \"”’'").endswith(",")
        inverted = _speaker_after(cue) if after_comma else None
        if inverted is None:
            cue = None  # 'An attendant suspended over "images" on her blog says …': no speech
    reported = quoted_as_saying(cue) if cue is not None else None
    if reported is not None:
        cue, speaker_tok = reported
    elif cue is not None:
        speaker_tok = inverted or subject_of(cue, ctx.cues)
        if speaker_tok is not None and speaker_tok.i == cue.i + 1:
            speaker_tok = _person_closing_title(speaker_tok) or speaker_tok
        if speaker_tok is not None and q.start <= speaker_tok.idx < q.end:
            speaker_tok = None  # a word of the quotation itself is never its speaker
        elif speaker_tok is not None and ctx.resolver.quoted.contains(speaker_tok.idx):
            # '"Xavi did …," the paper beams, adding, "…"': the cue of the one who spoke
            if previous is not None and previous.start <= speaker_tok.idx < previous.end:
                if previous.speaker_name is not None:
                    said = previous.speaker, cue_span(cue), previous.speaker_name
                    return Quote(q.start, q.end, *said, q.paragraphs)
            speaker_tok = _quoting_speaker(speaker_tok, ctx.resolver.quoted, ctx.cues)
        if speaker_tok is None and cue.idx > q.start and not text[q.end : cue.idx].strip(" ,"):
            speaker_tok = inverted_object(cue)  # right after the quotation: “…,” added X
        if speaker_tok is None:
            frame = tokens_between(doc, f.sent_start, q.start) if cue.idx < q.start else None
            frame = frame or tokens_between(doc, q.end, f.after_end)
            if frame is not None:
                speaker_tok = nearest_person(frame, before=cue.idx < q.start)
        if speaker_tok is None and previous is not None and previous.speaker_name:
            if previous.end <= cue.idx < q.start and _subjectless_opening(cue):
                # 'Ms Jowell insisted: "…" And continued: "…"': the speaker goes on
                said = previous.speaker, cue_span(cue), previous.speaker_name
                return Quote(q.start, q.end, *said, q.paragraphs)
    elif (
        speaker_tok is None
        and not f.initial
        and not inherit
        and quote_tokens is not None
        and not _headline(text, q)
    ):
        speaker_tok = sentence_subject(quote_tokens)  # not "Blair 'said he would go'": a title
        if speaker_tok is None:
            speaker_tok = reporter_before(doc, quote_tokens, ctx.cues)
    cue_at = cue_span(cue) if cue is not None else None
    if speaker_tok is not None:
        return _spoken_by(ctx, n, speaker_tok, cue_at)
    if inherit and previous is not None:
        return Quote(
            q.start, q.end, previous.speaker, previous.cue, previous.speaker_name, q.paragraphs
        )
    if cue is None and f.initial:
        byline = _byline(ctx, n)
        if byline is not None:
            name = ctx.resolver.resolve(byline)
            ctx.resolver.attribute(name, byline)
            return Quote(q.start, q.end, (byline.start_char, byline.end_char), None, name, 1)
        pulled = _pulled_from(ctx, n)
        if pulled is not None:
            return Quote(q.start, q.end, None, None, None, q.paragraphs, repeats=pulled)
        reporter = reported_speech(doc, text, ctx.marked, ctx.cues, n, ctx.resolver.first_named)
        if reporter is not None:  # "Mr Dunn warned that … “If companies …”": Mr Dunn goes on
            return _spoken_by(ctx, n, reporter, None)
        speaking = carried or previous  # past a term in the attribution's own sentence
        if speaking is not None:  # a continuation: the speaker goes on, no cue of its own
            return Quote(
                q.start, q.end, speaking.speaker, None, speaking.speaker_name, q.paragraphs
            )
    same_paragraph = n > 0 and ctx.marked[n - 1].end >= f.para_start
    if cue is None and previous is not None and previous.speaker_name and same_paragraph:
        if goes_on(doc, text, ctx.marked, n, f.sent_start, f.after_end):
            return Quote(
                q.start, q.end, previous.speaker, None, previous.speaker_name, q.paragraphs
            )
    return Quote(q.start, q.end, None, cue_at, None, q.paragraphs)


def _subjectless_opening(cue: Token) -> bool:
    """A speech verb with no subject opening its sentence ("And continued:", "Adding:")."""
    if not cue.tag_.startswith("VB") or cue.tag_ == "VBN":
        return False
    if any(c.dep_ in (*SUBJECTS, "csubj", "expl") for c in cue.children):
        return False
    lead = cue.doc[cue.sent.start : cue.i]
    return all(t.is_punct or t.is_space or t.dep_ in ("cc", "advmod") for t in lead)


def _quoting_speaker(token: Token, quoted: SpanSet, cues: frozenset[str]) -> Token | None:
    """The speaker of an earlier quotation the parser hung a cue on ('he declared: "I get
    alarmed …" before quickly adding: "…"', "adding" under "get"): whoever said it."""
    verb = token.head
    while quoted.contains(verb.idx) and verb.head.i != verb.i:
        verb = verb.head
    if quoted.contains(verb.idx) or not is_cue(verb, cues):
        return None
    return subject_of(verb, cues)


def _speaker_after(cue: Token) -> Token | None:
    """The speaker right after a cue that follows its quotation, as its subject ("said the
    committee", where the parser gave the cue a second subject before it) or object."""
    for child in cue.rights:
        if child.dep_ == "nsubj" and child.left_edge.i == cue.i + 1:
            return child
    return inverted_object(cue)


def _person_closing_title(subject: Token) -> Token | None:
    """The person a capitalised title ends with when the parser made the title's first word
    the subject: "said Treasury Under Secretary John Taylor." is John Taylor's."""
    if subject.ent_type_ == "PERSON":
        return None
    doc = subject.doc
    k = subject.i
    while k + 1 < len(doc) and doc[k + 1].text[:1].isupper() and not doc[k + 1].is_punct:
        k += 1
    closed = k + 1 == len(doc) or doc[k + 1].is_punct
    return doc[k] if k > subject.i and closed and doc[k].ent_type_ == "PERSON" else None


def _split_by(text: str, previous: Quote, cue: Token, start: int) -> bool:
    """Is ``cue``, before ``start``, the previous quotation's, and the text between them only
    that cue and speaker, with commas (`"…," says Prof Reddy, "…"`)?"""
    if previous.cue is None or previous.speaker is None or cue.idx >= start:
        return False
    if "\n" in text[previous.end : start]:
        return False
    between = [(previous.end, start)]
    for lo, hi in sorted((previous.cue, previous.speaker)):
        a, b = between[-1]
        if not a <= lo <= hi <= b:
            return False
        between[-1:] = [(a, lo), (hi, b)]
    return all(not text[a:b].strip(" ,") for a, b in between)


def _spoken_by(ctx: _Context, n: int, speaker_tok: Token, cue_at: tuple[int, int] | None) -> Quote:
    """The n-th quotation said by the speaker mention around ``speaker_tok``."""
    q = ctx.marked[n]
    speaker = mention_span(speaker_tok, ctx.ents.of)
    mention = ctx.doc.char_span(*speaker, alignment_mode="expand")
    if speaker_tok.lower_ in ("he", "she"):
        ctx.resolver.named_inside = _names_inside(ctx.text, q)
    name = ctx.resolver.resolve(mention) if mention is not None else None
    ctx.resolver.named_inside = frozenset()
    ctx.resolver.attribute(name, mention)
    return Quote(q.start, q.end, speaker, cue_at, name, q.paragraphs)


def _names_inside(text: str, q: MarkedQuote) -> frozenset[str]:
    """Capitalised words inside the quotation after a lowercase word or a comma (not opening
    a sentence), nor after a title ("Mr Hopkins said" is the narrator's, in a quotation that
    lost its closing mark)."""
    words = text[q.start + 1 : q.end].split()
    found = set()
    for before, word in pairwise(words):
        name = word.strip(".,;:!?\"'’”)")
        if not _NAME_WORD.fullmatch(name) or before.lower().rstrip(".") in TITLES:
            continue
        if before[-1:].islower() or before.endswith(","):
            found.add(name)
    return frozenset(found)


_NAME_WORD = re.compile(r"[A-Z][a-z'’-]+")


def _byline(ctx: _Context, n: int) -> Span | None:
    """The person of a byline after a quotation: "— Sam Ortiz, The Daily Ledger", or on the
    next line "Lee Park, Twitter". The outlet or place after the comma is not the speaker."""
    text, q = ctx.text, ctx.marked[n]
    gap = _BYLINE_GAP.match(text, q.end)
    if gap is None or gap.end() >= len(text):
        return None
    dash = any(c in gap.group() for c in "—–-")
    if not dash and "\n" not in gap.group():
        return None
    line_end = text.find("\n", gap.end())
    line_end = len(text) if line_end < 0 else line_end
    line = tokens_between(ctx.doc, gap.end(), line_end)
    if line is None or not len(line) or line_end - gap.end() > 80:
        return None
    ent = ctx.ents.of.get(line[0].i)
    if ent is None or ent.label_ != "PERSON" or ent.start != line.start:
        return None
    if ent.end < line.end and ctx.doc[ent.end].text not in (",", "("):
        return None
    if not dash and (ent.end >= line.end or any(t.tag_.startswith("VB") for t in line)):
        return None  # a new paragraph about someone, not a byline
    return ent


def find_quotes(doc: Doc, boilerplate: Sequence[tuple[int, int]] | None = None) -> list[Quote]:
    """Quotations of ``doc`` with attribution, in text order (see the module docstring)."""
    text = doc.text
    if boilerplate is None:
        boilerplate = boilerplate_spans(doc)
    furniture = SpanSet(boilerplate)
    marked = [q for q in find_marked_quotes(text) if not furniture.overlaps(q.start, q.end)]
    if not marked:
        return []
    if not (doc.has_annotation("DEP") and doc.has_annotation("SENT_START")):
        # A pipeline without a parser (e.g. NER only): quotations, but no attribution.
        return [Quote(q.start, q.end, paragraphs=q.paragraphs) for q in marked]
    marked = [part for q in marked for part in _without_narration(doc, text, q)]
    ents = EntityIndex(doc)
    resolver = SpeakerResolver(doc, [(q.start, q.end) for q in marked], ents)
    words = [_inner_words(text[q.start : q.end]) for q in marked]
    ctx = _Context(doc, text, marked, cue_forms(), ents, resolver, words)
    resolver.record_speech(ctx.cues)  # speech verbs outside quotations, as events
    quotes: list[Quote] = []
    previous: Quote | None = None
    carried: Quote | None = None
    for n in range(len(marked)):
        found = _attribute(ctx, n, previous, carried)
        quotes.append(found)
        speaking = carried or previous
        carried = speaking if _aside(found, speaking, text) else None
        previous = found
    return _canonical_names(_resolve_pulled(quotes), resolver.titled_surnames())


def _without_narration(doc: Doc, text: str, q: MarkedQuote) -> list[MarkedQuote]:
    """A quotation whose closing mark the source lost runs on through the narration after
    it, into the next quotation (`… with a few regrets. Robinson also revealed that … "We
    signed a card …," said Robinson`, `… social sciences. This mirrored …, it said. "It is
    hard …`): it ends before the first sentence inside it that is the narrator's, one with
    no marks and no first or second person whose verb of saying has a subject of its own,
    and the next mark after that sentence opens the next quotation. Only for a quotation
    that lost a mark (cut at its paragraph's end) or that was reopened on the same line."""
    if q.closed and q.paragraphs == 1:
        return [q]
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return [q]
    starts = [t.i for t in span if t.is_sent_start and t.i > span.start]
    cues = cue_forms()
    for k, first in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else span.end
        if not _narrated(doc[first:end], cues):
            continue
        last = next((t for t in reversed(doc[span.start : first]) if not t.is_space), None)
        if last is None or last.i == span.start:
            return [q]
        said = MarkedQuote(q.start, last.idx + len(last), _reopened(text, q.start, last), False)
        mark = next((t for t in doc[end : span.end] if t.is_quote), None)
        if mark is None or mark.idx >= q.end - 1:
            return [said]
        paragraphs = _reopened(text, mark.idx, doc[span.end - 1], q.closed)
        rest = MarkedQuote(mark.idx, q.end, paragraphs, q.closed)
        return [said, *_without_narration(doc, text, rest)]
    return [q]


def _reopened(text: str, start: int, last: Token, closed: bool = False) -> int:
    """Paragraphs of a quotation from ``start`` to ``last``: its marks, less a closing one."""
    marks = sum(1 for ch in text[start : last.idx + len(last)] if ch in DOUBLE_MARKS)
    return max(1, marks - (1 if closed else 0))


#: First and second person: a sentence with them is a speaker's, not the narrator's.
_SPEAKERS_OWN = frozenset("i me my we us our you your".split())


def _narrated(sentence: Span, cues: frozenset[str]) -> bool:
    """The narrator's sentence inside a run-on quotation: no marks, no first or second
    person, and a verb of saying with a subject of its own ("Robinson also revealed that …",
    "…, it said")."""
    if any(t.is_quote or t.lower_ in _SPEAKERS_OWN for t in sentence):
        return False
    return any(
        t.tag_ in ("VBD", "VBZ")
        and is_cue(t, cues)
        and any(c.dep_ == "nsubj" and c.lower_ not in _SPEAKERS_OWN for c in t.children)
        for t in sentence
    )


def _aside(found: Quote, previous: Quote | None, text: str) -> bool:
    """A term or title in marks with nobody's words, in the very sentence that attributed
    the quotation before it, does not interrupt that speaker: in `said Jo Bloggs, chairman of
    a firm whose motto is "Gold to Market". "It would be a shame …"` the second quotation
    that opens a sentence is still his."""
    if previous is None or previous.speaker_name is None or found.speaker or found.cue:
        return False
    return not ends_a_sentence(text, previous.end, found.start)


def _headline(text: str, q: MarkedQuote) -> bool:
    """Is the quotation on the document's first line (its headline)?"""
    first_nl = text.find("\n")
    return first_nl < 0 or q.start < first_nl


def _in_headline(text: str, q: MarkedQuote) -> bool:
    """Is the quotation in a headline: a first line with no sentence end, before more lines?"""
    first_nl = text.find("\n")
    if first_nl < 0 or q.end > first_nl:
        return False
    line = text[:first_nl].rstrip().rstrip("\"'”’")
    return not line.endswith((".", "!", "?", "…", ":"))


def _inner_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _pulled_from(ctx: _Context, n: int) -> int | None:
    """A headline or stand-alone quotation repeated in another one: where that one starts.

    The source quotation may come later, so only its position is noted here and its speaker
    name filled in after the pass (see :func:`_resolve_pulled`).
    """
    text, q = ctx.text, ctx.marked[n]
    para_start, para_end = _para_bounds(text, q.start)
    alone = not (text[para_start : q.start] + text[q.end : para_end]).strip()
    headline = _headline(text, q)
    words = ctx.words[n]
    if not (alone or headline) or len(words.split()) < 3:
        return None
    for k, other in enumerate(ctx.words):
        if k != n and words in other:
            return ctx.marked[k].start
    return None


def _resolve_pulled(quotes: list[Quote]) -> list[Quote]:
    by_start = {q.start: q for q in quotes}
    out = []
    for q in quotes:
        if q.repeats is not None:
            source = by_start.get(q.repeats)
            name = source.speaker_name if source is not None else None
            q = Quote(q.start, q.end, None, None, name, q.paragraphs, q.repeats)
        out.append(q)
    return out


def _canonical_names(quotes: list[Quote], surnames: Collection[str] = ()) -> list[Quote]:
    """One name per person in a document: a speaker name whose words lie inside exactly one
    longer speaker name of the document ("Hussain" and "Imran Hussain") becomes that name.
    Descriptions ("a government source") and ambiguous surnames (two Milibands) stay, and so
    does one of the ``surnames`` (written after "Mr") inside a name ending in another of them
    ("Howard" and "Howard Flight", who is "Mr Flight")."""
    names = {q.speaker_name for q in quotes if q.speaker_name}
    by_word: dict[str, set[str]] = {}
    for name in names:
        for word in name.lower().split():
            by_word.setdefault(word, set()).add(name)
    canonical: dict[str, str] = {}
    for name in names:
        words = name.lower().split()
        if not name[:1].isupper() or words[0] in DETERMINERS:
            continue
        n = len(words)
        longer = {
            other
            for other in by_word.get(words[-1], ())
            if len(other.split()) > n
            and other.split()[0].lower() not in DETERMINERS  # not "A Delta spokesperson"
            and other.split()[-1][:1].isupper()  # not "Rover bosses", people of Rover
            and " and " not in other  # "X" alone is not "X and Y"
            and (
                n > 1
                or words[0] not in surnames
                or may_be_titled(other.split(), words[0], surnames)
            )
            and any(
                other.lower().split()[k : k + n] == words for k in range(len(other.split()) - n + 1)
            )
        }
        widest = [o for o in longer if not any(o != w and o in w for w in longer)]
        if len(widest) == 1:
            canonical[name] = widest[0]
    if not canonical:
        return quotes
    return [
        replace(q, speaker_name=canonical.get(q.speaker_name, q.speaker_name))
        if q.speaker_name
        else q
        for q in quotes
    ]


def stored_quotes(doc: Doc) -> list[Quote]:
    """The quotations the component stored in ``doc.user_data`` (empty when it did not run)."""
    return [Quote.from_list(item) for item in doc.user_data.get(QUOTES_KEY, ())]


class QuoteDetector:
    """Pipeline component: run :func:`find_quotes`, store the result in ``doc.user_data``.

    A document the detector cannot handle gets no quotations and a warning, never an error:
    one odd article must not stop the annotation of a corpus.
    """

    def __call__(self, doc: Doc) -> Doc:
        try:
            found = find_quotes(doc)
        except Exception as exc:
            found = []
            name = doc.user_data.get("name", "document")
            warnings = list(doc.user_data.get(WARNINGS_KEY, ()))
            warnings.append(f"{name}: quote detection failed ({type(exc).__name__}: {exc})")
            doc.user_data[WARNINGS_KEY] = warnings
        doc.user_data[QUOTES_KEY] = [q.to_list() for q in found]
        return doc


@Language.factory(QUOTES_KEY, default_config={}, requires=["doc.ents", "token.dep", "token.tag"])
def make_quote_detector(nlp: Language, name: str) -> QuoteDetector:
    return QuoteDetector()
