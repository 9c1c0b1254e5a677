"""``--annotator``, ``pack`` and ``merge`` on the command line, with real project files."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.model import Label, SpanData
from annotator.ops import edits, workflow
from annotator.store import Store


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_pack_merge_and_progress_in_stats(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"n{i}.txt").write_text(f"Title {i}\n\nAnn Lee spoke in Paris {i} times.\n")
    assert run("--db", str(db), "import", str(folder))[0] == 0
    code, out, err = run(
        "--db", str(db), "pack", "--annotator", "alice", "--docs", "name:n[0-3]*", "--out",
        str(tmp_path / "alice.db"),
    )  # fmt: skip
    assert code == 0, err
    assert "Packed 4 documents for alice" in out and "no model layer" in err
    with Store(tmp_path / "alice.db") as packed:
        for doc_id in packed.document_ids()[:2]:
            workflow.open_document(packed, doc_id, "alice")
            edits.CreateSpan(doc_id, "alice", label="PERSON", start=9, end=16).do(packed)
            edits.SetStatus(doc_id, "alice", status="done").do(packed)
    code, out, err = run("--db", str(db), "merge", str(tmp_path / "alice.db"))
    assert code == 0, err
    assert "2 layer(s) taken" in out and "0 conflict(s)" in out
    code, out, _ = run("--db", str(db), "merge", str(tmp_path / "alice.db"))
    assert "0 layer(s) taken" in out and "0 edit-log entries" in out
    code, out, _ = run("--db", str(db), "stats")
    row = next(line for line in out.splitlines() if line.strip().startswith("alice"))
    assert row.split()[1:] == ["4", "0", "2", "0", "33%"]
    code, _out, err = run("--db", str(db), "--annotator", "gold", "stats")
    assert code != 0 and "not an annotator" in err
    code, _out, err = run("--db", str(db), "merge", str(tmp_path / "none.db"))
    assert code == 1 and "no such file" in err


def test_agreement_table_and_json(tmp_path: Path) -> None:
    import json

    db = tmp_path / "p.db"
    with Store(db) as store:
        for i in range(3):
            doc, _ = store.add_document(f"d{i}.txt", f"Ann Lee met Bob Day in Paris {i}.")
            for name, label in (("ann", "PERSON"), ("ben", "PERSON" if i else "ORG")):
                store.replace_annotations(doc, name, [SpanData(0, 7, label, "human")])
                store.set_status(doc, name, "done")
    code, out, err = run("--db", str(db), "agreement", "--json", str(tmp_path / "a.json"))
    assert code == 0, err
    assert "ann – ben" in out and "PERSON" in out and "d0.txt" in out
    data = json.loads((tmp_path / "a.json").read_text())
    assert data["pairs"][0]["exact_f1"] == 2 / 3
    assert data["categories"] == []  # the scheme has no document categories yet
    with Store(db) as store:
        store.add_labels([Label("POS", "category", group="tone"),
                          Label("NEG", "category", group="tone")])  # fmt: skip
        for i, doc in enumerate(store.document_ids()):
            store.set_document_label(doc, "ann", "POS", "accept")
            store.set_document_label(doc, "ben", "POS" if i else "NEG", "accept")
    code, out, err = run("--db", str(db), "agreement", "--json", str(tmp_path / "a.json"))
    assert code == 0, err
    assert "tone: (the set, nominal)" in out and "tone: POS" in out
    data = json.loads((tmp_path / "a.json").read_text())
    whole = data["categories"][0]
    assert (whole["set"], whole["category"], whole["documents"]) == ("tone", "", 3)
    # ann always POS: observed 2/3 = chance 1·2/3, so κ = 0
    assert whole["pairs"][0]["documents"] == 3 and whole["cohen_kappa"] == pytest.approx(0.0)
    code, out, err = run("--db", str(db), "agreement", "--annotators", "ann,zed")
    assert code == 1 and "zed" in err


def test_adjudicate_puts_agreed_story_categories_into_gold_and_lists_the_rest(
    tmp_path: Path,
) -> None:
    from annotator.model import GOLD_LAYER

    db = tmp_path / "p.db"
    with Store(db) as store:
        store.add_labels([Label("POLITICS", "category", group="topic", multi=True),
                          Label("SPORT", "category", group="topic", multi=True),
                          Label("POS", "category", group="tone"),
                          Label("NEG", "category", group="tone")])  # fmt: skip
        doc, _ = store.add_document("d.txt", "Ann Lee met Bob Day.")
        for name, labels in (("ann", ["POLITICS", "POS"]), ("ben", ["POLITICS", "SPORT", "NEG"])):
            store.replace_annotations(doc, name, [SpanData(0, 7, "PERSON", "human")])
            for label in labels:
                store.set_document_label(doc, name, label, "accept")
            store.set_status(doc, name, "done")
    code, out, err = run("--db", str(db), "--annotator", "judge", "adjudicate", "--list")
    assert code == 0, err
    assert "d.txt: 0 open of 0" in out
    assert "story category topic: SPORT: ann: nothing; ben: SPORT (gold: nothing)" in out
    assert "story category tone: ann: POS; ben: NEG (gold: nothing)" in out
    with Store(db) as store:
        assert store.document_labels(doc, GOLD_LAYER) == {"POLITICS": "accept"}
        assert store.status(doc, GOLD_LAYER) == "done"
