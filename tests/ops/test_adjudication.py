"""Adjudication in ops: agreed spans into gold, disagreements, settling with undo, provenance."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.model import GOLD_LAYER, QUOTE, SPEAKER, RelationData, SpanData
from annotator.ops import edits
from annotator.ops.adjudication import (
    REJECTED,
    adjudicate,
    disagreements,
    documents_to_adjudicate,
    gold_provenance,
    prepare,
    progress,
    settle,
)
from annotator.ops.export import iter_records
from annotator.store import Store

TEXT = "“We will win,” said Ann Lee of Acme Corp in Paris on Monday."
#        0         1         2         3         4         5         6
QUOTE_AT = (0, 14)
SPEAKER_AT = (20, 27)


def layer(*entities: tuple[int, int, str], speaker: str = "Ann Lee") -> list[SpanData]:
    spans = [
        SpanData(*QUOTE_AT, QUOTE, "human", {"speaker_name": speaker}),
        SpanData(*SPEAKER_AT, SPEAKER, "human"),
    ]
    return spans + [SpanData(s, e, label, "human") for s, e, label in entities]


@pytest.fixture
def project(tmp_path: Path) -> Store:
    store = Store(tmp_path / "p.db")
    doc, _ = store.add_document("win.txt", TEXT)
    acme, paris, monday = (TEXT.index(w) for w in ("Acme", "Paris", "Monday"))
    versions = {
        "ann": layer((20, 27, "PERSON"), (acme, acme + 9, "ORG"), (paris, paris + 5, "GPE")),
        "ben": layer((20, 27, "PERSON"), (acme, acme + 4, "ORG"), (monday, monday + 6, "DATE")),
        "cat": layer((20, 27, "PERSON"), (acme, acme + 9, "ORG"), speaker="Ann  Lee"),
    }
    for name, spans in versions.items():
        store.replace_annotations(doc, name, spans, [RelationData(0, 1, SPEAKER)])
        store.set_status(doc, name, "done")
    single, _ = store.add_document("solo.txt", "Bob Day spoke.")
    store.replace_annotations(single, "ann", [SpanData(0, 7, "PERSON", "human")])
    store.set_status(single, "ann", "done")
    return store


def test_agreed_spans_go_to_gold_and_the_rest_are_disagreements(project: Store) -> None:
    assert documents_to_adjudicate(project) == [1]
    assert prepare(project, 1, "judge") and not prepare(project, 1, "judge")
    gold, relations = project.annotations(1, GOLD_LAYER)
    assert [(s.label, s.attrs["provenance"]) for s in gold] == [
        ("QUOTE", "agreed"), ("SPEAKER", "agreed"), ("PERSON", "agreed"),
    ]  # fmt: skip
    assert relations == [RelationData(0, 1, SPEAKER)]  # the agreed link follows the quote
    found = disagreements(project, 1)
    assert [(d.tier, TEXT[d.start : d.end]) for d in found] == [
        ("entity", "Acme Corp"), ("entity", "Paris"), ("entity", "Monday"),
    ]  # fmt: skip
    acme = found[0]
    assert [(v.number, v.annotator, [TEXT[s.start : s.end] for s in v.spans])
            for v in acme.versions] == [
        (1, "ann", ["Acme Corp"]), (2, "ben", ["Acme"]), (3, "cat", ["Acme Corp"]),
    ]  # fmt: skip
    assert progress(project, 1) == (0, 3)
    assert project.status(1, GOLD_LAYER) == "in_progress"


def test_settle_pick_reject_edit_and_undo(project: Store) -> None:
    prepare(project, 1, "judge")
    before = project.annotations(1, GOLD_LAYER)
    acme, paris, monday = disagreements(project, 1)
    pick = settle(project, acme, "picked:ben", "judge")
    assert [
        (TEXT[s.start : s.end], s.attrs["provenance"])
        for s in project.spans(1, GOLD_LAYER) if s.label == "ORG"
    ] == [("Acme", "picked:ben")]  # fmt: skip
    again = settle(project, disagreements(project, 1)[0], "picked:ann", "judge")  # change mind
    assert [TEXT[s.start : s.end] for s in project.spans(1, GOLD_LAYER) if s.label == "ORG"] == [
        "Acme Corp"
    ]
    again.undo(project)
    pick.undo(project)
    assert project.annotations(1, GOLD_LAYER) == before
    assert progress(project, 1) == (0, 3)
    settle(project, paris, REJECTED, "judge")
    # The adjudicator draws Monday as a TIME by hand, then keeps the gold as edited.
    start = TEXT.index("Monday")
    edits.CreateSpan(1, GOLD_LAYER, label="TIME", start=start, end=start + 6).do(project)
    settle(project, monday, "edited", "judge")
    settle(project, acme, "picked:cat", "judge")
    assert progress(project, 1) == (3, 3)
    assert project.status(1, GOLD_LAYER) == "done"
    provenance = {s.label: s.attrs["provenance"] for s in project.spans(1, GOLD_LAYER)}
    assert provenance == {
        "QUOTE": "agreed", "SPEAKER": "agreed", "PERSON": "agreed", "ORG": "picked:cat",
        "TIME": "edited",
    }  # fmt: skip
    counts = gold_provenance(project)
    assert counts["ORG"] == {"picked": 1} and counts["PERSON"] == {"agreed": 1}


def test_export_takes_gold_where_adjudicated_and_the_single_annotator_elsewhere(
    project: Store,
) -> None:
    summary = adjudicate(project, "judge", prefer=["cat", "ann"])
    assert (summary.documents, summary.prepared, summary.open) == (1, 1, 0)
    assert summary.progress == {1: (3, 3)}
    records = {r.name: r for r in iter_records(project, layer=GOLD_LAYER)}
    assert records["win.txt"].layer == GOLD_LAYER and records["solo.txt"].layer == "ann"
    gold = records["win.txt"]
    # Paris: cat (preferred) had nothing there, so the stretch is settled with no span.
    assert sorted(TEXT[s.start : s.end] for s in gold.spans if s.label != QUOTE) == [
        "Acme Corp", "Ann Lee", "Ann Lee",
    ]  # fmt: skip
    assert gold.meta["gold_provenance"] == {"agreed": 3, "picked:cat": 1}
    assert gold.meta["annotators"] == ["ann", "ben", "cat"]


def test_a_changed_quote_speaker_is_a_disagreement(project: Store) -> None:
    spans = layer(speaker="Someone Else")
    project.replace_annotations(1, "cat", spans, [RelationData(0, 1, SPEAKER)])
    prepare(project, 1, "judge")
    quote = next(d for d in disagreements(project, 1) if d.tier == QUOTE)
    settle(project, quote, "picked:cat", "judge")
    gold, relations = project.annotations(1, GOLD_LAYER)
    picked = next(s for s in gold if s.label == QUOTE)
    assert picked.attrs == {"speaker_name": "Someone Else", "provenance": "picked:cat"}
    assert any(gold[r.head].label == QUOTE and r.label == SPEAKER for r in relations)


def test_docbin_export_carries_the_provenance(project: Store, tmp_path: Path) -> None:
    import json

    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    from annotator.formats.docbin import USER_DATA_KEY
    from annotator.ops.export import export

    adjudicate(project, "judge", prefer=["ben"])
    out = tmp_path / "gold.spacy"
    export(project, format="spacy", out=out)
    docs = list(DocBin(store_user_data=True).from_disk(out).get_docs(Vocab()))
    data = [json.loads(d.user_data[USER_DATA_KEY]) for d in docs]
    gold = next(d for d in data if d["layer"] == GOLD_LAYER)
    assert {span[5]["provenance"] for span in gold["spans"]} == {"agreed", "picked:ben"}
    assert gold["meta"]["gold_provenance"] == {"agreed": 3, "picked:ben": 2}


def test_story_categories_agreed_go_to_gold_and_the_rest_are_listed(project: Store) -> None:
    from annotator.model import Label
    from annotator.ops.adjudication import category_disagreements

    project.add_labels([
        Label("POLITICS", "category", group="topic", multi=True),
        Label("BUSINESS", "category", group="topic", multi=True),
        Label("SPORT", "category", group="topic", multi=True),
        Label("POS", "category", group="tone"),
        Label("NEG", "category", group="tone"),
    ])  # fmt: skip
    chosen = {"ann": ["POLITICS", "BUSINESS", "POS"], "ben": ["POLITICS", "POS"],
              "cat": ["POLITICS", "BUSINESS", "POS"]}  # fmt: skip
    for name, labels in chosen.items():
        for label in labels:
            project.set_document_label(1, name, label, "accept")
    project.set_document_label(2, "ann", "SPORT", "accept")  # one annotator: no adjudication
    before = category_disagreements(project, 1)
    assert prepare(project, 1, "judge")
    # all three: POLITICS and the tone POS; BUSINESS (ben lacks it) and SPORT (nobody) not
    assert project.document_labels(1, GOLD_LAYER) == {"POLITICS": "accept", "POS": "accept"}
    after = category_disagreements(project, 1)
    assert [(d.set, d.category, d.gold) for d in before] == [("topic", "BUSINESS", ())]
    assert [(d.set, d.category, d.gold) for d in after] == [("topic", "BUSINESS", ())]
    assert dict(after[0].versions) == {"ann": ("BUSINESS",), "ben": (), "cat": ("BUSINESS",)}
    assert category_disagreements(project, 2) == []
    # the tone differs on another document: the set as a whole is the disagreement
    doc, _ = project.add_document("two.txt", "Ann Lee won.")
    for name, tone in (("ann", "POS"), ("ben", "NEG")):
        project.set_document_label(doc, name, tone, "accept")
        project.set_status(doc, name, "done")
    assert prepare(project, doc, "judge")
    assert project.document_labels(doc, GOLD_LAYER) == {}
    (tone,) = category_disagreements(project, doc)
    assert (tone.set, tone.category, dict(tone.versions)) == (
        "tone",
        "",
        {"ann": ("POS",), "ben": ("NEG",)},
    )
    project.set_document_label(doc, GOLD_LAYER, "NEG", "accept")  # as the panel would
    assert category_disagreements(project, doc)[0].gold == ("NEG",)


def test_prefer_settles_story_categories_and_leaves_the_adjudicators_alone(
    project: Store,
) -> None:
    from annotator.model import Label
    from annotator.ops.adjudication import category_disagreements

    project.add_labels([
        Label("POLITICS", "category", group="topic", multi=True),
        Label("BUSINESS", "category", group="topic", multi=True),
        Label("POS", "category", group="tone"),
        Label("NEG", "category", group="tone"),
    ])  # fmt: skip
    chosen = {"ann": ["POLITICS", "BUSINESS", "POS"], "ben": ["POLITICS", "NEG"],
              "cat": ["POLITICS", "NEG"]}  # fmt: skip
    for name, labels in chosen.items():
        for label in labels:
            project.set_document_label(1, name, label, "accept")
    prepare(project, 1, "judge")
    assert project.document_labels(1, GOLD_LAYER) == {"POLITICS": "accept"}  # agreed
    project.set_document_label(1, GOLD_LAYER, "POS", "accept")  # the adjudicator's own call

    summary = adjudicate(project, "judge", prefer=["ben", "ann"])
    # BUSINESS: ben did not accept it, so gold records the "no"; the tone stays the judge's POS
    assert summary.categories == 1
    assert project.document_labels(1, GOLD_LAYER) == {
        "POLITICS": "accept", "BUSINESS": "reject", "POS": "accept",
    }  # fmt: skip
    assert {(d.set, d.category, d.gold) for d in category_disagreements(project, 1)} == {
        ("topic", "BUSINESS", ()), ("tone", "", ("POS",)),
    }  # fmt: skip
    again = adjudicate(project, "judge", prefer=["ann"])  # decided: a later run leaves it
    assert again.categories == 0 and project.document_labels(1, GOLD_LAYER)["BUSINESS"] == "reject"


def test_span_groups_are_a_tier_of_their_own_and_rejections_stay_out(tmp_path: Path) -> None:
    """A span category overlapping an entity is not the entity's rival, a span in a group and
    an entity at the same place are not 'agreed', and a rejected suggestion is no version."""
    from annotator.model import REJECTED_GROUP

    store = Store(tmp_path / "g.db")
    text = "Ann Lee said the plan would fail badly."
    doc, _ = store.add_document("g.txt", text)
    claim_a, claim_b = (0, 38), (13, 38)
    versions = {
        "ann": [SpanData(0, 7, "PERSON", "human"),
                SpanData(*claim_a, "CLAIM", "human", group="sc"),
                SpanData(13, 17, "ORG", "human", group=REJECTED_GROUP)],
        "ben": [SpanData(0, 7, "PERSON", "human"),
                SpanData(*claim_b, "CLAIM", "human", group="sc"),
                SpanData(0, 7, "PERSON", "human", group="sc")],
    }  # fmt: skip
    for name, spans in versions.items():
        store.replace_annotations(doc, name, spans)
        store.set_status(doc, name, "done")
    assert prepare(store, doc, "judge")
    gold = store.spans(doc, GOLD_LAYER)
    assert [(s.group, s.label, s.start, s.end) for s in gold] == [("", "PERSON", 0, 7)]
    found = disagreements(store, doc)
    assert [(d.tier, d.start, d.end) for d in found] == [("group:sc", 0, 38)]
    (claims,) = found
    assert {v.annotator: [(s.label, s.start, s.end) for s in v.spans] for v in claims.versions} == {
        "ann": [("CLAIM", *claim_a)], "ben": [("PERSON", 0, 7), ("CLAIM", *claim_b)],
    }  # fmt: skip
    edit = settle(store, claims, "picked:ben", "judge")
    gold = store.spans(doc, GOLD_LAYER)
    assert sorted((s.group, s.label, s.start, s.end) for s in gold) == [
        ("", "PERSON", 0, 7), ("sc", "CLAIM", *claim_b), ("sc", "PERSON", 0, 7),
    ]  # fmt: skip
    assert progress(store, doc) == (1, 1)
    edit.undo(store)  # the flat entity agreed on stays
    assert [(s.group, s.label) for s in store.spans(doc, GOLD_LAYER)] == [("", "PERSON")]
