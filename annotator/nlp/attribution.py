"""Speaker mentions from the model's tags and parse: the subject of a quotation's cue.

The speaker is the subject of the cue (through "adding:", "and said …" to the verb that has
it), an inverted subject or object ("“…,” added X"), the one an agency quotes, or for a
partial quotation with no cue the author the sentence names; the mention is widened to the
name with its titles or to the description. Cues come from :mod:`annotator.nlp.cues`; only the
tokens of a quotation's frames are looked at, so the cost stays small next to the model.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.cues import NAMING, is_according, is_cue
from annotator.nlp.grammar import (
    NAMED_ENTS,
    PERSON_PRONOUNS,
    SUBJECTS,
    can_speak,
    is_person_like,
    name_after_verb,
    name_before_dash,
    name_before_verb,
    name_end_any,
    name_joined_before_verb,
    name_start,
    passive_agent,
    source_end,
    source_in_subtree,
    trailing_appositive,
)
from annotator.nlp.lexicon import (
    BODY_NOUNS,
    HONORIFICS,
    OCCUPATIONS,
    POSTNOMINALS,
    ROLE_NOUNS,
    SOURCE_NOUNS,
    TITLES,
)
from annotator.nlp.names import modal_named, untyped_name_part
from annotator.nlp.salience import is_named

_CLIMB = ("advcl", "xcomp", "ccomp", "pcomp")
#: Prepositions of time before a participle whose subject is the clause's ("before catching
#: himself and adding: …"); not "accused of awarding … or claiming …", what others say.
_WHEN = frozenset("before after while when by".split())
#: Punctuation that ends a mention even when glued to it ("said Connors.").
_STOPS = frozenset(',.;:!?"”’')


def subject_of(cue: Token, cues: frozenset[str]) -> Token | None:
    """The speaker token of a cue: its subject, through "adding:" or "and said" if need be."""
    if is_according(cue):
        objs = [c for c in cue.doc[cue.i + 1].children if c.dep_ == "pobj"]
        if not objs or objs[0].ent_type_ == "PERSON":
            return objs[0] if objs else None
        people = [
            t for t in objs[0].subtree if t.ent_type_ == "PERSON" and t.head.ent_type_ != "PERSON"
        ]
        return people[0] if people else objs[0]  # "according to media strategist Jo Bloggs"
    if cue.tag_ == "NNS" and cue.i > 0 and cue.doc[cue.i - 1].dep_ == "compound":
        return cue.doc[cue.i - 1]  # "the lawsuit states", "states" tagged a noun
    verb = cue
    for _ in range(6):
        agent = _agent(verb)
        if agent is not None:  # "The plan was branded "a disaster" by the union"
            return agent
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        subjects = subjects or [n for c in verb.children if (n := _named_clause(c)) is not None]
        relative = [s for s in subjects if s.tag_ in ("WP", "WDT")]
        if relative and len(relative) < len(subjects):
            subjects = [s for s in subjects if s not in relative]  # "which, said Mr X, …"
        elif relative and relative[0].lower_ in ("which", "that"):
            inverted = _inverted_subject(verb)
            if inverted is not None:
                return inverted
        timed = [s for s in subjects if s.ent_type_ in ("DATE", "TIME")]
        if timed and len(timed) < len(subjects):
            subjects = [s for s in subjects if s not in timed]  # "But this year, …, he said"
        inverted = name_after_verb(verb) if verb is cue and subjects else None
        if inverted is not None and all(s.i < verb.i for s in subjects):
            return inverted  # "The ministers' comments, said Jo Bloggs of X, were "…"": Jo's
        if subjects:
            # Two subjects ("Internet service provider (ISP) Plus.net also backed"): the one
            # nearest the verb, unless the parser split one glued word ("the ex-Wallaby").
            before = [s for s in subjects if s.i < verb.i]
            glued = subjects[0].whitespace_ == ""
            subj = before[-1] if len(subjects) > 1 and before and not glued else subjects[0]
            people = [s for s in subjects if s.ent_type_ == "PERSON"]
            if len(subjects) > 1 and not before and people:
                subj = people[0]  # "said co-ordinator Peter Facey": a split role, then the name
            elif len(subjects) > 1 and people and subj.lower_ in ROLE_NOUNS:
                subj = people[-1]  # '"…," Dr Mike Watts head of exploration said': the name
            if subj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                head = verb.head  # "X and Y, who observed": both, from the first
                if head.dep_ == "conj" and any(c.lower_ == "and" for c in head.head.children):
                    return head.head
                return head
            if subj.tag_ in ("WP", "WDT") and subj.lower_ != "who":
                return None  # "what has been dubbed": nobody
            return (
                _named_before_age(subj)
                or _named_before_reflexive(subj)
                or _owned_person_before(verb, subj)
                or name_before_dash(subj)
                or subj
            )
        name = _name_taken_for_modal(verb) or name_before_verb(verb) or _with_subject(verb)
        name = name or name_joined_before_verb(verb) or _after_participle(verb)
        name = name or (name_after_verb(verb) if verb is cue else None)
        if name is not None:
            return name
        if verb.dep_ in ("relcl", "acl") and is_person_like(verb.head):
            return verb.head
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ in ("dobj", "pobj"):
            verb = verb.head.head  # "Plus.net backed the proposals saying …"
            if verb.dep_ == "prep" and verb.head.i != verb.i:
                verb = verb.head  # "will argue against positive discrimination saying …"
            continue
        blamed = _blamed_for(verb) if verb is cue else None
        if blamed is not None:  # not "criticised Mr Brown for failing to mention the …"
            return blamed
        if verb.dep_ == "xcomp" and verb.tag_ != "VBG":  # "led 12 viewers to complain": the
            # object speaks; not "Mr Hockney left UKIP saying …", who left says
            objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
            if objects and objects[0].tag_ != "PRP" and not _instrument(objects[0], verb.head):
                return objects[0]
        # "X said he was … and claimed …": coordinated verbs share their subject
        if verb.dep_ == "conj" and _coordinated_with_report(verb, cues):
            verb = verb.head.head  # "he told X that truancy was "bad" and said …": he said
            continue
        climb = verb.dep_ in _CLIMB or (verb.dep_ == "conj" and _shares_speaker(verb, cues))
        if not climb or verb.head is verb:
            break
        head = verb.head
        if (
            verb is cue
            and cue.tag_ == "VBG"
            and head.dep_ == "ccomp"
            and not is_cue(head, cues)
            and is_cue(head.head, cues)
            and not any(c.dep_ == "dobj" and c.tag_ == "PRP" for c in cue.children)
            # "said X ordered …, telling him to": X tells the reporter, not "telling the BBC"
        ):  # "He said X had spoken …, adding: …": the reporter adds, not X
            head = head.head
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head is not head:
            head = head.head  # "stopped taking bets after claiming …": who stopped claimed
        verb = head
    return None


#: Verbs of blame whose object did what "for" names: "branded Mr Howard "arrogant" for
#: claiming …" (Mr Howard claimed).
_BLAMING = frozenset(
    """branded criticised criticized attacked condemned accused blamed slammed blasted
    mocked ridiculed praised thanked""".split()
)


def _blamed_for(verb: Token) -> Token | None:
    """The object of a verb of blame a participle after "for" says what it did: "Lib Dem
    president Simon Hughes branded Mr Howard "arrogant and wrong" for claiming the Tories were
    the "natural party"": Mr Howard claimed it."""
    prep = verb.head
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or prep.lower_ != "for":
        return None
    # the parser may hang "for" on the judgement in marks: the verb of blame is above it
    blaming = next((a for a in prep.ancestors if a.lower_ in _BLAMING), None)
    if blaming is None:
        return None
    objects = [c for c in blaming.children if c.dep_ == "dobj" and c.i < prep.i]
    return objects[0] if objects and is_person_like(objects[0]) else None


