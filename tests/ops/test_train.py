"""Tiny real training runs: spaCy's loop in a worker process, a loadable drop-in pipeline."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path
from typing import Any

import pytest
import spacy
from click.testing import CliRunner

from annotator.cli import main
from annotator.errors import AnnotatorError
from annotator.ops.train import TrainOptions, train
from annotator.store import Store


def test_from_blank_ctrl_c_keeps_the_best_model_which_annotate_then_uses(
    gold_project: Path, tmp_path: Path
) -> None:
    """Ctrl+C (a real SIGINT) after the first best model: training stops, the model is kept."""
    events: list[dict[str, Any]] = []

    def listen(event: dict[str, Any]) -> None:
        events.append(event)
        if event.get("best") and event["step"] >= 4:
            os.kill(os.getpid(), signal.SIGINT)

    out = tmp_path / "m1"
    options = TrainOptions(from_blank=True, max_steps=5000, patience=0, eval_frequency=4,
                           split={"train": 0.8, "dev": 0.2})  # fmt: skip
    with Store(gold_project) as store:
        report = train(store, out=out, options=options, listener=listen)
    assert report.interrupted
    assert report.steps < 5000
    assert report.best_step >= 4 and any(e.get("best") for e in events)
    assert "TEAM" in report.labels and report.base is None
    nlp = spacy.load(out)  # a normal spaCy pipeline folder (our factories are registered)
    assert nlp.pipe_names == [
        "ner",
        "annotator_entities",
        "annotator_boilerplate",
        "annotator_quotes",
    ]
    assert "TEAM" in nlp.get_pipe("ner").labels
    meta = json.loads((out / "meta.json").read_text())
    info = meta["annotator"]
    assert info["interrupted"] is True and info["base"] is None
    assert info["layer"] == "gold" and info["project"] == str(gold_project.resolve())
    assert (
        sum(info["documents"].values()) == 10
        and info["documents"]["train"] == report.documents["train"]
    )
    assert info["best_step"] == report.best_step
    assert meta["name"] == "m1"

    result = CliRunner().invoke(main, ["--db", str(gold_project), "annotate", "--model", str(out)])
    assert result.exit_code == 0, result.output
    layer = f"model:en_m1@{meta['version']}"
    assert layer in result.output
    with Store(gold_project) as store:
        assert len(store.layer_filled(layer)) == 10


def test_fine_tune_adds_the_new_label_and_stays_a_drop_in(
    gold_project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "tuned"
    steps: list[str] = []
    options = TrainOptions(max_steps=3, eval_frequency=3, split={"train": 0.8, "dev": 0.2})
    with Store(gold_project) as store:
        report = train(store, out=out, options=options,
                       progress=lambda done, total, text: steps.append(text))  # fmt: skip
    assert not report.interrupted and report.steps == 3
    assert report.base is not None and steps[-1].startswith("epoch")
    nlp = spacy.load(out)
    assert {"tagger", "parser", "ner", "annotator_quotes", "annotator_boilerplate"} <= set(
        nlp.pipe_names
    )
    labels = nlp.get_pipe("ner").labels
    assert "TEAM" in labels and "PERSON" in labels and "MONEY" in labels  # base labels kept
    assert json.loads((out / "meta.json").read_text())["annotator"]["base"].startswith("en_core")


def test_no_done_documents_is_one_clear_error(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.db") as store:
        store.add_document("a.txt", "Nothing accepted here.")
        with pytest.raises(AnnotatorError, match="accept some documents first"):
            train(store, out=tmp_path / "m")
    assert not (tmp_path / "m").exists()


def test_refuses_to_train_over_a_folder_of_other_files(gold_project: Path, tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    result = CliRunner().invoke(
        main, ["--db", str(gold_project), "train", "--out", str(tmp_path / "mine")]
    )
    assert result.exit_code == 1 and "other files" in result.output
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"


def test_cli_train_evaluate_annotate(gold_project: Path, tmp_path: Path) -> None:
    """The issue's 'done when', through the command line."""
    runner, db = CliRunner(), ["--db", str(gold_project)]
    out = tmp_path / "m1"
    args = ["train", "--out", str(out), "--from-blank", "--max-steps", "4", "--eval-frequency", "2"]
    result = runner.invoke(main, [*db, *args, "--split", "train=0.6,dev=0.2,test=0.2"])
    assert result.exit_code == 0, result.output
    assert "Training finished" in result.output and f"Saved to {out}" in result.output
    assert "epoch" in result.output and "F1" in result.output  # the progress lines
    result = runner.invoke(main, [*db, "evaluate", "--model", str(out)])
    assert result.exit_code == 0, result.output
    assert "(split: test)" in result.output and "OVERALL" in result.output
    assert any(line.startswith("PERSON") for line in result.output.splitlines())
    result = runner.invoke(main, [*db, "annotate", "--model", str(out)])
    assert result.exit_code == 0 and "model:en_m1@1.0." in result.output
