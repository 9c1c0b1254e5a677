"""Edits of annotator.ops.edits on a real project file: applying then reverting changes nothing."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.errors import AnnotatorError, SpanError
from annotator.model import RelationData, SpanData
from annotator.ops import edits
from annotator.store import Store

TEXT = "Mr Hussain said: “We need a ceasefire in Gaza now.” Keir Starmer replied on Sunday."
ME = "ana"
LABELS = ["PERSON", "GPE", "DATE", "QUOTE", "SPEAKER", "CUE", "BOILERPLATE"]


def make_project(path: Path) -> tuple[Store, int]:
    """A document with model suggestions already copied into the annotator's layer."""
    store = Store(path)
    doc_id, _ = store.add_document("a.txt", TEXT)
    quote_start = TEXT.index("“")
    quote_end = TEXT.index("”") + 1
    spans = [
        SpanData(3, 10, "PERSON"),
        SpanData(0, 10, "SPEAKER"),
        SpanData(11, 15, "CUE"),
        SpanData(quote_start, quote_end, "QUOTE", attrs={"speaker_name": "Imran Hussain"}),
        SpanData(TEXT.index("Gaza"), TEXT.index("Gaza") + 4, "GPE"),
        SpanData(TEXT.index("Keir"), TEXT.index("Keir") + 11, "PERSON", reviewed=True),
    ]
    store.replace_annotations(
        doc_id, ME, spans, [RelationData(3, 1, "SPEAKER"), RelationData(3, 2, "CUE")]
    )
    store.set_status(doc_id, ME, "in_progress")
    return store, doc_id


@pytest.fixture
def project(tmp_path: Path) -> Any:
    store, doc_id = make_project(tmp_path / "p.db")
    with store:
        yield store, doc_id


def snapshot(store: Store, doc_id: int) -> dict[str, Any]:
    """Everything an edit may touch, without timestamps and relation ids."""
    spans = sorted(
        (s.id, s.label, s.start, s.end, s.source, s.reviewed, tuple(sorted(s.attrs.items())))
        for s in store.spans(doc_id, ME)
    )
    relations = sorted((r.head_id, r.child_id, r.label) for r in store.relations(doc_id, ME))
    return {
        "spans": spans,
        "relations": relations,
        "status": store.status(doc_id, ME),
        "note": store.note(doc_id, ME),
    }


intents = st.lists(
    st.one_of(
        st.tuples(
            st.just("create"), st.sampled_from(LABELS), st.integers(0, 90), st.integers(1, 8)
        ),
        st.tuples(st.just("delete"), st.integers(0, 20)),
        st.tuples(st.just("relabel"), st.integers(0, 20), st.sampled_from(LABELS)),
        st.tuples(st.just("resize"), st.integers(0, 20), st.integers(-3, 3), st.integers(-3, 3)),
        st.tuples(st.just("speaker_name"), st.integers(0, 20), st.text(max_size=5)),
        st.tuples(st.just("link"), st.integers(0, 20), st.integers(0, 20), st.booleans()),
        st.tuples(st.just("unlink"), st.integers(0, 20)),
        st.tuples(st.just("create_and_link"), st.integers(0, 80)),
        st.tuples(st.just("status"), st.sampled_from(["done", "skipped", "in_progress"])),
        st.tuples(st.just("note"), st.text(max_size=10)),
        st.tuples(st.just("accept")),
        st.tuples(st.just("clear")),
    ),
    min_size=1,
    max_size=12,
)


def build(store: Store, doc_id: int, intent: tuple[Any, ...], ids: edits.IdMap) -> edits.Edit:
    """A concrete edit for an intent, against the current state of the document."""
    spans = store.spans(doc_id, ME)
    relations = store.relations(doc_id, ME)
    kind = intent[0]
    common: dict[str, Any] = {"ids": ids}
    targeted = kind in {"delete", "relabel", "resize", "speaker_name", "link"}
    pick = spans[intent[1] % len(spans)] if spans and targeted else None
    if kind == "create":
        start = min(intent[2], len(TEXT) - 1)
        end = min(start + intent[3], len(TEXT))
        return edits.CreateSpan(doc_id, ME, label=intent[1], start=start, end=end, **common)
    if targeted and pick is None:
        return edits.SetNote(doc_id, ME, note="no spans", **common)
    if kind == "delete":
        return edits.DeleteSpan(doc_id, ME, span_id=pick.id, **common)
    if kind == "relabel":
        return edits.UpdateSpan(doc_id, ME, span_id=pick.id, changes={"label": intent[2]}, **common)
    if kind == "resize":
        changes = {"start": pick.start + intent[2], "end": pick.end + intent[3]}
        return edits.UpdateSpan(doc_id, ME, span_id=pick.id, changes=changes, **common)
    if kind == "speaker_name":
        attrs = {**pick.attrs, "speaker_name": intent[2]}
        return edits.UpdateSpan(doc_id, ME, span_id=pick.id, changes={"attrs": attrs}, **common)
    if kind == "link":
        child = spans[intent[2] % len(spans)]
        label = "SPEAKER" if intent[3] else "CUE"
        return edits.SetLink(doc_id, ME, quote=pick.id, label=label, child=child.id, **common)
    if kind == "unlink":
        if not relations:
            return edits.AcceptSuggestions(doc_id, ME, **common)
        rel = relations[intent[1] % len(relations)]
        return edits.RemoveRelation(
            doc_id, ME, head=rel.head_id, child=rel.child_id, label=rel.label, **common
        )
    if kind == "create_and_link":
        quotes = [s for s in spans if s.label == "QUOTE"]
        start = min(intent[1], len(TEXT) - 2)
        create = edits.CreateSpan(doc_id, ME, label="SPEAKER", start=start, end=start + 2, **common)
        if not quotes:
            return create
        link = edits.SetLink(
            doc_id, ME, quote=quotes[0].id, label="SPEAKER", child=create, **common
        )
        return edits.Batch(doc_id, ME, edits=[create, link], text="Link new speaker", **common)
    if kind == "status":
        return edits.SetStatus(doc_id, ME, status=intent[1], **common)
    if kind == "note":
        return edits.SetNote(doc_id, ME, note=intent[1], **common)
    if kind == "accept":
        return edits.AcceptSuggestions(doc_id, ME, **common)
    return edits.ClearSuggestions(doc_id, ME, **common)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(intents=intents)
