"""Speakers named in apposition and leads that name their speaker later (issue 14, seventh
round).

Every sentence here is invented, of shapes met in the development sets; none comes from a test
set.
"""

from __future__ import annotations

from spacy.language import Language

from tests.nlp.test_quotes import detect


def test_a_name_closing_the_subject_phrase_is_the_speaker(nlp: Language) -> None:
    text = (
        "Drama returns\n\nThe series will return in May. Anna Bell and Tim Cole are the "
        "remaining finalists. Channel 5's controller of entertainment, Jane Oduya, said she "
        "had no doubts about the cast. "
        '"We have kept the best of the first run," she said.'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Jane Oduya"]


def test_a_name_after_a_role_noun_is_the_main_subject(nlp: Language) -> None:
    text = (
        "Cup tie\n\nLeeds won 2-1 on Tuesday. \"We were lucky,\" said Tom Grey. "
        "But Grey's Wigan counterpart Sam Okoro was in no mood to celebrate. "
        'He said: "We gave away two soft goals."'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Tom Grey", "Sam Okoro"]


def test_a_lead_that_describes_its_speaker_takes_the_name_given_next(nlp: Language) -> None:
    text = (
        "Trial hears of cover-up\n\n"
        'A former bank clerk has told a court that the accounts were "doctored". '
        "Mary Quell told the jury she had seen the ledgers in 2003."
    )
    assert detect(nlp, text)[0][3] == "Mary Quell"
    text = (
        "Minister in drink row\n\n"
        'Wales\'s health minister has told pupils it is fine to drink "now and then". '
        "Ann Rhys was speaking at a school in Cardiff on Friday."
    )
    assert detect(nlp, text)[0][3] == "Ann Rhys"


def test_a_lead_description_is_not_the_person_it_mentions(nlp: Language) -> None:
    text = (
        "Ally denies charges\n\n"
        'A close associate of former Acme boss Ivan Petrov has called the charges "absurd". '
        "Mr Petrov has been in jail since June."
    )
    assert detect(nlp, text)[0][3] != "Ivan Petrov"
    text = (
        "Talks fail\n\n"
        'A government spokesman has called the strike "reckless". '
        "Union leader Pat Doyle said the talks had failed."
    )
    assert detect(nlp, text)[0][3] == "A government spokesman"
