"""Each line starts a sentence before the parser runs (``annotator.nlp.paragraphs``).

The sentences are invented, of the shape of almost every BBC article: a headline with no full
stop, a blank line, a lead sentence naming the person the article is about.
"""

from __future__ import annotations

from spacy.language import Language

from annotator.nlp.paragraphs import PARAGRAPHS_KEY
from tests.nlp.test_quotes import detect

ARTICLE = (
    "Folk singer seeks council help\n\n"
    "Folk singer Maddy Prior has called for more council help for musicians, while taking "
    "part in an Edinburgh Lectures discussion.\n\n"
    '"Small venues are closing every week," she said.'
)


def test_the_headline_and_the_lead_are_two_sentences(nlp: Language) -> None:
    assert nlp.pipe_names.index(PARAGRAPHS_KEY) < nlp.pipe_names.index("parser")
    doc = nlp(ARTICLE)
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Folk singer seeks council help"
    assert sents[1].startswith("Folk singer Maddy Prior has called")
    lead = list(doc.sents)[1]
    assert lead.root.lower_ == "called"  # the lead's verb is a main verb, not a complement


def test_a_line_keeps_its_first_name_in_its_sentence(nlp: Language) -> None:
    doc = nlp("Prior backs Carthy for award\n\nMaddy Prior believes Martin Carthy deserves it.")
    lead = list(doc.sents)[1]
    assert lead.text.startswith("Maddy Prior believes")


def test_a_pronoun_after_the_lead_is_the_person_it_introduced(nlp: Language) -> None:
    assert [found[3] for found in detect(nlp, ARTICLE)] == ["Maddy Prior"]
