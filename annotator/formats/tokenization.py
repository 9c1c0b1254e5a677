"""spaCy tokens for the token-based formats (DocBin, Prodigy ``tokens``, CoNLL, hf).

Tokens come from ``spacy.blank(lang)``: fast, no model needed, the same rules ``spacy train``
uses on raw text. A span that does not align to token boundaries is reported and left out,
never moved (docs/design.md §1). spaCy is imported lazily: importing ``annotator.formats``
stays cheap.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from annotator.errors import ExportError
from annotator.formats.base import WriteReport
from annotator.model import DocumentRecord, SpanData

#: Meta key and value of a record whose text is a file's tokens joined by spaces and line breaks.
TOKENIZATION_KEY = "tokenization"
#: The language the project's texts are tokenized for (exports and the editor's snapping).
DEFAULT_LANG = "en"
WHITESPACE = "whitespace"
_CHUNKS = re.compile(r"\S+|\s+")
_SPACY_IMPORT = threading.Lock()

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import Sentencizer
    from spacy.tokens import Doc, Span


#: ``nlp.max_length`` of the tokenizer-only pipelines: spaCy's default (1,000,000 characters)
#: guards the memory of the parser and NER, which never run here; the tokenizer and the
#: rule-based sentencizer are linear, so any document the project holds is tokenized.
TOKENIZER_MAX_LENGTH = 2**62


def import_spacy() -> None:
    """Import spaCy, one thread at a time.

    spaCy's modules import each other in a circle, so two threads importing it at the same
    moment (the app's tokenizer warm-up and a background job) can each meet the other's
    half-initialised module: ``ImportError: cannot import name 'Language' from partially
    initialized module 'spacy.language'``. Every thread that may import spaCy first calls this.
    """
    with _SPACY_IMPORT:
        import spacy  # noqa: F401


@cache
def tokenizer_for(lang: str) -> Language:
    """A pipeline whose tokenizer splits text for ``lang`` (a language code or a pipeline);
    only its tokenizer is used, so spaCy's length limit is lifted."""
    import_spacy()
    import spacy

    try:
        nlp = spacy.blank(lang)
    except ImportError:
        try:
            nlp = spacy.load(lang)
        except (OSError, ImportError, ValueError):
            raise ExportError(
                f"unknown spaCy language or pipeline {lang!r}: use a language code such as 'en'"
            ) from None
    nlp.max_length = TOKENIZER_MAX_LENGTH
    return nlp


def is_pretokenized(record: DocumentRecord) -> bool:
    """True for a text made of a file's own tokens (CoNLL, hf without text): see doc_for."""
    return record.meta.get(TOKENIZATION_KEY) == WHITESPACE


def doc_for(record: DocumentRecord, lang: str) -> Doc:
    """The record's tokens: spaCy's, or for a pre-tokenized record the ones between spaces and
    line breaks, so data imported from CoNLL keeps its own tokens (and lines as sentences)."""
    nlp = tokenizer_for(lang)
    if not is_pretokenized(record):
        return nlp.make_doc(record.text)
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    for match in _CHUNKS.finditer(record.text):
        chunk = match.group()
        if chunk == " " and words and not words[-1].isspace():
            spaces[-1] = True
        else:
            words.append(chunk)
            spaces.append(False)
    return Doc(nlp.vocab, words=words, spaces=spaces)


@lru_cache(maxsize=32)
def token_bounds(
    text: str, *, pretokenized: bool = False, lang: str = DEFAULT_LANG
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Starts and ends of the non-space tokens the exports cut ``text`` into (cached per text).

    The editor snaps selections to these, so every span it draws aligns with the tokens of the
    token-based formats.
    """
    meta = {TOKENIZATION_KEY: WHITESPACE} if pretokenized else {}
    doc = doc_for(DocumentRecord(name="", text=text, meta=meta), lang)
    kept = [
        (start, end) for start, end, _space in token_offsets(doc) if not text[start:end].isspace()
    ]
    return tuple(s for s, _e in kept), tuple(e for _s, e in kept)


def token_array(doc: Doc) -> Any:
    """A numpy array of ``(start, length, followed by a space)`` rows, one per token: 24 bytes a
    token, for writers that go through a huge document a slice at a time."""
    import numpy

    if not len(doc):
        return numpy.zeros((0, 3), dtype="uint64")
    return doc.to_array(["IDX", "LENGTH", "SPACY"])


def token_offsets(doc: Doc) -> list[tuple[int, int, bool]]:
    """``(start, end, followed by a space)`` of every token: cheaper than iterating Tokens."""
    rows = token_array(doc).tolist()
    return [(idx, idx + length, bool(space)) for idx, length, space in rows]


def char_span(doc: Doc, span: SpanData) -> Span | None:
    """The tokens exactly covering ``span``, or None when it does not align to token boundaries."""
    return doc.char_span(span.start, span.end, label=span.label, alignment_mode="strict")


def alignment_check(
    doc: Doc, report: WriteReport, *, fmt: str, name: str
) -> Callable[[SpanData], bool]:
    """A ``fits`` test for :func:`selection.select`: aligned spans pass, the others are counted."""

    def fits(span: SpanData) -> bool:
        if char_span(doc, span) is not None:
            return True
        text = " ".join(doc.text[span.start : span.end].split())
        report.warn(
            f"{fmt}: {span.label} spans not aligned to token boundaries left out "
            f"(document {name!r}, {span.start}..{span.end} {text!r})"
        )
        return False

    return fits


@cache
def _sentencizer() -> Sentencizer:
    from spacy.pipeline import Sentencizer

    return Sentencizer()


def sentence_starts(
    doc: Doc, *, keep_together: Sequence[tuple[int, int]] = (), sentencizer: bool = True
) -> list[bool]:
    """Sentence starts from spaCy's rule-based sentencizer, plus one after every line break.

    ``keep_together`` holds token ranges ``[start, end)`` (entities) that no sentence boundary
    may cut. Without ``sentencizer`` only line breaks start sentences.
    """
    if sentencizer and len(doc):
        starts = [bool(g) for g in _sentencizer().predict([doc])[0]]
    else:
        starts = [False] * len(doc)
    for i in range(1, len(doc)):
        if "\n" in doc[i - 1].text and doc[i - 1].text.isspace():
            starts[i] = True
    for start, end in keep_together:
        for i in range(start + 1, end):
            starts[i] = False
    if starts:
        starts[0] = True
    return starts
