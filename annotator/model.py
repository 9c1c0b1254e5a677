"""Plain data shared by every layer: spans, relations, documents and the label scheme.

Offsets are Python ``str`` indices (code points) into the document text, end exclusive
(docs/design.md §1). Nothing here imports anything outside the standard library.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from annotator.errors import SpanError, printable

#: OntoNotes entity labels of the default English pipeline.
ENTITY_LABELS: tuple[str, ...] = (
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
    "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
)  # fmt: skip

QUOTE = "QUOTE"
SPEAKER = "SPEAKER"
CUE = "CUE"
BOILERPLATE = "BOILERPLATE"
#: Labels that are not entities: they may overlap entities and each other.
NON_ENTITY_LABELS: frozenset[str] = frozenset({QUOTE, SPEAKER, CUE, BOILERPLATE})
#: Relation labels: quote -> speaker mention, quote -> cue.
RELATION_LABELS: frozenset[str] = frozenset({SPEAKER, CUE})

SOURCES: frozenset[str] = frozenset({"model", "human"})
STATUSES: tuple[str, ...] = ("new", "in_progress", "done", "skipped")
#: What an export's status setting accepts: one status, or ``all`` documents.
STATUS_FILTERS: tuple[str, ...] = (*STATUSES, "all")
GOLD_LAYER = "gold"
MODEL_LAYER_PREFIX = "model:"


def label_kind(label: str) -> str:
    """The kind of a label: ``entity``, ``quote``, ``speaker``, ``cue`` or ``boilerplate``."""
    if label in NON_ENTITY_LABELS:
        return label.lower()
    return "entity"


def is_entity(label: str) -> bool:
    return label not in NON_ENTITY_LABELS


def model_layer(name: str, version: str) -> str:
    """Layer name of a pipeline's predictions: ``model:<name>@<version>``."""
    return f"{MODEL_LAYER_PREFIX}{name}@{version}"


def is_model_layer(layer: str) -> bool:
    return layer.startswith(MODEL_LAYER_PREFIX)


def check_relation(label: str, head_label: str, child_label: str, *, where: str = "") -> None:
    """A relation links a QUOTE (head) to a span of its own label: SPEAKER or CUE (child)."""
    if label not in RELATION_LABELS:
        raise SpanError(f"{where}unknown relation label {label!r}; use SPEAKER or CUE")
    if head_label != QUOTE or child_label != label:
        raise SpanError(
            f"{where}relation {label} must link a QUOTE to a {label} span, "
            f"not {head_label} to {child_label}"
        )


def check_label(label: object, *, where: str = "") -> None:
    """A label is a non-empty name without control characters (tabs and newlines break CoNLL,
    brat and TSV files) or lone surrogates."""
    if not isinstance(label, str) or not label.strip():
        raise SpanError(f"{where}a span label must be a non-empty string, got {label!r}")
    bad = next((ch for ch in label if unicodedata.category(ch) in ("Cc", "Cs")), None)
    if bad is not None:
        kind = "a lone surrogate" if unicodedata.category(bad) == "Cs" else "a control character"
        raise SpanError(
            f"{where}label '{printable(label)}' holds {kind} ({printable(bad)}); "
            "labels are plain names"
        )


def check_fields(record: DocumentRecord) -> None:
    """The fields a file gave a record have the types the store keeps and are valid Unicode.

    A NUL in the text is refused rather than stripped: removing it would move the offsets of
    every span after it, and no news text holds one on purpose.
    """
    for field_name, value, optional in (
        ("name", record.name, False), ("title", record.title, True),
        ("layer", record.layer, True), ("status", record.status, True),
    ):  # fmt: skip
        if not (isinstance(value, str) or (optional and value is None)):
            kind = type(value).__name__
            raise SpanError(f"the document {field_name} must be a string, got {kind}")
        if isinstance(value, str) and _has_surrogate(value):
            raise SpanError(f"the document {field_name} holds a lone surrogate (invalid Unicode)")
    if not isinstance(record.text, str):
        raise SpanError(f"the text must be a string, got {type(record.text).__name__}")
    if _has_surrogate(record.text):
        at = next(i for i, ch in enumerate(record.text) if 0xD800 <= ord(ch) <= 0xDFFF)
        raise SpanError(f"the text holds a lone surrogate (invalid Unicode) at offset {at}")
    if "\x00" in record.text:
        at = record.text.index("\x00")
        raise SpanError(f"the text holds a NUL character (\\u0000) at offset {at}; remove it")
    if not isinstance(record.meta, dict):
        raise SpanError(f"meta must be a JSON object, got {type(record.meta).__name__}")
    if _has_surrogate(record.meta):
        raise SpanError("meta holds a lone surrogate (invalid Unicode)")


