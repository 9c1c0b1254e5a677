"""Hugging Face token classification data: JSONL for ``datasets.load_dataset("json", ...)``.

Written shape, one document per line::

    {"id": "business/001.txt", "tokens": ["Mr", "Hussain", ...], "ner_tags": [9, 10, ...],
     "text": "<the document text>"}

plus a label file beside it, ``<stem>.labels.json`` (for ``train.jsonl``: ``train.labels.json``),
holding the tag names by id in IOB2: ``["O", "B-PERSON", "I-PERSON", ...]``. The ids are fixed:
``O``, then ``B-``/``I-`` of every OntoNotes label in the model's order, so every export and
every split numbers them alike; other labels follow in order of first appearance.
Tokens are spaCy's (``spacy.blank(lang)``) without whitespace tokens; ``text`` lets the reader
rebuild the exact document (export → import → export is identical); without it the text is the
tokens joined by spaces, marked pre-tokenized as CoNLL imports are. Only entities fit: the
rest is counted in the report.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.errors import InputError
from annotator.formats.base import ReadItem, ReadOptions, WriteOptions, WriteReport
from annotator.formats.conll import MISSING, tagged_tokens, tags_to_entities, valid_tag
from annotator.formats.decoding import UNREMARKABLE_ENCODINGS
from annotator.formats.records import (
    default_source,
    display_name,
    finish_record,
    iter_json_lines,
    normalise_record_text,
    resolve_layer,
)
from annotator.formats.selection import atomic_output
from annotator.formats.tokenization import TOKENIZATION_KEY, WHITESPACE
from annotator.model import ENTITY_LABELS, DocumentRecord, SpanData

LABELS_SUFFIX = ".labels.json"


def labels_path(out: Path) -> Path:
    """The label file of a data file: ``train.jsonl`` → ``train.labels.json``."""
    out = Path(out)
    return out.with_name(out.stem + LABELS_SUFFIX)


#: Tag id of a token a partial annotation says nothing about.
IGNORED = -100


#: Project setting that keeps the label list an HF import read, so exports keep its ids.
LABELS_SETTING = "hf:labels"


def start_tags(options: WriteOptions) -> list[str]:
    """The tag list an export numbers from: the one imported (ids kept), else OntoNotes."""
    try:
        kept = json.loads(options.settings.get(LABELS_SETTING) or "null")
    except ValueError:
        kept = None
    if isinstance(kept, list) and kept and all(isinstance(t, str) for t in kept):
        return list(kept)
    return base_tags()


def base_tags() -> list[str]:
    return ["O"] + [f"{p}-{label}" for label in ENTITY_LABELS for p in ("B", "I")]


def write_hf(records: Iterable[DocumentRecord], out: Path, options: WriteOptions) -> WriteReport:
    report = WriteReport()
    tags = start_tags(options)
    first = len(tags)
    ids = {tag: i for i, tag in enumerate(tags)}
    with atomic_output(out) as f:
        for record in records:
            _, words, keep, names, _ = tagged_tokens(
                record, options, report, fmt="hf", scheme="iob2"
            )
            for name in names:
                if name not in ids and name != MISSING:
                    label = name[2:]
                    for tag in (f"B-{label}", f"I-{label}"):
                        ids[tag] = len(tags)
                        tags.append(tag)
            line = {
                "id": record.name,
                "tokens": [words[i] for i in keep],
                # -100: the label id transformers leave out of the loss (unknown tokens)
                "ner_tags": [IGNORED if name == MISSING else ids[name] for name in names],
                "text": record.text,
            }
            accepted = sorted(c for c, a in record.categories.items() if a == "accept")
            if accepted:  # the document labels (text classification)
                line["label"] = accepted
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
            report.documents += 1
    with atomic_output(labels_path(out)) as f:
        f.write(json.dumps(tags, ensure_ascii=False, indent=1) + "\n")
    if len(tags) > first:
        report.warn(
            "hf: labels outside the OntoNotes set are numbered in order of first appearance; "
            f"use {labels_path(out).name} of this export for every split"
        )
    if report.documents:
        report.warn("hf holds no titles, meta, layers or span sources", report.documents)
    report.paths += [Path(out), labels_path(out)]
    return report


def read_labels(path: Path) -> list[str] | InputError | None:
    """The label file beside ``path`` (None if there is none)."""
    labels_file = labels_path(path)
    if not labels_file.exists():
        return None
    try:
        labels = json.loads(labels_file.read_text(encoding="utf-8-sig"))
    except RecursionError:
        return InputError("cannot read the label file: nested too deeply", path=str(labels_file))
    except (OSError, ValueError) as exc:
        return InputError(f"cannot read the label file: {exc}", path=str(labels_file))
    if isinstance(labels, dict):
        labels = labels.get("labels", labels.get("names"))
    if not (isinstance(labels, list) and all(isinstance(x, str) and valid_tag(x) for x in labels)):
        return InputError(
            'label file must be a JSON list of tags such as ["O", "B-PERSON", "I-PERSON"]',
            path=str(labels_file),
        )
    return labels


def read_hf(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    if path.name.lower().endswith(LABELS_SUFFIX):
        return  # the label file of a data file, read with it
    labels = read_labels(path)
    if isinstance(labels, InputError):
        yield labels
        return
    file_name = display_name(path, options)
    layer = resolve_layer(options)
    for item in iter_json_lines(path, options):
        if isinstance(item, InputError):
            yield item
            continue
        number, obj, encoding = item
        problem = _check(obj, labels, path)
        if problem:
            yield InputError(problem, path=str(path), line=number)
            continue
        tokens: list[str] = obj["tokens"]
        # _check let numeric tags through only with a label file that holds their ids.
        tags = [
            labels[t] if isinstance(t, int) and labels is not None else t for t in obj["ner_tags"]
        ]
        text = obj.get("text")
        offsets = _offsets(tokens, text) if isinstance(text, str) else _joined(tokens)
        if offsets is None:
            yield InputError('"tokens" do not match "text"', path=str(path), line=number)
            continue
        meta = {} if encoding in UNREMARKABLE_ENCODINGS else {"encoding": encoding}
        if not isinstance(text, str):
            text = " ".join(tokens)
            meta[TOKENIZATION_KEY] = WHITESPACE
        source = default_source(layer)
        spans = [
            SpanData(offsets[s], offsets[e - 1] + len(tokens[e - 1]), label, source=source)
            for s, e, label in tags_to_entities(tags)
        ]
        text, spans = normalise_record_text(text, spans)
        name = obj.get("id")
        record = DocumentRecord(
            name=str(name) if name not in (None, "") else f"{file_name}:{number}",
            text=text,
            meta=meta,
            spans=spans,
            layer=layer,
            categories=_categories(obj.get("label")),
            corpus_settings={LABELS_SETTING: json.dumps(labels)} if labels is not None else {},
        )
        yield finish_record(record, options, path, number)


def _categories(value: Any) -> dict[str, str]:
    """Document labels of a record's ``label`` (a name or a list of names)."""
    names = value if isinstance(value, list) else [value]
    return {n: "accept" for n in names if isinstance(n, str) and n}


