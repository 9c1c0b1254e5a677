"""Names the model broke or left untyped (a first name tagged a modal, a surname cut at its
hyphen or by a nickname, a full name typed a place, a name after a title or a role), 'read'
and 'attack' as cues, documents that speak for the firm or body 'from' or 'by' names, bodies
whose names hold a plural possessive or were typed a work, a one-word body before a longer
name, a date that is no speaker, clubs the model typed people, terms in single marks and the
passive subject of a verb of criticism; then a report whose author is named, a "he" not
named in its own quotation, "speak" as a cue only for what it speaks of, a lowercase word
tagged a proper noun, a spokeswoman after a spokesman, a role whose "of" phrase ends in a
name, a name typed a body in apposition, and "the firms" as the bodies last listed together
(issue 14, fourteenth round).

The texts are invented, of shapes met in unseen BBC articles read for this round
(development data now); none comes from a set not yet scored. Guards, which pass on the code
before the round too, say so. Some keep a word of a read article where the model's mistake
the change works around depends on it ("trades" tagged a verb, "an FA statement", the
"Rugby" that gets "league" tagged a proper noun), as their comments say.
"""

from __future__ import annotations

from spacy.language import Language

from tests.nlp.test_quotes import detect


def test_an_untyped_name_after_a_title_ending_a_source_description_speaks(
    nlp: Language,
) -> None:
    # the model leaves "Mehrotra" untyped: the name after "Dr" still speaks, not the
    # spokesman's description before it
    text = (
        "Mall deal\n\nThe two developers will merge. A spokesman for KPR Malls, Dr Mehrotra, "
        'told the BBC this will mean "wider choice" for shoppers as well as tenants.'
    )
    assert detect(nlp, text)[0][1:] == ("Dr Mehrotra", "told", "Mehrotra")


def test_a_first_name_tagged_a_modal_is_part_of_the_name(nlp: Language) -> None:
    # "Will" is tagged a modal verb and "Will Yates" typed a work: the speaker is the whole
    # name, not "Yates"
    text = (
        'Town squares\n\nThe Bow Group also asks if post offices could help. "We want every '
        'town to have its own web square," Will Yates, research director at the Bow Group '
        "told the BBC News website."
    )
    assert detect(nlp, text)[0][1:] == ("Will Yates", "told", "Will Yates")


def test_a_one_word_name_typed_a_body_is_the_full_name_the_model_missed(
    nlp: Language,
) -> None:
    # "Rio Castillo" is left untyped and "Castillo" typed a body: "said Castillo" is he
    text = (
        "Castillo casts doubt over Crane\n\nRio Castillo has said he is unsure of Harold "
        "Crane's motives after the American tycoon launched a new offer to buy Leeds United."
        '\n\nThe club have confirmed a third bid. "Nobody knows what this man will bring to '
        'the table," said Castillo.'
    )
    assert detect(nlp, text)[-1][1:] == ("Castillo", "said", "Rio Castillo")


def test_a_name_right_after_a_sources_role_is_the_speaker(nlp: Language) -> None:
    # "trades" (kept from a read article) is tagged a verb, so the parser makes the role its
    # subject and the name its object: the name closing the phrase still speaks
    text = (
        'Brewery to close\n\nThe brewer will shut its oldest plant. "It is a dark day for the '
        'town," said Danish trades union official Jens Holmgaard.'
    )
    assert detect(nlp, text)[0][1:] == ("Jens Holmgaard", "said", "Jens Holmgaard")


def test_reads_right_after_a_quotation_is_its_cue(nlp: Language) -> None:
    text = (
        'Talks memo\n\nThe deal collapsed hours later. "The minister has doubts about the '
        'whole plan," reads a leaked memo to the chancellor.'
    )
    assert detect(nlp, text)[0][1:3] == ("a leaked memo", "reads")


