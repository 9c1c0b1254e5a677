"""A sentence-final "X has said" after a quotation inside the clause it reports, a person
closing an inverted title, a doer's word before a first name, a verb right after its
quotation with its speaker parsed as its object, traders as sources, "one analyst" as a
source of its own, a described subject as the person introduced with its role, a one-word
name with a plural verb as a body, "the Italy captain" as a player introduced as a
midfielder, a long doer's word opening a sentence before a surname; then a person named in
commas after a description, a name the parser made a compound of a description, a hyphened
first name of a name typed a body, first names typed apart from a surname after a particle,
a body's first word the model left before "and", a sentence-opening comparative before a
role, a surname tagged a plural after a title, and a "who" clause giving way to an agreeing
"he" opening its sentence (commits 018e1bb..c27c7b1, sixteenth round); then a participle the
parser hung on a noun after a preposition, the person a verb of blame names as the doer of
its "for" participle, "X quoted Mr Y telling …" making Mr Y a later "he", a body's initials
around an ampersand ("B&B"), a firm written after a word for a firm ("housebuilder George
Wimpey") as a later "it", "the sentencing judge" as nobody the story is about, a surname
tagged a common noun as the full name the model missed ("Rowling said" after "JK Rowling's"),
a word for a nationality typed a body ("the Dutchman") as the person the story is about, and
a copula clause before a colon as the stance of a named person (commits c27c7b1..b741624);
then a participle reporting to a pronoun as the act of the clause it hangs on ("said that Mr
Y ordered …, telling him to"), a verb closing its sentence ("…, Mr X stressed.") attributing
a quotation after a verb of the clause it reports that stands before the marks, unless that
verb has a speaking subject of its own, a headline's label as no body's name, minutes and
instructions speaking for their author ("the Bank's minutes", "the instructions on X's
website"), and a one-word name the article mostly types a place or team, in a clause of no
speech, as never a later "he" (commits b741624..f6487b8); and "Its guidelines" as the body's.

The texts are invented, of the shapes the commit messages name; none comes from a set not
yet scored nor from a corpus article. Each test but the guards fails on the code before the
commits it tests (018e1bb, c27c7b1 for the later ones, b741624 for the last ones); guards,
which pass before and after, say so.
"""

from __future__ import annotations

from spacy.language import Language

from tests.nlp.test_quotes import detect


def test_a_sentence_final_has_said_attributes_the_clause_it_reports(nlp: Language) -> None:
    # "tell" is a verb of the reported clause, not the quotation's cue: the frontman who
    # "has said" it at the end of the sentence speaks, not the band
    text = (
        'Drummer out\n\nThe Lantern Club had "no other option" but to tell their drummer to '
        "go, frontman Tom Rudd has said."
    )
    assert detect(nlp, text)[0][1:] == ("Tom Rudd", "said", "Tom Rudd")


def test_a_term_in_the_subject_of_a_reported_clause_stays_unattributed(nlp: Language) -> None:
    # guard (before and after): the marks stand inside the reported clause's subject, so
    # the term is no quotation of the chief constable's
    text = (
        'Crime figures\n\nClaims that "binge drinking" is to blame for the rise are wrong, '
        "chief constable Tom Ward has said."
    )
    found = detect(nlp, text)
    assert found[0][2] != "said" and found[0][3] is None


def test_a_person_closing_an_inverted_title_speaks(nlp: Language) -> None:
    # the parser makes "Agriculture" the subject of "said": the name ending the title speaks
    text = (
        'Trade talks\n\nThe talks ended without a deal. "We are still far apart on farm '
        'subsidies," said Agriculture Under Secretary Helen Marsh.'
    )
    assert detect(nlp, text)[0][1:] == ("Secretary Helen Marsh", "said", "Helen Marsh")


def test_a_doers_word_before_a_first_name_is_no_part_of_the_name(nlp: Language) -> None:
    text = (
        "Budget surplus\n\nThe state posted a record surplus. Treasurer Martin Fielding said: "
        '"This is a budget for families."'
    )
    assert detect(nlp, text)[0][1:] == (
        "Treasurer Martin Fielding",
        "said",
        "Martin Fielding",
    )


def test_a_first_name_ending_like_a_doers_word_is_kept(nlp: Language) -> None:
    # guard (before and after): "Walter" and "Oliver" end in "-er" but are first names
    walter = (
        'Cup draw\n\nThe draw was made on Sunday. Rangers manager Walter Pollock said: "It is '
        'a tough tie but we can win it."'
    )
    assert detect(nlp, walter)[0][3] == "Walter Pollock"
    oliver = (
        'Cup draw\n\nThe draw was made on Sunday. Oliver James Pollock said: "It is a tough '
        'tie but we can win it."'
    )
    assert detect(nlp, oliver)[0][3] == "Oliver James Pollock"


def test_a_verb_right_after_its_quotation_with_its_speaker_as_object_is_its_cue(
    nlp: Language,
) -> None:
    # the parser makes "the chairman" the object of "grinned"
    text = (
        'Market rally\n\nShares rose for a fifth day. "It is like Christmas came early," '
        "grinned the chairman."
    )
    assert detect(nlp, text)[0][1:] == ("the chairman", "grinned", "the chairman")


def test_traders_are_a_source(nlp: Language) -> None:
    text = (
        "Oil jump\n\nOil prices hit a new high on Tuesday as Mark Ellery of the energy agency "
        'warned of shortages. Traders said the market was "very nervous".'
    )
    assert detect(nlp, text)[0][1:] == ("Traders", "said", "Traders")


def test_one_analyst_is_a_source_of_its_own(nlp: Language) -> None:
    # not the fuller "An analyst at Fenwick Securities" named before
    text = (
        'Shares slide\n\nAn analyst at Fenwick Securities said the fall was "overdone". "There '
        'is panic, plain and simple," said one analyst.'
    )
    assert detect(nlp, text)[-1][1:] == ("one analyst", "said", "one analyst")


def test_a_described_subject_is_the_person_introduced_with_that_role(nlp: Language) -> None:
    # "The Energy Minister" is Karl Brandt, not the opposition leader named since; "He"
    # is the minister
    text = (
        "Gas prices\n\nEnergy Minister Karl Brandt has offered new subsidies to gas firms. "
        'Opposition leader Hans Vogel called the offer "a bribe". The Energy Minister did not '
        'rule out further help. He said: "We will look again in the spring."'
    )
    assert detect(nlp, text)[-1][1:] == ("He", "said", "Karl Brandt")


def test_a_one_word_name_with_a_plural_verb_is_never_he(nlp: Language) -> None:
    # "Burnley have confirmed": a club, so "he" is the winger
    text = (
        "Carver move\n\nWinger Lee Carver wants a move to Spain. Burnley have confirmed an offer "
        'from Sevilla. "I want to play abroad," he told the Lancashire Telegraph.'
    )
    assert detect(nlp, text)[0][1:] == ("he", "told", "Lee Carver")


def test_a_captain_can_be_a_player_introduced_as_a_midfielder(nlp: Language) -> None:
    text = (
        "Ferri fit\n\nJuventus midfielder Marco Ferri has shaken off a knee injury before the "
        'friendly. The Italy captain said: "I feel ready to play."'
    )
    assert detect(nlp, text)[0][1:] == ("The Italy captain", "said", "Marco Ferri")


def test_a_long_doers_word_opening_a_sentence_is_no_first_name(nlp: Language) -> None:
    # "Playmaker Dawson" is Craig Dawson, named before
    text = (
        "Spurs win\n\nSpurs beat Fulham 2-0 with two goals from Craig Dawson. Playmaker Dawson "
        'said: "It was a great day for the club."'
    )
    assert detect(nlp, text)[0][1:] == ("Playmaker Dawson", "said", "Craig Dawson")


def test_a_long_first_name_opening_a_sentence_is_kept(nlp: Language) -> None:
    # guard (before and after): "Alexander" is long and ends in "-er" but is a first name
    text = (
        'Cup draw\n\nAlexander Pollock scored twice as Rangers beat Hearts. "It is a tough '
        'tie but we can win it," said Pollock.'
    )
    assert detect(nlp, text)[0][1:] == ("Pollock", "said", "Alexander Pollock")


def test_a_club_opening_a_sentence_keeps_its_first_word(nlp: Language) -> None:
    # guard (before and after): "Leicester" is long and ends in "-er", but nobody in the
    # article is a "Tigers" with a first name, so it is no doer's word before a surname
    text = (
        'Cup draw\n\nThe draw was made on Sunday. Leicester Tigers said: "We are delighted '
        'to be at home."'
    )
    assert detect(nlp, text)[0][1:] == ("Leicester Tigers", "said", "Leicester Tigers")


def test_a_person_named_in_commas_after_a_description_is_the_main_subject(
    nlp: Language,
) -> None:
    # the description's phrase ends on "Leeds University", not the name; "he" is the
    # inventor, not the mayor
    text = (
        "Talking doll\n\nMayor Sam Pike opened the toy fair on Monday. Its inventor, Martin "
        "Gale, lecturer in robotics at Leeds University, refers to the doll as a toddler. "
        '"It learns new words every day," he said.'
    )
    assert detect(nlp, text)[0][1:] == ("he", "said", "Martin Gale")


