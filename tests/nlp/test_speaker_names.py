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


def test_the_spokesman_is_the_most_specific_earlier_source(nlp: Language) -> None:
    text = (
        "A Harbour Rail spokeswoman confirmed on Monday that the line would close. "
        "A spokeswoman repeated this later. "
        'The spokeswoman also said there were "no plans" to reopen it.'
    )
    assert names(nlp, text) == ["A Harbour Rail spokeswoman"]
    text = (
        'A spokesman for the National Union of Farmers (NUF) said prices were "unsustainable". '
        '"We cannot go on," the NUF spokesman said.'
    )
    assert names(nlp, text) == ["A spokesman for the National Union of Farmers"] * 2


def test_a_body_described_or_shortened_is_the_body_named(nlp: Language) -> None:
    text = (
        "Bids have been invited, Peru's Ministry of Transport said. "
        'The ministry said it wanted to end the "chronic delays" at the ports.'
    )
    assert names(nlp, text) == ["Ministry of Transport"]
    text = (
        "The Federal Housing Board left rates on hold. "
        'The Fed has said that it will act in a "gradual" way.'
    )
    assert names(nlp, text) == ["Federal Housing Board"]
    text = (
        "The Water Services Regulation Authority fined the firm. "
        'The WSRA said the fine was "well deserved".'
    )
    assert names(nlp, text) == ["Water Services Regulation Authority"]


def test_a_role_in_apposition_to_a_name_stands_for_that_person(nlp: Language) -> None:
    text = (
        "The Bishop of Wells, the Rt Rev Dr Alan Pryce, praised the choir. "
        'Later the Bishop said: "They sang like angels."'
    )
    assert names(nlp, text) == ["Alan Pryce"]


def test_a_document_speaks_for_its_author_or_its_body(nlp: Language) -> None:
    text = (
        "A new biography about the striker has upset the club. "
        'The biography by sports writer Helen Marsh said he was "lonely and restless".'
    )
    assert names(nlp, text) == ["Helen Marsh"]
    text = (
        'A Riverside Council spokesperson denied the claim, insisting: "We never said that." '
        'The statement added: "The remark was made by a former employee."'
    )
    assert names(nlp, text) == ["A Riverside Council spokesperson"] * 2


def test_a_nationality_stands_for_the_person_the_article_is_about(nlp: Language) -> None:
    text = (
        "Golf champion Carla Brennan has criticised the tour over prize money.\n\n"
        'Responding to remarks by tour director Paul Edge, the Canadian said: "It is unfair."'
    )
    assert names(nlp, text) == ["Carla Brennan"]


def test_a_surname_the_tagger_took_for_a_modal_is_the_speaker(nlp: Language) -> None:
    text = (
        'Guitarist Brian May has confirmed the tour. May said: "We will be on the road from April."'
    )
    found = detect(nlp, text)
    assert found[0][2:] == ("said", "Brian May")


def test_a_body_keeps_its_name_next_to_its_spokesperson(nlp: Language) -> None:
    text = (
        "A Northwind spokesperson confirmed that the pilot had left. "
        'Northwind has declined to discuss what it calls "internal matters".'
    )
    assert names(nlp, text) == ["Northwind"]


def test_a_quotation_after_reported_speech_goes_on_with_its_speaker(nlp: Language) -> None:
    text = (
        'Anna Berg, head of the studio, said: "We hire carefully." '
        "Mr Okoro warned that firms could soon run short of engineers. "
        '"If teams keep growing, the talent will run out."'
    )
    found = detect(nlp, text)
    assert found[1][1:] == ("Mr Okoro", None, "Okoro")
    text = (
        '"We are ready," said coach Ian Doyle.\n\n'
        "The season would be hard for everyone, club captain Rosa Mendez said.\n\n"
        '"We know what we have to do."'
    )
    assert names(nlp, text) == ["Ian Doyle", "Rosa Mendez"]


def test_a_quotation_after_narration_continues_the_previous_speaker(nlp: Language) -> None:
    text = (
        '"We are ready," said coach Ian Doyle.\n\n'
        "The team flies to Madrid on Monday.\n\n"
        '"We know what we have to do."'
    )
    assert names(nlp, text) == ["Ian Doyle", "Ian Doyle"]


