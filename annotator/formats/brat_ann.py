"""brat's ``.ann`` standoff lines to spans and relations and back, losing nothing we can hold.

How each kind of line is kept (and written back the same way):

- ``T`` text-bound annotation: a span. It is an entity when it fits the flat layer (no overlap
  with an entity before it in the file); an overlapping, nested or repeated one goes to span
  group ``sc``. A discontinuous span broken only at line breaks (what brat does to a span over a
  paragraph end) is one span; one with anything else in a gap (a space, words) is kept as one
  span per fragment, the first linked to each later one by a ``FRAGMENT`` relation, and written
  back as one discontinuous ``T`` line.
- ``E`` event: a span of the event type in group ``events`` over its trigger's text, linked to
  each argument (a span, or another event's span) by a relation named after the role.
- ``R`` relation: a relation (head = ``Arg1``, child = ``Arg2``; other role names are kept in
  the relation's attrs). ``*`` equivalence (``* Equiv T1 T2 T3``): relations from the first to
  each other member, marked ``{"brat": "equiv"}``.
- ``A``/``M`` attribute: ``attrs["attributes"][name] = value`` (``True`` for a binary one) of
  the span, event or relation; written back as ``A`` lines.
- ``N`` normalization: ``attrs["normalizations"]``: ``{"type", "ref", "text"}`` entries.
- ``#`` note: ``AnnotatorNotes`` text in ``attrs["note"]`` (one line per note), notes of other
  types in ``attrs["brat_notes"]`` as ``[type, text]`` pairs. In a folder of our own export,
  ``key: value`` notes are span attrs (``source``, ``reviewed``, ``speaker_name``...).

What cannot be kept (a line that does not parse, a span whose text does not match the ``.txt``,
an argument that points nowhere) is left out and counted in ``DocumentRecord.import_notes``; the
document itself is always imported.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from annotator.model import (
    ATTRIBUTES,
    DEFAULT_SPAN_GROUP,
    FRAGMENT,
    NON_ENTITY_LABELS,
    RelationData,
    SpanData,
)

#: Span group that holds brat events (one span per event, over its trigger).
EVENT_GROUP = "events"
NORMALIZATIONS = "normalizations"
NOTE = "note"
BRAT_NOTES = "brat_notes"
#: Relation attrs: ``{"brat": "equiv"}`` marks an equivalence, ``roles`` other role names.
KIND = "brat"
EQUIV = "equiv"
ROLES = "roles"
#: Span attrs that have a brat line of their own (not written as ``key: value`` notes).
OWN_LINES = frozenset({ATTRIBUTES, NORMALIZATIONS, NOTE, BRAT_NOTES})
#: Every character ``str.splitlines`` breaks at: none may appear inside a T line.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_FRAGMENT = re.compile(f"[^{LINE_BREAKS}]+")
_NOTE_TEXT = re.compile(r"([A-Za-z_][\w.-]*): (.*)")
_NOTE_JSON = re.compile(r"([A-Za-z_][\w.-]*) = (.*)")
_ARG = re.compile(r"([^\s:]+):(\S+)")


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of ``text[start:end]`` between line breaks."""
    return [m.span() for m in _FRAGMENT.finditer(text, start, end)]


@dataclass
class Parsed:
    spans: list[SpanData] = field(default_factory=list)
    relations: list[RelationData] = field(default_factory=list)
    #: What was changed or left out: message -> count.
    notes: Counter[str] = field(default_factory=Counter)


