"""doccano, Hugging Face and the document-labels CSV: files written by the formats' own
documentation imported, exported and imported again, counted by kind against the files."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

from annotator.ops.export import export
from annotator.ops.importing import import_paths
from annotator.store import Store

FOREIGN = Path(__file__).parent.parent / "data" / "foreign"


def counts(store: Store) -> Counter[str]:
    """Spans, relations and document labels of the project's gold layer, by kind and label."""
    found: Counter[str] = Counter()
    for doc_id in store.document_ids():
        spans, relations = store.annotations(doc_id, "gold")
        found.update(f"span:{s.label}" for s in spans)
        found.update(f"relation:{r.label}" for r in relations)
        found.update(f"category:{c}:{a}" for c, a in store.document_labels(doc_id, "gold").items())
    return found


def doccano_counts(path: Path) -> Counter[str]:
    """The same counts read straight from doccano JSONL."""
    found: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        found.update(f"span:{e['label']}" for e in record.get("entities", []))
        found.update(f"relation:{r['type']}" for r in record.get("relations", []))
        for item in record.get("label", []):
            found[f"span:{item[2]}" if isinstance(item, list) else f"category:{item}:accept"] += 1
    return found


def test_doccano_round_trip(store: Store, tmp_path: Path) -> None:
    source = FOREIGN / "doccano" / "doccano-by-the-docs.jsonl"
    report = import_paths(store, [source])
    assert report.failed == 0 and report.imported == 3
    assert counts(store) == doccano_counts(source)
    export(store, format="doccano", out=tmp_path / "out.jsonl", status="all")
    assert doccano_counts(tmp_path / "out.jsonl") == doccano_counts(source)
    with Store(tmp_path / "again.db") as again:
        import_paths(again, [tmp_path / "out.jsonl"])
        assert counts(again) == counts(store)
    founded = store.relation_rule("founded_by")
    assert founded is not None and (founded.heads, founded.children) == (("ORG",), ("PERSON",))


def test_hf_keeps_the_label_ids_it_read(store: Store, tmp_path: Path) -> None:
    source = FOREIGN / "hf" / "conll2003-style.jsonl"
    import_paths(store, [source])
    report = export(store, format="hf", out=tmp_path / "out.jsonl", status="all")
    labels = json.loads((FOREIGN / "hf" / "conll2003-style.labels.json").read_text())
    assert json.loads((tmp_path / "out.labels.json").read_text()) == labels
    original = [json.loads(x) for x in source.read_text().splitlines()]
    written = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [w["ner_tags"] for w in written] == [o["ner_tags"] for o in original]
    assert not any("numbered in order" in w for w in report.warnings)


def test_document_labels_csv_is_spreadsheet_safe(store: Store, tmp_path: Path) -> None:
    doc, _ = store.add_document("=HYPERLINK(1).txt", "A story about markets.")
    store.set_document_label(doc, "gold", "business", "accept")
    store.set_document_label(doc, "gold", "-sport", "reject")
    export(store, format="doc-labels-csv", out=tmp_path / "labels.csv", status="all")
    rows = list(csv.reader((tmp_path / "labels.csv").open(encoding="utf-8")))
    assert rows == [
        ["document", "document_id", "layer", "label", "answer"],
        ["'=HYPERLINK(1).txt", str(doc), "gold", "'-sport", "reject"],
        ["'=HYPERLINK(1).txt", str(doc), "gold", "business", "accept"],
    ]
    # The same helper as quotes-csv: reading back restores every cell exactly.
    from annotator.formats.cells import unescape_cell

    assert [unescape_cell(c) for c in rows[1]] == [
        "=HYPERLINK(1).txt",
        str(doc),
        "gold",
        "-sport",
        "reject",
    ]


