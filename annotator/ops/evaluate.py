"""Evaluate a model, or a layer already in the project, against the gold documents.

Gold is the gold view of the done documents (as ``export --layer gold``). A trained model is
scored on the ``test`` split it was trained with (its meta names split and seed), so none of
its training or dev documents are counted; other models use the default split. A layer
(``--layer model|NAME``: "how good were the suggestions") is scored on all gold documents by
default. Entities: :mod:`annotator.nlp.entity_eval`; quotations and speaker names:
:mod:`annotator.nlp.quote_eval`. The result is kept in the project for the statistics view.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError, SettingError
from annotator.model import GOLD_LAYER, DocumentRecord, RelationData, SpanData
from annotator.nlp.entity_eval import EntityReport, score_entities
from annotator.nlp.quote_eval import QuoteReport, quotes_from_annotations, score_document
from annotator.ops.export import iter_records, resolve_layer
from annotator.ops.progress import Cancel, Progress
from annotator.ops.train import DEFAULT_SPLIT
from annotator.store import Store
from annotator.store.settings import get_setting, set_setting

EVALUATION_PREFIX = "evaluation:"


@dataclass
class EvaluationReport:
    source: str
    kind: str  # "model" or "layer"
    split: str
    documents: int = 0
    entities: EntityReport = field(default_factory=EntityReport)
    quotes: QuoteReport = field(default_factory=QuoteReport)
    warnings: list[str] = field(default_factory=list)
    cancelled: bool = False

    def as_dict(self) -> dict[str, Any]:
        q = self.quotes
        return {
            "source": self.source,
            "kind": self.kind,
            "split": self.split,
            "documents": self.documents,
            "evaluated_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "entities": self.entities.as_dict(),
            "quotes": {
                "gold": q.gold, "predicted": q.predicted, "matched": q.matched,
                "precision": q.precision, "recall": q.recall, "f1": q.f1,
                "speaker_name_accuracy": q.speaker_name_accuracy,
                "cue_accuracy": q.cue_accuracy,
            },
            "warnings": self.warnings,
        }  # fmt: skip


def _split_of_model(model: str | None) -> tuple[dict[str, float], int, bool]:
    from annotator.nlp.training import trained_info

    info = trained_info(model) if model else None
    if info and isinstance(info.get("split"), dict):
        return {str(k): float(v) for k, v in info["split"].items()}, int(info.get("seed", 0)), True
    return dict(DEFAULT_SPLIT), 0, False


def gold_records(
    store: Store, *, split: str, ratios: dict[str, float], seed: int
) -> Iterator[DocumentRecord]:
    """The gold view of the done documents of one split (``all``: every one)."""
    only = None if split == "all" else (ratios, seed, split)
    if only is not None and split not in ratios:
        raise SettingError("split", f"unknown {split!r}; use one of {', '.join(ratios)} or all")
    return iter_records(store, layer=GOLD_LAYER, status="done", only_split=only)


def _score(
    report: EvaluationReport,
    gold: DocumentRecord,
    spans: list[SpanData],
    relations: list[RelationData],
) -> None:
    def ents(items: list[SpanData]) -> list[tuple[int, int, str]]:
        return [(s.start, s.end, s.label) for s in items if s.is_entity]

    report.entities.add(score_entities(ents(gold.spans), ents(spans)))
    report.quotes.add(
        score_document(
            gold.text,
            quotes_from_annotations(gold.name, gold.spans, gold.relations),
            quotes_from_annotations(gold.name, spans, relations),
            gold.name,
        )
    )
    report.documents += 1


def evaluate(
    store: Store,
    *,
    model: str | None = None,
    layer: str | None = None,
    split: str | None = None,
    save: bool = True,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> EvaluationReport:
    """Score ``model`` (a package or folder; None: the default) or ``layer`` on gold."""
    if model is not None and layer is not None:
        raise AnnotatorError("evaluate a model or a layer, not both")
    ratios, seed, trained_here = _split_of_model(model)
    if layer is not None:
        resolved = resolve_layer(store, layer)
        if resolved not in {name for name, _ in store.layers()}:
            raise AnnotatorError(f"no layer named {resolved!r}")
        report = EvaluationReport(source=resolved, kind="layer", split=split or "all")
    else:
        report = EvaluationReport(source="", kind="model", split=split or "test")
    records = list(gold_records(store, split=report.split, ratios=ratios, seed=seed))
    if not records and split is None and report.split != "all":
        report.warnings.append(
            f"no gold document fell in the {report.split!r} split (too few done documents); "
            "scored on all of them, which the model may have been trained on"
        )
        report.split = "all"
        records = list(gold_records(store, split="all", ratios=ratios, seed=seed))
    if not records:
        raise SettingError(
            "split",
            f"no done document with gold annotations in the {report.split!r} split; "
            "accept more documents or score split all",
        )
    if report.kind == "model" and trained_here and split is not None and split != "test":
        report.warnings.append(
            f"split {report.split!r} holds documents the model was trained or tuned on: "
            "its scores are optimistic"
        )
    if report.kind == "layer":
        _evaluate_layer(store, report, records, progress, cancel)
    else:
        _evaluate_model(store, report, records, model, progress, cancel)
    if save and not report.cancelled:
        set_setting(store, EVALUATION_PREFIX + report.source, report.as_dict())
    return report


def _evaluate_layer(
    store: Store,
    report: EvaluationReport,
    records: list[DocumentRecord],
    progress: Progress | None,
    cancel: Cancel | None,
) -> None:
    filled = store.layer_filled(report.source)
    human = not report.source.startswith("model:")
    missing = 0
    for n, record in enumerate(records, 1):
        if cancel is not None and cancel():
            report.cancelled = True
            return
        assert record.id is not None
        if human or record.id in filled:
            spans, relations = store.annotations(record.id, report.source)
        else:
            spans, relations, missing = [], [], missing + 1
        _score(report, record, spans, relations)
        if progress is not None:
            progress(n, len(records), record.name)
    if missing:
        report.warnings.append(
            f"{missing} gold documents were never annotated by {report.source}; "
            "they count as predicting nothing"
        )


def _evaluate_model(
    store: Store,
    report: EvaluationReport,
    records: list[DocumentRecord],
    model: str | None,
    progress: Progress | None,
    cancel: Cancel | None,
) -> None:
    from annotator.nlp.pipeline import annotate_texts, load_pipeline, set_repeated_lines
    from annotator.ops.annotate import repeated_lines

    nlp = load_pipeline(model)
    report.source = (
        str(Path(model).resolve())
        if model and Path(model).is_dir()
        else (model or f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}")
    )
    set_repeated_lines(nlp, repeated_lines(store))
    items = ((record.text, record) for record in records)
    for n, (record, spans, relations, warnings) in enumerate(
        annotate_texts(nlp, items, name_of=lambda r: r.name), 1
    ):
        report.warnings.extend(warnings)
        _score(report, record, spans, relations)
        if progress is not None:
            progress(n, len(records), record.name)
        if cancel is not None and cancel():
            report.cancelled = True
            return


def saved_evaluations(store: Store) -> dict[str, dict[str, Any]]:
    """Latest stored evaluation per model or layer."""
    from annotator.store.settings import settings_with_prefix

    return settings_with_prefix(store, EVALUATION_PREFIX)


def saved_evaluation(store: Store, source: str) -> dict[str, Any] | None:
    value = get_setting(store, EVALUATION_PREFIX + source)
    return value if isinstance(value, dict) else None