class _Reader:
    """One ``.ann`` file read against its raw text (offsets count the raw text)."""

    def __init__(self, raw: str, default_source: str, own_notes: bool):
        self.raw = raw
        self.default = default_source
        self.own_notes = own_notes
        self.out = Parsed()
        self.ids: dict[str, int] = {}  # T and E id -> index of its (first) span
        self.relation_ids: dict[str, int] = {}
        self.flat: list[tuple[int, int]] = []

    def lost(self, what: str, count: int = 1) -> None:
        self.out.notes[f"brat: {what}"] += count

    # -- spans -------------------------------------------------------------------------------
    def place(self, start: int, end: int, label: str, group: str = "") -> int:
        """Add a span; an entity that would overlap an earlier one goes to group ``sc``."""
        if not group and label not in NON_ENTITY_LABELS:
            if any(s < end and start < e for s, e in self.flat):
                group = DEFAULT_SPAN_GROUP
                self.lost(f"overlapping, nested or repeated spans kept in span group "
                          f"{DEFAULT_SPAN_GROUP!r}")  # fmt: skip
            else:
                self.flat.append((start, end))
        self.out.spans.append(SpanData(start, end, label, self.default, {}, group=group))
        return len(self.out.spans) - 1

    def textbound(self, ident: str, data: str, tail: str) -> None:
        label, _, offsets = data.partition(" ")
        try:
            pieces = [tuple(int(x) for x in part.split()) for part in offsets.split(";")]
            if not label or not pieces or any(len(p) != 2 for p in pieces):
                raise ValueError
        except ValueError:
            self.lost("T lines that do not read as 'TYPE START END[;START END]' left out")
            return
        if any(not 0 <= s < e <= len(self.raw) for s, e in pieces):
            self.lost("T lines with offsets outside the text left out")
            return
        covered = " ".join(self.raw[s:e] for s, e in pieces)
        if tail and tail != covered and tail != covered.replace("\n", " "):
            self.lost("T lines whose text does not match the .txt at their offsets left out")
            return
        merged: list[list[int]] = []
        for s, e in sorted(pieces):
            if merged and all(ch in LINE_BREAKS for ch in self.raw[merged[-1][1] : s]):
                if s > merged[-1][1]:
                    self.lost("discontinuous spans broken only at line breaks joined into one")
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        first = self.place(merged[0][0], merged[0][1], label)
        self.ids[ident] = first
        if len(merged) > 1:
            self.lost(f"discontinuous spans kept as fragments linked by {FRAGMENT} relations")
            for s, e in merged[1:]:
                piece = self.place(s, e, label, self.out.spans[first].group)
                self.out.relations.append(RelationData(first, piece, FRAGMENT))

    # -- the other lines ---------------------------------------------------------------------
    def target(self, ident: str) -> dict[str, Any] | None:
        """The attrs of the span, event or relation ``ident`` names."""
        if ident in self.ids:
            return self.out.spans[self.ids[ident]].attrs
        if ident in self.relation_ids:
            return self.out.relations[self.relation_ids[ident]].attrs
        return None

    def events(self, lines: list[tuple[str, str]]) -> None:
        """Events first get their spans (so events may name later events), then their roles."""
        parsed = []
        for ident, data in lines:
            head, *args = data.split()
            etype, _, trigger = head.partition(":")
            if trigger not in self.ids:
                self.lost("events whose trigger is missing left out")
                continue
            span = self.out.spans[self.ids[trigger]]
            self.ids[ident] = self.place(span.start, span.end, etype, EVENT_GROUP)
            parsed.append((ident, args))
        for ident, args in parsed:
            for arg in args:
                match = _ARG.fullmatch(arg)
                if match is None or match[2] not in self.ids:
                    self.lost("event arguments that point nowhere left out")
                    continue
                self.out.relations.append(
                    RelationData(self.ids[ident], self.ids[match[2]], match[1])
                )

    def relation(self, ident: str, data: str) -> None:
        rtype, *args = data.split()
        matches = [_ARG.fullmatch(a) for a in args]
        if len(matches) != 2 or None in matches:
            self.lost("R lines that do not read as 'TYPE Arg1:ID Arg2:ID' left out")
            return
        (role1, head), (role2, child) = [(m[1], m[2]) for m in matches if m is not None]
        if head not in self.ids or child not in self.ids:
            self.lost("relations to a missing span left out")
            return
        plain = (role1, role2) == ("Arg1", "Arg2")
        attrs: dict[str, Any] = {} if plain else {ROLES: [role1, role2]}
        self.relation_ids[ident] = len(self.out.relations)
        self.out.relations.append(RelationData(self.ids[head], self.ids[child], rtype, attrs))

    def equivalence(self, data: str) -> None:
        etype, *members = data.split()
        known = [m for m in members if m in self.ids]
        if len(known) < len(members):
            self.lost("equivalence members that point nowhere left out")
        for member in known[1:]:
            self.out.relations.append(
                RelationData(self.ids[known[0]], self.ids[member], etype, {KIND: EQUIV})
            )

    def attribute(self, data: str) -> None:
        name, target, *value = data.split()
        attrs = self.target(target)
        if attrs is None:
            self.lost("attributes of a missing annotation left out")
            return
        attrs.setdefault(ATTRIBUTES, {})[name] = " ".join(value) if value else True

    def normalization(self, data: str, tail: str) -> None:
        ntype, target, *ref = data.split()
        attrs = self.target(target)
        if attrs is None or len(ref) != 1:
            self.lost("normalizations of a missing annotation left out")
            return
        attrs.setdefault(NORMALIZATIONS, []).append({"type": ntype, "ref": ref[0], "text": tail})

    def note(self, data: str, tail: str) -> None:
        ntype, _, target = data.partition(" ")
        attrs = self.target(target.strip())
        if attrs is None:
            self.lost("notes on a missing annotation left out")
            return
        if ntype != "AnnotatorNotes":
            attrs.setdefault(BRAT_NOTES, []).append([ntype, tail])
        elif not (self.own_notes and _own_note(attrs, tail)):
            attrs[NOTE] = f"{attrs[NOTE]}\n{tail}" if NOTE in attrs else tail


