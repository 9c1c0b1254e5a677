"""Names after a closing mark, first names and acronyms the model left out, people it typed
as bodies, and people a story introduces before a pronoun (issue 14, ninth round).

The texts are of shapes met in the development sets, with names and details changed; several
keep a sentence of blind 10 or dev 11 nearly as written (the parse that failed depends on it),
which is allowed only because both were development data by then. None comes from a set not yet
scored: blind 11 was annotated before these tests existed and scored once after them.
"""

from __future__ import annotations

from spacy.language import Language

from tests.nlp.test_quotes import detect


def test_a_name_right_after_the_cue_that_follows_the_quotation(nlp: Language) -> None:
    # "PC Pro. Apple's …" runs two sentences into one, and the parser hangs the name on the
    # later verb; the name right after the cue is still the speaker, and "he" then is him.
    text = (
        "Cheap laptop on sale\n\nThe new machine went on sale on Tuesday. Demand was so strong "
        "that the shop's website went offline, said Tom Kerr of the research firm Datawise.\n\n"
        "\"I think it's a good idea because it's cheap even for a PC,\" said Paul Hirst, "
        "deputy reviews editor at PC Pro. Apple's work on making things simple would also "
        'help the machine win fans, he said. "People want it to just work," he said.'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Paul Hirst", "Paul Hirst"]


def test_a_first_name_the_model_left_out_keeps_the_son_apart_from_his_father(
    nlp: Language,
) -> None:
    text = (
        "Hunt protesters charged\n\nFive men were charged on Friday. Those charged included "
        "Otis Ferry, the 22-year-old son of rock star Bryan Ferry, and Luke Tomlinson, 27.\n\n"
        "Bryan Ferry said he was proud of his son. Otis Ferry, a former Eton pupil and joint "
        'leader of the South Shropshire Hunt, said: "I have no regrets."'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Otis Ferry"]


def test_an_acronym_takes_the_name_it_stands_for_even_untyped(nlp: Language) -> None:
    text = (
        "FA takes no action on Brady\n\nThe Football Association will take no action against "
        "Rovers manager Tom Brady after his sending-off on Sunday. But the FA confirmed: "
        '"There will be no further action in this matter."'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Football Association"]
    text = (
        "Digital TV for France\n\nThe Conseil National de l'Audiovisuel (CNA), the French "
        "broadcasting regulator, has approved the plan. The CNA said: "
        '"The aim is to reach most homes by 2007."'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Conseil National de l'Audiovisuel"]


def test_a_person_after_a_title_is_a_person_whatever_the_model_typed(nlp: Language) -> None:
    text = (
        "Cardinal attacks war cost\n\nBillions of pounds spent on the war should have been "
        "used to fight poverty, Cardinal Cormac Murphy-O'Connor has said. The head of the "
        'Catholic Church in England said the cost was "terrible". The Archbishop of York, '
        'Dr John Sentamu, will also speak on Friday. The Cardinal said: "We must make poverty '
        'history."'
    )
    names = [f[3] for f in detect(nlp, text)]
    assert names == ["Cormac Murphy-O'Connor", "Cormac Murphy-O'Connor"]
    text = (  # typed nothing at all: the full name written once, with an apostrophe
        "Church leader warns voters\n\nCatholics should question candidates on abortion, the "
        "church has said. His words came as Cardinal Cormac Murphy O'Connor, the Archbishop "
        "of Westminster, spoke in London. Cardinal O'Connor claimed the party had "
        '"developed" its policy.'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Cormac Murphy O'Connor"]


def test_a_role_word_opening_a_sentence_is_not_part_of_the_name(nlp: Language) -> None:
    text = (
        "Crane maker moves east\n\nThe Dutch town is home to crane maker Huisman. Its cranes "
        "lifted the Kursk from the sea bed.\n\nBoss Henk Addink blames the low growth rate in "
        'Europe for the lack of orders. "In the US growth is something like 6%," he says.'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Henk Addink"]


def test_the_alliance_is_the_body_named_with_that_word(nlp: Language) -> None:
    text = (
        "Hunts defy ban\n\nSpeaker Michael Martin said the protest had been a serious breach. "
        "Last week, the Countryside Alliance said more than 250 hunts would meet. The alliance "
        'said the meets would show the new law was "impossible to enforce".'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Countryside Alliance"]


def test_a_pronoun_after_a_person_introduced_with_a_role_is_that_person(nlp: Language) -> None:
    for pronoun, name in (("She", "Ann Sole"), ("He", "Tim Sole")):
        text = (
            "Tiny computer divides experts\n\n"
            '"It is very much a computer for the living room," said Ian Brock, an analyst at '
            'Forrest. He said: "It will sell well."\n\n'
            f"One dissenting opinion came from {name}, head of research at analysts Gartwell. "
            f'{pronoun} said: "I don\'t think it changes the world."'
        )
        assert [f[3] for f in detect(nlp, text)] == ["Ian Brock", "Ian Brock", name]


def test_a_pronoun_keeps_the_subject_who_spoke_over_a_person_named_after_him(
    nlp: Language,
) -> None:
    text = (
        "Club chief speaks\n\nOn the subject of the captain, Tom Parry revealed the club did "
        "ask about him during talks over striker Fernando Lopez. "
        'He said: "They were looking for ways of getting more out of the deal."'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Tom Parry"]


def test_the_party_spokesman_is_the_named_speaker_of_the_sentences_before(
    nlp: Language,
) -> None:
    text = (
        "Tories attack EU leaflet\n\nShadow foreign secretary Michael Anson condemned the "
        'leaflet on Tuesday. "Isn\'t this a taxpayer-funded propaganda exercise?" he asked. '
        "The Tory spokesman also criticised the government for its claims. "
        '"Who are they trying to kid?" he said.'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Michael Anson", "Michael Anson"]
    text = (
        "Tories attack EU leaflet\n\nA Tory spokesman condemned the leaflet on Tuesday. "
        "Michael Anson is to raise it in the Commons. "
        "The Tory spokesman also criticised the government for its claims. "
        '"Who are they trying to kid?" he said.'
    )
    assert [f[3] for f in detect(nlp, text)] == ["A Tory spokesman"]


def test_an_adjective_taken_for_an_adverb_after_was_is_still_reported_speech(
    nlp: Language,
) -> None:
    text = (
        "Pension age plan\n\nThe chambers of commerce welcomed the plan. But Help the Aged "
        'said imposing a retirement age of 65 was "cowardly" and a "complete u-turn".'
    )
    found = detect(nlp, text)
    assert [(f[2], f[3]) for f in found] == [("said", "Help the Aged")] * 2


def test_a_participle_far_down_a_chain_of_clauses_takes_the_main_subject(
    nlp: Language,
) -> None:
    text = (
        "Striker tricked by radio prank\n\nBefore the story surfaced, Reyes had moved to play "
        "down reports linking him with Real Madrid, issuing a statement through Arsenal "
        'describing the speculation as "flattering". He is under contract until 2010.'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Reyes"]


def test_a_lawsuit_speaks_for_the_person_who_filed_it(nlp: Language) -> None:
    text = (
        "Jones sues Conte over drug claims\n\nMarion Jones has filed a lawsuit against Victor "
        "Conte, the head of a drug-testing lab. In an email on Wednesday, Conte said: "
        '"I stand by everything I said". Jones won three gold medals and two bronzes in Sydney '
        "in 2000. Her lawsuit, filed in the US District Court in San Francisco, said the "
        'sprinter had passed a lie detector test and that she "has never taken banned drugs". '
        'Conte\'s statements, the suit added, were "false and malicious".'
    )
    names = [f[3] for f in detect(nlp, text)]
    assert names == ["Victor Conte", "Marion Jones", "Marion Jones"]


def test_marks_in_a_misparsed_second_subject_are_the_speakers_words(nlp: Language) -> None:
    # the parser made "The myth" a second subject of "said"; the subject next to the verb is
    # the speaker, and the words in marks are what was said
    text = (
        'Retirement age may go\n\nThe "myth that age is a handicap" to working needs to be '
        '"buried", the employment minister has said.\n\n'
        "This was why ministers were thinking again, Tom Hale told a conference in London."
    )
    found = detect(nlp, text)
    assert [(f[1], f[2], f[3]) for f in found] == [
        ("the employment minister", "said", "Tom Hale")
    ] * 2


def test_a_quotation_after_a_person_introduced_as_subject_is_theirs(nlp: Language) -> None:
    text = (
        "Spain win the cup\n\nAged 18, the Mallorcan became the youngest player to win the "
        'cup. "What a great way to finish the year," said Nadal afterwards. US coach Pat '
        'Reilly wants his players to play more tennis on clay. "I think it will help them '
        'learn how to mix things up a little bit."'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Nadal", "Pat Reilly"]
    text = text.replace("US coach Pat Reilly", "Nadal")  # named before: he goes on
    assert [f[3] for f in detect(nlp, text)] == ["Nadal", "Nadal"]


def test_a_husband_and_wife_keep_their_own_genders(nlp: Language) -> None:
    # "Malgorzata" shows a woman; her husband's "he" must still reach him, not the last man
    text = (
        "Band plays old consoles\n\nThe band uses old games consoles such as the Atari. Its "
        "music owes a lot to Norman Cook and Tetris.\n\nJarek Nowak set up the band in 2001 "
        "with his wife, Malgorzata Nowak. She plays the keyboards. But Jarek Nowak says they "
        'try to be different. "We want to play only our own music," he said.'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Jarek Nowak"]


def test_a_body_that_pledged_keeps_its_own_words_under_a_reporting_verb(
    nlp: Language,
) -> None:
    text = (
        "School sport plan\n\nEducation Secretary Tom Hale told BBC News there were three "
        "areas which needed more money. He added the government had originally pledged "
        '"two hours of sport a week for every pupil" by 2006.'
    )
    assert [(f[2], f[3]) for f in detect(nlp, text)] == [("pledged", "the government")]


def test_a_persons_mother_or_lawyer_is_not_that_person(nlp: Language) -> None:
    text = (
        "Singer's mother backs him\n\nThe court is selecting jurors for the trial of Michael "
        "Jackson. Mr Jackson denies the charges. Meanwhile Michael Jackson's mother has said "
        'she is "100% certain" her son is innocent. Jackson\'s lawyer said the trial was '
        '"a circus".'
    )
    names = [f[3] for f in detect(nlp, text)]
    assert names == ["Michael Jackson's mother", "Michael Jackson's lawyer"]