def test_a_speaker_after_the_cue_parsed_as_its_object(nlp: Language) -> None:
    text = (
        "Fans cheered singer Maya Lind. "
        '"It is a magical night," added the three-time Grammy Award winner.'
    )
    found = detect(nlp, text)
    assert found[0][1:] == ("the three-time Grammy Award winner", "added", "Maya Lind")


def test_a_named_person_the_parser_left_without_a_verb_is_the_subject(nlp: Language) -> None:
    text = (
        "Mr Halvorsen has swum in the sea every day of his life.\n\n"
        "In the harbour of Bergen, 91-year-old Nils Eriksen watches the boats with friends.\n\n"
        '"The cold water keeps you young," he says.'
    )
    assert names(nlp, text)[0] == "Nils Eriksen"


def test_a_verb_of_a_relative_clause_after_a_quotation_is_no_cue(nlp: Language) -> None:
    text = (
        "The man who defined the phrase 'never say die' long before the current stars were "
        "born knows the values he believes in."
    )
    found = detect(nlp, text)
    assert found[0][1:3] == (None, None)


def test_hoping_is_a_cue_when_it_governs_the_quotation(nlp: Language) -> None:
    text = (
        'The Ministry of Energy said it wanted "many more bids". '
        'It also hopes to build a "cleaner and cheaper grid".'
    )
    found = detect(nlp, text)
    assert found[1][2:] == ("hopes", "Ministry of Energy")


def test_a_quotation_in_the_headline_without_a_cue_has_no_speaker(nlp: Language) -> None:
    text = (
        "Hale 'promised he would step aside'\n\n"
        "Dana Hale promised Tom Ortiz he would step aside before the vote, a new book claims."
    )
    found = detect(nlp, text)
    assert found[0][1] is None and found[0][3] is None


def test_a_pronoun_after_a_speaker_named_as_a_common_noun_is_that_speaker(
    nlp: Language,
) -> None:
    text = (
        'Manager Frank Olsen said: "We were robbed." Midfielder Carlos Reyes scored twice.\n\n'
        '"We deserved more," Olsen added. Reyes could not believe the decision. He said: '
        '"It was a clear goal."'
    )
    assert names(nlp, text)[-1] == "Carlos Reyes"


def test_reported_speech_according_to_someone_is_theirs(nlp: Language) -> None:
    text = (
        'Club chairman Victor Salas said he was "let down" by the move. '
        "According to Salas, Keane promised he would never join their rivals. "
        '"I asked him and he said no," he said.'
    )
    assert names(nlp, text)[-1] == "Victor Salas"


def test_a_speaker_inside_another_clause_gives_way_to_the_main_subject(nlp: Language) -> None:
    text = (
        'Tom Reed denied that Mark Cole, his deputy, said the plans "stink". '
        'He also said the party would "come through".'
    )
    assert names(nlp, text) == ["Mark Cole", "Tom Reed"]


def test_a_name_before_letters_is_the_subject_for_later_roles(nlp: Language) -> None:
    text = (
        'Author Ken Ruiz said the scheme was "unworkable".\n\n'
        "Former transport minister Helen Ward MP attacked the plan on Sunday.\n\n"
        '"It is a disgrace and it will fail," the Labour MP for Hull said.'
    )
    assert names(nlp, text)[-1] == "Helen Ward"


def test_a_full_name_the_model_typed_as_no_person_completes_a_surname(nlp: Language) -> None:
    text = (
        "And the 101-year-old Hideo Tanabe has eaten raw fish pretty much every day.\n\n"
        'Mr Tanabe said: "I want to reach 110."'
    )
    assert names(nlp, text) == ["Hideo Tanabe"]


def test_his_report_is_the_report_of_the_person_his_stands_for(nlp: Language) -> None:
    text = (
        "The review, out on Monday, was written by the former Danish minister Lars Holm. "
        "Mr Holm was hired by commissioner Peter Lund to judge how far the plan had come. "
        'Madrid risks becoming a "byword for failure", his report said.'
    )
    assert names(nlp, text) == ["Lars Holm"]
