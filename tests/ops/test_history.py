"""The edit log read back as undo steps: what the store records, what a replay gives, and the
rows of older projects (no ``change`` in their payload), which still undo as before."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from annotator.errors import EditConflict, SpanError
from annotator.model import SpanData
from annotator.ops import edits, history
from annotator.store import Store
from annotator.store.changes import invert
from annotator.store.schema import MIGRATIONS

TEXT = "Mr Hussain said: “We need a ceasefire now.” in Leeds"
ME = "ana"


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with Store(tmp_path / "p.db") as opened:
        opened.add_document("a.txt", TEXT, title="a")
        yield opened


def _quote_with_speaker(store: Store) -> tuple[int, int, int]:
    quote = store.add_span(1, ME, SpanData(17, 43, "QUOTE", source="human"))
    speaker = store.add_span(1, ME, SpanData(3, 10, "SPEAKER", source="human"))
    cue = store.add_span(1, ME, SpanData(11, 15, "CUE", source="human"))
    store.add_relation(quote, speaker, "SPEAKER")
    store.add_relation(quote, cue, "CUE")
    return quote, speaker, cue


def _everything(store: Store) -> tuple[object, ...]:
    spans = [(s.id, s.start, s.end, s.label, s.reviewed, s.attrs) for s in store.spans(1, ME)]
    links = sorted((r.id, r.head_id, r.child_id, r.label) for r in store.relations(1, ME))
    return spans, links, store.status(1, ME), store.document_labels(1, ME)


def test_a_recorded_change_goes_back_and_forth_with_cascaded_links(store: Store) -> None:
    quote, _speaker, _cue = _quote_with_speaker(store)
    before = _everything(store)
    with store.recording() as recording:
        edits.DeleteSpan(1, ME, span_id=quote).do(store)  # the quote takes its parts along
        change = recording.change()
    after = _everything(store)
    assert {pair[1] is None for pair in change["spans"]} == {True} and len(change["spans"]) == 3
    store.apply_change(invert(change))
    assert _everything(store) == before  # same ids, links under their old ids too
    store.apply_change(change)
    assert _everything(store) == after


def test_a_change_is_refused_when_a_row_changed_or_a_link_was_added_elsewhere(
    store: Store,
) -> None:
    with store.recording() as recording:
        speaker = store.add_span(1, ME, SpanData(3, 10, "SPEAKER", source="human"))
        added = recording.change()
    quote = store.add_span(1, ME, SpanData(17, 43, "QUOTE", source="human"))
    store.add_relation(quote, speaker, "SPEAKER")  # another window links the new span
    with pytest.raises(EditConflict, match="linked elsewhere"):
        store.apply_change(invert(added))
    store.update_span(speaker, end=9)
    with pytest.raises(EditConflict, match="changed elsewhere"):
        store.apply_change(invert(added))
    assert [s.label for s in store.spans(1, ME)] == ["SPEAKER", "QUOTE"]  # nothing written


def test_a_restored_entity_may_not_overlap_one_drawn_since(store: Store) -> None:
    leeds = store.add_span(1, ME, SpanData(47, 52, "GPE", source="human"))
    with store.recording() as recording:
        store.delete_span(leeds)
        deleted = recording.change()
    store.add_span(1, ME, SpanData(47, 52, "LOC", source="human"))
    with pytest.raises(SpanError, match="overlap"):
        store.apply_change(invert(deleted))


def test_replay_keeps_undone_steps_to_redo_until_a_new_edit(store: Store) -> None:
    for start, end in ((3, 10), (47, 52)):
        edit = edits.CreateSpan(1, ME, label="GPE", start=start, end=end)
        edit.do(store)
    edit.undo(store)
    done, undone = history.replay(store, 1, ME)
    assert (len(done), len(undone)) == (1, 1)
    edit.do(store)  # redone: a row marked redo
    done, undone = history.replay(store, 1, ME)
    assert (len(done), len(undone)) == (2, 0)
    edit.undo(store)
    edits.CreateSpan(1, ME, label="ORG", start=11, end=15).do(store)
    done, undone = history.replay(store, 1, ME)
    assert [s.rows[-1]["payload"]["label"] for s in done] == ["GPE", "ORG"] and undone == []


def test_older_rows_without_changes_still_undo_and_then_redo(store: Store) -> None:
    """Rows of a project edited before the log held changes: undo from their payload as it
    always was; what that undo changed is recorded, so it can be redone, in a later replay too."""
    edits.CreateSpan(1, ME, label="GPE", start=47, end=52).do(store)
    span = store.spans(1, ME)[0]
    edits.UpdateSpan(1, ME, span_id=span.id or 0, changes={"label": "LOC"}).do(store)
    states = [_everything(store)]
    store.db.execute("UPDATE edit_log SET change = NULL, payload = json_remove(payload, '$.text')")
    done, _undone = history.replay(store, 1, ME)
    assert [s.change(store) for s in done] == [None, None]
    step = history.LoggedStep(1, ME, step=done[-1])
    assert step.description == "change (earlier session)"
    step.undo(store)
    states.append(_everything(store))
    assert [s.label for s in store.spans(1, ME)] == ["GPE"]
    step.do(store)  # redo, from what the undo recorded
    assert _everything(store) == states[0]
    step.undo(store)
    done, undone = history.replay(store, 1, ME)  # a later session
    assert len(done) == 1 and undone[-1].change(store) is not None
    history.LoggedStep(1, ME, step=undone[-1]).do(store)
    assert _everything(store) == states[0]


def test_a_schema_5_project_keeps_its_log_and_its_rows_undo_from_the_payload(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v5.db"
    db = sqlite_utils.Database(path)
    db.conn.execute("PRAGMA foreign_keys = ON")
    for migrate in MIGRATIONS[:5]:
        migrate(db)
    db.conn.execute("PRAGMA user_version = 5")
    db.conn.execute(
        "INSERT INTO documents (name, title, text, length, content_hash, meta, created_at) "
        "VALUES ('a.txt', 'a', ?, ?, 'h', '{}', 'now')",
        [TEXT, len(TEXT)],
    )
    db.conn.execute("INSERT INTO layers (name, kind, created_at) VALUES (?, 'human', 'now')", [ME])
    db.conn.execute(
        'INSERT INTO spans (id, document_id, layer_id, label, start, "end", source, reviewed, '
        "created_at, updated_at) VALUES (7, 1, 1, 'GPE', 47, 52, 'human', 1, 'now', 'now')"
    )
    payload = '{"id": 7, "start": 47, "end": 52, "label": "GPE", "source": "human", ' \
        '"reviewed": true, "attrs": {}, "group": ""}'  # fmt: skip
    db.conn.execute(
        "INSERT INTO edit_log (at, annotator, document_id, layer, action, payload) "
        "VALUES ('now', ?, 1, ?, 'span:create', ?)",
        [ME, ME, payload],
    )
    db.conn.commit()
    db.conn.close()
    with Store(path) as store:  # migrated to the current schema
        [entry] = store.edit_log(1)
        assert entry["payload"]["id"] == 7 and not entry["has_change"]
        done, _undone = history.replay(store, 1, ME)
        step = history.LoggedStep(1, ME, step=done[-1])
        step.undo(store)
        assert store.spans(1, ME) == []
        step.do(store)  # and redone, from what the undo recorded
        assert [(s.id, s.label) for s in store.spans(1, ME)] == [(7, "GPE")]
