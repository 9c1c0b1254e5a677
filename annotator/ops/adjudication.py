"""Adjudication: settle where annotators differ into one ``gold`` layer (docs/design.md §2).

A document goes to adjudication once two or more annotators finished it (status ``done``); with
one annotator, its gold view stays that annotator's layer. :func:`prepare` puts the spans every
one of them drew alike (same label and offsets; quotes also the same speaker name) into ``gold``
at once. What remains are **disagreements**: stretches of text where, in one *tier* of labels
(``entity`` for the entity labels, the label itself for QUOTE, SPEAKER, CUE and BOILERPLATE,
``group:NAME`` for each span group of span categories), the annotators' other spans overlap.
Suggestions a person rejected (span group ``rejected``) are no one's annotation and stay out.
Each is settled by :class:`Settle`, an undoable edit: pick one annotator's version
(``picked:NAME``, their spans in the stretch), reject them all (``rejected``: no span), or keep
what the adjudicator edited into gold by hand (``edited``).
Once every disagreement of a document is settled, gold's status for it is ``done``.

Every gold span records how it got there in ``attrs["provenance"]``: ``agreed``,
``picked:NAME`` or ``edited`` (drawn or changed by the adjudicator); exports carry it.
Story categories (document labels) all annotators agree on go into gold when it is prepared;
where they differ, :func:`category_disagreements` lists them
(:mod:`annotator.ops.adjudication_categories`).
Links (quote -> speaker, quote -> cue) follow the quote: the link its source annotator made is
added in gold as soon as both spans are there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from annotator.errors import AnnotatorError
from annotator.model import (
    CUE,
    GOLD_LAYER,
    QUOTE,
    REJECTED_GROUP,
    SPEAKER,
    SpanData,
    is_entity,
    is_model_layer,
)
from annotator.ops.adjudication_categories import (
    CategoryDisagreement,
    agreed_categories,
    compare,
    settle_by_preference,
)
from annotator.ops.edit_core import Edit, IdMap, find_relation, links_of, restore
from annotator.ops.edits import EDITED, PROVENANCE
from annotator.store import Store
from annotator.store.queries import attr_counts, shared_documents

AGREED = "agreed"
REJECTED = "rejected"
PICKED = "picked:"


def tier_of(span: SpanData) -> str:
    """Spans that may compete for the same text: the flat entities together, each built-in
    kind (QUOTE, SPEAKER, CUE, BOILERPLATE) alone, and each span group (``group:NAME``) alone,
    since a span group's spans may overlap the entities and each other."""
    if span.group:
        return f"group:{span.group}"
    return "entity" if is_entity(span.label) else span.label


def _speaker(span: SpanData) -> str | None:
    name = span.attrs.get("speaker_name")
    return " ".join(name.split()) if isinstance(name, str) and name.strip() else None


def span_key(span: SpanData) -> tuple[str, str, int, int, str | None]:
    """What two annotators must share for a span to count as agreed (the span group too)."""
    speaker = _speaker(span) if span.label == QUOTE else None
    return span.group, span.label, span.start, span.end, speaker


def annotators_of(store: Store, document_id: int) -> list[str]:
    """The annotators who finished a document, by name (gold and conflict copies aside)."""
    return sorted(
        a for a in store.annotators_done(document_id)
        if a != GOLD_LAYER and not is_model_layer(a) and "@conflict-" not in a
    )  # fmt: skip


def documents_to_adjudicate(store: Store) -> list[int]:
    """Documents two or more annotators finished, in import order."""
    return shared_documents(store, exclude=GOLD_LAYER)


@dataclass(frozen=True)
class Version:
    """One annotator's spans in a disagreement (possibly none); ``number`` is the pick key."""

    number: int
    annotator: str
    spans: tuple[SpanData, ...]


@dataclass
class Disagreement:
    document_id: int
    tier: str
    start: int
    end: int
    versions: list[Version] = field(default_factory=list)
    decision: str | None = None

    @property
    def key(self) -> tuple[str, int, int]:
        return self.tier, self.start, self.end

    def version(self, annotator: str) -> Version:
        for version in self.versions:
            if version.annotator == annotator:
                return version
        raise AnnotatorError(f"{annotator!r} did not annotate this document")


