"""Time the annotation of one long document against bare ``nlp`` of the same text.

    python bench/long_document.py BBC_CORPUS_DIR [--chars 10000,100000,300000,900000]
        [--profile 300000]

BBC politics articles (path order) are joined, a blank line between them, into one document of
each length: a live blog, a transcript or a scraped page of many stories. "bare" is ``nlp(text)``
of the model with the components annotate keeps; "annotate" is ``nlp(text)`` of the pipeline
with the boilerplate and quote components plus the conversion of the doc to spans. Both are
loaded once and warmed up; each length runs bare then annotate, several times for the short
ones, and the fastest of each counts. Times are the process's CPU time, not the wall clock: the
machines are shared, and CPU time does not count the moments another process had the core.
The ratio is bare time over annotate time (target >= 0.90 at every length: the components
must add only a few percent, so their cost must be linear in the length). ``--profile N``
prints the top of a cProfile of the annotate run at N characters instead.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path

from machine import machine


def joined_text(corpus: Path, chars: int) -> str:
    parts: list[str] = []
    size = 0
    for path in sorted((corpus / "politics").glob("*.txt")):
        try:
            text = path.read_text(encoding="utf-8").strip()
        except UnicodeDecodeError:
            continue
        parts.append(text)
        size += len(text) + 2
        if size >= chars:
            break
    return "\n\n".join(parts)[:chars].rsplit(" ", 1)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--chars", default="10000,100000,300000,900000")
    parser.add_argument("--profile", type=int, default=0)
    args = parser.parse_args()

    import spacy

    from annotator.nlp.pipeline import (
        UNUSED_COMPONENTS,
        default_model_name,
        doc_to_annotations,
        load_pipeline,
    )

    model = default_model_name()
    bare = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    ours = load_pipeline(model)
    for nlp in (bare, ours):
        nlp.max_length = 2_000_000
        nlp(joined_text(args.corpus, 5000))  # warm up
    if args.profile:
        text = joined_text(args.corpus, args.profile)
        profiler = cProfile.Profile()
        profiler.enable()
        doc_to_annotations(ours(text))
        profiler.disable()
        stats = pstats.Stats(profiler).sort_stats("cumulative")
        stats.print_stats(35)
        stats.print_callers("doc.pyx:(724|741)|token.pyx.*sent|span.pyx.*sent")
        return
    print(f"machine: {machine()}\nmodel: {model}; BBC politics articles joined into one document")
    print("\n| characters | tokens | quotations | runs | bare nlp s | annotate s | ratio |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for chars in (int(c) for c in args.chars.split(",")):
        text = joined_text(args.corpus, chars)
        runs = max(1, min(5, 300_000 // chars))
        bare_s, ours_s = [], []
        for _ in range(runs):  # interleaved, so a busy spell slows both alike
            start = time.process_time()
            doc = bare(text)
            bare_s.append(time.process_time() - start)
            tokens = len(doc)
            del doc
            start = time.process_time()
            spans, _ = doc_to_annotations(ours(text))
            ours_s.append(time.process_time() - start)
        quotes = sum(1 for s in spans if s.label == "QUOTE")
        print(
            f"| {len(text):,} | {tokens:,} | {quotes:,} | {runs} | {min(bare_s):.2f} "
            f"| {min(ours_s):.2f} | {min(bare_s) / min(ours_s):.2f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
