"""Agreement coefficients: hand-computed examples, and random data against reference libraries."""

from __future__ import annotations

import random
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters
from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss

from annotator.errors import AnnotatorError
from annotator.model import QUOTE, SPEAKER, RelationData, SpanData
from annotator.ops.agreement import agreement, span_matches, token_categories, tokens
from annotator.ops.coefficients import (
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    value_counts,
)
from annotator.store import Store

# -- hand-computed ---------------------------------------------------------------------------


def test_cohen_by_hand() -> None:
    # observed 3/4; chance 1/2·1/4 + 1/2·3/4 = 1/2; κ = (3/4 - 1/2) / (1 - 1/2) = 1/2
    assert cohen_kappa([0, 0, 1, 1], [0, 1, 1, 1]) == pytest.approx(0.5)
    assert cohen_kappa([0, 1, 2], [0, 1, 2]) == pytest.approx(1.0)
    assert cohen_kappa([0, 0], [0, 0]) is None  # one category throughout: undefined
    assert cohen_kappa([], []) is None


def test_fleiss_by_hand_wikipedia_example() -> None:
    table = [
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ]  # fmt: skip
    assert fleiss_kappa(table) == pytest.approx(0.2099, abs=1e-4)


def test_krippendorff_by_hand_canonical_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", nominal data: 0.743.
    nan = -1
    data = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
        [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
    ]
    assert krippendorff_alpha(value_counts(data)) == pytest.approx(0.743, abs=5e-4)


def test_span_f1_and_tokens_by_hand() -> None:
    a = [SpanData(0, 5, "PERSON"), SpanData(10, 15, "ORG"), SpanData(20, 25, "GPE")]
    b = [SpanData(0, 5, "PERSON"), SpanData(10, 14, "ORG"), SpanData(20, 25, "LOC")]
    # exact: 1 match on each side of 6 spans; overlap: PERSON and ORG on both sides = 4 of 6
    assert span_matches(a, b) == (2, 4, 6)
    text = "Mr Hussain said “no”."
    toks = tokens(text)
    assert [text[s:e] for s, e in toks] == ["Mr", "Hussain", "said", "“", "no", "”", "."]
    spans = [SpanData(0, 10, "PERSON"), SpanData(0, 10, SPEAKER), SpanData(16, 20, QUOTE)]
    assert token_categories(toks, spans) == [
        "PERSON+SPEAKER", "PERSON+SPEAKER", "O", "QUOTE", "QUOTE", "QUOTE", "O",
    ]  # fmt: skip


# -- random codes against the references ------------------------------------------------------
codes = st.lists(st.integers(0, 3), min_size=2, max_size=60)


@pytest.mark.filterwarnings(
    "ignore::UserWarning", "ignore::sklearn.exceptions.UndefinedMetricWarning"
)
@settings(max_examples=60, deadline=None)
@given(st.data())
def test_cohen_matches_scikit_learn(data: st.DataObject) -> None:
    a = data.draw(codes)
    b = data.draw(st.lists(st.integers(0, 3), min_size=len(a), max_size=len(a)))
    ours = cohen_kappa(a, b)
    with np.errstate(all="ignore"):
        theirs = cohen_kappa_score(a, b)
    if ours is None:
        assert np.isnan(theirs) or len(set(a) | set(b)) == 1
    else:
        assert ours == pytest.approx(theirs, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 5), st.integers(1, 40), st.integers(0, 2**31))
def test_fleiss_matches_statsmodels(raters: int, items: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    data = rng.integers(0, 4, size=(items, raters))
    table, _cats = aggregate_raters(data)
    ours = fleiss_kappa(table)
    with np.errstate(all="ignore"):
        theirs = sm_fleiss(table)
    if ours is None:
        assert not np.isfinite(theirs)
    else:
        assert ours == pytest.approx(theirs, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 5), st.integers(2, 40), st.integers(0, 2**31))
