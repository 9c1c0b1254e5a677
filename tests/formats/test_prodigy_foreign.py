"""Prodigy datasets from Prodigy's own examples: text classification with rejects, binary
ner.teach answers, several annotators. Expected values are counted from the JSON directly."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from annotator.model import REJECTED_GROUP
from annotator.ops.export import export
from annotator.ops.importing import import_paths
from annotator.store import Store

FOREIGN = Path(__file__).parent.parent / "data" / "foreign" / "prodigy"


def tasks(name: str) -> list[dict[str, Any]]:
    lines = (FOREIGN / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def labels_by_text(store: Store, layer: str) -> dict[str, dict[str, str]]:
    return {
        text: labels
        for doc_id, _, text in store.iter_texts()
        if (labels := store.document_labels(doc_id, layer))
    }


def test_textcat_imports_as_document_labels_with_its_rejects(store: Store) -> None:
    expected = {t["text"]: {t["label"]: t["answer"]} for t in tasks(
        "github-DOCUMENTATION-textcat.jsonl") if t["answer"] != "ignore"}  # fmt: skip
    assert Counter(a for d in expected.values() for a in d.values()) == {"accept": 4, "reject": 4}
    report = import_paths(store, [FOREIGN / "github-DOCUMENTATION-textcat.jsonl"])
    assert report.failed == 0 and report.skipped == 1  # the one "ignore"
    assert report.document_labels == 8
    assert labels_by_text(store, "gold") == expected
    assert [(lb.kind, lb.name) for lb in report.new_labels] == [("category", "DOCUMENTATION")]
    assert store.document_label_counts() == [
        ("gold", "DOCUMENTATION", "accept", 4), ("gold", "DOCUMENTATION", "reject", 4),
    ]  # fmt: skip


def test_textcat_round_trip_through_prodigy_export(store: Store, tmp_path: Path) -> None:
    import_paths(store, [FOREIGN / "github-DOCUMENTATION-textcat.jsonl"])
    before = labels_by_text(store, "gold")
    out = tmp_path / "out.jsonl"
    export(store, format="prodigy", out=out, status="all")
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    textcat = [t for t in written if "label" in t]
    assert Counter(t["answer"] for t in textcat) == {"accept": 4, "reject": 4}
    with Store(tmp_path / "again.db") as again:
        import_paths(again, [out])
        assert labels_by_text(again, "gold") == before


def test_binary_answers_are_partial_and_rejected_spans_not_gold(store: Store) -> None:
    answered = [t for t in tasks("reddit-PRODUCT-ner-teach.jsonl") if t["answer"] != "ignore"]
    accepted = {(t["text"], s["start"], s["end"]) for t in answered for s in t["spans"]
                if s.get("answer", t["answer"]) == "accept"}  # fmt: skip
    rejected = {(t["text"], s["start"], s["end"]) for t in answered for s in t["spans"]
                if s.get("answer", t["answer"]) == "reject"}  # fmt: skip
    assert accepted and rejected
    report = import_paths(store, [FOREIGN / "reddit-PRODUCT-ner-teach.jsonl"])
    assert report.failed == 0
    got_accepted, got_rejected = set(), set()
    for doc_id, _, text in store.iter_texts():
        assert store.is_partial(doc_id, "gold")
        for span in store.spans(doc_id, "gold"):
            target = got_rejected if span.group == REJECTED_GROUP else got_accepted
            target.add((text, span.start, span.end))
    assert got_accepted == accepted and got_rejected == rejected
    # two tasks about one text are one document with the answers of both
    texts = Counter(t["text"] for t in answered)
    assert store.count_documents() == len(texts)


def test_several_annotators_are_several_layers(store: Store) -> None:
    answered = [t for t in tasks("pydata-ams-2023-annotators.jsonl") if t["answer"] != "ignore"]
    expected: dict[str, dict[str, dict[str, str]]] = {}
    for t in answered:
        expected.setdefault(t["_annotator_id"], {})[t["text"]] = {t["label"]: t["answer"]}
    assert len(expected) >= 3
    import_paths(store, [FOREIGN / "pydata-ams-2023-annotators.jsonl"])
    assert store.count_documents() == len({t["text"] for t in answered})
    for annotator, by_text in expected.items():
        assert labels_by_text(store, annotator) == by_text


def test_manual_ner_tasks_stay_exhaustive_gold(store: Store) -> None:
    rows = tasks("news_headlines-ner-manual.jsonl")
    import_paths(store, [FOREIGN / "news_headlines-ner-manual.jsonl"])
    spans = sum(len(store.spans(doc_id, "gold")) for doc_id in store.document_ids())
    assert spans == sum(len(t.get("spans", [])) for t in rows)
    assert not any(store.is_partial(doc_id, "gold") for doc_id in store.document_ids())


def test_partial_annotation_is_missing_not_o_in_token_exports(store: Store, tmp_path: Path) -> None:
    import_paths(store, [FOREIGN / "reddit-PRODUCT-ner-teach.jsonl"])
    report = export(store, format="conll", out=tmp_path / "out.conll", status="all")
    tags = [line.split()[-1] for line in (tmp_path / "out.conll").read_text().splitlines()
            if line.strip() and not line.startswith("-DOCSTART-")]  # fmt: skip
    assert "O" not in tags and tags.count("-") > 0
    assert set(tags) <= {"-", "B-PRODUCT", "I-PRODUCT"}
    assert any("written as '-' (missing)" in w for w in report.warnings)


def test_docbin_keeps_document_labels_and_span_groups(store: Store, tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    import_paths(store, [FOREIGN / "github-DOCUMENTATION-textcat.jsonl"])
    export(store, format="spacy", out=tmp_path / "out.spacy", status="all")
    docs = list(DocBin().from_disk(tmp_path / "out.spacy").get_docs(spacy.blank("en").vocab))
    assert Counter(d.cats["DOCUMENTATION"] for d in docs) == {1.0: 4, 0.0: 4}
    with Store(tmp_path / "again.db") as again:
        import_paths(again, [tmp_path / "out.spacy"])
        assert labels_by_text(again, "gold") == labels_by_text(store, "gold")


def choice_task(text: str, options: list[str], accept: list[str], answer: str) -> dict[str, Any]:
    """A task as Prodigy's textcat.manual saves it: the options shown, the ids picked."""
    return {
        "text": text, "_input_hash": hash(text) & 0xFFFF, "_task_hash": hash(text) & 0xFFF,
        "options": [{"id": o, "text": o.title()} for o in options], "_view_id": "choice",
        "config": {"choice_style": "multiple"}, "accept": accept, "answer": answer,
        "_timestamp": 1700000000,
    }  # fmt: skip


