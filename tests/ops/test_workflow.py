"""The per-annotator workflow of docs/design.md §2 and the layer an export takes its spans from."""

from __future__ import annotations

import pytest

from annotator.errors import AnnotatorError
from annotator.model import RelationData, SpanData
from annotator.ops import workflow
from annotator.ops.export import iter_records, parse_split, split_of
from annotator.store import Store

TEXT = "Mr Hussain said: “It has become clear.” Labour said nothing."
MODEL = "model:en_test@1.0"


def _model_run(store: Store, doc_id: int) -> None:
    store.replace_annotations(
        doc_id, MODEL,
        [SpanData(16, 39, "QUOTE", attrs={"speaker_name": "Imran Hussain"}),
         SpanData(3, 10, "SPEAKER"), SpanData(11, 15, "CUE"), SpanData(3, 10, "PERSON"),
         SpanData(40, 46, "ORG")],
        [RelationData(0, 1, "SPEAKER"), RelationData(0, 2, "CUE")],
    )  # fmt: skip


def test_first_open_copies_model_suggestions_once(store: Store) -> None:
    doc_id, _ = store.add_document("d", TEXT)
    _model_run(store, doc_id)
    assert workflow.open_document(store, doc_id, "alice") is True
    spans, relations = store.annotations(doc_id, "alice")
    assert [(s.label, s.source, s.reviewed) for s in spans][:2] == [
        ("SPEAKER", "model", False), ("PERSON", "model", False)]  # fmt: skip
    assert len(relations) == 2
    assert store.status(doc_id, "alice") == "in_progress"
    store.delete_span(spans[-1].id)
    assert workflow.open_document(store, doc_id, "alice") is False  # never copied again
    assert len(store.spans(doc_id, "alice")) == len(spans) - 1
    assert store.spans(doc_id, MODEL)[0].source == "model"  # the model layer is untouched


def test_accept_marks_reviewed_and_logs(store: Store) -> None:
    doc_id, _ = store.add_document("d", TEXT)
    _model_run(store, doc_id)
    workflow.open_document(store, doc_id, "alice")
    assert workflow.set_status(store, doc_id, "alice", "done") == "in_progress"
    assert all(s.reviewed for s in store.spans(doc_id, "alice"))
    assert store.status(doc_id, "alice") == "done"
    assert workflow.set_status(store, doc_id, "alice", "in_progress") == "done"
    actions = [e["action"] for e in store.edit_log(doc_id)]
    assert actions == ["open", "status:done", "status:in_progress"]


def test_next_unfinished_skips_done_and_skipped(store: Store) -> None:
    ids = [store.add_document(f"d{i}", f"text {i}")[0] for i in range(4)]
    workflow.set_status(store, ids[1], "alice", "done")
    workflow.set_status(store, ids[2], "alice", "skipped")
    assert workflow.next_unfinished(store, "alice", ids[0]) == ids[3]
    assert workflow.next_unfinished(store, "alice", ids[3], backwards=True) == ids[0]
    assert workflow.next_unfinished(store, "bob", ids[0]) == ids[1]


def test_gold_view_is_the_single_annotators_finished_layer(store: Store) -> None:
    done_id, _ = store.add_document("done", TEXT)
    open_id, _ = store.add_document("open", TEXT + " More.")
    for doc_id in (done_id, open_id):
        _model_run(store, doc_id)
        workflow.open_document(store, doc_id, "alice")
    workflow.set_status(store, done_id, "alice", "done")
    records = list(iter_records(store, layer="gold", status="done"))
    assert [(r.name, r.layer) for r in records] == [("done", "alice")]
    assert len(records[0].relations) == 2
    everything = list(iter_records(store, layer="gold", status="all"))
    assert [r.name for r in everything] == ["done", "open"]


def test_adjudicated_gold_wins_and_model_layer_ignores_status(store: Store) -> None:
    doc_id, _ = store.add_document("d", TEXT)
    _model_run(store, doc_id)
    store.replace_annotations(doc_id, "gold", [SpanData(3, 10, "PERSON", "human")])
    workflow.open_document(store, doc_id, "alice")
    workflow.set_status(store, doc_id, "alice", "done")
    [gold] = iter_records(store, layer="gold")
    assert gold.layer == "gold" and [s.label for s in gold.spans] == ["PERSON"]
    [model] = iter_records(store, layer="model", status="done")
    assert model.layer == MODEL and len(model.spans) == 5


def test_no_model_layer_is_a_clear_error(store: Store) -> None:
    store.add_document("d", TEXT)
    with pytest.raises(AnnotatorError, match="run `annotator annotate` first"):
        list(iter_records(store, layer="model"))


def test_split_is_stable_and_follows_the_ratios() -> None:
    ratios = parse_split("train=0.8,dev=0.1,test=0.1")
    hashes = [f"{i:064x}" for i in range(3000)]
    first = [split_of(h, ratios, 7) for h in hashes]
    assert first == [split_of(h, ratios, 7) for h in hashes]
    assert first != [split_of(h, ratios, 8) for h in hashes]
    assert 0.75 < first.count("train") / 3000 < 0.85


@pytest.mark.parametrize("bad", ["train=0.8,dev=0.1", "train=x", "train", "a=0.5,a=0.5"])
def test_bad_split_is_one_clear_message(bad: str) -> None:
    with pytest.raises(AnnotatorError, match="split"):
        parse_split(bad)


def test_document_opened_before_preannotation_gets_suggestions_later(store: Store) -> None:
    doc_id, _ = store.add_document("d", TEXT)
    assert workflow.open_document(store, doc_id, "alice") is False
    assert store.status(doc_id, "alice") == "in_progress"
    _model_run(store, doc_id)
    assert workflow.open_document(store, doc_id, "alice") is True
    assert len(store.spans(doc_id, "alice")) == 5


def test_suggestions_never_come_back_after_the_annotator_deleted_them(store: Store) -> None:
    doc_id, _ = store.add_document("d", TEXT)
    _model_run(store, doc_id)
    workflow.open_document(store, doc_id, "alice")
    for span in store.spans(doc_id, "alice"):
        store.delete_span(span.id)
    assert workflow.open_document(store, doc_id, "alice") is False
    assert store.spans(doc_id, "alice") == []


def test_work_stats_from_the_edit_log(store: Store) -> None:
    from annotator.store import work_stats

    a, _ = store.add_document("a", TEXT)
    b, _ = store.add_document("b", TEXT + " B.")
    stamps = iter(["2026-01-01T10:00:00.000+00:00", "2026-01-01T10:01:00.000+00:00",
                   "2026-01-01T10:02:30.000+00:00", "2026-01-01T11:00:00.000+00:00",
                   "2026-01-01T11:00:20.000+00:00"])  # fmt: skip
    for doc_id, action in [(a, "open"), (a, "span:create"), (a, "status:done"),
                           (b, "open"), (b, "span:delete")]:  # fmt: skip
        entry = store.log_edit("alice", action, document_id=doc_id)
        store.db.execute("UPDATE edit_log SET at = ? WHERE id = ?", [next(stamps), entry])
    store.set_status(a, "alice", "done")
    [(name, work)] = work_stats(store).items()
    assert name == "alice"
    assert (work.edits, work.documents, work.done) == (3, 2, 1)
    assert work.active_seconds == 150 + 20
    assert work.seconds_per_document == 85
    assert round(work.edits_per_hour) == round(3 / (170 / 3600))