def test_reads_before_a_heading_is_no_cue(nlp: Language) -> None:
    # A guard (right before this round too, when "read" was no cue at all)
    text = (
        "Fake charity\n\nThe link is contained in a spam e-mail. The e-mail's subject line "
        'reads "Urgent Flood Appeal" and its text is full of spelling mistakes.'
    )
    assert detect(nlp, text) == [('"Urgent Flood Appeal"', None, None, None)]


def test_a_statement_from_a_firm_speaks_for_it(nlp: Language) -> None:
    text = (
        "Ads on file-sharing sites\n\nOrbitel adverts were spotted on the network this week. "
        '"We did not place this advert and it is not our policy to advertise there," said a '
        "statement from Orbitel."
    )
    assert detect(nlp, text)[0][1:] == ("a statement", "said", "Orbitel")


def test_attack_is_a_cue(nlp: Language) -> None:
    text = (
        "Tax row\n\nThe chancellor set out his spending plans on Tuesday. Opposition leader "
        'Martin Pryce attacked the plans as "reckless".'
    )
    assert detect(nlp, text)[0][1:] == ("Martin Pryce", "attacked", "Martin Pryce")


def test_a_plural_possessive_inside_a_bodys_name_stays_in_it(nlp: Language) -> None:
    text = (
        "Visa rules\n\nThe Equity stance is being endorsed by the Touring Actors' Guild (TAG), "
        'who say British actors face "a long wait" to work in Canada.'
    )
    assert detect(nlp, text)[0][1:] == (
        "the Touring Actors' Guild",
        "say",
        "Touring Actors' Guild",
    )


def test_a_body_typed_a_work_is_a_body_when_its_name_ends_in_a_bodys_word(
    nlp: Language,
) -> None:
    # the model types "The Dying Well Coalition" a work of art; "the coalition" is that body,
    # not the last person named
    text = (
        "Hospice bill\n\nThe minister said the law needed updating. The Dying Well Coalition, "
        "which includes Marie Curie and Sue Ryder, said worries over the bill had to be cleared "
        'up. "It will not change the law on assisted suicide," the coalition said in a '
        "statement."
    )
    assert detect(nlp, text)[-1][1:] == ("the coalition", "said", "Dying Well Coalition")


def test_a_one_word_body_written_alone_first_is_its_own_body(nlp: Language) -> None:
    # "Volvo" is named alone before "the Volvo Owners Club": "Volvo said" is the carmaker
    text = (
        "Volvo recall\n\nVolvo has recalled 20,000 estate cars to fix faulty brakes. Owners were "
        "told through the Volvo Owners Club, a group of enthusiasts who test new models early. "
        '"Members of the Volvo Owners Club were told first because they drive the cars '
        'hardest," Volvo said in a statement.'
    )
    assert detect(nlp, text)[-1][1:] == ("Volvo", "said", "Volvo")


def test_a_one_word_body_after_its_full_name_is_still_that_name(nlp: Language) -> None:
    # A guard (right before this round too): the first word of a body named in full before
    # it is still the whole body
    text = (
        'Bank results\n\nProfits at Goldman Sachs rose 20% in the last quarter. "We had a '
        'strong year in trading," said Goldman.'
    )
    assert detect(nlp, text)[-1][1:] == ("Goldman", "said", "Goldman Sachs")


def test_a_date_is_never_the_speaker(nlp: Language) -> None:
    # the parser gives "said" two subjects, "this winter" and "he"
    text = (
        "Fares frozen\n\nMayor Dan Frost said fares normally rise with inflation each year. "
        'But this winter, because of "the rising cost of heating", he said fares would be '
        "frozen."
    )
    assert detect(nlp, text)[0][1:] == ("he", "said", "Dan Frost")


def test_a_surname_the_model_cut_at_its_hyphen_keeps_the_rest(nlp: Language) -> None:
    # the model types "Irina Petrova" a person, without "-Volkova"
    text = (
        'Digital ruins\n\nA project wants to bring old castles to life for visitors. "These '
        'virtual guides can now be used for much more than just films," said Professor Irina '
        'Petrova-Volkova of the Austrian research group ImagiLab. "We can show people walking '
        'and talking in the castle," she said.'
    )
    assert [q[3] for q in detect(nlp, text)] == ["Irina Petrova-Volkova"] * 2


def test_a_first_name_before_a_nickname_takes_the_surname_after_it(nlp: Language) -> None:
    text = (
        'Label boss\n\nThe rapper will run the label from January. Carlos "CJ" Mendez, '
        'chairman of the Harbour Lights Music Group, said: "I can think of no-one better to '
        "build on the label's legacy.\""
    )
    assert detect(nlp, text)[-1][3] == "Carlos Mendez"


def test_a_study_by_a_body_speaks_for_it(nlp: Language) -> None:
    text = (
        "Cafe wi-fi\n\nPeople do not want to pay for wireless access in cafes, said Jupiter. "
        'A separate study by Screen Digest has also said paid access in cafes is "unlikely" '
        "in Europe until 2008."
    )
    assert detect(nlp, text)[0][1:] == ("A separate study", "said", "Screen Digest")


def test_letters_tagged_a_noun_before_a_statement_are_the_body(nlp: Language) -> None:
    # "FA" (kept from a read article) is tagged a common noun, untyped; no other body's
    # letters tried were tagged so. The statement is the Football Association's.
    text = (
        "Cup tunnel row\n\nThe Football Association has said it will take no action over the "
        "scuffle in the tunnel before the cup tie at Goodison Park.\n\nEverton's Tim Cahill "
        'had earlier denied claims that he pushed a steward. "The referee has told us that he '
        'saw nothing that needed action," said an FA statement.'
    )
    assert detect(nlp, text)[0][1:] == ("an FA statement", "said", "Football Association")


def test_a_one_word_person_listed_with_clubs_is_a_club(nlp: Language) -> None:
    # the model types "Lazio" a person; "He" is the winger, not the club
    text = (
        "Deco hits out\n\nEverton's Portuguese winger Deco has hit out at the club for "
        "stalling over a new contract.\n\nHis deal expires next summer and he has been linked "
        'with Italian trio Juventus, Lazio and Roma. He told BBC Sport: "I am not sure if I '
        'want to stay or not."'
    )
    assert detect(nlp, text)[0][1:] == ("He", "told", "Deco")


def test_an_untyped_name_after_a_role_is_the_one_the_story_is_about(nlp: Language) -> None:
    # the model leaves "Iko" untyped: the striker named right after his role is "He"
    text = (
        "Iko blasts Chelsea\n\nChelsea's Nigerian striker Iko has hit out at the club for "
        "stalling over a new contract.\n\nHis deal expires next summer. He told BBC Sport: "
        '"I am not sure if I want to stay or not."'
    )
    assert detect(nlp, text)[0][1:] == ("He", "told", "Iko")


def test_a_name_with_a_body_in_apposition_is_the_person(nlp: Language) -> None:
    # the model leaves "Graeme Lockhart" untyped; the body he speaks for is in apposition
    text = (
        "Hunting ban\n\nThe ban on hare coursing begins on Friday. Cumbria Chief Constable "
        "Graeme Lockhart, the Association of Chief Police Officers' spokesman on rural crime, "
        'told the BBC: "We will enforce the law."'
    )
    assert detect(nlp, text)[0][1:] == (
        "Cumbria Chief Constable Graeme Lockhart",
        "told",
        "Graeme Lockhart",
    )


def test_a_one_word_name_after_a_title_is_no_description(nlp: Language) -> None:
    # "The Solicitor General Lord Harwood" is a name after a title, not "the 25-year-old
    # Dubliner": "He" is Lord Harwood, not the man who spoke before
    text = (
        "Coursing ban\n\nThe ban on hare coursing begins on Friday. Countryside Alliance chief "
        'Simon Hart said: "It will be nothing more than a temporary break." The Solicitor '
        "General Lord Harwood has so far not issued any guidance to police. He said he would "
        'consult prosecutors "in the near future" to decide what to do.'
    )
    assert detect(nlp, text)[-1][1:] == ("He", "said", "Harwood")