def test_krippendorff_matches_the_package(coders: int, items: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    data = rng.integers(0, 4, size=(coders, items))
    data[rng.random(size=data.shape) < 0.25] = -1  # missing values
    ours = krippendorff_alpha(value_counts(data))
    reliability = np.where(data < 0, np.nan, data.astype(float))
    pairable = (reliability == reliability).sum(axis=0) >= 2
    values = set(reliability[:, pairable][~np.isnan(reliability[:, pairable])].tolist())
    if len(values) < 2:
        assert ours is None
        return
    theirs = krippendorff.alpha(reliability_data=reliability, level_of_measurement="nominal")
    assert ours == pytest.approx(theirs, abs=1e-9)


# -- a project with generated annotations ---------------------------------------------------
LABELS = ["PERSON", "ORG", "GPE"]
WORDS = "the minister told reporters in London that the plan would cost millions said Ann".split()


def random_layer(rng: random.Random, toks: list[tuple[int, int]]) -> list[SpanData]:
    spans, i = [], 0
    while i < len(toks):
        if rng.random() < 0.25:
            j = min(i + rng.randint(1, 3), len(toks))
            spans.append(SpanData(toks[i][0], toks[j - 1][1], rng.choice(LABELS), "human"))
            i = j + 1
        else:
            i += 1
    return spans


def independent_categories(text: str, spans: list[SpanData]) -> list[str]:
    """The token coding of the module docstring, written out plainly for the reference."""
    out = []
    for token in tokens(text):
        inside = sorted({s.label for s in spans if s.start < token[1] and token[0] < s.end})
        out.append("+".join(inside) or "O")
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_project_coefficients_match_the_references(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    team = ["ann", "ben", "cat"]
    store = Store(tmp_path / "p.db")
    truth: dict[str, dict[int, list[SpanData]]] = {a: {} for a in team}
    texts = {}
    for d in range(8):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30))) + "."
        doc, _ = store.add_document(f"d{d}", text)
        texts[doc] = text
        base = random_layer(rng, tokens(text))
        # Documents 1-5 are done by everyone, the rest by two of the three.
        who = team if d < 5 else rng.sample(team, 2)
        for a in who:
            spans = base if rng.random() < 0.5 else random_layer(rng, tokens(text))
            store.replace_annotations(doc, a, spans)
            store.set_status(doc, a, "done")
            truth[a][doc] = spans
    report = agreement(store)
    cats = {a: {d: independent_categories(texts[d], s) for d, s in truth[a].items()} for a in team}
    for a, b in [("ann", "ben"), ("ann", "cat"), ("ben", "cat")]:
        shared = sorted(set(truth[a]) & set(truth[b]))
        xs = [c for d in shared for c in cats[a][d]]
        ys = [c for d in shared for c in cats[b][d]]
        pair = report.pair(a, b)
        assert pair is not None and pair.tokens == len(xs)
        assert pair.cohen_kappa == pytest.approx(cohen_kappa_score(xs, ys), abs=1e-9)
    everyone = sorted(set(truth["ann"]) & set(truth["ben"]) & set(truth["cat"]))
    assert report.fleiss_documents == len(everyone) == 5
    rows = np.array([[c for d in everyone for c in cats[a][d]] for a in team]).T
    assert report.fleiss_kappa == pytest.approx(sm_fleiss(aggregate_raters(rows)[0]), abs=1e-9)
    values = sorted({c for a in team for d in cats[a] for c in cats[a][d]})
    data = []
    for a in team:
        row: list[float] = []
        for d in sorted(texts):
            n = len(tokens(texts[d]))
            row += [values.index(c) for c in cats[a][d]] if d in cats[a] else [np.nan] * n
        data.append(row)
    expected = krippendorff.alpha(reliability_data=np.array(data), level_of_measurement="nominal")
    assert report.krippendorff_alpha == pytest.approx(expected, abs=1e-9)
    by_label = {s.label: s for s in report.labels}
    for label in by_label:
        binary = {a: {d: [int(label in c.split("+")) for c in cats[a][d]] for d in cats[a]}
                  for a in team}  # fmt: skip
        rows = np.array([[c for d in everyone for c in binary[a][d]] for a in team]).T
        table = aggregate_raters(rows, n_cat=2)[0]
        assert by_label[label].fleiss_kappa == pytest.approx(sm_fleiss(table), abs=1e-9)


def test_speakers_and_document_scores(tmp_path: Path) -> None:
    store = Store(tmp_path / "p.db")
    text = "“We will win,” said Ann Lee. “Never,” Bob Day replied. “Maybe,” she said."
    doc, _ = store.add_document("q.txt", text)
    q1, q2, q3 = (0, 14), (29, 37), (55, 63)
    for name, speakers in (("ann", ["Ann Lee", "Bob Day", "Ann Lee"]),
                           ("ben", ["ann  lee", "Ann Lee", None])):  # fmt: skip
        spans = [SpanData(*q, QUOTE, "human", {"speaker_name": s} if s else {})
                 for q, s in zip((q1, q2, q3), speakers)]  # fmt: skip
        spans.append(SpanData(20, 27, SPEAKER, "human"))
        store.replace_annotations(doc, name, spans, [RelationData(0, 3, SPEAKER)])
        store.set_status(doc, name, "done")
    report = agreement(store)
    pair = report.pair("ann", "ben")
    assert pair is not None and (pair.quotes_matched, pair.speakers_agreed) == (3, 1)
    assert report.documents_scores[0].exact_f1 == pytest.approx(1.0)
    assert report.to_json()["pairs"][0]["speaker_agreement"] == pytest.approx(1 / 3)
    with pytest.raises(AnnotatorError, match="no finished documents by zed"):
        agreement(store, annotators=["ann", "zed"])
    with pytest.raises(AnnotatorError, match="at least two"):
        agreement(store, annotators=["ann"])


def test_span_groups_count_and_rejected_suggestions_do_not(tmp_path: Path) -> None:
    from annotator.model import REJECTED_GROUP

    store = Store(tmp_path / "p.db")
    text = "Ann Lee said the plan would fail."
    doc, _ = store.add_document("g.txt", text)
    both = [SpanData(0, 7, "PERSON", "human"), SpanData(13, 32, "CLAIM", "human", group="sc")]
    store.replace_annotations(doc, "ann", [*both, SpanData(17, 21, "ORG", "human",
                                                           group=REJECTED_GROUP)])  # fmt: skip
    store.replace_annotations(doc, "ben", both)
    for name in ("ann", "ben"):
        store.set_status(doc, name, "done")
    pair = agreement(store).pair("ann", "ben")
    assert pair is not None and pair.exact_f1 == pytest.approx(1.0)
    store.replace_annotations(doc, "ben", both[:1])  # ben left the claim out
    pair = agreement(store).pair("ann", "ben")
    assert pair is not None and pair.exact_f1 == pytest.approx(2 * 1 / (2 + 1))
