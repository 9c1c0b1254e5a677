"""NER training with spaCy's own training loop (``spacy.training.loop.train``).

The config comes from ``resources/train_ner.cfg`` (NER from blank); fine-tuning sources every
enabled component of the base pipeline, trains its ``ner`` and freezes the rest. Training data
are ``.spacy`` DocBin files. A registered logger (``annotator.ProgressLogger.v1``) passes each
step and evaluation to a callback and stops the run, at a step boundary, when asked: spaCy then
keeps ``model-best`` as saved after the best evaluation. :func:`finish_model` turns that into a
pipeline with our rule-based boilerplate and quote components, so it replaces the default
pipeline in ``annotate --model DIR``.
"""

from __future__ import annotations

import io
import json
import random
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import DocBin
from thinc.api import Config

from annotator.errors import ModelError
from annotator.nlp.boilerplate import BOILERPLATE_KEY
from annotator.nlp.pipeline import load_pipeline
from annotator.nlp.quotes import QUOTES_KEY
from annotator.resources import resource_path

CONFIG_TEMPLATE = "train_ner.cfg"
#: Where the meta of a trained pipeline keeps what it was trained on.
META_KEY = "annotator"
LOGGER_NAME = "annotator.ProgressLogger.v1"
#: Base components left out of a fine-tuned pipeline (``load_pipeline`` drops them anyway).
SKIPPED_BASE_COMPONENTS = ("lemmatizer",)

Event = dict[str, Any]
Listener = Callable[[Event], None]


class TrainingStopped(Exception):
    """Raised by the logger at a step boundary after a stop was asked for."""


class _Control:
    """The listener and the stop flag the registered logger reports to (one run per process)."""

    listener: Listener | None = None
    stop = threading.Event()


def request_stop() -> None:
    """Stop the running training after its current step; safe from a signal handler."""
    _Control.stop.set()


@spacy.registry.loggers(LOGGER_NAME)
def progress_logger() -> Callable[..., tuple[Callable[[dict[str, Any] | None], None],
                                             Callable[[], None]]]:  # fmt: skip
    """Reports every step and evaluation to the listener; stops when asked."""

    def setup(
        nlp: Language, stdout: Any = None, stderr: Any = None
    ) -> tuple[Callable[[dict[str, Any] | None], None], Callable[[], None]]:
        steps = 0
        best = float("-inf")

        def log_step(info: dict[str, Any] | None) -> None:
            nonlocal steps, best
            steps += 1
            listener = _Control.listener
            if info is None:
                if listener is not None:
                    listener({"kind": "step", "step": steps})
            else:
                score = float(info["score"])
                is_best = score > best
                best = max(best, score)
                other = info.get("other_scores", {})
                event = {
                    "kind": "evaluation",
                    "step": int(info["step"]),
                    "epoch": int(info["epoch"]),
                    "score": score,
                    "best": is_best,
                    "losses": {k: float(v) for k, v in info.get("losses", {}).items()},
                    "ents_p": float(other.get("ents_p") or 0.0),
                    "ents_r": float(other.get("ents_r") or 0.0),
                    "ents_f": float(other.get("ents_f") or 0.0),
                }
                if listener is not None:
                    listener(event)
            if _Control.stop.is_set():
                raise TrainingStopped()

        def finalize() -> None:
            return None

        return log_step, finalize

    return setup


def docbin_summary(path: Path) -> tuple[int, list[str]]:
    """Number of documents and the sorted entity labels of a ``.spacy`` file."""
    if not path.exists():
        return 0, []
    nlp = spacy.blank("en")
    docbin = DocBin().from_disk(path)
    labels = {ent.label_ for doc in docbin.get_docs(nlp.vocab) for ent in doc.ents}
    return len(docbin), sorted(labels)


def write_subset(source: Path, out: Path, fraction: float, seed: int) -> int:
    """A random ``fraction`` (at least one document) of a ``.spacy`` file; returns its size."""
    nlp = spacy.blank("en")
    docs = list(DocBin(store_user_data=True).from_disk(source).get_docs(nlp.vocab))
    random.Random(seed).shuffle(docs)
    keep = docs[: max(1, round(len(docs) * fraction))] if docs else []
    DocBin(docs=keep, store_user_data=True).to_disk(out)
    return len(keep)