def _own_note(attrs: dict[str, Any], note: str) -> bool:
    """A ``key: text`` or ``key = JSON`` note of our own export: a span attr."""
    if match := _NOTE_JSON.fullmatch(note):
        try:
            attrs[match[1]] = json.loads(match[2])
        except ValueError:
            attrs[match[1]] = match[2]
        return True
    if match := _NOTE_TEXT.fullmatch(note):
        attrs[match[1]] = match[2]
        return True
    return False


def parse_ann(ann_text: str, raw: str, *, default_source: str, own_notes: bool) -> Parsed:
    """Spans and relations of an ``.ann`` file; offsets are into ``raw``."""
    reader = _Reader(raw, default_source, own_notes)
    by_kind: dict[str, list[tuple[str, str, str]]] = {k: [] for k in "TERAN#*"}
    for line in ann_text.split("\n"):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        ident, _, rest = line.partition("\t")
        data, _, tail = rest.partition("\t")
        kind = "A" if ident[:1] == "M" else ident[:1]
        if kind not in by_kind or not data.strip():
            reader.lost(f"unknown or empty annotation lines ({ident[:1] or 'blank'}...) left out")
            continue
        by_kind[kind].append((ident.strip(), data.strip(), tail))
    for ident, data, tail in by_kind["T"]:
        reader.textbound(ident, data, tail)
    reader.events([(ident, data) for ident, data, _ in by_kind["E"]])
    for ident, data, _ in by_kind["R"]:
        reader.relation(ident, data)
    for _, data, _ in by_kind["*"]:
        reader.equivalence(data)
    for _, data, _ in by_kind["A"]:
        reader.attribute(data)
    for _, data, tail in by_kind["N"]:
        reader.normalization(data, tail)
    for _, data, tail in by_kind["#"]:
        reader.note(data, tail)
    out = reader.out
    out.spans = [
        SpanData(s.start, s.end, s.label, _source(s, default_source), s.attrs,
                 s.attrs.pop("reviewed", False) is True, group=s.group)
        for s in out.spans
    ]  # fmt: skip
    return out


def _source(span: SpanData, default: str) -> str:
    value = span.attrs.pop("source", None)
    return value if value in ("model", "human") else default


