"""Speaker names in their canonical form (issue 14, third round): the person or body a
mention names, never a party, club, nationality or role word next to it.

Every sentence here is invented, of the shapes met in the development sets; none comes from a
test set.
"""

from __future__ import annotations

from spacy.language import Language

from tests.nlp.test_quotes import detect


def names(nlp: Language, text: str) -> list[str | None]:
    return [found[3] for found in detect(nlp, text)]


def test_a_party_before_a_name_is_no_part_of_it(nlp: Language) -> None:
    text = 'Fellow Lib Dem Oliver Pennington said the plan was "a shambles from start to finish".'
    assert names(nlp, text) == ["Oliver Pennington"]


def test_an_honorific_inside_a_name_starts_it(nlp: Language) -> None:
    text = (
        "Designer Kenji R. Matsuda spoke at the show. "
        'At ESC Mr Matsuda said the console would be "quieter than a fridge".'
    )
    found = names(nlp, text)
    assert found == ["Kenji R. Matsuda"] or found == ["Matsuda"], found


def test_a_role_joined_to_a_name_is_that_person(nlp: Language) -> None:
    text = '"We are very proud of this list," said FFA founder and director Marcus Whitlow.'
    assert names(nlp, text) == ["Marcus Whitlow"]


def test_a_verbless_line_before_a_colon_names_the_speaker(nlp: Language) -> None:
    text = (
        "Rovers won the derby 2-1.\n\n"
        '- Rovers boss Danny Whitcombe: "We were the better side for an hour."\n\n'
        '- Albion boss Sir Ray Tolland: "We gave away two soft goals."'
    )
    found = detect(nlp, text)
    assert [f[3] for f in found] == ["Danny Whitcombe", "Ray Tolland"]
    assert [f[2] for f in found] == [None, None]


def test_two_people_joined_by_and_speak_together(nlp: Language) -> None:
    text = (
        "The appeal was heard in London. Lord Justice Pemberton and Mr Justice Hale said "
        'that the order was "plainly unlawful". Later the judges said the case had been '
        '"badly handled".'
    )
    assert names(nlp, text) == ["Pemberton and Hale", "Pemberton and Hale"]


def test_a_club_inside_a_description_is_not_the_speaker(nlp: Language) -> None:
    text = (
        "Captain Tom Ashworth says the squad is fit. "
        '"We have trained well all week," said the Leeds full-back.'
    )
    assert names(nlp, text) == ["Tom Ashworth"]


def test_a_possessed_spokesman_keeps_his_description(nlp: Language) -> None:
    text = (
        "Prime Minister Helen Marsh's official spokesman said the report would be "
        '"studied carefully".'
    )
    assert names(nlp, text) == ["Helen Marsh's official spokesman"]


def test_the_company_is_the_body_the_article_is_about(nlp: Language) -> None:
    text = (
        'Northwind Airways said profits were "well ahead of plan". Analysts were surprised. '
        'The company said it expected "another strong year".'
    )
    assert names(nlp, text) == ["Northwind Airways", "Northwind Airways"]


def test_someone_said_to_do_something_is_not_speaking(nlp: Language) -> None:
    text = (
        'Sean Murphy said: "I love it here." Rival boss Tony Blackwood is said to '
        "be keen on a bid. But the 26-year-old Corkman wants to stay. "
        'He added: "This is my club."'
    )
    assert names(nlp, text) == ["Sean Murphy", "Sean Murphy"]


def test_questioned_and_ruled_are_cues(nlp: Language) -> None:
    text = 'Ms Dalton questioned why there was "such haste" when Mr Reeve had promised a review.'
    found = detect(nlp, text)
    assert (found[0][2], found[0][3]) == ("questioned", "Dalton")
    text = 'Lord Justice Amberley ruled that the ban was "wholly disproportionate".'
    assert detect(nlp, text)[0][2] == "ruled"


def test_ruled_out_is_no_cue(nlp: Language) -> None:
    text = 'Two "goals" by Rossi were ruled out by the referee before half-time.'
    assert detect(nlp, text)[0][2] is None


def test_someone_led_to_complain_is_the_speaker(nlp: Language) -> None:
    text = 'A sketch on the late show led 40 listeners to complain it was "crude".'
    assert names(nlp, text) == ["40 listeners"]


