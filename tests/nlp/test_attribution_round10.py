"""People by age, names the parser took into another phrase, participles that share their
subject, titles between a comma and a name, and roles the model took into a name (issue 14,
tenth round).

The texts are of shapes met in the development sets, with names and details changed; some keep
a sentence of blind 11 nearly as written (the parse that failed depends on it), which is allowed
only because blind 11 was development data by then. None comes from a set not yet scored:
blind 12 was annotated before these tests existed and scored once after them; the last test,
written after that scoring, keeps sentences of blind 12 (development data from then on).
"""

from __future__ import annotations

from spacy.language import Language

from annotator.nlp.first_names import first_name_gender, is_first_name
from annotator.nlp.lexicon import strip_affiliations
from annotator.nlp.marks import find_marked_quotes
from tests.nlp.test_quotes import detect


def test_a_person_by_age_after_the_cue_is_the_speaker(nlp: Language) -> None:
    # "the 30-year-old" is tagged an adjective and parsed as the cue's object; it still
    # speaks, and the quotation that follows with no verb of its own is the same person's
    text = (
        'Keeper eyes move abroad\n\nRovers\' Tom Hale has called the derby "bitter". Past '
        'games have stirred up plenty of ill-feeling. "It had a big psychological impact on '
        'us, but again because of the way we were beaten," added the 30-year-old, referring '
        'to a penalty. "That was far more upsetting than any defeat this season."'
    )
    found = detect(nlp, text)[1:]
    assert [(f[1], f[3]) for f in found] == [("the 30-year-old", "Tom Hale")] * 2


def test_a_name_the_parser_joined_to_the_noun_before_it_speaks(nlp: Language) -> None:
    text = (
        "Nistel close to return\n\nManchester United striker Ruud Nistel is close to a return "
        "from injury. The 28-year-old has been training in Holland and Ferguson said: "
        '"He comes back on Tuesday and we need to see how far on he is."'
    )
    assert [(f[1], f[3]) for f in detect(nlp, text)] == [("Ferguson", "Ferguson")]


def test_a_participle_coordinated_with_another_speaks_for_the_main_subject(
    nlp: Language,
) -> None:
    text = (
        "Star turned down role\n\nThe singer Tom Vale is said to have turned down the part. "
        "The star repeatedly refused, throwing the script at his agent and saying: "
        '"For the last time, I will not play a gangster".'
    )
    assert [f[1:3] for f in detect(nlp, text)] == [("The star", "saying")]


def test_a_title_between_the_comma_and_the_name_keeps_the_apposition(nlp: Language) -> None:
    # the parser hangs the name on the institute; the subject is "Head", and "He" is the
    # professor, not a person called Head
    text = (
        'Scientists attack policy\n\n"You cannot have a policy that is at odds with the '
        'science." Head of developmental genetics at the National Institute of Medical '
        "Research, Professor Robin Lovell-Badge, said he had seen the confusion in the US. He "
        'said: "If someone as senior as the minister is not going to favour this work, there '
        'is a problem."'
    )
    assert [f[1:] for f in detect(nlp, text)][1] == ("He", "said", "Robin Lovell-Badge")


def test_a_role_the_model_took_into_a_name_is_left_out_of_it() -> None:
    # the model typed "Perpignan centre Jean-Philippe Granclaude" as one person
    assert strip_affiliations(["Perpignan", "centre", "Jean-Philippe", "Granclaude"]) == [
        "Jean-Philippe",
        "Granclaude",
    ]
    assert strip_affiliations(["Ludwig", "van", "Beethoven"]) == ["Ludwig", "van", "Beethoven"]
    assert strip_affiliations(["Shadow", "minister", "Jo", "Bloggs"]) == ["Jo", "Bloggs"]