def _instrument(obj: Token, verb: Token) -> bool:
    """ "Mr X used a speech to say": an object that is no person, of a verb whose subject can
    speak, is what the subject speaks with, not a speaker."""
    if is_person_like(obj) or obj.lower_ in ROLE_NOUNS:
        return False
    return any(c.dep_ in SUBJECTS and can_speak(c) for c in verb.children)


def _name_taken_for_modal(verb: Token) -> Token | None:
    """ "May said", "Will wrote": a capitalised word the tagger made a modal of a past or
    present-tense verb, which no modal can govern, is the name of its subject."""
    if verb.tag_ not in ("VBD", "VBZ"):
        return None
    for child in verb.lefts:
        if child.tag_ == "MD" and child.dep_ == "aux" and child.text[:1].isupper():
            return child
    return None


def _after_participle(verb: Token) -> Token | None:
    """ "Welcoming the ruling, Jo Bloggs, chief executive of …, said": the parser made the
    opening participle the verb's subject and hung the name on it."""
    for child in verb.children:
        if child.dep_ == "csubj" and child.tag_ == "VBG" and child.i < verb.i:
            for t in child.rights:
                comma = t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ","
                if t.dep_ in ("dep", "appos", "npadvmod") and comma and is_person_like(t):
                    return t
    return None


