"""What a token can be in an attribution: a verb of its own clause, a subject that can speak,
the source noun of a description. Shared by cue finding (:mod:`annotator.nlp.cues`) and speaker
finding (:mod:`annotator.nlp.attribution`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotator.nlp.first_names import is_first_name
from annotator.nlp.lexicon import (
    BODY_NOUNS,
    DOCUMENT_NOUNS,
    HONORIFICS,
    PERSON_ROLES,
    ROLE_NOUNS,
    SOURCE_NOUNS,
    TITLES,
)

SUBJECTS = ("nsubj", "nsubjpass")
#: Clause links climbed from a cue without a subject to the verb that has it ("…, adding:").
_NOT_SOURCES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
NAMED_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
PERSON_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
#: Dependencies of a token tagged as a verb that is no verb of its own clause ("director
#: of telecoms research Tony Lavender said": "research" tagged VBP, attached as a compound).
NOT_VERBS = frozenset({"aux", "auxpass", "compound", "amod", "nmod"})
#: Verbs that introduce no speech of their own ("It will be: …").
COPULAS = frozenset("be is are was were been being am 's 're have has had do does did".split())


def source_in_subtree(token: Token) -> Token | None:
    """The source noun ending a short subject phrase, however the parser attached it."""
    right = token.right_edge.i
    if right - token.left_edge.i > 10:
        return None
    for t in token.doc[token.i : right + 1]:
        if t.lower_ in SOURCE_NOUNS and t.tag_.startswith("NN"):
            return t
    return None


#: Prepositions whose phrase belongs to a source's description ("a spokesman for the BPI").
_SOURCE_PREPS = frozenset({"for", "of", "at", "in", "from"})
#: Where or how someone spoke, not where they work: "an official in a briefing", "at a
#: press conference", "in an interview".
_OCCASIONS = DOCUMENT_NOUNS | frozenset(
    "briefing interview conference speech meeting debate hearing programme broadcast".split()
)


def source_end(source: Token) -> Token:
    """The last token of a source description: the source noun, or the end of the phrase it
    is "for"/"of"/"at"/"in" ("a spokesman for the British Phonographic Industry", "critics in
    the US"), stopping before a bracket, comma or clause ("(BPI)", "who …")."""
    doc = source.doc
    nxt = source.i + 1
    if nxt >= len(doc) or doc[nxt].lower_ not in _SOURCE_PREPS or doc[nxt].head.i != source.i:
        return source
    if any(c.dep_ == "pobj" and c.lower_ in _OCCASIONS for c in doc[nxt].children):
        return source  # "said an IMF official in a briefing on Wednesday"
    last = source
    for t in doc[nxt : doc[nxt].right_edge.i + 1]:
        if t.text in ("(", ",", "-", "—", "–", ";", ":") or t.tag_ in ("WDT", "WP", "VBD", "VBZ"):
            break
        last = t
    return last if last.i > nxt else source


def tokens_between(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens lying wholly inside ``[start, end)``, or None for an empty range."""
    if end <= start:
        return None
    return doc.char_span(start, end, alignment_mode="contract")


def is_person_like(token: Token) -> bool:
    """Could this token head a speaker: a name, a personal pronoun, a source description?"""
    return (
        token.ent_type_ in NAMED_ENTS
        or token.tag_ in ("NNP", "NNPS")
        or token.lower_ in PERSON_PRONOUNS
        or token.lower_ in SOURCE_NOUNS
    )


#: Those who made a thing, a source for it ("according to its authors").
_MAKERS = frozenset("authors developers makers creators designers publishers".split())


def names_a_source(token: Token) -> bool:
    """ "according to PC Pro" (a title the tagger took for common nouns), "according to the
    magazine" (a body or document); not "according to the steps", "according to Monday's"."""
    if token.ent_type_ in _NOT_SOURCES:
        return False
    if token.text[:1].isupper() and token.i > 0 and token.doc[token.i - 1].lower_ != "to":
        return True  # "PC Pro": a capitalised name of two words or more
    definite = any(c.dep_ in ("det", "poss") and c.lower_ != "a" for c in token.children)
    # "according to a TUC report", "according to a report published by Analysys": a
    # document whose author is named
    authored = any(
        (c.dep_ == "compound" and c.tag_ in ("NNP", "NNPS"))
        or (c.dep_ == "acl" and any(g.dep_ == "agent" for g in c.children))
        for c in token.children
    )
    return (definite or authored) and token.lower_ in BODY_NOUNS | _MAKERS


def is_verb(token: Token) -> bool:
    return token.tag_.startswith("VB") and token.dep_ not in NOT_VERBS


def negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def named_compound(token: Token) -> Token | None:
    """A person's name the parser made a compound of a description, by a first name: "thinks
    Paolo Pescatore mobile industry specialist for analysts IDC" (typed a body)."""
    if token.ent_type_ == "PERSON" or not token.tag_.startswith("NN"):
        return None
    for c in token.lefts:
        if c.dep_ == "compound" and c.tag_ == "NNP" and c.left_edge.i < c.i:
            if is_first_name(c.left_edge.text):
                return c
    return None


def plural_verb(token: Token) -> bool:
    """Does a proper noun subject take a plural verb ("Birmingham have", "Chelsea are"): a
    team or a body, never one person?"""
    return token.tag_ == "NNP" and takes_plural_verb(token, ("nsubj",))


def takes_plural_verb(token: Token, deps: tuple[str, ...] = SUBJECTS) -> bool:
    """Is ``token`` a subject (of ``deps``) of a plural verb, active or passive ("Leicester
    … have been aided"), itself no plural noun?"""
    if token.dep_ not in deps or token.lower_.endswith("s"):
        return False  # not "say MPs": several people
    verb = token.head
    return verb.tag_ == "VBP" or any(c.dep_ == "aux" and c.tag_ == "VBP" for c in verb.children)


def can_speak(token: Token) -> bool:
    """A subject that can be a speaker: a name, pronoun or source, or a role ("the mayor")."""
    if is_person_like(token) or token.lower_ in ROLE_NOUNS | DOCUMENT_NOUNS:
        return True  # "…," a council statement read
    return any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children)


#: How the parser hangs a name set off after a description ("the Trust, Jo Bloggs,").
_APPOSED = frozenset({"appos", "npadvmod"})


def trailing_appositive(token: Token) -> Token | None:
    """The person named in apposition at the end of a subject phrase, wherever the parser
    hung the name: "ITV's controller of entertainment, Claudia Rosencrantz, said" (the name
    attached to "entertainment"), "A spokesman for US Immigration, Customs and Enforcement,
    Dean Boyd, said", "Wenger's counterpart Felix Magath was", "Spain's minister of sport
    Jaime Lissavetzky was". The name must close the phrase and follow a comma or the phrase's
    head noun, or stand in apposition to that head."""
    doc = token.doc
    right = token.right_edge.i
    while right > token.i and doc[right].is_punct:
        right -= 1
    last = doc[right]
    if right <= token.i or not _person_name(last) or last.dep_ not in _APPOSED:
        return None
    if right == token.i + 1 and last.head.i != token.i:
        return None  # one word right after the head noun: only its own apposition
    first = name_start(last)
    while first > token.i + 1 and doc[first - 1].lower_.rstrip(".") in TITLES:
        first -= 1  # "Head of …, Professor Robin Lovell-Badge, said"
    if doc[first - 1].text == "," or first == token.i + 1 or last.head.i == token.i:
        return last
    return None


def _person_name(last: Token) -> bool:
    """The last word of a person's name: typed a person, or a proper noun after a title the
    model left untyped ("Dr Vancheshwar")."""
    if last.ent_type_ == "PERSON":
        return True
    if last.ent_type_ == "ORG" and last.dep_ == "appos" and last.head.tag_ == "NN":
        first = last.doc[name_start_any(last)]  # "Kenteris's lawyer, Gregory Ioannidis," typed
        return first.i < last.i and is_first_name(first.text)  # a body
    if last.ent_type_ or last.tag_ != "NNP" or last.i == 0:
        return False
    before = last.doc[last.i - 1]
    role = last.dep_ == "appos" and last.head.i == last.i - 1 and last.head.lower_ in PERSON_ROLES
    return role or before.lower_.rstrip(".") in TITLES  # "Brazilian midfielder Edu"


def name_before_dash(subj: Token) -> Token | None:
    """The person named before a description set off by dashes that the parser made the
    subject: "Fund manager Florian Hamm - the club's largest investor - said …"."""
    doc = subj.doc
    if subj.ent_type_ == "PERSON":
        return None
    for t in doc[subj.left_edge.i : subj.i]:
        if t.text in ("-", "–", "—") and t.i > 0 and t.whitespace_:
            last = doc[t.i - 1]
            return last if last.ent_type_ == "PERSON" else None
    return None


def name_before_verb(verb: Token) -> Token | None:
    """The name in apposition right before a verb the parser gave no subject: "…, her lawyer,
    Jo Bloggs, said." or "… but his lawyer, Jo Bloggs, told the BBC …" (the role hung on
    another noun)."""
    doc = verb.doc
    if verb.i < 3 or doc[verb.i - 1].text != "," or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # not "… director Jo Bloggs, telling him: …"
    last = doc[verb.i - 2]
    if last.ent_type_ != "PERSON" or last.dep_ != "appos":
        return None
    first = name_start(last)
    return last if doc[first - 1].text == "," else None


def name_joined_before_verb(verb: Token) -> Token | None:
    """The name right before a verb the parser gave no subject, taken into the noun phrase
    before it: "… has been training in Holland and Ferguson said:" ("Ferguson" made a second
    place beside "Holland"), "In a speech to the Centre Mr Straw said" (a title starts it)."""
    doc = verb.doc
    if verb.i < 3 or verb.tag_ not in ("VBD", "VBZ"):
        return None
    last = doc[verb.i - 1]
    if last.tag_ not in ("NNP", "NNPS"):
        return None
    if doc[verb.i - 2].lower_ in HONORIFICS:
        return last  # "In a speech to the Foreign Policy Centre Mr Straw said": one body
    if last.dep_ != "conj":
        return None
    first = name_start(last) if last.ent_type_ == "PERSON" else last.i
    joiner = doc[first - 1]
    return last if joiner.dep_ == "cc" and joiner.lower_ in ("and", "but") else None


def name_start_any(last: Token) -> int:
    """Index of the first token of the entity, of any type, ending at ``last``."""
    doc, first = last.doc, last.i
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    return first


def name_end_any(first: Token) -> int:
    """Index of the last token of the entity, of any type, starting at ``first``."""
    doc, last = first.doc, first.i
    while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
        last += 1
    return last


def name_start(last: Token) -> int:
    """Index of the first token of the person's name ending at ``last``."""
    doc, first = last.doc, last.i
    while first > 0 and doc[first - 1].ent_type_ == "PERSON" and doc[first].ent_iob_ != "B":
        first -= 1
    return first


def name_after_verb(verb: Token) -> Token | None:
    """The name right after a speech verb set off by commas: "The problem, said Jo Bloggs,
    head of …, is …" (the parser took a noun of the report for the verb's subject); or right
    after a verb that follows a closing quotation mark: "“…,” said Jo Bloggs, editor at PC
    Pro." (the parser hung the name on a later verb)."""
    doc = verb.doc
    nxt = verb.i + 1
    if verb.i == 0 or nxt >= len(doc):
        return None
    after_quote = doc[verb.i - 1].is_quote and verb.i > 1 and doc[verb.i - 2].is_punct
    if doc[verb.i - 1].text != "," and not after_quote:
        return None
    if after_quote and _bare_name(doc[nxt]):
        return doc[nxt]  # '"…," admitted Kiely.': one capitalised word, untyped, any tag
    if doc[nxt].lower_.rstrip(".") in TITLES and nxt + 1 < len(doc):
        nxt += 1  # "The answer, says Prof Brewer, is …": the title stays outside the name
    if doc[nxt].ent_type_ != "PERSON" or doc[nxt].ent_iob_ != "B":
        return None
    last = name_end_any(doc[nxt])
    if last + 1 == len(doc):
        return doc[last] if after_quote else None
    end = last
    while end + 1 < len(doc) and doc[end + 1].dep_ == "prep" and doc[end + 1].head.i == last:
        end = doc[end + 1].right_edge.i  # "said Jo Bloggs of JPMorgan in Tokyo, were …"
    if end + 1 == len(doc):
        return None
    closing = doc[end + 1].text == "," or (after_quote and doc[end + 1].text in (".", "-", "–"))
    return doc[last] if closing else None


def passive_agent(verb: Token, naming: bool = False) -> Token | None:
    """The one a passive verb's "by" names: its agent, or for a verb of ``naming`` a "by" the
    parser hung on a word of the verb's own phrase ("being described as "average" and "eerie"
    by scouts", the "by" attached to "eerie"), with no other verb between (not "threatened
    with the sack by his boss", where the boss threatened no words)."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    # a passive, or a naming participle the tagger took for a past tense with no subject of
    # its own ("in a move branded a "retreat" by the Tories")
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    with_subject = any(c.dep_ in SUBJECTS for c in verb.children)
    if not naming or (with_subject and not passive):
        return None
    for t in verb.subtree:
        if t.i <= verb.i or t.lower_ != "by" or t.dep_ != "prep":
            continue
        head = t.head
        while head.i != verb.i and not is_verb(head):
            head = head.head
        if head.i == verb.i:
            return next((c for c in t.children if c.dep_ == "pobj"), None)
    return None


_NOT_NAMES = PERSON_PRONOUNS | frozenset({"it", "this", "that", "the", "a"})


def _bare_name(token: Token) -> bool:
    """One capitalised word the model left untyped, closing the sentence or set off by a
    comma: a name ("admitted Kiely."), whatever it was tagged."""
    doc = token.doc
    after = doc[token.i + 1].text if token.i + 1 < len(doc) else "."
    return (
        token.is_alpha
        and token.is_title
        and not token.ent_type_
        and token.lower_ not in _NOT_NAMES
        and after in (".", ",")
    )
