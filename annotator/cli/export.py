"""``annotator export``: write a layer as training or inspection data."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.common import Context, progress_bar, user_errors
from annotator.formats import ALIASES, EXPORT_FORMATS
from annotator.model import STATUS_FILTERS


@click.command("export")
@click.option("--format", "format_", required=True, type=click.Choice([*EXPORT_FORMATS, *ALIASES]),
              help="Output format (jsonl is the old name of prodigy).")  # fmt: skip
@click.option("--out", required=True, type=click.Path(path_type=Path), help="Output file "
              "(a folder for brat, and for spacy with --docs-per-file).")  # fmt: skip
@click.option("--layer", default="gold", show_default=True, help="gold, model (the newest "
              "model layer), a model layer's full name, or an annotator's name.")  # fmt: skip
@click.option("--status", default="done", show_default=True,
              type=click.Choice(STATUS_FILTERS),
              help="Documents with this status (all = every document). Model layers have no "
              "status: all their documents are exported.")  # fmt: skip
@click.option("--split", metavar="NAME=RATIO,...", help="e.g. train=0.8,dev=0.1,test=0.1: one "
              "file or folder per split.")  # fmt: skip
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of --split.")
@click.option("--scheme", type=click.Choice(["iob1", "iob2", "bilou"]), default="iob2",
              show_default=True, help="Tag scheme of conll.")  # fmt: skip
@click.option("--include-boilerplate", is_flag=True, help="Keep BOILERPLATE spans.")
@click.option("--docs-per-file", type=click.IntRange(min=1), metavar="N", help="spacy: write "
              "--out as a folder of .spacy files of N documents each (memory stays flat; "
              "spacy train reads folders).")  # fmt: skip
def export_command(
    format_: str, out: Path, layer: str, status: str, split: str | None, seed: int, scheme: str,
    include_boilerplate: bool, docs_per_file: int | None,
) -> None:  # fmt: skip
    """Export annotations as training or inspection data (--format lists the formats).

    Whatever a format cannot hold is listed as a warning with counts.
    """
    from annotator.ops.export import export, parse_split

    if docs_per_file and format_ != "spacy":
        raise click.BadParameter("only the spacy format writes a folder of files",
                                 param_hint="--docs-per-file")  # fmt: skip
    app = click.get_current_context().ensure_object(Context)
    interrupted = (
        f"Interrupted; {out} was not written (a file there before is unchanged), "
        "and the project is unchanged."
    )
    with user_errors(interrupted), app.open_existing() as store, progress_bar("Exporting") as bar:
        ratios = parse_split(split) if split else None
        report = export(
            store, format=format_, out=out, layer=layer, status=status, split=ratios, seed=seed,
            include_boilerplate=include_boilerplate, scheme=scheme,
            docs_per_file=docs_per_file or 0, progress=bar,
        )  # fmt: skip
    for message, count in sorted(report.warnings.items()):
        click.echo(f"warning: {message} ({count}x)", err=True)
    where = ", ".join(str(p) for p in report.paths)
    plural = "s" * (report.documents != 1)
    click.echo(f"Exported {report.documents} document{plural} from {report.layer} to {where}")
