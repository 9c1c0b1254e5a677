"""Cue verbs and speaker mentions from the model's tags and parse, near one quotation.

Only the tokens of a quotation's frames are looked at (a few dozen per quotation), so the
cost stays small next to the model. See :mod:`annotator.nlp.quotes` for how frames are cut.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotator.nlp.lexicon import BODY_NOUNS, DOCUMENT_NOUNS, ROLE_NOUNS, SOURCE_NOUNS, TITLES

_SUBJECTS = ("nsubj", "nsubjpass")
#: Clause links climbed from a cue without a subject to the verb that has it ("…, adding:").
_NOT_SOURCES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
_CLIMB = ("advcl", "xcomp", "ccomp", "pcomp")
_NAMED_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
_PERSON_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
#: Dependencies of a token tagged as a verb that is no verb of its own clause ("director
#: of telecoms research Tony Lavender said": "research" tagged VBP, attached as a compound).
_NOT_VERBS = frozenset({"aux", "auxpass", "compound", "amod", "nmod"})
#: Punctuation that ends a mention even when glued to it ("said Connors.").
_STOPS = frozenset(',.;:!?"”’')
#: Cue verbs with a particle that speak of something else ("ruled out", "wrote off").
_NO_SPEECH: dict[str, frozenset[str]] = {
    "out": frozenset("rule rules ruled ruling".split()),
    "off": frozenset("write writes wrote written writing".split()),
    "up": frozenset("add adds added adding".split()),
}
#: Verbs of naming or describing: their passive subject is named, not speaking.
_NAMING = frozenset(
    "described dubbed called labelled labeled branded named termed nicknamed billed".split()
)
#: Verbs that introduce no speech of their own ("It will be: …").
_COPULAS = frozenset("be is are was were been being am 's 're have has had do does did".split())


#: Nouns that introduce a term in marks, and words that name one ("the word "energie"", "known
#: as an "aggregator"", "the so-called "golden rule"").
_TERM_NOUNS = frozenset("word words term phrase slogan motto nickname label expression".split())
_TERM_NAMERS = frozenset("so-called known nicknamed entitled titled".split())


def names_a_term(quote: Span) -> bool:
    """Marks around a term, a title or a nickname, not around anyone's words: "the word
    "energie"", "known as an "aggregator"", "Jimmy "the Whirlwind" White" (a nickname between
    a first name and a surname), 'announced "prematurely"' (a manner the narrator doubts)."""
    doc = quote.doc
    if quote.start == 0 or quote.end >= len(doc):
        return False
    before, after = doc[quote.start - 1], doc[quote.end]
    if (
        before.tag_ == "NNP"
        and after.tag_ == "NNP"
        and before.whitespace_
        and quote[-1].whitespace_
    ):
        return before.text[:1].isupper() and after.text[:1].isupper()
    inner = [t for t in quote if not t.is_punct]
    if len(inner) == 1 and inner[0].dep_ == "advmod" and inner[0].head.i < quote.start:
        return True  # 'the ministry announced "prematurely" …': a word of manner, no speech
    if _title(inner) and (before.tag_ == "POS" or before.lower_ in ("on", "in")):
        return True  # 'told CNN's "State of the Union"', 'on "Newsnight"': a programme's title
    words = [t for t in doc[max(0, quote.start - 3) : quote.start] if not t.is_punct]
    if not words:
        return False
    if words[-1].lower_ in _TERM_NOUNS and words[-1].tag_.startswith("NN"):
        # the marks hang from the noun ("the word "energie""), not a noun beside them ("called
        # the term "outrageous"")
        noun = words[-1]
        return any((t.head.i == noun.i and t.dep_ != "amod") or noun.head.i == t.i for t in inner)
    return any(w.lower_ in _TERM_NAMERS for w in words)


_TITLE_SMALL_WORDS = frozenset("of the a an and in on to for at with".split())


def _title(words: list[Token]) -> bool:
    """A few words in title case with no sentence punctuation: a name, not a sentence."""
    alpha = [t for t in words if t.is_alpha]
    if not alpha or len(alpha) > 6 or len(alpha) != len(words):
        return False
    return alpha[0].text[:1].isupper() and all(
        t.text[:1].isupper() or t.lower_ in _TITLE_SMALL_WORDS for t in alpha
    )


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


def source_end(source: Token) -> Token:
    """The last token of a source description: the source noun, or the end of the phrase it
    is "for"/"of"/"at"/"in" ("a spokesman for the British Phonographic Industry", "critics in
    the US"), stopping before a bracket, comma or clause ("(BPI)", "who …")."""
    doc = source.doc
    nxt = source.i + 1
    if nxt >= len(doc) or doc[nxt].lower_ not in _SOURCE_PREPS or doc[nxt].head.i != source.i:
        return source
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


def is_cue(token: Token, cues: frozenset[str]) -> bool:
    """A cue verb: in the list, tagged as a verb, not negated ("did not state")."""
    if token.lower_ not in cues or not token.tag_.startswith("VB"):
        return False
    if token.i > 0 and token.doc[token.i - 1].text in ("-", "‑"):
        if not token.doc[token.i - 1].whitespace_:
            return False  # "so-called", "self-described"; not "X - a former chief - said"
    children = list(token.children)
    if any(c.dep_ == "neg" for c in children):
        return False
    if any(c.dep_ == "prt" and token.lower_ in _NO_SPEECH.get(c.lower_, ()) for c in children):
        return False  # "were ruled out", "added up": no speech
    if any(c.dep_ == "auxpass" for c in children) and not any(c.dep_ == "agent" for c in children):
        # "it has been claimed", "it is said", "what has been dubbed": an agentless passive
        # names no speaker; nor does a naming verb's, whose subject is what is named ("He is
        # described as", "the plan was branded"), unlike "he was quoted as saying"
        if token.lower_ in _NAMING:
            return False
        return not any(
            c.dep_ in ("nsubjpass", "expl") and c.lower_ in ("it", "what", "which", "that")
            for c in children
        )
    return True


def is_according(token: Token) -> bool:
    """ "according to X", where X names someone (not "ranks countries according to the steps")."""
    doc = token.doc
    if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return False
    objs = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
    return bool(objs) and (is_person_like(objs[0]) or _names_a_source(objs[0]))


def _names_a_source(token: Token) -> bool:
    """ "according to PC Pro" (a title the tagger took for common nouns), "according to the
    magazine" (a body or document); not "according to the steps", "according to Monday's"."""
    if token.ent_type_ in _NOT_SOURCES:
        return False
    if token.text[:1].isupper() and token.i > 0 and token.doc[token.i - 1].lower_ != "to":
        return True  # "PC Pro": a capitalised name of two words or more
    definite = any(c.dep_ in ("det", "poss") and c.lower_ != "a" for c in token.children)
    return definite and token.lower_ in BODY_NOUNS


def is_person_like(token: Token) -> bool:
    """Could this token head a speaker: a name, a personal pronoun, a source description?"""
    return (
        token.ent_type_ in _NAMED_ENTS
        or token.tag_ in ("NNP", "NNPS")
        or token.lower_ in _PERSON_PRONOUNS
        or token.lower_ in SOURCE_NOUNS
    )


def _governing_cue(token: Token, lo: int, cues: frozenset[str]) -> Token:
    """ "said he believes": the complement cue gives way to the cue it depends on.

    So does a cue in a conditional or temporal clause ("Mr X said if he said things which
    were …"). A cue with a named subject of its own, or one that introduces the quotation
    with a colon ("recalls how Bill Clinton once advised him: …"), keeps the quotation.
    """
    while token.head is not token:
        head = token.head
        subordinate = token.dep_ == "advcl" and any(c.dep_ == "mark" for c in token.children)
        if not (token.dep_ in ("ccomp", "xcomp") or subordinate):
            break
        if head.idx < lo or not is_cue(head, cues):
            break
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
        if subjects and subjects[0].tag_ not in ("PRP", "WP") and is_person_like(subjects[0]):
            break
        if any(t.text == ":" for t in token.rights):
            break
        token = head
    return token


def _is_verb(token: Token) -> bool:
    return token.tag_.startswith("VB") and token.dep_ not in _NOT_VERBS


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def can_speak(token: Token) -> bool:
    """A subject that can be a speaker: a name, pronoun or source, or a role ("the mayor")."""
    if is_person_like(token) or token.lower_ in ROLE_NOUNS | DOCUMENT_NOUNS:
        return True  # "…," a council statement read
    return any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children)


