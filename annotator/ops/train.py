"""Train an NER pipeline on the project's gold data, in a worker process.

The gold view of the done documents (as ``export --layer gold``) is written as DocBin files and
split by content hash and seed (``train``/``dev``/``test``, as ``export --split``): training
uses ``train``, early stopping and the choice of the best model use ``dev``, and ``test`` stays
unseen for ``annotator evaluate``. spaCy's training loop runs in a separate, lower-priority
process, so the desktop app stays responsive and the machine's other work goes on. Ctrl+C
(SIGINT) or ``cancel`` stops it after the current step; the best model so far is kept.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import re
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError, ModelError, SettingError
from annotator.model import GOLD_LAYER
from annotator.ops.export import export
from annotator.ops.progress import Cancel, Progress
from annotator.store import Store

Listener = Callable[[dict[str, Any]], None]

DEFAULT_SPLIT = {"train": 0.8, "dev": 0.1, "test": 0.1}
#: Niceness added to the training process.
NICENESS = 10


@dataclass
class TrainOptions:
    base: str | None = None
    from_blank: bool = False
    epochs: int = 0
    max_steps: int = 20_000
    patience: int = 1600
    eval_frequency: int = 200
    seed: int = 0
    split: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_SPLIT))
    name: str | None = None
    #: Share of the training split used (learning curves).
    fraction: float = 1.0


@dataclass
class TrainReport:
    out: Path
    name: str = ""
    base: str | None = None
    documents: dict[str, int] = field(default_factory=dict)
    labels: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    best_step: int = 0
    steps: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    warnings: list[str] = field(default_factory=list)


def _model_name(out: Path, name: str | None) -> str:
    raw = name or out.name
    clean = re.sub(r"[^A-Za-z0-9_]+", "_", raw).strip("_")
    return clean or "trained"


def _check_out(out: Path) -> None:
    from annotator.nlp.training import trained_info

    if out.exists() and not out.is_dir():
        raise SettingError("out", f"{out} is a file; name the folder of the trained model")
    if out.is_dir() and any(out.iterdir()) and trained_info(out) is None:
        raise AnnotatorError(
            f"{out} is a folder with other files; choose a new or empty folder, or one with an "
            "earlier trained model to replace"
        )


def prepare_data(
    store: Store, folder: Path, options: TrainOptions
) -> tuple[dict[str, Path], dict[str, int], list[str], list[str]]:
    """Write the gold DocBins per split; return paths, sizes, labels and warnings."""
    from annotator.nlp.training import docbin_summary, write_subset

    exported = export(
        store, format="spacy", out=folder / "gold.spacy", layer=GOLD_LAYER, status="done",
        split=options.split, seed=options.seed,
    )  # fmt: skip
    warnings = [
        f"{text} ({n})" for text, n in exported.warnings.items() if "no document" not in text
    ]
    paths = {name: folder / f"gold.{name}.spacy" for name in options.split}
    sizes: dict[str, int] = {}
    labels: set[str] = set()
    for name, path in paths.items():
        sizes[name], found = docbin_summary(path)
        labels.update(found)
    if not sizes.get("train"):
        raise AnnotatorError(
            f"no done documents with gold annotations in the train split ({sum(sizes.values())} "
            "done in all); accept some documents first"
        )
    if 0 < options.fraction < 1:
        subset = folder / "gold.train-subset.spacy"
        sizes["train"] = write_subset(paths["train"], subset, options.fraction, options.seed)
        paths["train"] = subset
    if not sizes.get("dev"):
        warnings.append(
            "no document fell in the dev split: the best model is chosen on the training data"
        )
        paths["dev"] = paths["train"]
    return paths, sizes, sorted(labels), warnings


def _worker(job: dict[str, Any], events: Any) -> None:
    """The training process: lower priority, stops after the current step on SIGINT."""
    try:
        os.nice(NICENESS)
    except OSError:
        pass
    from annotator.nlp import training

    signal.signal(signal.SIGINT, lambda *_: training.request_stop())
    events.put(("ready", None))  # a stop request is safe from now on
    try:
        config = training.training_config(
            train=Path(job["train"]), dev=Path(job["dev"]), base=job["base"],
            max_epochs=job["epochs"], max_steps=job["max_steps"], patience=job["patience"],
            eval_frequency=job["eval_frequency"], seed=job["seed"],
        )  # fmt: skip
        best_scores: dict[str, Any] = {}

        def listen(event: dict[str, Any]) -> None:
            if event.get("best"):
                best_scores.update(event)
            events.put(("event", event))

        best, stopped = training.run_training(
            config, Path(job["work"]), labels=job["labels"], listener=listen
        )
        if best is None:
            events.put(("error", "stopped before the first evaluation; no model was saved"))
            return
        info = dict(job["info"])
        info.update(
            scores={k: best_scores.get(k, 0.0) for k in ("ents_p", "ents_r", "ents_f")},
            best_step=best_scores.get("step", 0),
            interrupted=stopped,
        )
        training.finish_model(
            best, Path(job["out"]), name=job["name"], version=job["version"], info=info
        )
        events.put(("done", info))
    except AnnotatorError as exc:
        events.put(("error", str(exc)))
    except Exception as exc:
        first = (str(exc).strip().splitlines() or [""])[0]
        events.put(("error", f"training failed: {type(exc).__name__}: {first}"))


@contextmanager
def _forward_sigint(pid_of: Callable[[], int | None]) -> Iterator[list[bool]]:
    """In the main thread, Ctrl+C asks the worker to stop (it keeps the best model)."""
    seen = [False]
    if threading.current_thread() is not threading.main_thread():
        yield seen
        return

    def handler(signum: int, frame: object) -> None:
        seen[0] = True
        pid = pid_of()
        if pid is not None:
            os.kill(pid, signal.SIGINT)

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield seen
    finally:
        signal.signal(signal.SIGINT, previous)


def train(
    store: Store,
    *,
    out: Path,
    options: TrainOptions | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    listener: Listener | None = None,
) -> TrainReport:
    """Train on the project's gold data into the pipeline folder ``out``; see the module doc."""
    from annotator.nlp.pipeline import default_model_name
    from annotator.nlp.training import base_label

    options = options or TrainOptions()
    out = Path(out).resolve()
    _check_out(out)
    base = None if options.from_blank else (options.base or default_model_name())
    report = TrainReport(out=out, name=_model_name(out, options.name), base=base)
    started = time.monotonic()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".train-", dir=out.parent) as tmp:
        folder = Path(tmp)
        (folder / "work").mkdir()
        paths, sizes, labels, warnings = prepare_data(store, folder, options)
        report.documents, report.labels = sizes, labels
        report.warnings.extend(warnings)
        stamp = datetime.now(UTC)
        info = {
            "project": str(store.path.resolve()),
            "layer": GOLD_LAYER,
            "status": "done",
            "documents": sizes,
            "labels": labels,
            "base": base_label(base) if base else None,
            "split": options.split,
            "seed": options.seed,
            "fraction": options.fraction,
            "trained_at": stamp.isoformat(timespec="seconds"),
        }
        job = {
            "train": str(paths["train"]), "dev": str(paths["dev"]), "base": base,
            "epochs": options.epochs, "max_steps": options.max_steps,
            "patience": options.patience, "eval_frequency": options.eval_frequency,
            "seed": options.seed, "work": str(folder / "work"), "labels": labels,
            "out": str(out), "name": report.name, "version": stamp.strftime("1.0.%Y%m%d%H%M%S"),
            "info": info,
        }  # fmt: skip
        result = _run_worker(job, report, progress, cancel, listener)
    report.seconds = time.monotonic() - started
    scores = result.get("scores", {})
    report.scores = {k: float(v) for k, v in scores.items()}
    report.best_step = int(result.get("best_step", 0))
    report.interrupted = bool(result.get("interrupted")) or report.interrupted
    if options.fraction >= 1:
        from annotator.ops.models import remember_trained  # offered in the app's model choice

        remember_trained(store, out)
    return report