def _named_before_age(subj: Token) -> Token | None:
    """ "Okafor, 31, left …": the parser may make the age the subject; the name is."""
    doc = subj.doc
    if subj.tag_ != "CD" or subj.i < 2 or doc[subj.i - 1].text != ",":
        return None
    name = doc[subj.i - 2]
    return name if is_person_like(name) else None


def _named_clause(child: Token) -> Token | None:
    """A body's name the parser read as a clause subject ("Stop Stansted Expansion said",
    "Stop" a verb): the name's last word."""
    if child.dep_ != "csubj" or not any(c.dep_ == "ccomp" for c in child.head.children):
        return None  # "X said the plan was …", not "Ask Jeeves has added the ability to …"
    words = list(child.subtree)  # every word capitalised: a name, never a clause
    return words[-1] if len(words) > 1 and all(t.text.istitle() for t in words) else None


def _owned_person_before(verb: Token, subj: Token) -> Token | None:
    """The person right before the verb, owned by a body or introduced by an occupation,
    whose name the parser cut ("War on Want's John Hilary said", the person hung on "on";
    "Only Fools and Horses star David Jason criticised", the show made the subject and the
    star its conjunct)."""
    doc = verb.doc
    if verb.i < 3 or subj.i >= verb.i:
        return None
    last = doc[verb.i - 1]
    if last.ent_type_ != "PERSON" or last.i == subj.i:
        return None
    first = name_start(last)
    before = doc[first - 1] if first > 0 else last
    owned = before.tag_ == "POS" and subj.ent_type_ != "PERSON"
    starred = before.lower_ in OCCUPATIONS and before.tag_ == "NN" and last.dep_ == "conj"
    inside = subj.left_edge.i <= first <= subj.right_edge.i
    return last if (owned or starred) and inside else None


def _named_before_reflexive(subj: Token) -> Token | None:
    """ "Mr Bez - himself a former executive - said": the parser may make the reflexive
    pronoun the subject; the name before it is."""
    doc = subj.doc
    if subj.lower_ not in ("himself", "herself") or subj.i < 2:
        return None
    name = doc[subj.i - 2] if doc[subj.i - 1].is_punct else doc[subj.i - 1]
    return name if is_person_like(name) and name.tag_ in ("NNP", "NNPS") else None


def _participle(verb: Token) -> bool:
    """A participle of the clause's own subject: "…, throwing …", "before catching …"."""
    return verb.dep_ == "advcl" or (verb.dep_ == "pcomp" and verb.head.lower_ in _WHEN)


def _shares_speaker(verb: Token, cues: frozenset[str]) -> bool:
    """Can a coordinated verb take the subject of ``head``: a cue, or a verb whose subject
    can speak ("said he was "disappointed" and claimed …"; not "dance music is … and has
    admitted", where the parser coordinated the wrong verbs)."""
    head = verb.head
    if is_cue(head, cues) or (verb.tag_ == head.tag_ == "VBG" and _participle(head)):
        return True  # "refused, throwing the book at her and saying: …": who refused
    for c in head.children:
        if c.dep_ in SUBJECTS and is_person_like(c) and c.lower_ not in ("i", "we"):
            # an odd number of marks between them: the subject is inside a quotation and
            # the verb outside it, so the parser joined the quotation's verb to the narrator's
            marks = sum(t.is_quote for t in head.doc[min(c.i, verb.i) : max(c.i, verb.i)])
            return marks % 2 == 0
    return False


def _coordinated_with_report(verb: Token, cues: frozenset[str]) -> bool:
    """A cue the parser coordinated with the verb of a reported clause instead of with the
    cue reporting it: in "he told the paper that truancy was "very bad" and said …" the
    second cue hangs from "was", whose subject ("truancy") cannot speak; in "The EC says the
    council will adopt it but said …" a finite cue hangs from a bare verb."""
    head = verb.head
    if verb is head or not is_cue(verb, cues) or head.dep_ != "ccomp" or head.head is head:
        return False
    if not is_cue(head.head, cues):
        return False
    if verb.tag_ in ("VBD", "VBZ", "VBP") and head.tag_ in ("VB", "VBG"):
        return True  # "says the council will adopt it but said …": a finite verb is not
        # coordinated with a bare one
    subjects = [c for c in head.children if c.dep_ in SUBJECTS]
    return not any(can_speak(s) for s in subjects)


