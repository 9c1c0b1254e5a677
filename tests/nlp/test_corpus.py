"""A slice of the BBC 2005 corpus runs through the pipeline cleanly (skipped without it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from annotator.model import QUOTE, DocumentRecord
from annotator.nlp.pipeline import annotate_texts

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "bbc-news-2005"


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpora/bbc-news-2005 is absent")
def test_corpus_slice_has_no_warning_and_valid_spans(nlp: Language) -> None:
    paths = sorted(CORPUS.glob("politics/*.txt"))[:40] + sorted(CORPUS.glob("sport/*.txt"))[:40]
    items = [(p.read_text(encoding="utf-8"), f"{p.parent.name}/{p.name}") for p in paths]
    texts = {name: text for text, name in items}
    quotes = 0
    for name, spans, relations, warnings in annotate_texts(nlp, items):
        assert warnings == []
        DocumentRecord(name, texts[name], spans=spans, relations=relations).validate()
        quotes += sum(s.label == QUOTE for s in spans)
    assert quotes > 200
