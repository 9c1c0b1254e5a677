"""Attribution from the parse and the discourse, beyond the cue list (issue 14's kinds).

Every sentence here is invented, of the shapes the issue lists; none comes from a test set.
"""

from __future__ import annotations

from spacy.language import Language

from tests.nlp.test_quotes import detect


def test_a_verb_outside_the_list_after_the_quotation_is_its_cue(nlp: Language) -> None:
    found = detect(nlp, 'The results were in. "It is a triumph," gushed Maria Alvarez, the chair.')
    assert found == [('"It is a triumph,"', "Maria Alvarez", "gushed", "Maria Alvarez")]
    found = detect(nlp, 'Ms Alvarez read the figures. "We lost," she sighed.')
    assert found[0][1:] == ("she", "sighed", "Alvarez")
    found = detect(nlp, 'The debate grew heated. "Not true," interjected Senator Dana Hale.')
    assert found[0][2:] == ("interjected", "Dana Hale")


def test_a_verb_after_the_quotation_needs_a_subject_that_can_speak(nlp: Language) -> None:
    text = 'Despite this "clever trick," the bill stood no chance of passing, critics said.'
    found = detect(nlp, text)
    assert found[0][2] != "stood"


def test_a_colon_introduction_takes_the_verb_of_its_clause(nlp: Language) -> None:
    found = detect(nlp, 'The meeting ran late. Then Tom Briggs blurted out: "I resign."')
    assert found == [('"I resign."', "Tom Briggs", "blurted", "Tom Briggs")]
    found = detect(nlp, 'Asked about the deal, the minister deflected: "We do not comment."')
    assert found[0][1:3] == ("the minister", "deflected")
    found = detect(nlp, 'The senator Ann Cole fired off tweets: "This bill is a disgrace."')
    assert found[0][2:] == ("fired", "Ann Cole")


def test_a_copula_before_a_colon_is_no_cue(nlp: Language) -> None:
    found = detect(nlp, 'The question is out. It will be: "Should we stay in the union?"')
    assert found[0][1:3] == (None, None)


def test_a_byline_names_the_person_not_the_outlet(nlp: Language) -> None:
    found = detect(nlp, '"The plan will fail."\n\n— Sam Ortiz, The Daily Ledger')
    assert found == [('"The plan will fail."', "Sam Ortiz", None, "Sam Ortiz")]
    found = detect(nlp, 'Readers wrote in.\n\n"Bring back the trams!" — Mary Quinn, Leeds\n')
    assert found[0][1:] == ("Mary Quinn", None, "Mary Quinn")
    found = detect(nlp, '"Nobody asked for this."\n\nLee Park, Twitter')
    assert found[0][1] == "Lee Park"


def test_a_new_paragraph_about_someone_is_no_byline(nlp: Language) -> None:
    text = (
        'Dana Hale spoke first. "We will win," she said.\n\n'
        '"It was a great night."\n\nTom Reid, the coach, was less sure of it.'
    )
    found = detect(nlp, text)
    assert found[1][3] == "Dana Hale"  # a continuation of Ms Hale, not a byline of Tom Reid


def test_a_name_after_an_honorific_is_a_person_for_pronouns(nlp: Language) -> None:
    found = detect(nlp, 'Ms Hale emailed staff on Friday. "Please stay home," she wrote.')
    assert found[0][1:] == ("she", "wrote", "Hale")


def test_one_canonical_name_per_person_in_a_document(nlp: Language) -> None:
    text = (
        '"We start today," said Hussain. Later the MP spoke again. Imran Hussain, the MP for '
        'Bradford East, told reporters: "It is time." "I am ready," Mr Hussain added.'
    )
    names = {name for *_, name in detect(nlp, text)}
    assert names == {"Imran Hussain"}


def test_an_ambiguous_surname_keeps_its_own_name(nlp: Language) -> None:
    text = (
        'David Miliband said: "No." Ed Miliband said: "Yes." Later, in the hall, Miliband '
        'said: "Maybe."'
    )
    names = [name for *_, name in detect(nlp, text)]
    assert names[:2] == ["David Miliband", "Ed Miliband"]
    assert names[2] in ("David Miliband", "Ed Miliband", "Miliband")


def test_a_bare_capitalised_word_is_no_speaker_name(nlp: Language) -> None:
    found = detect(nlp, 'Emails said: "Delete everything now."')
    assert found[0][3] is None
    found = detect(nlp, 'Officials said: "Stay indoors."')
    assert found[0][3] == "Officials"
