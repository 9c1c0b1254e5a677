"""The per-document indexes answer as the plain scans they replace."""

from __future__ import annotations

import random

from spacy.language import Language

from annotator.nlp.quotes import Quote
from annotator.nlp.spans import EntityIndex, SpanSet


def test_span_set_agrees_with_a_scan_on_overlapping_ranges() -> None:
    rng = random.Random(7)
    for _ in range(200):
        spans = []
        for _ in range(rng.randint(0, 8)):
            start = rng.randint(0, 60)
            spans.append((start, start + rng.randint(1, 15)))
        index = SpanSet(spans)
        for pos in range(-1, 80):
            assert index.contains(pos) == any(s <= pos < e for s, e in spans)
            end = pos + rng.randint(1, 6)
            assert index.overlaps(pos, end) == any(s < end and pos < e for s, e in spans)


def test_entities_within_a_token_range_are_those_of_span_ents(nlp: Language) -> None:
    doc = nlp(
        "Keir Starmer met Emmanuel Macron in Paris on Monday. The Labour Party said "
        "Rachel Reeves would visit Berlin and Bonn with Angela Rayner next week."
    )
    index = EntityIndex(doc)
    assert len(index.ents) >= 4
    for start in range(len(doc)):
        for end in range(start, len(doc) + 1):
            assert index.within(start, end) == list(doc[start:end].ents)
    assert all(index.of[i] == ent for ent in doc.ents for i in range(ent.start, ent.end))


def test_a_pull_quote_keeps_which_quotation_it_repeats_through_storage() -> None:
    quote = Quote(0, 20, None, None, "Imran Hussain", 1, repeats=140)
    assert Quote.from_list(quote.to_list()) == quote
    assert Quote.from_list([0, 20, None, None, None, 1]).repeats is None  # stored before


def test_a_headline_pull_quote_takes_the_speaker_of_the_quotation_it_repeats(
    nlp: Language,
) -> None:
    from annotator.nlp.quotes import find_quotes

    text = (
        "'We will not back down'\n\n"
        'The minister Dana Hale spoke on Monday. "We will not back down on this," '
        "Ms Hale told reporters.\n"
    )
    pulled, source = find_quotes(nlp(text))
    assert source.speaker_name == "Dana Hale"
    assert pulled.repeats == source.start
    assert (pulled.speaker, pulled.cue, pulled.speaker_name) == (None, None, "Dana Hale")
