"""The SQL views of docs/design.md §4, read from outside through the ``sqlite-utils`` CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from annotator.ops import workflow
from annotator.ops.annotate import annotate
from annotator.ops.export import export
from annotator.ops.importing import import_paths
from annotator.store import Store

from ..conftest import SEEDS

SQLITE_UTILS = Path(sys.executable).parent / "sqlite-utils"
ME = "ana"


def sqlite_utils(*args: str) -> list[dict[str, Any]]:
    """Run the sqlite-utils command line (as a user outside Annotator would) and parse its JSON."""
    out = subprocess.run(
        [str(SQLITE_UTILS), *args], capture_output=True, text=True, check=True, timeout=60
    )
    rows: list[dict[str, Any]] = json.loads(out.stdout)
    return rows


@pytest.fixture(scope="module")
def annotated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real project: the sample article and a short one, pre-annotated by the real pipeline;
    ``ana`` accepts the sample after removing one entity."""
    folder = tmp_path_factory.mktemp("in")
    (folder / "short.txt").write_text("Rishi Sunak spoke in London.\n", encoding="utf-8")
    path = tmp_path_factory.mktemp("project") / "project.db"
    with Store(path) as store:
        import_paths(store, [SEEDS, folder])
        annotate(store)
        sample = store.document_ids()[0]
        workflow.open_document(store, sample, ME)
        first_entity = next(s for s in store.spans(sample, ME) if s.label == "PERSON")
        store.delete_span(first_entity.id or 0)
        workflow.set_status(store, sample, ME, "done")
    return path


def test_quotes_view_holds_what_the_quotes_export_writes(annotated: Path, tmp_path: Path) -> None:
    out = tmp_path / "quotes.jsonl"
    with Store(annotated) as store:
        export(store, format="quotes-jsonl", out=out, layer=ME, status="done")
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    viewed = sqlite_utils(
        "query", str(annotated),
        "SELECT * FROM quotes WHERE layer = :layer ORDER BY document_id, start",
        "-p", "layer", ME,
    )  # fmt: skip
    assert len(viewed) == len(exported) > 10
    for row, want in zip(viewed, exported, strict=True):
        assert (row["document"], row["layer"], row["start"], row["end"], row["text"]) == (
            want["document"], want["layer"], want["start"], want["end"], want["text"],
        )  # fmt: skip
        assert row["speaker_name"] == want["speaker_name"]
        for part in ("speaker", "cue"):
            expected = want[part]
            got = (
                None if row[f"{part}_start"] is None
                else {"start": row[f"{part}_start"], "end": row[f"{part}_end"], "text": row[part]}
            )  # fmt: skip
            assert got == expected, (part, row)


def test_entities_view_counts_match_the_store(annotated: Path) -> None:
    rows = sqlite_utils("rows", str(annotated), "entities")
    with Store(annotated) as store:
        want = []
        for doc_id in store.document_ids():
            text = store.document_text(doc_id)
            for layer, _kind in store.layers():
                want += [
                    (doc_id, layer, s.label, s.start, s.end, text[s.start : s.end])
                    for s in store.spans(doc_id, layer)
                    if s.label not in ("QUOTE", "SPEAKER", "CUE", "BOILERPLATE")
                ]
    got = [(r["document_id"], r["layer"], r["label"], r["start"], r["end"], r["text"])
           for r in rows]  # fmt: skip
    assert sorted(got) == sorted(want)
    assert ("short.txt", "Rishi Sunak") in {(r["document"], r["text"]) for r in rows}


def test_documents_status_view(annotated: Path) -> None:
    rows = sqlite_utils("rows", str(annotated), "documents_status")
    by_name = {r["document"]: r for r in rows}
    assert len(rows) == 2
    sample = by_name[next(n for n in by_name if n != "short.txt")]
    assert (sample["annotator"], sample["status"]) == (ME, "done")
    with Store(annotated) as store:
        assert sample["spans"] == len(store.spans(sample["document_id"], ME)) > 0
    short = by_name["short.txt"]
    assert (short["annotator"], short["status"], short["spans"]) == (None, "new", 0)
