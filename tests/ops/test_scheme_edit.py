"""Editing the label scheme one label at a time: checks, clashes, removal of a label in use."""

from __future__ import annotations

import pytest

from annotator.errors import SchemeError
from annotator.model import Label, SpanData
from annotator.ops.scheme_edit import add_label, remove_label, update_label
from annotator.store import Store


def test_add_change_and_remove_a_label(store: Store) -> None:
    add_label(store, Label("DISEASE", "entity", color="#aa0000", key="x", description="ill"))
    assert store.labels()[-1] == Label("DISEASE", "entity", "#aa0000", "x", "ill")
    update_label(store, "entity", "DISEASE", key="z", color="#00aa00", description="sick")
    assert next(lb for lb in store.labels() if lb.name == "DISEASE").key == "z"
    remove_label(store, "entity", "DISEASE")
    assert "DISEASE" not in {lb.name for lb in store.labels()}


@pytest.mark.parametrize(
    ("label", "reason"),
    [
        (Label("BAD\tNAME", "entity"), "control character"),
        (Label("ZW\u200bJ", "entity"), "control character"),
        (Label(" ", "entity"), "needs a name"),
        (Label("OK", "entity", key="ab"), "one letter"),
        (Label("OK", "entity", color="red"), "#3b82f6"),
        (Label("OK", "nonsense"), "unknown kind"),
    ],
)
def test_bad_labels_are_refused_and_nothing_is_saved(
    store: Store, label: Label, reason: str
) -> None:
    before = add_label(store, Label("FIRST", "entity")) and store.labels()
    with pytest.raises(SchemeError, match=reason):
        add_label(store, label)
    assert store.labels() == before


def test_a_key_clash_is_refused(store: Store) -> None:
    add_label(store, Label("FIRST", "entity", key="x"))
    with pytest.raises(SchemeError, match="is given to both"):
        add_label(store, Label("SECOND", "entity", key="x"))
    with pytest.raises(SchemeError, match="is given to both"):
        update_label(store, "entity", "FIRST", key="p", color="", description="")  # PERSON's
    with pytest.raises(SchemeError, match="already"):
        add_label(store, Label("FIRST", "entity"))
    with pytest.raises(SchemeError, match="command of the window"):
        add_label(store, Label("THIRD", "entity", key="j"), reserved={"J", "K"})


def test_a_label_in_use_is_not_removed(store: Store) -> None:
    add_label(store, Label("DISEASE", "entity", key="x"))
    doc, _ = store.add_document("a.txt", "Flu again.")
    store.add_span(doc, "ana", SpanData(0, 3, "DISEASE"))
    with pytest.raises(SchemeError, match="used 1 time"):
        remove_label(store, "entity", "DISEASE")
    assert "DISEASE" in {lb.name for lb in store.labels()}
