"""The author a document speaks for: "his report", "Mr Kok's report", "the book by X"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from annotator.nlp.lexicon import strip_titles
from annotator.nlp.names import clean_words

if TYPE_CHECKING:
    from annotator.nlp.speakers import SpeakerResolver


def author(resolver: SpeakerResolver, tokens: list[Token], mention: Span) -> str | None:
    """ "his report", "Mr Kok's report", "the Kok report": the person behind a document; "The
    statement added" with no author named: whoever spoke last."""
    names = [t for t in tokens[:-1] if t.ent_type_ == "PERSON" or _name_tag(t)]
    pos = mention.start_char
    if names:
        return resolver.named(strip_titles([t.text for t in names]), pos)
    owners = [t for t in mention.root.subtree if t.i >= mention.end and t.dep_ == "poss"]
    owners = [t for t in owners if t.ent_type_ in ("ORG", "PERSON")]
    if owners:  # "says the instructions on Microsoft's website": Microsoft's
        return resolver.resolve(resolver.ents.around(owners[0]))
    owner = next((t for t in tokens if t.tag_ == "PRP$"), None)
    if owner is not None:  # "his report": the person "his" stands for
        found = resolver.salient_for(owner, owner.lower_ in ("his", "her"))
        return found or resolver.salient(pos, True) or resolver.last_person_before(pos)
    found = by_author(resolver, tokens[-1])
    if found is not None:
        return found
    if tokens[0].lower_ in ("the", "this", "that"):  # "The statement added": its speaker
        found = resolver.document_author(tokens[-1].lower_, pos)
        return found or resolver.salient(pos, False) or mention.text
    return with_topic(tokens[-1], mention)


def _name_tag(token: Token) -> bool:
    """A proper noun, or letters the tagger took for a common noun ("an FA statement")."""
    return token.tag_ in ("NNP", "NNPS") or (token.is_upper and token.is_alpha and len(token) > 1)


#: Prepositions of a document's topic: "a report on the trial", "a study into …", "… of …".
_TOPIC_PREPS = frozenset({"on", "into", "of", "about"})


def with_topic(document: Token, mention: Span) -> str:
    """An unattributed document named with its topic, when the mention stops before it: "A
    report on the experiment said" is "A report on the experiment" (up to a comma or a
    clause)."""
    doc = mention.doc
    nxt = doc[mention.end] if mention.end < len(doc) else None
    if nxt is None or nxt.head.i != document.i or nxt.lower_ not in _TOPIC_PREPS:
        return mention.text
    end = nxt.i + 1
    for t in doc[nxt.i + 1 : nxt.right_edge.i + 1]:
        if t.is_punct or t.tag_ in ("WDT", "WP", "VBD", "VBZ", "VBP", "MD"):
            break
        end = t.i + 1
    return doc[mention.start : end].text if end > nxt.i + 1 else mention.text


def by_author(resolver: SpeakerResolver, document: Token) -> str | None:
    """ "The book by journalist Robert Peston": the person named after "by"; "a statement
    from the discount phone firm": whoever the words after "from" stand for."""
    preps = [c for c in document.rights if c.dep_ == "prep"]
    for acl in (c for c in document.rights if c.dep_ == "acl"):  # "a report published by X"
        preps += [c for c in acl.children if c.dep_ == "agent"]
    for prep in preps:
        if prep.lower_ not in ("by", "from"):
            continue
        ents = [e for t in prep.subtree if (e := resolver.ents.of.get(t.i)) is not None]
        person = next((e for e in ents if e.label_ == "PERSON"), None)
        if person is not None:
            return resolver.full_name(clean_words(person), person.start_char)
        body = next((e for e in ents if e.label_ == "ORG"), None)
        if body is not None and prep.lower_ == "by":
            return " ".join(clean_words(body))  # "A separate study by Gartner"
        source = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if prep.lower_ == "from" and source is not None:
            words = source.doc[source.left_edge.i : source.i + 1]  # not "from X in Y"
            return resolver.resolve(words)
    return None


#: Verbs whose subject made the document they take: "X filed the suit", "Y published a study".
_MAKING = frozenset(
    """file files filed publish publishes published write writes wrote written issue issues
    issued release releases released commission commissioned""".split()
)
#: Nouns for the same document: "filed the suit" … "the lawsuit said".
SAME_DOCUMENT = {"lawsuit": ("lawsuit", "suit"), "suit": ("suit", "lawsuit")}


def named_author(document: Token) -> list[Token]:
    """The name of the author one mention of a document gives: "a World Bank report", "the
    ADB report", "Oxfam's report", "a report by Oxfam", "Oxfam says in a report"; else [].
    A capitalised document noun is a title, whose own words name no author ("BBC World
    Business Report"), unless by or from ("An Open Letter from chief executive X")."""
    title = document.text[:1].isupper() and not document.is_sent_start
    for child in [] if title else document.lefts:
        if child.dep_ in ("compound", "poss", "nmod"):
            words = [t for t in child.subtree if t.tag_ in ("NNP", "NNPS")]
            if words:
                return words
    doc = document.doc
    after = [doc[document.i + 1]] if document.i + 1 < len(doc) else []
    for prep in [*document.rights, *after]:  # "from" the parser hung on the verb
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
            obj = next((t for t in prep.children if t.dep_ == "pobj"), None)
            if obj is not None and obj.tag_ in ("NNP", "NNPS"):
                return [t for t in obj.subtree if t.tag_ in ("NNP", "NNPS")]
    head = document.head
    if document.dep_ == "dobj" and head.lower_ in _MAKING:  # "Thomas Slattery filed the suit"
        return _named_subject(head)
    if document.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ == "VERB":
        return _named_subject(head.head)  # "Oxfam says in a report"
    return []


def _named_subject(verb: Token) -> list[Token]:
    """The proper-noun words of ``verb``'s subject, when the subject is a name; else []."""
    subject = next((t for t in verb.children if t.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ not in ("NNP", "NNPS"):
        return []
    return [t for t in subject.subtree if t.tag_ in ("NNP", "NNPS")]
