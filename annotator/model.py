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

from annotator.errors import SchemeError, SpanError, printable

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
#: Built-in relation labels: quote -> speaker mention, quote -> cue.
RELATION_LABELS: frozenset[str] = frozenset({SPEAKER, CUE})
#: Links the pieces of a discontinuous span: the first fragment (head) to each later one.
FRAGMENT = "FRAGMENT"
#: Kinds of label a scheme holds. Span kinds label spans; the others label relations, span
#: attributes and whole documents.
SPAN_KINDS: tuple[str, ...] = ("entity", "span", "quote", "speaker", "cue", "boilerplate")
LABEL_KINDS: tuple[str, ...] = (*SPAN_KINDS, "relation", "attribute", "category")
#: Span group that imported spans go to when they cannot be entities (they overlap or nest).
DEFAULT_SPAN_GROUP = "sc"
#: Span group of suggestions a person rejected (Prodigy "reject"): kept, never gold.
REJECTED_GROUP = "rejected"
#: Key of a span's attrs holding its scheme attributes (name -> value; True for yes/no ones).
ATTRIBUTES = "attributes"
#: Answers a document label can have: the category applies, or was ruled out.
ANSWERS: tuple[str, ...] = ("accept", "reject")

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


def check_relation(
    label: str, head_label: str, child_label: str, *, where: str = "",
    rule: Label | None = None,
) -> None:  # fmt: skip
    """Built-in relations link a QUOTE (head) to a span of their own label, SPEAKER or CUE
    (child); FRAGMENT links two pieces of one label; any other relation follows its scheme
    ``rule`` (allowed head and child labels; none listed = any)."""
    if not isinstance(label, str) or not label.strip():
        raise SpanError(f"{where}a relation needs a label")
    if label == FRAGMENT:
        if head_label != child_label:
            raise SpanError(
                f"{where}fragments of one span share a label, not {head_label} and {child_label}"
            )
        return
    if label not in RELATION_LABELS:
        if rule is not None and rule.heads and head_label not in rule.heads:
            raise SpanError(
                f"{where}relation {label} takes a head labelled {', '.join(rule.heads)}, "
                f"not {head_label}"
            )
        if rule is not None and rule.children and child_label not in rule.children:
            raise SpanError(
                f"{where}relation {label} takes a child labelled {', '.join(rule.children)}, "
                f"not {child_label}"
            )
        return
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
    #: '' for the flat layer (entities never overlap there), else the span group (spaCy
    #: ``doc.spans[group]``) whose spans may overlap and nest.
    group: str = ""

    @property
    def is_entity(self) -> bool:
        """An entity: a flat-layer span whose label is not one of the built-in kinds."""
        return not self.group and self.label not in NON_ENTITY_LABELS

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]


def check_entities_apart(spans: Iterable[SpanData], *, where: str = "") -> None:
    """Entity spans of one layer never overlap; :class:`SpanError` names the first two that do."""
    entities = sorted((s for s in spans if s.is_entity), key=lambda s: (s.start, s.end))
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
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


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
    #: Document categories: label -> "accept" (applies) or "reject" (ruled out).
    categories: dict[str, str] = field(default_factory=dict)
    #: The annotation is partial (binary answers): unannotated tokens are unknown.
    partial: bool = False
    #: What the reader changed or left out of this document: message -> count.
    import_notes: dict[str, int] = field(default_factory=dict)
    #: Facts about the corpus as a whole the project keeps for exports ("brat:annotation.conf").
    corpus_settings: dict[str, str] = field(default_factory=dict)

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
    """One entry of a label scheme (resources/labels.json or a project's own).

    ``kind`` is one of :data:`LABEL_KINDS`. ``group`` is a span category's span group or a
    document category's set ("topic", "tone"); ``heads``/``children`` the labels a relation
    type may link (empty: any); ``values`` an attribute's allowed values (empty: yes/no);
    ``multi`` whether a category set takes several labels of a document at once.
    """

    name: str
    kind: str
    color: str = ""
    key: str = ""
    description: str = ""
    group: str = ""
    heads: tuple[str, ...] = ()
    children: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    multi: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The label as a scheme file entry, leaving out what its kind does not use."""
        out: dict[str, Any] = {"name": self.name, "kind": self.kind}
        for key in ("color", "key", "description", "group"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        for key in ("heads", "children", "values"):
            if getattr(self, key):
                out[key] = list(getattr(self, key))
        if self.multi:
            out["multi"] = True
        return out

    @classmethod
    def from_dict(cls, entry: dict[str, Any], *, where: str = "") -> Label:
        """A label from a scheme file entry; raise :class:`SchemeError` naming what is wrong."""
        if not isinstance(entry, dict):
            raise SchemeError(f"{where}a label must be an object, got {entry!r}")
        name, kind = entry.get("name"), entry.get("kind", "entity")
        if not isinstance(name, str) or not name.strip():
            raise SchemeError(f"{where}a label needs a name")
        if kind not in LABEL_KINDS:
            raise SchemeError(
                f"{where}label {name!r}: unknown kind {kind!r}; use one of {', '.join(LABEL_KINDS)}"
            )
        unknown = set(entry) - {"name", "kind", "color", "key", "description", "group", "heads",
                                "children", "values", "multi"}  # fmt: skip
        if unknown:
            raise SchemeError(f"{where}label {name!r}: unknown field {sorted(unknown)[0]!r}")

        def texts(key: str) -> tuple[str, ...]:
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise SchemeError(f"{where}label {name!r}: {key} must be a list of names")
            return tuple(value)

        def text(key: str) -> str:
            value = entry.get(key, "")
            if not isinstance(value, str):
                raise SchemeError(f"{where}label {name!r}: {key} must be text")
            return value

        return cls(
            name=name, kind=kind, color=text("color"), key=text("key"),
            description=text("description"), group=text("group"), heads=texts("heads"),
            children=texts("children"), values=texts("values"), multi=entry.get("multi") is True,
        )  # fmt: skip
