"""Every export is one consistent snapshot, even while another process rewrites documents.

The exporter is paused by a hook between reading a document's spans and its relations; another
connection (as a concurrent ``annotate`` would) then rewrites every document and commits. The
export must be the project as it was when it started: no relation dropped, no document mixed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from annotator.model import RelationData, SpanData
from annotator.ops.export import export
from annotator.store import Store

MODEL = "model:en_test@1.0"
TEXT = "Mr Hussain said: “It has become clear.” Labour said nothing. Doc {n}."


def _annotate(store: Store, doc_id: int, speaker_name: str) -> None:
    quote = TEXT.index("“"), TEXT.index("”") + 1
    store.replace_annotations(
        doc_id, MODEL,
        [SpanData(*quote, "QUOTE", attrs={"speaker_name": speaker_name}),
         SpanData(0, 10, "SPEAKER"), SpanData(11, 15, "CUE"), SpanData(3, 10, "PERSON"),
         SpanData(TEXT.index("Labour"), TEXT.index("Labour") + 6, "ORG")],
        [RelationData(0, 1, "SPEAKER"), RelationData(0, 2, "CUE")],
    )  # fmt: skip


def _project(path: Path, n: int = 4) -> list[int]:
    with Store(path) as store:
        ids = [store.add_document(f"d{i}.txt", TEXT.format(n=i))[0] for i in range(n)]
        for doc_id in ids:
            _annotate(store, doc_id, "Imran Hussain")
    return ids


def _pause_between_spans_and_relations(store: Store, action: Callable[[], None]) -> list[int]:
    """Run ``action`` once, the first time the exporter reads relations (after the spans)."""
    calls: list[int] = []
    read_relations = store.relations

    def relations(document_id: int, layer: str) -> Any:
        if not calls:
            action()
        calls.append(document_id)
        return read_relations(document_id, layer)

    store.relations = relations  # type: ignore[method-assign]
    return calls


@pytest.mark.parametrize("fmt", ["quotes-jsonl", "jsonl", "spacy", "brat"])
def test_export_concurrent_with_a_rewrite_is_the_snapshot_it_started_with(
    tmp_path: Path, fmt: str
) -> None:
    db = tmp_path / "project.db"
    ids = _project(db)
    before, during = tmp_path / "before", tmp_path / "during"
    with Store(db, readonly=True) as reader:
        export(reader, format=fmt, out=before / "out", layer="model")

    def rewrite_every_document() -> None:  # a concurrent annotate run, committed
        with Store(db) as writer:
            for doc_id in ids:
                _annotate(writer, doc_id, "Someone Else")

    with Store(db, readonly=True) as reader:
        calls = _pause_between_spans_and_relations(reader, rewrite_every_document)
        report = export(reader, format=fmt, out=during / "out", layer="model")
    assert calls == ids and report.documents == len(ids)
    assert report.warnings == {}  # no relation left out
    assert _files(before) == _files(during)  # exactly the project as the export began
    if fmt == "quotes-jsonl":
        rows = [json.loads(line) for line in (during / "out").read_text("utf-8").splitlines()]
        assert all(r["speaker"] and r["cue"] and r["speaker_name"] == "Imran Hussain" for r in rows)
    with Store(db, readonly=True) as reader:  # the next export sees the rewrite
        export(reader, format=fmt, out=tmp_path / "after" / "out", layer="model")
    assert _files(tmp_path / "after") != _files(before)


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }
