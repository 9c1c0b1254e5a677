"""Parenthetical cues, split quotations, bodies by their short name or initials, roles,
suffixes and ampersands in names, first names the tagger missed, full stops the tokenizer kept,
people a sentence opens with, bodies that are no "she", and phrases in marks that go on with
the reporter of the sentence before (issue 14, eleventh round).

The texts are invented, of shapes met in the development sets (blind 12 included, development
data since its scoring) and in 60 unseen BBC articles read for this round (listed in
bench/read_articles.txt); one keeps a sentence of blind 12 as written and a few keep sentences
of those read articles nearly as written, because the parse that failed depends on them. None
comes from a set not yet scored: blind 13 was annotated before these tests existed and is
scored once after them.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from annotator.nlp.lexicon import strip_affiliations
from annotator.nlp.names import missed_full_names
from tests.nlp.test_quotes import detect


def test_a_parenthetical_cue_makes_its_speaker_the_next_he(nlp: Language) -> None:
    # "The answer, says Prof Hale, is …" names the person the next "he says" is; the title
    # between the cue and the name does not hide him
    text = (
        "Cheap computers for villages\n\nProfessor Anil Mehta has spent years on cheap "
        "computers. He has teamed up with Tom Hale at the University of Leeds. The answer, "
        'says Prof Hale, is radio. "We are looking at the kind of link you see in any '
        'café," he says.'
    )
    assert [f[1:] for f in detect(nlp, text)] == [("he", "says", "Tom Hale")]


def test_a_quotation_split_by_its_cue_is_one_speakers(nlp: Language) -> None:
    # a sentence of blind 12 (development data since its scoring) as written: the parse that
    # made the cue look part of the second quotation's subject depends on it
    text = (
        'Computers for villages\n\n"I come from a village," says Prof Reddy, "I know what the '
        'population is like, many of them are illiterate, and many of them have other concerns."'
    )
    found = [f[1:] for f in detect(nlp, text)]
    assert found == [("Prof Reddy", "says", "Reddy")] * 2


def test_a_split_quotation_needs_nothing_but_the_cue_between(nlp: Language) -> None:
    # the gold set's `said Jack Straw, who … will back a "yes" vote` must not go on with him:
    # the rule reads the text between the two quotations
    from annotator.nlp.quotes import Quote, _split_by

    text = '"We will win," said Jo Bloggs, "and soon." "Yes," said Jo Bloggs, adding "no".'
    said = [t for t in nlp.make_doc(text) if t.text == "said"]
    first = Quote(0, 14, (20, 29), (15, 19), "Jo Bloggs", 1)
    assert _split_by(text, first, said[0], 31)
    second = Quote(43, 49, (55, 64), (50, 54), "Jo Bloggs", 1)
    assert not _split_by(text, second, said[1], text.index('"no"'))
    assert not _split_by(text, first, said[1], 31)  # a cue after the quotation


def test_a_body_the_model_typed_a_person_by_its_short_name_is_the_body(nlp: Language) -> None:
    # "Pew" is typed a person; the article names the Pew Research Center earlier
    text = (
        "Search users trust results\n\nA report by the Pew Research Center shows that most "
        "people trust search engines. Few can tell paid results from others, according to "
        'Pew. Said the Pew report: "This finding is ironic, since many users say they would '
        'stop using search engines."'
    )
    names = [f[3] for f in detect(nlp, text)]
    assert names == ["Pew Research Center"]


def test_a_competition_or_a_part_of_a_firm_is_no_short_names_body(nlp: Language) -> None:
    from annotator.nlp.names import Bodies

    text = (
        "Uefa plans winter break\n\nClubs that play in the Uefa Cup in winter want a break, "
        "and Macrovision's Entertainment Technologies Group agrees. Uefa said it would listen."
    )
    doc = nlp(text)
    bodies = Bodies(doc.ents, doc)
    assert bodies.starting_with("Uefa", len(text)) is None
    assert bodies.starting_with("Macrovision", len(text)) is None


def test_nationality_nouns_are_left_out_of_a_name() -> None:
    assert strip_affiliations(["Frenchman", "Ronald", "Pognon"]) == ["Ronald", "Pognon"]
    assert strip_affiliations(["Olympian", "Tomlinson"]) == ["Tomlinson"]
    assert strip_affiliations(["Scot", "Gemmill"]) == ["Scot", "Gemmill"]  # a first name


def test_a_body_after_a_description_is_named_when_the_article_types_it_elsewhere(
    nlp: Language,
) -> None:
    # "Rightmove" after "property website" is tagged a common noun here, typed a body later
    text = (
        "House prices fall\n\nNew figures come from property website Rightmove which "
        'suggested sellers must hold a "winter sale" and cut prices. Miles Shipside, '
        "commercial director at Rightmove, said sellers would have to be realistic."
    )
    assert [f[3] for f in detect(nlp, text)] == ["Rightmove"]


def test_a_suffix_the_model_left_out_of_a_name_is_kept(nlp: Language) -> None:
    text = (
        'Band plans tour\n\nDrummer Larry Mullen Jr said: "We want to be on the '
        'radio." Mullen said the band would tour in the spring. "We are competitive," he said.'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Larry Mullen Jr"] * 2


def test_a_first_name_the_tagger_took_for_a_noun_is_part_of_the_full_name(
    nlp: Language,
) -> None:
    # "Piers" is tagged a plural noun; the name is still Piers Freelove, a man
    text = (
        "Strike closes offices\n\nPickets were in place across Wales. Piers Freelove is senior "
        'benefit officer in Cardiff. He said: "Most people have decided not to come in."'
    )
    assert [f[3] for f in detect(nlp, text)] == ["Piers Freelove"]


def test_a_described_subject_is_the_person_the_discourse_is_about(nlp: Language) -> None:
    # "the American" is Michael Johnson, the subject before, not Linford Christie, who spoke
    # last; so is the "he" after it
    text = (
        "Johnson criticises sprinters\n\nFormer Olympic champion Michael Johnson has accused "
        'British sprinters of lacking pride. "They need to show more pride," he told the '
        'radio. However, Linford Christie countered: "It is easy to criticise." Johnson was '
        "involved in a row with Darren Campbell last year. And the American remains highly "
        'critical of British sprinting. "They only get upset about who is better," he claimed.'
    )
    assert [f[3] for f in detect(nlp, text)][-1] == "Michael Johnson"


def test_a_full_stop_after_a_capital_ends_the_sentence(nlp: Language) -> None:
    # "PhD." and "M&S." kept their full stops, so the sentence ran on into the next and its
    # speaker was lost
    doc = nlp("Shares rose at M&S. The firm said sales grew. It needs a PhD. Dr Jo Bloggs agreed.")
    assert [t.text for t in doc][3:5] == ["M&S", "."]
    assert [s.text for s in doc.sents][:2] == ["Shares rose at M&S.", "The firm said sales grew."]
    assert "PhD" in [t.text for t in doc] and "U.S." in [t.text for t in nlp("the U.S. Army")]
    text = (
        "Computers for all\n\nA computer for a villager needs more power than one for a PhD. "
        "Anil Shah, one of the professor's students, says that \"when you're talking "
        "villagers you're talking audio.\" Prof Mehta agrees."
    )
    assert [f[3] for f in detect(nlp, text)] == ["Anil Shah"]


def _names(nlp: Language, text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(f[1], f[2], f[3]) for f in detect(nlp, text)]


def test_a_role_opening_an_untyped_two_word_name_is_no_first_name(nlp: Language) -> None:
    text = (
        "Two leave the house\n\nModel Caprice and soap actor Tom Vale have both left the Big "
        "Brother house on Friday.\n\nCaprice, who left with just 5% of the vote, afterwards "
        'said: "I am so happy to be out." Vale then left too.'
    )
    assert [f[2] for f in _names(nlp, text)] == ["Caprice"]


def test_a_person_the_model_typed_a_body_with_a_role_inside_is_the_name_after_it(
    nlp: Language,
) -> None:
    from annotator.nlp.names import clean_words

    doc = nlp.make_doc("Barcelona star Ronaldinho admitted it. Friends of the Earth agreed.")
    doc.ents = [Span(doc, 0, 3, label="ORG"), Span(doc, 6, 10, label="ORG")]
    assert clean_words(doc.ents[0]) == ["Ronaldinho"]
    assert clean_words(doc.ents[1]) == ["Friends", "of", "the", "Earth"]


def test_a_proper_noun_the_model_left_out_of_a_body_s_name_is_part_of_it(
    nlp: Language,
) -> None:
    # "Democrats" alone is typed; "Liberal" is an untyped proper noun before it
    text = (
        "Waste plan attacked\n\nPlans to store foreign nuclear waste in the UK have been "
        'branded "deeply irresponsible" by the Liberal Democrats.\n\nThe government has '
        "confirmed the plan."
    )
    assert _names(nlp, text) == [("Liberal Democrats", "branded", "Liberal Democrats")]


def test_number_10_speaks_with_its_number(nlp: Language) -> None:
    text = (
        "Row over briefing\n\nCivil servants say the feud harms the government. Number 10 "
        'said ministers were busy governing and not acting in a "soap opera" about the two men.'
    )
    assert _names(nlp, text) == [("Number 10", "said", "Number 10")]


def test_a_person_a_sentence_opens_with_as_its_topic_is_the_next_he(nlp: Language) -> None:
    # not a film of the list after it, which the model typed a person
    text = (
        "High definition films\n\nHigh definition will change home cinema. For Tom Vale, "
        "director of business development at a sound company, the future is exciting. He has "
        'worked on Toy Story, Finding Nemo and Shrek. "There was a time when film and video '
        'were separate worlds," he told the BBC.'
    )
    assert _names(nlp, text) == [("he", "told", "Tom Vale")]


def test_a_body_that_spoke_is_no_later_she(nlp: Language) -> None:
    # the commission is the agent of a passive of speech; "the Salford MP" and "she" are the
    # minister named before it
    text = (
        "Police stops\n\nMuslims are more likely to be stopped by police, a Home Office minister "
        "has said.\n\nHazel Blears said innocent people would be targeted. Rules for imams could "
        "also be made tougher, she told a Commons inquiry. Her comments have been described as "
        '"irresponsible" and "outrageous" by the Islamic Human Rights Commission (IHRC).\n\n'
        '"The threat is most likely to come from extremists," the Salford MP told the Commons '
        'committee. "It is a reality," she added.'
    )
    assert [f[2] for f in _names(nlp, text)][2:] == ["Hazel Blears"] * 2


def test_names_with_an_ampersand_and_documents_by_a_body_s_initials(nlp: Language) -> None:
    text = (
        "Farm prices warning\n\nFarmers are at risk from falling prices, the UN's Food & "
        'Agriculture Organisation has warned.\n\nSubsidies "severely" distort the market, the '
        "FAO report said."
    )
    assert [f[2] for f in _names(nlp, text)] == ["Food & Agriculture Organisation"]
    text = (
        'Growth forecast\n\nThe economy will grow, said Ernst & Young. "The world economy will '
        'grow strongly," Ernst & Young said.'
    )
    assert [f[2] for f in _names(nlp, text)] == ["Ernst & Young"]


def test_a_cue_the_parser_hung_on_a_noun_of_the_quotation_is_still_its_cue(
    nlp: Language,
) -> None:
    # "said" is parsed as a relative clause of "need", inside the marks; the comma that
    # closes the quotation shows the attribution follows
    text = (
        'Poverty plan\n\nThe government believes the cash can cut poverty. "Resources are more '
        "than enough to reduce poverty and there is no need for more tax reforms but a better "
        'distribution," deputy planning director Jose Leibovich said.\n\nColombia has 44 '
        "million people."
    )
    assert _names(nlp, text) == [("Jose Leibovich", "said", "Jose Leibovich")]


def test_a_role_subject_with_a_name_in_apposition_is_that_person(nlp: Language) -> None:
    text = (
        "Content plans\n\nThe firm has set up an entertainment division. Head of the division, "
        'Andrew Burke, spoke about making content for all platforms. "How far can I go in this '
        'new age?" he said.'
    )
    assert _names(nlp, text) == [("he", "said", "Andrew Burke")]


def test_a_phrase_in_marks_goes_on_with_the_reporter_of_the_sentence_before(
    nlp: Language,
) -> None:
    text = (
        "Pension gaps\n\nThe pay research group Incomes Data Services said some schemes were "
        "in good health.\n\nBut in many cases firms had been forced to top up funds to tackle "
        '"yawning deficits" in their schemes.'
    )
    assert _names(nlp, text) == [("Incomes Data Services", None, "Incomes Data Services")]
    # one word in marks is a term; so is a phrase naming the noun after it
    for marked in ('"wings"', 'Mr Brown\'s "sustainable investment" rule'):
        text = f"Budget\n\nMr Brown said the plan was fair.\n\nThe deficit was within {marked}."
        assert _names(nlp, text) == [(None, None, None)]


def test_after_blind_13_an_occupation_and_a_listed_first_name_are_handled(
    nlp: Language,
) -> None:
    # written after blind 13's one scoring (development data from then on): an occupation
    # opening a three-word name is no part of it, as a role is
    assert strip_affiliations(["Songwriter", "Guy", "Vale"]) == ["Guy", "Vale"]
    assert strip_affiliations(["Model", "Caprice"]) == ["Model", "Caprice"]  # two words: kept
    # a first name the parser hung on the surname as "nmod" in a list, both untyped: the
    # later surname alone is the full name
    words = "backed by singers Lucie Silvas and Jo Marr . Silvas said so .".split()
    heads = [0, 0, 1, 4, 2, 4, 7, 4, 0, 10, 10, 10, 10]
    deps = "ROOT prep pobj nmod nmod cc compound conj punct nsubj ROOT advmod punct".split()
    tags = "VBN IN NNS NNP NNP CC NNP NNP . NNP VBD RB .".split()
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    assert missed_full_names(doc).get("silvas") == "Lucie Silvas"