def _run_worker(
    job: dict[str, Any],
    report: TrainReport,
    progress: Progress | None,
    cancel: Cancel | None,
    listener: Listener | None,
) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    events = context.Queue()
    process = context.Process(target=_worker, args=(job, events), name="annotator-train")
    total = job["max_steps"] if job["max_steps"] > 0 else 0
    stop_sent = False
    ready = False  # SIGINT before the worker's handler is set would kill it, not stop it
    with _forward_sigint(lambda: process.pid) as interrupted:
        process.start()
        try:
            while True:
                try:
                    kind, data = events.get(timeout=0.2)
                except queue.Empty:
                    if not process.is_alive():
                        raise ModelError(
                            f"the training process ended unexpectedly (exit code "
                            f"{process.exitcode})"
                        ) from None
                    if cancel is not None and ready and not stop_sent and cancel():
                        os.kill(process.pid, signal.SIGINT)  # type: ignore[arg-type]
                        stop_sent = True
                    continue
                if kind == "ready":
                    ready = True
                elif kind == "event":
                    report.steps = max(report.steps, int(data.get("step", 0)))
                    if listener is not None:
                        listener(data)
                    if progress is not None:
                        progress(report.steps, total, _describe(data))
                    if cancel is not None and not stop_sent and cancel():
                        os.kill(process.pid, signal.SIGINT)  # type: ignore[arg-type]
                        stop_sent = True
                elif kind == "error":
                    raise ModelError(str(data))
                else:
                    report.interrupted = interrupted[0] or stop_sent
                    return dict(data)
        finally:
            process.join(timeout=30)
            if process.is_alive():
                process.terminate()
                process.join()


def _describe(event: dict[str, Any]) -> str:
    if event.get("kind") != "evaluation":
        return f"step {event.get('step', 0)}"
    return f"epoch {event['epoch']}, step {event['step']}: dev F1 {event['ents_f']:.3f}"
