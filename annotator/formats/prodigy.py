"""Prodigy task records: parsed for the JSONL reader, written by the ``prodigy`` export.

Written shape (one task per line)::

    {"text": ..., "tokens": [{"text", "start", "end", "id", "ws"}],
     "spans": [{"start", "end", "token_start", "token_end", "label", "source",
                "reviewed"?: true, "attrs"?: {"speaker_name": ...}}],
     "relations": [{"head", "child", "head_span": {...}, "child_span": {...}, "label"}],
     "answer": "accept", "meta": {"name", "title", "layer", "status", ...document meta}}

``token_end`` is inclusive, as in Prodigy. A relation's ``head``/``child`` is the index of the
*last* token of the head/child span, which is what Prodigy's ``rel.manual`` saves; the
``head_span``/``child_span`` dicts carry the full spans and are what the reader matches on.
Tasks answered "reject" or "ignore" in Prodigy are not imported (a :class:`SkippedInput` says so).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from annotator.formats.base import WriteOptions, WriteReport
from annotator.formats.records import RecordProblem, span_source
from annotator.formats.selection import atomic_output, select
from annotator.formats.tokenization import alignment_check, char_span, doc_for, token_array
from annotator.model import REJECTED_GROUP, DocumentRecord, RelationData, SpanData

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Keys of a task the reader turns into record fields rather than meta.
TASK_KEYS = frozenset({"text", "tokens", "spans", "relations", "answer", "meta", "id", "title"})
#: Keys of ``meta`` the writer fills from the record; a document meta key of the same name
#: cannot be written.
RESERVED_META = ("name", "title", "layer", "status", "id")
SKIP_ANSWERS = frozenset({"reject", "ignore"})
#: Keys of a task the reader keeps as record fields (annotator and category).
ANNOTATOR_KEYS = ("_annotator_id",)


def is_prodigy_task(obj: dict[str, Any]) -> bool:
    return any(key in obj for key in ("spans", "tokens", "answer")) or (
        isinstance(obj.get("relations"), list)
        and all(isinstance(r, dict) and "head" in r for r in obj["relations"])
    )


def skipped_answer(obj: dict[str, Any]) -> str | None:
    """The answer that leaves a task out: ``ignore`` always; ``reject`` only for a manual task
    (a rejected text-classification task is a negative label, a rejected binary NER task a
    rejected suggestion: both are kept)."""
    answer = obj.get("answer")
    if answer == "reject" and (is_textcat_task(obj) or is_binary_task(obj)):
        return None
    return answer if answer in SKIP_ANSWERS else None


def is_textcat_task(obj: dict[str, Any]) -> bool:
    """A text-classification task: one ``label`` for the whole text, or chosen ``options``."""
    has_spans = isinstance(obj.get("spans"), list) and bool(obj["spans"])
    return not has_spans and (
        isinstance(obj.get("label"), str) or isinstance(obj.get("options"), list)
    )


def is_binary_task(obj: dict[str, Any]) -> bool:
    """A binary NER task (``ner.teach``): suggested spans answered yes or no, without the
    tokens a manual task has. Its annotation of the text is partial."""
    spans = obj.get("spans")
    if obj.get("_view_id") == "ner":
        return True
    if obj.get("_view_id") or "tokens" in obj or not isinstance(spans, list) or not spans:
        return False
    return all(isinstance(s, dict) and ("score" in s or "rank" in s) for s in spans)


def categories_of(obj: dict[str, Any]) -> dict[str, str]:
    """The document labels of a text-classification task: label -> accept or reject."""
    answer = "reject" if obj.get("answer") == "reject" else "accept"
    label = obj.get("label")
    if isinstance(label, str) and label:
        return {label: answer}
    chosen = obj.get("accept")
    if not isinstance(chosen, list):
        return {}
    labels = {str(c): answer for c in chosen if isinstance(c, str | int) and str(c)}
    if answer == "accept":
        # A choice task (textcat.manual) shows every option: one not picked in an accepted
        # answer is a "no", as Prodigy's own training corpus reads it. A rejected answer says
        # nothing about the options not picked.
        for option in obj.get("options") or ():
            name = str(option.get("id", "")) if isinstance(option, dict) else ""
            if name and name not in labels:
                labels[name] = "reject"
    return labels


def annotator_of(obj: dict[str, Any]) -> str | None:
    """The Prodigy annotator who answered a task (multi-user sessions), as a layer name."""
    value = obj.get("_annotator_id")
    return value if isinstance(value, str) and value.strip() else None


def parse_task(obj: dict[str, Any], default: str) -> tuple[list[SpanData], list[RelationData]]:
    """Spans and relations of one Prodigy task; raise :class:`RecordProblem` if malformed."""
    tokens = obj.get("tokens")
    if tokens is not None and not (
        isinstance(tokens, list) and all(isinstance(t, dict) for t in tokens)
    ):
        raise RecordProblem('"tokens" must be a list of objects')
    raw_spans = obj.get("spans") or []
    if not isinstance(raw_spans, list):
        raise RecordProblem('"spans" must be a list')
    spans: list[SpanData] = []
    token_ends: list[int | None] = []
    binary_reject = is_binary_task(obj) and obj.get("answer") == "reject"
    for n, raw in enumerate(raw_spans, start=1):
        if not isinstance(raw, dict):
            raise RecordProblem(f"span {n} is not an object")
        answer = raw.get("answer", "reject" if binary_reject else "accept")
        if answer == "ignore":
            continue
        # Unchecked JSON values (None, a string, ...): finish_record's record.validate() reports
        # offsets that are not integers, naming the document.
        start: Any = raw.get("start")
        end: Any = raw.get("end")
        if (start is None or end is None) and tokens is not None:
            start, end = _token_offsets(tokens, raw, n)
        label = raw.get("label")
        if not isinstance(label, str) or not label:
            raise RecordProblem(f"span {n} has no label")
        attrs = raw.get("attrs")
        spans.append(
            SpanData(
                start=start,
                end=end,
                label=label,
                source=span_source(raw.get("source"), default),
                attrs=dict(attrs) if isinstance(attrs, dict) else {},
                reviewed=raw.get("reviewed") is True,
                group=REJECTED_GROUP if answer == "reject" else _group(raw.get("group")),
            )
        )
        token_end = raw.get("token_end")
        if not isinstance(token_end, int) and tokens is not None and isinstance(end, int):
            token_end = _token_at_end(tokens, end)
        token_ends.append(token_end if isinstance(token_end, int) else None)
    relations = []
    raw_relations = obj.get("relations") or []
    if not isinstance(raw_relations, list):
        raise RecordProblem('"relations" must be a list')
    for n, raw in enumerate(raw_relations, start=1):
        if not isinstance(raw, dict):
            raise RecordProblem(f"relation {n} is not an object")
        label = raw.get("label")
        head = _find_span(spans, token_ends, raw.get("head_span"), raw.get("head"))
        child = _find_span(spans, token_ends, raw.get("child_span"), raw.get("child"))
        if head is None or child is None:
            raise RecordProblem(
                f"relation {n} ({label}) links a span that is not among the record's spans"
            )
        relations.append(RelationData(head, child, str(label)))
    return spans, relations


def _group(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _token_offsets(tokens: list[dict[str, Any]], raw: dict[str, Any], n: int) -> tuple[int, int]:
    try:
        return tokens[raw["token_start"]]["start"], tokens[raw["token_end"]]["end"]
    except (KeyError, IndexError, TypeError):
        raise RecordProblem(f"span {n} has neither start/end nor valid token indices") from None


def _token_at_end(tokens: list[dict[str, Any]], end: int) -> int | None:
    for i, token in enumerate(tokens):
        if token.get("start", end) < end <= token.get("end", -1):
            return i
    return None


def _find_span(
    spans: list[SpanData], token_ends: list[int | None], span_dict: Any, token: Any
) -> int | None:
    if isinstance(span_dict, dict) and "start" in span_dict and "end" in span_dict:
        label = span_dict.get("label")
        for i, span in enumerate(spans):
            if (span.start, span.end) == (span_dict["start"], span_dict["end"]) and (
                label is None or label == span.label
            ):
                return i
        return None
    if isinstance(token, int):
        for i, token_end in enumerate(token_ends):
            if token_end == token:
                return i
    return None


def write_prodigy(
    records: Iterable[DocumentRecord], out: Path, options: WriteOptions
) -> WriteReport:
    """Write one Prodigy task per document (``--format prodigy``), then one text-classification
    task per document label (accept or reject), as Prodigy's textcat recipes save them."""
    report = WriteReport()
    with atomic_output(out) as f:
        for record in records:
            write_task(f, to_task(record, options, report))
            for task in textcat_tasks(record):
                write_task(f, task)
            report.documents += 1
    report.paths.append(Path(out))
    return report