def test_apply_then_revert_changes_nothing(intents: list[tuple[Any, ...]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store, doc_id = make_project(Path(tmp) / "p.db")
        with store:
            ids = edits.IdMap()
            before = snapshot(store, doc_id)
            done: list[edits.Edit] = []
            states = [before]
            for intent in intents:
                edit = build(store, doc_id, intent, ids)
                ahead = snapshot(store, doc_id)
                try:
                    edit.do(store)
                except AnnotatorError:
                    # A refused edit (overlap, bad offsets, duplicate link) leaves no trace.
                    assert snapshot(store, doc_id) == ahead
                    continue
                done.append(edit)
                states.append(snapshot(store, doc_id))
            after = states[-1]
            for edit, state in zip(reversed(done), reversed(states[:-1])):
                edit.undo(store)
                assert snapshot(store, doc_id) == state
            assert snapshot(store, doc_id) == before
            for edit in done:
                edit.do(store)
            assert snapshot(store, doc_id) == after


def test_human_edits_become_human_and_reviewed(project: tuple[Store, int]) -> None:
    store, doc_id = project
    gpe = next(s for s in store.spans(doc_id, ME) if s.label == "GPE")
    edits.UpdateSpan(doc_id, ME, span_id=gpe.id, changes={"label": "LOC"}).do(store)
    _, _, now = store.span(gpe.id)
    assert (now.label, now.source, now.reviewed) == ("LOC", "human", True)
    quote = next(s for s in store.spans(doc_id, ME) if s.label == "QUOTE")
    attrs = {"speaker_name": "Mr Hussain"}
    edits.UpdateSpan(doc_id, ME, span_id=quote.id, changes={"attrs": attrs}).do(store)
    _, _, q = store.span(quote.id)
    assert (q.source, q.reviewed, q.attrs) == ("model", True, attrs)


def test_accept_keeps_model_source_and_clear_removes_only_suggestions(
    project: tuple[Store, int],
) -> None:
    store, doc_id = project
    edits.CreateSpan(doc_id, ME, label="DATE", start=TEXT.index("Sunday"), end=len(TEXT) - 1)
    accept = edits.AcceptSuggestions(doc_id, ME)
    accept.do(store)
    assert {(s.source, s.reviewed) for s in store.spans(doc_id, ME)} == {("model", True)}
    accept.undo(store)
    clear = edits.ClearSuggestions(doc_id, ME)
    clear.do(store)
    # Only the span that was reviewed before stays.
    assert [s.label for s in store.spans(doc_id, ME)] == ["PERSON"]
    assert store.relations(doc_id, ME) == []
    clear.undo(store)
    assert len(store.relations(doc_id, ME)) == 2


def test_delete_restores_id_and_links(project: tuple[Store, int]) -> None:
    store, doc_id = project
    speaker = next(s for s in store.spans(doc_id, ME) if s.label == "SPEAKER")
    delete = edits.DeleteSpan(doc_id, ME, span_id=speaker.id)
    delete.do(store)
    assert all(r.child_id != speaker.id for r in store.relations(doc_id, ME))
    delete.undo(store)
    assert store.span(speaker.id)[2].label == "SPEAKER"
    assert any(r.child_id == speaker.id for r in store.relations(doc_id, ME))
    actions = [e["action"] for e in store.edit_log(doc_id)]
    assert actions[-2:] == ["span:delete", "undo:span:delete"]


def test_redo_after_another_span_was_created_keeps_every_link(
    project: tuple[Store, int],
) -> None:
    """Ids are never reused (schema 2), and redo re-links the span it re-created."""
    store, doc_id = project
    ids = edits.IdMap()
    quote = next(s.id for s in store.spans(doc_id, ME) if s.label == "QUOTE")
    sunday = TEXT.index("Sunday")
    create = edits.CreateSpan(doc_id, ME, label="CUE", start=sunday, end=sunday + 6, ids=ids)
    create.do(store)
    first = create.current_id()
    link = edits.SetLink(doc_id, ME, quote=quote, label="CUE", child=create, ids=ids)
    link.do(store)
    link.undo(store)
    create.undo(store)
    other = store.add_span(doc_id, ME, SpanData(0, 2, "CUE", source="human"))
    assert other != first  # a deleted id is never handed to another span
    create.do(store)
    link.do(store)
    assert store.span(create.current_id())[2].label == "CUE"
    assert store.span(other)[2].label == "CUE"
    assert any(r.child_id == create.current_id() for r in store.relations(doc_id, ME))


def test_overlap_is_refused_with_the_reason(project: tuple[Store, int]) -> None:
    store, doc_id = project
    with pytest.raises(SpanError, match="overlap"):
        edits.CreateSpan(doc_id, ME, label="ORG", start=0, end=8).do(store)


@pytest.mark.parametrize(
    ("elsewhere", "kept"),
    [({"label": "FAC"}, ("label", "FAC")),
     # a speaker name typed in another window is a change too
     ({"attrs": {"note": "checked elsewhere"}}, ("attrs", {"note": "checked elsewhere"}))],
)  # fmt: skip
def test_undo_refuses_when_another_connection_changed_the_span(
    project: tuple[Store, int], tmp_path: Path, elsewhere: dict[str, Any], kept: tuple[str, Any]
) -> None:
    """Window A relabels, B changes the span again, A's undo must not bring back A's old one."""
    store, doc_id = project
    gpe = next(s for s in store.spans(doc_id, ME) if s.label == "GPE")
    relabel = edits.UpdateSpan(doc_id, ME, span_id=gpe.id, changes={"label": "LOC"})
    relabel.do(store)
    with Store(tmp_path / "p.db") as other:
        other.update_span(gpe.id, **elsewhere)
    with pytest.raises(edits.EditConflict, match="changed elsewhere since; undo skipped"):
        relabel.undo(store)
    assert getattr(store.span(gpe.id)[2], kept[0]) == kept[1]
    # Deleted elsewhere: the same clear refusal, not "no span with id".
    with Store(tmp_path / "p.db") as other:
        other.update_span(gpe.id, label="LOC", source="human")
        other.delete_span(gpe.id)
    with pytest.raises(edits.EditConflict, match="changed elsewhere since"):
        relabel.undo(store)
    assert store.edit_log(doc_id)[-1]["action"] == "span:update"  # nothing logged


def test_redo_refuses_when_the_span_changed_after_the_undo(project: tuple[Store, int]) -> None:
    store, doc_id = project
    gpe = next(s for s in store.spans(doc_id, ME) if s.label == "GPE")
    relabel = edits.UpdateSpan(doc_id, ME, span_id=gpe.id, changes={"label": "LOC"})
    relabel.do(store)
    relabel.undo(store)
    store.update_span(gpe.id, label="FAC")  # another window
    with pytest.raises(edits.EditConflict, match="redo skipped"):
        relabel.do(store)
    assert store.span(gpe.id)[2].label == "FAC"


def _speakers(store: Store, doc_id: int) -> list[str]:
    return [TEXT[s.start : s.end] for s in store.spans(doc_id, ME) if s.label == "SPEAKER"]


def test_relinking_the_speaker_deletes_the_stray_speaker_span(project: tuple[Store, int]) -> None:
    store, doc_id = project
    before = snapshot(store, doc_id)
    quote = next(s.id for s in store.spans(doc_id, ME) if s.label == "QUOTE")
    keir = TEXT.index("Keir")
    create = edits.CreateSpan(doc_id, ME, label="SPEAKER", start=keir, end=keir + 12)
    link = edits.SetLink(doc_id, ME, quote=quote, label="SPEAKER", child=create)
    batch = edits.Batch(doc_id, ME, edits=[create, link])
    batch.do(store)
    assert _speakers(store, doc_id) == ["Keir Starmer"]  # "Mr Hussain" went with its link
    batch.undo(store)
    assert snapshot(store, doc_id) == before  # restored with its link
    batch.do(store)
    assert _speakers(store, doc_id) == ["Keir Starmer"]


def test_deleting_a_quote_deletes_its_speaker_and_cue(project: tuple[Store, int]) -> None:
    store, doc_id = project
    before = snapshot(store, doc_id)
    quote = next(s.id for s in store.spans(doc_id, ME) if s.label == "QUOTE")
    delete = edits.DeleteSpan(doc_id, ME, span_id=quote)
    delete.do(store)
    labels = sorted(s.label for s in store.spans(doc_id, ME))
    assert labels == ["GPE", "PERSON", "PERSON"]
    assert store.relations(doc_id, ME) == []
    delete.undo(store)
    assert snapshot(store, doc_id) == before