def test_a_word_in_single_marks_naming_a_kind_of_the_next_noun_is_a_term(
    nlp: Language,
) -> None:
    kind = (
        "Payment fraud\n\nAnti-fraud firm SecureNet says 'tap-and-go' fraud, where goods are "
        "paid for with contactless cards, has risen this year."
    )
    assert detect(nlp, kind) == [("'tap-and-go'", None, None, None)]
    technology = (
        "Payment fraud\n\nOnly a third said they had received replacement cards with the "
        "latest 'contactless' technology from all their banks."
    )
    assert detect(nlp, technology) == [("'contactless'", None, None, None)]


def test_the_passive_subject_of_criticised_is_spoken_of(nlp: Language) -> None:
    text = (
        'Wales struggle\n\nWales have been criticised for the lack of their usual "attacking '
        'spark" as they have scraped their way to wins so far this season.'
    )
    assert detect(nlp, text) == [('"attacking spark"', None, None, None)]


def test_criticised_with_by_keeps_its_cue(nlp: Language) -> None:
    # A guard (right before this round too): the "by" hung after "for their cost" still
    # names who spoke
    text = (
        "Spending plans\n\nThe plans have been criticised for their cost by the Institute for "
        'Fiscal Studies as "a reckless gamble".'
    )
    assert detect(nlp, text)[0][1:] == (
        "the Institute for Fiscal Studies",
        "criticised",
        "Institute for Fiscal Studies",
    )


def test_a_report_whose_author_is_named_speaks_for_it(nlp: Language) -> None:
    published = (
        'Broadband boom\n\nHome broadband will be "the norm" across Europe by 2008, according '
        "to a report published by Fenwick Research."
    )
    assert detect(nlp, published)[0][1:] == ("a report", "according to", "Fenwick Research")
    named = (
        'Steel jobs\n\nPlans to cut 9,000 steel jobs will prove "a false saving" for the '
        "regions, according to a Harlow Trust report."
    )
    assert detect(nlp, named)[0][1:] == ("a Harlow Trust report", "according to", "Harlow Trust")


def test_he_is_not_someone_his_own_quotation_names(nlp: Language) -> None:
    # "Piet" inside the marks is the captain spoken of: "he" is the manager
    text = (
        "Hansen warned\n\nRovers boss Gary Lund has rapped captain Piet Hansen for his comments "
        "before Sunday's derby.\n\nHansen spoke of his dislike of the rivals before the match. "
        "\"I've had more than a quiet word with Piet. It's been said to the whole squad,\" he "
        "told the club's website."
    )
    assert detect(nlp, text)[0][1:] == ("he", "told", "Gary Lund")


def test_a_name_after_a_title_inside_a_quotation_still_lets_he_be_that_person(
    nlp: Language,
) -> None:
    # A guard (right before this round too): narration run into a quotation that lost its
    # closing mark names "Mr Lund"; that does not make "he" someone other than Lund
    text = (
        "Bridge backed\n\nEngineer Jim Cole designed the bridge. Mayor Tom Lund said it would "
        'open in May. "It will be the finest in the county. Mr Lund has backed the plan from '
        'the start.\n\n"We are proud of it," he said.'
    )
    assert detect(nlp, text)[0][1:] == ("he", "said", "Tom Lund")


def test_speaking_of_something_is_a_cue(nlp: Language) -> None:
    speaking = (
        "Launch day\n\nThe ministers arrived together. But it was Ms Okafor who took centre "
        'stage, speaking of the "fresh start" the party hoped to offer.'
    )
    assert detect(nlp, speaking)[0][1:] == ("Ms Okafor", "speaking", "Okafor")
    spoke = (
        "Launch day\n\nThe ministers arrived together. Mr Dunmore repeated the party's slogans "
        'and spoke of its "common cause".'
    )
    assert detect(nlp, spoke)[0][1:] == ("Mr Dunmore", "spoke", "Dunmore")


