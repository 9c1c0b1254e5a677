"""Names of people and bodies in one mention: the words of a name, the role a person is
introduced with, a body named by a capitalised description, and a misspelt name."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import numpy
from spacy.attrs import IS_ALPHA, IS_LOWER, LOWER, SHAPE
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from annotator.nlp.first_names import is_first_name
from annotator.nlp.grammar import name_end_any
from annotator.nlp.lexicon import (
    AFFILIATIONS,
    BODY_NOUNS,
    DETERMINERS,
    GROUP_NOUNS,
    HONORIFICS,
    OCCUPATIONS,
    ROLE_NOUNS,
    ROLE_WORDS,
    SOURCE_NOUNS,
    SPEAKER_NOUNS,
    TITLES,
    strip_affiliations,
    strip_titles,
)
from annotator.nlp.spans import SpanSet

_GROUP_ENTS = frozenset({"ORG", "NORP", "GPE", "FAC"})
_ROLE_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})


@dataclass(frozen=True)
class Person:
    """A person named in the article: where, the words of the name, the role introducing it."""

    start: int
    words: tuple[str, ...]
    #: Words of the role the article introduced the person with: (lowercased, a country,
    #: nationality or organisation?). Only such words may be missing from a later description:
    #: "the Ukrainian president" is "Ukrainian president X", "the prime minister" is not
    #: "Deputy Prime Minister X".
    role: tuple[tuple[str, bool], ...]

    @property
    def name(self) -> str:
        return " ".join(self.words)


def body_name(tokens: list[Token]) -> str | None:
    """ "The Scottish Executive", "the Treasury": a body named by a capitalised description."""
    words = [t for t in tokens if t.lower_ not in DETERMINERS]
    if len(words) == len(tokens) or not words or tokens[0].lower_ not in DETERMINERS:
        return None
    if any(t.ent_type_ == "PERSON" for t in words) or words[-1].lower_ in ROLE_NOUNS:
        return None
    if all(t.tag_ in ("NNP", "NNPS") and t.text[:1].isupper() for t in words):
        return " ".join(t.text for t in words)
    return None


_SCORE = re.compile(r"\d+[-–]\d+$")


def _score(token: Token) -> bool:
    """ "6-2", however the tokenizer cut it: digits, a dash, digits ("6–2" stays one token)."""
    doc, i = token.doc, token.i
    if _SCORE.match(token.text):
        return True
    return (
        token.text.isdigit()
        and i + 2 < len(doc)
        and doc[i + 1].text in ("-", "–")
        and doc[i + 2].text.isdigit()
    )


#: Endings of words for a role or a doer ("Treasurer", "Goalscorer", "Chairman").
_DOER_ENDINGS = ("er", "or", "ist", "man", "ian", "ent", "ant")


def _doer_ending(word: str) -> bool:
    """A word with the ending of a role or a doer that is no first name ("Treasurer")."""
    return not is_first_name(word) and word.lower().endswith(_DOER_ENDINGS)


def _role_before_first_name(words: list[str]) -> bool:
    """Is the first word a role written before a first name ("Treasurer Peter Costello")?
    Not a first name the table does not know ("Jean Pierre Meersseman")."""
    return _doer_ending(words[0]) and is_first_name(words[1])


def doer_word(word: str) -> bool:
    """A capitalised word for a role or a doer that is no first name ("Matchwinner"); long,
    unlike a first name the table lacks ("Mansoor")."""
    return len(word) >= 8 and _doer_ending(word)


def clean_words(span: Span) -> list[str]:
    """The words of a name, cut at the first punctuation ("Norman Cook - aka"), no titles."""
    words: list[str] = []
    for t in span:
        if t.tag_ == "POS" and span.label_ == "PERSON" and words:
            break  # "Mr Brown's International Finance Facility", typed a person: Brown
        if glued_hyphen(t) and words:
            words[-1] += t.text  # "Kilroy-Silk": one word
            continue
        if words and t.i > span.start and glued_hyphen(t.doc[t.i - 1]):
            words[-1] += t.text
            continue
        if t.text in ("'", "’") and t.tag_ == "POS" and words and not t.doc[t.i - 1].whitespace_:
            if t.i + 1 < span.end and span.doc[t.i + 1].is_title:
                words[-1] += t.text  # "Music Managers' Forum"
                continue
        if t.is_punct and t.text not in ("'", "’", "&") and words:
            break  # but "Food & Agriculture Organisation", "Marks & Spencer" go on
        if words and _score(t):
            break  # "Roddick 6-2 7-6": a score the model took into the name
        if (not t.is_punct or t.text == "&") and t.text not in ("'s", "’s"):
            word = t.text
            if word.endswith(".") and len(word) > 3 and word[:-1].isalpha():
                word = word[:-1]  # "said Connors." tokenized with its full stop
            words.append(word)
    if span.label_ == "PERSON" and words:
        words[-1] += _hyphened_rest(span)  # "Nadia Magnenat-Thalman", typed to the hyphen
    if span.label_ in ("PERSON", ""):  # "Boss Henk Addink", untyped: Henk Addink
        words = strip_affiliations(words)
        while len(words) > 2 and _role_before_first_name(words):
            words = words[1:]  # "Treasurer Peter Costello", "Goalscorer Jimmy Floyd …"
    elif span.label_ == "ORG":  # "Barcelona star Ronaldinho" typed a body: Ronaldinho
        roles = [k for k, w in enumerate(words[1:-1], 1) if w in _STANDINGS]
        words = words[roles[-1] + 1 :] if roles else words
    return strip_titles(words)


def _hyphened_rest(span: Span) -> str:
    """The rest of a hyphenated word the span ends inside ("-Thalman" after "Magnenat")."""
    doc, end = span.doc, span.end
    if end + 1 >= len(doc) or not glued_hyphen(doc[end]) or not doc[end + 1].is_title:
        return ""
    return doc[end].text + doc[end + 1].text


#: Role words inside a name the model typed a body ("Barcelona star Ronaldinho").
_STANDINGS = AFFILIATIONS | ROLE_NOUNS
#: Generational suffixes the model leaves outside a person's name ("Larry Mullen Jr").
_SUFFIXES = frozenset({"jr", "jnr", "sr", "snr"})


def with_suffix(ent: Span, words: list[str]) -> list[str]:
    """A person's name words with the "Jr" after it, when the model left it out."""
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].lower_.rstrip(".") in _SUFFIXES and words:
        return [*words, doc[ent.end].text.rstrip(".")]
    return words


