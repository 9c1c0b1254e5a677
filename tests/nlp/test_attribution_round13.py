"""Pronouns that skip plural and mistyped antecedents, a cue hung on an earlier quotation,
documents that speak for whoever filed them, a body's bracketed letters, the source a
newspaper quotes, a newspaper that names itself, "so-called" terms, several holders of a
role, a firm not renamed after its people, a body's own phrase as its verb's object and
"left X saying" (issue 14, thirteenth round).

The texts are invented, of shapes met in 54 unseen BBC articles read for this round (listed
in bench/read_articles.txt); none comes from a set not yet scored: blind 15 was annotated
before these tests existed and scored once before the last two were written, which follow
shapes of its errors (development data since its scoring) in invented sentences. Two keep
sentences of the read articles nearly as written (the many people who thought gaming a fad,
Federer's lost paragraph), because the parse or the entity type that failed depends on them.
"""

from __future__ import annotations

from spacy.language import Language

from tests.nlp.test_quotes import detect


def test_he_is_never_many_people(nlp: Language) -> None:
    text = (
        "Honour for games maker\n\nLeading British computer games maker Peter Molyneux has been "
        "made an OBE in the New Year Honours list. Speaking to the BBC News website Mr Molyneux "
        "said receiving the honour was something of a surprise. He said he was surprised as "
        "much because, not too long ago, many people thought computer gaming was a fad.\n\n"
        '"It was thought to be like skateboarding," he said.'
    )
    assert detect(nlp, text)[-1][1:] == ("he", "said", "Peter Molyneux")


def test_a_title_word_that_ends_a_name_says_no_gender(nlp: Language) -> None:
    # "King" in "Oona King" is her surname, not a king: "She" is still hers, never the
    # constituency's name
    text = (
        "Galloway targets MP\n\nGeorge Galloway is to stand against Labour MP Oona King at the "
        "next general election. Mr Galloway said he would contest Bethnal Green and Bow, in "
        'London. He added: "Here there is a stooge MP." Ms King has represented the '
        'constituency since 1997. She said: "I am delighted I have the chance to beat him."'
    )
    assert detect(nlp, text)[-1][1:] == ("She", "said", "Oona King")


def test_a_person_typed_a_body_is_a_he_once_a_pronoun_shows_it(nlp: Language) -> None:
    # the model types "Federer" as an organisation; "Federer admitted he was …" shows a man,
    # so the "he" after it is Federer, not the man who spoke before. The paragraph that
    # lost a name ("Cypriot\n\nnext") is kept as a read article has it: the typing that
    # failed depends on it.
    text = (
        'Safin through\n\nSafin said he was trying to keep his temper under control. "I try '
        'to stay calm," he said. The Russian added that he was not worried by his ankle '
        'injury. "I have had a lot of problems with that ankle before," he said.\n\nThe top '
        "seed and defending champion was leading 6-3 5-2 when Nieminen pulled out with an "
        "abdominal injury. Federer had been in patchy form until then - mixing 19 unforced "
        "errors with 19 winners. The world number one will play Cypriot\n\nnext after the "
        "former world junior champion beat Tommy Robredo 7-6 (7-2) 6-4 6-1. Federer admitted he "
        "was under extra pressure after extending his winning streak to a career-best 24. "
        '"They are so used to me winning, but it\'s not that simple," he said.'
    )
    assert detect(nlp, text)[-1][1:] == ("he", "said", "Federer")


def test_adding_after_a_participle_is_said_by_the_one_who_declared(nlp: Language) -> None:
    # the parser hangs "before catching … and adding:" on the verb inside the first quotation;
    # whoever spoke that quotation adds the second
    text = (
        "Blair on the papers\n\nTony Blair spoke to the magazine. Although in the next breath he "
        'declared: "I get increasingly alarmed by what I read in the newspapers" before '
        'catching himself on and quickly adding: "In so far as I read them of course." He '
        "probably had good reason."
    )
    assert detect(nlp, text)[-1][1:] == ("he", "adding", "Tony Blair")


def test_the_lawsuit_states_for_the_one_who_filed_it(nlp: Language) -> None:
    # "states" tagged a plural noun is still the cue; the suit speaks for whoever filed it,
    # not for the professor who spoke last
    text = (
        "User sues Apple\n\nA user of the music service is suing the firm. Thomas Slattery filed "
        'the suit in San Jose. "Apple has turned an open and interactive standard into an '
        'artifice," the lawsuit states. "The lower courts have been sceptical," Prof Ernest '
        'Gellhorn said. "Apple has unlawfully bundled its monopoly," the lawsuit said.'
    )
    found = detect(nlp, text)
    assert found[0][1:] == ("the lawsuit", "states", "Thomas Slattery")
    assert found[-1][1:] == ("the lawsuit", "said", "Thomas Slattery")


def test_a_bodys_bracketed_letters_stand_for_it(nlp: Language) -> None:
    # "CAS" is not the initials of the whole name it follows in brackets, but of its last
    # words: the court without its region, as "the FBI" is the bureau without its country
    text = (
        "Sprinter banned\n\nSprinter Michelle Collins has received an eight-year ban after a "
        'hearing at the North American Court of Arbitration for Sport (CAS). "The agency has '
        'proved that Collins took EPO," said a CAS statement.'
    )
    assert detect(nlp, text)[-1][1:] == (
        "a CAS statement",
        "said",
        "Court of Arbitration for Sport",
    )