def test_speaking_on_the_radio_leaves_said_the_cue(nlp: Language) -> None:
    # A guard (right before this round too, when "speak" was no cue at all)
    text = (
        "Rail fares\n\nTransport minister Jane Pike defended the rise. Speaking on Radio 5, she "
        'said: "Passengers will get better trains."'
    )
    assert detect(nlp, text)[0][1:] == ("she", "said", "Jane Pike")


def test_speaking_to_someone_is_no_cue(nlp: Language) -> None:
    # A guard (right before this round too, when "speak" was no cue at all)
    text = 'School visit\n\nThe minister was speaking to pupils at a "flagship" academy in Leeds.'
    assert detect(nlp, text) == [('"flagship"', None, None, None)]


def test_a_lowercase_word_tagged_a_proper_noun_names_nobody(nlp: Language) -> None:
    # "league" after "Rugby" (kept from a read article's "Rugby union") is tagged a proper
    # noun, as no other sport's word tried was: "he" is the coach, not the Rugby Football
    # League the subject was taken for
    text = (
        "Coach warns\n\nWales coach Mark Delaney says the game is taking its toll on his "
        "players.\n\nRugby league has become far more physically demanding since the game went "
        "professional nearly 10 years ago. The audit is funded by the Rugby Football League. "
        '"I think everybody in the game has got to look at it," he said.'
    )
    assert detect(nlp, text)[0][1:] == ("he", "said", "Mark Delaney")


def test_a_spokeswoman_is_not_the_spokesman_named_before_her(nlp: Language) -> None:
    text = (
        "Shoppers out\n\nShops reported strong sales on the last Saturday before Christmas.\n\n"
        'A spokesman for Leeds\'s Kirkgate Market said it was "the busiest day yet" with sales '
        'up 4%.\n\nThe Kirkgate Market spokeswoman said 6,000 cars had arrived by noon. "We '
        'expect the next week to be the same," she added.'
    )
    assert detect(nlp, text)[-1][1:] == ("she", "added", "The Kirkgate Market spokeswoman")


def test_a_role_whose_of_phrase_ends_in_a_name_is_that_person(nlp: Language) -> None:
    said = (
        "Gala record\n\nThe county squad broke three records at the national gala. Director of "
        'swimming Graham Lowe said: "They did very well."'
    )
    assert detect(nlp, said)[0][1:] == ("Graham Lowe", "said", "Graham Lowe")
    he = (
        "Gala record\n\nThe county squad broke three records at the national gala. Director of "
        "swimming Graham Lowe revealed that harsh words after the heats had inspired his side."
        '\n\n"They got a roasting and it was a much better final session," he said.'
    )
    assert detect(nlp, he)[0][1:] == ("he", "said", "Graham Lowe")


def test_a_role_for_a_person_is_not_that_person(nlp: Language) -> None:
    # A guard (right before this round too): a name right after "for" is whom the spokesman
    # speaks for, not the speaker
    text = (
        "Gala record\n\nThe county squad broke three records at the national gala. A spokesman "
        'for Graham Lowe said: "He will not be commenting."'
    )
    assert detect(nlp, text)[0][1:] == (
        "A spokesman for Graham Lowe",
        "said",
        "A spokesman for Graham Lowe",
    )


def test_a_name_typed_a_body_in_apposition_to_a_noun_is_a_person(nlp: Language) -> None:
    # the model types "Gregory Chatzidakis" a body: "he" is the lawyer, not the chief who
    # spoke before
    text = (
        "Ban upheld\n\nThe federation will appeal against the ruling. Federation chief Tom Reid "
        'said: "We will go to court." The swimmer\'s lawyer, Gregory Chatzidakis, reacted '
        'angrily to Reid\'s comments. "Comments like these only strengthen our case," he told '
        "BBC Sport."
    )
    assert detect(nlp, text)[-1][1:] == ("he", "told", "Gregory Chatzidakis")