def test_conll_keeps_the_columns_it_read(store: Store, tmp_path: Path) -> None:
    source = FOREIGN / "conll" / "conll2003-style.conll"
    report = import_paths(store, [source])
    assert report.failed == 0 and report.imported == 2
    export(store, format="conll", out=tmp_path / "out.conll", status="all", scheme="iob1")

    def rows(path: Path) -> list[list[str]]:
        return [line.split() for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("-DOCSTART-")]  # fmt: skip

    assert rows(tmp_path / "out.conll") == rows(source)  # POS, chunk and IOB1 tags as read


def _spacy_by_the_docs(path: Path) -> None:
    """A ``.spacy`` file as spaCy's documentation shows how to make one: entities in
    ``doc.ents``, overlapping spans in span groups, ``doc.cats`` and JSON ``user_data``."""
    import spacy
    from spacy.tokens import DocBin, Span

    nlp = spacy.blank("en")
    first = nlp("Apple's chief Tim Cook met Angela Merkel in Berlin on Monday.")
    first.ents = [
        Span(first, 0, 1, "ORG"),
        Span(first, 3, 5, "PERSON"),
        Span(first, 6, 8, "PERSON"),
        Span(first, 9, 10, "GPE"),
        Span(first, 11, 12, "DATE"),
    ]
    first.spans["sc"] = [Span(first, 0, 3, "ROLE"), Span(first, 2, 5, "ROLE_HOLDER")]
    first.cats = {"business": 1.0, "sport": 0.0}
    first.user_data["source"] = "wire"
    second = nlp("Ministers said the plan would cut waiting lists.\n\nCritics disagreed.")
    second.ents = [Span(second, 0, 1, "NORP")]
    second.spans["claims"] = [Span(second, 2, 8, "CLAIM"), Span(second, 5, 8, "OUTCOME")]
    second.cats = {"politics": 1.0}
    DocBin(docs=[first, second], store_user_data=True).to_disk(path)


def spacy_counts(path: Path) -> Counter[str]:
    """Entities, span-group spans and categories read straight from a ``.spacy`` file."""
    import spacy
    from spacy.tokens import DocBin

    found: Counter[str] = Counter()
    for doc in DocBin().from_disk(path).get_docs(spacy.blank("en").vocab):
        found.update(f"span:{e.label_}" for e in doc.ents)
        for group in doc.spans.values():
            found.update(f"span:{s.label_}" for s in group)
        found.update(
            f"category:{k}:{'accept' if v >= 0.5 else 'reject'}" for k, v in doc.cats.items()
        )
    return found


def test_spacy_by_the_docs_round_trip(store: Store, tmp_path: Path) -> None:
    source = tmp_path / "by-the-docs.spacy"
    _spacy_by_the_docs(source)
    report = import_paths(store, [source])
    assert report.failed == 0 and report.imported == 2
    assert counts(store) == spacy_counts(source)
    export(store, format="spacy", out=tmp_path / "out.spacy", status="all")
    assert spacy_counts(tmp_path / "out.spacy") == spacy_counts(source)
    import spacy
    from spacy.tokens import DocBin

    written = list(DocBin().from_disk(tmp_path / "out.spacy").get_docs(spacy.blank("en").vocab))
    by_text = {doc.text: doc for doc in written}
    first = by_text["Apple's chief Tim Cook met Angela Merkel in Berlin on Monday."]
    assert [(s.text, s.label_) for s in first.spans["sc"]] == [
        ("Apple's chief", "ROLE"),
        ("chief Tim Cook", "ROLE_HOLDER"),
    ]
    assert first.user_data["source"] == "wire"
    second = by_text["Ministers said the plan would cut waiting lists.\n\nCritics disagreed."]
    assert [(s.text, s.label_) for s in second.spans["claims"]] == [
        ("the plan would cut waiting lists", "CLAIM"),
        ("cut waiting lists", "OUTCOME"),
    ]
    with Store(tmp_path / "again.db") as again:
        import_paths(again, [tmp_path / "out.spacy"])
        assert counts(again) == counts(store)
