"""Pack documents for annotators, label them in the packed file, merge back (ops, real files)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.errors import AnnotatorError, SettingError
from annotator.model import QUOTE, SPEAKER, RelationData, SpanData
from annotator.ops import edits, workflow
from annotator.ops.packs import fingerprint, merge, pack, parse_query, select_documents
from annotator.store import Store

MODEL = "model:test@1"
TEXTS = [
    f"Story {i}. Mr Smith met Ann Lee in Paris on Monday, said the report number {i}."
    for i in range(20)
]


def make_project(path: Path) -> Store:
    store = Store(path)
    for i, text in enumerate(TEXTS):
        doc, _ = store.add_document(f"story{i:02}.txt", text, title=f"Story {i}")
        start = text.index("Paris")
        store.replace_annotations(doc, MODEL, [SpanData(start, start + 5, "GPE")])
    return store


def dump(store: Store) -> dict[str, object]:
    """Everything merge may touch, by content hash: layers, statuses, notes, the edit log."""
    out: dict[str, object] = {}
    for doc_id in store.document_ids():
        digest = store.document(doc_id).content_hash
        for layer, _kind in store.layers():
            out[f"{digest}/{layer}"] = fingerprint(store, doc_id, layer)
    out["log"] = sorted(
        (e["at"], e["annotator"], e["action"], str(e["payload"])) for e in store.edit_log()
    )
    out["documents"] = store.count_documents()
    return out


def label_in_pack(path: Path, annotator: str, label: str = "PERSON") -> list[int]:
    """Open every packed document as ``annotator``, draw one span, give the story a category,
    accept: the app's ops."""
    done = []
    with Store(path) as packed:
        for doc_id in packed.document_ids():
            workflow.open_document(packed, doc_id, annotator)
            packed.set_document_label(doc_id, annotator, "politics", "accept")
            text = packed.document_text(doc_id)
            start = text.index("Ann Lee")
            edits.CreateSpan(doc_id, annotator, label=label, start=start, end=start + 7).do(packed)
            edits.SetStatus(doc_id, annotator, status="done").do(packed)
            done.append(doc_id)
    return done


def test_overlap_is_shared_and_the_rest_dealt_out(tmp_path: Path) -> None:
    store = make_project(tmp_path / "p.db")
    team = ("alice", "bob")
    picks = {a: select_documents(store, a, "all", overlap=0.3, seed=4, team=team) for a in team}
    alice, bob = (set(picks[a].documents) for a in team)
    assert picks["alice"].overlap == picks["bob"].overlap
    shared = picks["alice"].overlap
    assert 0 < len(shared) < 20
    assert alice & bob == shared
    assert alice | bob == set(store.document_ids())
    # The same seed gives the same overlap in another project holding the same texts.
    other = make_project(tmp_path / "q.db")
    again = select_documents(other, "carol", "all", overlap=0.3, seed=4)
    assert again.overlap == shared
    assert select_documents(store, "alice", "all", overlap=0.3, seed=5).overlap != shared


def test_query_terms(tmp_path: Path) -> None:
    store = make_project(tmp_path / "p.db")
    assert parse_query("status:done label:GPE name:*.txt id:3-5 random:2 Paris") == parse_query(
        "Paris random:2 id:3-5 name:*.txt label:GPE status:done"
    )
    assert select_documents(store, "a", "name:story0*").documents == list(range(1, 11))
    assert select_documents(store, "a", "id:3-5").documents == [3, 4, 5]
    assert select_documents(store, "a", "label:GPE id:1").documents == [1]
    assert select_documents(store, "a", "label:PERSON").documents == []
    assert select_documents(store, "a", "number 7").documents == [8]
    sample = select_documents(store, "a", "random:5", seed=1).documents
    assert len(sample) == 5 and sample == select_documents(store, "a", "random:5", seed=1).documents
    assert sample != select_documents(store, "a", "random:5", seed=2).documents
    store.set_status(2, "a", "done")
    assert select_documents(store, "a", "status:done").documents == [2]
    for bad in ("status:finished", "random:0", "id:x", "label:"):
        with pytest.raises(SettingError, match=r"^docs: ") as info:
            select_documents(store, "a", bad)
        assert info.value.setting == "docs"  # the CLI says --docs, the app its own words


