"""The discourse of one document: who spoke or was the subject where, and who a pronoun is.

:class:`Discourse` is the part of :class:`annotator.nlp.speakers.SpeakerResolver` that keeps
the events of the discourse in text order (speakers of quotations, subjects of speech verbs
outside them, main-clause subjects, see :mod:`annotator.nlp.salience`) and answers from them:
the salient person of a gender for a pronoun, the salient body for "it" or "the company", the
last person named. Descriptions that spoke ("The coach also claims he …") are named lazily, in
text order, once every earlier speaker is known.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from annotator.nlp.attribution import mention_span, subject_of
from annotator.nlp.cues import definite_body, is_according, is_cue, quoted_as_saying
from annotator.nlp.first_names import first_name_gender
from annotator.nlp.grammar import (
    name_after_verb,
    name_before_dash,
    name_before_verb,
    named_compound,
    plural_verb,
    source_in_subtree,
    takes_plural_verb,
    trailing_appositive,
)
from annotator.nlp.lexicon import CLUB_WORDS, CLUBS, GROUP_NOUNS, ROLE_NOUNS, SOURCE_NOUNS
from annotator.nlp.names import Bodies, NameWords, Person, clean_words
from annotator.nlp.salience import (
    PRONOUN_GENDER,
    Event,
    agrees,
    corporate_names,
    described_person,
    description_gender,
    fronted_topics,
    is_named,
    known_name,
    main_subjects,
    name_before_title,
    title_key,
    work_titles,
)
from annotator.nlp.spans import EntityIndex, SpanSet

#: A test a candidate name must pass (None: any name will do).
Fits = Callable[[str], bool] | None


def _came_as(verb: Token) -> bool:
    """ "His comments came as President Bush said …": the clause the news is about, a later
    "he"'s speaker, though subordinate."""
    head = verb.head
    return (
        verb.dep_ == "advcl"
        and head.dep_ == "ROOT"
        and head.lower_ in ("come", "comes", "came", "coming")
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    )


def _plural_source(name: str) -> bool:
    """ "Critics", "Government sources": a description of several unnamed people."""
    word = name.rsplit(" ", 1)[-1].lower()
    if word in ("people", "spokespeople"):  # "many people thought …": never a "he"
        return True
    return word in SOURCE_NOUNS and word.endswith("s") and not word.endswith("ss")


def _plural_body(token: Token) -> bool:
    """ "The Conservatives say …": a party or group by its plural name (not "The British
    Chambers of Commerce", a body)."""
    return token.tag_ == "NNPS" and token.ent_type_ == "NORP"


def _plural_role(token: Token) -> bool:
    """ "Ministers deny they …": several holders of a role, a later "they"."""
    return token.tag_ == "NNS" and token.lower_[:-1] in ROLE_NOUNS and not token.ent_type_


def _one_name(name: str) -> bool:
    """A surname alone ("Federer"), not a firm's name of several words nor a role ("MEP")."""
    return " " not in name and name[:1].isupper() and name.lower() not in ROLE_NOUNS


def _a_club(name: str) -> bool:
    """ "Aston Villa", "Crystal Palace": a club's name of two words, not a person's."""
    words = name.lower().split()
    return len(words) == 2 and (words[-1] in CLUB_WORDS or name.lower() in CLUBS)


def _body_by_kind(name: str) -> bool:
    """A name that says it is a body: "Islamic Human Rights Commission", "Labour Party"."""
    words = name.split()  # not "A spokesman for the Information Commissioner's Office"
    if len(words) < 2 or not all(w[:1].isupper() or w in ("of", "for", "and") for w in words):
        return False
    return words[-1].lower() in GROUP_NOUNS


def _between(events: list[Event], positions: list[int], lo: int, hi: int | None) -> list[Event]:
    """The events at ``lo`` or after and before ``hi`` (to the end when None), by bisection
    of their sorted ``positions``."""
    end = len(positions) if hi is None else bisect_left(positions, hi)
    return events[bisect_left(positions, lo) : end]


