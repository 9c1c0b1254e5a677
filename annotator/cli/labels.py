"""``annotator labels``: the project's label scheme as a file (list, import, export)."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.common import Context, user_errors
from annotator.ops.scheme import describe, import_scheme, project_labels, write_scheme


@click.group("labels")
def labels_command() -> None:
    """List the project's label scheme, or move it to and from a JSON/YAML file."""


@labels_command.command("list")
def list_command() -> None:
    """Show every label: kind, name, key and what the kind needs (group, heads, values)."""
    app = click.get_current_context().ensure_object(Context)
    with user_errors(), app.open() as store:
        labels = project_labels(store)
    click.echo(f"{'kind':<12}{'name':<24}{'key':<5}details")
    for label in labels:
        details = []
        if label.group:
            details.append(f"group {label.group}" + (" (multi-label)" if label.multi else ""))
        if label.heads or label.children:
            heads = ", ".join(label.heads) or "any"
            children = ", ".join(label.children) or "any"
            details.append(f"{heads} -> {children}")
        if label.values:
            details.append("values " + ", ".join(label.values))
        click.echo(f"{label.kind:<12}{label.name:<24}{label.key:<5}{'; '.join(details)}")


@labels_command.command("import")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--replace", is_flag=True, help="Replace the whole scheme instead of adding to it.")
def import_command(path: Path, replace: bool) -> None:
    """Add the labels of a scheme file (JSON, or YAML by .yaml/.yml) the project lacks.

    The file holds {"labels": [{"name", "kind", "color", "key", "description", "group",
    "heads", "children", "values", "multi"}]}; kind is entity, span, relation, attribute,
    category, quote, speaker, cue or boilerplate.
    """
    app = click.get_current_context().ensure_object(Context)
    with user_errors(), app.open() as store:
        added = import_scheme(store, path, replace=replace)
    if not added:
        click.echo("The scheme already holds every label of the file.")
    else:
        verb = "Scheme replaced" if replace else "Added"
        click.echo(f"{verb}: {describe(added)}")


@labels_command.command("export")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def export_command(path: Path) -> None:
    """Write the project's label scheme to a JSON file (YAML for .yaml/.yml)."""
    app = click.get_current_context().ensure_object(Context)
    with user_errors(), app.open() as store:
        labels = project_labels(store)
        write_scheme(labels, path)
    click.echo(f"Wrote {len(labels)} labels to {path}")