def colon_cue(frame: Span) -> Token | None:
    """The verb of the clause a colon ends, whatever the verb: "Tom Briggs blurted out:",
    "The senator fired off tweets:", "Asked about it, the minister deflected:".

    Not a copula ("It will be:"); the verb needs a subject that can speak ("voters will bear
    out the old maxim:" is no attribution) or an agent ("the question posed by X:").
    """
    if len(frame) < 2 or frame[-1].text != ":":
        return None
    token = frame[-2]
    for _ in range(6):
        if _is_verb(token) and not _negated(token) and token.lemma_ not in _COPULAS:
            if token.lower_ in _COPULAS:
                return None
            subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
            if not subjects and token.dep_ == "conj":  # "X quit … and vowed:"
                subjects = [c for c in token.head.children if c.dep_ in _SUBJECTS]
            if subjects:
                return token if can_speak(subjects[0]) else None
            return token if any(c.dep_ == "agent" for c in token.children) else None
        head = token.head
        if head is token or not frame.start <= head.i < frame.end:
            return None
        token = head
    return None


def _bare_infinitive(token: Token) -> bool:
    """ "it was difficult to say that …", "fair to say": a cue after an adjective speaks for
    nobody."""
    head = token.head
    if token.dep_ != "xcomp":
        return False
    return head.tag_.startswith("JJ") or any(c.dep_ == "acomp" for c in head.children)


