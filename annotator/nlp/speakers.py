"""Speaker names: from a mention in the text ("he", "Sir Keir", "the PM") to the person it names.

A light, article-local resolution, good enough for news where the speaker of a quote is almost
always named once and then referred to by surname, pronoun or role:

* a name loses the party, standing or role written before it ("Fellow Lib Dem X", "ESC Mr X");
  two names joined by "and" are one speaker, "X and Y", and "the judges" after them is both;
* a name after a title or possessive the model did not type a person ("Labour's Mr X",
  "French Green MEP X") is that name; so is a name after a title that the model typed as a
  body ("Cardinal Cormac Murphy-O'Connor"), and "the Cardinal" is that person; a first name
  the model left out ("Otis" of "Otis Ferry") stays when the article names someone so in
  full;
* a name ("Mr Hussain", "Sir Keir", "Guy Mansfield QC") loses its titles and letters and links
  to the fullest earlier mention that contains it ("Imran Hussain", "Keir Starmer"); a surname
  the tagger missed ("Hanks" as a plural noun) or the source misspelt ("Daveport") links to the
  one person whose name holds it, or a word one letter away (:mod:`annotator.nlp.names`);
* a pronoun ("he", "she", "they") is the *salient* one (:mod:`annotator.nlp.salience`,
  :mod:`annotator.nlp.discourse`): the
  latest speaker or main-clause subject before it that agrees in gender ("it": the latest body),
  or else the last person named before it outside quotations; a pronoun opening a sentence
  after one that introduced a person for the first time, with a role in apposition, is that
  person ("One dissenting opinion came from X, an analyst. He said: …");
* a description that the article used to introduce a person ("the Ukrainian president" after
  "Ukrainian president Mr Zelenskyy") is that person; any other definite description of a
  person ("the prime minister", "the MP for Bradford East", "the ex-Wallaby") is the salient
  person, since news repeats the speaker by role (never an unnamed source, nor, for "the
  judge", someone introduced as a "singer"); so is a nationality ("the American");
* an unnamed source keeps its description as its name, with the body it speaks for: "a
  spokesman for the British Phonographic Industry"; its shorter forms take the fullest form in
  the article ("a spokeswoman" before "The BBC spokeswoman", :mod:`annotator.nlp.sources`);
  else "the source", "the BPI spokesman" or "they" resolve to the most specific earlier
  source of that kind;
* a body described or shortened is the body the article names: "the ministry" (the Ministry
  of Communications), "the Fed" (the US Federal Reserve), "the BPI" (by its initials), "the
  magazine" (the "Broadcast magazine" named before), or else the body the discourse is about
  ("The company said" after "Northwind said", "the panel" after the Law Council spoke; not "the
  police" or "the government"), or else the body the article names most often
  ("the club", "the board"; :func:`annotator.nlp.names.main_body`); a plural description
  ("the makers") is itself, and "they" after a plural subject in its sentence is that subject
  (descriptions in :mod:`annotator.nlp.descriptions`);
* a document speaks for its author ("his report", "the book by Robert Peston") or, when it
  names none, for whoever spoke last ("The statement added").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from annotator.nlp.authors import SAME_DOCUMENT, named_author
from annotator.nlp.descriptions import by_role, coordinated, describe
from annotator.nlp.discourse import Discourse
from annotator.nlp.first_names import first_name_gender, is_first_name
from annotator.nlp.grammar import plural_verb
from annotator.nlp.lexicon import (
    BUSINESS_NOUNS,
    DEMONYMS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    GROUP_NOUNS,
    NAME_PARTICLES,
    PRONOUNS,
    ROLE_NOUNS,
    SOURCE_NOUNS,
    SPEAKER_NOUNS,
    TITLES,
    strip_titles,
)
from annotator.nlp.names import (
    Bodies,
    NameWords,
    Person,
    body_name,
    clean_words,
    described_name,
    doer_word,
    glued_hyphen,
    main_body,
    missed_full_names,
    modal_named,
    name_index,
    named_after_description,
    named_kinds,
    nationality,
    nicknamed,
    only_titles,
    other_sex,
    person_by_first_name,
    role_after,
    role_before,
    role_of_head,
    source_family,
    titled_name,
    titled_person,
    untyped_name_part,
    with_suffix,
    with_surname_after,
)
from annotator.nlp.salience import (
    PRONOUN_GENDER,
    agrees,
    is_named,
    mention_gender,
    plural_subject_before,
    pronoun_genders,
    sentence_subject_before,
)
from annotator.nlp.sources import SourceIndex
from annotator.nlp.spans import EntityIndex, SpanSet

_NAME_ENTS = frozenset({"PERSON"})
_GROUP_ENTS = frozenset({"ORG", "NORP", "GPE", "FAC"})
#: Titles written only before a surname ("Mr Howard"; not "Sir Alex").
_SURNAME_TITLES = frozenset("mr mr. mrs mrs. ms ms. miss".split())
#: Types the model gives a person it takes for a body or a work ("Simon Yates, a senior
#: analyst for Forrester", typed a work).
_TYPED_APART = frozenset({"ORG", "WORK_OF_ART"})
_PERSONAL = frozenset({"he", "she", "i", "him", "her", "who"})
#: People a name's possessive introduces, who are not that person ("X's mother").
_OWNED_PEOPLE = SPEAKER_NOUNS | frozenset(
    """mother father wife husband son daughter brother sister widow widower partner
    girlfriend boyfriend fiancee fiance family lawyer lawyers solicitor solicitors attorney
    attorneys agent agents""".split()
)


#: Titles of people known by one name ("Prince Charles", "Pope John Paul").
_ROYAL = frozenset("prince princess king queen pope".split())


def _royal(person: Person) -> bool:
    return bool(person.role) and person.role[-1][0] in _ROYAL


def may_be_titled(name: Sequence[str], surname: str, titled: Collection[str]) -> bool:
    """Can the person of ``name`` (its words) be the one written "Mr ``surname``": it ends
    their name, or their own surname is never written after a title (``titled``, lowercased):
    "Howard Flight" is "Mr Flight", never "Mr Howard"; "Kim Yungmin" can be "Mr Kim"."""
    last = name[-1].lower()
    return last == surname or last not in titled


def _untyped_name_before(ent: Span) -> Token | None:
    """A capitalised proper noun the parser hung on the name right after it, untyped (not a
    title: "Lady Boothroyd")."""
    if ent.start == 0:
        return None
    first = ent.doc[ent.start - 1]
    return first if untyped_name_part(first, ent.start, ent.end) else None


def _first_name_before(ent: Span) -> Token | None:
    """A common first name the model left out of a person's name ("Wing Christophe
    Dominici says", "Dominici" typed alone)."""
    first = _untyped_name_before(ent)
    return first if first is not None and is_first_name(first.text) else None


