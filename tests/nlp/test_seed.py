"""The seed article end to end: quotes, speakers, boilerplate, entities."""

from __future__ import annotations

import itertools

from annotator.model import BOILERPLATE, CUE, QUOTE, SPEAKER, DocumentRecord, is_entity
from annotator.nlp.pipeline import doc_to_annotations


def quotes_of(seed_text: str, seed_doc) -> dict[str, tuple[str | None, str | None, str | None]]:
    spans, relations = doc_to_annotations(seed_doc)
    record = DocumentRecord("seed", seed_text, spans=spans, relations=relations)
    record.validate()
    out = {}
    for quote, speaker, cue in record.quotes():
        out[quote.text_of(seed_text)] = (
            speaker.text_of(seed_text) if speaker else None,
            cue.text_of(seed_text) if cue else None,
            quote.attrs.get("speaker_name"),
        )
    return out


def test_resignation_letter(seed_text: str, seed_doc) -> None:
    quotes = quotes_of(seed_text, seed_doc)
    letter = next(q for q in quotes if q.startswith("“It has become clear"))
    # two paragraphs, one span, marks included
    assert letter.endswith("call for a ceasefire.”") and "\n“I believe" in letter
    assert quotes[letter] == ("Mr Hussain", "said", "Imran Hussain")
    wrote = next(q for q in quotes if q.startswith("“As I write"))
    assert quotes[wrote] == ("he", "wrote", "Imran Hussain")
    follow = next(q for q in quotes if q.startswith("“This shocking number"))
    assert quotes[follow] == ("he", None, "Imran Hussain")


def test_keir_starmer_by_title_pronoun_and_role(seed_text: str, seed_doc) -> None:
    quotes = quotes_of(seed_text, seed_doc)
    assert quotes["“understands”"] == ("Sir Keir", "said", "Keir Starmer")
    assert quotes["“uncomfortable”"] == ("the PM", "said", "Keir Starmer")
    assert quotes["“Nobody wants to see that,”"] == ("he", "told", "Keir Starmer")


def test_other_speakers(seed_text: str, seed_doc) -> None:
    quotes = quotes_of(seed_text, seed_doc)
    assert quotes["“hero”"][2] == "Kemi Badenoch"
    assert quotes["“more ups and downs”"] == ("they", "admitted", "a government source")
    by_name = {q: v[2] for q, v in quotes.items()}
    assert by_name["‘You’re gambling with World War Three’"] == "Donald Trump"
    vance = next(q for q in quotes if q.startswith("“I think it’s disrespectful"))
    assert "\n“You should be thanking" in vance and quotes[vance][2] == "JD Vance"


def test_boilerplate_has_no_entity_and_no_quote(seed_text: str, seed_doc) -> None:
    spans, _relations = doc_to_annotations(seed_doc)
    boiler = [s for s in spans if s.label == BOILERPLATE]
    assert len(boiler) == 27
    assert all(s.source == "model" for s in spans)
    for b in boiler:
        for s in spans:
            if s.label != BOILERPLATE:
                assert s.end <= b.start or s.start >= b.end, (s, seed_text[b.start : b.end])
    texts = [s.text_of(seed_text) for s in spans if s.label == QUOTE]
    assert "‘Is ceasefire issue tearing Labour apart?’" not in texts


def test_spans_unique_entities_disjoint_speakers_shared(seed_text: str, seed_doc) -> None:
    spans, relations = doc_to_annotations(seed_doc)
    keys = [(s.start, s.end, s.label) for s in spans]
    assert len(keys) == len(set(keys))
    entities = sorted((s for s in spans if is_entity(s.label)), key=lambda s: s.start)
    assert all(a.end <= b.start for a, b in itertools.pairwise(entities))
    speaker_links = [r.child for r in relations if r.label == SPEAKER]
    assert len(speaker_links) > len(set(speaker_links))  # a mention linked from several quotes
    for r in relations:
        assert spans[r.head].label == QUOTE
        assert spans[r.child].label == (SPEAKER if r.label == SPEAKER else CUE)
    assert sum(s.label == QUOTE for s in spans) == 65
