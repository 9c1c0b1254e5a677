"""Documents that speak for the author an earlier mention names, cues that hold the
quotation, bodies a later "it" or "they" stands for, roles named later, firms by their short
name, lone words of reported speech, questions with their speaker after them, and speaker
descriptions that stop where the occasion begins (issue 14, twelfth round).

The texts are invented, of shapes met in 60 unseen BBC articles read for this round (listed
in bench/read_articles.txt) and in the development sets; none comes from a set not yet scored:
blind 14 was annotated before these tests existed and scored once before the last five were
written. Those five follow shapes of its errors (development data since its scoring) and keep
some of its sentences nearly as written, because the parse that failed depends on them.
"""

from __future__ import annotations

from spacy.language import Language

from tests.nlp.test_quotes import detect


def test_the_report_speaks_for_the_body_an_earlier_mention_names(nlp: Language) -> None:
    # "X says in a report", "according to a Y report": the author, not the last person who
    # spoke nor a noun phrase that merely holds "report"
    text = (
        "Aid falling\n\nAid budgets are half their 1960 levels, Oxfam says in a report. "
        '"Rich countries are giving less," Jane Hill, the charity\'s director, said. The report '
        'said: "Poverty threatens our shared security."'
    )
    assert detect(nlp, text)[-1][1:] == ("The report", "said", "Oxfam")
    text = (
        "Divide narrowing\n\nThe gap between rich and poor nations is narrowing, according to a "
        "World Bank report. The report's figures surpass a campaign goal. \"Developing countries "
        'are catching up," the report said.'
    )
    assert detect(nlp, text)[-1][1:] == ("the report", "said", "World Bank")


def test_the_report_may_be_named_after_it_speaks(nlp: Language) -> None:
    text = (
        "Quake poverty\n\nTwo million people could be thrown into poverty, the Asian "
        'Development Bank (ADB) has said. "Poverty is the main impact," said chief economist '
        'Ifzal Ali. The oil facilities "have survived intact", the report said. "This is a '
        'profoundly tragic event," the ADB report said.'
    )
    found = [f[3] for f in detect(nlp, text)]
    assert found == ["Ifzal Ali", "Asian Development Bank", "Asian Development Bank"]


def test_a_title_names_no_author_but_its_from_does(nlp: Language) -> None:
    # "An Open Letter" is a title, not a letter by "Open"; its "from" names the author even
    # where the parser hung it on the verb
    text = (
        "Drug firm replies\n\nIn the adverts, entitled An Open Letter from chief executive Sidney "
        'Taurel, the company defends its drug. "It was simply wrong to suggest that data was '
        'missing," the letter added.'
    )
    assert detect(nlp, text)[-1][1:] == ("the letter", "added", "Sidney Taurel")


def test_the_cue_that_holds_the_quotation_wins_over_an_agents_verb(nlp: Language) -> None:
    # "as revealed by the report" is a source of the facts inside Dr Taylor's clause: she
    # described them as "too little, too late"
    text = (
        "Firms and Aids\n\nDr Kate Taylor said few firms had a policy. Dr Taylor described the "
        'level of action taken by businesses as revealed by the report as "too little, too '
        'late".'
    )
    assert detect(nlp, text)[-1][1:] == ("Dr Taylor", "described", "Kate Taylor")


def test_a_body_that_spoke_is_the_next_it(nlp: Language) -> None:
    text = (
        'Detainee freed\n\nMartin Mubanga said he had been mistreated. He added: "They made me '
        'what I am." The US government denied the claims, saying it condemned torture. In a '
        'statement, it said: "The department has no doubt he was an enemy combatant."'
    )
    assert detect(nlp, text)[-1][1:] == ("it", "said", "The US government")


def test_a_party_that_spoke_is_the_next_they_and_no_it(nlp: Language) -> None:
    text = (
        'Fees row\n\nA Labour spokesperson said: "The plans are a con." The Conservatives say '
        "they would abolish tuition fees.\n\nThey say the plan would leave universities "
        'dependent on the "goodwill" of ministers.'
    )
    assert detect(nlp, text)[-1][1:] == ("They", "say", "Conservatives")


def test_a_role_may_be_named_after_it_speaks(nlp: Language) -> None:
    text = (
        "Detainees return\n\nTwo men held at Guantanamo Bay were freed. The home secretary said "
        'he would not be launching an inquiry. Officials were "well informed", he said. Later, '
        "Home Secretary Charles Clarke told the BBC the men posed no threat."
    )
    assert [f[3] for f in detect(nlp, text)] == ["Charles Clarke"]