def _reduced_relative(token: Token) -> bool:
    """ "groups dubbed "pioneers"", "a plan described as": a participle describing a noun
    speaks for nobody, so the cue governing the sentence ("Dr X said groups dubbed …") wins."""
    return token.dep_ == "acl" and token.tag_ == "VBN"


def colon_byline(frame: Span) -> Token | None:
    """The person a verbless line before a colon names: "- City boss Kevin Keegan: “…”"."""
    words = [t for t in frame if not t.is_space]
    if len(words) < 2 or words[-1].text != ":":
        return None
    if any(_is_verb(t) or t.tag_ == "MD" for t in words):
        return None
    last = words[-2]
    return last if last.ent_type_ == "PERSON" else None


def cue_before(frame: Span, quote_token: Token | None, cues: frozenset[str]) -> Token | None:
    """The cue of a before frame: the last one whose clause holds the quotation, else the last.

    A quotation introduced by a colon takes the verb of the clause the colon ends, in the list
    or not; a listed verb wins unless it is subordinate to that verb ("Asked …, he deflected:").
    """
    colon_ends = len(frame) > 0 and frame[-1].text == ":"  # "X, asked of the war: "…"" ends
    found = [
        t
        for t in frame
        if is_according(t)
        or (
            is_cue(t, cues) and not _bare_infinitive(t) and (colon_ends or not _reduced_relative(t))
        )
    ]
    colon = colon_cue(frame)
    if colon is not None and not is_cue(colon, cues) and not is_according(colon):
        if not found or all(colon.left_edge.i <= t.i <= colon.right_edge.i for t in found):
            return colon
    if not found:
        return None
    chosen = found[-1]
    if quote_token is not None:
        qi = quote_token.i
        holding = [t for t in found if t.left_edge.i <= qi <= t.right_edge.i]
        if holding:
            chosen = holding[-1]
    if is_according(chosen):
        return chosen
    return _governing_cue(chosen, frame.start_char, cues)


def in_subject(cue: Token, i: int) -> bool:
    """Does token ``i`` lie in the subject phrase of ``cue``? Words in marks there describe
    the speaker; they are not what the speaker says."""
    return any(c.dep_ in _SUBJECTS and c.left_edge.i <= i <= c.right_edge.i for c in cue.children)


def _governs(verb: Token, quote: Span) -> bool:
    """Does a word of the quotation hang from ``verb`` in the parse (its clause)?"""
    return any(t.head.i == verb.i for t in quote if t.i != verb.i)


def parse_cue_after(frame: Span, quote: Span | None) -> Token | None:
    """A verb outside the cue list right after a quotation it governs, next to its speaker:
    "“…,” gushed Maria Alvarez", "“…,” she sighed", "“…?” Mr Okafor wondered aloud"."""
    words = [t for t in frame if not t.is_punct][:4]
    for token in words:
        # a verb the tagger took for a noun has a subject all the same ("a statement read")
        verb = _is_verb(token) or any(c.dep_ in _SUBJECTS for c in token.children)
        if not verb or _negated(token) or token.tag_ == "VBN":
            continue
        if not token.text[:1].islower():
            return None  # a name tagged as a verb ("— Mary Quinn, Leeds")
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
        if not subjects or subjects[0].tag_ in ("WP", "WDT"):
            return None
        subject = subjects[0]
        if not can_speak(subject):  # "fumed the mayor, Tom Briggs"; not "the bill stood"
            return None
        if subject.i not in (token.i - 1, token.i + 1) and subject not in words:
            return None
        if quote is None or _governs(token, quote) or quote.text.rstrip("\"”’'")[-1:] in ",?!":
            return token
        return None
    return None


