"""What the statistics view counts: suggestion outcomes, work over time, the model choice."""

from __future__ import annotations

from pathlib import Path

import spacy

from annotator.model import SpanData
from annotator.ops import workflow
from annotator.ops.charts import statistics_figure
from annotator.ops.models import (
    current_model,
    installed_pipelines,
    model_choices,
    remember_trained,
    set_current_model,
)
from annotator.ops.statistics import project_statistics, suggestion_outcomes
from annotator.store import Store

TEXT = "Ann Lee met Bob Ray in Rome on Monday with Sue Kim."
MODEL = "model:en_test@1"


def _at(part: str, label: str, source: str = "model") -> SpanData:
    start = TEXT.index(part)
    return SpanData(start, start + len(part), label, source=source)


def test_suggestions_accepted_changed_rejected_and_added(store: Store) -> None:
    doc_id, _ = store.add_document("a.txt", TEXT)
    store.replace_annotations(doc_id, MODEL, [
        _at("Ann Lee", "PERSON"), _at("Bob Ray", "PERSON"), _at("Rome", "ORG"),
        _at("Monday", "DATE"),
    ])  # fmt: skip
    workflow.open_document(store, doc_id, "alice")  # copies the four suggestions in
    spans = {s.start: s for s in store.spans(doc_id, "alice")}
    bob, rome, monday = (TEXT.index(w) for w in ("Bob", "Rome", "Monday"))
    store.update_span(spans[bob].id, start=bob + 4)  # "Ray": resized -> changed
    store.update_span(spans[rome].id, label="GPE")  # relabelled -> changed
    store.delete_span(spans[monday].id)  # -> rejected
    store.add_span(doc_id, "alice", _at("Sue Kim", "PERSON", "human"))  # -> added
    nothing = {"accepted": 0, "changed": 0, "rejected": 0, "added": 0}
    assert suggestion_outcomes(store) == nothing  # only finished documents count
    workflow.set_status(store, doc_id, "alice", "done")
    assert suggestion_outcomes(store) == {"accepted": 1, "changed": 2, "rejected": 1, "added": 1}


def test_project_statistics_and_their_figure(store: Store) -> None:
    doc_id, _ = store.add_document("a.txt", TEXT)
    store.replace_annotations(doc_id, MODEL, [_at("Ann Lee", "PERSON")])
    workflow.open_document(store, doc_id, "alice")
    workflow.set_status(store, doc_id, "alice", "done")
    stats = project_statistics(store)
    assert [n for _, n in stats.done_over_time] == [1]
    assert stats.spans_per_label == {"PERSON": 1}
    assert sum(n for _, n in stats.edits_per_hour) == 1  # the accept; opening is no edit
    assert stats.evaluation is None and stats.learning_curve is None
    figure = statistics_figure(stats)
    assert len(figure.axes) == 6 and figure.axes[0].lines


def test_model_choice_is_remembered_per_project(store: Store, tmp_path: Path) -> None:
    assert installed_pipelines() == sorted(spacy.util.get_installed_models())
    assert current_model(store) is None
    folder = tmp_path / "m1"
    folder.mkdir()
    remember_trained(store, folder)
    assert model_choices(store) == [*installed_pipelines(), str(folder.resolve())]
    set_current_model(store, str(folder))
    assert current_model(store) == str(folder.resolve())
    set_current_model(store, None)
    assert current_model(store) is None
