"""Learning curve: F1 on the test split against the number of training documents.

Trains on 25, 50, 75 and 100% of the training split (a seeded random subset, the same dev
split for early stopping each time), scores each model on the unseen test split and keeps the
points in the project (``learning_curve`` setting) for the statistics view and
``evaluate --plot``. The 100% model is the one saved to ``out``.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from annotator.errors import ModelError
from annotator.ops.evaluate import evaluate
from annotator.ops.progress import Cancel
from annotator.ops.train import Listener, Progress, TrainOptions, TrainReport, train
from annotator.store import Store
from annotator.store.settings import get_setting, set_setting

FRACTIONS = (0.25, 0.5, 0.75, 1.0)
SETTING = "learning_curve"


@dataclass
class CurvePoint:
    fraction: float
    documents: int
    f1: float
    precision: float
    recall: float


@dataclass
class LearningCurve:
    points: list[CurvePoint] = field(default_factory=list)
    final: TrainReport | None = None

    def as_dict(self, model: str) -> dict[str, Any]:
        return {
            "model": model,
            "computed_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "points": [vars(p) for p in self.points],
        }


def learning_curve(
    store: Store,
    *,
    out: Path,
    options: TrainOptions | None = None,
    fractions: tuple[float, ...] = FRACTIONS,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    listener: Listener | None = None,
) -> LearningCurve:
    """Train on each fraction of the training split and score each model; the 100% model is
    the one kept at ``out``. ``cancel`` stops the run being trained; before the full model it
    stops the whole curve (``final`` stays None, nothing is stored)."""
    options = options or TrainOptions()
    curve = LearningCurve()
    out = Path(out)
    with tempfile.TemporaryDirectory(prefix=".curve-", dir=out.parent if out.parent.exists()
                                     else None) as tmp:  # fmt: skip
        for fraction in fractions:
            target = out if fraction >= 1 else Path(tmp) / f"model-{int(fraction * 100)}"
            try:
                report = train(
                    store, out=target, options=replace(options, fraction=fraction),
                    progress=progress, cancel=cancel, listener=listener,
                )  # fmt: skip
            except ModelError:
                if cancel is not None and cancel():  # stopped before its first model
                    return curve
                raise
            if report.interrupted and fraction < 1:
                return curve
            scores = evaluate(store, model=str(target), save=fraction >= 1)
            total = scores.entities.total("exact")
            curve.points.append(
                CurvePoint(
                    fraction,
                    report.documents.get("train", 0),
                    total.f1,
                    total.precision,
                    total.recall,
                )
            )
            if fraction >= 1:
                curve.final = report
    set_setting(store, SETTING, curve.as_dict(str(out.resolve())))
    return curve


def saved_curve(store: Store) -> dict[str, Any] | None:
    value = get_setting(store, SETTING)
    return value if isinstance(value, dict) else None