def test_a_firm_by_its_short_name_is_the_firm_named_in_full(nlp: Language) -> None:
    # "Marsh" for Marsh & McLennan, "Cairn" (typed a person) for Cairn Energy: the fullest form
    # the article gives, as bodies are annotated
    text = (
        "Broker pleads guilty\n\nAn executive at US insurance firm Marsh & McLennan has pleaded "
        'guilty to fraud. "We are saddened by the development," Marsh said in a statement.'
    )
    assert detect(nlp, text)[-1][3] == "Marsh & McLennan"
    text = (
        "Oil find\n\nShares in Cairn Energy have jumped 6%.\n\nCairn said drilling had produced "
        '"very strong results".'
    )
    assert detect(nlp, text)[-1][3] == "Cairn Energy"


def test_a_lone_word_that_judges_goes_on_with_the_reporter_before(nlp: Language) -> None:
    text = (
        "Quake poverty\n\nTwo million people could be thrown into poverty, the Asian Development "
        "Bank (ADB) has said. In its first overview of the disaster, the ADB said the impact on "
        'growth would be slight. But the blow to many poor people could be "enormous".'
    )
    assert detect(nlp, text)[-1][1:] == ("ADB", None, "Asian Development Bank")


def test_a_lone_word_of_manner_inside_reported_speech_is_the_speakers(nlp: Language) -> None:
    # 'announced "prematurely"' stays the narrator's doubt (blind 6); a word of the speech a
    # cue reports is the speaker's
    text = (
        'Hunt rally\n\nJohn Jackson spoke to the crowd. "The law is bad," he said adding that '
        'foxes had been killed "legally" as far as he was aware.'
    )
    assert detect(nlp, text)[-1][1:] == ("he", "said", "John Jackson")


def test_a_question_keeps_the_speaker_and_cue_after_it(nlp: Language) -> None:
    text = (
        'Holmes unsure\n\nKelly Holmes won two golds. Steve Cram said: "She will go on." "Will I '
        'have as much desire?" Holmes asked in the New Year. "That is what I do not know."'
    )
    found = [f[1:] for f in detect(nlp, text)]
    assert found[1:] == [("Holmes", "asked", "Kelly Holmes"), ("Holmes", None, "Kelly Holmes")]


def test_a_sentence_after_a_question_with_an_object_is_no_cue(nlp: Language) -> None:
    # '"…?" Wippit offers a service': the firm's offer, not the question's speaker (a guard
    # of the rule above, which the code before it passes too)
    text = (
        'Music rental\n\nPaul Myers is not convinced. "We offer more," he said. "Who wants a '
        'track that will not play next month?" Wippit offers a download service for £4.99.'
    )
    assert detect(nlp, text)[-1][1:] == ("he", None, "Paul Myers")


def test_an_unnamed_source_stops_before_the_occasion(nlp: Language) -> None:
    text = (
        'Tsunami debt\n\nThe IMF offered help. "Calculators will have to wait," said an IMF '
        'official in a briefing on Wednesday. "The world will turn to rebuilding."'
    )
    found = detect(nlp, text)
    assert [f[3] for f in found] == ["an IMF official"] * 2
    assert found[0][1] == "an IMF official"


def test_a_champion_typed_a_body_is_a_person_by_her_role(nlp: Language) -> None:
    text = (
        "Kluft impressed\n\nOlympic heptathlon champion Carolina Kluft was full of admiration "
        'for her rival.\n\nKluft said: "I knew about her, she is a great girl."'
    )
    assert detect(nlp, text)[-1][3] == "Carolina Kluft"


def test_a_name_before_an_unpunctuated_role_is_the_speaker(nlp: Language) -> None:
    text = (
        'Oil find\n\nCairn Energy shares rose. "This area needs more drilling," Dr Mike Watts '
        "head of exploration said."
    )
    assert detect(nlp, text)[-1][1:] == ("Dr Mike Watts", "said", "Mike Watts")


def test_a_lead_description_is_the_person_named_next(nlp: Language) -> None:
    # "its co-chairman" in the lead is the party's, not the peer's; the next sentence names him
    text = (
        'Tories open door\n\nThe Conservative Party would deal "sympathetically" with any '
        "application by disgraced peer Lord Archer to rejoin its ranks, its co-chairman has "
        "said.\n\nDr Liam Fox told the BBC there was no place for revenge in politics."
    )
    assert detect(nlp, text)[0][1:] == ("its co-chairman", "said", "Liam Fox")