def cue_after(frame: Span, cues: frozenset[str], strict: bool) -> Token | None:
    """The first cue of an after frame; ``strict``: none when another verb comes first.

    Verbs inside a comma-delimited insertion ("Mr X, who chairs the panel, said") and
    auxiliaries do not count as another verb.
    """
    inserted = False
    seen_word = False
    for token in frame:
        if is_according(token) or (is_cue(token, cues) and token.dep_ != "relcl"):
            return token  # not "the qualities he hopes to convey": a relative clause
        if token.text == ",":
            inserted = not inserted if seen_word else inserted
            continue
        if not token.is_punct:
            seen_word = True
        is_verb = token.tag_.startswith("VB") or token.tag_ == "MD"
        if strict and is_verb and token.dep_ not in _NOT_VERBS and not inserted:
            return None
    return None


def subject_of(cue: Token, cues: frozenset[str]) -> Token | None:
    """The speaker token of a cue: its subject, through "adding:" or "and said" if need be."""
    if is_according(cue):
        objs = [c for c in cue.doc[cue.i + 1].children if c.dep_ == "pobj"]
        return objs[0] if objs else None
    verb = cue
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        relative = [s for s in subjects if s.tag_ in ("WP", "WDT")]
        if relative and len(relative) < len(subjects):
            subjects = [s for s in subjects if s not in relative]  # "which, said Mr X, …"
        elif relative and relative[0].lower_ in ("which", "that"):
            inverted = _inverted_subject(verb)
            if inverted is not None:
                return inverted
        if subjects:
            # Two subjects ("Internet service provider (ISP) Plus.net also backed"): the one
            # nearest the verb, unless the parser split one glued word ("the ex-Wallaby").
            before = [s for s in subjects if s.i < verb.i]
            glued = subjects[0].whitespace_ == ""
            subj = before[-1] if len(subjects) > 1 and before and not glued else subjects[0]
            if subj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return verb.head
            if subj.tag_ in ("WP", "WDT") and subj.lower_ != "who":
                return None  # "what has been dubbed": nobody
            return _named_before_age(subj) or _named_before_reflexive(subj) or subj
        name = _name_taken_for_modal(verb)
        if name is not None:
            return name
        if verb.dep_ in ("relcl", "acl") and is_person_like(verb.head):
            return verb.head
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ in ("dobj", "pobj"):
            verb = verb.head.head  # "Plus.net backed the proposals saying …"
            continue
        if verb.dep_ == "xcomp":  # "led 12 viewers to complain": the object speaks
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
        ):  # "He said X had spoken …, adding: …": the reporter adds, not X
            head = head.head
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head is not head:
            head = head.head  # "stopped taking bets after claiming …": who stopped claimed
        verb = head
    return None


def _instrument(obj: Token, verb: Token) -> bool:
    """ "Mr X used a speech to say": an object that is no person, of a verb whose subject can
    speak, is what the subject speaks with, not a speaker."""
    if is_person_like(obj) or obj.lower_ in ROLE_NOUNS:
        return False
    return any(c.dep_ in _SUBJECTS and can_speak(c) for c in verb.children)


def quoted_as_saying(cue: Token) -> tuple[Token, Token] | None:
    """ "AP quoted prosecutor Russell McGuire as saying": the one quoted speaks, and the cue is
    his "saying" (the agency only reports it). Returns (cue, speaker)."""
    if cue.lower_ not in ("quoted", "quotes", "quote", "quoting"):
        return None
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    for prep in cue.children:
        if prep.dep_ == "prep" and prep.lower_ == "as" and objects:
            saying = [c for c in prep.children if c.tag_ == "VBG"]
            if saying:
                return saying[0], objects[0]
    return None


def _name_taken_for_modal(verb: Token) -> Token | None:
    """ "May said", "Will wrote": a capitalised word the tagger made a modal of a past or
    present-tense verb, which no modal can govern, is the name of its subject."""
    if verb.tag_ not in ("VBD", "VBZ"):
        return None
    for child in verb.lefts:
        if child.tag_ == "MD" and child.dep_ == "aux" and child.text[:1].isupper():
            return child
    return None


def _named_before_age(subj: Token) -> Token | None:
    """ "Okafor, 31, left …": the parser may make the age the subject; the name is."""
    doc = subj.doc
    if subj.tag_ != "CD" or subj.i < 2 or doc[subj.i - 1].text != ",":
        return None
    name = doc[subj.i - 2]
    return name if is_person_like(name) else None


def _named_before_reflexive(subj: Token) -> Token | None:
    """ "Mr Bez - himself a former executive - said": the parser may make the reflexive
    pronoun the subject; the name before it is."""
    doc = subj.doc
    if subj.lower_ not in ("himself", "herself") or subj.i < 2:
        return None
    name = doc[subj.i - 2] if doc[subj.i - 1].is_punct else doc[subj.i - 1]
    return name if is_person_like(name) and name.tag_ in ("NNP", "NNPS") else None


