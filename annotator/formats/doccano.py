"""doccano JSONL exports: sequence labelling (``label: [[start, end, "LABEL"], ...]``) and
relation projects (``entities: [{id, start_offset, end_offset, label}]`` with
``relations: [{id, from_id, to_id, type}]``). Read only: the jsonl export writes Prodigy tasks.
"""

from __future__ import annotations

from typing import Any

from annotator.formats.records import RecordProblem
from annotator.model import RelationData, SpanData

#: Keys of a doccano record the reader turns into spans and relations.
DOCCANO_KEYS = frozenset({"label", "entities", "relations"})


def is_doccano_record(obj: dict[str, Any]) -> bool:
    label = obj.get("label")
    if isinstance(label, list) and label and all(isinstance(item, list) for item in label):
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
