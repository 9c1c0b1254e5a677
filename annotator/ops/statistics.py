"""What the statistics view shows, as plain data (Qt-free, so tests and charts share it).

Suggestion outcomes compare, for each finished document that received model suggestions, the
suggestions (the model layer named in the edit log's ``open`` entry) with the annotator's
final layer: **accepted** = kept with the same offsets and label, **changed** = an annotator
span overlaps it but differs in offsets or label, **rejected** = nothing overlaps it any more;
**added** counts annotator spans that overlap no suggestion.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from annotator.ops.evaluate import saved_evaluation, saved_evaluations
from annotator.ops.learning_curve import saved_curve
from annotator.store import Store
from annotator.store.chart_queries import (
    done_by_day,
    edits_by_hour,
    human_spans_by_label,
    suggestion_opens,
)
from annotator.store.settings import get_setting

MODEL_SETTING = "preannotation_model"


@dataclass
class ProjectStatistics:
    done_over_time: list[tuple[str, int]] = field(default_factory=list)  # cumulative
    spans_per_label: dict[str, int] = field(default_factory=dict)
    suggestions: dict[str, int] = field(default_factory=dict)
    edits_per_hour: list[tuple[str, int]] = field(default_factory=list)
    evaluation: dict[str, Any] | None = None
    learning_curve: dict[str, Any] | None = None


def suggestion_outcomes(store: Store) -> dict[str, int]:
    out: Counter[str] = Counter(accepted=0, changed=0, rejected=0, added=0)
    seen: set[tuple[int, str]] = set()
    for document_id, annotator, layer in suggestion_opens(store):
        if (document_id, annotator) in seen or store.status(document_id, annotator) != "done":
            continue
        seen.add((document_id, annotator))
        suggested = {(s.start, s.end, s.label) for s in store.spans(document_id, layer)}
        final = {(s.start, s.end, s.label) for s in store.spans(document_id, annotator)}
        for span in suggested:
            if span in final:
                out["accepted"] += 1
            elif any(f[0] < span[1] and span[0] < f[1] for f in final):
                out["changed"] += 1
            else:
                out["rejected"] += 1
        for span in final - suggested:
            if not any(s[0] < span[1] and span[0] < s[1] for s in suggested):
                out["added"] += 1
    return dict(out)


def current_model(store: Store) -> str | None:
    """The pre-annotation model the project remembers (None: the default pipeline)."""
    value = get_setting(store, MODEL_SETTING)
    return value if isinstance(value, str) and value else None


def project_statistics(store: Store) -> ProjectStatistics:
    days = done_by_day(store)
    cumulative = list(accumulate(n for _, n in days))
    evaluation = None
    model = current_model(store)
    if model is not None:
        evaluation = saved_evaluation(store, model)
    if evaluation is None:
        stored = [e for e in saved_evaluations(store).values() if e.get("kind") == "model"]
        stored.sort(key=lambda e: str(e.get("evaluated_at", "")))
        evaluation = stored[-1] if stored else None
    return ProjectStatistics(
        done_over_time=[(day, total) for (day, _), total in zip(days, cumulative)],
        spans_per_label=dict(human_spans_by_label(store).most_common()),
        suggestions=suggestion_outcomes(store),
        edits_per_hour=edits_by_hour(store),
        evaluation=evaluation,
        learning_curve=saved_curve(store),
    )
