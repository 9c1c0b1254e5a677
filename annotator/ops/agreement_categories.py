"""Agreement on document categories (story labels), per category set of the label scheme.

Each annotator's categories of a document come from their own layer (accepted labels only).

- **Multi-label sets**: every category is a binary coding per document, accepted (1) or absent
  (0), over the documents the annotator finished.
- **Single-label sets**: the chosen label is the nominal value of the set; a finished document
  with no label of the set counts as missing (not labelled) for that annotator. Per category,
  the binary coding "chose this category" over the documents the annotator labelled in the set.

Cohen's κ per pair over the documents both coded; Fleiss' κ over the documents every chosen
annotator coded; Krippendorff's α (nominal) over the documents two or more coded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np

from annotator.ops.coefficients import cohen_kappa, fleiss_kappa, krippendorff_alpha
from annotator.ops.doc_labels import category_sets
from annotator.store import Store

#: The ``category`` of a row scoring a single-label set as a whole (nominal values).
WHOLE_SET = ""


@dataclass
class CategoryPair:
    a: str
    b: str
    documents: int = 0
    cohen_kappa: float | None = None


@dataclass
class CategoryScores:
    """One category of a set (or, ``category == ""``, a single-label set as a whole)."""

    set: str
    category: str
    multi: bool
    #: Documents two or more annotators coded.
    documents: int = 0
    #: Documents coded with this category (accepted) by at least one annotator.
    accepted: int = 0
    pairs: list[CategoryPair] = field(default_factory=list)
    #: Mean of the pairs' Cohen's κ.
    cohen_kappa: float | None = None
    fleiss_kappa: float | None = None
    fleiss_documents: int = 0
    krippendorff_alpha: float | None = None


Values = dict[str, dict[int, int]]  # annotator -> document -> code


def score(
    set_name: str, category: str, multi: bool, values: Values, annotators: Sequence[str]
) -> CategoryScores:
    """The coefficients of one coding: ``values[annotator][document]`` -> category code."""
    docs = sorted({d for a in annotators for d in values.get(a, {})})
    docs = [d for d in docs if sum(d in values.get(a, {}) for a in annotators) >= 2]
    out = CategoryScores(set_name, category, multi, documents=len(docs))
    if category != WHOLE_SET:
        out.accepted = sum(any(values.get(a, {}).get(d) == 1 for a in annotators) for d in docs)
    k = max([c for a in annotators for c in values.get(a, {}).values()] + [1]) + 1
    kappas = []
    for a, b in combinations(annotators, 2):
        va, vb = values.get(a, {}), values.get(b, {})
        shared = [d for d in docs if d in va and d in vb]
        pair = CategoryPair(a, b, len(shared))
        pair.cohen_kappa = cohen_kappa([va[d] for d in shared], [vb[d] for d in shared])
        kappas.append(pair.cohen_kappa)
        out.pairs.append(pair)
    present = [x for x in kappas if x is not None]
    out.cohen_kappa = float(np.mean(present)) if present else None
    table = np.zeros((len(docs), k))
    for i, d in enumerate(docs):
        for a in annotators:
            if d in values.get(a, {}):
                table[i, values[a][d]] += 1
    everyone = table.sum(axis=1) == len(annotators)
    out.fleiss_documents = int(everyone.sum())
    out.fleiss_kappa = fleiss_kappa(table[everyone]) if out.fleiss_documents else None
    out.krippendorff_alpha = krippendorff_alpha(table) if docs else None
    return out


def category_agreement(
    store: Store,
    annotators: Sequence[str],
    finished: Mapping[int, Sequence[str]],
    labels: Sequence[str] | None = None,
) -> list[CategoryScores]:
    """Rows for every category set of the scheme; ``finished`` maps each document two or more
    chosen annotators finished to those annotators; ``labels`` keeps only these categories."""
    wanted = set(labels) if labels else None
    chosen: dict[int, dict[str, dict[str, str]]] = {
        d: {a: store.document_labels(d, a) for a in who} for d, who in finished.items()
    }
    rows: list[CategoryScores] = []
    for set_name, members in category_sets(store.labels("category")).items():
        names = [m.name for m in members if wanted is None or m.name in wanted]
        if not names:
            continue
        multi = members[0].multi
        if multi:
            for name in names:
                values: Values = {a: {} for a in annotators}
                for d, by in chosen.items():
                    for a, got in by.items():
                        values[a][d] = int(got.get(name) == "accept")
                rows.append(score(set_name, name, True, values, annotators))
            continue
        order = [m.name for m in members]
        nominal: Values = {a: {} for a in annotators}
        for d, by in chosen.items():
            for a, got in by.items():
                picked = [n for n in order if got.get(n) == "accept"]
                if picked:
                    nominal[a][d] = order.index(picked[0])
        rows.append(score(set_name, WHOLE_SET, False, nominal, annotators))
        for name in names:
            i = order.index(name)
            binary = {a: {d: int(v == i) for d, v in vs.items()} for a, vs in nominal.items()}
            rows.append(score(set_name, name, False, binary, annotators))
    return rows