def glued_hyphen(token: Token) -> bool:
    """A hyphen inside a word ("Kilroy-Silk"), no space on either side."""
    doc = token.doc
    return (
        token.text in ("-", "‑")
        and token.whitespace_ == ""
        and 0 < token.i < len(doc) - 1
        and doc[token.i - 1].whitespace_ == ""
    )


def role_before(ent: Span) -> list[tuple[str, bool]]:
    """Premodifying role of a name: "Shadow minister", "Ukrainian president"."""
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and doc[i].lower_ in HONORIFICS:
        i -= 1
    words: list[tuple[str, bool]] = []
    while (
        i >= 0
        and doc[i].dep_ in _ROLE_DEPS
        and i < doc[i].head.i < ent.end
        and doc[i].ent_type_ != "PERSON"
        and doc[i].tag_ not in ("JJR", "RB", "RBR")  # "Earlier Foreign Secretary Jack Straw"
    ):
        words.append((doc[i].lower_, doc[i].ent_type_ in _GROUP_ENTS))
        i -= 1
    return words[::-1]


def titled_person(ent: Span) -> Person | None:
    """A person the model typed a body or place, after a title: "Cardinal Cormac
    Murphy-O'Connor" (as two bodies), "Mr Toshitsune". The title is the person's role."""
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and ent.start - i <= 2 and _capitalised(doc[i]) and not doc[i].ent_type_:
        if doc[i].lower_ in TITLES:
            break
        i -= 1
    if i < 0 or doc[i].lower_.rstrip(".") not in TITLES or not doc[i].text[:1].isupper():
        return None
    words = clean_words(doc[i + 1 : ent.end])
    if not words or not all(w[:1].isupper() for w in words):
        return None
    return Person(doc[i + 1].idx, tuple(words), ((doc[i].lower_.rstrip("."), False),))


#: Words that end the names of bodies, never of people ("Warner Bros", "Virgin Radio").
_BODY_WORDS = BODY_NOUNS | frozenset(
    """inc ltd plc corp co bros brothers music records radio capital partners holdings
    airlines airways motors international university college school hospital hotel""".split()
)


def _two_or_three_names(words: list[str]) -> bool:
    """Two or three capitalised words, each part of a hyphened one too ("Sven-Goran")."""
    parts = [part for w in words for part in w.split("-")]
    return 2 <= len(words) <= 3 and all(p[:1].isupper() and p[1:].islower() for p in parts)


def with_surname_after(ent: Span, words: list[str]) -> list[str]:
    """The words of a person's name with the surname the model left out after a first name,
    the party before it dropped: "Tory Dominic Grieve", typed a person to "Dominic", is
    Dominic Grieve (the name's words are compounds of the untyped capitalised word after it)."""
    doc = ent.doc
    if ent.label_ != "PERSON" or ent.end >= len(doc) or not is_first_name(ent[-1].text):
        return words
    after = doc[ent.end]
    if after.tag_ != "NNP" or after.ent_type_ or not after.is_title or ent.root.head.i != after.i:
        return words
    return strip_affiliations([*words, after.text])


def person_by_first_name(ent: Span) -> Person | None:
    """A person the model typed as an organisation or a work, known by a common first name
    of one gender and introduced with a person's role: "Julia Eccleshare, chair of the
    panel," or "Simon Yates, a senior analyst for Forrester," (two or three capitalised words,
    the first a first name, the rest no words of a body's name)."""
    words = clean_words(ent)
    if not _two_or_three_names(words):
        return None
    if any(w.lower() in _BODY_WORDS for w in words[1:]) or not is_first_name(words[0]):
        return None
    role = tuple(role_before(ent) + role_after(ent))
    heads = {role[-1][0]} if role else set()
    heads |= {c.lower_ for c in ent.root.rights if c.dep_ == "appos"}  # "…, a senior analyst for X"
    if not role or not heads & (ROLE_NOUNS | OCCUPATIONS | SOURCE_NOUNS):
        return None  # "Aston Martin", "Chelsea Clinton Foundation": only a person's role shows it
    return Person(ent.start_char, tuple(words), role)