def test_a_name_made_a_compound_of_a_description_is_the_subject(nlp: Language) -> None:
    # the model types "Marco Pescara" a body and the parser makes it a compound of
    # "specialist": the specialist is "he"
    text = (
        "Phone wallets\n\nRetailers are testing the idea. Phones will soon replace wallets, "
        'thinks Marco Pescara mobile industry specialist for analysts Gartner. "People '
        'already carry their phones everywhere," he said.'
    )
    assert detect(nlp, text)[0][1:] == ("he", "said", "Marco Pescara")


def test_a_hyphened_first_name_makes_a_person_of_a_name_typed_a_body(nlp: Language) -> None:
    # the model types "Hans-Jorg Vogts" a body: "said Vogts" is the whole name, not
    # "Jorg Vogts"
    text = (
        'New squad\n\nAustria coach Hans-Jorg Vogts named his squad on Monday. "I have picked '
        'the players in form," said Vogts.'
    )
    assert detect(nlp, text)[0][1:] == ("Vogts", "said", "Hans-Jorg Vogts")


def test_a_first_name_typed_apart_from_a_surname_after_a_particle(nlp: Language) -> None:
    # the model types "Monique" and "Hartog" apart
    text = (
        "Film festival\n\nFestival director Monique den Hartog said the event would move. "
        '"We have outgrown the old cinema," she said.'
    )
    assert detect(nlp, text)[0][1:] == ("she", "said", "Monique den Hartog")


def test_a_bodys_first_word_left_before_and_is_part_of_its_name(nlp: Language) -> None:
    # the model types only "Trade Ministry"
    text = (
        'Tax plan\n\nThe Finance and Trade Ministry said the new tax was "a mistake" for exporters.'
    )
    assert detect(nlp, text)[0][1:] == (
        "Finance and Trade Ministry",
        "said",
        "Finance and Trade Ministry",
    )


def test_a_sentence_opening_comparative_is_no_part_of_a_role(nlp: Language) -> None:
    # "Earlier Defence Secretary Tom Hale": "the defence secretary" is Tom Hale
    text = (
        "Troops stay\n\nEarlier Defence Secretary Tom Hale said the troops would stay until the "
        "election. Opposition leader Bill Carr attacked the plan. The defence secretary said: "
        '"We will not leave the job half done."'
    )
    assert detect(nlp, text)[0][1:] == ("The defence secretary", "said", "Tom Hale")


def test_a_surname_tagged_a_plural_after_a_title_names_a_person(nlp: Language) -> None:
    # "Jaunzems" is tagged a plural proper noun and left untyped: "she" is Ms Jaunzems, not
    # the councillor
    text = (
        "Library cuts\n\nCouncillor Ruth Ames defended the budget. Ms Jaunzems runs the mobile "
        'library. "We have no other way to save money," she said.'
    )
    assert detect(nlp, text)[0][1:] == ("she", "said", "Jaunzems")


def test_a_who_clause_gives_way_to_an_agreeing_he_opening_its_sentence(nlp: Language) -> None:
    # "He sees Parr as the replacement for Dave Hollis, who …": the sentence is about the
    # coach "He" stands for, so the next "he" is the coach
    text = (
        "Tanner targets Parr\n\nCoach Rob Tanner wants to sign striker Lee Parr in January. He "
        'sees Parr as the replacement for Dave Hollis, who retires in May. "Lee has '
        'everything we need," he said.'
    )
    assert detect(nlp, text)[0][1:] == ("he", "said", "Rob Tanner")


def test_a_participle_hung_on_a_noun_after_a_preposition_speaks_for_the_subject(
    nlp: Language,
) -> None:
    # the parser hangs "saying" on "fees", the object of "against": the student leader who
    # will argue says it, not "they"
    text = (
        "Fees vote\n\nStudent leader Kate Moran will argue against top-up fees saying they are "
        '"a tax on learning".'
    )
    assert detect(nlp, text)[0][1:] == ("Kate Moran", "saying", "Kate Moran")


def test_whoever_a_verb_of_blame_names_did_what_its_for_participle_says(
    nlp: Language,
) -> None:
    # "branded Mr Carter … for claiming": Mr Carter claimed the plan was "fully costed"
    text = (
        'Budget row\n\nLabour chairman Ian Moss branded Mr Carter "reckless" for claiming the '
        'plan was "fully costed".'
    )
    assert detect(nlp, text)[-1][1:] == ("Mr Carter", "claiming", "Carter")


