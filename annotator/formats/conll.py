"""CoNLL-2003 style NER files: one token per line, entities as IOB1, IOB2 or BILOU tags.

Written shape (what ``spacy convert -c ner`` and seqeval-based scripts read)::

    -DOCSTART- -X- O O
    <blank>
    Mr -X- _ B-PERSON
    Hussain -X- _ I-PERSON
    said -X- _ O
    <blank line between sentences>

Columns are token, POS (``-X-``: none), chunk (``_``: none) and the entity tag; the reader
takes the first column as the token and the last as the tag, so two-column files read too. The
columns between them (CoNLL-2003's POS and chunk tags) are kept in ``meta["conll_columns"]``
and written back while the document has the same tokens. A ``-`` tag (spaCy's missing value)
marks a partial annotation: the token's entity is unknown.
Sentences come from spaCy's sentencizer on ``spacy.blank(lang)`` plus every line break; a
sentence never cuts an entity. Whitespace tokens are not written. Only entities fit: QUOTE,
SPEAKER, CUE, BOILERPLATE, relations, names, titles, meta and span sources are counted in the
report. The reader rebuilds the text as tokens joined by single spaces and sentences by
``\\n``, one document per ``-DOCSTART-``, and marks it ``meta["tokenization"] = "whitespace"``:
token-based exports then keep the file's own tokens and sentences (tokenization.py), so
export → import → export gives the same file, and imported CoNLL corpora keep their tokens.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.errors import ExportError, InputError
from annotator.formats.base import ReadItem, ReadOptions, WriteOptions, WriteReport
from annotator.formats.decoding import UNREMARKABLE_ENCODINGS, iter_text_lines
from annotator.formats.records import (
    default_source,
    display_name,
    finish_record,
    resolve_layer,
)
from annotator.formats.selection import atomic_output, select
from annotator.formats.tokenization import (
    TOKENIZATION_KEY,
    WHITESPACE,
    alignment_check,
    char_span,
    doc_for,
    is_pretokenized,
    sentence_starts,
    token_offsets,
)
from annotator.model import DocumentRecord, SpanData

if TYPE_CHECKING:
    from spacy.tokens import Doc

DOCSTART = "-DOCSTART-"
DOCSTART_LINE = "-DOCSTART- -X- O O"
SCHEMES = ("iob1", "iob2", "bilou")
TAG_PREFIXES = frozenset("BILUES")


def entity_tags(entities: list[tuple[int, int, str]], length: int, scheme: str) -> list[str]:
    """Tags for ``length`` tokens holding ``entities`` (token ``[start, end)`` and label)."""
    tags = ["O"] * length
    previous: tuple[int, str] | None = None  # (end, label) of the entity before
    for start, end, label in sorted(entities):
        size = end - start
        if scheme == "iob2":
            tags[start:end] = [f"B-{label}"] + [f"I-{label}"] * (size - 1)
        elif scheme == "iob1":
            tags[start:end] = [f"I-{label}"] * size
            if previous == (start, label):
                tags[start] = f"B-{label}"
        else:
            if size == 1:
                tags[start] = f"U-{label}"
            else:
                tags[start:end] = [f"B-{label}"] + [f"I-{label}"] * (size - 2) + [f"L-{label}"]
        previous = (end, label)
    return tags


def tags_to_entities(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entities (token ``[start, end)``, label) of IOB1, IOB2, BILOU or IOBES tags, leniently:
    an ``I-`` that follows ``O`` or another label starts an entity, as IOB1 allows."""
    entities: list[tuple[int, int, str]] = []
    current: tuple[int, str] | None = None  # (start, label) of the open entity, entities[-1]
    closed = True
    for i, tag in enumerate(tags):
        if tag == "O":
            current, closed = None, True
            continue
        prefix, label = tag[0], tag[2:]
        if prefix in "BUS" or closed or current is None or current[1] != label:
            current = (i, label)
            entities.append((i, i + 1, label))
        else:
            entities[-1] = (current[0], i + 1, label)
        closed = prefix in "LUES"
    return entities


def valid_tag(tag: str) -> bool:
    return tag in ("O", MISSING) or (len(tag) > 2 and tag[0] in TAG_PREFIXES and tag[1] == "-")