def test_the_source_a_newspaper_quotes_speaks(nlp: Language) -> None:
    text = (
        'Carmaker talks\n\nThe Financial Times said the deal was in doubt. "The Chinese firm is '
        'extremely concerned to ensure that its money is used well," the newspaper quotes a '
        "source close to the Chinese firm as the talks go on."
    )
    assert detect(nlp, text)[-1][1:] == ("a source", "quotes", "a source")


def test_so_called_split_by_the_tokenizer_marks_a_term(nlp: Language) -> None:
    text = (
        "Beer sales\n\nNow, according to Asahi Breweries, the market for so-called "
        '"beer-like" drinks is set to grow 84% this year.'
    )
    assert detect(nlp, text) == [('"beer-like"', None, None, None)]


def test_ministers_are_a_later_they(nlp: Language) -> None:
    text = (
        "Migration plans\n\nCharles Clarke will set out plans for asylum controls. Tony Blair "
        "said he was worried. Ministers deny they have been spurred into action by Tory "
        'campaigning.\n\nInstead, they say the plans are part of an "evolving" process.'
    )
    assert detect(nlp, text)[-1][1:] == ("they", "say", "Ministers")


def test_a_conjoined_clauses_own_he_says_nothing_of_a_body(nlp: Language) -> None:
    # A guard (right before this round too): "Microsoft had delivered kits, but he said" does
    # not make Microsoft a man, so the next "he" stays with the manager who spoke
    text = (
        "Consoles\n\nRory Armes, studio general manager for Electronic Arts, told the BBC that "
        "the firm was getting a sense of the new machines. Microsoft had delivered development "
        "kits, but he said the company was still waiting on Sony. But, he added, the new "
        'machine was rumoured to have "a little more under the hood".'
    )
    assert detect(nlp, text)[-1][3] == "Rory Armes"


def test_a_newspaper_by_its_name_is_that_newspaper(nlp: Language) -> None:
    text = (
        "Tobacco row\n\nThe State Tobacco Monopoly Administration has approved the plant. "
        '"The news is especially bad for the firm", the China Daily newspaper said of the '
        "latest development."
    )
    assert detect(nlp, text)[-1][1:] == ("the China Daily newspaper", "said", "China Daily")


def test_a_body_is_not_renamed_after_its_people(nlp: Language) -> None:
    # "Rover bosses" are people of Rover, not a fuller name of the firm
    text = (
        "Rover deal\n\nSome 2,000 jobs at the carmaker may be cut. But Rover told BBC News that "
        'reports of job cuts were "speculation". Rover bosses have said they are "confident" '
        "the deal will be signed."
    )
    assert detect(nlp, text)[0][1:] == ("Rover", "told", "Rover")


def test_a_bodys_own_phrase_as_its_verbs_object_is_its_words(nlp: Language) -> None:
    text = (
        "Bank buys lender\n\nAnalysts believe the market is still in its infancy. Standard "
        'Chartered sees "the opportunity to create value by the introduction of more '
        'sophisticated banking products".'
    )
    assert detect(nlp, text)[-1][1:] == ("Standard Chartered", None, "Standard Chartered")


def test_who_left_a_party_saying_is_who_says(nlp: Language) -> None:
    # "saying" hangs on "left", not on the party left: not "led 12 viewers to complain"
    text = (
        "Kilroy-Silk quits\n\nRobert Kilroy-Silk has quit the party. Damien Hockney also left "
        'UKIP saying Mr Kilroy-Silk would "deliver better" as the leader of a new party.'
    )
    assert detect(nlp, text)[-1][1:] == ("Damien Hockney", "saying", "Damien Hockney")


# After blind 15's scoring (development data since): shapes of two of its errors, in
# invented sentences.


def test_a_verb_conjoined_with_the_quoted_one_is_reported_too(nlp: Language) -> None:
    # "challenge" is joined to the quoted "fades away", part of what he said: the sentence's
    # "he said" is the cue, and Labour, its object, no speaker
    text = (
        "Kennedy's new year\n\nCharles Kennedy said his party was ready for a poll. The "
        'election would be a three-party fight, as the Conservative party "fades away" as a '
        "national force and the Liberal Democrats challenge Labour in its heartlands, he said."
    )
    assert detect(nlp, text)[0][1:] == ("he", "said", "Charles Kennedy")


def test_two_sources_of_one_kind_are_two_sources(nlp: Language) -> None:
    text = (
        "Shortlists\n\nAn Operation Black Vote spokesman said the result showed shortlists "
        'failed. A CRE spokesman said the commission would work with all the parties. "We '
        'will be raising it with each of the party leaders," the spokesman said.'
    )
    assert detect(nlp, text)[-1][1:] == ("the spokesman", "said", "A CRE spokesman")


def test_the_spokesman_again_is_the_latest_fuller_one(nlp: Language) -> None:
    # A guard (right before these two fixes too, wrong on the way to them): "The spokesman"
    # said before is not a fuller form of the next "The spokesman"
    text = (
        "Phone rules\n\nA Labour Party spokesman said the party avoided those lists. A "
        "spokesman for the Information Commissioner's Office said it would be marketing. The "
        'spokesman said it might be unsolicited. The spokesman said the area was "pretty grey".'
    )
    assert detect(nlp, text)[-1][3] == "A spokesman for the Information Commissioner's Office"