def test_pack_label_merge_round_trip_is_idempotent(tmp_path: Path) -> None:
    store = make_project(tmp_path / "p.db")
    out = tmp_path / "alice.db"
    report = pack(store, annotator="alice", query="id:1-4", out=out)
    assert report.documents == 4 and report.suggestions == MODEL
    with Store(out) as packed:
        assert packed.count_documents() == 4
        assert packed.labels() == store.labels()
        assert all(packed.spans(d, MODEL) for d in packed.document_ids())
    label_in_pack(out, "alice")
    merged = merge(store, [out])
    assert merged.layers_taken == 4 and not merged.conflicts and merged.documents_added == 0
    assert merged.log_entries > 0
    for doc_id in range(1, 5):
        assert store.status(doc_id, "alice") == "done"
        labels = sorted((s.label, s.source) for s in store.spans(doc_id, "alice"))
        assert labels == [("GPE", "model"), ("PERSON", "human")]
        assert store.document_labels(doc_id, "alice") == {"politics": "accept"}
    assert store.count_documents() == 20
    before = dump(store)
    again = merge(store, [out])
    assert again.layers_taken == 0 and again.log_entries == 0 and again.unchanged == 4
    assert dump(store) == before


def test_changed_in_both_places_keeps_both(tmp_path: Path) -> None:
    store = make_project(tmp_path / "p.db")
    workflow.open_document(store, 1, "alice")  # alice started at the office...
    out = tmp_path / "alice.db"
    pack(store, annotator="alice", query="id:1-2", out=out)
    with Store(out) as packed:
        assert packed.status(1, "alice") == "in_progress"
    label_in_pack(out, "alice", "ORG")  # ...labelled at home...
    text = store.document_text(1)
    start = text.index("Mr Smith")
    edits.CreateSpan(1, "alice", label="PERSON", start=start, end=start + 8).do(store)  # and here
    ours = fingerprint(store, 1, "alice")
    report = merge(store, [out])
    assert len(report.conflicts) == 1 and "story00.txt" in report.conflicts[0]
    assert report.layers_taken == 1  # document 2 changed only in the pack
    assert fingerprint(store, 1, "alice") == ours
    conflict = next(name for name, _ in store.layers() if "@conflict-" in name)
    assert [s.label for s in store.spans(1, conflict) if s.source == "human"] == ["ORG"]
    before = dump(store)
    assert len(merge(store, [out]).conflicts) == 1
    assert dump(store) == before


def test_merge_adds_unknown_documents_once_and_keeps_quotes(tmp_path: Path) -> None:
    store = make_project(tmp_path / "p.db")
    elsewhere = Store(tmp_path / "home.db")
    text = "“We will win,” said Ann Lee."
    doc, _ = elsewhere.add_document("new.txt", text)
    elsewhere.replace_annotations(
        doc, "bob",
        [SpanData(0, 14, QUOTE, "human", {"speaker_name": "Ann Lee"}), SpanData(21, 28, SPEAKER)],
        [RelationData(0, 1, SPEAKER)],
    )  # fmt: skip
    elsewhere.set_status(doc, "bob", "done")
    elsewhere.close()
    for _ in range(2):
        merge(store, [tmp_path / "home.db"])
    assert store.count_documents() == 21
    spans, relations = store.annotations(21, "bob")
    assert spans[0].attrs == {"speaker_name": "Ann Lee"}
    assert relations == [RelationData(0, 1, SPEAKER)]


def test_pack_refuses_and_cleans_up(tmp_path: Path) -> None:
    store = make_project(tmp_path / "p.db")
    with pytest.raises(AnnotatorError, match="matches no document"):
        pack(store, annotator="a", query="label:LAW", out=tmp_path / "x.db")
    assert not (tmp_path / "x.db").exists()
    pack(store, annotator="a", query="id:1", out=tmp_path / "x.db")
    with pytest.raises(AnnotatorError, match="already exists"):
        pack(store, annotator="a", query="id:1", out=tmp_path / "x.db")
    with pytest.raises(AnnotatorError, match="not an annotator"):
        pack(store, annotator="gold", query="id:1", out=tmp_path / "y.db")
    with pytest.raises(AnnotatorError, match="no such file"):
        merge(store, [tmp_path / "missing.db"])
