"""Agreement between annotators on the documents they each finished (status ``done``).

- **Span F1**, per pair: *exact* (same start, end and label; F1 = 2·matches / (spans of A +
  spans of B)) and *overlap* (a span counts as matched when the other side has a span of the same
  label overlapping it; F1 = matched spans of both sides / all spans of both sides).
- **Token coefficients**: the text is cut into the tokens the exports and the editor use
  (spaCy's tokenizer, :func:`annotator.formats.tokenization.token_bounds`); each annotator
  gives each token a category: the labels of the spans covering it joined by ``+``
  (``PERSON``, ``PERSON+QUOTE``) or ``O``. Cohen's κ per pair over the documents both
  finished; Fleiss' κ over the documents every chosen annotator finished; Krippendorff's α
  (nominal) over every document at least two finished, the others counting as missing. Per
  label the same coefficients on the binary coding "inside a span of this label or not".
- **Document categories** (story labels): per category set and category, Cohen's κ per pair,
  Fleiss' κ and Krippendorff's α over documents (:mod:`annotator.ops.agreement_categories`).
- Span categories (span groups) count like any label; suggestions a person rejected (span
  group ``rejected``, never gold) are no one's annotation and are left out.
- **Speakers**: quotes both annotators marked with the same offsets agree when they name the same
  speaker (``attrs.speaker_name``, else the linked SPEAKER span's text; case and spacing aside).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from itertools import combinations
from typing import Any

import numpy as np

from annotator.errors import AnnotatorError
from annotator.formats.tokenization import TOKENIZATION_KEY, WHITESPACE, token_bounds
from annotator.model import GOLD_LAYER, QUOTE, REJECTED_GROUP, SPEAKER, SpanData, is_model_layer
from annotator.ops.agreement_categories import CategoryScores, category_agreement
from annotator.ops.coefficients import cohen_kappa, f1, fleiss_kappa, krippendorff_alpha
from annotator.store import Store

OUTSIDE = "O"


def tokens(text: str, *, pretokenized: bool = False) -> list[tuple[int, int]]:
    """``(start, end)`` of each token, as the token-based exports cut the text."""
    starts, ends = token_bounds(text, pretokenized=pretokenized)
    return list(zip(starts, ends))


def token_categories(
    toks: Sequence[tuple[int, int]], spans: Iterable[SpanData], labels: set[str] | None = None
) -> list[str]:
    """Each token's category: the labels of the spans covering any of it, sorted, or ``O``."""
    starts = [t[0] for t in toks]
    covering: list[set[str]] = [set() for _ in toks]
    for span in spans:
        if labels is not None and span.label not in labels:
            continue
        i = max(bisect_left(starts, span.start) - 1, 0)
        while i < len(toks) and toks[i][0] < span.end:
            if toks[i][1] > span.start:
                covering[i].add(span.label)
            i += 1
    return ["+".join(sorted(c)) if c else OUTSIDE for c in covering]


def _normal(name: str | None) -> str | None:
    return " ".join(name.split()).casefold() if name and name.strip() else None


@dataclass
class Work:
    """One finished document: its text, tokens and each annotator's spans and speaker names."""

    document_id: int
    name: str
    tokens: list[tuple[int, int]]
    spans: dict[str, list[SpanData]]
    #: annotator -> (quote start, end) -> normalised speaker name (None: no speaker)
    speakers: dict[str, dict[tuple[int, int], str | None]]


def human_annotators(store: Store) -> list[str]:
    """Annotators who finished at least one document (not gold, models or conflict copies)."""
    rows = store.db.execute(
        "SELECT DISTINCT annotator FROM document_status WHERE status = 'done' ORDER BY annotator"
    )
    return [
        r[0] for r in rows
        if r[0] != GOLD_LAYER and not is_model_layer(r[0]) and "@conflict-" not in r[0]
    ]  # fmt: skip


def speaker_names(
    store: Store, document_id: int, layer: str, text: str
) -> dict[tuple[int, int], str | None]:
    """Each quotation's speaker name by its ``(start, end)``: the resolved name, else the text
    of its linked speaker mention, else None."""
    spans, relations = store.annotations(document_id, layer)
    linked = {r.head: spans[r.child] for r in relations if r.label == SPEAKER}
    out: dict[tuple[int, int], str | None] = {}
    for i, span in enumerate(spans):
        if span.label == QUOTE:
            name = span.attrs.get("speaker_name")
            if not name and i in linked:
                name = linked[i].text_of(text)
            out[(span.start, span.end)] = _normal(name if isinstance(name, str) else None)
    return out