def _layers(store: Store, document_id: int) -> dict[str, list[SpanData]]:
    return {
        a: [s for s in store.spans(document_id, a) if s.group != REJECTED_GROUP]
        for a in annotators_of(store, document_id)
    }


def agreed_keys(
    layers: dict[str, list[SpanData]],
) -> set[tuple[str, str, int, int, str | None]]:
    keys = [Counter(span_key(s) for s in spans) for spans in layers.values()]
    if len(keys) < 2:
        return set()
    common = keys[0]
    for other in keys[1:]:
        common &= other
    return set(common)


def disagreements(store: Store, document_id: int) -> list[Disagreement]:
    """Where the annotators who finished a document differ, in text order, with decisions."""
    layers = _layers(store, document_id)
    if len(layers) < 2:
        return []
    agreed = agreed_keys(layers)
    rest = sorted(
        ((tier_of(s), s.start, s.end, a, s) for a, spans in layers.items() for s in spans
         if span_key(s) not in agreed),
        key=lambda item: item[:3],
    )  # fmt: skip
    clusters: list[tuple[str, int, int, list[tuple[str, SpanData]]]] = []
    for tier, start, end, annotator, span in rest:
        last = clusters[-1] if clusters else None
        if last is not None and last[0] == tier and start < last[2]:
            clusters[-1] = (tier, last[1], max(last[2], end), [*last[3], (annotator, span)])
        else:
            clusters.append((tier, start, end, [(annotator, span)]))
    decided = store.decisions(document_id)
    out = []
    for tier, start, end, members in sorted(clusters, key=lambda c: (c[1], c[2], c[0])):
        versions = [
            Version(number, a, tuple(s for who, s in members if who == a))
            for number, a in enumerate(layers, 1)
        ]
        out.append(
            Disagreement(document_id, tier, start, end, versions, decided.get((tier, start, end)))
        )
    return out


def category_disagreements(store: Store, document_id: int) -> list[CategoryDisagreement]:
    """Where the annotators who finished a document chose different story categories."""
    annotators = annotators_of(store, document_id)
    return compare(store, document_id, annotators, GOLD_LAYER)[1] if len(annotators) > 1 else []


def progress(store: Store, document_id: int) -> tuple[int, int]:
    """``(settled, disagreements)`` of one document."""
    found = disagreements(store, document_id)
    return sum(1 for d in found if d.decision is not None), len(found)


def _with(span: SpanData, provenance: str) -> SpanData:
    attrs = {**span.attrs, PROVENANCE: provenance}
    return replace(span, id=None, attrs=attrs, reviewed=True)


def ensure_links(store: Store, document_id: int) -> list[tuple[int, int, str]]:
    """Add to gold the speaker/cue links the source annotator of each gold quote made."""
    gold = store.spans(document_id, GOLD_LAYER)
    by_key = {(s.label, s.start, s.end): s.id for s in gold}
    present = {(r.head_id, r.label) for r in store.relations(document_id, GOLD_LAYER)}
    everyone = annotators_of(store, document_id)
    added = []
    for quote in gold:
        if quote.label != QUOTE or quote.id is None:
            continue
        provenance = str(quote.attrs.get(PROVENANCE, ""))
        sources = everyone if provenance == AGREED else []
        if provenance.startswith(PICKED):
            sources = [provenance.removeprefix(PICKED)]
        for label in (SPEAKER, CUE):
            if (quote.id, label) in present:
                continue
            for source in sources:
                spans, relations = store.annotations(document_id, source)
                child = next(
                    (spans[r.child] for r in relations
                     if r.label == label and (spans[r.head].start, spans[r.head].end)
                     == (quote.start, quote.end)),
                    None,
                )  # fmt: skip
                target = None if child is None else by_key.get((label, child.start, child.end))
                if target is not None:
                    store.add_relation(quote.id, target, label)
                    added.append((quote.id, target, label))
                    break
    return added


def update_status(store: Store, document_id: int) -> str:
    """Gold is ``done`` for a document once each of its disagreements is settled."""
    settled, total = progress(store, document_id)
    status = "done" if settled == total else "in_progress"
    store.set_status(document_id, GOLD_LAYER, status)
    return status