def _doer_before_surname(people_with: dict[str, list[Person]], words: tuple[str, ...]) -> bool:
    """Is ``words`` a long doer's word before the surname of someone the article names with a
    first name: "Matchwinner Keane" after "Robbie Keane" (not "Leicester Tigers")?"""
    first, last = words
    if not doer_word(first):
        return False
    return any(
        len(p.words) > 1 and p.words[-1].lower() == last and p.words[0].lower() != first
        for p in people_with.get(last, [])
    )


def _without_doer_words(people: list[Person]) -> list[Person]:
    """People with a doer's word the model typed into their name dropped, where the article
    names them with a first name too ("Matchwinner Keane" is "Keane")."""
    by_surname: dict[str, list[Person]] = {}
    for p in people:
        by_surname.setdefault(p.words[-1].lower(), []).append(p)
    return [
        replace(p, words=p.words[1:])
        if len(p.words) == 2
        and _doer_before_surname(by_surname, (p.words[0].lower(), p.words[1].lower()))
        else p
        for p in people
    ]


def _name_before_particle(ent: Span) -> list[str]:
    """The first names the model typed apart from a surname after a particle: "Sandra den
    Hamer" typed "Sandra" and "Hamer"."""
    doc, i = ent.doc, ent.start
    if i < 2 or doc[i - 1].text not in NAME_PARTICLES or doc[i - 2].ent_type_ != "PERSON":
        return []
    k = i - 2
    while k > 0 and doc[k - 1].ent_type_ == "PERSON" and doc[k].ent_iob_ == "I":
        k -= 1
    return [t.text for t in doc[k:i]]