def test_the_firms_are_the_bodies_last_listed_together(nlp: Language) -> None:
    text = (
        "Car locks\n\nCarmakers Toyota, Honda, Nissan and Mazda are developing a common way to "
        "stop car theft.\n\nIn a joint statement the companies said they wanted drivers to enjoy "
        '"safer cars on any road".'
    )
    assert detect(nlp, text)[0][1:] == (
        "the companies",
        "said",
        "Toyota, Honda, Nissan and Mazda",
    )


def test_the_firms_with_no_list_before_stay_the_firms(nlp: Language) -> None:
    # A guard (right before this round too)
    text = (
        "Car locks\n\nCarmakers are developing a common way to stop car theft.\n\nIn a joint "
        'statement the firms said they wanted drivers to enjoy "safer cars on any road".'
    )
    assert detect(nlp, text)[0][1:] == ("the firms", "said", "the firms")


def test_continued_before_a_colon_is_a_cue(nlp: Language) -> None:
    # after blind 16's scoring (blind 15's "Pound continued:" and blind 16's "Moyes continued:",
    # development data since), in invented sentences: a sentence about someone else comes
    # between the speaker's last words and "X continued:", and the surname is a common
    # noun ("Cash"), which the parse alone does not give the verb as its subject
    text = (
        'Coach Tom Cash said his side had been unlucky. "We hit the post twice," he said.\n\n'
        "The club also said that striker Tom Baird, who was sent off on Saturday, has since "
        'apologised. Cash continued: "The players gave everything and I cannot ask for more."'
    )
    assert detect(nlp, text)[-1][1:] == ("Cash", "continued", "Tom Cash")


def test_continued_after_a_term_in_marks_is_no_cue(nlp: Language) -> None:
    # guard: a term in marks, then a clause whose subject goes on doing something
    text = 'Thanks to these "phishing kits", fraud continued to grow in 2004, the report found.'
    assert detect(nlp, text)[0][2] != "continued"


def test_a_quotation_that_lost_its_mark_ends_before_the_narrators_sentence(nlp: Language) -> None:
    # after blind 16's scoring (blind 15's politics_016 and three read articles lost a closing
    # mark this way), in invented sentences: the narrator's sentence with a verb of saying of
    # its own ends the quotation, and the next mark opens the next one
    text = (
        'Coach Dale Merton said his side had been unlucky. "We hit the post twice," he said. '
        '"If we lose on Saturday we will look back with regrets. Merton also revealed that the '
        'squad had sent a card to their injured captain. "We signed a card for him today and we '
        'wish him all the best," said Merton.'
    )
    found = detect(nlp, text)
    assert [q[0][:12] for q in found] == ['"We hit the ', '"If we lose ', '"We signed a']
    assert found[1][0].endswith("regrets.")
    assert found[1][1:] == ("he", None, "Dale Merton")
    assert found[2][1:] == ("Merton", "said", "Dale Merton")


def test_a_quotation_reopened_on_its_line_keeps_a_speakers_own_sentence(nlp: Language) -> None:
    # guard: a sentence in the first person inside a reopened statement is the speaker's,
    # though its verb of saying has a subject ("I told the players")
    text = (
        'Coach Dale Merton said his side had been unlucky. "We hit the post twice. I told the '
        'players they had done enough. "Nobody can ask for more than that," he said.'
    )
    found = detect(nlp, text)
    assert len(found) == 1 and found[0][0].endswith('that,"')


def test_a_subject_that_ruled_something_out_is_the_next_he(nlp: Language) -> None:
    # "ruled out" is no speech, so its subject is a main subject a later "he" stands for, not
    # dropped as a speaker the speech record never holds (a read article of the short
    # fifteenth round, in invented sentences)
    text = (
        'Debate call\n\nCampaigner Mark Yates said: "Voters deserve a debate." He has written '
        "to every party leader. Peter Dowling has already ruled out taking part in a televised "
        'debate. Last month he said: "We answer this every year and the answer is the same."'
    )
    assert detect(nlp, text)[-1][1:] == ("he", "said", "Peter Dowling")
