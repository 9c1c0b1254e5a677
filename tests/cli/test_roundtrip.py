"""Export -> import into a fresh project -> export gives identical files, for every format.

This goes through the real CLI and real database files: the seed article, pre-annotated by the
real model, reviewed by one annotator (a relabel, a new quote link) and accepted.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.model import SpanData
from annotator.ops import workflow
from annotator.store import Store

from ..conftest import SEEDS
from ..formats.conftest import assert_same_tree

ROUND_TRIP_FORMATS = ["spacy", "prodigy", "conll", "brat", "hf"]


def cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output + (result.stderr or "")
    return result.stdout


@pytest.fixture(scope="module")
def gold_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("gold") / "gold.db"
    cli("--db", str(db), "import", str(SEEDS))
    cli("--db", str(db), "annotate")
    with Store(db) as store:
        [doc_id] = store.document_ids()
        workflow.open_document(store, doc_id, "alice")
        text = store.document_text(doc_id)
        # a human correction: relabel the first ORG as NORP
        org = next(s for s in store.spans(doc_id, "alice") if s.label == "ORG")
        store.update_span(org.id, label="NORP", source="human")
        start = text.index("Afrasiab Anwar")
        if not any(s.start == start for s in store.spans(doc_id, "alice")):
            store.add_span(doc_id, "alice", SpanData(start, start + 14, "PERSON", "human"))
        workflow.set_status(store, doc_id, "alice", "done")
    return db


@pytest.mark.parametrize("fmt", ROUND_TRIP_FORMATS)
def test_export_import_export_is_identical(gold_db: Path, tmp_path: Path, fmt: str) -> None:
    suffix = {"spacy": ".spacy", "prodigy": ".jsonl", "conll": ".conll", "brat": "", "hf": ".jsonl"}
    first = tmp_path / f"first{suffix[fmt]}"
    cli("--db", str(gold_db), "export", "--format", fmt, "--out", str(first))
    fresh = tmp_path / "fresh.db"
    out = cli("--db", str(fresh), "import", "--format", fmt, str(first))
    assert "Imported 1 document" in out
    second = tmp_path / f"second{suffix[fmt]}"
    cli("--db", str(fresh), "export", "--format", fmt, "--out", str(second))
    assert_same_tree(first, second)


@pytest.mark.parametrize("fmt", ["spacy", "prodigy", "brat"])
def test_reimport_keeps_layers_sources_relations_and_speaker_names(
    gold_db: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / ("export" + {"spacy": ".spacy", "prodigy": ".jsonl", "brat": ""}[fmt])
    cli("--db", str(gold_db), "export", "--format", fmt, "--out", str(out))
    fresh = tmp_path / "fresh.db"
    cli("--db", str(fresh), "import", str(out))
    with Store(gold_db) as old, Store(fresh) as new:
        [old_id] = old.document_ids()
        [new_id] = new.document_ids()
        assert new.document_text(new_id) == old.document_text(old_id)
        want = _summary(old, old_id, "alice")
        layer = next(name for name, _ in new.layers())
        got = _summary(new, new_id, layer)
        assert got == want


def _summary(store: Store, doc_id: int, layer: str) -> tuple:
    spans, relations = store.annotations(doc_id, layer)
    keep = [i for i, s in enumerate(spans) if s.label != "BOILERPLATE"]
    index = {old: new for new, old in enumerate(keep)}
    return (
        sorted(
            (s.start, s.end, s.label, s.source, json.dumps(s.attrs, sort_keys=True))
            for s in spans
            if s.label != "BOILERPLATE"
        ),
        sorted(
            (spans[r.head].start, spans[r.child].start, r.label)
            for r in relations
            if r.head in index and r.child in index
        ),
    )


def test_exported_files_get_the_usual_permissions(gold_db: Path, tmp_path: Path) -> None:
    import os
    import stat

    out = tmp_path / "q.jsonl"
    cli("--db", str(gold_db), "export", "--format", "quotes-jsonl", "--out", str(out))
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