def untyped_name_part(token: Token, start: int, end: int) -> bool:
    """A capitalised proper noun the model left out of the name (tokens start to end) it
    modifies: "the Liberal Democrats" with "Democrats" typed alone, "Wing Christophe
    Dominici" with "Dominici" typed alone; never a title."""
    return (
        token.tag_ == "NNP"
        and not token.ent_type_
        and token.dep_ == "compound"
        and start <= token.head.i < end
        and token.text[:1].isupper()
        and token.lower_.rstrip(".") not in TITLES
    )


def modal_named(ent: Span) -> Person | None:
    """A person whose first name the tagger took for a modal verb: "Will Davies" mid-sentence,
    which the model typed as a work or a body (two or three capitalised words, the first
    tagged MD and not opening its sentence)."""
    first = ent[0]
    if ent.label_ == "PERSON" or first.tag_ != "MD" or first.is_sent_start:
        return None
    words = [t.text for t in ent]
    if not _two_or_three_names(words):
        return None
    return Person(ent.start_char, tuple(words), ())


def role_after(ent: Span) -> list[tuple[str, bool]]:
    """Appositive role of a name: "Sir Ed Davey, leader of the Liberal Democrats,"."""
    words: list[tuple[str, bool]] = []
    for child in ent.root.rights:
        if child.dep_ == "appos" and child.ent_type_ != "PERSON":
            for t in child.subtree:
                if t.dep_ in ("relcl", "acl") or t.is_punct:
                    break
                if t.lower_ not in DETERMINERS:
                    words.append((t.lower_, t.ent_type_ in _GROUP_ENTS))
            break
    return words


def role_of_head(ent: Span) -> list[tuple[str, bool]]:
    """The role a name stands in apposition to: "The Bishop of Durham, the Rt Rev Tom Wright"
    (the head noun with its premodifiers, not its "of" phrase)."""
    root = ent.root
    head = root.head
    if root.dep_ != "appos" or head.ent_type_ == "PERSON" or not head.tag_.startswith("NN"):
        return []
    words = [
        (t.lower_, t.ent_type_ in _GROUP_ENTS)
        for t in head.lefts
        if t.dep_ in _ROLE_DEPS and t.ent_type_ != "PERSON"
    ]
    return [*words, (head.lower_, False)]


def source_family(word: str) -> str:
    """Heads of source descriptions that name the same kind of source: "spokesman",
    "spokeswoman", "spokesperson"; "official", "officials"."""
    word = word.lower()
    if word.startswith("spokes"):
        return "spokes"
    return word[:-1] if word.endswith("s") else word


def other_sex(noun: str, name: str) -> bool:
    """Is ``name`` a source of the other sex than the source noun ``noun`` ("spokeswoman"
    and "A spokesman for the centre": two people)?"""
    words = name.lower().split()
    other = {"spokeswoman": "spokesman", "spokesman": "spokeswoman"}.get(noun)
    return other is not None and other in words


#: Small words inside a body's name, left out of its initials ("Department of Health").
_NAME_LINKS = frozenset({"of", "and", "for", "de", "du", "des", "la", "le", "&"})
_NAME_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "JJ", "FW"})  # not "However Mr"
_ELIDED = re.compile(r"[a-z]'(?=[A-Z])")


def initials(words: Iterable[str]) -> str:
    """The lowercased initials of a body's name: "bpi" for British Phonographic Industry,
    "csa" for Conseil Superieur de l'Audiovisuel (the word after an elided article)."""
    out = []
    for word in words:
        word = _ELIDED.sub("", word, count=1)
        if word[:1].isupper():
            out.append(word[0].lower())
    return "".join(out)


def capitalised_runs(doc: Doc) -> Iterable[tuple[int, list[str]]]:
    """Runs of two or more capitalised words outside names of people, with the small words
    between them ("The Football Association", "Conseil Superieur de l'Audiovisuel"): names
    of bodies the model may not have typed, as (start offset, words without a determiner).

    Only the tokens that can be part of a run are looked at, picked from arrays of the whole
    document (most tokens are lowercase words, and a Python test on every one is slow)."""
    arr = doc.to_array([IS_ALPHA, IS_LOWER, LOWER, SHAPE])
    wanted = (arr[:, 0] == 1) & (arr[:, 1] == 0)  # a letter word with a capital
    wanted |= numpy.isin(arr[:, 2], [get_string_id(w) for w in _NAME_LINKS])
    shapes = numpy.unique(arr[:, 3])
    elided = [h for h in shapes.tolist() if doc.vocab.strings[h].startswith("x'X")]
    wanted |= numpy.isin(arr[:, 3], elided)  # "l'Audiovisuel"
    run: list[Token] = []
    for i in [*numpy.flatnonzero(wanted).tolist(), len(doc)]:
        token = doc[i] if i < len(doc) else None
        if run and (token is None or i != run[-1].i + 1):
            yield from _run_name(run)
            run = []
        if token is not None and (_capital_word(token) or (run and token.lower_ in _NAME_LINKS)):
            run.append(token)
        elif run:
            yield from _run_name(run)
            run = []