#: Cues whose object is the hearer or the question, never the speaker.
_HEARER_CUES = frozenset("tell tells told telling ask asks asked asking".split())


def inverted_object(cue: Token) -> Token | None:
    """The speaker after a cue that follows its quotation, parsed as the cue's object:
    "“…,” added the two-time award winner", "“…,” said the report"."""
    asking = cue.lower_ in ("asked", "asks")
    if cue.lower_ in _HEARER_CUES and not asking:
        return None
    for child in cue.rights:
        if child.dep_ in ("dobj", "attr", "oprd", "npadvmod") and child.left_edge.i == cue.i + 1:
            if not child.tag_.startswith("NN") and not _is_age(child):
                return None
            after = child.right_edge.i + 1
            if asking and (after < len(cue.doc) and not cue.doc[after].is_punct):
                return None  # '"…?" asked the magazine.', not '"…?" asked the man to …'
            return _owned_person(child) or child
    return None


def _is_age(token: Token) -> bool:
    """ "the 30-year-old", "the 19-year-old's": a person by age, tagged as an adjective."""
    return token.lower_ == "old" and token.i >= 2 and token.doc[token.i - 2].lower_ == "year"


def _owned_person(token: Token) -> Token | None:
    """ "added Ernst and Young's Sanjay Mehta": the person a firm's possessive introduces, when
    the parser made the firm's first word the object."""
    if token.ent_type_ == "PERSON":
        return None
    doc = token.doc
    for t in doc[token.i + 1 : min(len(doc), token.i + 8)]:
        if t.is_punct and t.text not in ("&", "-"):
            return None
        if t.tag_ == "POS":
            after = doc[t.i + 1 : min(len(doc), t.i + 6)]
            people = [p for p in after if p.ent_type_ == "PERSON"]
            if not people:
                return None
            return doc[name_end_any(people[0])]
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """The name right after a cue in an inverted attribution ("which, said Mr Hopkins, …")."""
    doc = verb.doc
    for t in doc[verb.i + 1 : min(len(doc), verb.i + 5)]:
        if t.is_punct:
            break
        if t.ent_type_ in ("PERSON", "ORG") or t.tag_ in ("NNP", "NNPS"):
            return t
    return None


def nearest_person(frame: Span, before: bool) -> Token | None:
    """Fallback speaker: the nearest name or personal pronoun in a frame."""
    candidates = [
        t
        for t in frame
        if t.ent_type_ == "PERSON" or (t.tag_ == "PRP" and t.lower_ in PERSON_PRONOUNS)
    ]
    if not candidates:
        return None
    return candidates[-1] if before else candidates[0]


def sentence_subject(quote: Span) -> Token | None:
    """A person or source subject of the sentence around a partial quote without a cue (its
    author)."""
    if len(quote) == 0:
        return None
    root = quote[0].sent.root
    for child in root.children:
        if child.dep_ == "nsubj" and child.i < quote.start <= root.i < quote.end:
            # 'The survey of 500 voters "showed …"': the marks open on the subject's verb
            if can_speak(child) or child.lower_ in BODY_NOUNS:
                return child
        if child.dep_ == "nsubj":  # not a passive's subject: "He is described as "…""
            # a person, or an unnamed source ("a spokeswoman was "satisfied" that …")
            if child.ent_type_ == "PERSON" or child.lower_ in ("he", "she"):
                return child
            if child.lower_ in SOURCE_NOUNS:
                return child
            # 'Standard Chartered sees "the opportunity to create value …"': a body's own
            # words as the object of its verb, a phrase and not a term
            words = [t for t in quote if not t.is_punct]
            if child.ent_type_ == "ORG" and len(words) >= 4 and quote.root.head.i == root.i:
                return child
    return None


