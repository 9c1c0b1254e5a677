"""From a speaker mention to a speaker name: roles, possessives and unnamed sources written in
more than one form in one article (issue 14, fifth round).

Every sentence here is invented, of the shapes met in the development sets; none comes from a
test set.
"""

from __future__ import annotations

from spacy.language import Language

from tests.nlp.test_speaker_names import names


def test_a_role_written_before_a_name_is_that_person_not_a_named_kind(nlp: Language) -> None:
    text = (
        'Radio Kent reporter Sarah Pollard said the talks had "stalled for good". '
        '"Both sides now expect a long strike," our reporter said.'
    )
    assert names(nlp, text) == ["Sarah Pollard", "Sarah Pollard"]


def test_a_name_after_a_possessive_or_a_title_is_the_person(nlp: Language) -> None:
    text = (
        "Council leader Rhona Tillbury has refused to resign. Labour's Mrs Tillbury, who said "
        'she was "going nowhere", met party officials on Monday.'
    )
    assert names(nlp, text) == ["Rhona Tillbury"]
    text = (
        "The vote was delayed. Dutch Liberal MEP Pieter Maassen warned the delay would be "
        'a "betrayal" of voters.'
    )
    assert names(nlp, text) == ["Pieter Maassen"]


def test_a_standing_before_a_name_is_no_part_of_it(nlp: Language) -> None:
    text = 'Backbencher Stephen Marsh said the whips had been "heavy-handed".'
    assert names(nlp, text) == ["Stephen Marsh"]


def test_an_unnamed_source_is_named_by_its_fullest_form_in_the_article(nlp: Language) -> None:
    text = (
        'The quiz show will not return. "There are no plans for another series," a '
        "spokeswoman said. Ratings had halved since March. The Channel 9 spokeswoman said a "
        'dance show would replace it. "We are very excited about that," she said.'
    )
    assert names(nlp, text) == ["The Channel 9 spokeswoman"] * 2
    text = (
        "A Steelco spokeman said no jobs would go this year. "
        '"We are investing in new plant," a spokesman said.'
    )
    assert names(nlp, text) == ["A Steelco spokesman"]


def test_a_short_source_between_two_fuller_ones_stays_as_written(nlp: Language) -> None:
    text = (
        'A Labour spokesman called the plan "reckless". A Tory spokesman said it was '
        '"overdue". "Nobody has read the small print," a spokesman said.'
    )
    assert names(nlp, text)[-1] == "a spokesman"


def test_a_role_never_stands_for_an_unnamed_source(nlp: Language) -> None:
    text = (
        'Asked about the strike, the premier\'s official spokesman said: "We want talks." '
        'Earlier the premier admitted the dispute had been "badly handled".'
    )
    assert names(nlp, text)[-1] != "the premier's official spokesman"


def test_a_role_is_not_someone_introduced_with_an_occupation_of_another_kind(
    nlp: Language,
) -> None:
    text = (
        "Pop singer Danny Crewe admitted assault at a London court. On Monday the judge "
        'agreed he could tour if he was "home by midnight".'
    )
    assert names(nlp, text) == ["the judge"]


def test_a_body_described_is_the_body_the_discourse_is_about(nlp: Language) -> None:
    text = (
        "The Transport Office has delayed its rail plan. The Transport Office said the "
        "delay was short. Critics of the Transport Office were not convinced. In its report, "
        'the Rail Standards Council said: "We found wide support for lower fares." The panel '
        'suggested fares could be "capped" for commuters.'
    )
    assert names(nlp, text)[-2:] == ["Rail Standards Council"] * 2


def test_a_document_with_no_author_keeps_its_topic(nlp: Language) -> None:
    text = (
        "Pupils in four schools used a farming game in class. A report on the trial said: "
        '"Pupils asked better questions about soil and weather."'
    )
    assert names(nlp, text) == ["A report on the trial"]


def test_a_body_misspelt_once_is_the_body_it_nearly_spells(nlp: Language) -> None:
    text = (
        "Shares in AstraCorp fell 5% on Monday. AstraCorp had hoped to sell its Zentor pill in "
        "Europe. But Zentor failed a large trial. AztraCorp has now appointed a new research "
        'chief. The company said she would make "sweeping changes" to its trials.'
    )
    assert names(nlp, text) == ["AstraCorp"]


def test_a_nickname_in_marks_does_not_break_the_name(nlp: Language) -> None:
    text = (
        'Another veteran who never won the title - Ronnie "the Rocket" Maddox - has admitted '
        'skipping school. "We played every day," Mr Maddox said.'
    )
    assert names(nlp, text)[-1] == "Ronnie Maddox"


def test_a_body_shortened_to_its_first_word_is_the_body(nlp: Language) -> None:
    text = (
        "The tribunal found against the bank Barrow Lynch. Its lawyers were at the hearing. "
        '"We are disappointed," Barrow said in a statement on Friday.'
    )
    assert names(nlp, text) == ["Barrow Lynch"]


def test_a_description_kept_as_its_name_names_whose_it_is(nlp: Language) -> None:
    text = (
        "Ms Joanna Pardoe lost her claim against the bank on Tuesday. A spokesman for her "
        'lawyers described the ruling as "very disappointing".'
    )
    assert names(nlp, text) == ["A spokesman for Joanna Pardoe's lawyers"]


def test_the_paper_is_the_newspaper_that_spoke_and_a_headline_its_owners(nlp: Language) -> None:
    text = (
        'Press review\n\n"We never hid anything," said press officer Juan Soto. And Madrid '
        'daily El Globo accuses reporters of a witch-hunt. "They wanted a story," the paper '
        "says.\n\n"
        'El Globo\'s headline says it all: "A night of shame"'
    )
    assert names(nlp, text) == ["Juan Soto", "El Globo", "El Globo"]
