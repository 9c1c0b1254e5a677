"""Descriptions as speakers: "the ministry", "the club", "the prime minister", "the makers"."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from annotator.nlp.authors import author
from annotator.nlp.lexicon import (
    BUSINESS_NOUNS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    GROUP_NOUNS,
    OCCUPATIONS,
    PUBLIC_BODIES,
    ROLE_NOUNS,
    SOURCE_NOUNS,
    SPEAKER_NOUNS,
)
from annotator.nlp.names import body_name, other_sex

if TYPE_CHECKING:
    from annotator.nlp.speakers import SpeakerResolver

_GROUP_ENTS = frozenset({"ORG", "NORP", "GPE", "FAC"})


def of_main_kind(tokens: list[Token]) -> bool:
    """ "the club", "the board", "the country's biggest producer": a description that can
    stand for the body the article is about ("the Brits committee" names its own)."""
    head = tokens[-1].lower_
    if head in PUBLIC_BODIES:
        return False
    return len(tokens) == 2 or head in BUSINESS_NOUNS


def of_discourse_kind(tokens: list[Token]) -> bool:
    """ "the company", "the panel": a description that can stand for the body the discourse
    is about; not "the police" (a body of its own) nor "the Brits committee" (named)."""
    head = tokens[-1].lower_
    return head in BUSINESS_NOUNS or (len(tokens) == 2 and head not in PUBLIC_BODIES)


def describe(resolver: SpeakerResolver, tokens: list[Token], mention: Span) -> str | None:
    """The speaker name of a description (see :mod:`annotator.nlp.speakers`); a description
    kept as its own name names the person its "his" or "her" stands for ("a spokesman for
    her lawyers": "a spokesman for X's lawyers")."""
    if _names_later(mention.root):  # "…, its co-chairman has said. Dr Liam Fox told …"
        named_next = resolver.named_after_lead(mention)
        if named_next is not None:
            return named_next
    name = _describe(resolver, tokens, mention)
    if name == mention.text and any(t.lower_ in ("his", "her") for t in tokens[1:]):
        return owned(resolver, tokens, mention.start_char)
    if name == mention.text and _names_later(mention.root):
        return resolver.named_after_lead(mention) or name
    return name


#: Heads of descriptions that stay unnamed: the news names no spokesman or source later.
_ANONYMOUS = frozenset(
    """source sources insider insiders official officials spokesman spokeswoman spokesperson
    person figure""".split()
)


def _names_later(head: Token) -> bool:
    """A description of one person that the story may name in its next sentences: "A PR
    expert has told the trial …" (then "Ann Kite told the court …"), "Scotland's first
    minister has said …", "A close associate of X"; not an anonymous source, not several
    people."""
    return head.tag_ == "NN" and head.lower_ not in _ANONYMOUS | GROUP_NOUNS | BUSINESS_NOUNS


def owned(resolver: SpeakerResolver, tokens: list[Token], pos: int) -> str:
    """The description at ``pos`` with "his"/"her" written as the name of the person it
    stands for (a person named before the description, never the description itself)."""
    out = []
    for t in tokens:
        owner = resolver.salient_for(t, True) if t.lower_ in ("his", "her") else None
        if owner is not None and unnamed_source(owner):
            owner = resolver.salient_person(pos, named)
        out.append((f"{owner}'s" if owner else t.text) + t.whitespace_)
    return "".join(out).strip()


def _party_speaker(resolver: SpeakerResolver, tokens: list[Token], pos: int) -> str | None:
    """ "The Tory spokesman" with no unnamed source before it: the party's named speaker the
    discourse is about ("Mr Ancram said …, he asked. The Tory spokesman also criticised …"),
    when that person spoke in this sentence or the three before it."""
    if len(tokens) != 3 or tokens[1].ent_type_ not in _GROUP_ENTS:
        return None
    for event in resolver.events_before(pos, False):
        if not event.person:
            continue
        recent = resolver.sentences_between(event.pos, pos) <= 3
        return event.name if recent and not unnamed_source(event.name) else None
    return None


def _describe(resolver: SpeakerResolver, tokens: list[Token], mention: Span) -> str | None:
    if tokens[-1].lower_ in DOCUMENT_NOUNS:
        if tokens[-1].lower_ in BUSINESS_NOUNS and tokens[0].lower_ == "the":
            # "the paper says" after "Spanish daily ABC accuses …": the newspaper, not a
            # document whose author is whoever spoke last
            body = resolver.bodies.by_head(tokens[-1].text, mention.start_char)
            body = body or resolver.salient_body(mention.start_char)
            if body is not None:
                return body
        return author(resolver, tokens, mention)
    bare = tokens[0]
    if len(tokens) == 1 and not bare.ent_type_ and bare.tag_.startswith("NN") and bare.is_title:
        singular = bare.lower_[:-1] if bare.tag_ == "NNS" else bare.lower_  # "Judges said"
        if {bare.lower_, singular}.isdisjoint(SPEAKER_NOUNS):
            # "Emails", "Thanks": a capitalised word, not a speaker; but "Napster claims" is
            # a name the article writes capitalised inside its sentences too
            return bare.text if resolver.capitalised_inside(bare) else None
    definite = (
        tokens[0].lower_ in ("the", "this", "that", "these", "those") or tokens[0].tag_ == "PRP$"
    )
    words = [
        (t.lower_, t.ent_type_ in _GROUP_ENTS)
        for t in tokens
        if t.lower_ not in DETERMINERS and t.tag_ != "PRP$"  # "our correspondent"
    ]
    words = [w for w in words if w[0] not in ("'s", "’s", ",")]
    pos = mention.start_char
    if resolver.is_source(mention):
        if tokens[0].lower_ in ("one", "another"):
            return mention.text  # "smiles one broker" after "One leading Karachi broker said"
        fuller = resolver.source_index.fullest(tokens, pos)  # "a spokeswoman": "the BBC …"
        if fuller is not None:
            return fuller
        if definite:
            last = resolver.last_source
            last = None if last and other_sex(tokens[-1].lower_, last) else last
            earlier = resolver.earlier_source(tokens[-1], pos) or last
            return earlier or _party_speaker(resolver, tokens, pos) or mention.text
        return mention.text
    if definite and len(tokens) == 2:  # "the magazine" after "Broadcast magazine said"
        kind = resolver.named_kind(tokens[-1], pos)
        if kind is not None:
            return kind
    # "the judges": the last speakers named (not "the former commissioner for human rights",
    # one person whatever noun the phrase ends on)
    if definite and tokens[-1].tag_ == "NNS" and mention.root.tag_ != "NN":
        joined = next(
            (e.name for e in resolver.events_before(pos, False) if " and " in e.name), None
        )
        if joined is not None:
            return joined
        plural = tokens[-1].lower_
        singular = plural[:-3] + "y" if plural.endswith("ies") else plural[:-1]
        if singular in BUSINESS_NOUNS:  # "the firms" after "firms Sony, Philips and Samsung"
            listed = resolver.bodies.listed_before(pos)
            if listed is not None:
                return listed
        if tokens[-1].lower_ not in GROUP_NOUNS | BUSINESS_NOUNS:
            return mention.text  # "the makers": several, never one person named before
    head = tokens[-1].lower_
    if definite and head in GROUP_NOUNS | BUSINESS_NOUNS:  # "the ministry": the body named
        names = tokens[1:-1]
        if names and all(t.ent_type_ == "ORG" for t in names):
            # "the China Daily newspaper": the name it gives, not a body named before
            return " ".join(t.text for t in names)
        return (
            resolver.bodies.by_head(tokens[-1].text, pos)
            or (resolver.salient_body(pos) if of_discourse_kind(tokens) else None)
            or (resolver.main_body() if of_main_kind(tokens) else None)
            or mention.text
        )
    if len(tokens) == 1 and tokens[0].lower_ in _NOBODY:
        return None  # "someone tells", "anyone would think": nobody in particular
    if tokens[0].lower_ in ("a", "an") and head in GROUP_NOUNS:  # not "one civil service union"
        # "an all-party committee said …" before "said the Constitutional Affairs Select
        # Committee": the body of that kind the article names
        body = _named_of_kind(resolver, tokens[-1], pos, forward=True)
        if body is not None:
            return body
    if not definite or tokens[-1].lower_ in GROUP_NOUNS:
        return mention.text
    if len(tokens) == 2:  # "the alliance" after "the Countryside Alliance": the body named
        body = _named_of_kind(resolver, tokens[-1], pos)
        if body is not None:
            return body
    person = by_role(resolver, words, mention.start_char)
    if person is not None:
        return person
    if len(tokens) == 2 and head in _SOVEREIGNS:
        return mention.text  # "the Queen" no one was introduced as: herself, not the latest
    body = body_name(tokens)
    if body is not None:
        return body
    person = resolver.salient_person(pos, named) or resolver.last_person_before(pos, fits=named)
    unroled = head in _OFFICES and person is not None and not introduced_roles(resolver, person)
    if person is not None and not other_occupation(resolver, head, person) and not unroled:
        return person
    if person is not None or head in ROLE_NOUNS:
        return mention.text  # "the judge" after "Rock singer X": nobody named
    return resolver.salient_body(pos) or mention.text


def _named_of_kind(
    resolver: SpeakerResolver, head: Token, pos: int, forward: bool = False
) -> str | None:
    """The body :meth:`Bodies.by_head` finds for a description's head noun, when its name ends
    in that noun ("the alliance": the Countryside Alliance)."""
    body = resolver.bodies.by_head(head.text, pos, forward)
    return body if body is not None and body.lower().endswith(f" {head.lower_}") else None


#: Roles of one person in the world, named by the role alone ("the Queen said").
_SOVEREIGNS = frozenset("queen king pope".split())
#: Indefinite pronouns tagged as nouns: no speaker.
_NOBODY = frozenset("someone somebody anyone anybody everyone everybody no-one nobody".split())


def unnamed_source(name: str) -> bool:
    """ "a spokesman", "Tony Blair's official spokesman": a name given to an unnamed source."""
    words = name.split()
    return words[-1].lower() in SOURCE_NOUNS or words[0].lower() in DETERMINERS


def named(name: str) -> bool:
    """A person's name, not one given to an unnamed source: a description of a person ("the
    prime minister") never stands for "his official spokesman"."""
    return not unnamed_source(name)


#: Offices the article must give someone before a description of the office is they: "the
#: sentencing judge" is not the defendant the story is about.
_OFFICES = frozenset("judge magistrate coroner sheriff".split())

#: Occupations of a team's players, any of whom can be its captain.
_PLAYERS = frozenset("striker midfielder defender goalkeeper winger player".split())


def other_occupation(resolver: SpeakerResolver, head: str, name: str) -> bool:
    """A role ("the judge") cannot stand for someone the article introduced only with an
    occupation of another kind ("Rock singer X")."""
    if head not in ROLE_NOUNS:
        return False
    roles = introduced_roles(resolver, name)
    if head == "captain" and roles & _PLAYERS:
        return False  # "Real Madrid midfielder David Beckham" is "the England captain"
    return bool(roles) and head not in roles and roles <= OCCUPATIONS


def introduced_roles(resolver: SpeakerResolver, name: str) -> set[str]:
    """Head nouns of the roles the person ``name`` was introduced with ("singer"), found for
    every person once per document."""
    if resolver.role_heads is None:
        resolver.role_heads = {}
        for p in resolver.people:
            if p.role:
                full = resolver.full_name(list(p.words), p.start)
                resolver.role_heads.setdefault(full, set()).add(p.role[-1][0])
    return resolver.role_heads.get(name, set())


def coordinated(resolver: SpeakerResolver, mention: Span, tokens: list[Token]) -> str | None:
    """Two speakers joined by "and", each a name: "Lord Justice X and Mr Justice Y" is
    "X and Y", "the Tories and Lib Dems" is "Tories and Lib Dems"."""
    ands = [t for t in tokens if t.lower_ == "and"]
    if len(ands) != 1 or not (tokens[0].i < ands[0].i < tokens[-1].i):
        return None
    doc = mention.doc
    left, right = doc[mention.start : ands[0].i], doc[ands[0].i + 1 : mention.end]
    for part in (left, right):  # each part a name: "the Tories", "Mr Justice Y"
        within = resolver.ents.within(part.start, part.end)
        if not within or within[-1].end != part.end or resolver.is_source(part):
            return None
    names = [resolver.resolve(left), resolver.resolve(right)]
    if not all(names):
        return None
    return f"{names[0]} and {names[1]}"


def by_role(resolver: SpeakerResolver, words: list[tuple[str, bool]], pos: int) -> str | None:
    """The latest earlier person introduced with this role (extra words: proper adjectives),
    else the first later one: "The home secretary said …" before "Home Secretary X told …"."""
    wanted = {w for w, _ in words}
    if not wanted:
        return None
    candidates = resolver.people_by_role.get(words[-1][0], [])
    k = bisect_left(candidates, pos, key=lambda c: c.start)
    for p in [*reversed(candidates[:k]), *candidates[k:]]:
        have = {w for w, _ in p.role}
        extra = [w for w, cap in p.role if w not in wanted and not cap]
        if wanted <= have and not extra and words[-1][0] == (p.role[-1][0] if p.role else ""):
            return resolver.full_name(list(p.words), p.start)
    return None