def _shares_speaker(verb: Token, cues: frozenset[str]) -> bool:
    """Can a coordinated verb take the subject of ``head``: a cue, or a verb whose subject
    can speak ("said he was "disappointed" and claimed …"; not "dance music is … and has
    admitted", where the parser coordinated the wrong verbs)."""
    head = verb.head
    if is_cue(head, cues):
        return True
    for c in head.children:
        if c.dep_ in _SUBJECTS and is_person_like(c) and c.lower_ not in ("i", "we"):
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
    subjects = [c for c in head.children if c.dep_ in _SUBJECTS]
    return not any(can_speak(s) for s in subjects)


#: Cues whose object is the hearer or the question, never the speaker.
_HEARER_CUES = frozenset("tell tells told telling ask asks asked asking".split())


def inverted_object(cue: Token) -> Token | None:
    """The speaker after a cue that follows its quotation, parsed as the cue's object:
    "“…,” added the two-time award winner", "“…,” said the report"."""
    if cue.lower_ in _HEARER_CUES:
        return None
    for child in cue.rights:
        if child.dep_ in ("dobj", "attr", "oprd", "npadvmod") and child.left_edge.i == cue.i + 1:
            if not child.tag_.startswith("NN"):
                return None
            return _owned_person(child) or child
    return None


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
            last = people[0]
            while last.i + 1 < len(doc) and doc[last.i + 1].ent_iob_ == "I":
                last = doc[last.i + 1]
            return last
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
        if t.ent_type_ == "PERSON" or (t.tag_ == "PRP" and t.lower_ in _PERSON_PRONOUNS)
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
    return None


def mention_span(token: Token, ent_of: dict[int, Span]) -> tuple[int, int]:
    """The speaker mention around a subject token: a name with titles, or a description."""
    doc = token.doc
    ent = ent_of.get(token.i)
    if ent is None and token.lower_ in ROLE_NOUNS:
        person = _coordinated(token, ent_of)
        if person is not None and person.label_ == "PERSON":
            return mention_span(doc[person.end - 1], ent_of)  # "founder and director X": X
    if ent is not None and ent.label_ != "PERSON" and _described(ent):
        last = doc[token.right_edge.i]  # "the Sale full-back": a description, not the club
        return doc[ent.start - 1].idx, last.idx + len(last)
    if ent is not None and ent.label_ in _NAMED_ENTS:
        start = ent.start
        if ent.label_ == "NORP" and start > 0 and doc[start - 1].lower_ == "the":
            start -= 1  # "the American": a person described by nationality
        while start > 0 and doc[start - 1].lower_.rstrip(".") in TITLES:
            start -= 1
        end = start + 1
        while end < ent.end and doc[end].tag_ != "POS":
            glued = doc[end].text in ("-", "‑") and not doc[end - 1].whitespace_
            if doc[end].is_punct and not (glued and not doc[end].whitespace_):
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
        if (
            child.dep_ == "appos"
            and (
                (appos_ent is not None and appos_ent.label_ in _NAMED_ENTS)
                or child.tag_ in ("NNP", "NNPS")
            )
            and not _party_tag(child)
        ):  # not an age ("Okafor, 31,")
            return mention_span(child, ent_of)
    start = token.left_edge.i
    while start < token.i and doc[start].is_punct:
        start += 1
    end = token.i + 1
    while end < len(doc) and doc[end - 1].whitespace_ == "" and doc[end].text not in _STOPS:
        end += 1  # "the ex-Wallaby" parsed as three subjects
    if start == token.i and start > 0 and doc[start - 1].tag_ == "DT":
        start -= 1
    source = source_in_subtree(token)
    if source is not None:  # "A Department for Work and Pensions spokeswoman"
        last = source_end(source)
        return doc[start].idx, last.idx + len(last)
    if token.tag_ not in ("NNP", "NNPS"):
        for child in token.rights:
            if child.dep_ == "prep" and child.i == end and child.lower_ in ("of", "for", "at"):
                end = child.right_edge.i + 1
                break
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


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
            if ent is not None and ent.label_ in _NAMED_ENTS and ent.end == child.i + 1:
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


def cue_span(cue: Token) -> tuple[int, int]:
    """The cue verb, or "according to"."""
    if cue.lower_ == "according" and cue.i + 1 < len(cue.doc):
        to = cue.doc[cue.i + 1]
        return cue.idx, to.idx + len(to)
    return cue.idx, cue.idx + len(cue)
