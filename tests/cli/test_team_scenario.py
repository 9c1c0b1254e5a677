"""The whole team scenario on real files: pack for two annotators, label each pack separately,
merge, measure agreement (κ equal to scikit-learn's), adjudicate, export the gold layer."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from sklearn.metrics import cohen_kappa_score

from annotator.cli import main
from annotator.ops import edits, workflow
from annotator.ops.agreement import token_categories, tokens
from annotator.store import Store

from ..conftest import SEED_ARTICLE

ARTICLES = [
    "Tories promise tax cuts\n\nMichael Howard said on Monday that a Conservative government "
    "would cut taxes by £4bn. “We will give people their money back,” Mr Howard told voters in "
    "Birmingham.\n",
    "Microsoft opens Dublin centre\n\nMicrosoft will open a research centre in Dublin in "
    "March, the company said. Bill Gates visited Ireland last year.\n",
    "Arsenal beat Chelsea\n\nArsenal beat Chelsea 2-1 at Highbury on Saturday. “It was a great "
    "day,” said Arsene Wenger.\n",
    "Oil price rises again\n\nThe price of oil rose to $50 a barrel in New York on Tuesday as "
    "OPEC met in Vienna.\n",
]


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def label(pack: Path, annotator: str, change: str) -> None:
    """Review every packed document as the app does; ``change`` one kind of suggestion."""
    with Store(pack) as store:
        for doc_id in store.document_ids():
            workflow.open_document(store, doc_id, annotator)
            spans = store.spans(doc_id, annotator)
            assert spans, "the pack carries the model's suggestions"
            for span in spans:
                if span.label == change and change == "GPE":
                    edits.DeleteSpan(doc_id, annotator, span_id=span.id or 0).do(store)
                elif span.label == change:
                    edits.UpdateSpan(
                        doc_id, annotator, span_id=span.id or 0, changes={"label": "NORP"}
                    ).do(store)
            edits.SetStatus(doc_id, annotator, status="done").do(store)


@pytest.mark.slow
def test_two_packs_merged_give_kappa_and_an_adjudicated_gold_export(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i, text in enumerate(ARTICLES):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    shutil.copy(SEED_ARTICLE, folder / "seed.txt")
    db = str(tmp_path / "project.db")
    run("--db", db, "import", str(folder))
    run("--db", db, "annotate")
    packs = {}
    for name in ("alice", "bob"):
        packs[name] = tmp_path / f"{name}.db"
        out = run(
            "--db", db, "pack", "--annotator", name, "--docs", "all", "--team", "alice,bob",
            "--overlap", "0.6", "--seed", "2", "--out", str(packs[name]),
        )  # fmt: skip
        assert f"for {name}" in out
    with Store(packs["alice"]) as a, Store(packs["bob"]) as b:
        alice = {a.document(d).content_hash for d in a.document_ids()}
        bob = {b.document(d).content_hash for d in b.document_ids()}
    shared = alice & bob
    assert len(shared) >= 2 and len(alice | bob) == 5
    label(packs["alice"], "alice", "GPE")  # alice removes places
    label(packs["bob"], "bob", "ORG")  # bob calls organisations NORP
    merged = run("--db", db, "merge", str(packs["alice"]), str(packs["bob"]))
    assert f"{5 + len(shared)} layer(s) taken" in merged
    again = run("--db", db, "merge", str(packs["alice"]), str(packs["bob"]))
    assert "0 layer(s) taken" in again and "0 conflict(s)" in again

    out = run("--db", db, "agreement", "--json", str(tmp_path / "agreement.json"))
    assert "alice – bob" in out
    report = json.loads((tmp_path / "agreement.json").read_text())
    xs: list[str] = []
    ys: list[str] = []
    with Store(db) as store:
        for doc_id in store.document_ids():
            if store.document(doc_id).content_hash in shared:
                toks = tokens(store.document_text(doc_id))
                xs += token_categories(toks, store.spans(doc_id, "alice"))
                ys += token_categories(toks, store.spans(doc_id, "bob"))
    pair = report["pairs"][0]
    assert pair["documents"] == len(shared) and pair["tokens"] == len(xs)
    assert pair["cohen_kappa"] == pytest.approx(cohen_kappa_score(xs, ys), abs=1e-9)
    assert f"{pair['cohen_kappa']:.3f}" in out

    out = run("--db", db, "--annotator", "judge", "adjudicate", "--list")
    assert f"{len(shared)} document(s) done by two or more" in out and "open" in out
    out = run("--db", db, "--annotator", "judge", "adjudicate", "--prefer", "bob")
    assert out.rstrip().endswith("0 open")
    stats = run("--db", db, "stats")
    assert "unanimous" in stats and f"{len(shared)} adjudicated, 0 in progress" in stats

    gold = tmp_path / "gold.jsonl"
    run("--db", db, "export", "--format", "prodigy", "--out", str(gold))
    tasks = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    assert len(tasks) == 5  # every document: adjudicated gold, or its one annotator's layer
    with Store(db) as store:
        by_text = {store.document(d).text: d for d in store.document_ids()}
        for task in tasks:
            doc_id = by_text[task["text"]]
            if store.document(doc_id).content_hash in shared:
                assert task["meta"]["layer"] == "gold"
                assert task["meta"]["annotators"] == ["alice", "bob"]
                labels = {s["label"] for s in task["spans"]}
                assert "ORG" not in labels  # bob's NORP versions were picked
                assert all(s["attrs"]["provenance"] in ("agreed", "picked:bob")
                           for s in task["spans"])  # fmt: skip
            else:
                assert task["meta"]["layer"] in ("alice", "bob")
