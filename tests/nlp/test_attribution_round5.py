"""Attribution of partial quotations and naming verbs (issue 14, fifth round).

Every sentence here is invented, of shapes met in the development sets; none comes from a test
set.
"""

from __future__ import annotations

from spacy.language import Language

from tests.nlp.test_quotes import detect


def test_a_passive_naming_verb_has_no_speaker(nlp: Language) -> None:
    text = (
        "Pyle named\n\nDr Ann Pyle joined the board in May. "
        'She is described as "a tireless reformer".'
    )
    assert detect(nlp, text)[0][1:] == (None, None, None)
    text = 'Tom Hale left the club. He was quoted as saying "I had no choice".'
    assert detect(nlp, text)[0][3] == "Tom Hale"


def test_an_unnamed_source_is_the_author_of_a_partial_quote(nlp: Language) -> None:
    text = (
        'Show axed\n\nThe show was cancelled. A Channel 9 spokeswoman was "delighted" with its run.'
    )
    assert detect(nlp, text)[0][1] == "A Channel 9 spokeswoman"
    text = 'Show axed\n\nThe show was cancelled. The weather was "dreadful" all week.'
    assert detect(nlp, text)[0][1] is None


def test_a_cue_coordinated_with_a_reported_clause_is_the_reporters(nlp: Language) -> None:
    text = (
        "Grant backs plan\n\nMr Grant spoke at length. But he told the Western Mail that "
        'truancy was "very bad" and said "tough action" was needed.'
    )
    found = detect(nlp, text)
    assert [f[3] for f in found] == ["Grant", "Grant"]
    assert found[1][2] == "said"


def test_what_a_speaker_speaks_with_is_no_speaker(nlp: Language) -> None:
    text = (
        "Tax row\n\nSenator Jo Marsh used a radio interview to say her party faced "
        '"hard choices" on tax.'
    )
    assert detect(nlp, text)[0][3] == "Jo Marsh"
    text = 'Show row\n\nThe broadcast led 40 viewers to complain it was "offensive".'
    assert detect(nlp, text)[0][1] == "40 viewers"


def test_marks_around_a_term_or_a_nickname_hold_nobodys_words(nlp: Language) -> None:
    text = (
        "Games row\n\nFor instance, Ms Kaur said, a pupil who missed the word "
        '"fatigue" would see a tired figure fall asleep.'
    )
    assert detect(nlp, text)[0][1:] == (None, None, None)
    text = 'Podcasts\n\nShe wrote a small program, known as an "aggregator", at home.'
    assert detect(nlp, text)[0][1:] == (None, None, None)
    text = (
        "Spam trial\n\nBut defence lawyer Dan Orr called the ten-year recommended term "
        '"outrageous" and said his client would appeal.'
    )
    assert detect(nlp, text)[0][2:] == ("called", "Dan Orr")
    text = (
        'Snooker\n\nAnother player - Ronnie "the Rocket" Hendry - has admitted missing '
        'lessons. "We loved the game," Mr Hendry said.'
    )
    found = detect(nlp, text)
    assert found[0][1:] == (None, None, None)
    assert found[1][2] == "said"


def test_a_cue_after_the_next_sentence_is_not_an_earlier_quotations(nlp: Language) -> None:
    text = (
        "Squad news\n\nCoach Ian Reid dropped Lowe after he missed training to film "
        "'Top Gear Live.' \"I always said I would look at him again,\" Reid said."
    )
    found = detect(nlp, text)
    assert found[0][2] is None
    assert found[1][2:] == ("said", "Ian Reid")


def test_marks_around_a_word_of_manner_hold_nobodys_words(nlp: Language) -> None:
    text = (
        "Pool row\n\nMr Ross apologised after the council announced "
        '"prematurely" a plan to close the pool.'
    )
    assert detect(nlp, text)[0][1:] == (None, None, None)


def test_marks_opening_on_the_verb_give_the_subject_before_them(nlp: Language) -> None:
    text = (
        "School survey\n\nThe survey of 800 parents in Leeds "
        '"showed strong support for longer school days".'
    )
    found = detect(nlp, text)
    assert found[0][1] is not None and found[0][1].startswith("The survey")
    assert found[0][2] is None


def test_a_cue_after_a_spaced_dash_insertion_is_a_cue(nlp: Language) -> None:
    text = (
        "Car launch\n\nThe maker showed its new coupe. Ms Dunn - herself a former racing "
        'driver - said the car was the firm\'s "fastest model yet".'
    )
    found = detect(nlp, text)
    assert found[0][1:] == ("Ms Dunn", "said", "Dunn")
    text = 'Tax row\n\nIt is a so-called "stealth tax" on savers.'
    assert detect(nlp, text)[0][2] is None


def test_marks_in_the_subject_phrase_are_not_what_the_subject_says(nlp: Language) -> None:
    text = (
        'Blogger fired\n\nA flight attendant suspended over "unsuitable photos" on her '
        "blog says she has been fired."
    )
    assert detect(nlp, text)[0][1:] == (None, None, None)


def test_a_finite_cue_hanging_from_a_bare_verb_is_the_reporters(nlp: Language) -> None:
    text = (
        "Patent row\n\nThe Commission says the Council will adopt the draft agreed in May "
        'but said it would review "every part of the law".'
    )
    assert detect(nlp, text)[0][3] == "Commission"