def _listed_with_bodies(ent: Span) -> bool:
    """A one-word "person" in a list of bodies or places ("Real Madrid, Barcelona and
    Valencia"): a club or a city the model typed a person."""
    root = ent.root
    if len(ent) > 1 or root.dep_ != "conj":
        return False
    head = root.head
    return head.ent_type_ in _GROUP_ENTS and head.ent_iob_ != "" and head.ent_type_ != "PERSON"


class SpeakerResolver(Discourse):
    """Resolve speaker mentions of one document in text order (see the module docstring)."""

    def __init__(
        self,
        doc: Doc,
        quoted: list[tuple[int, int]] | None = None,
        ents: EntityIndex | None = None,
    ):
        self.doc = doc
        #: Quotation spans: their words never name the narrator's subjects.
        self.quoted = SpanSet(quoted or [])
        self.ents = ents if ents is not None else EntityIndex(doc)
        #: People named in the article, in text order, and indexes into them by start, by
        #: word of their name and by the head word of the role they were introduced with.
        self.people: list[Person] = []
        #: Gender by surname, from every mention that shows it (None: unknown or mixed).
        self.genders: dict[str, str | None] = {}
        #: Gender by full name, and the full names written with each surname.
        self.full_genders: dict[str, str] = {}
        self.shared_surnames: dict[str, set[str]] = {}
        for ent in self.ents.ents:
            if ent.label_ not in _NAME_ENTS or _listed_with_bodies(ent):
                continue
            words = clean_words(ent)
            words = with_suffix(ent, words) if ent.label_ == "PERSON" else words
            if not words:
                continue
            words = with_surname_after(ent, words)  # "Tory Dominic Grieve"
            if ent.label_ == "PERSON" and _first_name_before(ent) is not None:
                words = [ent.doc[ent.start - 1].text, *words]  # "Wing Christophe Dominici"
            if ent.label_ == "PERSON":
                words = [*_name_before_particle(ent), *words]  # "Sandra den Hamer"
            role = tuple(role_before(ent) + role_after(ent) or role_of_head(ent))
            self.people.append(Person(ent.start_char, tuple(words), role))
            gender = mention_gender(ent)
            if len(words) > 1:  # "Jarek Kujda" and "Malgorzata Kujda": two people, one surname
                full = self._note_full_name(words)
                if gender is not None:
                    self.full_genders.setdefault(full, gender)
            if gender is not None:
                key = words[-1].lower()
                self.genders[key] = gender if self.genders.get(key, gender) == gender else None
        #: Organisations that are people by their first name ("Imogen Price", typed ORG).
        self._named_as_bodies: set[tuple[str, ...]] = set()
        for ent in self.ents.ents:
            if ent.label_ in _GROUP_ENTS and (titled := titled_person(ent)) is not None:
                self.people.append(titled)  # "Cardinal Cormac Murphy-O'Connor" typed a body
            elif ent.label_ in _TYPED_APART and (named := person_by_first_name(ent)) is not None:
                self.people.append(named)
                self._named_as_bodies.add(tuple(w.lower() for w in named.words))
                self._note_full_name(named.words)
            elif (named := modal_named(ent)) is not None:  # "Will Davies" typed a work
                self.people.append(named)
                self._note_full_name(named.words)
        for first, last in nicknamed(doc):  # Antonio "LA" Reid, typed a person to the mark
            self.people.append(Person(first.idx, (first.text, last.text), ()))
        self.people.sort(key=lambda p: p.start)
        self.people = _without_doer_words(self.people)
        surnames = {p.words[-1].lower() for p in self.people} | {
            e.text.lower() for e in self.ents.ents if e.label_ == "ORG" and len(e) == 1
        }  # "Juninho", typed as a body: a person if a pronoun says so
        for key, gender in pronoun_genders(doc, self.quoted, self.ents, surnames).items():
            self.genders.setdefault(key, gender)  # titles and first names come first
        self._people_starts = [p.start for p in self.people]
        self._people_with: dict[str, list[Person]] = {}
        self.people_by_role: dict[str, list[Person]] = {}
        for person in self.people:
            for word in dict.fromkeys(w.lower() for w in person.words):
                self._people_with.setdefault(word, []).append(person)
            if person.role:
                self.people_by_role.setdefault(person.role[-1][0], []).append(person)
        self.bodies = Bodies(self.ents.ents, doc)
        #: Names the model types as a place or body more often than as a person ("England").
        votes: dict[str, int] = {}
        for ent in self.ents.ents:  # as written and as named ("the Rail Council": Rail Council)
            for key in {ent.text.lower(), " ".join(clean_words(ent)).lower()}:
                votes[key] = votes.get(key, 0) + (1 if ent.label_ in _NAME_ENTS else -1)
        self._mostly_bodies = {key for key, vote in votes.items() if vote < 0}
        #: Source descriptions so far: (position, kind of source, name); see :meth:`note_source`.
        self.sources: list[tuple[int, str, str]] = []
        self.name_words = NameWords(
            {w.lower() for p in self.people if len(p.words) > 1 for w in p.words}
        )
        self._missed: dict[str, str] | None = None
        self._body_texts: set[str] | None = None
        self._main_body: str | None = None
        self._kinds: dict[str, list[tuple[int, str]]] | None = None
        self.source_index = SourceIndex(doc, self.quoted)
        #: Head nouns of the roles each person was introduced with (descriptions.roles).
        self.role_heads: dict[str, set[str]] | None = None
        self._full_names: dict[tuple[str, ...], tuple[list[int], list[Person], list[Person]]] = {}
        self._titled: frozenset[str] | None = None
        self.last_source: str | None = None
        #: The words of every name of two words or more (see :meth:`_with_first_name`).
        self._ent_names: set[tuple[str, ...]] | None = None
        self._inside_words: set[str] | None = None
        #: Per document noun ("report"): where a mention of one names its author, and the name.
        self._document_authors: dict[str, list[tuple[int, list[str]]]] = {}
        self._start_discourse()

    # -- public -------------------------------------------------------------------------------

    def resolve(self, mention: Span) -> str | None:
        """The speaker name of ``mention``; updates nothing (see :meth:`attribute`)."""
        tokens = [t for t in mention if not t.is_space]
        if not tokens:
            return None
        first = tokens[0].lower_
        pos = mention.start_char
        if len(tokens) == 1 and first in ("you", "one"):
            return None  # "if you think of Snake when …": anyone, nobody who speaks
        if len(tokens) == 1 and first == "they":
            plural = plural_subject_before(tokens[0], self.quoted)
            if plural is not None:  # "The makers want …, they say": the makers
                return self.resolve(plural)
        if len(tokens) == 1 and first in PRONOUNS:
            person = first in _PERSONAL
            subject = sentence_subject_before(tokens[0], self.quoted, self.ents) if person else None
            if subject is not None:
                name = self.resolve(subject)
                if agrees(PRONOUN_GENDER.get(first), self.gender(name)):
                    return name
            introduced = self.introduced_for(tokens[0]) if person else None
            if introduced is not None:
                return introduced
            gender = PRONOUN_GENDER.get(first)
            return self.salient_for(tokens[0], person) or self.last_person_before(
                pos, gender, forward=person
            )
        doc = mention.doc
        joined = coordinated(self, mention, tokens)
        if joined is not None:
            return joined
        if len(tokens) == 1 and first in ROLE_NOUNS | TITLES and mention.start > 0:
            det = doc[mention.start - 1]
            if det.lower_ == "the":  # "the Bishop", typed as a body, "the Cardinal": a role
                return describe(self, [det, tokens[0]], doc[det.i : mention.end])
        in_mention = self.ents.within(mention.start, mention.end)
        ents = [e for e in in_mention if e.label_ in _NAME_ENTS and not only_titles(e)]
        opening = self._person_at(pos) if tokens[0].ent_type_ in _TYPED_APART else None
        if opening is not None and (not ents or ents[0].start_char > pos):
            # "Simon Yates, a senior analyst for Forrester," with "Forrester" typed a person
            return self.named(list(opening.words), pos)
        if not ents and len(tokens) == 1 and self._is_name_word(tokens[0]):
            ents = [mention]
        if not ents and (tail := titled_name(tokens)) is not None:
            return self.full_name(clean_words(tail), pos)  # "Labour's Mr Livingstone"
        if first in DETERMINERS:
            ents = []
        if ents and tokens[-1].lower_ in _OWNED_PEOPLE and ents[0].end < mention.end:
            # "Prime Minister X's official spokesman", "X's mother": someone else, X's (but
            # "X's report" or "X's legal action" speaks for X)
            poss = doc[ents[0].end]
            if poss.tag_ == "POS":
                rest = " ".join(t.text for t in tokens if t.i > poss.i)
                return f"{self.full_name(clean_words(ents[0]), pos)}{poss.text} {rest}"
        if ents or all(
            t.tag_ in ("NNP", "NNPS") or t.lower_ in TITLES or glued_hyphen(t) for t in tokens
        ):  # "Rt Rev Scott-Joynt"
            words = clean_words(ents[0] if ents else mention)
            if len(words) == 1 and words[0].lower() in DEMONYMS:  # "the Dutchman", typed a body
                return self.salient_person(pos) or self.last_person_before(pos) or words[0]
            if not ents and len(words) == 1 and tokens[-1].ent_type_ == "ORG":
                body = self.bodies.expand(words[0], pos)  # "BPI", "Fed"
                if body is None and words[0].lower() in self._people_with:
                    return self.full_name(words, pos)  # "Rt Rev Scott-Joynt", typed a body
                return body or self._missed_person(words[0]) or words[0]
            if ents and self._described_person(ents[0], words):  # "the 25-year-old Scouser"
                return self.salient_person(pos) or self.last_person_before(pos) or words[0]
            if ents:
                words = self._with_first_name(ents[0], words)
                if ents[0].end < mention.end:  # its surname in the mention: "Tory Dominic Grieve"
                    words = with_surname_after(ents[0], words)
            return self.named(words, mention.start_char) if words else None
        groups = [e for e in in_mention if e.label_ in _GROUP_ENTS]
        lead = groups[0].start - mention.start if groups else 0
        untyped = 0  # "the Liberal Democrats", "Democrats" typed alone
        while untyped < lead and mention[lead - untyped - 1].tag_ == "NNP":
            untyped += 1
        if (
            groups
            and groups[0].end == mention.end
            and all(t.lower_ in DETERMINERS for t in mention[: lead - untyped])
        ):  # "the Scottish Executive": the body by its name
            if lead and not untyped and nationality(groups[0]):  # "the American": a person
                return self.salient_person(pos) or self.last_person_before(pos) or mention.text
            words = [t.text for t in mention[lead - untyped : lead]] + clean_words(groups[0])
            name = " ".join(words) or mention.text
            return self.bodies.expand(name, pos) or name  # "the Fed": the Federal Reserve
        named = named_after_description(tokens, self.bodies.written)
        if named is not None:
            return named
        return describe(self, tokens, mention)

    def titled_surnames(self) -> frozenset[str]:
        """One-word names the article writes after "Mr", "Mrs", "Ms" or "Miss": surnames."""
        if self._titled is None:
            doc = self.doc
            self._titled = frozenset(
                e.text.lower()
                for e in self.ents.ents
                if e.label_ == "PERSON"
                and len(e) == 1
                and e.start > 0
                and doc[e.start - 1].lower_ in _SURNAME_TITLES
            )
        return self._titled

    def _person_at(self, pos: int) -> Person | None:
        """The person of :attr:`people` whose name starts at ``pos``, if any."""
        k = bisect_left(self._people_starts, pos)
        if k < len(self.people) and self.people[k].start == pos:
            return self.people[k]
        return None

    def _note_full_name(self, words: Sequence[str]) -> str:
        """File a full name under its surname (see ``shared_surnames``); returns it lowercased."""
        full = " ".join(words).lower()
        self.shared_surnames.setdefault(words[-1].lower(), set()).add(full)
        return full

    def _with_first_name(self, ent: Span, words: list[str]) -> list[str]:
        """The name with the first name the model left out of it ("Otis" of "Otis Ferry",
        tagged as part of the name but not typed a person), when the article names someone so
        in full (typed a person or not); else the name alone, which would take the fullest
        earlier "Ferry" (his father)."""
        first = _untyped_name_before(ent)
        if first is None:
            return words
        named = (first.text, *words)
        if is_first_name(first.text):  # a common first name: "Christophe Dominici"
            return list(named)
        if self._ent_names is None:  # "Otis Ferry" may be typed a product where named in full
            self._ent_names = {tuple(clean_words(e)) for e in self.ents.ents if len(e) > 1}
        return list(named) if named in self._ent_names else words

    def first_named(self, token: Token) -> bool:
        """Is the name ending at ``token`` the first mention of its person in the document?"""
        ent = self.ents.of.get(token.i)
        return ent is not None and self._first_with(token.lower_, ent.start_char)

    def capitalised_inside(self, token: Token) -> bool:
        """A capitalised word the article also writes capitalised inside a sentence, after
        a word that is no punctuation ("Napster", untyped and tagged a common noun): a name,
        not a word capitalised because it starts a sentence ("Emails", "Thanks")."""
        if not token.text[:1].isupper() or token.text.isupper():
            return False
        if self._inside_words is None:
            doc = self.doc
            self._inside_words = {
                t.lower_
                for t in doc[1:]
                if t.text[:1].isupper() and not doc[t.i - 1].is_punct and not t.is_sent_start
            }
        return token.lower_ in self._inside_words

    def _is_name_word(self, token: Token) -> bool:
        """A name, or a capitalised word of the name of someone in the article ("Hanks" that
        the tagger took for a plural noun, "Daveport" misspelt)."""
        if is_named(token):
            return True
        if not token.text[:1].isupper() or token.text[1:2].isupper():
            return False
        if not token.ent_type_ and self._missed_person(token.text) is not None:
            return True  # "Rowling said", tagged a common noun, after "JK Rowling's"
        return self.name_words.match(token.text.rstrip(".")) is not None

    def attribute(self, name: str | None, mention: Span | None = None) -> None:
        """Record that ``name`` spoke at ``mention``: later pronouns and roles refer to it."""
        if name and mention is not None:
            verb = mention.root.head
            embedded = verb.dep_ in ("ccomp", "xcomp", "advcl") and verb.tag_.startswith("VB")
            self.add_event(mention.start_char, name, self.is_person(mention), embedded)
            if self.is_source(mention):
                self.last_source = name
            self.note_source(mention, name)

    def note_source(self, mention: Span, name: str) -> None:
        """An unnamed source spoke ("A Delta spokesperson confirmed …"): a later "the
        spokesperson" is the most specific earlier source of that kind."""
        heads = [t for t in mention if t.tag_ in ("NN", "NNS")]
        if heads and heads[-1].lower_ in SOURCE_NOUNS:
            self.sources.append((mention.start_char, source_family(heads[-1].text), name))

    def earlier_source(self, head: Token, pos: int) -> str | None:
        family = source_family(head.text)
        found = [
            (len(n.split()), p, n)
            for p, f, n in self.sources
            if f == family and p < pos and not other_sex(head.lower_, n)
        ]
        return max(found)[2] if found else None

    def named_kind(self, head: Token, pos: int) -> str | None:
        """The latest "<Name> <head>" before ``pos`` (:func:`named_kinds`)."""
        if self._kinds is None:
            self._kinds = named_kinds(self.doc, self.quoted)
        found = self._kinds.get(head.lower_, [])
        k = bisect_left(found, (pos, "")) - 1
        return found[k][1] if k >= 0 else None

    def main_body(self) -> str | None:
        """The body the article is about (:func:`main_body`), found once, on need."""
        if self._main_body is None:
            people = {k for k, gender in self.genders.items() if gender is not None}
            self._main_body = main_body(self.doc, people) or ""
        return self._main_body or None

    def is_person(self, mention: Span) -> bool:
        """A person or a person-like source, not an organisation or a document."""
        tokens = [t for t in mention if not t.is_punct]
        if not tokens:
            return False
        if len(tokens) == 1 and tokens[0].lower_ in PRONOUNS:
            return tokens[0].lower_ in _PERSONAL
        if tokens[-1].lower_ in DOCUMENT_NOUNS and tokens[-1].tag_ == "NN":
            return False  # "Mr Crosby's statement said: …. It added: …": a later "it"
        if any(t.ent_type_ == "PERSON" for t in tokens):
            return True
        if tuple(w.lower() for w in clean_words(mention)) in self._named_as_bodies:
            return True  # "Imogen Price", typed a body
        if len(tokens) == 1 and self._missed_person(tokens[0].text) is not None:
            return True  # "said Ferdinand" after "Rio Ferdinand", typed a body and a place
        if len(tokens) == 1 and tokens[0].tag_ == "NN" and tokens[0].text[:1].isupper():
            return False  # "Napster claims": a name tagged a common noun, a firm more often
        if len(tokens) == 1 and plural_verb(tokens[0]):
            return False  # "Birmingham have confirmed …": a club, one name with a plural verb
        nouns = [t for t in tokens if t.tag_ == "NN" and not t.ent_type_]
        if nouns and nouns[0].lower_ in SOURCE_NOUNS:
            return True  # "A spokesman for the British Casino Association": one person
        if self._owned_name(tokens):
            return True  # "The Fabian Society's Sundar Katwala", typed a body with the society
        if any(t.ent_type_ in _GROUP_ENTS for t in tokens) or tokens[-1].lower_ in DOCUMENT_NOUNS:
            return False
        if body_name(tokens) is not None:
            return False
        return True

    def _owned_name(self, tokens: list[Token]) -> bool:
        """Proper nouns after a body's possessive that name a person: a first name the
        article's people or the list of first names know, or a surname written after "Mr"."""
        doc = tokens[0].doc
        before = doc[tokens[0].i - 1] if tokens[0].i > 0 else None
        poss = [t for t in tokens if t.tag_ == "POS"] or ([before] if before is not None else [])
        after = [t for t in tokens if poss and poss[-1].tag_ == "POS" and t.i > poss[-1].i]
        if len(after) < 2 or not all(t.tag_ == "NNP" for t in after):
            return False
        first, last = after[0].text, after[-1].lower_
        return last in self.titled_surnames() or first_name_gender(first) is not None

    # -- rules --------------------------------------------------------------------------------

    def full_name(self, words: list[str], pos: int) -> str:
        """The fullest mention whose words contain ``words``: the latest such before ``pos``,
        else the latest such after it (of the longest ones)."""
        wanted = tuple(w.lower() for w in words)
        if not wanted:
            return ""
        if len(wanted) == 2 and _doer_before_surname(self._people_with, wanted):
            return self.full_name(words[1:], pos)  # "Matchwinner Keane": Robbie Keane
        index = self._full_names.get(wanted)
        if index is None:
            found = self._people_with.get(wanted[0], [])
            # "Charles" after "Prince Charles" is the prince, not "Charles Kennedy" (but
            # "Prince Saud" is "Prince Saud Al-Faisal")
            royal = [p for p in found if _royal(p)] if len(wanted) == 1 else []
            royal = royal if royal and all(len(p.words) == 1 for p in royal) else []
            titled = self.titled_surnames()
            if len(wanted) == 1 and wanted[0] in titled:
                # "Mr Howard" is not "Howard Flight", who is "Mr Flight" (but "Mr Kim" can be
                # "Kim Yungmin")
                found = [p for p in found if may_be_titled(p.words, wanted[0], titled)]
            index = self._full_names[wanted] = name_index(royal or found, wanted)
        starts, best_before, best_from = index
        k = bisect_left(starts, pos)
        if k > 0:
            return best_before[k - 1].name
        if k < len(starts):
            return best_from[k].name
        if len(wanted) == 1 and wanted[0] not in self.name_words.words:
            close = self.name_words.match(wanted[0])  # "said Daveport": Lindsay Davenport
            if close is not None and close != wanted[0]:
                return self.full_name([close], pos)
            missed = self._missed_full_names().get(wanted[0])
            if missed is not None:  # "the 101-year-old Torao Toshitsune", typed a place
                return missed
        return " ".join(words)

    def named(self, words: list[str], pos: int) -> str:
        """The :meth:`full_name` of a name; a one-word name no person of the article has in
        full is the body it stands for, by its initials ("the FAO report") or as the start of
        its name: "the Pew report" ("Pew" typed a person) is the Pew Research Center."""
        alias = self.bodies.alias(words[0]) if len(words) == 1 else None
        if alias is not None:  # "Segas said" after "the Greek Athletics Federation (Segas)"
            return alias
        if len(words) == 1 and words[0].lower() in GROUP_NOUNS | BUSINESS_NOUNS:
            body = self.bodies.starting_with(words[0], pos)  # "the Bank's minutes"
            if body is not None:
                return body
        name = self.full_name(words, pos)
        if name != words[0]:
            return name
        if name.isupper():  # "the FAO report": the Food & Agriculture Organisation
            return self.bodies.spelled_out(name, pos) or name
        return self.bodies.starting_with(name, pos) or name

    def document_author(self, noun: str, pos: int) -> str | None:
        """ "The report said" after "according to a World Bank report": the author named by
        the nearest mention of a document of that kind outside quotations, before ``pos``,
        else after it (the report an article opens with is the one it goes on quoting)."""
        found = self._document_authors.get(noun)
        if found is None:
            found = self._document_authors[noun] = []
            nouns = SAME_DOCUMENT.get(noun, (noun,))
            for token in self.doc:
                if token.lower_ in nouns and not self.quoted.contains(token.idx):
                    author = named_author(token)
                    if author:
                        found.append((token.idx, strip_titles([t.text for t in author])))
        if not found:
            return None
        before = [(start, words) for start, words in found if start < pos]
        start, words = before[-1] if before else found[0]
        return self.named(words, start) if words else None

    def _missed_full_names(self) -> dict[str, str]:
        """Full names the model missed as people, by surname (built once, on need)."""
        if self._missed is None:
            self._missed = missed_full_names(self.doc)
        return self._missed

    def _missed_person(self, word: str) -> str | None:
        """The full name the model missed ("Rio Ferdinand" typed a place) of a one-word name
        it typed a body ("said Ferdinand"); not the fuller name of a body ("Manchester
        United", typed one where written in full)."""
        full = self._missed_full_names().get(word.lower())
        if full is None or full.split()[-1] != word:  # "UK Independence Party MEP"
            return None
        if self._body_texts is None:
            self._body_texts = {e.text for e in self.ents.ents if e.label_ == "ORG"}
        return None if full in self._body_texts else full

    def is_source(self, mention: Span) -> bool:
        heads = [t for t in mention if t.tag_ in ("NN", "NNS")]
        return bool(heads) and heads[-1].lower_ in SOURCE_NOUNS

    def _described_person(self, ent: Span, words: list[str]) -> bool:
        return described_name(ent, words, self.name_words.words)

    def role_holder(self, pos: int) -> str | None:
        """ "The Planning Minister didn't rule out …" after "Planning Minister Julio De Vido
        has offered …": the person introduced with that role, not the latest person named."""
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None:
            return None
        head = span.root
        words = [
            (t.lower_, t.ent_type_ in _GROUP_ENTS)
            for t in self.doc[head.left_edge.i : head.i + 1]
            if t.lower_ not in DETERMINERS and not t.is_punct
        ]
        return by_role(self, words, pos) if len(words) > 1 else None