def _check(obj: Any, labels: list[str] | None, path: Path) -> str | None:
    if not isinstance(obj, dict):
        return 'expected a JSON object with "tokens" and "ner_tags"'
    tokens, tags = obj.get("tokens"), obj.get("ner_tags")
    if not (isinstance(tokens, list) and all(isinstance(t, str) and t for t in tokens)):
        return '"tokens" must be a list of non-empty strings'
    if not tokens:
        return "record has no tokens"
    if not isinstance(tags, list) or len(tags) != len(tokens):
        return '"ner_tags" must be a list as long as "tokens"'
    for tag in tags:
        if isinstance(tag, int) and not isinstance(tag, bool):
            if labels is None:
                return f"numeric tags need the label file {labels_path(path).name} beside it"
            if not 0 <= tag < len(labels):
                return f"tag id {tag} is not in the label file ({len(labels)} labels)"
        elif not (isinstance(tag, str) and valid_tag(tag)):
            return f"invalid tag {tag!r}"
    return None


def _offsets(tokens: list[str], text: str) -> list[int] | None:
    """Start of each token in ``text``, which may hold only whitespace between them."""
    offsets, pos = [], 0
    for token in tokens:
        found = text.find(token, pos)
        if found < 0 or (found > pos and not text[pos:found].isspace()):
            return None
        offsets.append(found)
        pos = found + len(token)
    return offsets


def _joined(tokens: list[str]) -> list[int]:
    offsets, pos = [], 0
    for token in tokens:
        offsets.append(pos)
        pos += len(token) + 1
    return offsets
