"""``annotator stats``: documents by status, spans by layer, label and source."""

from __future__ import annotations

import click

from annotator.cli.common import Context, user_errors
from annotator.model import GOLD_LAYER, STATUSES
from annotator.ops.adjudication import documents_to_adjudicate, gold_provenance
from annotator.store import stats, work_stats


@click.command("stats")
def stats_command() -> None:
    """Show documents by status (per annotator), spans by layer, label and source, and
    document labels (story categories) accepted and rejected."""
    app = click.get_current_context().ensure_object(Context)
    with user_errors("Interrupted; nothing was changed."), app.open_existing() as store:
        result = stats(store)
        work = work_stats(store)
        provenance = gold_provenance(store)
        shared = documents_to_adjudicate(store)
        gold_done = sum(1 for d in shared if store.status(d, GOLD_LAYER) == "done")
        gold_started = sum(1 for d in shared if store.has_status(d, GOLD_LAYER))
        document_labels = store.document_label_counts()
    click.echo(f"Project: {app.db_path}")
    click.echo(f"Documents: {result.documents}")
    click.echo("\nStatus by annotator:")
    if not result.status:
        click.echo(f"  nobody has opened a document yet: all {result.documents} are new")
    else:
        click.echo(
            f"  {'annotator':<24}" + "".join(f"{s:>12}" for s in STATUSES) + f"{'progress':>10}"
        )
        for annotator, counts in sorted(result.status.items()):
            row = "".join(f"{counts.get(s, 0):>12}" for s in STATUSES)
            share = counts.get("done", 0) / result.documents if result.documents else 0.0
            click.echo(f"  {annotator:<24}{row}{share:>10.0%}")
    if result.spans:
        click.echo("\nSpans by layer, label and source:")
        click.echo(f"  {'layer':<40}{'label':<14}{'source':<8}{'count':>8}")
        for (layer, label, source), n in result.spans.items():
            click.echo(f"  {layer:<40}{label:<14}{source:<8}{n:>8}")
    if result.relations:
        click.echo("\nRelations by layer and label:")
        for (layer, label), n in sorted(result.relations.items()):
            click.echo(f"  {layer:<40}{label:<14}{n:>16}")
    if shared:
        click.echo(
            f"\nAdjudication: {len(shared)} documents finished by two or more annotators; "
            f"{gold_done} adjudicated, {gold_started - gold_done} in progress, "
            f"{len(shared) - gold_started} not started"
        )
    if provenance:
        click.echo(
            "\nGold spans by label and how they got there (unanimous = all annotators agreed):"
        )
        click.echo(
            f"  {'label':<16}{'gold':>8}{'unanimous':>11}{'picked':>8}{'edited':>8}{'share':>8}"
        )
        for label, counts in sorted(provenance.items()):
            total = sum(counts.values())
            agreed = counts.get("agreed", 0)
            click.echo(
                f"  {label:<16}{total:>8}{agreed:>11}{counts.get('picked', 0):>8}"
                f"{counts.get('edited', 0):>8}{agreed / total:>8.0%}"
            )
    if document_labels:
        click.echo("\nDocument labels by layer (documents accepted / rejected):")
        click.echo(f"  {'layer':<40}{'label':<24}{'accept':>8}{'reject':>8}")
        table: dict[tuple[str, str], dict[str, int]] = {}
        for layer, label, answer, n in document_labels:
            table.setdefault((layer, label), {})[answer] = n
        for (layer, label), answers in table.items():
            click.echo(
                f"  {layer:<40}{label:<24}{answers.get('accept', 0):>8}"
                f"{answers.get('reject', 0):>8}"
            )
    if work:
        click.echo(
            "\nWork by annotator (from the edit log; active time leaves out pauses > 5 min):"
        )
        click.echo(f"  {'annotator':<24}{'edits':>8}{'docs':>7}{'done':>7}{'active':>10}"
                   f"{'per doc':>10}{'edits/h':>9}")  # fmt: skip
        for annotator, w in sorted(work.items()):
            click.echo(
                f"  {annotator:<24}{w.edits:>8}{w.documents:>7}{w.done:>7}"
                f"{_duration(w.active_seconds):>10}{_duration(w.seconds_per_document):>10}"
                f"{(f'{w.edits_per_hour:.0f}' if w.active_seconds >= 60 else '-'):>9}"
            )


def _duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02}m" if hours else f"{minutes}m{secs:02}s"
