"""Speaker names that stand for someone named elsewhere in the article (issue 14, second round).

Every sentence here is invented, of the shapes met in the development sets; none comes from a
test set.
"""

from __future__ import annotations

from spacy.language import Language

from tests.nlp.test_quotes import detect


def names(nlp: Language, text: str) -> list[str | None]:
    return [found[3] for found in detect(nlp, text)]


def test_a_source_keeps_the_body_it_speaks_for(nlp: Language) -> None:
    text = (
        "Sales of vinyl rose again. A spokeswoman for the Royal Society of Potters (RSP) said "
        'the figures were "very encouraging".'
    )
    found = detect(nlp, text)
    assert found[0][1] == "A spokeswoman for the Royal Society of Potters"
    assert found[0][3] == "A spokeswoman for the Royal Society of Potters"
    text = 'The film opened last week. Critics in the US called it "a mess".'
    assert names(nlp, text) == ["Critics in the US"]


def test_letters_after_a_name_are_no_part_of_it(nlp: Language) -> None:
    text = 'The head of the Law Society, Anna Pirelli QC warned of "a two-tier system".'
    assert names(nlp, text) == ["Anna Pirelli"]


def test_a_hyphenated_surname_is_one_word(nlp: Language) -> None:
    text = (
        'Henry Fox-Talbot has left the party. "I was never welcome," Mr Fox-Talbot said on Friday.'
    )
    found = detect(nlp, text)
    assert found[0][1] == "Mr Fox-Talbot"
    assert found[0][3] == "Henry Fox-Talbot"


def test_a_misspelt_surname_is_the_person_it_nearly_spells(nlp: Language) -> None:
    text = (
        "World champion Marta Kowalczyk lost in the final. "
        '"The wind was too strong today," said Kowalcyk.'
    )
    assert names(nlp, text) == ["Marta Kowalczyk"]


def test_a_misspelling_close_to_two_people_stays_as_written(nlp: Language) -> None:
    text = 'Tom Hardcastle and Ann Hardcastel both ran. "We will be back," said Hardcastl.'
    assert names(nlp, text) == ["Hardcastl"]


def test_coordinated_verbs_share_their_subject(nlp: Language) -> None:
    text = (
        'Club owner Peter Vasquez said he was "saddened" by the decision and claimed the '
        'manager had been talking to rivals for "many weeks".'
    )
    assert names(nlp, text) == ["Peter Vasquez", "Peter Vasquez"]
    text = 'Okafor, 31, left the club on Monday and vowed: "I will never come back."'
    found = detect(nlp, text)
    assert found[0][1:] == ("Okafor", "vowed", "Okafor")


def test_what_something_has_been_dubbed_has_no_speaker(nlp: Language) -> None:
    text = 'Reid insists his side can win what has been dubbed "the battle of the giants".'
    found = detect(nlp, text)
    assert found[0][1] != "what"
    assert found[0][2] != "dubbed"
