"""Team commands: ``pack`` work for one annotator, ``merge`` it back."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.common import Context, check_annotator, progress_bar, user_errors


@click.command("pack")
@click.option("--annotator", "name", required=True, metavar="NAME",
              help="Who the pack is for (their layer travels with it).")  # fmt: skip
@click.option("--docs", "query", default="all", show_default=True, metavar="QUERY",
              help="Which documents: status:S label:L name:GLOB id:A-B random:N all, other "
              "words search the text; terms are ANDed.")  # fmt: skip
@click.option("--out", required=True, type=click.Path(path_type=Path), help="The new project "
              "file to write (must not exist).")  # fmt: skip
@click.option(
    "--overlap",
    type=float,
    default=0.0,
    show_default=True,
    help="Share of the "
    "matching documents every annotator gets (chosen by content hash and --seed).",
)
@click.option("--team", metavar="A,B,...", help="Deal the non-overlap documents out among these "
              "annotators, each document to one of them.")  # fmt: skip
@click.option("--seed", type=int, default=0, show_default=True,
              help="Seed of random:N, --overlap and --team.")  # fmt: skip
def pack_command(
    name: str, query: str, out: Path, overlap: float, team: str | None, seed: int
) -> None:
    """Pack documents for one annotator into a project file to label offline.

    The file holds the documents, the model suggestions and the annotator's work so far;
    open it with `annotator --db FILE --annotator NAME`, then `annotator merge FILE`.
    """
    from annotator.ops.packs import pack

    app = click.get_current_context().ensure_object(Context)
    name = check_annotator(name)
    members = [m.strip() for m in (team or "").split(",") if m.strip()]
    with user_errors(), app.open_existing() as store, progress_bar("Packing") as bar:
        report = pack(
            store, annotator=name, query=query, out=out, overlap=overlap, seed=seed,
            team=members, progress=bar,
        )  # fmt: skip
    shared = f", {report.overlap} of them shared with everyone" if overlap else ""
    click.echo(f"Packed {report.documents} documents for {name} into {out}{shared}")
    if report.suggestions is None:
        click.echo("warning: no model layer yet; the pack holds no suggestions", err=True)


@click.command("merge")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def merge_command(files: tuple[Path, ...]) -> None:
    """Bring annotators' packed files back: their layers, statuses, notes and edit log.

    Documents are matched by content hash; merging twice changes nothing. A layer changed both
    here and in the pack is a conflict: both versions are kept and listed.
    """
    from annotator.ops.packs import merge

    app = click.get_current_context().ensure_object(Context)
    with user_errors(), app.open() as store, progress_bar("Merging") as bar:
        report = merge(store, list(files), progress=bar)
    for line in report.conflicts:
        click.echo(f"conflict: {line}", err=True)
    who = ", ".join(sorted(report.annotators)) or "nobody"
    click.echo(
        f"Merged {report.files} file(s) ({who}): {report.layers_taken} layer(s) taken, "
        f"{report.unchanged} unchanged, {len(report.conflicts)} conflict(s), "
        f"{report.documents_added} new document(s), {report.log_entries} edit-log entries"
    )


@click.command("adjudicate")
@click.option("--prefer", metavar="A,B,...", help="Settle every open disagreement (spans and "
              "story categories) with the version of the first of these annotators who did "
              "the document.")  # fmt: skip
@click.option("--list", "show", is_flag=True, help="List each open disagreement.")
def adjudicate_command(prefer: str | None, show: bool) -> None:
    """Put what all annotators agree on into gold; report (or settle) the disagreements.

    Runs on every document two or more annotators finished. Settle disagreements one by one
    in the app's adjudication view (Ctrl+J), or all at once with --prefer.
    """
    from annotator.ops.adjudication import adjudicate, category_disagreements, disagreements

    app = click.get_current_context().ensure_object(Context)
    order = [a.strip() for a in (prefer or "").split(",") if a.strip()]
    with user_errors(), app.open() as store:
        summary = adjudicate(store, app.annotator, prefer=order)
        for document_id, (settled, total) in summary.progress.items():
            stories = category_disagreements(store, document_id) if show else []
            if not show or (settled == total and not stories):
                continue
            doc = store.document(document_id)
            click.echo(f"{doc.name}: {total - settled} open of {total}")
            for story in stories:
                what = f"{story.set}: {story.category}" if story.category else story.set
                versions = "; ".join(
                    f"{a}: {', '.join(chosen) or 'nothing'}" for a, chosen in story.versions
                )
                gold = ", ".join(story.gold) or "nothing"
                click.echo(f"  story category {what}: {versions} (gold: {gold})")
            for found in disagreements(store, document_id):
                if found.decision is not None:
                    continue
                versions = "; ".join(
                    f"{v.number} {v.annotator}: "
                    + (", ".join(f"{s.label} “{doc.text[s.start : s.end]}”" for s in v.spans)
                       or "nothing")
                    for v in found.versions
                )  # fmt: skip
                click.echo(f"  {found.start}..{found.end} {found.tier}: {versions}")
    click.echo(
        f"{summary.documents} document(s) done by two or more annotators; {summary.prepared} "
        f"newly prepared, {summary.settled} disagreement(s) settled now, {summary.open} open"
        + (f"; {summary.categories} story category disagreement(s) settled now"
           if summary.categories else "")
    )  # fmt: skip