def test_a_cue_after_a_preposition_is_spoken_by_the_clauses_subject(nlp: Language) -> None:
    text = (
        'Bets off\n\nA bookmaker has stopped taking bets on the contest after claiming "secret '
        'results" had been leaked.'
    )
    assert detect(nlp, text)[0][1:3] == ("A bookmaker", "claiming")


def test_a_participle_describing_a_noun_gives_way_to_the_sentences_cue(nlp: Language) -> None:
    text = (
        "Phone study\n\nDr Anna Lund said that users dubbed "
        '"explorers" and "nesters" use phones in different ways.'
    )
    assert [found[2:] for found in detect(nlp, text)] == [("said", "Anna Lund")] * 2


def test_the_one_an_agency_quotes_is_the_speaker(nlp: Language) -> None:
    text = (
        'Spam trial\n\nHe made millions, prosecutors said. "He fooled people for years," '
        "Reuters quoted prosecutor Ann Moss as saying."
    )
    assert detect(nlp, text)[0][1:] == ("Ann Moss", "saying", "Ann Moss")


def test_a_firms_possessive_after_an_inverted_cue_introduces_the_speaker(nlp: Language) -> None:
    text = (
        'Rates\n\nAnalysts welcomed it. "The market could really grow in the next year," '
        "added Deloitte and Touche's Ravi Nair."
    )
    assert detect(nlp, text)[0][1:] == ("Ravi Nair", "added", "Ravi Nair")


def test_a_title_with_a_full_stop_ends_no_sentence(nlp: Language) -> None:
    text = (
        "Budget vote\n\nGov. Maria Alvarez signed the measure. "
        '"It is long overdue," Ms. Alvarez said in a statement.'
    )
    assert detect(nlp, text)[0][1:] == ("Ms. Alvarez", "said", "Maria Alvarez")
    text = 'Budget vote\n\n"We will not back down," Rep. Tom Briggs (R-Texas) told reporters.'
    assert detect(nlp, text)[0][2:] == ("told", "Tom Briggs")


def test_a_programmes_title_in_marks_holds_nobodys_words(nlp: Language) -> None:
    text = (
        'Budget vote\n\nSen. Lisa Moran, R-Maine, told CNN\'s "State of the Union" that she '
        'would vote no. "I cannot support it," Moran said.'
    )
    found = detect(nlp, text)
    assert found[0][1:] == (None, None, None)
    assert found[1][1:] == ("Moran", "said", "Lisa Moran")  # "no." ends the sentence


def test_a_us_party_and_state_tag_is_no_speaker(nlp: Language) -> None:
    text = 'Budget talks\n\n"We need to get this done," Pelosi, D-Calif., said on Monday.'
    assert detect(nlp, text)[0][1:] == ("Pelosi", "said", "Pelosi")


def test_a_number_before_a_full_stop_ends_the_sentence(nlp: Language) -> None:
    text = (
        "Bets\n\nBookmaker Ladbrokes said it would keep taking bets, with Kenzie at 2/9. "
        '"We felt no need to close the book," spokesman Warren Lush said.'
    )
    assert detect(nlp, text)[0][1:] == ("Warren Lush", "said", "Warren Lush")


def test_a_role_the_parser_split_before_a_name_gives_way_to_the_name(nlp: Language) -> None:
    text = 'Lords\n\n"We believe this bill is detailed enough," said co-ordinator Peter Facey.'
    assert detect(nlp, text)[0][3] == "Peter Facey"


def test_two_people_a_relative_who_follows_speak_together(nlp: Language) -> None:
    text = (
        "Gig\n\nThe crowd loved it. Less impressed were fellow students Sean Pike and Carl "
        'Budd, who observed, "With this band, Charlie has clearly moved on from his old sound."'
    )
    assert detect(nlp, text)[0][3] == "Sean Pike and Carl Budd"


def test_a_word_of_the_quotation_is_never_its_speaker(nlp: Language) -> None:
    text = (
        "Envoy named\n\nMr Bell served on the Greater London Council before being elected "
        'to Parliament in 1987, declaring "today Bath North, tomorrow Harare". He will go.'
    )
    assert detect(nlp, text)[0][1:] == ("Mr Bell", "declaring", "Bell")


def test_praising_and_lauding_are_cues(nlp: Language) -> None:
    text = 'Match report\n\nThe coach praised the "calm and discipline" of his young side.'
    assert detect(nlp, text)[0][2] == "praised"
    text = 'Match report\n\nMore plaudits came, with Ana Ruiz lauding how "the team kept going".'
    assert detect(nlp, text)[0][2:] == ("lauding", "Ana Ruiz")


def test_marks_in_the_question_a_speaker_was_asked_hold_nobodys_words(nlp: Language) -> None:
    text = (
        'Envoy named\n\nMr Hale said: "I am honoured." Asked if he was chosen in a "fair and '
        'square" contest, he replied: "I was chosen on merit."'
    )
    found = detect(nlp, text)
    assert found[1][1:] == (None, None, None)
    assert found[2][2:] == ("replied", "Hale")