def test_choice_tasks_are_document_labels_with_the_options_not_picked(
    store: Store, tmp_path: Path
) -> None:
    topics = ["POLITICS", "SPORT", "TECH"]
    answered = [
        choice_task("Ministers met on Monday.", topics, ["POLITICS"], "accept"),
        choice_task("The match ended 2-1 after a late goal.", topics, ["SPORT", "TECH"], "accept"),
        choice_task("Nothing here fits.", topics, [], "accept"),
        choice_task("A wrong pick.", topics, ["TECH"], "reject"),
        choice_task("Not read.", topics, [], "ignore"),
    ]
    path = tmp_path / "choice.jsonl"
    path.write_text("".join(json.dumps(t) + "\n" for t in answered), encoding="utf-8")
    report = import_paths(store, [path])
    assert report.failed == 0 and report.skipped == 1
    assert labels_by_text(store, "gold") == {
        "Ministers met on Monday.": {"POLITICS": "accept", "SPORT": "reject", "TECH": "reject"},
        "The match ended 2-1 after a late goal.": {
            "SPORT": "accept", "TECH": "accept", "POLITICS": "reject"},
        "Nothing here fits.": {"POLITICS": "reject", "SPORT": "reject", "TECH": "reject"},
        "A wrong pick.": {"TECH": "reject"},  # a rejected answer: the others are unknown
    }  # fmt: skip
    assert sorted(lb.name for lb in report.new_labels) == topics
    out = tmp_path / "out.jsonl"
    export(store, format="prodigy", out=out, status="all")
    with Store(tmp_path / "again.db") as again:
        import_paths(again, [out])
        assert labels_by_text(again, "gold") == labels_by_text(store, "gold")
