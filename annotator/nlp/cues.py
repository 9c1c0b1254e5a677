"""Cue verbs near one quotation, and the marks that hold nobody's words.

A cue is a verb of ``resources/cue_verbs.txt`` (tagged as a verb, not negated, not a naming
verb's agentless passive), "according to", the verb of the clause a colon ends, or a verb
right after the quotation that governs it next to a subject that can speak. Marks around a
term, a title, a nickname or a word of manner hold no speech at all (:func:`names_a_term`).
Only the tokens of a quotation's frames are looked at (see :mod:`annotator.nlp.quotes`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.grammar import (
    COPULAS,
    NOT_VERBS,
    SUBJECTS,
    can_speak,
    is_person_like,
    is_verb,
    names_a_source,
    negated,
    passive_agent,
)
from annotator.nlp.lexicon import BODY_NOUNS, PUBLIC_BODIES, SOURCE_NOUNS

#: Cue verbs with a particle that speak of something else ("ruled out", "wrote off").
_NO_SPEECH: dict[str, frozenset[str]] = {
    "out": frozenset("rule rules ruled ruling".split()),
    "off": frozenset("write writes wrote written writing".split()),
    "up": frozenset("add adds added adding".split()),
}
#: Verbs of naming or describing: their passive subject is named, not speaking.
NAMING = frozenset(
    "described dubbed called labelled labeled branded named termed nicknamed billed".split()
)
#: Nouns that introduce a term in marks, and words that name one ("the word "energie"", "known
#: as an "aggregator"", "the so-called "golden rule"").
_TERM_NOUNS = frozenset("word words term phrase slogan motto nickname label expression".split())
_TERM_NAMERS = frozenset("so-called known nicknamed entitled titled".split())
#: What a name in marks after "of" can be the name of: "a system of "control orders"".
_SCHEME_NOUNS = frozenset("system scheme policy regime".split())


def ruled_out(token: Token) -> bool:
    """A verb of saying with a particle that makes it none: "ruled out", "added up"."""
    return any(
        c.dep_ == "prt" and token.lower_ in _NO_SPEECH.get(c.lower_, ()) for c in token.children
    )


def speaking_of_nothing(token: Token) -> bool:
    """A form of "speak" with no "of" after it: a cue only for what it speaks of ('spoke of
    "shared purpose"'), not 'was speaking to pupils', 'Speaking on Radio 4, he said'."""
    return _ONLY_WHEN.get(token.lower_) is _speaks_of and not _speaks_of(token)


def names_a_term(quote: Span, cues: frozenset[str]) -> bool:
    """Marks around a term, a title or a nickname, not around anyone's words: "the word
    "energie"", "known as an "aggregator"", "Jimmy "the Whirlwind" White" (a nickname between
    a first name and a surname), 'announced "prematurely"' (a manner the narrator doubts; but
    not 'he said … had been killed "legally"', a word of the speech a cue reports)."""
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
    if _single_marked_modifier(quote, inner, after):
        return True  # "'card-not-present' fraud", "the necessary 'chip' technology"
    manner = len(inner) == 1 and inner[0].dep_ == "advmod" and inner[0].head.i < quote.start
    reported = manner and inner[0].head.dep_ == "ccomp" and is_cue(inner[0].head.head, cues)
    if manner and inner[0].head.lemma_ != "be" and not reported:
        # 'the ministry announced "prematurely" …': a word of manner, no speech; not 'was
        # "cowardly"', an adjective the tagger took for an adverb after a copula
        return True
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
    if len(words) > 1 and words[-1].lower_ == "of" and words[-2].lower_ in _SCHEME_NOUNS:
        return True  # 'opted for a system of "control orders"': the name of a scheme
    if len(words) > 1 and words[-2].lower_ == "so" and words[-1].lower_ == "called":
        return True  # "so-called" in three tokens
    return any(w.lower_ in _TERM_NAMERS for w in words)


def _single_marked_modifier(quote: Span, inner: list[Token], after: Token) -> bool:
    """A word or two in single marks naming a kind of the noun right after them: a term of
    the article's, not anyone's words (double marks there are as often a speaker's)."""
    if quote[0].text not in ("'", "‘") or not inner or len(inner) > 3:
        return False
    if not after.tag_.startswith("NN") or after.ent_type_:
        return False
    return all(t.head.i == after.i or quote.start <= t.head.i < quote.end for t in inner)


_TITLE_SMALL_WORDS = frozenset("of the a an and in on to for at with".split())


def _title(words: list[Token]) -> bool:
    """A few words in title case with no sentence punctuation: a name, not a sentence."""
    alpha = [t for t in words if t.is_alpha]
    if not alpha or len(alpha) > 6 or len(alpha) != len(words):
        return False
    return alpha[0].text[:1].isupper() and all(
        t.text[:1].isupper() or t.lower_ in _TITLE_SMALL_WORDS for t in alpha
    )


def in_a_question(quote: Span) -> bool:
    """Marks inside the question a speaker was asked ("Asked if he was chosen in a "fair and
    open" contest, he replied: …"): the questioner's words, whose author goes unnamed."""
    for token in quote[0].sent:
        if token.i >= quote.start:
            return False
        if token.lower_ == "asked" and token.tag_ == "VBN" and token.dep_ == "advcl":
            return token.left_edge.i <= quote.start and quote.end - 1 <= token.right_edge.i
    return False


#: Verbs whose passive subject is the one spoken to, not the speaker ("she was told …").
_ADDRESSING = frozenset("told informed advised warned assured reassured reminded".split())
#: Verbs whose passive subject is the one spoken of ("France have been criticised for …").
_TARGETING = frozenset(
    """criticised criticized condemned attacked praised hailed dismissed accused blamed
    slammed blasted""".split()
)
_NO_PASSIVE_SPEAKER = NAMING | _ADDRESSING | _TARGETING


def _right_after_quotation(token: Token) -> bool:
    """'"…," reads a telephone memo': not 'the subject line reads "Urgent Appeal"', a
    heading or a line of a sign."""
    return token.i > 0 and token.doc[token.i - 1].is_quote


def _next_to_quotation(token: Token) -> bool:
    """'Moyes continued: "…"', '"…," he continued.'; not "the talks continued for weeks"."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and (after.text == ":" or after.is_quote):
        return True
    # a closing mark after the quotation's own comma or stop, not 'these "bot nets", spam
    # continued to be a problem'
    window = doc[max(1, token.i - 3) : token.i]
    return any(t.is_quote and doc[t.i - 1].text in (",", ".", "?", "!") for t in window)


def _speaks_of(token: Token) -> bool:
    """'speaking of the "positive campaign"'; not 'speaking on Radio 4', 'was speaking to
    pupils'."""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def _own_clause(token: Token) -> bool:
    """ "attacking" as its sentence's verb; not "prosecuted after attacking intruders"."""
    return token.dep_ == "ROOT"


#: Cue forms that are a cue only where the condition shows words: reading a text's own words,
#: going on speaking, speaking of something, attacking in words.
_ONLY_WHEN = {
    **dict.fromkeys(("read", "reads"), _right_after_quotation),
    **dict.fromkeys(("continue", "continues", "continued", "continuing"), _next_to_quotation),
    **dict.fromkeys(("speak", "speaks", "spoke", "spoken", "speaking"), _speaks_of),
    "attacking": _own_clause,
}


def is_cue(token: Token, cues: frozenset[str]) -> bool:
    """A cue verb: in the list, tagged as a verb, not negated ("did not state")."""
    if token.lower_ not in cues or not token.tag_.startswith("VB"):
        return False
    if token.i > 0 and token.doc[token.i - 1].text in ("-", "‑"):
        if not token.doc[token.i - 1].whitespace_:
            return False  # "so-called", "self-described"; not "X - a former chief - said"
    only_when = _ONLY_WHEN.get(token.lower_)
    if only_when is not None and not only_when(token):
        return False  # "reads", "continued", "speaking", "attacking" of no words
    children = list(token.children)
    if any(c.dep_ == "neg" for c in children):
        return False
    if token.lower_ in NAMING and token.tag_ == "VBN" and token.dep_ != "conj":
        named = any(c.dep_ in ("nsubj", "nsubjpass", "agent", "aux") for c in children)
        if not named and passive_agent(token, naming=True) is None:
            return False  # "Originally dubbed "X", the firm …": nobody speaks
    if ruled_out(token):
        return False  # "were ruled out", "added up": no speech
    passive = any(c.dep_ == "auxpass" for c in children)
    if passive and passive_agent(token, naming=token.lower_ in NAMING) is None:
        # "it has been claimed", "it is said", "what has been dubbed": an agentless passive
        # names no speaker; nor does a naming verb's, whose subject is what is named ("He is
        # described as", "the plan was branded"), unlike "he was quoted as saying"
        by = token.lower_ in _TARGETING and any(t.lower_ == "by" for t in token.subtree)
        if token.lower_ in _NO_PASSIVE_SPEAKER and not by:  # (a "by" the parser hung lower)
            return False  # nor a telling verb's, whose subject is the hearer ("she was told")
        if any(c.dep_ == "xcomp" for c in children):
            return False  # "X are thought to be …", "is said to have": X is spoken about
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
    if objs and any(t.ent_type_ == "PERSON" for t in objs[0].subtree):
        return True  # "according to media and PR strategist Jo Bloggs"
    return bool(objs) and (is_person_like(objs[0]) or names_a_source(objs[0]))


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
        subjects = [c for c in token.children if c.dep_ in SUBJECTS]
        if subjects and subjects[0].tag_ not in ("PRP", "WP") and is_person_like(subjects[0]):
            break
        if subjects and definite_body(subjects[0]):
            break  # "He added the government had pledged "…"": the government's words
        if any(t.text == ":" for t in token.rights):
            break
        token = head
    return token


def definite_body(token: Token) -> bool:
    """ "the government", "the company": a body that can speak for itself."""
    dets = [c for c in token.children if c.dep_ == "det"]
    return token.lower_ in BODY_NOUNS | PUBLIC_BODIES and bool(dets) and dets[0].lower_ == "the"


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
        if is_verb(token) and not negated(token) and token.lemma_ not in COPULAS:
            if token.lower_ in COPULAS:
                return None
            subjects = [c for c in token.children if c.dep_ in SUBJECTS]
            if not subjects and token.dep_ == "conj":  # "X quit … and vowed:"
                subjects = [c for c in token.head.children if c.dep_ in SUBJECTS]
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
    nobody; nor does an infinitive describing a noun ("there was a need to recognise …")."""
    head = token.head
    if token.dep_ == "acl" and head.tag_ in ("NN", "NNS"):
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if token.dep_ != "xcomp":
        return False
    return head.tag_.startswith("JJ") or any(c.dep_ == "acomp" for c in head.children)


def _reduced_relative(token: Token) -> bool:
    """ "groups dubbed "pioneers"", "a plan described as": a participle describing a noun
    speaks for nobody, so the cue governing the sentence ("Dr X said groups dubbed …") wins."""
    if any(c.dep_ == "agent" for c in token.children):
        return False  # "the plan, described by the union as "…"": the union speaks
    return token.dep_ == "acl" and token.tag_ == "VBN"


def colon_byline(frame: Span) -> Token | None:
    """The person a verbless line before a colon names: "- City boss Kevin Keegan: “…”"."""
    words = [t for t in frame if not t.is_space]
    if len(words) < 2 or words[-1].text != ":":
        return None
    if any(is_verb(t) or t.tag_ == "MD" for t in words):
        return None
    last = words[-2]
    return last if last.ent_type_ == "PERSON" else None


def colon_stance(frame: Span) -> Token | None:
    """The person whose stance a copula clause before a colon gives: "Johansson was more
    restrained in his assessment: “…”", "Mr X was in no doubt:" (no verb of saying: no cue)."""
    words = [t for t in frame if not t.is_space]
    if len(words) < 3 or words[-1].text != ":":
        return None
    root = words[-2]  # climb to the clause's verb, inside the frame (the parser may hang it
    while root.lemma_ != "be" and frame.start <= root.head.i < frame.end:  # on the quotation)
        if root.head.i == root.i:
            break
        root = root.head
    if root.lemma_ != "be" or negated(root):
        return None
    subjects = [c for c in root.children if c.dep_ == "nsubj" and c.i < root.i]
    return subjects[0] if subjects and subjects[0].ent_type_ == "PERSON" else None


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
    by = any(c.dep_ == "agent" for c in chosen.children)  # "described by one union as "…""
    if quote_token is not None:
        qi = quote_token.i
        holding = [t for t in found if t.left_edge.i <= qi <= t.right_edge.i]
        # "X described the action taken as revealed by the report as "…"": the agent's verb
        # sits inside the clause of the cue that holds the quotation
        if holding and (not by or _clause_verb(quote_token).i == holding[-1].i):
            chosen = holding[-1]
    if is_according(chosen):
        return chosen
    return _governing_cue(chosen, frame.start_char, cues)


def _clause_verb(token: Token) -> Token:
    """The verb whose clause ``token`` is in: its nearest verb among its heads."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def in_subject(cue: Token, i: int) -> bool:
    """Does token ``i`` lie in the subject phrase of ``cue``? Words in marks there describe
    the speaker; they are not what the speaker says."""
    subjects = [c for c in cue.children if c.dep_ in SUBJECTS]
    before = [c for c in subjects if c.i < cue.i]
    if len(subjects) > 1 and before:  # 'The "myth" … needs to be "exploded", the minister
        subjects = before[-1:]  # has said': two subjects, the one next to the verb is it
    return any(c.left_edge.i <= i <= c.right_edge.i for c in subjects)


def _governs(verb: Token, quote: Span) -> bool:
    """Does a word of the quotation hang from ``verb`` in the parse (its clause)?"""
    return any(t.head.i == verb.i for t in quote if t.i != verb.i)


def parse_cue_after(frame: Span, quote: Span | None) -> Token | None:
    """A verb outside the cue list right after a quotation it governs, next to its speaker:
    "“…,” gushed Maria Alvarez", "“…,” she sighed", "“…?” Mr Okafor wondered aloud"."""
    words = [t for t in frame if not t.is_punct][:4]
    for token in words:
        # a verb the tagger took for a noun has a subject all the same ("a statement read")
        verb = is_verb(token) or any(c.dep_ in SUBJECTS for c in token.children)
        if not verb or negated(token) or token.tag_ == "VBN":
            continue
        if not token.text[:1].islower():
            return None  # a name tagged as a verb ("— Mary Quinn, Leeds")
        subjects = [c for c in token.children if c.dep_ in SUBJECTS]
        if not subjects and token is words[0]:
            subjects = _inverted_object(token)
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


def _inverted_object(verb: Token) -> list[Token]:
    """The speaker right after a verb that follows its quotation, parsed as its object and
    ending the sentence: '"…," smiles one broker.', '"…," grinned the coach.'."""
    doc = verb.doc
    for c in verb.children:
        if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1 and c.tag_.startswith("NN"):
            after = doc[c.right_edge.i + 1] if c.right_edge.i + 1 < len(doc) else None
            if after is None or after.text in (".", ",", "!", "?"):
                return [c]
    return []


def cue_after(frame: Span, cues: frozenset[str], strict: bool) -> Token | None:
    """The first cue of an after frame; ``strict``: none when another verb comes first.

    Verbs inside a comma-delimited insertion ("Mr X, who chairs the panel, said") and
    auxiliaries do not count as another verb.
    """
    inserted = False
    seen_word = False
    for token in frame:
        if is_according(token) or (is_cue(token, cues) and _not_relative(token, frame)):
            if token.dep_ == "conj" and _inside_quotation(token.head, frame.start):
                # 'the party "fades away" … and the Liberal Democrats challenge Labour …, he
                # said': the quoted verb's own conjunct, reported by the sentence's root
                root = token.sent.root
                if root.i > token.i and root.i < frame.end and is_cue(root, cues):
                    return root
            return reporting_root(token, frame, cues) or token
        if mistagged_cue(token, cues):
            return token
        if token.text == ",":
            inserted = not inserted if seen_word else inserted
            continue
        if not token.is_punct:
            seen_word = True
        is_verb = token.tag_.startswith("VB") or token.tag_ == "MD"
        if strict and is_verb and token.dep_ not in NOT_VERBS and not inserted:
            return None
    return None


#: What may follow a verb that closes its sentence's attribution ("…, he insisted during
#: stormy exchanges."): no complement of its own.
_TRAILING = frozenset({"prep", "advmod", "npadvmod", "punct"})


def reporting_root(cue: Token, frame: Span, cues: frozenset[str]) -> Token | None:
    """The sentence's own cue later in the (after) frame when ``cue`` is a verb of the clause
    it reports: 'Snow Patrol had "no other course of action" but to ask their bassist to
    leave, lead singer Gary Lightbody has said' ("ask" is reported; "said" attributes); 'By
    declaring their assets, people would be able to "legalise their property", Mr X stressed'
    ("declaring", before the quotation, is reported too)."""
    root = cue.sent.root
    if root.i <= cue.i or not frame.start <= root.i < frame.end or not is_cue(root, cues):
        return None
    if not any(c.dep_ in SUBJECTS and c.i >= frame.start for c in root.children):
        return None  # the reporting verb's own subject comes after the reported words
    if any(c.i > root.i and c.dep_ not in _TRAILING for c in root.children):
        return None  # "…, he admitted "everything is possible"": a clause of its own
    if any(c.dep_ in SUBJECTS and can_speak(c) for c in cue.children):
        return None  # "An MEP suggested Germany saw the EU as an 'empire', a documentary has
        # revealed": the MEP speaks, the documentary reports it
    reported = [c for c in root.children if c.dep_ in ("ccomp", "advcl") and c.i < root.i]
    inside = [r for r in reported if r.left_edge.i <= cue.i <= r.right_edge.i]
    if not inside or inside[0].left_edge.i >= frame.start:
        return None
    mark = frame.start - 1  # the quotation's closing mark
    subjects = [t for t in inside[0].subtree if t.dep_ in (*SUBJECTS, "csubj", "csubjpass")]
    if any(t.left_edge.i <= mark <= t.right_edge.i for t in subjects):
        return None  # 'Suggestions that "outsourcing" … is to blame are wrong, X says': a term
    return root


def _inside_quotation(token: Token, end: int) -> bool:
    """Is ``token`` inside the quotation that closes just before token ``end``: an odd number
    of marks between them?"""
    if token.i >= end:
        return False
    return sum(t.is_quote for t in token.doc[token.i : end]) % 2 == 1


def mistagged_cue(token: Token, cues: frozenset[str]) -> bool:
    """'"…," the lawsuit states.': a cue the tagger took for a plural noun ("states" as
    in "the United States"), the root of its sentence with its subject as a compound."""
    if token.lower_ not in cues or token.tag_ != "NNS" or token.dep_ != "ROOT":
        return False
    if not any(c.dep_ == "compound" and c.i == token.i - 1 for c in token.children):
        return False
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return nxt is None or nxt.text in (".", "!", "?")


def _not_relative(cue: Token, frame: Span) -> bool:
    """Not a relative clause ("the qualities he hopes to convey"), unless it is about the
    quoted words themselves ('"… growth theory" which the chancellor once quoted') or a
    parse that hung the verb after the quotation on one of its nouns."""
    if cue.dep_ != "relcl":
        return True
    if cue.head.i >= frame.start:
        return False
    # '"…," deputy director Jo Bloggs said': hung on a noun of the quotation its comma
    # ends, its subject after the closing mark (not 'a "tough meeting" where Tories argued')
    doc = frame.doc
    comma = frame.start > 1 and doc[frame.start - 1].is_quote and doc[frame.start - 2].text == ","
    subject = comma and any(c.dep_ == "nsubj" and c.i >= frame.start for c in cue.children)
    return subject or any(c.dep_ == "dobj" and c.tag_ == "WDT" for c in cue.children)


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
        if prep.dep_ in ("xcomp", "acl") and prep.tag_ == "VBG" and objects:
            if objects[0].i < prep.i and is_person_like(objects[0]):
                return prep, objects[0]  # "The Standard quoted Mr Clarke telling activists"
    if objects and objects[0].i > cue.i and objects[0].lower_ in SOURCE_NOUNS:
        # '"…," the newspaper quotes a source close to the firm': the source speaks
        return cue, objects[0]
    return None


def cue_span(cue: Token) -> tuple[int, int]:
    """The cue verb, or "according to"."""
    if cue.lower_ == "according" and cue.i + 1 < len(cue.doc):
        to = cue.doc[cue.i + 1]
        return cue.idx, to.idx + len(to)
    return cue.idx, cue.idx + len(cue)
