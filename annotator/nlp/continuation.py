"""Who goes on speaking in a quotation that has no attribution of its own.

Two cases of news prose, both read from the sentences right before the quotation: reported
speech whose speaker goes on in marks ("Mr Dunn warned that companies could …. “If companies
…”"), and a quotation with no verb outside its marks right after an attributed one (`"…," said
economist Jo Bloggs. The bank "may sound hawkish but …"`). Used by :mod:`annotator.nlp.quotes`.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from annotator.nlp.attribution import subject_of
from annotator.nlp.cues import is_according, is_cue
from annotator.nlp.grammar import can_speak, name_start, tokens_between
from annotator.nlp.marks import MarkedQuote
from annotator.nlp.sentences import sentence_end_after


def reported_speech(
    doc: Doc,
    text: str,
    marked: list[MarkedQuote],
    cues: frozenset[str],
    n: int,
    first_named: Callable[[Token], bool],
) -> Token | None:
    """The speaker of reported speech in the sentence just before the n-th quotation, when
    that sentence follows the previous quotation: "Mr Dunn warned that companies could ….
    “If companies …”" goes on with Mr Dunn's words, not the previous quotation's speaker's.
    Two sentences back when the sentence between names nobody and no name follows the
    quotation ("X told the BBC there are two parts. The most difficult is … “The end …”").
    ``first_named`` tells whether a name is the first mention of its person in the document
    (:func:`_introduced_subject`)."""
    q = marked[n]
    lo = marked[n - 1].end if n > 0 else 0
    before = tokens_between(doc, max(lo, q.start - 600), q.start)
    if before is None:
        return None
    last = next((t for t in reversed(before) if not (t.is_space or t.is_quote)), None)
    if last is None:
        return None
    sent = last.sent
    if sent.start_char < lo:
        return None
    back = not is_cue(sent.root, cues) and sent.start > 0 and not _names_someone(sent)
    if back and not _named_after(doc, text, q):
        sent = doc[sent.start - 1].sent
        if sent.start_char < lo:
            return None
    root = sent.root
    if root.idx < q.start and not back and not is_cue(root, cues):
        if not closes_sentence(text, q):
            return None
        return _introduced_subject(root, first_named) or _writing_subject(root, cues)
    if root.idx >= q.start or not is_cue(root, cues):
        return None
    return _speaking_subject(root, cues)


def reporter_before(doc: Doc, quote: Span, cues: frozenset[str]) -> Token | None:
    """The speaker of reported speech in the sentence right before the one a partial
    quotation sits in, when that sentence reports with its main verb and the quotation's own
    sentence has no cue: "Nestle said that … dented sales. A poor summer "severely affected"
    demand for ice cream." goes on with Nestle's words."""
    sent = quote[0].sent
    words = [t for t in quote if not t.is_punct]
    if len(quote.text.split()) < 2 and not (words and _judgement(words[0])):
        return None  # one word in marks ("wings", "resignation"): a term, nobody's words
    after = doc[quote.end] if quote.end < len(doc) else None
    if words and after is not None and words[-1].tag_.startswith("NN") and after.tag_ == "NN":
        return None  # Mr Brown's "sustainable investment" rule: a term naming a noun
    heads = [t for t in words if not quote.start <= t.head.i < quote.end]
    if any(t.dep_ in ("nsubj", "nsubjpass") for t in heads):
        return None  # 'The "stress tests" would be used': a term the sentence is about
    if any(t.dep_ == "nsubj" and t.ent_type_ in ("ORG", "NORP", "PERSON") for t in sent):
        return None  # "Meanwhile the Tories outlined plans to tackle "yob culture"": theirs
    if sent.start == 0 or any(t.lower_ in cues and t.tag_.startswith("VB") for t in sent):
        return None
    before = doc[sent.start - 1].sent
    root = before.root
    if not is_cue(root, cues) or any(t.is_quote for t in doc[root.i : before.end]):
        return None  # a quotation after the cue is what it reports
    according = [c for c in root.children if is_according(c)]
    if according:  # "According to a statement from X, the executive admitted …": X's words
        return subject_of(according[0], cues)
    return _speaking_subject(root, cues)