def _run_name(run: list[Token]) -> Iterable[tuple[int, list[str]]]:
    while run and run[-1].lower_ in _NAME_LINKS:
        run.pop()
    if sum(t.text[:1].isupper() for t in run) >= 2:
        yield run[0].idx, [t.text for t in run]


def _capital_word(token: Token) -> bool:
    text = token.text  # the cheap tests first
    if not text[:1].isupper():
        if text[1:2] != "'":  # "l'Audiovisuel"
            return False
        text = text[2:]
    return (
        text.isalpha()
        and text[:1].isupper()
        and token.ent_type_ != "PERSON"
        and token.tag_ in _NAME_TAGS
        and token.lower_ not in DETERMINERS
    )


def _latest(named: list[tuple[int, str]], pos: int, forward: bool) -> str | None:
    """Of (start, name) pairs in text order, the name of the latest before ``pos``; else
    (``forward``) of the first after."""
    before = [name for start, name in named if start < pos]
    if before:
        return before[-1]
    return named[0][1] if named and forward else None


#: Last words of a competition's name, no body's: "Uefa Cup" is not Uefa.
_EVENT_WORDS = frozenset(
    "cup league championship championships trophy award awards prize festival games open".split()
)


#: Countries that open a body's name but not its initials ("US Federal Bureau of Investigation").
_PLACE_PREFIXES = frozenset("US UK EU British American".split())
#: Last words of a body's name that say what kind of body it is ("Labour Party").
_KIND_WORDS = GROUP_NOUNS | frozenset("center centre institute foundation society trust".split())


#: Last words of a body's name the model may type as a work: "the Making Decisions Alliance".
_ORGANISATION_WORDS = GROUP_NOUNS | frozenset(
    """alliance society forum federation foundation institute trust coalition fellowship
    league movement""".split()
)


def _body_named_as_work(ent: Span, words: list[str]) -> bool:
    return ent.label_ == "WORK_OF_ART" and bool(words) and words[-1].lower() in _ORGANISATION_WORDS