def test_a_generic_you_names_no_speaker(nlp: Language) -> None:
    # "some" for "someone" as the read article wrote it: the parse then makes "you" the subject
    text = (
        "Mobile games\n\nPhones are getting better. If you think of Snake when some mentions "
        '"mobile games", think again.'
    )
    assert [f[3] for f in detect(nlp, text)] == [None]
    text = text.replace("you think", "one thinks").replace("think again", "one is wrong")
    assert [f[3] for f in detect(nlp, text)] == [None]


def test_a_name_in_marks_after_a_scheme_of_is_a_term(nlp: Language) -> None:
    text = (
        'Terror law\n\nCharles Clarke said the plans were "proportionate". He has opted for a '
        'system of "control orders" for suspects.'
    )
    assert detect(nlp, text)[-1][1:] == (None, None, None)


def test_a_phrase_after_according_to_a_statement_goes_on_with_its_source(
    nlp: Language,
) -> None:
    text = (
        "Broker pleads guilty\n\nNew York Attorney General Elliot Spitzer brought the charges. "
        "According to a statement from Mr Spitzer's office, the executive admitted he asked "
        'insurers to submit false bids. Those bids were then "conveyed to clients under false '
        'pretences".'
    )
    assert detect(nlp, text)[-1][1:] == ("Mr Spitzer", None, "Elliot Spitzer")


# After blind 14's one scoring (development data from then on): shapes of its errors.


def test_a_cue_ending_the_sentence_keeps_the_name_after_it(nlp: Language) -> None:
    # the parser made the sentence before the cue its subject; the name after it speaks
    text = (
        "Act not ready\n\nMany bodies are not ready. But the government department responsible "
        'for implementing the change suffered from an "unusually high turnover" of staff within '
        'the department, which had "seriously interfered" with its work, said the Constitutional '
        "Affairs Select Committee."
    )
    found = [f[1:] for f in detect(nlp, text)]
    name = "Constitutional Affairs Select Committee"
    assert found == [("the Constitutional Affairs Select Committee", "said", name)] * 2
    # a guard of the rule: a term in the subject of a cue with no comma before it is a term
    text = 'Terror law\n\nThe idea that the "new terrorism" demands new powers is wrong.'
    assert detect(nlp, text)[-1][1:] == (None, None, None)
    # the comma may stand inside the marks
    text = (
        "Turkey and the EU\n\nAbdullatif Sener is the deputy prime minister. By 2014, one in "
        'four Turks will be aged 14 or less. "A literate and qualified Turkish population," '
        'insisted Mr Sener, "will make a positive impact on the EU."'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Abdullatif Sener"] * 2


def test_an_indefinite_body_is_the_body_of_its_kind_named_later(nlp: Language) -> None:
    text = (
        'Act not ready\n\nPublic bodies are ill-prepared. An all-party committee said it was "not '
        'confident" many would be ready. "Time is short," said the Constitutional Affairs Select '
        "Committee."
    )
    assert [f[3] for f in detect(nlp, text)] == ["Constitutional Affairs Select Committee"] * 2


def test_initials_leave_out_the_country_a_body_opens_with(nlp: Language) -> None:
    text = (
        "Virus warning\n\nThe US Federal Bureau of Investigation is warning that a virus is "
        'spread by e-mail. "The FBI does not send such e-mails," the FBI said in a statement.'
    )
    assert detect(nlp, text)[-1][3] == "Federal Bureau of Investigation"


def test_a_description_ending_on_a_plural_noun_is_one_person(nlp: Language) -> None:
    # "the former commissioner for human rights" is the person named before, not "the makers"
    text = (
        "Act on ruling\n\nThe government must act quickly on the ruling, Mary Robinson has "
        "said.\n\nThe former UN commissioner for human rights and Irish president told the BBC "
        'the response would be watched. "It would be very troubling," she said.'
    )
    assert detect(nlp, text)[-1][1:] == ("she", "said", "Mary Robinson")


def test_a_naming_verb_without_a_subject_speaks_for_its_by(nlp: Language) -> None:
    # "branded" tagged a past tense with no subject: a participle, and "by" names its speaker
    text = (
        "Casino climbdown\n\nTessa Jowell has announced plans to limit the number of new casinos "
        'to 24, in a move branded a "humiliating retreat" by the Tories.'
    )
    assert detect(nlp, text)[-1][1:] == ("the Tories", "branded", "Tories")