def _has_surrogate(value: object) -> bool:
    """True if a string anywhere in ``value`` (nested dicts and lists) is not encodable."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return False


def check_offsets(start: int, end: int, text_length: int, *, where: str = "") -> None:
    """Enforce ``0 <= start < end <= len(text)``; raise :class:`SpanError` naming ``where``."""
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
        raise SpanError(f"{where}span offsets must be integers, got {start!r}..{end!r}")
    if not 0 <= start < end <= text_length:
        raise SpanError(
            f"{where}span {start}..{end} is outside the text (0..{text_length}) or empty"
        )


@dataclass(frozen=True)
class SpanData:
    """One annotation, detached from the database: what readers yield and writers take."""

    start: int
    end: int
    label: str
    source: str = "model"
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    reviewed: bool = False
    #: Database id when the span came from a store, else None.
    id: int | None = field(default=None, compare=False)

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]


def check_entities_apart(spans: Iterable[SpanData], *, where: str = "") -> None:
    """Entity spans of one layer never overlap; :class:`SpanError` names the first two that do."""
    entities = sorted((s for s in spans if is_entity(s.label)), key=lambda s: (s.start, s.end))
    for earlier, later in pairwise(entities):
        if later.start < earlier.end:
            raise SpanError(
                f"{where}entities {earlier.label} {earlier.start}..{earlier.end} and "
                f"{later.label} {later.start}..{later.end} overlap"
            )


@dataclass(frozen=True)
class RelationData:
    """A link between two spans of the same record, by their index in ``DocumentRecord.spans``."""

    head: int
    child: int
    label: str


@dataclass
class DocumentRecord:
    """A document with one layer of annotations, as it crosses a file format boundary.

    ``name`` is the file name for text files, the ``id``/``meta.id`` of a JSONL record.
    ``status`` is the annotator status to give the document on import (None = leave as is).
    """

    name: str
    text: str
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    spans: list[SpanData] = field(default_factory=list)
    relations: list[RelationData] = field(default_factory=list)
    layer: str | None = None
    status: str | None = None
    #: Database id when the record came from a store.
    id: int | None = None

    def validate(self) -> None:
        """Check the fields' types and characters, every span against the text and every relation
        against the spans."""
        check_fields(self)
        where = f"{self.name}: "
        for span in self.spans:
            check_offsets(span.start, span.end, len(self.text), where=where)
            if span.source not in SOURCES:
                raise SpanError(f"{where}unknown span source {span.source!r}")
            check_label(span.label, where=where)
            if not isinstance(span.attrs, dict) or _has_surrogate(span.attrs):
                raise SpanError(f"{where}span attributes must be an object of valid text")
        check_entities_apart(self.spans, where=where)
        for rel in self.relations:
            if not (0 <= rel.head < len(self.spans) and 0 <= rel.child < len(self.spans)):
                raise SpanError(f"{where}relation {rel.label} points at a missing span")
            check_relation(
                rel.label, self.spans[rel.head].label, self.spans[rel.child].label, where=where
            )

    def quotes(self) -> list[tuple[SpanData, SpanData | None, SpanData | None]]:
        """Each QUOTE span with its linked speaker and cue spans (or None), in text order."""
        linked: dict[int, dict[str, SpanData]] = {}
        for rel in self.relations:
            linked.setdefault(rel.head, {})[rel.label] = self.spans[rel.child]
        out = []
        for i, span in enumerate(self.spans):
            if span.label == QUOTE:
                links = linked.get(i, {})
                out.append((span, links.get(SPEAKER), links.get(CUE)))
        return sorted(out, key=lambda q: (q[0].start, q[0].end))


@dataclass(frozen=True)
class Label:
    """One entry of a label scheme (resources/labels.json or a project's own)."""

    name: str
    kind: str
    color: str
    key: str = ""
    description: str = ""
