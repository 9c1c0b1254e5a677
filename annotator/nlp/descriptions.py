"""Descriptions as speakers: "the ministry", "the club", "the prime minister", "the makers"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from annotator.nlp.authors import author
from annotator.nlp.lexicon import (
    BUSINESS_NOUNS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    GROUP_NOUNS,
    PUBLIC_BODIES,
    ROLE_NOUNS,
    SOURCE_NOUNS,
)
from annotator.nlp.names import body_name

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


def describe(resolver: SpeakerResolver, tokens: list[Token], mention: Span) -> str | None:
    """The speaker name of a description (see :mod:`annotator.nlp.speakers`)."""
    if tokens[-1].lower_ in DOCUMENT_NOUNS:
        return author(resolver, tokens, mention)
    bare = tokens[0]
    if len(tokens) == 1 and not bare.ent_type_ and bare.tag_.startswith("NN"):
        if bare.lower_ not in SOURCE_NOUNS | GROUP_NOUNS | ROLE_NOUNS:
            return None  # "Emails", "Thanks": a capitalised word, not a speaker
    definite = (
        tokens[0].lower_ in ("the", "this", "that", "these", "those") or tokens[0].tag_ == "PRP$"
    )
    words = [(t.lower_, t.ent_type_ in _GROUP_ENTS) for t in tokens if t.lower_ not in DETERMINERS]
    words = [w for w in words if w[0] not in ("'s", "’s", ",")]
    pos = mention.start_char
    if resolver.is_source(mention):
        if definite:
            return resolver.earlier_source(tokens[-1], pos) or resolver.last_source or mention.text
        return mention.text
    if definite and len(tokens) == 2:  # "the magazine" after "Broadcast magazine said"
        kind = resolver.named_kind(tokens[-1], pos)
        if kind is not None:
            return kind
    if definite and tokens[-1].tag_ == "NNS":  # "the judges": the last speakers named
        joined = next(
            (e.name for e in resolver.events_before(pos, False) if " and " in e.name), None
        )
        if joined is not None:
            return joined
        if tokens[-1].lower_ not in GROUP_NOUNS | BUSINESS_NOUNS:
            return mention.text  # "the makers": several, never one person named before
    head = tokens[-1].lower_
    if definite and head in GROUP_NOUNS | BUSINESS_NOUNS:  # "the ministry": the body named
        return (
            resolver.bodies.by_head(tokens[-1].text, pos)
            or (resolver.salient_body(pos) if head in BUSINESS_NOUNS else None)
            or (resolver.main_body() if of_main_kind(tokens) else None)
            or mention.text
        )
    if not definite or tokens[-1].lower_ in GROUP_NOUNS:
        return mention.text
    person = resolver.by_role(words, mention.start_char)
    if person is not None:
        return person
    body = body_name(tokens)
    if body is not None:
        return body
    return (
        resolver.salient_person(pos)
        or resolver.last_person_before(pos)
        or resolver.salient_body(pos)
        or mention.text
    )
