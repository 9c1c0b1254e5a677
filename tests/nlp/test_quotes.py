"""The quote detector on real sentences with the real default model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from annotator.nlp.lexicon import cue_forms
from annotator.nlp.quotes import Quote, find_quotes


def detect(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    doc = nlp(text)
    out = []
    for q in find_quotes(doc):
        speaker = text[q.speaker[0] : q.speaker[1]] if q.speaker else None
        cue = text[q.cue[0] : q.cue[1]] if q.cue else None
        out.append((text[q.start : q.end], speaker, cue, q.speaker_name))
    return out


def test_attribution_before(nlp: Language) -> None:
    text = "Sir Ed Davey said: “We will back the plan.” Then he left."
    assert detect(nlp, text) == [("“We will back the plan.”", "Sir Ed Davey", "said", "Ed Davey")]


def test_attribution_after_with_pronoun(nlp: Language) -> None:
    text = (
        "Shadow minister Imran Hussain has quit. Mr Hussain said the war was wrong.\n"
        "“As I write, many have been killed,” he wrote."
    )
    assert detect(nlp, text) == [
        ("“As I write, many have been killed,”", "he", "wrote", "Imran Hussain")
    ]


def test_attribution_inside_a_split_quote(nlp: Language) -> None:
    text = (
        "Former Australian wing David Campese spoke to the BBC. \"It's been a surprising "
        'tournament," said Campese, "and maybe Ireland have more talent."'
    )
    first, second = detect(nlp, text)
    assert first[1:] == ("Campese", "said", "David Campese")
    assert second[0] == '"and maybe Ireland have more talent."'
    assert second[1:] == ("Campese", "said", "David Campese")


def test_according_to(nlp: Language) -> None:
    text = "The deal was “a disaster”, according to Mr Smith."
    assert detect(nlp, text) == [("“a disaster”", "Mr Smith", "according to", "Smith")]


def test_partial_and_one_word_quotes_in_a_sentence(nlp: Language) -> None:
    text = (
        "Sir Keir Starmer leads Labour. In a speech last week, Sir Keir said he “understands” "
        "calls for a ceasefire but he did not believe it was the “correct position” to take."
    )
    (understands, correct) = detect(nlp, text)
    assert understands == ("“understands”", "Sir Keir", "said", "Keir Starmer")
    assert correct[0] == "“correct position”" and correct[3] == "Keir Starmer"


def test_surrounding_sentence_shares_the_attribution(nlp: Language) -> None:
    text = (
        "Liberal Democrat leader Charles Kennedy spoke on Monday. He said the question sounded "
        '"very neutral" and "balanced," adding it would enable the argument "to be heard".'
    )
    found = detect(nlp, text)
    assert [f[3] for f in found] == ["Charles Kennedy"] * 3
    assert [f[2] for f in found] == ["said", "said", "adding"]


def test_continuation_paragraph_takes_the_previous_speaker(nlp: Language) -> None:
    text = (
        "Conservative leader Kemi Badenoch said Europe must act.\n"
        "“I watched it and I couldn’t believe it,” she said. "
        "“He was being humiliated.”\n“We must act.”"
    )
    found = detect(nlp, text)
    assert [f[3] for f in found] == ["Kemi Badenoch"] * 3
    assert [f[2] for f in found] == ["said", None, None]
    assert found[1][1] == found[2][1] == "she"


def test_multi_paragraph_quote_is_one_span_with_its_speaker(nlp: Language) -> None:
    text = (
        "Patricia Hewitt spoke.\n\n"
        'Ms Hewitt said: "We have already doubled it. "We are going to extend the pay."'
    )
    (found,) = detect(nlp, text)
    assert found == (
        '"We have already doubled it. "We are going to extend the pay."',
        "Ms Hewitt",
        "said",
        "Patricia Hewitt",
    )


def test_headline_quote_in_single_marks(nlp: Language) -> None:
    text = "Call centre users 'lose patience'\n\nMany customers hang up, a survey found."
    (found,) = detect(nlp, text)
    assert found[0] == "'lose patience'"


def test_unnamed_source_keeps_its_description(nlp: Language) -> None:
    text = (
        "It is hoped the meeting will get things “back on track”, a government source has told "
        "Sky News. However, they admitted there will be “more ups and downs” ahead.\n"
        "The source said: “We think it’s the right thing to do.”"
    )
    names = [f[3] for f in detect(nlp, text)]
    assert names == ["a government source"] * 3


def test_description_introduced_with_the_name(nlp: Language) -> None:
    text = (
        "Volodymyr Zelenskyy thanked the US. In a post, Ukrainian president Mr Zelenskyy "
        "wrote about it. Donald Trump replied. The Ukrainian president insisted the relationship "
        "“is more than just two leaders”."
    )
    assert detect(nlp, text)[-1][1:] == (
        "The Ukrainian president",
        "insisted",
        "Volodymyr Zelenskyy",
    )


def test_cue_verbs_have_british_and_american_forms() -> None:
    forms = cue_forms()
    for word in ("said", "told", "wrote", "written", "added", "argued", "insisted", "warned",
                 "admitted", "suggested", "acknowledged", "urged", "asked", "claimed",
                 "explained", "stated", "announced", "replied", "responded", "noted",
                 "believes", "criticised", "criticized", "emphasised", "emphasized",
                 "labelled", "labeled"):  # fmt: skip
        assert word in forms


def test_quote_round_trips_through_user_data() -> None:
    quote = Quote(3, 10, (0, 2), None, "Imran Hussain", 2)
    assert Quote.from_list(quote.to_list()) == quote


@pytest.mark.parametrize("text", ["", "No quotes here.", "“", '""', "‘’", "« »\n„"])
def test_degenerate_texts(nlp: Language, text: str) -> None:
    for q in find_quotes(nlp(text)):
        assert 0 <= q.start < q.end <= len(text)