class Bodies:
    """The organisations an article names in full (ORG entities of two words or more), to find
    the one a short form or a description stands for: "the Fed" (the US Federal Reserve),
    "the BPI" (the British Phonographic Industry), "the ministry" (the Ministry of
    Communications)."""

    def __init__(self, ents: Iterable[Span], doc: Doc | None = None):
        self.doc = doc
        self._runs: dict[str, list[tuple[int, str]]] | None = None
        self.names: list[tuple[int, str]] = []
        self._by_word: dict[str, list[int]] = {}
        self._by_initials: dict[str, list[int]] = {}
        self._by_prefix: dict[str, list[tuple[str, int]]] = {}
        #: Names of bodies, places and groups as written, by their lowercased form.
        self.written: dict[str, str] = {}
        self.counts: dict[str, int] = {}
        self._single: dict[str, list[str]] | None = None
        self._misspelt: dict[str, str | None] = {}
        #: Names that are no body's own: a part of another's, or a competition.
        self._not_bodies: set[int] = set()
        #: Where each one-word name of a body is first written alone.
        self._first_alone: dict[str, int] = {}
        self._ents = list(ents)
        self._lists: list[tuple[int, str]] | None = None
        #: Short names written in brackets after a body's full name ("the Greek Athletics
        #: Federation (Segas)"), lowercased, with that full name.
        self._aliases: dict[str, str] = {}
        headline = doc.text.find("\n") if doc is not None else -1  # "Continental 'may run …'"
        for ent in self._ents:
            if ent.label_ in _GROUP_ENTS:
                written = " ".join(clean_words(ent))
                if " " not in written and ent.start_char > headline:
                    self._first_alone.setdefault(written.lower(), ent.start_char)
                self.written.setdefault(written.lower(), written)
                self.counts[written.lower()] = self.counts.get(written.lower(), 0) + 1
            words = clean_words(ent)
            # "the Berlin Film Festival" typed FAC, "The Making Decisions Alliance" a work
            if ent.label_ not in ("ORG", "FAC") and not _body_named_as_work(ent, words):
                continue
            if ent.start_char < headline:
                continue  # "Wembley firm won't make a profit": a headline's label, not a name
            if len(words) < 2:
                continue
            k = len(self.names)
            self.names.append((ent.start_char, " ".join(words)))
            if any(t.tag_ == "POS" for t in ent) or words[-1].lower() in _EVENT_WORDS:
                self._not_bodies.add(k)  # "Macrovision's … Group", "Uefa Cup"
            for word in dict.fromkeys(w.lower() for w in words):
                self._by_word.setdefault(word, []).append(k)
                if len(word) > 3:
                    self._by_prefix.setdefault(word[:3], []).append((word, k))
            self._by_initials.setdefault(initials(words), []).append(k)
            if words[0] in _PLACE_PREFIXES and len(words) > 2:
                # "The US Federal Bureau of Investigation": the "FBI" is the body without
                # its country, as its initials say
                self._add_shortened(ent.start_char, words[1:])
            given = _given_acronym(ent)  # "the Past Congressional Budget Office (CBO)"
            short = _given_short_name(ent) if given is None else None  # initials: by letters
            if short is not None:
                self._aliases.setdefault(short, " ".join(words))  # "… Federation (Segas)"
            tail = next((j for j in range(1, len(words)) if initials(words[j:]) == given), None)
            if tail is not None and words[tail] not in _SMALL:
                # the body is the words its letters give: "Congressional Budget Office"
                self._add_shortened(ent.start_char, words[tail:])

    def _add_shortened(self, start: int, words: list[str]) -> None:
        """A body's name without its first words, found by its initials only."""
        self._by_initials.setdefault(initials(words), []).append(len(self.names))
        self.names.append((start, " ".join(words)))

    def _pick(self, found: list[int], pos: int, forward: bool) -> str | None:
        """The latest of ``found`` named before ``pos``; else (``forward``) the first after."""
        return _latest([self.names[k] for k in found], pos, forward)

    def alias(self, name: str) -> str | None:
        """The full name of a body whose short name ``name`` is written in brackets after it
        ("Segas" after "the Greek Athletics Federation (Segas)")."""
        return self._aliases.get(name.lower())

    def expand(self, name: str, pos: int) -> str | None:
        """The full name a one-word body name stands for: its initials ("BPI"), the start of
        one of its words ("Fed" for Federal), or the first word of one body's name ("Merrill"
        for Merrill Lynch)."""
        word = name.lower()
        if " " in word or len(word) < 2:
            return None
        alias = self.alias(name)
        if alias is not None:  # "Segas"
            return alias
        found = self._by_letters(name) if name.isupper() else []
        if not found and len(word) >= 3:
            found = sorted(
                {
                    k
                    for w, k in self._by_prefix.get(word[:3], ())
                    if w.startswith(word) and w != word
                }
            )
        if not found:  # "Merrill": the first word of "Merrill Lynch"
            found = self._led_by(word)
            if len({self.names[k][1] for k in found}) > 1:
                return None
            alone = self._first_alone.get(word)
            if found and alone is not None and alone < min(self.names[k][0] for k in found):
                return None  # "Apple", a body before "Apple Developer Connection" is named
        if not found and name.isupper():  # "the FA" after "The Football Association" untyped
            return self._spelled_out(name, pos)
        return self._pick(found, pos, forward=True)

    def _led_by(self, word: str) -> list[int]:
        """The bodies whose name starts with the lowercased word ``word``."""
        lead = f"{word} "
        return [k for k in self._by_word.get(word, []) if self.names[k][1].lower().startswith(lead)]

    def listed_before(self, pos: int) -> str | None:
        """The latest list of bodies named together before ``pos`` ("Technology firms Sony,
        Philips, Matsushita and Samsung"), as "Sony, Philips, Matsushita and Samsung": what a
        later "the firms" stands for. Found once per document."""
        if self._lists is None:
            self._lists = []
            ents = self._ents
            by_root = {e.root.i: e for e in ents}
            for ent in ents:
                if ent.label_ != "ORG" or ent.root.dep_ not in ("nsubj", "nsubjpass"):
                    continue  # bodies that act, not "drugs Tysabri and Avonex" they make
                listed = [ent]
                token = ent.root
                while True:  # "Sony, Philips, Matsushita and Samsung": a chain of conjuncts,
                    # whatever the model typed the later ones ("Matsushita" a person)
                    nxt = next((c for c in token.children if c.dep_ == "conj"), None)
                    if nxt is None or nxt.i not in by_root or not nxt.text[:1].isupper():
                        break
                    listed.append(by_root[nxt.i])
                    token = nxt
                if len(listed) > 1:
                    names = [" ".join(clean_words(e)) for e in listed]
                    joined = ", ".join(names[:-1]) + " and " + names[-1]
                    self._lists.append((ent.start_char, joined))
        return _latest(self._lists, pos, forward=False)

    def starting_with(self, word: str, pos: int) -> str | None:
        """The one body whose name starts with the word ``word``, one whose name ends in a
        word of its kind first (a body's short name the model typed a person or left untyped:
        "Pew" for the Pew Research Center, not Pew Research; "Labour" for the Labour Party;
        "Marsh" for Marsh & McLennan), or None."""
        found = [k for k in self._led_by(word.lower()) if k not in self._not_bodies]
        kinds = [k for k in found if self.names[k][1].split()[-1].lower() in _KIND_WORDS]
        found = kinds or found
        if len({self.names[k][1] for k in found}) != 1:
            return None
        return self._pick(found, pos, forward=True)

    def spelled_out(self, name: str, pos: int) -> str | None:
        """The full name an acronym stands for by its initials only ("BPI"), or None."""
        if not name.isupper() or " " in name or len(name) < 2:
            return None
        found = self._by_letters(name)
        return self._pick(found, pos, forward=True) if found else self._spelled_out(name, pos)

    def _by_letters(self, acronym: str) -> list[int]:
        """The bodies whose initials an acronym gives; an ampersand is no initial ("B&B" for
        Bradford & Bingley)."""
        return self._by_initials.get(acronym.lower().replace("&", ""), [])

    def _spelled_out(self, letters: str, pos: int) -> str | None:
        """The capitalised words the model did not type a body whose initials are
        ``letters``: the latest before ``pos``, else the first after. Indexed once, on need."""
        if self._runs is None:
            self._runs = {}
            for start, words in capitalised_runs(self.doc) if self.doc is not None else ():
                self._runs.setdefault(initials(words), []).append((start, " ".join(words)))
        return _latest(self._runs.get(letters.lower(), []), pos, forward=True)

    def misspelt(self, name: str, bodies: Collection[str]) -> str | None:
        """The one body of ``bodies`` (lowercased names) that a one-word ``name`` misspells by
        a letter ("AztraZeneca" for AstraZeneca), as the article writes it: a body written
        more often than ``name``."""
        word = name.lower()
        if " " in word or len(word) < 6:
            return None
        if word in self._misspelt:
            return self._misspelt[word]
        if self._single is None:  # one-word bodies by first letter, indexed once
            self._single = {}
            for b in bodies:
                if " " not in b and len(b) >= 5:
                    self._single.setdefault(b[0], []).append(b)
        close = [b for b in self._single.get(word[0], ()) if b != word and within_one_edit(word, b)]
        found = None  # the spelling written more often is the body's name
        if len(close) == 1 and self.counts.get(close[0], 0) > self.counts.get(word, 0):
            found = self.written.get(close[0])
        self._misspelt[word] = found
        return found

    def by_head(self, head: str, pos: int, forward: bool = False) -> str | None:
        """The body named earlier whose name holds a description's head noun ("the ministry");
        ``forward``: else the first named after ``pos``."""
        return self._pick(self._by_word.get(head.lower(), []), pos, forward=forward)