def training_config(
    *,
    train: Path,
    dev: Path,
    base: str | None,
    max_epochs: int = 0,
    max_steps: int = 20_000,
    patience: int = 1600,
    eval_frequency: int = 200,
    seed: int = 0,
) -> Config:
    """The config of one run: the template, with the base pipeline sourced when given."""
    config = Config().from_disk(resource_path(CONFIG_TEMPLATE), interpolate=False)
    config["paths"]["train"] = str(train)
    config["paths"]["dev"] = str(dev)
    config["system"]["seed"] = seed
    training = config["training"]
    training["max_epochs"] = max_epochs
    training["max_steps"] = max_steps
    training["patience"] = patience
    training["eval_frequency"] = eval_frequency
    if base is not None:
        base_nlp = load_base(base)
        pipes = [p for p in base_nlp.pipe_names if p not in SKIPPED_BASE_COMPONENTS]
        blank_ner = config["components"]["ner"]
        config["components"] = {name: {"source": base} for name in pipes}
        if "ner" not in pipes:  # a base without NER: add a new one after its components
            config["components"]["ner"] = blank_ner
            pipes.append("ner")
        config["nlp"]["pipeline"] = pipes
        config["nlp"]["lang"] = base_nlp.lang
        training["frozen_components"] = [p for p in pipes if p != "ner"]
        weights = dict(training["score_weights"])
        for name in pipes:
            if name == "ner":
                continue
            for key in base_nlp.get_pipe_meta(name).default_score_weights or {}:
                weights.setdefault(key, None)  # scored, but not what picks the best model
        training["score_weights"] = weights
    return config


def load_base(base: str) -> Language:
    """The base pipeline as spaCy loads it (errors as :class:`ModelError`)."""
    try:
        return spacy.load(base, exclude=list(SKIPPED_BASE_COMPONENTS))
    except Exception as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise ModelError(f"cannot load base pipeline {base!r}: {first}") from None


def base_label(base: str) -> str:
    """``en_core_web_sm@3.8.0``: what a fine-tuned model says it started from."""
    meta = load_base(base).meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', base)}@{meta.get('version', '?')}"


def run_training(
    config: Config, work_dir: Path, *, labels: list[str], listener: Listener | None = None
) -> tuple[Path | None, bool]:
    """Train into ``work_dir``; return (``model-best`` folder or None, stopped early?).

    Uses ``spacy.training.initialize.init_nlp`` and ``spacy.training.loop.train``: spaCy saves
    ``model-best`` after every improving evaluation, so a stop keeps the best model so far.
    """
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train

    _Control.listener = listener
    _Control.stop.clear()
    stopped = False
    quiet = io.StringIO()
    try:
        nlp = init_nlp(config)
        ner: Any = nlp.get_pipe("ner")
        for label in labels:  # new labels of the gold data join the model's own
            ner.add_label(label)
        train(nlp, work_dir, stdout=quiet, stderr=quiet)
    except TrainingStopped:
        stopped = True
    finally:
        _Control.listener = None
    best = work_dir / "model-best"
    return (best if (best / "meta.json").exists() else None), stopped


def finish_model(best: Path, out: Path, *, name: str, version: str, info: dict[str, Any]) -> None:
    """Write ``best`` plus our boilerplate and quote components as the pipeline folder ``out``.

    ``info`` lands in ``meta["annotator"]``. ``out`` is replaced as a whole at the end.
    """
    nlp = load_pipeline(str(best))
    assert BOILERPLATE_KEY in nlp.pipe_names and QUOTES_KEY in nlp.pipe_names
    nlp.meta["name"] = name
    nlp.meta["version"] = version
    nlp.meta["description"] = (
        "NER trained by annotator on the project's gold data; boilerplate and quotation "
        "components are rule-based (load with annotator installed)."
    )
    nlp.meta["requirements"] = ["annotator"]
    nlp.meta[META_KEY] = info
    tmp = out.with_name(f".{out.name}.writing")
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)


def trained_info(model: str | Path) -> dict[str, Any] | None:
    """``meta["annotator"]`` of a pipeline folder we trained, else None."""
    meta = Path(model) / "meta.json"
    if not meta.is_file():
        return None
    try:
        info = json.loads(meta.read_text(encoding="utf-8")).get(META_KEY)
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) else None
