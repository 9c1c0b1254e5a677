"""``annotator import``: text files, folders, globs, JSONL, CSV/TSV and every export format."""

from __future__ import annotations

import click

from annotator.cli.common import Context, progress_bar, user_errors
from annotator.formats import ALIASES, FORMATS, ReadOptions
from annotator.model import STATUSES
from annotator.ops.importing import import_paths
from annotator.ops.scheme import describe


@click.command("import")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "format_", metavar="NAME", help="Read every file with this format "
              "instead of choosing by file type.")  # fmt: skip
@click.option("--layer", metavar="NAME", help="Layer for the spans the files carry "
              "(default: the one the file names, else gold).")  # fmt: skip
@click.option("--status", type=click.Choice(STATUSES), help="Status to give imported documents "
              "for that layer, e.g. done for finished gold data.")  # fmt: skip
@click.option(
    "--text-column", default="text", show_default=True, help="CSV/TSV column with the text."
)
def import_command(
    paths: tuple[str, ...], format_: str | None, layer: str | None, status: str | None,
    text_column: str,
) -> None:  # fmt: skip
    """Import article files into the project.

    PATH is a file, a folder (read recursively) or a glob. Plain text files become one document
    each (the first non-empty line is the title). The same article imported twice is one document.
    Each bad file or line is named on stderr and skipped; the exit code is 1 if any failed.
    """
    app = click.get_current_context().ensure_object(Context)
    if format_ is not None and format_ not in FORMATS and format_ not in ALIASES:
        raise click.BadParameter(f"unknown format; choose from {', '.join(sorted(FORMATS))}",
                                 param_hint="--format")  # fmt: skip
    with user_errors(), app.open() as store, progress_bar("Importing") as bar:
        options = ReadOptions(layer=layer, status=status, text_column=text_column)
        report = import_paths(store, paths, options=options, format=format_, progress=bar)
    for note in report.note_lines():
        click.echo(f"note: {note}", err=True)
    for problem in report.problem_lines():
        click.echo(f"error: {problem}", err=True)
    click.echo(
        f"Imported {report.imported} document{'s' * (report.imported != 1)}"
        f" ({report.duplicates} duplicate{'s' * (report.duplicates != 1)}, "
        f"{report.failed} failed{', ' + str(report.spans) + ' spans' if report.spans else ''})"
        f" into {app.db_path}"
    )
    for message, count in sorted(report.conversions.items()):
        click.echo(f"note: {message}: {count}", err=True)
    if report.document_labels:
        click.echo(f"Document labels set: {report.document_labels}")
    if report.new_labels:
        click.echo(f"Added to the label scheme: {describe(report.new_labels)}")
    if report.failed:
        raise SystemExit(1)