def main_body(doc: Doc, people: set[str]) -> str | None:
    """The body an article is about: the proper name it repeats most often, three times or
    more and more often than any other, that is no person (no title, not a surname of
    ``people``) and not only a place or nationality ("the club" in a story about one football
    club, however the model types the club's name)."""
    counts: dict[str, int] = {}
    run: list[Token] = []
    for token in [*doc, None]:
        if token is not None and token.tag_ in ("NNP", "NNPS") and token.text[:1].isupper():
            run.append(token)
            continue
        if (
            run
            and not any(t.lower_ in TITLES for t in run)
            and run[-1].lower_ not in people
            and not all(t.ent_type_ in ("GPE", "NORP", "LOC") for t in run)
        ):
            key = " ".join(t.text for t in run)
            counts[key] = counts.get(key, 0) + 1
        run = []
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
        return ranked[0][0]
    return None


def named_kinds(doc: Doc, quoted: SpanSet) -> dict[str, list[tuple[int, str]]]:
    """Every "<Name> <noun>" outside quotations by its noun, in text order ("Broadcast
    magazine" for a later "the magazine"): a common noun led by capitalised words, the name of
    one thing of that kind (not a place: "the South Yorkshire company" is described, not named;
    not the role of a person: "BBC correspondent James Hardy" is a person, found by role).
    """
    kinds: dict[str, list[tuple[int, str]]] = {}
    for t in doc:
        if t.tag_ not in ("NN", "NNS") or t.i == 0:
            continue
        k = t.i
        while k > 0 and doc[k - 1].tag_ in ("NNP", "NNPS") and doc[k - 1].dep_ == "compound":
            if not doc[k - 1].text[:1].isupper():
                break
            k -= 1
        places = any(w.ent_type_ in ("GPE", "NORP", "LOC") for w in doc[k : t.i])
        role = t.dep_ == "compound" and t.head.ent_type_ == "PERSON"  # "BBC correspondent X"
        if k < t.i and not places and not role and not quoted.contains(t.idx):
            kinds.setdefault(t.lower_, []).append((t.idx, doc[k : t.i + 1].text))
        elif t.lower_ in BODY_NOUNS and not quoted.contains(t.idx):
            name = _name_after(doc, t.i + 1)  # "US magazine Mobile PC": the name after it
            if name is not None:
                kinds.setdefault(t.lower_, []).append((t.idx, name))
    return kinds