def mention_span(token: Token, ent_of: dict[int, Span]) -> tuple[int, int]:
    """The speaker mention around a subject token: a name with titles, or a description."""
    doc = token.doc
    ent = ent_of.get(token.i)
    if token.lower_ in POSTNOMINALS and token.i > 0 and doc[token.i - 1].ent_type_ == "PERSON":
        return mention_span(doc[token.i - 1], ent_of)  # "Tom McCabe MSP", "MSP" typed a body
    if ent is None and token.lower_ in ROLE_NOUNS:
        person = _coordinated(token, ent_of) or _role_holder(token, ent_of)
        if person is not None and person.label_ == "PERSON":
            # "founder and director X", "Director of rugby Warren Gatland": X
            return mention_span(doc[person.end - 1], ent_of)
    if ent is not None and ent.label_ != "PERSON" and _described(ent):
        last = doc[token.right_edge.i]  # "the Sale full-back": a description, not the club
        return doc[ent.start - 1].idx, last.idx + len(last)
    if ent is not None and ent.label_ in NAMED_ENTS:
        start = ent.start
        if ent.label_ == "NORP" and start > 0 and doc[start - 1].lower_ == "the":
            start -= 1  # "the American": a person described by nationality
        role = doc[ent.end - 1].lower_ in ROLE_NOUNS  # "A UK Independence Party MEP"
        while start > 0 and not role and untyped_name_part(doc[start - 1], start, ent.end):
            start -= 1  # "the Liberal Democrats", "Democrats" typed alone
        while start > 0 and doc[start - 1].lower_.rstrip(".") in TITLES:
            start -= 1
        inner = [t.i for t in doc[start + 1 : token.i] if t.lower_ in HONORIFICS]
        start = inner[-1] if inner else start  # "the Foreign Policy Centre Mr Straw": one ORG
        end = start + 1
        while end < ent.end:
            if _plural_owner_in_name(doc[end], ent):
                end += 1  # "the Music Managers' Forum"
                continue
            glued = doc[end].text in ("-", "‑") and not doc[end - 1].whitespace_
            if doc[end].tag_ == "POS" or (
                doc[end].is_punct and not (glued and not doc[end].whitespace_)
            ):
                break
            end += 1
        other = _coordinated(token, ent_of) if end == ent.end else None
        if other is not None:  # "Lord Justice X and Mr Justice Y", "the Tories and Lib Dems"
            end = other.end
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    if token.tag_ in ("PRP", "WP"):
        return token.idx, token.idx + len(token)
    for child in token.children:
        appos_ent = ent_of.get(child.i) if child.dep_ == "appos" else None
        if appos_ent is not None and appos_ent.label_ != "PERSON" and _own_name(token):
            continue  # "Alastair McWhirter, the Association of Chief Police Officers' spokesman"
        if (
            child.dep_ == "appos"
            and (
                (appos_ent is not None and appos_ent.label_ in NAMED_ENTS)
                or child.tag_ in ("NNP", "NNPS")
            )
            and not _party_tag(child)
        ):  # not an age ("Okafor, 31,")
            return mention_span(child, ent_of)
    appositive = trailing_appositive(token)
    if appositive is not None:  # "the controller of entertainment, Jo Bloggs, said"
        return mention_span(appositive, ent_of)
    named = ent_of.get(token.i + 1) if token.tag_ in ("NN", "NNS") else None
    if named is not None and named.start == token.i + 1 and named.label_ in NAMED_ENTS:
        if doc[token.i + 1].head.i == token.i:  # "pop band Busted have confirmed": the band
            return mention_span(doc[named.end - 1], ent_of)
    start = token.left_edge.i
    while start < token.i and doc[start].is_punct:
        start += 1
    if start == token.i and ent is not None and ent.start < token.i:
        start = ent.start if modal_named(ent) is not None else start  # "Will Davies told"
    end = token.i + 1
    while end < len(doc) and doc[end - 1].whitespace_ == "" and doc[end].text not in _STOPS:
        end += 1  # "the ex-Wallaby" parsed as three subjects
    if token.is_title and end < len(doc) and doc[end].dep_ == "nummod" and doc[end].head == token:
        end += 1  # "Number 10 said": the number is part of the name
    if start == token.i and start > 0 and doc[start - 1].tag_ == "DT":
        start -= 1
    source = source_in_subtree(token)
    if source is not None:  # "A Department for Work and Pensions spokeswoman"
        last = source_end(source)
        name = _name_after(last)  # "said Swedish trades union official Ulf Carlsson"
        if name is not None:
            return doc[last.i + 1].idx, name.idx + len(name)
        return doc[start].idx, last.idx + len(last)
    if token.tag_ not in ("NNP", "NNPS"):
        for child in token.rights:
            if child.dep_ == "prep" and child.i == end and child.lower_ in ("of", "for", "at"):
                stop = (t.i for t in doc[end : child.right_edge.i + 1] if _ends_phrase(t))
                cut = next(stop, child.right_edge.i + 1)  # not ", which represents …"
                end = cut if cut > child.i + 1 else end  # "some of whom": "some"
                break
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _role_holder(role: Token, ent_of: dict[int, Span]) -> Span | None:
    """The person ending a role's "of" phrase: "Director of rugby Warren Gatland" (not "a
    spokesman for Mr Prescott", someone else's)."""
    if role.lower_ in SOURCE_NOUNS:
        return None
    for prep in role.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "for"):
            continue
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        ent = ent_of.get(objs[0].i) if objs else None
        if ent is None or ent.label_ != "PERSON" or ent.end != objs[0].right_edge.i + 1:
            continue
        field = role.doc[prep.i + 1 : ent.start]  # "rugby", not "MP for Birkenhead"
        if len(field) and all(t.is_lower for t in field):
            return ent
    return None