def write_conll(records: Iterable[DocumentRecord], out: Path, options: WriteOptions) -> WriteReport:
    scheme = options.scheme.lower()
    if scheme not in SCHEMES:
        raise ExportError(f"unknown tag scheme {options.scheme!r}; use one of {', '.join(SCHEMES)}")
    report = WriteReport()
    with atomic_output(out) as f:
        for record in records:
            f.write(DOCSTART_LINE + "\n\n")
            sentences = document_sentences(record, options, report, fmt="conll", scheme=scheme)
            middle = _middle_columns(record, sum(len(s) for s in sentences), report)
            for sentence in sentences:
                f.writelines(f"{token} {next(middle)} {tag}\n" for token, tag in sentence)
                f.write("\n")
            report.documents += 1
    if report.documents:
        report.warn(
            "conll holds no document names, titles, meta, layers or span sources",
            report.documents,
        )
    report.paths.append(Path(out))
    return report


#: The tag of a token whose annotation is unknown (spaCy's missing value).
MISSING = "-"


#: The columns between token and tag this writer puts when it knows no others.
DEFAULT_MIDDLE = "-X- _"
#: Document meta key of the columns between token and tag that a CoNLL import read.
COLUMNS_KEY = "conll_columns"


def _middle_columns(record: DocumentRecord, tokens: int, report: WriteReport) -> Iterator[str]:
    """The columns between each written token and its tag: those the import read (POS, chunk)
    when the document still has the same tokens, else ``-X- _``."""
    kept = record.meta.get(COLUMNS_KEY)
    if isinstance(kept, list) and len(kept) == tokens and all(isinstance(c, str) for c in kept):
        yield from (c or DEFAULT_MIDDLE for c in kept)
        return
    if kept is not None:
        report.warn(
            "conll: the columns an import read no longer match the tokens: written as -X- _"
        )
    while True:
        yield DEFAULT_MIDDLE


def tagged_tokens(
    record: DocumentRecord, options: WriteOptions, report: WriteReport, *, fmt: str, scheme: str
) -> tuple[Doc, list[str], list[int], list[str], list[tuple[int, int]]]:
    """Tokens of the record: the Doc, every token's text, the indices of the non-whitespace
    tokens, their tags, and the Doc token ranges of the entities written."""
    doc = doc_for(record, options.lang)
    fits = alignment_check(doc, report, fmt=fmt, name=record.name)
    selection = select(record, options, report, fmt=fmt, holds=lambda s: s.is_entity,
                       fits=fits)  # fmt: skip
    text = record.text
    words = [text[start:end] for start, end, _ in token_offsets(doc)]
    keep = [i for i, word in enumerate(words) if not word.isspace()]
    position = {token_i: n for n, token_i in enumerate(keep)}
    ranges, entities = [], []
    for span in selection.spans:
        tokens = char_span(doc, span)
        assert tokens is not None
        inside = [position[i] for i in range(tokens.start, tokens.end) if i in position]
        if inside:
            ranges.append((tokens.start, tokens.end))
            entities.append((inside[0], inside[-1] + 1, span.label))
        else:
            report.warn(f"{fmt}: {span.label} spans of whitespace only left out")
    tags = entity_tags(entities, len(keep), scheme)
    if record.partial:  # binary answers: a token outside the spans is unknown, not O
        tags = [MISSING if tag == "O" else tag for tag in tags]
        report.warn(f"{fmt}: partial annotations: tokens outside their spans written as "
                    f"{MISSING!r} (missing), not O")  # fmt: skip
    return doc, words, keep, tags, ranges


def document_sentences(
    record: DocumentRecord, options: WriteOptions, report: WriteReport, *, fmt: str, scheme: str
) -> list[list[tuple[str, str]]]:
    """The record's sentences as ``(token, tag)`` pairs, whitespace tokens left out."""
    doc, words, keep, tags, ranges = tagged_tokens(record, options, report, fmt=fmt, scheme=scheme)
    starts = sentence_starts(doc, keep_together=ranges, sentencizer=not is_pretokenized(record))
    sentences: list[list[tuple[str, str]]] = []
    pending_start = True
    for position, token in enumerate(keep):
        pending_start = (
            pending_start or starts[token] or any(starts[j] for j in _between(keep, position))
        )
        if pending_start:
            sentences.append([])
            pending_start = False
        sentences[-1].append((token_text(words[token], report, fmt), tags[position]))
    return sentences