def _name_after(doc: Doc, i: int) -> str | None:
    """The name starting at token ``i``: the entity it opens (no person or place), else its
    run of capitalised proper nouns."""
    if i >= len(doc) or doc[i].tag_ not in ("NNP", "NNPS") or not doc[i].text[:1].isupper():
        return None
    if doc[i].ent_iob_ == "B":
        if doc[i].ent_type_ in ("PERSON", "GPE", "NORP", "LOC"):
            return None
        return doc[i : name_end_any(doc[i]) + 1].text
    end = i + 1
    while end < len(doc) and doc[end].tag_ in ("NNP", "NNPS") and not doc[end].ent_type_:
        end += 1
    return doc[i:end].text


def within_one_edit(a: str, b: str) -> bool:
    """One letter left out, added or changed ("Daveport" / "Davenport"), or two letters
    swapped ("Kudja" / "Kujda")."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
        return a[i + 1 :] == b[i + 1 :] or (swapped and a[i + 2 :] == b[i + 2 :])
    return a[i:] == b[i + 1 :]


class NameWords:
    """The words of the full names (two words or more) of a document's people, lowercased,
    to find the name a word stands for when it is no name of its own: a surname the tagger
    took for a common noun ("Hanks said" tagged NNS) or a misspelling ("said Daveport")."""

    def __init__(self, words: set[str]):
        self.words = words
        self._by_initial: dict[str, list[str]] = {}
        for word in words:
            if len(word) >= 5 and word.isalpha():
                self._by_initial.setdefault(word[0], []).append(word)

    def match(self, word: str) -> str | None:
        """``word`` (lowercased) if a name holds it, else the one name word a single edit
        away (words of five letters or more, same first letter), else None."""
        word = word.lower()
        if word in self.words:
            return word
        if len(word) < 5 or not word.isalpha():
            return None
        close = [w for w in self._by_initial.get(word[0], ()) if within_one_edit(word, w)]
        return close[0] if len(close) == 1 else None


def nationality(ent: Span) -> bool:
    """One nationality word, singular: "(the) American", "(the) Scot" stand for a person."""
    word = ent[-1]
    return (
        ent.label_ == "NORP" and len(ent) == 1 and word.tag_ != "NNPS" and word.lower_[-1:] != "s"
    )


def name_index(
    people: list[Person], wanted: tuple[str, ...]
) -> tuple[list[int], list[Person], list[Person]]:
    """Of ``people`` (in text order), those whose name holds ``wanted`` and is longer, by start,
    with the best mention among the first k (``best_before[k - 1]``) and from the k-th on
    (``best_from[k]``)."""
    n = len(wanted)
    found = [
        p
        for p in people
        if len(p.words) > n
        and any(
            tuple(w.lower() for w in p.words[k : k + n]) == wanted
            for k in range(len(p.words) - n + 1)
        )
    ]
    best_before: list[Person] = []
    for p in found:
        best = best_before[-1] if best_before else None
        best_before.append(p if best is None or len(p.words) >= len(best.words) else best)
    best_from: list[Person] = []
    for p in reversed(found):
        best = best_from[-1] if best_from else None
        best_from.append(p if best is None or len(p.words) > len(best.words) else best)
    best_from.reverse()
    return [p.start for p in found], best_before, best_from


def missed_full_names(doc: Doc) -> dict[str, str]:
    """Full names the model missed as people ("the 101-year-old Torao Toshitsune" as a place
    or a body), by surname: runs of two or three capitalised proper nouns, or a first name and
    surname around a nickname in marks (:func:`nicknamed`), for a surname no person's name
    holds ("Mr Toshitsune")."""
    missed: dict[str, str] = {}
    for t in doc:
        if t.tag_ != "NNP" or t.ent_type_ == "PERSON" or t.dep_ == "compound":
            continue
        i = t.i
        while i > 0 and _name_part(doc[i - 1], i, t.i) and _name_before(doc[i - 1]):
            i -= 1
        # "Boss Graeme Souness": a role opening the run is no name; nor is "Model Caprice"
        words = strip_titles(strip_affiliations([w.text for w in doc[i : t.i + 1]]))
        if len(words) == 2 and words[0].lower() in ROLE_WORDS:
            continue
        if 1 < len(words) < 4 and all(_name_word(w) for w in words):
            missed.setdefault(t.lower_, " ".join(words))
    for first, last in nicknamed(doc):
        missed.setdefault(last.lower_, f"{first.text} {last.text}")
    return missed


def _name_part(token: Token, start: int, end: int) -> bool:
    """A word the parser hung on the run of a name (tokens start to end) as its modifier:
    "compound", or "nmod" in a list ("singers Jo Vale, Lucie Silvas and …")."""
    return token.dep_ == "compound" or (token.dep_ == "nmod" and start <= token.head.i <= end)


def _name_before(token: Token) -> bool:
    """A proper noun, or a common first name the tagger took for a noun ("Piers Freelove")."""
    return token.tag_ == "NNP" or (token.text.istitle() and is_first_name(token.text))


def _name_word(word: str) -> bool:
    """A capitalised word of letters, apostrophes and hyphens ("O'Connor", "Kilroy-Silk")."""
    return word[:1].isupper() and word.replace("'", "").replace("-", "").isalpha()


def _capitalised(token: Token) -> bool:
    return token.tag_ == "NNP" and token.is_alpha and token.text[:1].isupper()


def nicknamed(doc: Doc) -> list[tuple[Token, Token]]:
    """First names and surnames around a nickname in marks, which breaks the model's entity:
    Jimmy "the Whirlwind" White, for a later "Mr White"."""
    found = []
    for t in doc:
        if not t.is_quote or t.i == 0 or not _capitalised(doc[t.i - 1]):
            continue
        close = next((u for u in doc[t.i + 1 : t.i + 6] if u.is_quote), None)
        if close is None or close.i == t.i + 1 or close.i + 1 >= len(doc):
            continue
        first, last = doc[t.i - 1], doc[close.i + 1]
        if _capitalised(last) and first.lower_ not in TITLES and last.lower_ not in TITLES:
            found.append((first, last))
    return found


def described_name(ent: Span, words: list[str], known: set[str] | frozenset[str]) -> bool:
    """A one-word "name" the article gives nobody, with "the" before it: a description
    ("the 25-year-old Dubliner") the model took for a name."""
    if len(words) != 1 or words[0].lower() in known:
        return False
    if ent.start > 0 and ent.doc[ent.start - 1].lower_.rstrip(".") in TITLES:
        return False  # "The Attorney General Lord Goldsmith": a name after a title
    return any(c.dep_ == "det" and c.lower_ == "the" for c in ent.root.children)


def named_after_description(tokens: list[Token], known: Collection[str] = ()) -> str | None:
    """ "chip maker Zentel", "service provider (SP) Plus.net": the body named after the
    description of its kind, not the description (not "a spokesman for X", nor anything after
    a determiner: "the ex-Wallaby" is a person). A capitalised word tagged a common noun is a
    name when the article types it a body elsewhere (``known``, lowercased): "property
    website Rightmove"."""

    def name_word(t: Token) -> bool:
        if t.is_punct:
            return False
        return t.tag_ in ("NNP", "NNPS") or (t.text[:1].isupper() and t.lower_ in known)

    k = len(tokens)
    while k > 0 and name_word(tokens[k - 1]):
        k -= 1
    if k == len(tokens) or k == 0:
        return None
    lead = tokens[:k]
    nouns = [t for t in tokens if t.tag_ in ("NN", "NNS")]
    if nouns and nouns[-1].lower_ in SOURCE_NOUNS:
        return None
    if any(t.tag_ == "IN" or t.lower_ in DETERMINERS for t in lead):
        return None
    if not any(t.tag_ in ("NN", "NNS") and t.is_lower for t in lead):
        return None
    return " ".join(t.text for t in tokens[k:])


