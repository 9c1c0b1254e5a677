"""The label scheme as data: kinds, span categories that overlap, relation rules, document
labels, the scheme file and ``annotator labels``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.errors import SchemeError, SpanError
from annotator.model import Label, SpanData
from annotator.ops.scheme import import_scheme, read_scheme, write_scheme
from annotator.resources import default_labels
from annotator.store import Store

TEXT = "Sir Keir Starmer said he understands calls for a ceasefire in Gaza."


def test_span_categories_overlap_and_nest_but_entities_never_do(store: Store) -> None:
    doc, _ = store.add_document("d", TEXT)
    store.add_span(doc, "alice", SpanData(4, 16, "PERSON", "human"))
    with pytest.raises(SpanError, match="overlap"):
        store.add_span(doc, "alice", SpanData(9, 16, "ORG", "human"))
    # the same offsets, and nested ones, as span categories of a group
    store.add_span(doc, "alice", SpanData(0, 16, "Title", "human", group="sc"))
    store.add_span(doc, "alice", SpanData(4, 16, "Name", "human", group="sc"))
    store.add_span(doc, "alice", SpanData(9, 16, "Name", "human", group="sc"))
    spans = store.spans(doc, "alice")
    assert sorted((s.start, s.end, s.label, s.group) for s in spans) == [
        (0, 16, "Title", "sc"), (4, 16, "Name", "sc"), (4, 16, "PERSON", ""),
        (9, 16, "Name", "sc"),
    ]  # fmt: skip
    # an entity still cannot be moved onto another entity, whatever groups hold
    person = next(s for s in spans if s.label == "PERSON")
    name = next(s for s in spans if s.label == "Name" and s.start == 9)
    assert name.id is not None and person.id is not None
    with pytest.raises(SpanError, match="overlap"):
        store.update_span(name.id, group="")


def test_relation_rules_of_the_scheme(store: Store) -> None:
    doc, _ = store.add_document("d", TEXT)
    store.set_labels([*default_labels(), Label("Located", "relation", heads=("PERSON",),
                                               children=("GPE",))])  # fmt: skip
    person = store.add_span(doc, "alice", SpanData(4, 16, "PERSON", "human"))
    gaza = store.add_span(doc, "alice", SpanData(62, 66, "GPE", "human"))
    with pytest.raises(SpanError, match="takes a head labelled PERSON"):
        store.add_relation(gaza, person, "Located")
    store.add_relation(person, gaza, "Located")
    # relabelling a linked span is refused when the rule would break
    with pytest.raises(SpanError, match="Located relation"):
        store.update_span(gaza, label="LOC")
    # a relation type the scheme does not restrict links any spans
    store.add_relation(gaza, person, "Mentions")
    assert {r.label for r in store.relations(doc, "alice")} == {"Located", "Mentions"}


def test_document_labels_per_layer(store: Store) -> None:
    doc, _ = store.add_document("d", TEXT)
    store.set_document_label(doc, "alice", "politics", "accept")
    store.set_document_label(doc, "alice", "sport", "reject")
    store.set_document_label(doc, "bob", "sport", "accept")
    assert store.document_labels(doc, "alice") == {"politics": "accept", "sport": "reject"}
    assert store.document_labels(doc, "bob") == {"sport": "accept"}
    store.set_document_label(doc, "alice", "sport", None)
    assert store.document_labels(doc, "alice") == {"politics": "accept"}
    assert store.document_label_counts() == [
        ("alice", "politics", "accept", 1), ("bob", "sport", "accept", 1),
    ]  # fmt: skip


def test_default_scheme_has_every_kind_it_needs() -> None:
    labels = default_labels()
    kinds = {label.kind for label in labels}
    assert {"entity", "quote", "speaker", "cue", "boilerplate", "relation", "category"} <= kinds
    speaker = next(lb for lb in labels if (lb.kind, lb.name) == ("relation", "SPEAKER"))
    assert (speaker.heads, speaker.children) == (("QUOTE",), ("SPEAKER",))


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_scheme_file_round_trip_and_merge(store: Store, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"scheme{suffix}"
    mine = [
        Label("frame:conflict", "category", group="frame", multi=True, key="7"),
        Label("Negation", "attribute"),
        Label("Confidence", "attribute", values=("High", "Low")),
        Label("Theme", "relation", heads=("Phosphorylation",), children=("Protein",)),
        Label("Protein", "span", group="sc"),
    ]
    write_scheme(mine, path)
    assert read_scheme(path) == mine
    added = import_scheme(store, path)
    assert added == mine
    assert import_scheme(store, path) == []  # merging twice adds nothing
    assert len(store.labels()) == len(default_labels()) + len(mine)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"labels": [{"name": "X", "kind": "colour"}]}', "unknown kind 'colour'"),
        ('{"labels": [{"kind": "entity"}]}', "needs a name"),
        ('{"labels": [{"name": "X", "heads": "Y"}]}', "unknown field 'heads'|must be a list"),
        ('{"labels": 3}', "expected a list of labels"),
        ("{not json", "not a valid scheme file"),
        ('[{"name": "A", "key": "p"}]', "key 'p' is given to both"),
    ],
)
def test_bad_scheme_files_are_named(
    store: Store, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SchemeError, match=message):
        import_scheme(store, path)


def test_labels_commands(db_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["--db", str(db_path), "labels", "list"])
    assert out.exit_code == 0
    assert "relation    SPEAKER" in out.stdout and "group topic" in out.stdout
    scheme = tmp_path / "tone.json"
    scheme.write_text(json.dumps({"labels": [
        {"name": "positive", "kind": "category", "group": "tone", "key": "8"},
        {"name": "negative", "kind": "category", "group": "tone", "key": "9"},
    ]}), encoding="utf-8")  # fmt: skip
    out = runner.invoke(main, ["--db", str(db_path), "labels", "import", str(scheme)])
    assert out.exit_code == 0, out.output
    assert "Added: category: positive, negative" in out.stdout
    exported = tmp_path / "out.yaml"
    out = runner.invoke(main, ["--db", str(db_path), "labels", "export", str(exported)])
    assert out.exit_code == 0
    names = [label.name for label in read_scheme(exported)]
    assert names[-2:] == ["positive", "negative"] and "PERSON" in names
    bad = runner.invoke(main, ["--db", str(db_path), "labels", "import", str(tmp_path / "no.json")])
    assert bad.exit_code == 1 and "cannot read the scheme" in bad.stderr