def test_a_person_quoted_telling_is_the_speaker_a_later_he_stands_for(nlp: Language) -> None:
    # "The Sentinel quoted Mr Okafor telling supporters …": "he" is Mr Okafor, not the
    # party leader named before
    text = (
        "Vale bid\n\nLabour leader Neil Hart spent Monday in Stoke. The Sentinel quoted Mr "
        'Okafor telling supporters the seat was safe. "People here know what we have done," '
        "he added."
    )
    assert detect(nlp, text)[0][1:] == ("he", "added", "Okafor")


def test_initials_around_an_ampersand_name_the_body(nlp: Language) -> None:
    # "H&L" is Hobbs & Lyle by its initials; the ampersand is no initial
    text = (
        "Store closures\n\nHigh street retailer Hobbs & Lyle is to close 40 shops. H&L said "
        'trading had been "very tough" since Christmas.'
    )
    assert detect(nlp, text)[0][1:] == ("H&L", "said", "Hobbs & Lyle")


def test_a_firm_written_after_a_word_for_a_firm_is_a_later_it(nlp: Language) -> None:
    # the model types "Henry Marsh" a person, but "budget airline Henry Marsh" is a firm:
    # "It" is the airline, not the authority that spoke before
    text = (
        "Flights cut\n\nThe CAA said passenger numbers fell in May. Budget airline Henry Marsh "
        'has cut 200 flights. It said bookings had been "disappointing" since March.'
    )
    assert detect(nlp, text)[0][1:] == ("It", "said", "Henry Marsh")


def test_the_sentencing_judge_is_no_person_the_story_is_about(nlp: Language) -> None:
    # the story is about the footballer, introduced as no judge: the judge is unnamed
    text = (
        "Driver jailed\n\nFootballer Jack Dunn was jailed for six months for dangerous "
        'driving. The sentencing judge said his driving had been "utterly selfish".'
    )
    assert detect(nlp, text)[0][1:] == (
        "The sentencing judge",
        "said",
        "The sentencing judge",
    )


def test_the_sentencing_judge_is_a_judge_named_before(nlp: Language) -> None:
    # guard (before and after): a judge the article names is still "the sentencing judge"
    text = (
        "Driver jailed\n\nJudge Ann Hale jailed driver Jack Dunn for six months. The sentencing "
        'judge said his driving had been "utterly selfish".'
    )
    assert detect(nlp, text)[0][1:] == ("The sentencing judge", "said", "Ann Hale")


def test_a_surname_tagged_a_common_noun_is_the_full_name_the_model_missed(
    nlp: Language,
) -> None:
    # the model misses "JM Keeling's" as a person and tags "Keeling" a common noun after
    text = (
        "Fashion week\n\nJM Keeling's new collection sold out in an hour. Keeling said she was "
        '"overwhelmed" by the response.'
    )
    assert detect(nlp, text)[0][1:] == ("Keeling", "said", "JM Keeling")


def test_a_word_for_a_nationality_typed_a_body_is_the_person_the_story_is_about(
    nlp: Language,
) -> None:
    # the model types "Frenchman" a body: he is the tennis player the story is about
    text = (
        'Rome win\n\nTennis player Luc Girard won in Rome on Sunday. "I played the best tennis '
        'of my life," the Frenchman said.'
    )
    assert detect(nlp, text)[0][1:] == ("Frenchman", "said", "Luc Girard")


def test_a_copula_clause_before_a_colon_gives_a_named_persons_stance(nlp: Language) -> None:
    # no verb of saying, so no cue: the economist whose assessment it is speaks
    text = (
        "Rate rise\n\nThe pound rose after the decision. Economist Karen Doyle was more "
        'cautious in her assessment: "One rise does not make a trend."'
    )
    assert detect(nlp, text)[0][1:] == ("Karen Doyle", None, "Karen Doyle")


def test_a_copula_clause_with_a_non_person_subject_before_a_colon_gives_no_speaker(
    nlp: Language,
) -> None:
    # guard (before and after): "The message was:" is nobody's stance, not the coach's
    text = (
        "Title race\n\nSweden coach Lars Nyberg watched his side win 3-0 in Oslo on Sunday. The "
        'message was: "We can win the whole thing."'
    )
    assert detect(nlp, text)[0][1:] == (None, None, None)


