"""The ``annotator`` command: a thin shell over :mod:`annotator.ops`.

Every command opens the project, calls one ops function and prints its report. User errors are one
line on stderr and a non-zero exit code, never a traceback; Ctrl+C stops cleanly.
"""

from __future__ import annotations

import sys

import click

from annotator import __version__
from annotator.cli.agreement import agreement_command
from annotator.cli.annotate import annotate_command
from annotator.cli.common import Context, user_errors
from annotator.cli.evaluate import evaluate_command
from annotator.cli.evaluate_quotes import evaluate_quotes_command
from annotator.cli.export import export_command
from annotator.cli.importing import import_command
from annotator.cli.labels import labels_command
from annotator.cli.stats import stats_command
from annotator.cli.teams import adjudicate_command, merge_command, pack_command
from annotator.cli.train import train_command


@click.group(invoke_without_command=True)
@click.option(
    "--db",
    metavar="PATH",
    help="Project database file (default: $ANNOTATOR_DB, else annotator.db in the user data "
    "folder).",
)
@click.option(
    "--annotator",
    metavar="NAME",
    help="Whose layer to work in (default: $ANNOTATOR_USER, else the name the app remembers, "
    "else the login name).",
)
@click.version_option(__version__, prog_name="annotator")
@click.pass_context
def main(ctx: click.Context, db: str | None, annotator: str | None) -> None:
    """Label news corpora: entities, quotations with their speakers, gold exports.

    With no command, opens the desktop app on the project database.
    """
    ctx.obj = Context(db, annotator)
    if ctx.invoked_subcommand is None:
        with user_errors():
            from annotator.gui.app import run_app  # Qt is loaded only for the app

            app = ctx.obj
            code = run_app(app.db_path, is_default=app.is_default, annotator=app.explicit_annotator)
            sys.exit(code)


def _db_after_command(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    """``annotator import --db X``: the project may also be named after the command."""
    if value is not None:
        ctx.obj = ctx.find_root().obj = Context(value)


for _command in (
    import_command,
    annotate_command,
    export_command,
    stats_command,
    labels_command,
    evaluate_quotes_command,
    pack_command,
    merge_command,
    train_command,
    evaluate_command,
    agreement_command,
    adjudicate_command,
):
    _command.params.append(
        click.Option(
            ["--db"],
            metavar="PATH",
            expose_value=False,
            callback=_db_after_command,
            help="Project database file (as before the command).",
        )
    )
    main.add_command(_command)

__all__ = ["main"]