def test_a_firm_tagged_a_common_noun_speaks_and_is_no_he(nlp: Language) -> None:
    # "Napster" starts its sentence, untyped and tagged a noun; the article writes it
    # capitalised inside a sentence too, so it is a name; and "he" is still the man
    text = (
        "Music rental row\n\nMusic fans can now rent songs from Napster. Wippit boss Paul Myers "
        "said music fans were moving away from buying CDs. Napster claims the higher price is "
        "a result of record labels charging more for the service and says it also offers "
        '"greater value" for customers. Mr Myers is not convinced a rental model will work. '
        '"Our customers know what they want," he said.'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Napster", "Paul Myers"]


def test_a_titled_name_the_model_took_into_a_body_before_the_verb(nlp: Language) -> None:
    text = (
        "Straw attacks Tory leader\n\nThe foreign secretary has attacked the Conservative "
        "leader. In a speech to the Foreign Policy Centre Mr Straw said of the Tory leader: "
        '"He is clever, but he is not wise."'
    )
    assert [f[1:] for f in detect(nlp, text)] == [("Mr Straw", "said", "Straw")]


def test_she_is_not_a_man_whose_first_name_shows_it_whatever_the_model_typed(
    nlp: Language,
) -> None:
    # the model types neither name as a person ("Imogen Price" as an organisation, "Fergus
    # Hale" not at all); the first names still say who "she" can be
    text = (
        "Book prize\n\nFergus Hale has won the prize for his first novel. Imogen Price, chair "
        'of the judging panel, said the entries had "never looked stronger". Hale also won '
        'last year. "This award counts because children choose," she said.'
    )
    assert [f[3] for f in detect(nlp, text)][-1] == "Imogen Price"


def test_a_first_name_alone_after_a_royal_title_is_that_person(nlp: Language) -> None:
    # and "The Queen", whom no one was introduced as, is not the latest person named
    text = (
        "Royal engagement\n\nLib Dem leader Charles Kennedy sent his best wishes. On Thursday, "
        "Prince Charles and Mrs Parker Bowles hosted a dinner. Charles said he was "
        '"absolutely delighted". The Queen said she was "very happy".'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Charles", "The Queen"]


def test_first_names_reveal_a_gender_only_when_common_and_of_one_gender() -> None:
    assert (first_name_gender("fergus"), first_name_gender("imogen")) == ("m", "f")
    assert first_name_gender("lee") is None  # used for both
    assert is_first_name("Imogen") and is_first_name("Declan")
    # words and surnames some name lists also hold, too rare as first names, and words
    # before names: never first names (round 11 took in rarer names: "Piers", "Rhodri")
    assert not any(is_first_name(w) for w in ("Global", "Brewer", "Tomlinson", "Morgan"))
    assert not any(is_first_name(w) for w in ("Will", "Are")) and is_first_name("Rhodri")


def test_a_naming_verb_s_by_names_its_speaker_wherever_the_parser_hung_it(
    nlp: Language,
) -> None:
    # the "by" hangs from the second quotation's adjective, not from "described"; but a
    # "by" after another passive ("threatened with the sack by his boss") names no speaker
    text = (
        "Band's slow start\n\nThe band began in a garage. They struggled to attract record "
        'company attention, later being described as "pretty average" and "strange and '
        'eerie" by scouts who saw them live.'
    )
    assert [f[1:] for f in detect(nlp, text)] == [("scouts", "described", "scouts")] * 2
    text = (
        "Dunne keen to stay\n\nRichard Dunne is ready to commit his future to the club. He "
        "was once threatened with the sack by City boss Kevin Keegan but has since played "
        'well. The defender said: "Hopefully something will be sorted out soon."'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Richard Dunne"]


def test_the_quoted_words_a_relative_clause_says_someone_quoted(nlp: Language) -> None:
    text = (
        "Chancellor's jargon\n\nChancellor Gordon Brown gave a speech on Monday. Nothing is "
        'as obscure as "post-neo-classical endogenous growth theory" which the chancellor '
        "himself once quoted."
    )
    assert [f[1:] for f in detect(nlp, text)] == [("the chancellor", "quoted", "Gordon Brown")]


def test_a_chairman_can_be_she(nlp: Language) -> None:
    text = (
        "Party acts on defectors\n\nTwo members have left the party. UKIP chairman Petrina "
        'Holdsworth urged the men to step down in a letter. She said: "The party has taken '
        'legal advice."'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Petrina Holdsworth"]


def test_a_royal_title_before_a_full_name_keeps_it_and_nobody_speaks_for_anyone(
    nlp: Language,
) -> None:
    text = (
        "Saudi women at work\n\nForeign Minister Prince Saud Al-Faisal has praised the reforms. "
        '"Our reforms have created a new generation of women," Arab News quoted Prince Saud '
        "as saying."
    )
    assert [f[3] for f in detect(nlp, text)] == ["Saud Al-Faisal"]
    text = (
        "Party launch\n\nThe new party was launched on Wednesday. Its leader said the name "
        "would make anyone think 'good old British'."
    )
    assert [f[3] for f in detect(nlp, text)] == [None]


def test_a_name_after_an_opening_participle_is_the_subject(nlp: Language) -> None:
    text = (
        "Court backs refugees\n\nThe court ruled against the scheme on Thursday.\n\nWelcoming "
        "the ruling, Maeve Sherlock, chief executive of the Refugee Council, said: "
        '"Human rights abuses against the Roma are well documented."'
    )
    assert [f[1:] for f in detect(nlp, text)] == [("Maeve Sherlock", "said", "Maeve Sherlock")]


def test_one_capitalised_word_after_the_cue_is_the_speaker_whatever_its_tag(
    nlp: Language,
) -> None:
    # "Kiely" is tagged an adverb and left untyped; the quotation that follows is his too
    text = (
        "Charlton hold Boro\n\nCharlton goalkeeper Dean Kiely made three fine saves.\n\n"
        '"To take the lead and then to get penned back, it feels a little bit like a defeat," '
        'admitted Kiely. "We were winning but they kept knocking on the door."'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Dean Kiely", "Dean Kiely"]


def test_a_few_words_in_marks_inside_a_reopened_statement_stay_in_it() -> None:
    # each sentence of the statement reopens with a mark; "fake" in its own marks is a
    # quotation inside it, not the statement's end
    text = (
        'Row deepens\n\n"Set the record straight," said Shepherd. "Craig walked off saying his '
        'hamstring was tight. "At that meeting he admitted he was going to "fake" an injury '
        'in training. "He also agreed to apologise. "This is cheating."\n\nMore follows.'
    )
    spans = [text[q.start : q.end] for q in find_marked_quotes(text)]
    assert spans[1].startswith('"Craig walked') and spans[1].endswith('"This is cheating."')
    assert len(spans) == 2
    # a quotation that lost its closing mark is not held open by a later word in marks
    text = 'Slip\n\n"We are happy, he said. He called it "great" news.\n\nEnd.'
    spans = [text[q.start : q.end] for q in find_marked_quotes(text)]
    assert spans == ['"We are happy, he said.', '"great"']


def test_roles_and_letters_around_a_name_are_no_part_of_the_speaker_name(
    nlp: Language,
) -> None:
    # after blind 12's scoring (development data since): "Boss Graeme Souness" the model did
    # not type, "Tom McCabe MSP" with the letters typed a body, "pop band Busted" parsed as
    # a verb after the band
    text = (
        "Souness delight\n\nBoss Graeme Souness felt Newcastle were never in danger. "
        '"Winning the first leg gave us a great advantage," he said.'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Graeme Souness"]
    text = (
        "Council tax row\n\nCouncils want more money. Scottish Finance Minister, Tom McCabe "
        'MSP, said: "Last week in parliament I announced an additional £419m for councils."'
    )
    assert [f[1:] for f in detect(nlp, text)] == [("Tom McCabe", "said", "Tom McCabe")]
    text = (
        "Pop band to take a break\n\nChart-topping pop band Busted have confirmed that they "
        'plan to "take a break", following rumours of a split.'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Busted"]


def test_a_quotation_closed_by_a_single_mark_ends_before_the_next_one() -> None:
    # after blind 12's scoring: `bandwidth.' "It can't …` was read as one statement reopened
    text = (
        'Cheap PCs\n\nOne student says that "when you talk illiterate you talk audio and video, '
        "and that demands bandwidth.' \"It can't choke at any point.\" The team agrees.\n\nEnd."
    )
    spans = [text[q.start : q.end] for q in find_marked_quotes(text)]
    assert spans == [
        "\"when you talk illiterate you talk audio and video, and that demands bandwidth.'",
        '"It can\'t choke at any point."',
    ]
