"""doccano JSONL exports: sequence labelling (``label: [[start, end, "LABEL"], ...]``) and
relation projects (``entities: [{id, start_offset, end_offset, label}]`` with
``relations: [{id, from_id, to_id, type}]``), and text classification (``label: ["x"]``: the
document categories). Read by the JSONL reader; ``export --format doccano`` writes them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.formats.base import WriteOptions, WriteReport
from annotator.formats.prodigy import document_meta
from annotator.formats.records import RecordProblem
from annotator.formats.selection import atomic_output, select
from annotator.model import DocumentRecord, RelationData, SpanData

#: Keys of a doccano record the reader turns into spans and relations.
DOCCANO_KEYS = frozenset({"label", "entities", "relations"})


def is_doccano_record(obj: dict[str, Any]) -> bool:
    label = obj.get("label")
    if isinstance(label, list) and label and all(isinstance(item, list | str) for item in label):
        return True
    entities = obj.get("entities")
    return (
        isinstance(entities, list)
        and bool(entities)
        and all(isinstance(e, dict) and "start_offset" in e for e in entities)
    )


def parse_doccano(
    obj: dict[str, Any], default: str
) -> tuple[list[SpanData], list[RelationData], dict[str, Any]]:
    """Spans, relations and extra meta (text-classification labels) of one doccano record."""
    spans: list[SpanData] = []
    relations: list[RelationData] = []
    meta: dict[str, Any] = {}
    label = obj.get("label")
    if isinstance(label, list):
        categories = [item for item in label if not isinstance(item, list)]
        if categories:
            meta["label"] = categories
        for n, item in enumerate(x for x in label if isinstance(x, list)):
            if len(item) != 3 or not isinstance(item[2], str):
                raise RecordProblem(f'label {n + 1} is not [start, end, "LABEL"]: {item!r}')
            spans.append(SpanData(item[0], item[1], item[2], source=default))
    by_id: dict[Any, int] = {}
    for n, entity in enumerate(obj.get("entities") or [], start=1):
        try:
            span = SpanData(
                entity["start_offset"], entity["end_offset"], entity["label"], source=default
            )
        except (KeyError, TypeError):
            raise RecordProblem(
                f"entity {n} needs start_offset, end_offset and label: {entity!r}"
            ) from None
        if "id" in entity:
            by_id[entity["id"]] = len(spans)
        spans.append(span)
    for n, relation in enumerate(obj.get("relations") or [], start=1):
        if not isinstance(relation, dict):
            raise RecordProblem(f"relation {n} is not an object")
        head, child = by_id.get(relation.get("from_id")), by_id.get(relation.get("to_id"))
        if head is None or child is None:
            raise RecordProblem(f"relation {n} links an entity id that is not in the record")
        relations.append(RelationData(head, child, str(relation.get("type"))))
    return spans, relations, meta


def write_doccano(
    records: Iterable[DocumentRecord], out: Path, options: WriteOptions
) -> WriteReport:
    """doccano JSONL as its relation projects export it, one record per document::

        {"id": 1, "text": ..., "entities": [{"id", "label", "start_offset", "end_offset"}],
         "relations": [{"id", "from_id", "to_id", "type"}], "label": ["politics"],
         "meta": {"name", ...}}

    ``label`` holds the accepted document categories (doccano's text classification);
    doccano has no rejected labels, span sources, span attributes or span groups (counted).
    """
    report = WriteReport()
    with atomic_output(out) as f:
        for n, record in enumerate(records, start=1):
            selection = select(record, options, report, fmt="doccano")
            entities = [
                {"id": i + 1, "label": s.label, "start_offset": s.start, "end_offset": s.end}
                for i, s in enumerate(selection.spans)
            ]
            relations = [
                {"id": i + 1, "from_id": r.head + 1, "to_id": r.child + 1, "type": r.label}
                for i, r in enumerate(selection.relations)
            ]
            if any(s.attrs or s.group for s in selection.spans):
                report.warn("doccano holds no span attributes or span groups: left out")
            rejected = [c for c, a in record.categories.items() if a == "reject"]
            if rejected:
                report.warn("doccano holds no rejected document labels: left out", len(rejected))
            line = {
                "id": n, "text": record.text, "entities": entities, "relations": relations,
                "label": sorted(c for c, a in record.categories.items() if a == "accept"),
                "meta": document_meta(record, report, fmt="doccano"),
            }  # fmt: skip
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
            report.documents += 1
    report.paths.append(Path(out))
    return report
