"""Discourse salience and gender cues for resolving a speaker pronoun ("he said").

News keeps a pronoun for the person the discourse is about: the subject of the previous main
clauses or the current speaker, not a person in an object or a possessive ("He told Ms Sturgeon"
is not Ms Sturgeon). This module finds, once per document,

* the *subjects* of main clauses outside quotations (``Mr Howard criticised …``, ``BT wants …``,
  ``who`` in ``tycoon Steve Morgan, who got frustrated``, and the person a passive puts
  something to: ``The claims were put to Jones``): the resolver weighs them with the
  speakers of earlier quotations, the latest first;
* the *gender* of the people named, from titles (Mr, Sir, Lord / Mrs, Ms, Miss, Dame), a short
  list of unambiguous first names, nouns in apposition ("the Birmingham woman") and, for
  people these leave unknown, pronouns whose antecedent is sure ("Jones, who said she …",
  :func:`pronoun_genders`), so that "she" never goes to a man and "he" never to a woman.
  Unknown gender agrees with both. A name that owns what only a body owns ("X's chief
  executive", :func:`corporate_names`) is never "he" or "she", however the model typed it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from annotator.nlp.cues import ruled_out, speaking_of_nothing
from annotator.nlp.first_names import first_name_gender
from annotator.nlp.grammar import plural_verb, trailing_appositive
from annotator.nlp.lexicon import (
    BUSINESS_NOUNS,
    DEMONYMS,
    DOCUMENT_NOUNS,
    GROUP_NOUNS,
    PERSON_ROLES,
    POSTNOMINALS,
    PUBLIC_BODIES,
    ROLE_NOUNS,
    SOURCE_NOUNS,
    TITLES,
    WORK_NOUNS,
    cue_forms,
)
from annotator.nlp.spans import EntityIndex, SpanSet

MALE, FEMALE = "m", "f"
PRONOUN_GENDER: dict[str, str] = {
    "he": MALE,
    "him": MALE,
    "his": MALE,
    "she": FEMALE,
    "her": FEMALE,
}
_MALE_TITLES = frozenset("mr mr. sir lord baron king prince father brother".split())
_FEMALE_TITLES = frozenset("mrs mrs. ms ms. miss dame lady baroness queen princess".split())
_MALE_NOUNS = frozenset(
    """man boy father son husband brother actor spokesman businessman sportsman
    uncle nephew grandfather widower boyfriend""".split()
)
_FEMALE_NOUNS = frozenset(
    """woman girl mother daughter wife sister actress chairwoman spokeswoman businesswoman
    sportswoman aunt niece grandmother widow girlfriend""".split()
)
_MAIN_DEPS = frozenset({"ROOT", "conj", "parataxis"})


@dataclass(frozen=True)
class Subject:
    """A main-clause subject outside quotations: ``span`` names it (a person or a body)."""

    pos: int
    span: Span
    person: bool
    #: The subject of a speech verb ("Mr Howard said", "BT told …").
    speech: bool
    #: Start of its sentence.
    sentence: int = 0
    #: ``who`` of a relative clause ("tycoon Steve Morgan, who got frustrated").
    relative: bool = False


def _gender_word(word: str) -> str | None:
    if word in _MALE_TITLES or word in _MALE_NOUNS:
        return MALE
    if word in _FEMALE_TITLES or word in _FEMALE_NOUNS:
        return FEMALE
    return None


def description_gender(words: list[str]) -> str | None:
    """The gender a description's own nouns give ("A spokesman for X", "the woman"): its
    lowercase words only, never a capitalised name ("Son")."""
    found = {_gender_word(w) for w in words if w.islower()}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def mention_gender(ent: Span) -> str | None:
    """Gender of a named person from one mention: title or appositive noun. (A first name
    says less than either, "Ms Rhys James": see ``Discourse.gender``.)"""
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    # a title inside the name comes before a name word: not "Oona King"
    for word in (before, *(t.lower_ for t in ent[: min(2, len(ent) - 1)])):
        if word in _MALE_TITLES or word in _FEMALE_TITLES:
            return _gender_word(word)
    root = ent.root
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    if before:
        nouns.append(doc[ent.start - 1])  # "actress Julia Roberts"
    for noun in nouns:
        gender = _gender_word(noun.lower_)
        if gender is not None and noun.ent_type_ != "PERSON":
            return gender
    return None


_BOUND_PRONOUNS = {**PRONOUN_GENDER, "himself": MALE, "herself": FEMALE}
#: Verbs of saying whose "he"/"she" is the speaker: "Federer admitted he was under pressure".
_OWNING_UP = frozenset("admitted admits conceded concedes confessed confesses".split())


def pronoun_genders(
    doc: Doc, quoted: SpanSet, ents: EntityIndex, people: Collection[str]
) -> dict[str, str | None]:
    """Gender of people (by surname, among ``people``) from pronouns whose antecedent is sure.

    For a sentence such as "Jones, 52, who told reporters she had not expected it" or "Jones
    has been made favourite for the award that won him fame": a person who is the subject of
    a clause (or the person a subject "who" is about), and a "he"/"his"/"she"/"her" later in
    that clause that names no other person nor a gendered noun ("the woman", "his wife"). An
    object pronoun of the person's own verb ("Jones told her") is someone else, and so is
    often a pronoun in what a named subject says ("Jones says she must rest": the athlete
    Jones coaches); only a relative "who" says it of the person ("Jones, who said she …").
    Pronouns of both genders in one clause, or a surname shown with both, give nothing.
    """
    votes: dict[str, str | None] = {}
    cues = cue_forms()
    for token in doc:
        if token.dep_ not in ("nsubj", "nsubjpass") or quoted.contains(token.idx):
            continue
        verb, person = token.head, token
        if token.lower_ == "who" and verb.dep_ == "relcl":
            person = verb.head
        elif verb.lower_ in cues and verb.lower_ not in _OWNING_UP:
            continue  # "Jones says she must rest": she is often the one Jones talks about
        ent = ents.of.get(person.i)
        key = (ent[-1] if ent is not None else person).lower_
        if key not in people or not person.text[:1].isupper():
            continue
        own = range(ent.start, ent.end) if ent is not None else range(person.i, person.i + 1)
        found: set[str] = set()
        for t in verb.subtree:
            if t.i in own or t.i < token.i:
                continue
            other = ents.of.get(t.i)
            if (other is not None and other.label_ == "PERSON") or (
                t.lower_ in _MALE_NOUNS or t.lower_ in _FEMALE_NOUNS
            ):
                found = set()
                break
            if t.lower_ not in _BOUND_PRONOUNS or quoted.contains(t.idx):
                continue
            if t.lower_ in ("him", "her") and t.dep_ != "poss" and t.head == verb:
                continue  # "Jones told her": someone else
            if t.dep_ == "nsubj" and t.head.dep_ == "conj" and t.head.head == verb:
                continue  # "Microsoft had sent kits, but he said …": a subject of its own
            found.add(_BOUND_PRONOUNS[t.lower_])
        if len(found) == 1:
            gender = found.pop()
            votes[key] = gender if votes.get(key, gender) == gender else None
    return votes


#: What a company has and a person has not: "Northwind's chief executive", "its output".
_CORPORATE = frozenset(
    """chief executive chairman chairwoman shareholders shares profits profit factory plant
    factories plants staff employees workers output sales customers""".split()
)


#: Words for a firm written right before its name (a firm named like a person).
_FIRM_WORDS = frozenset(
    """company firm bank retailer airline carrier manufacturer operator chain lender
    housebuilder insurer brewer carmaker supermarket bookmaker""".split()
)  # not "producer", "group" or "network": people and bands are written after them too


def corporate_names(doc: Doc, quoted: SpanSet) -> frozenset[str]:
    """Capitalised words that own what only a body owns, outside quotations ("Northwind's
    chief executive", "Northwind's output"): a name the model typed as a person ("Aston
    Martin") is then a body, never "he" or "she"."""
    out = set()
    for t in doc:
        written = t.text.islower() or (t.is_sent_start and t.text.istitle())  # "Bookmaker X"
        if t.lower_ in _FIRM_WORDS and written and not quoted.contains(t.idx):
            k = t.i + 1  # "housebuilder George Wimpey", "mortgage lender Bradford & Bingley"
            while k < len(doc) and (doc[k].text[:1].isupper() or doc[k].text == "&"):
                if doc[k].lower_ not in TITLES:
                    out.add(doc[k].lower_)
                k += 1
        if t.tag_ == "POS" and t.i > 0 and t.i + 1 < len(doc) and not quoted.contains(t.idx):
            owner, owned = doc[t.i - 1], t.head
            if owner.text[:1].isupper() and owner.lower_ not in TITLES:
                nxt = doc[t.i + 1]
                if owned.lower_ in _CORPORATE or nxt.lower_ in _CORPORATE:
                    out.add(owner.lower_)
    return frozenset(out)


def agrees(gender: str | None, other: str | None) -> bool:
    return gender is None or other is None or gender == other


def is_named(token: Token) -> bool:
    """A person's name: a PERSON entity, or a proper noun the NER left untyped or mistyped.

    The small English model tags "Campese" as NORP, and "said Connors." as a plural common
    noun typed PRODUCT: a capitalised noun inside a sentence with no other type counts too.
    """
    if token.ent_type_ == "PERSON":
        return True
    if token.lower_ in TITLES or token.ent_type_ not in ("", "NORP", "PRODUCT"):
        return False
    if token.tag_ == "NNP":  # not "Rugby union has become …", "union" tagged NNP
        return token.text[:1].isupper() or _hyphened_name_end(token)  # "Laah Chong-gyu"
    if token.tag_ == "NNPS":  # "Ms Detakats", tagged a plural: a surname after a title
        return any(c.dep_ == "compound" and c.lower_ in _NAMERS for c in token.lefts)
    return (
        token.tag_ in ("NN", "NNS")
        and token.text[:1].isupper()
        and token.text[1:].islower()
        and not token.is_sent_start
    )


#: Titles that only ever stand before one person's name.
_NAMERS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady".split())


def _hyphened_name_end(token: Token) -> bool:
    """The lowercase end of a hyphenated name ("gyu" of "Chong-gyu")."""
    doc, i = token.doc, token.i
    if i < 2 or doc[i - 1].text not in ("-", "‑") or doc[i - 1].whitespace_:
        return False
    return not doc[i - 2].whitespace_ and doc[i - 2].text[:1].isupper()


def known_name(token: Token, name_words: Collection[str]) -> bool:
    """A word of a person's name the tagger missed here: "Mendes" at the start of a sentence
    as a plural noun, "shadow chancellor Vince Cable" typed as an organisation."""
    if not token.text[:1].isupper() or token.text[1:2].isupper():
        return False
    if token.lower_ in name_words:
        return True
    lefts = [c for c in token.lefts if c.dep_ == "compound"]
    return token.tag_ == "NNP" and any(c.lower_ in ROLE_NOUNS for c in lefts)


_NOT_PERSONS = GROUP_NOUNS | BUSINESS_NOUNS | DOCUMENT_NOUNS | PUBLIC_BODIES | SOURCE_NOUNS


def described_person(token: Token) -> bool:
    """A definite description of one person as a subject: "the first minister", "The
    attacking midfielder" (not a body, a document, a source or several people)."""
    if token.tag_ != "NN" or token.lower_ in _NOT_PERSONS or token.ent_type_:
        return False
    dets = [c for c in token.children if c.dep_ == "det"]
    return bool(dets) and dets[0].lower_ == "the" and not token.text[:1].isupper()


def name_before_title(token: Token, ents: EntityIndex) -> Token:
    """The name a title or letters after it lead in the parse: "Frank Field MP criticised"
    has "MP" as its subject; the person is Frank Field."""
    if token.ent_type_ == "PERSON" or token.i == 0:
        return token
    word = token.lower_.rstrip(".")
    if word not in TITLES and word not in POSTNOMINALS:
        return token
    ent = ents.of.get(token.i - 1)
    if ent is not None and ent.label_ == "PERSON" and ent.end == token.i:
        return token.doc[token.i - 1]
    return token


def _lost_subject(verb: Token, ents: EntityIndex) -> Span | None:
    """The person right before a main verb the parser left without a subject: "On the
    outskirts of Kyoto, 83-year-old Yuji Shimizu contemplates …" (the name made an apposition
    of the place)."""
    if verb.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    ent = ents.of.get(verb.i - 1)
    if ent is None or ent.label_ != "PERSON" or ent.end != verb.i:
        return None
    return ent


def _opens_sentence(ent: Span) -> bool:
    """A name the parser made the root of a sentence it opens is that sentence's subject:
    "Tait himself, at least outwardly, appeared …", "Jo Bloggs, producer of Later... With
    Jools Holland, booked …" (the name parsed as a verb, or the sentence cut in two)."""
    doc, first = ent.doc, ent.sent.start
    while first < ent.start and (doc[first].is_space or doc[first].lower_ in ("but", "and")):
        first += 1
    return first == ent.start


def _addressed(verb: Token, ents: EntityIndex) -> Span | None:
    """The person a thing is put to in a passive main clause with no person as its subject:
    "The allegations were put to Jones after the game." (Jones answers next)."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    if any(c.dep_ == "nsubjpass" and is_named(c) for c in verb.children):
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            for obj in prep.children:
                ent = ents.of.get(obj.i)
                if obj.dep_ == "pobj" and ent is not None and ent.label_ == "PERSON":
                    return ent
    return None


def fronted_topics(doc: Doc, quoted: SpanSet, ents: EntityIndex) -> list[Subject]:
    """People a sentence opens with as its topic, named with a role: "For Rick Dean, director
    of …, a high-definition future is …", "But for Jo Bloggs, an analyst at Gartner, …": the
    person the next "he" is about, like a subject."""
    out: list[Subject] = []
    for ent in ents.ents:
        if ent.label_ != "PERSON" or ent.end >= len(doc) or doc[ent.end].text != ",":
            continue
        prep = ent.root.head
        if ent.root.dep_ != "pobj" or prep.lower_ != "for" or quoted.contains(ent.start_char):
            continue
        opening = [t for t in doc[prep.sent.start : prep.i] if not t.is_space]
        if all(t.dep_ == "cc" for t in opening):  # the sentence opens with "(But) for"
            out.append(Subject(ent.start_char, ent, True, False, prep.sent.start_char))
    return out


def _opening_clause(subj: Token) -> bool:
    """A subject opening its sentence, of a clause the parser made the object of a later
    main verb ("Henman came from two sets down …, so he knows …"): the sentence's subject."""
    verb = subj.head
    return (
        bool(subj.is_sent_start)
        and subj.dep_ == "nsubj"
        and verb.dep_ == "ccomp"
        and verb.head.dep_ == "ROOT"
        and verb.i < verb.head.i
        and verb.head.lower_ not in cue_forms()
    )


def _joined(token: Token) -> bool:
    """A subject joined to another ("Michael Howard and Charles Kennedy are"): its plural
    verb says nothing of what it is."""
    return any(c.dep_ == "conj" for c in token.children)


def main_subjects(
    doc: Doc, quoted: SpanSet, ents: EntityIndex, name_words: frozenset[str] = frozenset()
) -> list[Subject]:
    """Named subjects of main clauses (and ``who`` of a named person) outside quotations and
    the headline (a headline's subject is no referent a pronoun of the story picks up)."""
    cues = cue_forms()
    out: list[Subject] = []
    first_line = doc.text.find("\n")
    headline = first_line if first_line > 0 else 0
    if doc.text[:headline].rstrip().rstrip("\"'”’").endswith((".", "!", "?")):
        headline = 0  # a first line that ends a sentence is text, not a headline
    for token in doc:
        if token.idx < headline:
            continue
        if token.dep_ == "ROOT" and token.ent_type_ == "PERSON":
            ent = ents.of.get(token.i)
            if ent is not None and _opens_sentence(ent) and not quoted.contains(ent.start_char):
                out.append(Subject(ent.start_char, ent, True, False, token.sent.start_char))
                continue
        main = token.dep_ == "ROOT" or (token.dep_ == "conj" and token.head.dep_ == "ROOT")
        if main and token.tag_.startswith("VB"):  # "… and Owen is confident": a conjunct's
            lost = _lost_subject(token, ents) or _addressed(token, ents)
            if lost is not None and not quoted.contains(lost.start_char):
                sentence = token.sent.start_char
                out.append(Subject(lost.start_char, lost, True, False, sentence))
        if token.dep_ not in ("nsubj", "nsubjpass") or quoted.contains(token.idx):
            continue
        verb = token.head
        target = token
        appositive = None
        relative = token.tag_ == "WP" and token.lower_ == "who" and verb.dep_ == "relcl"
        if relative:
            target = verb.head
            if not is_named(target) and target.dep_ == "appos" and is_named(target.head):
                target = target.head  # "Sharron Storer, the Birmingham woman who …"
            before = doc[token.i - 1] if token.i > 0 else target
            if not is_named(target) and is_named(before):
                target = before  # "the return of X who …": the parser hung "who" on "return"
        elif verb.dep_ not in _MAIN_DEPS and not _opening_clause(token):
            continue
        else:
            target = name_before_title(token, ents)
            # "Wenger's counterpart Felix Magath was …", "Head of the division, Jo Bloggs,"
            if not is_named(target) or (target.lower_ in PERSON_ROLES and not target.ent_type_):
                appositive = trailing_appositive(target) or _set_off_name(target)
                target = appositive or target
        ent = ents.of.get(target.i)
        if target is token and not relative and plural_verb(token) and not _joined(token):
            person = False  # "Norwich have signed …", typed a person in the headline: a club
        elif (
            is_named(target)
            or known_name(target, name_words)
            or appositive is not None
            or _nationality_described(target)
            or _owned_first_name(target)
        ):
            person = True  # "Kenteris's lawyer, Gregory Ioannidis," typed a body
        elif ent is not None and ent.label_ == "ORG" and not relative:
            person = False
        else:
            continue
        speech = (
            verb.lower_ in cues
            and verb.tag_.startswith("VB")
            and not any(c.dep_ == "neg" for c in verb.children)  # "could not believe"
            and not speaking_of_nothing(verb)  # "was speaking to pupils": no speech of its own
            and not ruled_out(verb)  # "has ruled out taking part": a subject, not a speaker
        )
        sentence = token.sent.start_char
        span = ents.around(target)
        out.append(Subject(token.idx, span, person, speech, sentence, relative))
    return out


def work_titles(doc: Doc, ents: EntityIndex) -> frozenset[str]:
    """Names the article gives a work ("Arnold's gritty drama Wasp", "The film, A Different
    Story,"), lowercased, without a leading article: a film or a song neither speaks nor is a
    "she", though the model may type its title a person."""
    titles: set[str] = set()
    for token in doc:
        if token.lower_ not in WORK_NOUNS or token.tag_ != "NN":
            continue
        named = [c for c in token.children if c.dep_ == "appos" and c.tag_ == "NNP"]
        if token.dep_ == "compound" and token.head.tag_ == "NNP":
            named.append(token.head)
        end = token.i + 1
        while end < len(doc) and doc[end].tag_ in ("NNP", "NNPS"):
            end += 1
        if end > token.i + 1:  # "drama Wasp", however parsed
            named.append(doc[end - 1])
        for name in named:
            span = ents.around(name)
            start = span.start
            while len(span) == 1 and start > 0 and doc[start - 1].tag_ in ("NNP", "NNPS"):
                start -= 1  # an untyped title: "A Different Story"
            key = title_key(" ".join(t.text for t in doc[start : span.end] if not t.is_punct))
            if key:
                titles.add(key)
    return frozenset(titles)


def title_key(name: str) -> str:
    """A work's title as :func:`work_titles` keeps it: lowercased, without a leading article."""
    words = name.lower().split()
    return " ".join(words[1:] if words and words[0] in ("a", "an", "the") else words)


def _owned_first_name(token: Token) -> bool:
    """ "Tennis Australia's Geoff Pollard", typed a body with the body: a first name after the
    possessive, then the surname."""
    doc = token.doc
    i = token.i
    return (
        i >= 2
        and token.tag_ == "NNP"
        and doc[i - 2].tag_ == "POS"
        and first_name_gender(doc[i - 1].text) is not None
    )


def _nationality_described(token: Token) -> bool:
    """ "the Frenchman", whatever the model typed it: a person described by nationality."""
    return token.lower_ in DEMONYMS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in token.children
    )


