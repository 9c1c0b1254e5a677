"""Entity suggestions follow the label guidelines: titles out of PERSON, currency in MONEY,
programmes are not dates, no possessive at the end."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from annotator.nlp.entities import CHANGES_KEY, entity_rules, normalise_entities


def ents(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def test_titles_stay_outside_person(nlp: Language) -> None:
    doc = nlp("Mr Starmer met Ms Hewitt and Sir Keir Starmer in London on Monday.")
    people = [text for text, label in ents(doc) if label == "PERSON"]
    assert people and not any(p.split()[0] in ("Mr", "Ms", "Sir") for p in people)
    assert "Hewitt" in people


def test_a_person_of_titles_only_is_no_entity(nlp: Language) -> None:
    doc = nlp.make_doc("the Rt Rev Dr Tom Wright spoke")
    doc.ents = [doc.char_span(0, 13, label="PERSON"), doc.char_span(14, 24, label="PERSON")]
    assert normalise_entities(doc) == 1
    assert ents(doc) == [("Tom Wright", "PERSON")]


def test_a_lone_title_like_surname_is_kept(nlp: Language) -> None:
    doc = nlp.make_doc("Major said no.")
    doc.ents = [doc.char_span(0, 5, label="PERSON")]
    assert normalise_entities(doc) == 0
    assert ents(doc) == [("Major", "PERSON")]


def test_currency_sign_and_multiplier_join_money(nlp: Language) -> None:
    doc = nlp("The firm lost £15.8m last year and $98m in 2004.")
    money = [text for text, label in ents(doc) if label == "MONEY"]
    assert "£15.8m" in money and "$98m" in money
    assert doc.user_data[CHANGES_KEY] >= 2


def test_money_from_a_cardinal_after_a_currency_sign(nlp: Language) -> None:
    doc = nlp.make_doc("It cost £250 in all.")
    doc.ents = [doc.char_span(9, 12, label="CARDINAL")]
    normalise_entities(doc)
    assert ents(doc) == [("£250", "MONEY")]


def test_programmes_are_not_dates(nlp: Language) -> None:
    doc = nlp(
        "Ms Hewitt told GMTV's Sunday programme she would act. Mr Blair told Today he "
        "would. On Sunday he left for Paris."
    )
    labels = {(e.text, e.start_char): e.label_ for e in doc.ents}
    label = entity_rules().programme_label
    assert labels.get(("Sunday", doc.text.index("Sunday"))) == label
    assert labels.get(("Today", doc.text.index("Today"))) == label
    assert labels.get(("Sunday", doc.text.rindex("Sunday")), "DATE") == "DATE"


def test_no_entity_ends_in_a_possessive(nlp: Language) -> None:
    doc = nlp("She told BBC Radio 4's Today programme she was sorry.")
    assert not any(e.text.endswith(("'s", "’s")) for e in doc.ents)


def test_nothing_to_change_leaves_the_entities_alone(nlp: Language) -> None:
    doc = nlp.make_doc("Angela Merkel visited Paris.")
    doc.ents = [doc.char_span(0, 13, label="PERSON"), doc.char_span(22, 27, label="GPE")]
    assert normalise_entities(doc) == 0
    assert ents(doc) == [("Angela Merkel", "PERSON"), ("Paris", "GPE")]


def test_no_entity_runs_over_a_line_break(nlp: Language) -> None:
    """As the editor refuses an entity across a paragraph, the suggestions never hold one."""
    from annotator.ops.span_rules import refusal  # the editor's own rule

    text = "Budget row deepens, says Brown\n\nGordon Brown spoke in Leeds\nMr Smith agreed."
    doc = nlp.make_doc(text)
    crossing = doc.char_span(text.index("Brown"), text.index(" spoke"), label="PERSON")
    smith = doc.char_span(text.index("Leeds"), text.index(" agreed"), label="GPE")
    assert crossing is not None and smith is not None
    doc.ents = [crossing, smith]
    assert normalise_entities(doc) == 3  # two cuts, and "Mr Smith" is a person, not a place
    assert ents(doc) == [("Brown", "PERSON"), ("Gordon Brown", "PERSON"), ("Leeds", "GPE"),
                         ("Smith", "PERSON")]  # fmt: skip
    for ent in doc.ents:
        assert refusal(text, [], ent.label_, ent.start_char, ent.end_char) is None