def only_titles(ent: Span) -> bool:
    """ "MEP" typed a person of its own before "Pieter Maassen": no name."""
    return all(t.lower_.rstrip(".") in TITLES or t.lower_ in ROLE_NOUNS for t in ent)


def titled_name(tokens: list[Token]) -> Span | None:
    """The name ending a mention after a title or a possessive, when the model typed no person
    there: "Labour's Mr Livingstone", "French Green MEP Anne Lenoir", "Chelsea's Tom Wade"
    (proper nouns after the title or "'s", not a role, body or place: "Labour's Chief Whip",
    "the council's Planning Office")."""
    k = len(tokens)
    while k > 0 and tokens[k - 1].tag_ in ("NNP", "NNPS") and tokens[k - 1].text[:1].isupper():
        if tokens[k - 1].lower_.rstrip(".") in TITLES:
            break
        k -= 1
    if k == len(tokens) or k == 0:
        return None
    lead = tokens[k - 1]
    if lead.tag_ != "POS" and lead.lower_.rstrip(".") not in TITLES:
        return None
    tail = tokens[k:]
    if any(t.lower_ in SPEAKER_NOUNS for t in tail):
        return None
    if any(t.ent_type_ in _GROUP_ENTS or t.ent_type_ == "LOC" for t in tail):
        return None
    return tokens[0].doc[tail[0].i : tail[-1].i + 1]


#: Small words inside a body's name, never its first.
_SMALL = frozenset("of for and the de du la le".split())


def _bracketed_word(ent: Span) -> str | None:
    """The one word written in brackets right after a body's name ("the North American
    Court of Arbitration for Sport (CAS)", "the Greek Athletics Federation (Segas)")."""
    doc = ent.doc
    brackets = [t.i for t in doc[ent.start + 1 : min(ent.end + 1, len(doc))] if t.text == "("]
    k = brackets[0] if brackets else -1  # the model may take "(CAS" into the name
    if k < 0 or k + 2 >= len(doc) or doc[k + 2].text != ")":
        return None
    word = doc[k + 1].text
    return word if word.isalpha() else None


def _given_short_name(ent: Span) -> str | None:
    """The capitalised word in brackets after a body's name, lowercased ("segas")."""
    word = _bracketed_word(ent)
    return word.lower() if word is not None and word[:1].isupper() else None


def _given_acronym(ent: Span) -> str | None:
    """The letters in brackets after a body's name, lowercased ("cas")."""
    word = _bracketed_word(ent)
    return word.lower() if word is not None and word.isupper() else None