def prepare(store: Store, document_id: int, adjudicator: str) -> bool:
    """Put what every annotator agrees on into gold, once per document; True if it did."""
    with store.transaction():
        if store.has_layer_document(document_id, GOLD_LAYER):
            return False
        layers = _layers(store, document_id)
        if len(layers) < 2:
            return False
        agreed = agreed_keys(layers)
        first = next(iter(layers.values()))
        spans = [_with(s, AGREED) for s in first if span_key(s) in agreed]
        store.replace_annotations(document_id, GOLD_LAYER, spans)
        categories = agreed_categories(store, document_id, list(layers), GOLD_LAYER)
        ensure_links(store, document_id)
        status = update_status(store, document_id)
        store.log_edit(
            adjudicator, "adjudicate:agreed", document_id=document_id, layer=GOLD_LAYER,
            payload={"agreed": len(spans), "categories": categories,
                     "annotators": list(layers), "status": status},
        )  # fmt: skip
        return True


def prepare_all(store: Store, adjudicator: str) -> list[int]:
    """:func:`prepare` every document ready for adjudication; returns those newly prepared."""
    return [d for d in documents_to_adjudicate(store) if prepare(store, d, adjudicator)]


def _in_stretch(span: SpanData, tier: str, start: int, end: int) -> bool:
    return tier_of(span) == tier and span.start < end and start < span.end


def _apply(
    store: Store, found: Disagreement, choice: str, again: Sequence[int] = (),
    idmap: IdMap | None = None,
) -> tuple[list[int], list[SpanData], list[tuple[int, int, str]]]:  # fmt: skip
    """Make gold's spans of a stretch ``choice``'s: returns the spans added, the spans removed
    and the links removed with them (for undo). The decision itself is recorded by the caller.
    ``again``: the ids the spans got the first time (a redo puts them back under those)."""
    added: list[int] = []
    removed: list[SpanData] = []
    unlinked: list[tuple[int, int, str]] = []
    if choice not in (REJECTED, EDITED) and not choice.startswith(PICKED):
        raise AnnotatorError(f"unknown decision {choice!r}")
    if choice != EDITED:
        removed = [
            s for s in store.spans(found.document_id, GOLD_LAYER)
            if _in_stretch(s, *found.key) and s.attrs.get(PROVENANCE) != AGREED
        ]  # fmt: skip
        ids = {s.id for s in removed if s.id is not None}
        unlinked = links_of(store, found.document_id, GOLD_LAYER, ids)
        for span in removed:
            store.delete_span(span.id or 0)
    if choice.startswith(PICKED):
        for n, span in enumerate(found.version(choice.removeprefix(PICKED)).spans):
            if n < len(again) and idmap is not None:
                picked = replace(_with(span, choice), id=idmap.resolve(again[n]))
                restore(store, idmap, found.document_id, GOLD_LAYER, picked)
                added.append(again[n])
            else:
                added.append(store.add_span(found.document_id, GOLD_LAYER, _with(span, choice)))
    return added, removed, unlinked


