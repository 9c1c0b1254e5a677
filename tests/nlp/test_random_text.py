"""Random text with random quote marks never breaks the detector, and offsets stay valid."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from annotator.model import DocumentRecord
from annotator.nlp.marks import find_marked_quotes
from annotator.nlp.pipeline import doc_to_annotations, doc_warnings

PIECES = st.one_of(
    st.sampled_from(list("“”\"'‘’«»„‹›\n ")),
    st.sampled_from(
        [
            "said",
            "he",
            "Mr Smith",
            "told",
            ".",
            ",",
            ":",
            "—",
            "’s",
            "can’t",
            "according to",
            "the source",
            "2:36",
            "\n\n",
            "X",
        ]
    ),
    # No lone surrogates or NULs: import refuses them (DocumentRecord.validate), so no stored
    # text that the pipeline runs on holds one.
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        max_size=8,
    ),
)
TEXTS = st.lists(PIECES, max_size=40).map(" ".join) | st.lists(PIECES, max_size=40).map("".join)


@given(TEXTS)
@settings(max_examples=300, deadline=None)
def test_marks_never_raise_and_spans_are_valid(text: str) -> None:
    quotes = find_marked_quotes(text)
    last_end = 0
    for q in quotes:
        assert last_end <= q.start < q.end <= len(text)
        last_end = q.end


@given(TEXTS)
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_pipeline_never_raises_and_offsets_are_valid(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert doc_warnings(doc) == []
    spans, relations = doc_to_annotations(doc)
    DocumentRecord("random", text, spans=spans, relations=relations).validate()
