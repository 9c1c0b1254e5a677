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