def _judgement(word: Token) -> bool:
    """A lone word in marks that judges, as a verb's complement or manner: "the blow could be
    "enormous"", "killed "legally"": the reporter's word, not a term."""
    return word.tag_ in ("JJ", "JJR", "JJS", "RB") and word.dep_ in ("acomp", "advmod", "oprd")


def _speaking_subject(root: Token, cues: frozenset[str]) -> Token | None:
    """The subject of a cue that can speak (not "it")."""
    subject = subject_of(root, cues)
    if subject is None or not can_speak(subject) or subject.lower_ == "it":
        return None
    return subject


def _introduced_subject(root: Token, first_named: Callable[[Token], bool]) -> Token | None:
    """The subject of a sentence that introduces a person by full name for the first time
    ("US coach Patrick McEnroe wants his team to play more on clay. “I think …”"): the
    quotation after it is theirs, not the previous speaker's."""
    subjects = _person_subjects(root)
    if not subjects or any(c.dep_ == "neg" for c in root.children):
        return None
    if any(c.dep_ == "conj" for c in subjects[0].children):
        return None  # "Simon and Garfunkel were …": several people
    last = subjects[0]
    if name_start(last) == last.i or not first_named(last):
        return None  # a surname alone, or one named before
    return last


def _writing_subject(root: Token, cues: frozenset[str]) -> Token | None:
    """The person subject of a sentence whose participle opening it speaks ("Writing in the
    Guardian, Mr Brown outlined his view …. “As our manifesto …”"): the words that follow."""
    opening = [
        c
        for c in root.children
        if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i < root.i and is_cue(c, cues)
    ]
    subjects = _person_subjects(root)
    return subjects[0] if opening and subjects else None


def _person_subjects(root: Token) -> list[Token]:
    return [c for c in root.children if c.dep_ == "nsubj" and c.ent_type_ == "PERSON"]


def closes_sentence(text: str, q: MarkedQuote) -> bool:
    """Does the quotation end its sentence inside its marks (`"… in time."`)?"""
    return text[q.start : q.end].rstrip("\"”’'")[-1:] in (".", "!", "?")


def _names_someone(sent: Span) -> bool:
    """Does the sentence name a person, have a proper name as a subject, or speak of one
    ("he", "she")?"""
    return any(
        t.ent_type_ == "PERSON"
        or t.lower_ in ("he", "she")
        or (t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNP", "NNPS"))
        for t in sent
    )


def _named_after(doc: Doc, text: str, q: MarkedQuote) -> bool:
    """Does a name follow the quotation in its sentence (`"…," Mr Champion.`)?"""
    end = sentence_end_after(text, q.end, min(len(text), q.end + 200))
    after = tokens_between(doc, q.end, end)
    return after is not None and any(t.tag_ in ("NNP", "NNPS") for t in after)


def goes_on(
    doc: Doc, text: str, marked: list[MarkedQuote], n: int, sent_start: int, after_end: int
) -> bool:
    """Does the n-th quotation go on with the previous quotation's speaker? Yes when its
    sentence, starting at ``sent_start``, comes right after the previous quotation's and has no
    verb outside the marks (not `the "control orders" would be used`: a verb of its own).
    ``after_end`` is where the text after the quotation that counts ends. ``text`` is
    ``doc.text``, read once per document by the caller (spaCy rebuilds it on every read)."""
    end = sentence_end_after(text, marked[n - 1].end, sent_start + 1)
    if text[end:sent_start].strip():
        return False  # another sentence in between
    q = marked[n]
    after = q.end if closes_sentence(text, q) else after_end  # its sentence too
    outside = [tokens_between(doc, sent_start, q.start), tokens_between(doc, q.end, after)]
    words = [t for span in outside if span is not None for t in span if not t.is_punct]
    return bool(words) and not any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in words)
