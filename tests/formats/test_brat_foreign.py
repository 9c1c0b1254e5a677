"""brat corpora written by brat's own people, imported and exported back without loss.

Fixtures: tests/data/foreign/brat (see its SOURCES.md). Every count and every line is checked
against an independent reading of the ``.ann`` files (brat_canon.py), not against our reader.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.formats.brat_ann import EVENT_GROUP
from annotator.model import ATTRIBUTES, DEFAULT_SPAN_GROUP, FRAGMENT
from annotator.ops.export import export
from annotator.ops.importing import import_paths
from annotator.store import Store

from .brat_canon import canonical, prefix_counts, without_bom

FOREIGN = Path(__file__).parent.parent / "data" / "foreign" / "brat"
CORPORA = ["news", "epi", "ncbi", "tdt", "hand"]


def round_trip(store: Store, source: Path, out: Path) -> None:
    report = import_paths(store, [source])
    assert report.problems == [] and report.failed == 0
    assert report.imported == len(list(source.rglob("*.txt")))
    export(store, format="brat", out=out, status="all")


@pytest.mark.parametrize("corpus", CORPORA)
def test_brat_corpus_comes_back_line_for_line(store: Store, tmp_path: Path, corpus: str) -> None:
    source = FOREIGN / corpus
    round_trip(store, source, tmp_path / "out")
    assert prefix_counts(tmp_path / "out") == prefix_counts(source)
    for ann in sorted(source.rglob("*.ann")):
        back = tmp_path / "out" / ann.relative_to(source)
        original = ann.read_text(encoding="utf-8")
        if ann.with_suffix(".txt").read_bytes().startswith(b"\xef\xbb\xbf"):
            original = without_bom(original)  # exports are written without one
        assert canonical(back.read_text(encoding="utf-8")) == canonical(original), ann.name
        assert back.with_suffix(".txt").read_text(encoding="utf-8") == ann.with_suffix(
            ".txt"
        ).read_text(encoding="utf-8-sig")
    conf = source / "annotation.conf"
    if conf.exists():  # the corpus's own conf, not ours
        assert (tmp_path / "out" / "annotation.conf").read_text(encoding="utf-8") == (
            conf.read_text(encoding="utf-8")
        )


def test_events_become_spans_with_role_relations(store: Store, tmp_path: Path) -> None:
    import_paths(store, [FOREIGN / "epi"])
    doc_id = next(i for i, n, _ in store.iter_texts() if n == "PMID-18296627.txt")
    spans, relations = store.annotations(doc_id, "gold")
    events = [s for s in spans if s.group == EVENT_GROUP]
    ann = (FOREIGN / "epi" / "PMID-18296627.ann").read_text(encoding="utf-8")
    assert len(events) == sum(line.startswith("E") for line in ann.split("\n"))
    roles = [r for r in relations if spans[r.head].group == EVENT_GROUP]
    written_roles = sum(
        len(line.split("\t")[1].split()) - 1 for line in ann.split("\n") if line.startswith("E")
    )
    assert len(roles) == written_roles and {r.label for r in roles} >= {"Theme"}
    assert [s.group for s in spans].count(DEFAULT_SPAN_GROUP) == 1  # the nested span


def test_bom_discontinuous_and_repeated_spans(store: Store, tmp_path: Path) -> None:
    report = import_paths(store, [FOREIGN / "hand"])
    assert report.problems == []
    assert report.conversions == {
        "brat: discontinuous spans broken only at line breaks joined into one": 1,
        f"brat: discontinuous spans kept as fragments linked by {FRAGMENT} relations": 1,
        f"brat: overlapping, nested or repeated spans kept in span group {DEFAULT_SPAN_GROUP!r}": 1,
    }
    [(doc_id, _, text)] = list(store.iter_texts())
    assert not text.startswith("\ufeff")  # the BOM counted in the offsets, then dropped
    spans, relations = store.annotations(doc_id, "gold")
    shown = sorted((s.label, text[s.start : s.end], s.group) for s in spans)
    assert shown == [
        ("Cue", "said", ""),
        ("Opinion", "called it\na disgrace", ""),
        ("Quote", "“The plan,”", ""),
        ("Quote", "“will not work.”", ""),
        ("Source", "the minister", ""),
        ("Source", "the minister", DEFAULT_SPAN_GROUP),
    ]
    fragment = next(r for r in relations if r.label == FRAGMENT)
    assert text[spans[fragment.head].start :].startswith("“The plan")
    quote = spans[fragment.head]
    assert quote.attrs == {ATTRIBUTES: {"Certainty": "High"}}
    opinion = next(s for s in spans if s.label == "Opinion")
    assert opinion.attrs == {"note": "paraphrase over a line break"}
    attribution = store.relation_rule("Attribution")
    assert attribution is not None and attribution.heads == ("Quote",)
    assert attribution.children == ("Source",)
    assert [lb.values for lb in store.labels("attribute")] == [("High",)]


def test_sub_folders_are_kept(store: Store, tmp_path: Path) -> None:
    import_paths(store, [FOREIGN])
    export(store, format="brat", out=tmp_path / "out", status="all")
    written = {
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.ann")
    }
    assert written == {p.relative_to(FOREIGN).as_posix() for p in FOREIGN.rglob("*.ann")}


def test_re_export_over_an_earlier_one_with_sub_folders(store: Store, tmp_path: Path) -> None:
    import_paths(store, [FOREIGN])
    out = tmp_path / "out"
    export(store, format="brat", out=out, status="all")
    (out / "news" / "my-notes.md").write_text("mine", encoding="utf-8")  # the user's own file
    report = export(store, format="brat", out=out, status="all")
    assert any("replaced an earlier export" in w for w in report.warnings)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]  # nothing beside
    assert (out / "news" / "my-notes.md").read_text(encoding="utf-8") == "mine"
    written = {p.relative_to(out).as_posix() for p in out.rglob("*.ann")}
    assert written == {p.relative_to(FOREIGN).as_posix() for p in FOREIGN.rglob("*.ann")}
