"""``annotator train``: train an NER pipeline on the project's gold data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from annotator.cli.common import Context, user_errors
from annotator.ops.export import parse_split


@click.command("train")
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of the trained pipeline (new, empty, or an earlier trained model).",
)
@click.option(
    "--base",
    metavar="NAME|DIR",
    help="Pipeline whose NER is fine-tuned (default: the pre-annotation pipeline).",
)
@click.option("--from-blank", is_flag=True, help="Train a new NER from scratch instead.")
@click.option(
    "--epochs",
    type=click.IntRange(0),
    default=0,
    show_default=True,
    help="Stop after this many passes over the data (0: no limit).",
)
@click.option(
    "--max-steps",
    type=click.IntRange(0),
    default=20_000,
    show_default=True,
    help="Stop after this many updates (0: no limit).",
)
@click.option(
    "--patience",
    type=click.IntRange(0),
    default=1600,
    show_default=True,
    help="Stop after this many steps without a better dev score (0: never).",
)
@click.option(
    "--eval-frequency",
    type=click.IntRange(1),
    default=200,
    show_default=True,
    help="Evaluate on the dev split every N steps.",
)
@click.option(
    "--split",
    "split_text",
    default="train=0.8,dev=0.1,test=0.1",
    show_default=True,
    help="Document split by content hash; dev picks the best model, test stays "
    "unseen for `annotator evaluate`.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Split and training seed.")
@click.option("--name", help="Model name in its meta and layer (default: the --out folder name).")
@click.option(
    "--learning-curve",
    is_flag=True,
    help="Also train on 25/50/75% of the training split and score each on the test "
    "split; the curve is stored in the project for the app and --plot.",
)
def train_command(
    out: Path, base: str | None, from_blank: bool, epochs: int, max_steps: int, patience: int,
    eval_frequency: int, split_text: str, seed: int, name: str | None, learning_curve: bool,
) -> None:  # fmt: skip
    """Train NER on the gold layer of the done documents; save the best model to --out.

    spaCy's training loop runs in a lower-priority worker process. Ctrl+C stops it after the
    current step and keeps the best model so far. The model includes the quotation and
    boilerplate components, so `annotator annotate --model OUT` uses it like the default.
    """
    from annotator.ops.learning_curve import learning_curve as run_curve
    from annotator.ops.train import TrainOptions, train

    if base and from_blank:
        raise click.UsageError("--base and --from-blank exclude each other")
    app = click.get_current_context().ensure_object(Context)
    with user_errors():
        split = parse_split(split_text)
        if "train" not in split:
            raise click.UsageError("--split needs a train part, e.g. train=0.8,dev=0.1,test=0.1")
        options = TrainOptions(
            base=base, from_blank=from_blank, epochs=epochs, max_steps=max_steps,
            patience=patience, eval_frequency=eval_frequency, seed=seed, split=split, name=name,
        )  # fmt: skip
        with app.open() as store:
            if learning_curve:
                curve = run_curve(store, out=out, options=options, listener=_print_event)
                assert curve.final is not None  # the 100% run
                report = curve.final
                click.echo("Learning curve (test split):")
                for point in curve.points:
                    click.echo(f"  {point.documents:>6} documents  F1 {point.f1:.3f}")
            else:
                report = train(store, out=out, options=options, listener=_print_event)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    sizes = ", ".join(f"{n} {split}" for split, n in report.documents.items())
    scores = report.scores
    how = "interrupted; kept the best model so far" if report.interrupted else "finished"
    click.echo(
        f"Training {how} in {report.seconds:.0f}s ({sizes}; labels: {', '.join(report.labels)})"
    )
    click.echo(
        f"Best dev scores at step {report.best_step}: P {scores.get('ents_p', 0):.3f} "
        f"R {scores.get('ents_r', 0):.3f} F1 {scores.get('ents_f', 0):.3f}"
    )
    click.echo(f"Saved to {report.out}; use it with: annotator annotate --model {report.out}")


def _print_event(event: dict[str, Any]) -> None:
    if event.get("kind") == "evaluation":
        losses = " ".join(f"loss_{k} {v:.2f}" for k, v in event["losses"].items())
        mark = "  best" if event["best"] else ""
        click.echo(
            f"epoch {event['epoch']:>3}  step {event['step']:>6}  {losses}  "
            f"P {event['ents_p']:.3f}  R {event['ents_r']:.3f}  F1 {event['ents_f']:.3f}{mark}",
            err=True,
        )