def test_a_participle_reporting_to_a_pronoun_is_the_act_of_its_clause(nlp: Language) -> None:
    # "telling him" hangs on "ordered": Mr Dorsey gave the order, not the finance director
    # who has said so
    text = (
        "Audit row\n\nFormer finance director Paul Keane has said that Mr Dorsey ordered "
        'changes to the accounts, telling him to "make the numbers work".'
    )
    assert detect(nlp, text)[0][1:] == ("Mr Dorsey", "telling", "Dorsey")


def test_a_participle_reporting_to_a_body_stays_the_reporters(nlp: Language) -> None:
    # guard (before and after): "telling the BBC" is the act of "He", who denied, not of the
    # campaigners of the clause he denied
    text = (
        "Park plans\n\nCouncil leader Martin Reeve has dropped plans to sell the park. He "
        'denied campaigners had forced the change, telling the BBC "it was always under '
        'review".'
    )
    assert detect(nlp, text)[0][1:] == ("He", "telling", "Martin Reeve")


def test_a_verb_closing_its_sentence_attributes_after_a_reported_verb_before_the_marks(
    nlp: Language,
) -> None:
    # "declaring" stands before the marks but is a verb of the clause "stressed" reports:
    # the minister speaks, not the families
    text = (
        "Tax amnesty\n\nFinance Minister Elena Varga unveiled the amnesty on Monday. By "
        'declaring their savings, families would be able to "bring their money home without '
        'fear", Ms Varga stressed.'
    )
    assert detect(nlp, text)[0][1:] == ("Ms Varga", "stressed", "Elena Varga")


def test_a_reported_verb_with_a_speaking_subject_keeps_its_quotation(nlp: Language) -> None:
    # guard (before and after): "suggested" has a speaking subject of its own, so the MP
    # speaks and the documentary closing the sentence only reports it
    text = (
        'Whitehall film\n\nAn MP suggested ministers treated the north as a "colony", a new '
        "documentary has revealed."
    )
    assert detect(nlp, text)[0][1:] == ("An MP", "suggested", "An MP")


def test_a_headlines_label_is_no_bodys_name(nlp: Language) -> None:
    # the model types the headline's "Racecourse Group" a body: "The group" and the later
    # "It" are the firm the story names
    text = (
        "Racecourse Group won't make a profit\n\nMarlow Holdings, which runs six racecourses "
        "in the north, has warned it will make no profit this year. The group blamed the wet "
        'summer. It said crowds had been "badly hit" by the rain.'
    )
    assert detect(nlp, text)[0][1:] == ("It", "said", "Marlow Holdings")


def test_a_banks_minutes_speak_for_the_bank_named_in_full(nlp: Language) -> None:
    # "The Bank's minutes": a document of the Bank of Canada, the one body whose name "Bank"
    # opens
    text = (
        "Rates on hold\n\nThe Bank of Canada kept interest rates at 3% on Wednesday. The Bank's "
        'minutes said members were "divided" over the outlook.'
    )
    assert detect(nlp, text)[0][1:] == ("The Bank's minutes", "said", "Bank of Canada")


def test_instructions_on_a_firms_website_speak_for_the_firm(nlp: Language) -> None:
    # "says the instructions on Brightwave's website": the firm whose website it is
    text = (
        "Router fault\n\nThousands of broadband users lost their connection on Friday. Users "
        'should "unplug the router for ten seconds", says the instructions on Brightwave\'s '
        "website."
    )
    assert detect(nlp, text)[0][1:] == ("the instructions", "says", "Brightwave")


def test_a_team_in_a_clause_of_no_speech_is_never_a_later_he(nlp: Language) -> None:
    # "Tonga", a team the article otherwise types a place, is the subject of "dominated" in
    # a clause of no speech: "he" is the coach who rejected the claim
    text = (
        "Walsh defiant\n\nScotland coach Frank Walsh was unhappy after the 20-20 draw with Tonga "
        "at Murrayfield. Tonga coach Sam Kirby praised his pack. Walsh also rejected Kirby's "
        'contention Tonga dominated the scrum. "We had our chances and did not take them," he '
        "said."
    )
    assert detect(nlp, text)[0][1:] == ("he", "said", "Frank Walsh")


def test_its_document_speaks_for_the_body_its_stands_for(nlp: Language) -> None:
    # "Its guidelines": the body the discourse is about owns the document (once "guidelines"
    # became a document noun, "Its" had found no owner and the quotation lost its speaker)
    text = (
        "School advice\n\nThe Health Protection Agency has issued new advice to schools. Its "
        'guidelines say pupils should "stay at home for a week".'
    )
    assert detect(nlp, text)[0][1:] == ("Its guidelines", "say", "Health Protection Agency")
