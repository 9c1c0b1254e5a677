"""``annotator evaluate-quotes``: score the quote detector on a hand-made gold set."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.errors import AnnotatorError

DEFAULT_GOLD = Path("tests/data/quotes_gold")


def _default_gold() -> str | None:
    return str(DEFAULT_GOLD) if DEFAULT_GOLD.is_dir() else None


@click.command("evaluate-quotes")
@click.argument(
    "gold_dir",
    required=False,
    default=_default_gold,
    type=click.Path(file_okay=False, path_type=Path),
)
@click.option("--model", metavar="NAME|DIR", help="spaCy pipeline (default: the installed one).")
@click.option(
    "--errors", "show_errors", is_flag=True, help="List every miss and wrong attribution."
)
def evaluate_quotes_command(gold_dir: Path | None, model: str | None, show_errors: bool) -> None:
    """Score quotations, speakers and cues against GOLD_DIR (<name>.txt + <name>.quotes.jsonl).

    GOLD_DIR defaults to tests/data/quotes_gold when run from a checkout.
    """
    from annotator.ops.quality import evaluate_quotes

    if gold_dir is None:
        raise click.ClickException("no GOLD_DIR given and tests/data/quotes_gold not found")
    try:
        report = evaluate_quotes(gold_dir, model)
    except AnnotatorError as exc:
        raise click.ClickException(str(exc)) from None
    rows = [
        ("document", "gold", "pred", "P", "R", "F1", "speaker", "named", "cue", "given", "joined")
    ]
    for name, r in [*report.documents.items(), ("TOTAL", report)]:
        rows.append(
            (
                name,
                str(r.gold),
                str(r.predicted),
                f"{r.precision:.3f}",
                f"{r.recall:.3f}",
                f"{r.f1:.3f}",
                f"{r.speaker_name_accuracy:.3f}",
                f"{r.speaker_named_accuracy:.3f}",
                f"{r.cue_accuracy:.3f}",
                f"{r.cue_given_accuracy:.3f}",
                f"{r.joined}/{r.multi_paragraph}",
            )
        )
    widths = [max(len(row[k]) for row in rows) for k in range(len(rows[0]))]
    for row in rows:
        click.echo(
            "  ".join(
                cell.ljust(w) if k == 0 else cell.rjust(w)
                for k, (cell, w) in enumerate(zip(row, widths))
            )
        )
    click.echo(
        "speaker, cue: over all matched quotations; named, given: over those whose gold names "
        "a speaker / has a cue"
    )
    if show_errors:
        for line in report.errors:
            click.echo(line)
    for line in report.warnings:  # a document scored as finding nothing says why
        click.echo(f"warning: {line}", err=True)