@dataclass
class Settle(Edit):
    """Settle one disagreement: ``picked:NAME``, ``rejected`` or ``edited`` (keep gold as is).

    ``annotator`` is the adjudicator; the edit changes the ``gold`` layer. Picking or rejecting
    replaces the gold spans of the stretch that were not agreed by everyone; undo puts them back.
    """

    tier: str = "entity"
    start: int = 0
    end: int = 0
    choice: str = REJECTED
    _added: list[int] = field(default_factory=list, init=False, repr=False)
    _removed: list[SpanData] = field(default_factory=list, init=False, repr=False)
    _unlinked: list[tuple[int, int, str]] = field(default_factory=list, init=False, repr=False)
    _linked: list[tuple[int, int, str]] = field(default_factory=list, init=False, repr=False)
    _previous: str | None = field(default=None, init=False, repr=False)
    action = "adjudicate"

    @property
    def layer(self) -> str:
        return GOLD_LAYER

    @property
    def description(self) -> str:
        if self.choice.startswith(PICKED):
            return f"Pick {self.choice.removeprefix(PICKED)}'s version"
        return "Reject every version" if self.choice == REJECTED else "Keep the edited gold"

    def _targets(self) -> list[int]:
        return [*self._added, *(s.id for s in self._removed if s.id is not None)]

    def _do(self, store: Store) -> dict[str, Any]:
        key = (self.tier, self.start, self.end)
        found = next((d for d in disagreements(store, self.document_id) if d.key == key), None)
        if found is None:
            raise AnnotatorError("this disagreement is gone: an annotator's layer changed since")
        self._previous = found.decision
        self._added, self._removed, self._unlinked = _apply(
            store, found, self.choice, self._added, self.ids
        )
        store.set_decision(self.document_id, key, self.choice, self.annotator)
        self._linked = ensure_links(store, self.document_id)
        status = update_status(store, self.document_id)
        return {
            "stretch": list(key), "decision": self.choice, "added": self._added,
            "removed": [s.id for s in self._removed], "gold_status": status,
        }  # fmt: skip

    def _undo(self, store: Store) -> dict[str, Any]:
        for link in self._linked:
            resolved = (self.ids.resolve(link[0]), self.ids.resolve(link[1]), link[2])
            store.delete_relation(find_relation(store, self.document_id, GOLD_LAYER, resolved))
        for span_id in self._added:
            store.delete_span(self.ids.resolve(span_id))
        for span in self._removed:
            restore(store, self.ids, self.document_id, GOLD_LAYER, span)
        for head, child, label in self._unlinked:
            store.add_relation(self.ids.resolve(head), self.ids.resolve(child), label)
        key = (self.tier, self.start, self.end)
        store.set_decision(self.document_id, key, self._previous, self.annotator)
        update_status(store, self.document_id)
        return {"stretch": list(key), "restored": self._previous}


def settle(store: Store, disagreement: Disagreement, choice: str, adjudicator: str) -> Settle:
    edit = Settle(
        disagreement.document_id, adjudicator, tier=disagreement.tier,
        start=disagreement.start, end=disagreement.end, choice=choice,
    )  # fmt: skip
    edit.do(store)
    return edit


@dataclass
class AdjudicationSummary:
    documents: int = 0
    prepared: int = 0
    settled: int = 0
    open: int = 0
    #: Story-category disagreements settled by ``prefer``.
    categories: int = 0
    #: Per document id: (settled, disagreements).
    progress: dict[int, tuple[int, int]] = field(default_factory=dict)


def adjudicate(
    store: Store, adjudicator: str, *, prefer: Sequence[str] = ()
) -> AdjudicationSummary:
    """Prepare every document ready for adjudication; settle open disagreements by picking the
    first annotator of ``prefer`` who worked on the document (none: leave them open)."""
    summary = AdjudicationSummary()
    for document_id in documents_to_adjudicate(store):
        summary.documents += 1
        with store.transaction():
            summary.prepared += prepare(store, document_id, adjudicator)
            found = disagreements(store, document_id)
            picked = []
            for one in found:
                chosen = next(
                    (a for a in prefer if any(v.annotator == a for v in one.versions)), None
                )
                if one.decision is None and chosen is not None:
                    _apply(store, one, PICKED + chosen)
                    store.set_decision(document_id, one.key, PICKED + chosen, adjudicator)
                    picked.append([*one.key, chosen])
            annotators = annotators_of(store, document_id)
            categories = (
                settle_by_preference(store, document_id, annotators, GOLD_LAYER, prefer)
                if len(annotators) > 1 else []
            )  # fmt: skip
            if picked or categories:
                ensure_links(store, document_id)
                status = update_status(store, document_id)
                store.log_edit(
                    adjudicator, "adjudicate:prefer", document_id=document_id,
                    layer=GOLD_LAYER,
                    payload={"picked": picked, "categories": categories, "gold_status": status},
                )  # fmt: skip
        settled = sum(1 for one in found if one.decision is not None) + len(picked)
        summary.settled += len(picked)
        summary.categories += len(categories)
        summary.progress[document_id] = (settled, len(found))
        summary.open += len(found) - settled
    return summary


def gold_provenance(store: Store) -> dict[str, Counter[str]]:
    """Per label: how many gold spans each provenance gave (``agreed``, ``picked``, ...)."""
    out: dict[str, Counter[str]] = {}
    for (label, provenance), n in attr_counts(store, GOLD_LAYER, PROVENANCE).items():
        kind = str(provenance or "unknown")
        kind = "picked" if kind.startswith(PICKED) else kind
        out.setdefault(label, Counter())[kind] += n
    return out
