"""Quality of the pre-annotation: run the pipeline over a gold set and score it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.nlp.pipeline import annotate_texts, load_pipeline
from annotator.nlp.quote_eval import (
    GoldDocument,
    QuoteRecord,
    QuoteReport,
    load_gold_dir,
    quotes_from_annotations,
    score,
)

__all__ = ["QuoteReport", "evaluate_quotes", "score_pipeline"]


def evaluate_quotes(gold_dir: Path, model: str | None = None) -> QuoteReport:
    """Quote precision/recall/F1, speaker-name and cue accuracy of ``model`` on ``gold_dir``.

    ``gold_dir`` holds ``<name>.txt`` + ``<name>.quotes.jsonl`` pairs (quotes-jsonl format);
    raises :class:`~annotator.errors.InputError` for a bad gold set and
    :class:`~annotator.errors.ModelError` for a model that does not load.
    """
    documents = load_gold_dir(Path(gold_dir))
    return score_pipeline(documents, load_pipeline(model))


def predict_quotes(
    documents: list[GoldDocument], nlp: Any, warnings: list[str] | None = None
) -> dict[str, list[QuoteRecord]]:
    """The quotations an already loaded pipeline finds in each gold document's text; a
    document it cannot annotate finds none, with a line in ``warnings``."""
    predictions: dict[str, list[QuoteRecord]] = {}
    items = ((doc.text, doc.name) for doc in documents)
    for name, spans, relations, problems in annotate_texts(nlp, items):
        predictions[name] = quotes_from_annotations(name, spans, relations)
        if warnings is not None:
            warnings.extend(problems)
    return predictions


def score_pipeline(documents: list[GoldDocument], nlp: Any) -> QuoteReport:
    """Scores of an already loaded pipeline (from :func:`load_pipeline`) on gold documents."""
    warnings: list[str] = []
    report = score(documents, predict_quotes(documents, nlp, warnings))
    report.warnings = warnings
    return report