def to_task(record: DocumentRecord, options: WriteOptions, report: WriteReport) -> dict[str, Any]:
    doc = doc_for(record, options.lang)
    fits = alignment_check(doc, report, fmt="prodigy", name=record.name)
    selection = select(record, options, report, fmt="prodigy", fits=fits)
    text = record.text
    tokens = _tokens(doc, text)
    spans = []
    for span in selection.spans:
        tokens_of = char_span(doc, span)
        assert tokens_of is not None  # select() kept aligned spans only
        out: dict[str, Any] = {
            "start": span.start,
            "end": span.end,
            "token_start": tokens_of.start,
            "token_end": tokens_of.end - 1,
            "label": span.label,
            "source": span.source,
        }
        if span.reviewed:
            out["reviewed"] = True
        if span.attrs:
            out["attrs"] = span.attrs
        if span.group == REJECTED_GROUP:
            out["answer"] = "reject"
        elif span.group:
            out["group"] = span.group
        spans.append(out)
    relations = []
    for rel in selection.relations:
        head, child = spans[rel.head], spans[rel.child]
        relations.append(
            {
                "head": head["token_end"],
                "child": child["token_end"],
                "head_span": _span_ref(head),
                "child_span": _span_ref(child),
                "label": rel.label,
            }
        )
    task = {
        "text": text,
        "tokens": tokens,
        "spans": spans,
        "relations": relations,
        "answer": "accept",
        "meta": document_meta(record, report, fmt="prodigy"),
    }
    if record.partial:  # binary answers: what is not annotated is unknown
        task["_view_id"] = "ner"
    return task


