"""Entity suggestions that follow the project's label guidelines, not only the model's habits.

The English models were trained on OntoNotes, whose conventions differ from ours in ways a
person would otherwise correct in every article (rules in ``resources/entity_rules.json``):

* titles stay outside PERSON: "Mr Starmer" → "Starmer", "Ms Hewitt" → "Hewitt"; a PERSON of
  titles only ("the Rt Rev Dr") is no entity; post-nominals ("QC", "MP") are trimmed too; a
  name after an honorific is a person whatever the model called it ("Ms Hale" as ORG);
* MONEY includes its currency sign and multiplier: "15.8" in "£15.8m" → "£15.8m";
* programme names are not dates: "Today" (capitalised, mid-sentence) and "Sunday" in "GMTV's
  Sunday programme" become WORK_OF_ART, as the guidelines file programmes;
* no entity ends in a possessive ("BBC Radio 4's" → "BBC Radio 4");
* no entity runs over a line break, as the editor refuses one that does: a headline's last name
  and the first line's name taken as one PERSON ("Blair⏎⏎Tony Blair") become two.

The component counts its changes in ``doc.user_data`` so a benchmark can report how many
corrections it saves.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from annotator.resources import resource_path

ENTITIES_KEY = "annotator_entities"
#: Labels the model gives names that an honorific shows to be people.
_NAME_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT", "LOC", "WORK_OF_ART"})
#: How many entity suggestions the component changed in a doc (``doc.user_data`` key).
CHANGES_KEY = "annotator_entity_changes"


@dataclass(frozen=True)
class EntityRules:
    person_titles: frozenset[str]
    person_honorifics: frozenset[str]
    person_postnominals: frozenset[str]
    currency_signs: frozenset[str]
    money_multipliers: frozenset[str]
    programmes_always: frozenset[str]
    programmes_in_context: frozenset[str]
    programme_nouns: frozenset[str]
    programme_label: str
    possessives: frozenset[str]


@cache
def entity_rules() -> EntityRules:
    """The rules of ``resources/entity_rules.json``."""
    with resource_path("entity_rules.json").open(encoding="utf-8") as f:
        data = json.load(f)
    words = {key: frozenset(value) for key, value in data.items() if isinstance(value, list)}
    return EntityRules(
        person_titles=words["person_titles"],
        person_honorifics=words["person_honorifics"],
        person_postnominals=words["person_postnominals"],
        currency_signs=words["currency_signs"],
        money_multipliers=words["money_multipliers"],
        programmes_always=words["programmes_always"],
        programmes_in_context=words["programmes_in_context"],
        programme_nouns=words["programme_nouns"],
        programme_label=str(data["programme_label"]),
        possessives=words["possessives"],
    )


def _word(text: str) -> str:
    return text.lower().rstrip(".")


def _person(doc: Doc, start: int, end: int, rules: EntityRules) -> tuple[int, int]:
    words = [_word(t.text) for t in doc[start:end]]
    if len(words) > 1 and all(w in rules.person_titles for w in words):
        return start, start  # "the Rt Rev Dr": no name in it
    while start < end - 1 and _word(doc[start].text) in rules.person_titles:
        if not doc[start].whitespace_:
            break  # "Saint-Andre": a name, its first part no title
        start += 1
    while end > start + 1 and _word(doc[end - 1].text) in rules.person_postnominals:
        end -= 1
    return start, end


def _money(doc: Doc, start: int, end: int, rules: EntityRules) -> tuple[int, int]:
    if start > 0 and doc[start - 1].text in rules.currency_signs and not doc[start - 1].whitespace_:
        start -= 1
    if end < len(doc) and doc[end].lower_ in rules.money_multipliers:
        glued = not doc[end - 1].whitespace_
        if glued or doc[end].lower_ in ("million", "billion", "trillion"):
            end += 1
    return start, end


def _is_programme(ent: Span, rules: EntityRules) -> bool:
    if len(ent) != 1 or ent[0].is_sent_start:
        return False
    doc, text = ent.doc, ent.text
    if text in rules.programmes_always:
        return True
    if text not in rules.programmes_in_context:
        return False
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    before = doc[ent.start - 1].text if ent.start > 0 else ""
    return after in rules.programme_nouns or (
        before in rules.possessives and after not in ("morning", "night", "evening")
    )


def _glued(token: Token) -> bool:
    """A capitalised word written right against the next token ("Saint" of "Saint-Andre")."""
    return not token.whitespace_ and token.text[:1].isupper() and token.text.isalpha()


def _before_open_bracket(doc: Doc, start: int, end: int) -> int:
    """``end`` cut before a bracket the entity opens and never closes, or closes as its last
    word: "the British Bankers' Association (BBA" and "… (BBA)" are the name without its
    initials (but "the Food (and Drink) Federation" is whole)."""
    opened: list[int] = []
    closed = end
    for t in doc[start:end]:
        if t.text == "(":
            opened.append(t.i)
        elif t.text == ")" and opened:
            closed = opened.pop()
    if opened:
        closed = opened[0]
    elif doc[end - 1].text != ")":
        closed = end
    return closed if closed > start else end


def _lines(doc: Doc) -> tuple[list[Span], int]:
    """``doc.ents`` cut at every token holding a line break; and how many were cut."""
    pieces: list[Span] = []
    cut = 0
    for ent in doc.ents:
        breaks = [t.i for t in ent if "\n" in t.text]
        if not breaks:
            pieces.append(ent)
            continue
        cut += 1
        start = ent.start
        for i in [*breaks, ent.end]:
            while start < i and doc[start].is_space:
                start += 1
            end = i
            while end > start and doc[end - 1].is_space:
                end -= 1
            if start < end:
                pieces.append(Span(doc, start, end, label=ent.label_, kb_id=ent.kb_id))
            start = i + 1
    return pieces, cut


def normalise_entities(doc: Doc, rules: EntityRules | None = None) -> int:
    """Apply the guideline rules to ``doc.ents`` in place; return how many entities changed."""
    rules = rules or entity_rules()
    kept: list[Span] = []
    ents, changes = _lines(doc)
    for ent in ents:
        start, end, label = ent.start, ent.end, ent.label_
        end = _before_open_bracket(doc, start, end)
        if doc[start].text in ("-", "‑") and start > 0 and _glued(doc[start - 1]):
            start -= 1  # "Saint-Andre" typed from the hyphen: the whole hyphened name
        while end > start + 1 and doc[end - 1].text in rules.possessives:
            end -= 1
        before = _word(doc[start - 1].text) if start > 0 else ""
        if label in _NAME_LABELS and rules.person_honorifics & {before, _word(doc[start].text)}:
            label = "PERSON"  # "Ms Hale" tagged ORG: an honorific names a person
        if label == "PERSON":
            start, end = _person(doc, start, end, rules)
        elif label in ("MONEY", "CARDINAL"):
            money = _money(doc, start, end, rules)
            if money[0] < start:
                label = "MONEY"
            if label == "MONEY":
                start, end = money
        elif label == "DATE" and _is_programme(ent, rules):
            label = rules.programme_label
        if kept and start < kept[-1].end:
            start, end, label = ent.start, ent.end, ent.label_  # would overlap: keep as it was
        if (start, end, label) != (ent.start, ent.end, ent.label_):
            changes += 1  # (a piece of a cut entity counts once, as its cut)
        if start < end:
            kept.append(Span(doc, start, end, label=label, kb_id=ent.kb_id, span_id=ent.id))
    if changes:
        doc.ents = kept
    return changes


class EntityNormaliser:
    """Pipeline component: :func:`normalise_entities`, with the count kept in ``user_data``."""

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[CHANGES_KEY] = normalise_entities(doc)
        return doc


@Language.factory(ENTITIES_KEY, default_config={}, requires=["doc.ents"], assigns=["doc.ents"])
def make_entity_normaliser(nlp: Language, name: str) -> EntityNormaliser:
    return EntityNormaliser()