def collect(
    store: Store, annotators: Sequence[str] | None = None, labels: Sequence[str] | None = None
) -> tuple[list[str], list[Work]]:
    """The chosen annotators and every document at least two of them finished."""
    known = human_annotators(store)
    chosen = list(annotators) if annotators else known
    unknown = [a for a in chosen if a not in known]
    if unknown:
        raise AnnotatorError(
            f"no finished documents by {', '.join(unknown)}; annotators with finished "
            f"documents: {', '.join(known) or 'none yet'}"
        )
    if len(chosen) < 2:
        raise AnnotatorError("agreement needs at least two annotators with finished documents")
    wanted = set(labels) if labels else None
    works: list[Work] = []
    for document_id in store.document_ids():
        done = [a for a in store.annotators_done(document_id) if a in chosen]
        if len(done) < 2:
            continue
        doc = store.document(document_id)
        spans = {
            a: [
                s
                for s in store.spans(document_id, a)
                if s.group != REJECTED_GROUP and (wanted is None or s.label in wanted)
            ]
            for a in sorted(done)
        }
        speakers = {a: speaker_names(store, document_id, a, doc.text) for a in sorted(done)}
        toks = tokens(doc.text, pretokenized=doc.meta.get(TOKENIZATION_KEY) == WHITESPACE)
        works.append(Work(document_id, doc.name, toks, spans, speakers))
    return chosen, works


# -- span matching ---------------------------------------------------------------------------
def span_matches(a: Sequence[SpanData], b: Sequence[SpanData]) -> tuple[int, int, int]:
    """``(exact, overlap_matched, total)``: exact matches counted on both sides, spans of either
    side overlapping a same-label span of the other, and the spans of both."""
    key_a = Counter((s.start, s.end, s.label) for s in a)
    key_b = Counter((s.start, s.end, s.label) for s in b)
    exact = 2 * sum((key_a & key_b).values())

    def covered(xs: Sequence[SpanData], ys: Sequence[SpanData]) -> int:
        by_label: dict[str, list[SpanData]] = defaultdict(list)
        for y in ys:
            by_label[y.label].append(y)
        return sum(any(y.start < x.end and x.start < y.end for y in by_label[x.label]) for x in xs)

    return exact, covered(a, b) + covered(b, a), len(a) + len(b)


@dataclass
class Counts:
    """Summed span matches of one pair (or one label, or one document)."""

    exact: int = 0
    overlap: int = 0
    total: int = 0

    def add(self, a: Sequence[SpanData], b: Sequence[SpanData]) -> None:
        exact, overlap, total = span_matches(a, b)
        self.exact += exact
        self.overlap += overlap
        self.total += total

    @property
    def exact_f1(self) -> float | None:
        return f1(self.exact, self.total)

    @property
    def overlap_f1(self) -> float | None:
        return f1(self.overlap, self.total)


# -- the report --------------------------------------------------------------------------------
@dataclass
class PairScores:
    a: str
    b: str
    documents: int = 0
    tokens: int = 0
    exact_f1: float | None = None
    overlap_f1: float | None = None
    cohen_kappa: float | None = None
    quotes_matched: int = 0
    speakers_agreed: int = 0

    @property
    def speaker_agreement(self) -> float | None:
        return self.speakers_agreed / self.quotes_matched if self.quotes_matched else None


@dataclass
class LabelScores:
    label: str
    spans: int = 0
    exact_f1: float | None = None
    overlap_f1: float | None = None
    #: Mean of the pairs' Cohen's κ on the binary coding of this label.
    cohen_kappa: float | None = None
    fleiss_kappa: float | None = None
    krippendorff_alpha: float | None = None


@dataclass
class DocumentScores:
    document_id: int
    name: str
    annotators: list[str]
    exact_f1: float | None = None
    overlap_f1: float | None = None
    krippendorff_alpha: float | None = None


@dataclass
class AgreementReport:
    annotators: list[str]
    documents: int = 0
    pairs: list[PairScores] = field(default_factory=list)
    #: Over the documents every chosen annotator finished (``fleiss_documents`` of them).
    fleiss_kappa: float | None = None
    fleiss_documents: int = 0
    krippendorff_alpha: float | None = None
    exact_f1: float | None = None
    overlap_f1: float | None = None
    labels: list[LabelScores] = field(default_factory=list)
    documents_scores: list[DocumentScores] = field(default_factory=list)
    #: Document categories (story labels), per set and category: see
    #: :mod:`annotator.ops.agreement_categories`.
    categories: list[CategoryScores] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for pair, raw in zip(self.pairs, data["pairs"]):
            raw["speaker_agreement"] = pair.speaker_agreement
        data["documents_scores"] = data.pop("documents_scores")
        return data

    def pair(self, a: str, b: str) -> PairScores | None:
        return next((p for p in self.pairs if {p.a, p.b} == {a, b}), None)


class _Coder:
    """Category strings -> integer codes shared by every annotator."""

    def __init__(self) -> None:
        self.codes: dict[str, int] = {OUTSIDE: 0}

    def __call__(self, categories: Iterable[str]) -> list[int]:
        return [self.codes.setdefault(c, len(self.codes)) for c in categories]


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return float(np.mean(present)) if present else None


def _counts_table(columns: Sequence[Sequence[int]], k: int) -> np.ndarray:
    """Coders' codes (each a list over the same items) -> items × categories counts."""
    table = np.zeros((len(columns[0]), k))
    for codes in columns:
        table[np.arange(len(codes)), codes] += 1
    return table


def agreement(
    store: Store, *, annotators: Sequence[str] | None = None, labels: Sequence[str] | None = None
) -> AgreementReport:
    """Every coefficient of the module docstring, overall, per pair, label and document."""
    chosen, works = collect(store, annotators, labels)
    report = AgreementReport(sorted(chosen), documents=len(works))
    all_labels = sorted({s.label for w in works for spans in w.spans.values() for s in spans})
    coder = _Coder()
    # categories[annotator][document] -> codes; binary[label][annotator][document] -> 0/1
    categories: dict[str, dict[int, list[int]]] = defaultdict(dict)
    binary: dict[str, dict[str, dict[int, list[int]]]] = defaultdict(lambda: defaultdict(dict))
    for work in works:
        for annotator, spans in work.spans.items():
            categories[annotator][work.document_id] = coder(token_categories(work.tokens, spans))
            for label in all_labels:
                cats = token_categories(work.tokens, spans, {label})
                binary[label][annotator][work.document_id] = [int(c != OUTSIDE) for c in cats]
    k = len(coder.codes)
    overall = Counts()
    per_label = {label: Counts() for label in all_labels}
    label_kappas: dict[str, list[float | None]] = defaultdict(list)
    for a, b in combinations(report.annotators, 2):
        shared = [w for w in works if a in w.spans and b in w.spans]
        pair = PairScores(a, b, documents=len(shared))
        counts = Counts()
        for w in shared:
            counts.add(w.spans[a], w.spans[b])
            for label in all_labels:
                per_label[label].add(
                    [s for s in w.spans[a] if s.label == label],
                    [s for s in w.spans[b] if s.label == label],
                )
            for quote, name in w.speakers[a].items():
                if quote in w.speakers[b]:
                    pair.quotes_matched += 1
                    pair.speakers_agreed += name == w.speakers[b][quote]
        overall.exact += counts.exact
        overall.overlap += counts.overlap
        overall.total += counts.total
        pair.exact_f1, pair.overlap_f1 = counts.exact_f1, counts.overlap_f1
        xs = [c for w in shared for c in categories[a][w.document_id]]
        ys = [c for w in shared for c in categories[b][w.document_id]]
        pair.tokens = len(xs)
        pair.cohen_kappa = cohen_kappa(xs, ys)
        for label in all_labels:
            bx = [c for w in shared for c in binary[label][a][w.document_id]]
            by = [c for w in shared for c in binary[label][b][w.document_id]]
            label_kappas[label].append(cohen_kappa(bx, by))
        report.pairs.append(pair)
    report.exact_f1, report.overlap_f1 = overall.exact_f1, overall.overlap_f1

    everyone = [w for w in works if all(a in w.spans for a in report.annotators)]
    report.fleiss_documents = len(everyone)

    def fleiss(codes: dict[str, dict[int, list[int]]], width: int) -> float | None:
        if not everyone:
            return None
        columns = [[c for w in everyone for c in codes[a][w.document_id]] for a in codes]
        return fleiss_kappa(_counts_table(columns, width)) if columns[0] else None

    def alpha(codes: dict[str, dict[int, list[int]]], width: int, docs: list[Work]) -> Any:
        tables = [_counts_table([codes[a][w.document_id] for a in w.spans], width) for w in docs]
        return krippendorff_alpha(np.vstack(tables)) if tables else None

    report.fleiss_kappa = fleiss(categories, k)
    report.krippendorff_alpha = alpha(categories, k, works)
    for label in all_labels:
        counts = per_label[label]
        report.labels.append(
            LabelScores(
                label,
                spans=sum(
                    1 for w in works for ss in w.spans.values() for s in ss if s.label == label
                ),
                exact_f1=counts.exact_f1,
                overlap_f1=counts.overlap_f1,
                cohen_kappa=_mean(label_kappas[label]),
                fleiss_kappa=fleiss(binary[label], 2),
                krippendorff_alpha=alpha(binary[label], 2, works),
            )
        )
    for w in works:
        counts = Counts()
        for a, b in combinations(sorted(w.spans), 2):
            counts.add(w.spans[a], w.spans[b])
        report.documents_scores.append(
            DocumentScores(
                w.document_id,
                w.name,
                sorted(w.spans),
                counts.exact_f1,
                counts.overlap_f1,
                alpha(categories, k, [w]),
            )
        )
    finished = {w.document_id: sorted(w.spans) for w in works}
    report.categories = category_agreement(store, report.annotators, finished, labels)
    return report