class Discourse:
    """Discourse events and salience; mixed into the speaker resolver, which names things."""

    doc: Doc
    quoted: SpanSet
    ents: EntityIndex
    people: list[Person]
    genders: dict[str, str | None]
    full_genders: dict[str, str]
    shared_surnames: dict[str, set[str]]
    name_words: NameWords
    _people_starts: list[int]
    _people_with: dict[str, list[Person]]
    _mostly_bodies: set[str]
    _corporate: frozenset[str] | None
    _surnames: frozenset[str] | None
    bodies: Bodies

    def corporate(self, name: str, whole: bool = False) -> bool:
        """A name of a body, by what it owns or a word for a firm before it
        (:func:`corporate_names`): any word of it, or with ``whole`` every word."""
        if self._corporate is None:
            self._corporate = corporate_names(self.doc, self.quoted)
        found = [w in self._corporate for w in name.lower().split()]
        return all(found) if whole else any(found)

    def _mistyped_person(self, name: str) -> bool:
        """A name the model only ever typed as a body ("Juninho" as ORG) that a pronoun shows
        is a person ("Juninho wants assurances that he will …", :func:`pronoun_genders`)."""
        return not self._typed_person(name) and self.gender(name) is not None

    def _start_discourse(self) -> None:
        self._surnames = None
        self._corporate = None
        #: Every attribution so far, and the speech verbs with a named subject outside
        #: quotations (see :meth:`add_event`), in text order; ``_history_pos`` their positions.
        self.history: list[Event] = []
        self._history_pos: list[int] = []
        self._subjects: list[Event] | None = None
        self._subject_pos: list[int] = []
        self._sent_starts: list[int] | None = None
        self._lead: int | None = None
        self._works: frozenset[str] | None = None
        #: Descriptions that spoke, in text order, not named yet (:meth:`add_described_event`).
        self._pending: deque[Span] = deque()
        #: Who each description among the main subjects stands for, by position (on need).
        self._described_names: dict[int, str | None] = {}
        #: Bodies that spoke under a plural name ("The Conservatives say"): a "they".
        self._plural_bodies: set[str] = set()
        #: Capitalised words of the quotation being attributed: a pronoun that says it is not
        #: one of the people it names ("I've had more than a quiet word with Olof").
        self.named_inside: frozenset[str] = frozenset()

    # The naming side, given by the resolver.
    def resolve(self, mention: Span) -> str | None:
        raise NotImplementedError

    def full_name(self, words: list[str], pos: int) -> str:
        raise NotImplementedError

    def _described_person(self, ent: Span, words: list[str]) -> bool:
        raise NotImplementedError

    def note_source(self, mention: Span, name: str) -> None:
        raise NotImplementedError

    def record_speech(self, cues: frozenset[str]) -> None:
        """Subjects of speech verbs outside quotations: named ("Mr Hain told the BBC …", "The
        head of the panel, Jo Bloggs, said …"), sources ("a BT spokesman said") and definite
        descriptions of a person ("The veteran striker claims he …", named in text order)."""
        doc = self.doc
        for token in doc:
            if self._source_subject(token, cues):
                continue
            if token.lower_ not in cues or not is_cue(token, cues):
                continue
            # "The answer, says Prof Brewer, is wi-fi": a parenthetical cue speaks too
            main = token.dep_ in ("ROOT", "parataxis") or _came_as(token)
            if not main and not (token.dep_ == "conj" and token.head.dep_ == "ROOT"):
                continue  # a subordinate clause ("when Mr Johnson had announced …")
            if self.quoted.contains(token.idx):
                continue
            # "According to Mandaric, Redknapp vowed he would …": reported speech, from Mandaric;
            # not "According to Mr Peston the prime minister said: “…”", a quotation of the PM
            quoting = any(t.is_quote or t.text == ":" for t in token.rights)
            according = [c for c in token.children if is_according(c)] if not quoting else []
            subj = subject_of(according[0] if according else token, cues)
            quoted = quoted_as_saying(token)
            subj = quoted[1] if quoted is not None else subj  # "X quoted Mr Y telling …"
            inverted = name_after_verb(token)  # "The problem, said Jo Bloggs, is …"
            subj = inverted if inverted is not None else subj
            subj = subj if subj is not None else name_before_verb(token)
            if subj is None:
                continue
            subj = name_before_dash(subj) or subj  # "X - the club's largest investor - said"
            if subj.dep_ == "nsubjpass" and any(c.dep_ == "xcomp" for c in token.children):
                continue  # "X is said to have been …": spoken about, not speaking
            subj = name_before_title(subj, self.ents)  # "Frank Field MP criticised …"
            compound = named_compound(subj)
            subj = compound or subj
            named = (
                compound is not None or is_named(subj) or known_name(subj, self.name_words.words)
            )
            named = named or any(c.dep_ == "appos" and is_named(c) for c in subj.children)
            named = named or trailing_appositive(subj) is not None
            described = not named and described_person(subj)
            # "The US government denied …, saying …": the body a later "it" stands for
            plural = not named and not described and (_plural_body(subj) or _plural_role(subj))
            body = plural or (not named and not described and definite_body(subj))
            if not named and not described and not body and source_in_subtree(subj) is None:
                continue
            start, end = mention_span(subj, self.ents.of)
            mention = doc.char_span(start, end, alignment_mode="expand")
            if mention is not None and described:
                self.add_described_event(mention)  # named in turn, see the resolver
            elif mention is not None:
                name = self.resolve(mention)
                if name:  # "described as … by the Islamic Human Rights Commission": a body
                    person = not body and not _body_by_kind(name) and not plural_verb(subj)
                    self.add_event(start, name, person)
                    if plural:
                        self._plural_bodies.add(name)  # a "they", never an "it"
                    self.note_source(mention, name)

    def _source_subject(self, token: Token, cues: frozenset[str]) -> bool:
        """An unnamed source as the subject of a main clause that is no speech ("The prime
        minister's spokesman declined to comment. He said: …"): a later pronoun's referent."""
        verb = token.head
        if token.dep_ != "nsubj" or verb.dep_ != "ROOT" or verb.lower_ in cues:
            return False
        if self.quoted.contains(token.idx) or is_named(token) or source_in_subtree(token) is None:
            return False
        start, end = mention_span(token, self.ents.of)
        mention = self.doc.char_span(start, end, alignment_mode="expand")
        if mention is not None:
            self._pending.append(mention)
        return True

    def add_event(self, pos: int, name: str, is_person: bool, embedded: bool = False) -> None:
        """A named subject of a speech verb at ``pos``, quoted or not: later pronouns see it."""
        k = bisect_right(self._history_pos, pos)
        self._history_pos.insert(k, pos)
        sentence = self._sentence_at(pos)
        event = Event(pos, name, is_person, True, sentence, embedded=embedded)
        self.history.insert(k, event)

    def add_described_event(self, mention: Span) -> None:
        """A speech verb whose subject describes a person ("The veteran striker claims …"):
        named, like a quotation's speaker, only once every earlier speaker is known."""
        self._pending.append(mention)

    def _name_pending(self, pos: int) -> None:
        while self._pending and self._pending[0].start_char < pos:
            mention = self._pending.popleft()
            name = self.resolve(mention)
            if name:
                self.add_event(mention.start_char, name, True)

    def gender(self, name: str | None) -> str | None:
        """The gender of a resolved name, when the article shows it."""
        if not name:
            return None
        words = name.split()
        surname = words[-1].lower()
        if len(self.shared_surnames.get(surname, ())) > 1:  # a family: by the full name only
            found = self.full_genders.get(name.lower())
        else:
            found = self.genders.get(surname)
        if found is None and len(words) > 1:
            # "Fergus Hale", whatever the model typed; "The Trafford Centre spokeswoman"
            return first_name_gender(words[0]) or description_gender(words)
        return found

    def subjects(self) -> list[Event]:
        """Main-clause subjects (and relative "who") outside quotations, built once."""
        if self._subjects is None:
            self._subjects = []
            known = frozenset(self.name_words.words)
            found = main_subjects(self.doc, self.quoted, self.ents, known)
            found += fronted_topics(self.doc, self.quoted, self.ents)
            for subj in sorted(found, key=lambda subj: subj.pos):
                if subj.speech and subj.person and not subj.relative:
                    continue  # people who speak are in the history already (not a "who")
                described = subj.person and self._described_person(
                    subj.span, clean_words(subj.span)
                )  # "the 25-year-old Scouser": the last person who spoke
                if subj.person:
                    words = clean_words(subj.span)
                    name = self.full_name(words, subj.pos) if words else None
                else:  # "The BPI believes …": the British Phonographic Industry
                    name = " ".join(clean_words(subj.span)) or subj.span.text
                    name = self.bodies.spelled_out(name, subj.pos) or name
                if name:
                    self._subjects.append(
                        Event(
                            subj.pos,
                            name,
                            subj.person,
                            subj.speech,
                            subj.sentence,
                            subj.relative,
                            described=described,
                        )
                    )
            self._subject_pos = [e.pos for e in self._subjects]
        return self._subjects

    def events_before(self, pos: int, subjects: bool) -> Iterator[Event]:
        """Speakers (and main subjects when ``subjects``) before ``pos``, the latest first.

        At the same position a subject comes before a speaker.
        """
        self._name_pending(pos)
        for e in self._events_before(pos, subjects):
            if not self._not_a_person(e.name) or not e.person:
                yield e  # not "Wasp" for "she explains" after "Arnold's gritty drama Wasp"

    def _not_a_person(self, name: str) -> bool:
        """A work's title or a club's name (:func:`_a_club`), whatever the model typed it."""
        return self._a_work(name) or _a_club(name)

    def _a_work(self, name: str) -> bool:
        """A name the article gives a film, a song or a show (:func:`work_titles`)."""
        if self._works is None:
            self._works = work_titles(self.doc, self.ents)
        return bool(self._works) and title_key(name) in self._works

    def _events_before(self, pos: int, subjects: bool) -> Iterator[Event]:
        subs = self.subjects() if subjects else []
        h = bisect_left(self._history_pos, pos) - 1
        s = bisect_left(self._subject_pos, pos) - 1 if subjects else -1
        while h >= 0 or s >= 0:
            if s >= 0 and (h < 0 or subs[s].pos >= self.history[h].pos):
                e = subs[s]
                s -= 1
                if e.described:  # "the American": the person the discourse is about then
                    if e.pos not in self._described_names:
                        self._described_names[e.pos] = self.role_holder(
                            e.pos
                        ) or self.salient_person(e.pos)
                    name = self._described_names[e.pos]
                    if name is None:
                        continue
                    e = replace(e, name=name)
                elif not e.person and _one_name(e.name) and self._mistyped_person(e.name):
                    e = replace(e, person=True)  # "Federer admitted he …", typed a body
                elif e.person and not e.speech and self._untyped_word(e):
                    continue  # "Sale host Bath in the cup": a place, no person nor body
                yield e
            else:
                e = self.history[h]
                h -= 1
                if not e.person and self._mistyped_person(e.name):
                    e = replace(e, person=True)
                yield e

    def role_holder(self, pos: int) -> str | None:
        """The person introduced with the role a described subject at ``pos`` names (see
        :class:`annotator.nlp.speakers.SpeakerResolver`); none here."""
        return None

    def _starts(self) -> list[int]:
        """Start of every sentence, built once."""
        if self._sent_starts is None:
            self._sent_starts = [sent.start_char for sent in self.doc.sents]
        return self._sent_starts

    def _sentence_at(self, pos: int) -> int:
        """Start of the sentence holding ``pos``."""
        starts = self._starts()
        k = bisect_right(starts, pos) - 1
        return starts[k] if k >= 0 else 0

    def introduced_for(self, pronoun: Token) -> str | None:
        """The person a pronoun opening its sentence refers to when the sentence before
        introduced them, named for the first time with a role, and no other person was its
        subject or spoke in it: "One dissenting opinion came from Jo Bloggs, an analyst at
        Gartner. He said: …" is Jo Bloggs, not whoever spoke before."""
        sent = pronoun.sent
        if pronoun.dep_ != "nsubj" or pronoun.i - sent.start > 2 or sent.start == 0:
            return None
        before = self.doc[sent.start - 1].sent
        lo, hi = before.start_char, sent.start_char
        starts = self._people_starts
        found = self.people[bisect_left(starts, lo) : bisect_left(starts, hi)]
        found = [p for p in found if p.role and not self.quoted.contains(p.start)]
        first = [p for p in found if self._first_with(p.words[-1].lower(), p.start)]
        first = [p for p in first if self._set_off(p)]
        if len(first) != 1 or any(is_named(t) for t in before if t.dep_ == "nsubj"):
            return None
        name = self.full_name(list(first[0].words), first[0].start)
        gender = PRONOUN_GENDER.get(pronoun.lower_)
        if not agrees(gender, self.gender(name)):
            return None
        events = _between(self.history, self._history_pos, lo, hi)
        subjects = _between(self.subjects(), self._subject_pos, lo, hi)
        if any(e.person and e.name != name for e in events + subjects):
            return None
        return name

    def _first_with(self, word: str, start: int) -> bool:
        """Is the person named at ``start`` the first one the article names with ``word``?"""
        people = self._people_with.get(word, [])
        return bool(people) and people[0].start == start

    def _set_off(self, person: Person) -> bool:
        """Is the person's name followed by a comma (a role in apposition)?"""
        span = self.doc.char_span(person.start, person.start + 1, alignment_mode="expand")
        ent = self.ents.of.get(span.start) if span is not None else None
        return ent is not None and ent.end < len(self.doc) and self.doc[ent.end].text == ","

    def sentences_between(self, start: int, end: int) -> int:
        """How many sentence starts lie after ``start`` and at or before ``end``."""
        starts = self._starts()
        return bisect_right(starts, end) - bisect_right(starts, start)

    def salient_for(self, pronoun: Token, person: bool) -> str | None:
        """The latest speaker or main-clause subject before ``pronoun`` that it can refer to.

        Gender must agree; "it" looks for a body first; a subject in the pronoun's own sentence
        counts only when it is a speaker (see :func:`_sentence_subject_before`); the person a
        relative "who" is about gives way to an agreeing main subject of its sentence.
        """
        pos = pronoun.idx
        gender = PRONOUN_GENDER.get(pronoun.lower_)
        sent_start = pronoun.sent.start_char
        body = pronoun.lower_ in ("it", "its")  # "Its guidelines say": the body's
        with_subjects = person or body
        if body:
            for e in self.events_before(pos, with_subjects):
                a_body = not e.person or self.corporate(e.name)  # "housebuilder George Wimpey"
                if a_body and e.name not in self._plural_bodies:
                    return e.name
        relative: Event | None = None
        plural = pronoun.lower_ in ("they", "them", "their")
        for e in self.events_before(pos, with_subjects):
            if (person and not e.person) or (not plural and e.name in self._plural_bodies):
                continue
            if e.pos >= sent_start and not e.speech:
                continue
            if person and not agrees(gender, self.gender(e.name)):
                continue
            if person and self.named_inside and self.named_inside & set(e.name.split()):
                continue
            if gender is not None and (_plural_source(e.name) or self.corporate(e.name)):
                continue  # "he" is never "Critics", nor "Aston Martin" typed as a person
            place = " " not in e.name and e.name.lower() in self._mostly_bodies
            if gender is not None and not e.speech and place:
                continue  # "… rejected the contention England dominated": a team, not "he"
            if (e.relative or e.embedded) and relative is None:
                relative = e  # a "who": it gives way to a main subject of its sentence
                continue
            if relative is not None and e.sentence != relative.sentence:
                if self._pronoun_subject_before(relative, gender):
                    return e.name  # "He sees Owen as the replacement for Alan Shearer, who …"
                return self._giving_way(relative, gender)
            return e.name
        return self._giving_way(relative, gender) if relative is not None else None

    def _pronoun_subject_before(self, event: Event, gender: str | None) -> bool:
        """Is the main subject of the relative ``event``'s sentence an agreeing "he" or "she"
        before it? Then the sentence is about whoever that pronoun is, not the one "who"
        describes."""
        span = self.doc.char_span(event.pos, event.pos + 1, alignment_mode="expand")
        if span is None or gender is None:
            return False
        root = span[0].sent.root
        return any(
            c.dep_ == "nsubj" and PRONOUN_GENDER.get(c.lower_) == gender and c.idx < event.pos
            for c in root.children
        )

    def _giving_way(self, event: Event, gender: str | None) -> str:
        """An embedded speaker with no event before it in its sentence gives way to a named
        subject earlier in that sentence: "But Mr X denied Mr Y, his deputy, said the plans
        "stink"" (parsed with Y saying) is still about X."""
        if not event.embedded:
            return event.name
        span = self.doc.char_span(event.sentence, event.pos, alignment_mode="expand")
        for t in span if span is not None else ():
            if t.dep_ == "nsubj" and is_named(t) and not self.quoted.contains(t.idx):
                name = self.resolve(self.ents.around(t))
                if name and agrees(gender, self.gender(name)):
                    return name
        return event.name

    def named_after_lead(self, mention: Span) -> str | None:
        """The person the story names right after a lead that only describes them.

        A news story's first sentence often says who spoke by role ("A PR expert has told the
        trial …", "The prime minister has defended …") and names them within the next two
        sentences, as a main-clause subject or a speaker ("Ann Kite told the court …"). Only
        for a description in the lead, the first sentence after the headline; a person whose
        name is part of the description ("an ally of Mr X") is someone else.
        """
        starts = self._starts()
        k = bisect_right(starts, mention.start_char) - 1
        if k < 0 or starts[k] != self._lead_start():
            return None
        if k + 1 >= len(starts):
            return None
        lo, hi = starts[k + 1], starts[k + 3] if k + 3 < len(starts) else None
        own = {t.lower_ for t in mention}
        subjects = self.subjects()
        window = [
            *_between(subjects, self._subject_pos, lo, hi),
            *_between(self.history, self._history_pos, lo, hi),
        ]
        later = [e for e in window if e.person and not e.described]
        for e in sorted(later, key=lambda e: e.pos):
            if own & set(e.name.lower().split()) or not self._typed_person(e.name):
                return None
            span = self.doc.char_span(e.pos, e.pos + 1, alignment_mode="expand")
            ent = self.ents.of.get(span.root.i) if span is not None else None
            if ent is not None and ent.start > 0 and self.doc[ent.start - 1].lower_ == "the":
                return None  # "The Da Vinci Code claims …": a title the model took for a name
            return e.name
        return None

    def _untyped_word(self, e: Event) -> bool:
        """A one-word subject the model typed nothing, nowhere a person nor of a gender, that
        the sentence shows is no name of a person: after a common noun ("Sale host Bath"),
        with "of" ("Use of games in schools"), or with a plural verb ("Leicester, who signed
        White, have also been aided"; for a "who", the name it hangs on)."""
        span = self.doc.char_span(e.pos, e.pos + 1, alignment_mode="expand")
        if span is None or span.root.ent_type_ or not _one_name(e.name):
            return False
        if self._typed_person(e.name) or self.gender(e.name) is not None:
            return False
        token = span.root
        if e.relative and token.head.dep_ == "relcl":
            token = token.head.head
        if token.lower_ != e.name.lower():
            return False
        return (
            any(c.dep_ == "compound" and c.tag_ in ("NN", "NNS") for c in token.children)
            or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
            or takes_plural_verb(token)
        )

    def _typed_person(self, name: str) -> bool:
        """A name the model typed as a person somewhere in the document."""
        if self._surnames is None:
            self._surnames = frozenset(p.words[-1].lower() for p in self.people)
        return name.rsplit(" ", 1)[-1].lower() in self._surnames

    def _lead_start(self) -> int:
        """Start of the story's first sentence after the headline (the first line), found
        once: reading ``doc.text`` rebuilds the whole text."""
        if self._lead is not None:
            return self._lead
        text = self.doc.text
        line = text.find("\n")
        starts = self._starts()
        if line < 0:
            self._lead = starts[0] if starts else 0
            return self._lead
        k = bisect_left(starts, line)
        while k < len(starts) and not text[starts[k] : starts[k] + 1].strip():
            k += 1
        self._lead = starts[k] if k < len(starts) else -1
        return self._lead

    def salient(self, pos: int, person: bool) -> str | None:
        """The last speaker before ``pos`` (a person when ``person``)."""
        for e in self.events_before(pos, False):
            if e.person or not person:
                return e.name
        return None

    def last_person_before(
        self, pos: int, gender: str | None = None, forward: bool = False, fits: Fits = None
    ) -> str | None:
        """The last person named before ``pos`` outside quotations, of ``gender`` if known
        (and that ``fits``, when given).

        ``forward`` (for a pronoun): failing that, the first one named after it.
        """
        k = bisect_left(self._people_starts, pos)
        for i in range(k - 1, -1, -1):
            p = self.people[i]
            if self.quoted.contains(p.start):
                continue
            name = self.full_name(list(p.words), p.start)
            if self._not_a_person(name):
                continue
            if agrees(gender, self.gender(name)) and (fits is None or fits(name)):
                return name
        if not forward:
            return None
        for i in range(bisect_right(self._people_starts, pos), len(self.people)):
            p = self.people[i]  # "He called it … Tony Blair": named later
            if not self.quoted.contains(p.start):
                name = self.full_name(list(p.words), p.start)
                if agrees(gender, self.gender(name)):
                    return name
        return None

    def salient_body(self, pos: int) -> str | None:
        """The body the discourse is about at ``pos``: the latest speaker or main-clause
        subject that is no person ("The company said" after "UK Coal reported …")."""
        for e in self.events_before(pos, True):
            misspelt = self.bodies.misspelt(e.name, self._mostly_bodies)
            if misspelt is not None:  # "AztraZeneca has appointed …" after "AstraZeneca"
                return misspelt
            if e.name.lower() in self._mostly_bodies or self.corporate(e.name, whole=True):
                return e.name  # or "Bookmaker William Hill has stopped …", typed a person
        return None

    def salient_person(self, pos: int, fits: Fits = None) -> str | None:
        """The person the discourse is about at ``pos``: the latest speaker or main-clause
        subject who is a person ("the American" after "World number one X has …") and
        ``fits``, when given."""
        relative: Event | None = None
        for e in self.events_before(pos, True):
            if e.person and (e.speech or e.name.lower() not in self._mostly_bodies):
                if fits is None or fits(e.name):
                    if e.relative and relative is None:
                        relative = e  # "X finished ahead of Y, who …": X, the main subject
                        continue
                    if relative is not None and e.sentence != relative.sentence:
                        return relative.name
                    return e.name
        return relative.name if relative is not None else None
