"""Agreement on document categories (story labels), through a real project file."""

from __future__ import annotations

import random
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.model import Label
from annotator.ops.agreement import agreement
from annotator.ops.agreement_categories import WHOLE_SET
from annotator.store import Store

SCHEME = [
    Label("POLITICS", "category", group="topic", multi=True),
    Label("SPORT", "category", group="topic", multi=True),
    Label("POS", "category", group="tone"),
    Label("NEG", "category", group="tone"),
    Label("NEU", "category", group="tone"),
]


def project(path: Path, docs: int) -> tuple[Store, list[int]]:
    store = Store(path)
    store.add_labels(SCHEME)
    ids = [store.add_document(f"d{i}.txt", f"Story {i} about Paris.")[0] for i in range(docs)]
    return store, ids


def label(store: Store, doc: int, who: str, *names: str) -> None:
    for name in names:
        store.set_document_label(doc, who, name, "accept")
    store.set_status(doc, who, "done")


def test_category_agreement_by_hand(tmp_path: Path) -> None:
    store, (d0, d1, d2, d3) = project(tmp_path / "p.db", 4)
    label(store, d0, "ann", "POLITICS", "POS")
    label(store, d1, "ann", "POLITICS", "NEG")
    label(store, d2, "ann", "POS")
    label(store, d3, "ann")  # finished, no tone chosen: missing for the tone set
    label(store, d0, "ben", "POLITICS", "POS")
    label(store, d1, "ben", "POLITICS", "NEG")
    label(store, d2, "ben", "POLITICS", "NEG")
    label(store, d3, "ben", "NEU")
    rows = {(c.set, c.category): c for c in agreement(store).categories}
    politics = rows["topic", "POLITICS"]
    # ann 1100, ben 1110: observed 3/4, chance .5·.75 + .5·.25 = .5, κ = .5
    assert politics.documents == 4 and politics.accepted == 3
    assert politics.pairs[0].cohen_kappa == pytest.approx(0.5)
    # Fleiss: agreement per item 1,1,0,1 -> .75; shares 5/8, 3/8 -> chance 34/64; κ = 7/15
    assert politics.fleiss_kappa == pytest.approx(7 / 15)
    # α: coincidences o11 = 4, o00 = 2, o01 = o10 = 1; D_o = 2, D_e = (64-25-9)/7; α = 16/30
    assert politics.krippendorff_alpha == pytest.approx(16 / 30)
    assert rows["topic", "SPORT"].cohen_kappa is None  # nobody chose it: undefined
    tone = rows["tone", WHOLE_SET]
    # d3 is left out (ann chose no tone); POS POS, NEG NEG, POS NEG: observed 2/3,
    # chance 2/3·1/3 + 1/3·2/3 = 4/9, κ = (2/9)/(5/9) = .4
    assert tone.documents == 3 and tone.pairs[0].documents == 3
    assert tone.cohen_kappa == pytest.approx(0.4)
    # POS or not: ann 1 0 1, ben 1 0 0: observed 2/3, chance 2/3·1/3 + 1/3·2/3 = 4/9, κ = .4
    assert rows["tone", "POS"].cohen_kappa == pytest.approx(0.4)
    data = agreement(store, labels=["SPORT"]).to_json()["categories"]
    assert [(c["set"], c["category"]) for c in data] == [("topic", "SPORT")]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_category_kappa_matches_scikit_learn(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    team = ["ann", "ben", "cat"]
    store, ids = project(tmp_path / "p.db", 30)
    tones: dict[str, dict[int, str]] = {a: {} for a in team}
    topics: dict[str, dict[int, set[str]]] = {a: {} for a in team}
    for doc in ids:
        base_tone = rng.choice(["POS", "NEG", "NEU"])
        base_topics = {t for t in ("POLITICS", "SPORT") if rng.random() < 0.5}
        for a in rng.sample(team, rng.choice([2, 3])):
            tone = base_tone if rng.random() < 0.6 else rng.choice(["POS", "NEG", "NEU", ""])
            other = {"POLITICS"} if rng.random() < 0.5 else set()
            chosen = base_topics if rng.random() < 0.6 else other
            label(store, doc, a, *chosen, *([tone] if tone else []))
            topics[a][doc] = set(chosen)
            if tone:
                tones[a][doc] = tone
    report = agreement(store)
    rows = {(c.set, c.category): c for c in report.categories}
    for a, b in [("ann", "ben"), ("ann", "cat"), ("ben", "cat")]:
        shared = sorted(set(tones[a]) & set(tones[b]))
        pair = next(p for p in rows["tone", WHOLE_SET].pairs if (p.a, p.b) == (a, b))
        assert pair.documents == len(shared)
        expected = cohen_kappa_score([tones[a][d] for d in shared], [tones[b][d] for d in shared])
        assert pair.cohen_kappa == pytest.approx(expected, abs=1e-9)
        shared = sorted(set(topics[a]) & set(topics[b]))
        for name in ("POLITICS", "SPORT"):
            pair = next(p for p in rows["topic", name].pairs if (p.a, p.b) == (a, b))
            xs = [int(name in topics[a][d]) for d in shared]
            ys = [int(name in topics[b][d]) for d in shared]
            assert pair.cohen_kappa == pytest.approx(cohen_kappa_score(xs, ys), abs=1e-9)
    values = ["POS", "NEG", "NEU"]
    data = [[values.index(tones[a][d]) if d in tones[a] else np.nan for d in ids] for a in team]
    expected = krippendorff.alpha(reliability_data=np.array(data), level_of_measurement="nominal")
    assert rows["tone", WHOLE_SET].krippendorff_alpha == pytest.approx(expected, abs=1e-9)