def test_a_statement_speaks_for_the_body_that_issued_it(nlp: Language) -> None:
    text = (
        "The band cancelled the tour. "
        '"Ticket holders will be refunded in full," a UEFA statement read.'
    )
    found = detect(nlp, text)
    assert (found[0][2], found[0][3]) == ("read", "UEFA")


def test_he_is_never_a_group_of_critics(nlp: Language) -> None:
    text = (
        'Critics say the scheme is "a waste of money". Ms Fenwick defended it on Monday. '
        "Her speech did not convince shadow minister Paul Granger. "
        '"She has no plan at all," he said.'
    )
    assert names(nlp, text)[-1] == "Paul Granger"


def test_a_role_written_before_a_name_is_no_part_of_it(nlp: Language) -> None:
    text = 'Defender Sean Murphy said: "I love it here."'
    assert names(nlp, text) == ["Sean Murphy"]


def test_one_of_two_joint_speakers_is_not_both(nlp: Language) -> None:
    text = (
        'Judge Ellen Marsh and Judge Omar Reid said the law was "clear". '
        'Later Judge Marsh said the case was "closed".'
    )
    found = names(nlp, text)
    assert found[0] == "Ellen Marsh and Omar Reid" and found[1] == "Ellen Marsh", found


def test_a_cue_after_an_adjective_speaks_for_nobody(nlp: Language) -> None:
    text = (
        'Lord Justice Pemberton and Mr Justice Hale said the law was "clear". It was hard to '
        'say that the inquiry "has been thorough or fair", the judges said.'
    )
    found = detect(nlp, text)
    assert (found[1][2], found[1][3]) == ("said", "Pemberton and Hale"), found


def test_a_body_named_after_a_description_of_its_kind_is_that_body(nlp: Language) -> None:
    text = 'Phone service provider (PSP) Callwise also backed the plan, saying it was "overdue".'
    assert names(nlp, text) == ["Callwise"]


def test_the_club_is_the_body_the_article_names_most(nlp: Language) -> None:
    text = (
        "Riverside Rovers to sell ground\n\n"
        "Riverside Rovers' board has agreed to sell the Eastfield ground to developer Tom "
        "Hardwick.\n\nMr Hardwick made an offer last month. In a statement, the club said the "
        'sale was "in the best interest of supporters". Fans of Riverside Rovers marched on '
        'Sunday. "We will keep playing in the town," the board said. The government said it '
        'was "watching closely".'
    )
    assert names(nlp, text) == ["Riverside Rovers", "Riverside Rovers", "The government"]


def test_a_quotation_in_the_headline_has_no_speaker_of_its_own(nlp: Language) -> None:
    text = (
        "Brightmart warns of 'hard winter'\n\n"
        "Sales at the retailer fell in December. "
        '"We expect a hard winter," said its chief executive Joan Pike.'
    )
    headline, said = detect(nlp, text)
    assert (headline[3], headline[2]) == (None, None)
    assert said[3] == "Joan Pike"


def test_adding_after_reported_speech_is_the_reporter_speaking(nlp: Language) -> None:
    text = (
        "Tom Reilly, who led the campaign, said the families were pleased. He said Ms Ward "
        'had acted with "great care", adding: "She listened to every one of us."'
    )
    assert names(nlp, text)[-1] == "Tom Reilly"


def test_according_to_a_publication_named_earlier_is_its_speaker(nlp: Language) -> None:
    text = (
        "Gadget Monthly magazine tested ten phones this spring. The Zephyr came top for "
        '"a battery that lasts for days," according to the magazine.'
    )
    ((_, _, cue, name),) = detect(nlp, text)
    assert (cue, name) == ("according to", "Gadget Monthly magazine")


def test_they_after_a_plural_subject_is_that_group_not_a_person(nlp: Language) -> None:
    text = (
        '"Prices will fall," said Ann Cole, head of the trade body. The phone makers want us '
        'to buy handsets that cost at least £500, to get the "premium feel" of the range, they '
        "say, although cheaper models work."
    )
    assert names(nlp, text) == ["Ann Cole", "The phone makers"]