def _own_name(token: Token) -> bool:
    """A subject that is a person's name itself, not a role ("Minister, Tom McCabe MSP,")."""
    return is_named(token) and token.lower_ not in ROLE_NOUNS


def _plural_owner_in_name(mark: Token, ent: Span) -> bool:
    """A plural possessive inside a body's name ("the Music Managers' Forum"), not the end of
    a name that owns what follows ("Labour's Mr Livingstone")."""
    nxt = mark.i + 1
    return mark.text in ("'", "’") and nxt < ent.end and mark.doc[nxt].is_title


def _name_after(role: Token) -> Token | None:
    """The last word of the name right after a role's noun ("union official Ulf Carlsson"):
    two or three capitalised proper nouns, or one the model typed a person, ending the
    phrase."""
    doc = role.doc
    end = role.i + 1
    while end < len(doc) and end - role.i <= 3 and _capitalised_name(doc[end]):
        end += 1
    words = end - role.i - 1
    if words == 0 or (end < len(doc) and not (doc[end].is_punct or doc[end].is_space)):
        return None
    if words == 1 and doc[role.i + 1].ent_type_ != "PERSON":
        return None
    return doc[end - 1]


def _capitalised_name(token: Token) -> bool:
    return token.tag_ == "NNP" and token.is_alpha and token.is_title


def _agent(verb: Token) -> Token | None:
    """The one a passive verb's "by" names: "was described by one union as …"."""
    if verb.lower_ in _QUOTING:
        return None  # "X was quoted by the paper as saying": X speaks
    return passive_agent(verb, naming=verb.lower_ in NAMING)


#: Passives whose subject is the speaker, whatever "by" names.
_QUOTING = frozenset({"quoted", "cited", "asked", "questioned", "interviewed"})


def _with_subject(verb: Token) -> Token | None:
    """ "with Rovers boss Mark Hughes claiming …": the one "with" names speaks."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.dep_ == "pobj" and before.head.lower_ in ("with", "without"):
        return before
    return None


def _ends_phrase(token: Token) -> bool:
    """A comma, bracket or relative pronoun: the end of a speaker's description."""
    return token.text in (",", "(", ";", ":") or token.tag_ in ("WDT", "WP")


def _party_tag(token: Token) -> bool:
    """ "Pelosi, D-Calif.,", "Rep. Ann Kuster, D-N.H.,": a US party and state after a name."""
    doc = token.doc
    first = token.left_edge.i
    if first >= 2 and doc[first - 1].text in ("-", "‑") and doc[first - 2].text in "DRI":
        first -= 2  # the parser hung the letter elsewhere
    return (
        first + 1 < len(doc)
        and doc[first].text in ("D", "R", "I")
        and doc[first + 1].text in ("-", "‑")
    )


def _coordinated(token: Token, ent_of: dict[int, Span]) -> Span | None:
    """The name joined to ``token`` by "and" ("X and Y ruled"), when it is a name."""
    if not any(c.dep_ == "cc" and c.lower_ == "and" for c in token.children):
        return None
    for child in token.rights:
        if child.dep_ == "conj":
            ent = ent_of.get(child.i)
            if ent is not None and ent.label_ in NAMED_ENTS and ent.end == child.i + 1:
                return ent
            return None
    return None


def _described(ent: Span) -> bool:
    """A body or place word inside a description: "the Sale full-back" (a player of the club
    Sale), a lowercase noun glued on after the name."""
    doc = ent.doc
    if ent.start == 0 or doc[ent.start - 1].lower_ != "the" or ent.end >= len(doc):
        return False
    nxt, root = doc[ent.end], ent.root
    if not (nxt.text[:1].islower() and nxt.tag_ in ("NN", "JJ")) or root.right_edge.i < nxt.i:
        return False
    return all(not t.is_punct or t.text in ("-", "‑") for t in doc[ent.end : root.right_edge.i + 1])
