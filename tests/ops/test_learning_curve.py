"""Cancel from the app's side, and the learning curve kept for the statistics view."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from annotator.ops.charts import evaluation_figure
from annotator.ops.evaluate import saved_evaluation
from annotator.ops.learning_curve import learning_curve, saved_curve
from annotator.ops.train import TrainOptions, train
from annotator.store import Store


def test_cancel_from_another_thread_keeps_the_best_model(
    gold_project: Path, tmp_path: Path
) -> None:
    """As the app does: train() in a worker thread, Cancel asks the process to stop."""
    best_seen = threading.Event()
    out = tmp_path / "m"
    result: dict[str, Any] = {}

    def listen(event: dict[str, Any]) -> None:
        if event.get("best") and event["step"] >= 2:
            best_seen.set()

    def run() -> None:
        options = TrainOptions(from_blank=True, max_steps=5000, patience=0, eval_frequency=2)
        with Store(gold_project) as store:
            result["report"] = train(
                store, out=out, options=options, listener=listen, cancel=best_seen.is_set
            )

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=240)
    assert not thread.is_alive()
    report = result["report"]
    assert report.interrupted and report.steps < 5000
    assert json.loads((out / "meta.json").read_text())["annotator"]["interrupted"] is True


def test_learning_curve_points_are_stored_and_drawn(gold_project: Path, tmp_path: Path) -> None:
    options = TrainOptions(from_blank=True, max_steps=2, eval_frequency=2,
                           split={"train": 0.6, "dev": 0.2, "test": 0.2})  # fmt: skip
    with Store(gold_project) as store:
        curve = learning_curve(store, out=tmp_path / "m", options=options, fractions=(0.5, 1.0))
        saved = saved_curve(store)
        evaluation = saved_evaluation(store, str((tmp_path / "m").resolve()))
    assert curve.final is not None and (tmp_path / "m" / "meta.json").is_file()
    sizes = [p.documents for p in curve.points]
    assert len(sizes) == 2 and 1 <= sizes[0] < sizes[1] == curve.final.documents["train"]
    assert all(0.0 <= p.f1 <= 1.0 for p in curve.points)
    assert saved is not None and [p["documents"] for p in saved["points"]] == sizes
    assert evaluation is not None  # the 100% model's test scores, for the statistics view
    figure = evaluation_figure(evaluation, saved)
    assert len(figure.axes) == 2 and figure.axes[1].lines
    assert list(figure.axes[1].lines[0].get_xdata()) == sizes


def test_cancel_stops_the_learning_curve_before_the_full_model(
    gold_project: Path, tmp_path: Path
) -> None:
    """Cancel in the status bar reaches the curve's runs: the first stops, no other starts."""
    asked: list[bool] = []

    def cancel() -> bool:
        asked.append(True)
        return True

    options = TrainOptions(from_blank=True, max_steps=5000, eval_frequency=2)
    with Store(gold_project) as store:
        curve = learning_curve(
            store, out=tmp_path / "m", options=options, fractions=(0.5, 1.0), cancel=cancel
        )
        assert saved_curve(store) is None
    assert asked and curve.final is None and curve.points == []
    assert not (tmp_path / "m").exists()