class _Writer:
    """The ``.ann`` lines of one document's spans and relations (after selection)."""

    def __init__(self, text: str, spans: list[SpanData], relations: list[RelationData],
                 default_source: str):  # fmt: skip
        self.text = text
        self.spans = spans
        self.relations = relations
        self.default = default_source
        self.lines: list[str] = []
        self.counts: Counter[str] = Counter()
        self.skipped: Counter[str] = Counter()

    def new_id(self, prefix: str) -> str:
        self.counts[prefix] += 1
        return f"{prefix}{self.counts[prefix]}"

    def write(self) -> list[str]:
        pieces: dict[int, list[int]] = {}  # first fragment -> later fragments
        later: set[int] = set()
        for rel in self.relations:
            if rel.label == FRAGMENT:
                pieces.setdefault(rel.head, []).append(rel.child)
                later.add(rel.child)
        ids: dict[int, str] = {}
        by_place: dict[tuple[int, int, str], str] = {}
        for i, span in enumerate(self.spans):
            if span.group == EVENT_GROUP or i in later:
                continue
            ids[i] = self.new_id("T")
            parts = [span, *(self.spans[j] for j in pieces.get(i, []))]
            ranges = sorted(r for p in parts for r in fragments(self.text, p.start, p.end))
            offsets = ";".join(f"{s} {e}" for s, e in ranges)
            covered = " ".join(self.text[s:e] for s, e in ranges)
            self.lines.append(f"{ids[i]}\t{brat_type(span.label)} {offsets}\t{covered}")
            by_place.setdefault((span.start, span.end, span.label), ids[i])
        events = [i for i, s in enumerate(self.spans) if s.group == EVENT_GROUP]
        for i in events:
            ids[i] = self.new_id("E")
        roles: dict[int, list[str]] = {i: [] for i in events}
        for rel in self.relations:
            if rel.head in roles and rel.child in ids:
                roles[rel.head].append(f"{brat_type(rel.label)}:{ids[rel.child]}")
        for i in events:
            span = self.spans[i]
            trigger = by_place.get((span.start, span.end, span.label))
            if trigger is None:  # an event whose trigger was not exported: write one
                trigger = self.new_id("T")
                self.lines.append(
                    f"{trigger}\t{brat_type(span.label)} {span.start} {span.end}\t"
                    f"{self.text[span.start : span.end]}"
                )
                by_place[(span.start, span.end, span.label)] = trigger
            self.lines.append(f"{ids[i]}\t{brat_type(span.label)}:{trigger} {' '.join(roles[i])}"
                              .rstrip())  # fmt: skip
        rel_ids = self._relations(ids, set(roles))
        for i, span in enumerate(self.spans):
            if i in ids:
                self._extras(ids[i], span.attrs, span)
        for n, ident in rel_ids.items():
            self._extras(ident, self.relations[n].attrs, None)
        return self.lines

    def _relations(self, ids: dict[int, str], events: set[int]) -> dict[int, str]:
        rel_ids: dict[int, str] = {}
        equiv: dict[tuple[str, int], list[str]] = {}
        for n, rel in enumerate(self.relations):
            if rel.label == FRAGMENT or rel.head in events:
                continue
            if rel.head not in ids or rel.child not in ids:
                self.skipped[f"{rel.label} relations with a span brat cannot hold left out"] += 1
                continue
            if rel.attrs.get(KIND) == EQUIV:
                members = equiv.setdefault((rel.label, rel.head), [ids[rel.head]])
                members.append(ids[rel.child])
                continue
            roles: Any = rel.attrs.get(ROLES)
            role1, role2 = roles if _two_names(roles) else ("Arg1", "Arg2")
            rel_ids[n] = self.new_id("R")
            self.lines.append(f"{rel_ids[n]}\t{brat_type(rel.label)} {role1}:{ids[rel.head]} "
                              f"{role2}:{ids[rel.child]}")  # fmt: skip
        for (label, _), members in equiv.items():
            self.lines.append(f"*\t{brat_type(label)} {' '.join(members)}")
        return rel_ids

    def _extras(self, ident: str, attrs: dict[str, Any], span: SpanData | None) -> None:
        """A, N and # lines of one annotation."""
        attributes = attrs.get(ATTRIBUTES)
        for name, value in attributes.items() if isinstance(attributes, dict) else ():
            if value is False or value is None:
                continue
            suffix = "" if value is True else f" {value}"
            self.lines.append(f"{self.new_id('A')}\t{brat_type(str(name))} {ident}{suffix}")
        for norm in attrs.get(NORMALIZATIONS) or ():
            if isinstance(norm, dict) and {"type", "ref"} <= set(norm):
                self.lines.append(f"{self.new_id('N')}\t{norm['type']} {ident} {norm['ref']}\t"
                                  f"{_one_line(str(norm.get('text', '')))}")  # fmt: skip
        notes: list[tuple[str, str]] = []
        if isinstance(attrs.get(NOTE), str):
            notes += [("AnnotatorNotes", line) for line in attrs[NOTE].split("\n")]
        for pair in attrs.get(BRAT_NOTES) or ():
            if isinstance(pair, list) and len(pair) == 2:
                notes.append((str(pair[0]), _one_line(str(pair[1]))))
        if span is not None:
            if span.source != self.default:
                notes.append(("AnnotatorNotes", f"source: {span.source}"))
            if span.reviewed:
                notes.append(("AnnotatorNotes", "reviewed = true"))
        for key, value in attrs.items():
            if key in OWN_LINES or (span is None and key in (KIND, ROLES)):
                continue
            note = attr_note(key, value)
            if note is None:
                self.skipped[f"span attribute {key!r} cannot be a note key: left out"] += 1
            else:
                notes.append(("AnnotatorNotes", note))
        for ntype, note in notes:
            self.lines.append(f"{self.new_id('#')}\t{ntype} {ident}\t{note}")


def _two_names(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)


def _one_line(text: str) -> str:
    return re.sub(f"[{LINE_BREAKS}]+", " ", text)


def brat_type(label: str) -> str:
    return re.sub(r"\s+", "_", label)


def attr_note(key: str, value: Any) -> str | None:
    """A span attr as an ``AnnotatorNotes`` text, or None if its key cannot be one."""
    if key in ("source", "reviewed") or not re.fullmatch(r"[A-Za-z_][\w.-]*", key):
        return None
    if isinstance(value, str) and not any(ch in LINE_BREAKS for ch in value):
        return f"{key}: {value}"
    return f"{key} = {json.dumps(value, ensure_ascii=False)}"


def render_ann(
    text: str, spans: list[SpanData], relations: list[RelationData], *, default_source: str
) -> tuple[list[str], Counter[str]]:
    """The ``.ann`` lines of a document, and what could not be written (message -> count)."""
    writer = _Writer(text, spans, relations, default_source)
    return writer.write(), writer.skipped
