"""Series for the statistics view: work over time, spans per label, suggestion outcomes."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator

from annotator.store.store import Store


def done_by_day(store: Store) -> list[tuple[str, int]]:
    """``(day, documents finished that day)`` from the current statuses, oldest day first."""
    return [
        (day, n)
        for day, n in store.db.execute(
            "SELECT substr(updated_at, 1, 10) AS day, count(*) FROM document_status "
            "WHERE status = 'done' GROUP BY day ORDER BY day"
        )
    ]


def edits_by_hour(store: Store) -> list[tuple[str, int]]:
    """``(YYYY-MM-DDTHH, edits)`` from the edit log; opening a document is no edit."""
    return [
        (hour, n)
        for hour, n in store.db.execute(
            "SELECT substr(at, 1, 13) AS hour, count(*) FROM edit_log "
            "WHERE action != 'open' AND action NOT LIKE 'undo:%' GROUP BY hour ORDER BY hour"
        )
    ]


def human_spans_by_label(store: Store) -> Counter[str]:
    """Spans in annotator and gold layers, by label."""
    return Counter(
        {
            label: n
            for label, n in store.db.execute(
                "SELECT s.label, count(*) FROM spans s JOIN layers l ON l.id = s.layer_id "
                "WHERE l.kind IN ('human', 'gold') GROUP BY s.label"
            )
        }
    )


def suggestion_opens(store: Store) -> Iterator[tuple[int, str, str]]:
    """``(document, annotator, model layer)`` for every document that received suggestions."""
    rows = store.db.execute(
        "SELECT document_id, annotator, payload FROM edit_log WHERE action = 'open' "
        "AND payload LIKE '%suggestions_from%' ORDER BY id"
    )
    for document_id, annotator, payload in rows:
        try:
            source = json.loads(payload).get("suggestions_from")
        except ValueError:
            continue
        if source and document_id is not None:
            yield int(document_id), str(annotator), str(source)