def textcat_tasks(record: DocumentRecord) -> list[dict[str, Any]]:
    """One Prodigy text-classification task per document label, answered accept or reject."""
    meta: dict[str, Any] = {"name": record.name}
    if record.layer is not None:
        meta["layer"] = record.layer
    return [
        {"text": record.text, "label": label, "answer": answer, "meta": meta}
        for label, answer in sorted(record.categories.items())
    ]


class _Tokens:
    """A task's ``tokens``, made a chunk at a time as they are written (see write_task): a huge
    document's line never exists in memory whole, nor does one dict per token."""

    CHUNK = 10_000

    def __init__(self, offsets: Any, text: str):
        self.offsets = offsets  # numpy rows of (start, length, space)
        self.text = text

    def chunks(self) -> Iterator[list[dict[str, Any]]]:
        text = self.text
        for first in range(0, len(self.offsets), self.CHUNK):
            rows = self.offsets[first : first + self.CHUNK].tolist()
            yield [
                {"text": text[start : start + length], "start": start, "end": start + length,
                 "id": first + i, "ws": bool(space)}
                for i, (start, length, space) in enumerate(rows)
            ]  # fmt: skip


def _tokens(doc: Doc, text: str) -> _Tokens:
    return _Tokens(token_array(doc), text)


def write_task(f: IO[str], task: dict[str, Any]) -> None:
    """One task as one JSON line, exactly as ``json.dumps(task, ensure_ascii=False)`` writes it,
    with its tokens written a chunk at a time."""
    f.write("{")
    for n, (key, value) in enumerate(task.items()):
        f.write(", " * (n > 0) + json.dumps(key) + ": ")
        if isinstance(value, _Tokens):
            f.write("[")
            started = False
            for chunk in value.chunks():
                body = json.dumps(chunk, ensure_ascii=False)[1:-1]
                f.write(", " * started + body)
                started = True
            f.write("]")
        else:
            f.write(json.dumps(value, ensure_ascii=False))
    f.write("}\n")


def _span_ref(span: dict[str, Any]) -> dict[str, Any]:
    keys = ("start", "end", "token_start", "token_end", "label")
    return {key: span[key] for key in keys}


def document_meta(record: DocumentRecord, report: WriteReport, *, fmt: str) -> dict[str, Any]:
    """``name``, ``title``, ``layer``, ``status`` and the document's own meta in one flat dict."""
    meta: dict[str, Any] = {"name": record.name}
    if record.title is not None:
        meta["title"] = record.title
    if record.layer is not None:
        meta["layer"] = record.layer
    if record.status is not None:
        meta["status"] = record.status
    for key, value in record.meta.items():
        if key in RESERVED_META:
            report.warn(f"{fmt}: document meta key {key!r} clashes with a document field: left out")
            continue
        meta[key] = value
    return meta