def _set_off_name(token: Token) -> Token | None:
    """The person named in commas right after a description: "His creator, Richard Bowden,
    lecturer at …, refers to" (the phrase ends on another noun)."""
    for c in token.children:
        if (
            c.dep_ == "appos"
            and c.ent_type_ == "PERSON"
            and token.doc[c.left_edge.i - 1].text == ","
        ):
            return c
    return None


def sentence_subject_before(pronoun: Token, quoted: SpanSet, ents: EntityIndex) -> Span | None:
    """A named subject earlier in the pronoun's sentence is what the pronoun refers to.

    "Mr Hussain said he was …", "although Campese admitted he was surprised, he insisted".
    When the pronoun is the subject of a speech verb, only the subject of another speech verb
    counts: in "Mr Blair has failed …, he claimed" the speaker is not Mr Blair; or the subject
    of a clause the pronoun's clause hangs from: in "Mr Blair praised the plan, which he said
    was …" he is Mr Blair.
    """
    sent = pronoun.sent
    cues = cue_forms()
    speaking = pronoun.head.lower_ in cues and pronoun.head.tag_.startswith("VB")
    above = {t.i for t in pronoun.head.ancestors}
    for t in reversed(sent[: pronoun.i - sent.start]):
        if quoted.contains(t.idx):
            continue  # words inside a quotation are not the narrator's
        if speaking and t.head.lower_ not in cues and t.head.i not in above:
            continue
        if t.dep_ in ("nsubj", "nsubjpass") and is_named(t):
            return ents.around(t)
    return None


def plural_subject_before(pronoun: Token, quoted: SpanSet) -> Span | None:
    """A plural common-noun subject earlier in the pronoun's sentence, outside quotations:
    what "they" stands for ("The makers want …, they say") before anyone named earlier."""
    sent = pronoun.sent
    for t in reversed(sent[: pronoun.i - sent.start]):
        if quoted.contains(t.idx):
            continue
        if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NNS":
            return pronoun.doc[t.left_edge.i : t.i + 1]
    return None


@dataclass(frozen=True)
class Event:
    """Someone the discourse is about at ``pos``: a speaker, or a main-clause subject."""

    pos: int
    name: str
    person: bool
    speech: bool
    sentence: int = -1
    relative: bool = False
    #: The speaker of a clause inside another ("X denied Y said …"): gives way to the main
    #: subject of its sentence, like a relative "who".
    embedded: bool = False
    #: A description the model took for a name ("the 25-year-old Scouser"): it stands for
    #: the last person who spoke before it.
    described: bool = False
