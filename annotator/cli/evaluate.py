"""``annotator evaluate``: score a model, or a layer already in the project, against gold."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.cli.common import Context, progress_bar, user_errors


@click.command("evaluate")
@click.option(
    "--model",
    metavar="NAME|DIR",
    help="spaCy package or trained folder to run (default: the pre-annotation one).",
)
@click.option(
    "--layer",
    metavar="model|NAME",
    help="Score a layer already in the project instead (model = the newest model "
    "layer): how good were the suggestions.",
)
@click.option(
    "--split",
    metavar="test|dev|train|all",
    help="Gold documents to score (default: test for a model, all for a layer).",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write every number as JSON to this file.",
)
@click.option(
    "--plot",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a chart (.png/.svg/.pdf): per-label F1, and the learning curve.",
)
def evaluate_command(
    model: str | None, layer: str | None, split: str | None, json_path: Path | None,
    plot: Path | None,
) -> None:  # fmt: skip
    """Entity P/R/F1 per label (exact and partial overlap), quotes and speaker names.

    Gold is the gold view of the done documents. A model trained with `annotator train` is
    scored on its unseen test split. The result is kept for the app's statistics view.
    """
    from annotator.ops.evaluate import evaluate
    from annotator.ops.learning_curve import saved_curve
    from annotator.ops.statistics import current_model

    if model and layer:
        raise click.UsageError("--model and --layer exclude each other")
    app = click.get_current_context().ensure_object(Context)
    with user_errors(), app.open() as store, progress_bar("Evaluating") as bar:
        if layer is None and model is None:
            model = current_model(store)
        report = evaluate(store, model=model, layer=layer, split=split, progress=bar)
        result = report.as_dict()
        curve = saved_curve(store)
        if json_path is not None:
            try:
                json_path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
            except OSError as exc:
                raise click.ClickException(f"{json_path}: cannot write: {exc.strerror}") from None
        if plot is not None:
            from annotator.ops.charts import evaluation_figure, write_figure

            write_figure(evaluation_figure(result, curve), plot)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(f"{report.kind.capitalize()} {report.source} on {report.documents} gold "
               f"documents (split: {report.split})")  # fmt: skip
    ents = result["entities"]
    rows = [("label", "gold", "P", "R", "F1", "P~", "R~", "F1~")]
    for label in [*ents["exact"]["per_label"], "OVERALL"]:
        e = ents["exact"]["overall"] if label == "OVERALL" else ents["exact"]["per_label"][label]
        p = (
            ents["partial"]["overall"]
            if label == "OVERALL"
            else ents["partial"]["per_label"][label]
        )
        keys = ("precision", "recall", "f1")
        rows.append(
            (label, str(e["support"]), *(f"{e[k]:.3f}" for k in keys),
             *(f"{p[k]:.3f}" for k in keys))
        )  # fmt: skip
    widths = [max(len(row[k]) for row in rows) for k in range(len(rows[0]))]
    for row in rows:
        click.echo("  ".join(c.ljust(w) if k == 0 else c.rjust(w)
                             for k, (c, w) in enumerate(zip(row, widths))))  # fmt: skip
    click.echo("(~: partial overlap counts as a match)")
    if ents["confusions"]:
        top = ", ".join(
            f"{c['gold']}→{c['predicted']} {c['count']}" for c in ents["confusions"][:5]
        )
        click.echo(f"Label confusions (gold→predicted): {top}")
    q = result["quotes"]
    click.echo(
        f"Quotes: {q['gold']} gold, {q['predicted']} predicted, P {q['precision']:.3f} "
        f"R {q['recall']:.3f} F1 {q['f1']:.3f}; speaker names {q['speaker_name_accuracy']:.3f} "
        f"of {q['matched']} matched"
    )
    if plot is not None:
        click.echo(f"Chart written to {plot}")
