"""``annotator agreement``: how far annotators agree, as a table and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.cli.common import Context, user_errors

#: The per-document table shows this many documents, least agreement first (JSON has all).
WORST_DOCUMENTS = 10


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _names(text: str | None) -> list[str] | None:
    names = [n.strip() for n in (text or "").split(",") if n.strip()]
    return names or None


@click.command("agreement")
@click.option("--annotators", metavar="A,B,...", help="Whose finished documents to compare "
              "(default: everyone with finished documents).")  # fmt: skip
@click.option("--labels", metavar="L1,L2,...", help="Only these labels (default: all).")
@click.option("--json", "json_path", type=click.Path(path_type=Path), metavar="PATH",
              help="Also write every number as JSON to PATH.")  # fmt: skip
def agreement_command(annotators: str | None, labels: str | None, json_path: Path | None) -> None:
    """Agreement between annotators on documents several of them finished.

    Span F1 (exact and overlapping) and Cohen's κ per pair, Fleiss' κ (documents everyone
    finished) and Krippendorff's α over tokens, quote speaker agreement; overall, per label and
    per document; per document category (story labels) Cohen's κ, Fleiss' κ and α over documents.
    """
    from annotator.ops.agreement import agreement

    app = click.get_current_context().ensure_object(Context)
    with user_errors(), app.open_existing() as store:
        report = agreement(store, annotators=_names(annotators), labels=_names(labels))
    if json_path is not None:
        try:
            json_path.write_text(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
        except OSError as exc:
            raise click.ClickException(f"{json_path}: cannot write: {exc.strerror}") from None
    echo = click.echo
    echo(f"Agreement of {', '.join(report.annotators)} on {report.documents} documents "
         "finished by two or more of them")  # fmt: skip
    if not report.documents:
        return
    echo(f"\n  {'pair':<28}{'docs':>6}{'tokens':>9}{'exact F1':>10}{'overlap F1':>12}"
         f"{'Cohen κ':>9}{'speakers':>10}")  # fmt: skip
    for p in report.pairs:
        speakers = f"{p.speakers_agreed}/{p.quotes_matched}" if p.quotes_matched else "-"
        echo(f"  {p.a + ' – ' + p.b:<28}{p.documents:>6}{p.tokens:>9,}{_f(p.exact_f1):>10}"
             f"{_f(p.overlap_f1):>12}{_f(p.cohen_kappa):>9}{speakers:>10}")  # fmt: skip
    everyone = f"{report.fleiss_documents} documents finished by all"
    echo(f"\n  Overall: exact F1 {_f(report.exact_f1)}, overlap F1 {_f(report.overlap_f1)}, "
         f"Krippendorff's α {_f(report.krippendorff_alpha)}, "
         f"Fleiss' κ {_f(report.fleiss_kappa)} ({everyone})")  # fmt: skip
    if report.labels:
        echo(f"\n  {'label':<16}{'spans':>7}{'exact F1':>10}{'overlap F1':>12}{'Cohen κ':>9}"
             f"{'Fleiss κ':>10}{'α':>8}")  # fmt: skip
        for s in report.labels:
            echo(f"  {s.label:<16}{s.spans:>7}{_f(s.exact_f1):>10}{_f(s.overlap_f1):>12}"
                 f"{_f(s.cohen_kappa):>9}{_f(s.fleiss_kappa):>10}"
                 f"{_f(s.krippendorff_alpha):>8}")  # fmt: skip
    if report.categories:
        echo(f"\n  {'document category':<28}{'docs':>6}{'chosen':>8}{'Cohen κ':>9}"
             f"{'Fleiss κ':>10}{'α':>8}")  # fmt: skip
        for c in report.categories:
            name = f"{c.set}: {c.category or '(the set, nominal)'}"
            name = name if len(name) <= 26 else name[:25] + "…"
            chosen = "-" if not c.category else str(c.accepted)
            echo(f"  {name:<28}{c.documents:>6}{chosen:>8}{_f(c.cohen_kappa):>9}"
                 f"{_f(c.fleiss_kappa):>10}{_f(c.krippendorff_alpha):>8}")  # fmt: skip
    worst = sorted(
        report.documents_scores,
        key=lambda d: (d.exact_f1 if d.exact_f1 is not None else 2.0, d.name),
    )[:WORST_DOCUMENTS]
    echo(f"\n  Documents, least agreement first ({len(worst)} of {report.documents}):")
    echo(f"  {'document':<40}{'annotators':>11}{'exact F1':>10}{'overlap F1':>12}{'α':>8}")
    for d in worst:
        name = d.name if len(d.name) <= 38 else d.name[:37] + "…"
        echo(f"  {name:<40}{len(d.annotators):>11}{_f(d.exact_f1):>10}{_f(d.overlap_f1):>12}"
             f"{_f(d.krippendorff_alpha):>8}")  # fmt: skip
