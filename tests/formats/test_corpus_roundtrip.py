"""Export → import → export on real articles (the BBC corpus): identical files in every format."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotator.formats import ReadOptions
from annotator.formats.text import read_text
from annotator.formats.tokenization import doc_for
from annotator.model import DocumentRecord, SpanData

from .conftest import assert_same_tree, read_all, write

OUT = {"prodigy": "a.jsonl", "spacy": "a.spacy", "conll": "a.conll", "brat": "a", "hf": "a.jsonl"}


def bbc_records(root: Path, n: int) -> list[DocumentRecord]:
    """The first ``n`` articles of each topic, with entity spans on capitalised words that
    align to tokens (misaligned ones are the subject of other tests)."""
    records = []
    for topic in sorted(p for p in root.iterdir() if p.is_dir()):
        for path in sorted(topic.glob("*.txt"))[:n]:
            for record in read_text(path, ReadOptions(root=root)):
                if not isinstance(record, DocumentRecord):
                    continue
                doc = doc_for(record, "en")
                spans = [
                    SpanData(m.start(), m.end(), "PERSON" if len(m[0]) % 2 else "ORG")
                    for m in re.finditer(r"[A-Z][a-z]+", record.text)
                ]
                record.spans = [s for s in spans if doc.char_span(s.start, s.end) is not None]
                record.layer, record.status = "gold", "done"
                records.append(record)
    return records


@pytest.mark.corpus
@pytest.mark.parametrize("fmt", sorted(OUT))
def test_bbc_articles_round_trip(bbc: Path, tmp_path: Path, fmt: str) -> None:
    records = bbc_records(bbc, 20)
    first, second = tmp_path / "first" / OUT[fmt], tmp_path / "second" / OUT[fmt]
    write(fmt, records, first)
    back, errors = read_all(fmt, first)
    assert errors == [] and len(back) == len(records) == 100
    write(fmt, back, second)
    assert_same_tree(first, second)
    if fmt == "hf":
        assert_same_tree(first.with_name("a.labels.json"), second.with_name("a.labels.json"))
