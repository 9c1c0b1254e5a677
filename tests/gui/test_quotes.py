"""Speakers and cues of quotes: re-linking, deleting a quote, speaker names, the Speaker column."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.gui.dialogs import PickMentionDialog, SpeakerNameDialog
from annotator.gui.main_window import MainWindow
from annotator.store import Store

from .conftest import ME, TEXT, find


def _quote(window: MainWindow):  # type: ignore[no-untyped-def]
    return next(s for s in window.view.spans if s.label == "QUOTE")


def _stored(project: Path) -> tuple[list[str], dict]:  # type: ignore[type-arg]
    """The text of the stored SPEAKER and CUE spans, and the quote's attrs."""
    with Store(project) as store:
        spans = store.spans(1, ME)
    speakers = sorted(TEXT[s.start : s.end] for s in spans if s.label in ("SPEAKER", "CUE"))
    quote = next(s for s in spans if s.label == "QUOTE")
    return speakers, quote.attrs


def _link_speaker(window: MainWindow, part: str) -> None:
    window.editor.linker.link(_quote(window).id, "SPEAKER", *find(TEXT, part))


def test_relinking_the_speaker_removes_the_old_speaker_span(
    window: MainWindow, project: Path
) -> None:
    _link_speaker(window, "Hussain")
    _link_speaker(window, "Keir Starmer")
    labels = [(s.label, TEXT[s.start : s.end]) for s in window.view.spans if s.label == "SPEAKER"]
    assert labels == [("SPEAKER", "Keir Starmer")]  # no stray "Hussain" speaker highlight
    assert _stored(project)[0] == ["Keir Starmer", "said"]
    window.actions["undo"].trigger()  # one step back: Hussain is the speaker again
    assert _stored(project)[0] == ["Hussain", "said"]
    with Store(project) as store:
        child = [store.span(r.child_id)[2] for r in store.relations(1, ME) if r.label == "SPEAKER"]
    assert [TEXT[c.start : c.end] for c in child] == ["Hussain"]


def test_deleting_a_quote_removes_its_speaker_and_cue(window: MainWindow, project: Path) -> None:
    _link_speaker(window, "Hussain")
    window.editor.select_span(_quote(window).id)
    window.actions["delete_span"].trigger()
    assert {s.label for s in window.view.spans} == {"PERSON", "GPE", "DATE", "BOILERPLATE"}
    window.actions["undo"].trigger()
    assert _stored(project)[0] == ["Hussain", "said"]
    with Store(project) as store:
        assert sorted(r.label for r in store.relations(1, ME)) == ["CUE", "SPEAKER"]


def test_a_new_speaker_name_replaces_the_old_one(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, project: Path
) -> None:
    _link_speaker(window, "Hussain")
    assert _stored(project)[1]["speaker_name"] == "Hussain"
    monkeypatch.setattr(
        PickMentionDialog, "ask",
        classmethod(lambda cls, p, t, items: next(
            i for i, item in enumerate(items) if item.startswith("Keir Starmer"))),
    )  # fmt: skip
    window.editor.select_span(_quote(window).id)
    window.actions["pick_speaker"].trigger()  # Ctrl+Shift+S: another person
    assert _stored(project)[1]["speaker_name"] == "Keir Starmer"
    # A pronoun keeps the name, and the status line says so.
    _link_speaker(window, "We")
    assert _stored(project)[1]["speaker_name"] == "Keir Starmer"
    assert "stays “Keir Starmer”" in window.statusBar().currentMessage()
    # A name that is not a PERSON entity ("Mr" + a word) still counts as a name.
    window.editor.linker.link(_quote(window).id, "SPEAKER", *find(TEXT, "Mr Hussain"))
    assert _stored(project)[1]["speaker_name"] == "Hussain"


def test_speaker_column_is_not_cut_and_shows_the_full_name(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    _link_speaker(window, "Hussain")
    window.editor.select_span(_quote(window).id)
    monkeypatch.setattr(SpeakerNameDialog, "ask", classmethod(lambda cls, p, c, n: "Imran Hussain"))
    window.actions["edit_speaker_name"].trigger()
    model, view = window.side.quotes, window.side.views[0]
    index = model.index(0, 1)
    text = model.data(index)
    assert text == "Imran Hussain (Hussain)"
    assert view.columnWidth(1) >= view.fontMetrics().horizontalAdvance(text)
    assert "Imran Hussain" in model.data(index, 3)  # ToolTipRole