def _between(keep: list[int], n: int) -> range:
    """Token indices of the whitespace tokens just before ``keep[n]``."""
    return range(keep[n - 1] + 1 if n else 0, keep[n])


def token_text(text: str, report: WriteReport, fmt: str) -> str:
    if text == DOCSTART:
        report.warn(f"{fmt}: token {DOCSTART} written as DOCSTART (it would split the document)")
        return "DOCSTART"
    if any(ch.isspace() for ch in text):
        report.warn(f"{fmt}: whitespace inside a token replaced by '_'")
        return "".join("_" if ch.isspace() else ch for ch in text)
    return text


def read_conll(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    """Documents of a CoNLL file; a bad line rejects its document only."""
    where = str(path)
    file_name = display_name(path, options)
    sentences: list[list[tuple[str, str, str]]] = [[]]
    doc_line, bad, any_token = 1, False, False
    encodings: set[str] = set()  # of the current document's lines that were not UTF-8
    for number, line, encoding in iter_text_lines(path, max_line_bytes=options.max_bytes):
        if encoding not in UNREMARKABLE_ENCODINGS:
            encodings.add(encoding)
        if isinstance(line, InputError):
            yield line
            bad = True
            continue
        columns = line.split()
        if not columns:
            if sentences[-1]:
                sentences.append([])
            continue
        if columns[0] == DOCSTART:
            if not bad:
                yield from _document(sentences, path, doc_line, file_name, options, encodings)
            sentences, doc_line, bad, encodings = [[]], number, False, set()
            continue
        any_token = True
        if len(columns) < 2:
            yield InputError("expected a token and a tag separated by spaces", path=where,
                             line=number)  # fmt: skip
            bad = True
            continue
        if not valid_tag(columns[-1]):
            yield InputError(f"invalid entity tag {columns[-1]!r}", path=where, line=number)
            bad = True
            continue
        sentences[-1].append((columns[0], columns[-1], " ".join(columns[1:-1])))
    if not bad:
        yield from _document(sentences, path, doc_line, file_name, options, encodings)
    if not any_token:
        yield InputError("no tokens in the file, nothing to import", path=where)


def _document(
    sentences: list[list[tuple[str, str, str]]], path: Path, line: int, file_name: str,
    options: ReadOptions, encodings: set[str],
) -> Iterator[ReadItem]:  # fmt: skip
    sentences = [s for s in sentences if s]
    if not sentences:
        return
    tokens = [token for sentence in sentences for token, _, _ in sentence]
    tags = [tag for sentence in sentences for _, tag, _ in sentence]
    middles = [middle for sentence in sentences for _, _, middle in sentence]
    partial = MISSING in tags
    tags = ["O" if tag == MISSING else tag for tag in tags]
    offsets, pos = [], 0
    for sentence in sentences:
        for k, (token, _, _) in enumerate(sentence):
            offsets.append(pos)
            pos += len(token) + (1 if k < len(sentence) - 1 else 0)
        pos += 1
    text = "\n".join(" ".join(token for token, _, _ in sentence) for sentence in sentences)
    layer = resolve_layer(options)
    source = default_source(layer)
    spans = [
        SpanData(offsets[s], offsets[e - 1] + len(tokens[e - 1]), label, source=source)
        for s, e, label in tags_to_entities(tags)
    ]
    meta: dict[str, Any] = {TOKENIZATION_KEY: WHITESPACE}
    if any(middle not in (DEFAULT_MIDDLE, "") for middle in middles):
        meta[COLUMNS_KEY] = middles  # POS, chunk...: written back by the export
    if encodings:  # lines decoded as cp1252: the import notes it
        meta["encoding"] = "+".join(sorted(encodings))
    record = DocumentRecord(
        name=f"{file_name}:{line}", text=text, spans=spans, layer=layer, meta=meta,
        partial=partial,
    )  # fmt: skip
    yield finish_record(record, options, path, line)
