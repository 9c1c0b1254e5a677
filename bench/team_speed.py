"""Team work at growing corpus sizes: agreement, pack, merge (twice) and adjudication.

    python bench/team_speed.py PATH_TO_BBC_CORPUS [--sizes 200,400,800]

Three annotators label the first N BBC articles (entity spans on capitalised words, each
annotator dropping or relabelling a different random share), all marked done. Baseline, in the
same run: reading every annotator's spans of every document and cutting the text into tokens,
the work any agreement computation has to do. Each size runs on a fresh project; the costs
should grow linearly with N (the per-document columns stay flat).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from machine import machine

from annotator.formats.tokenization import token_bounds
from annotator.model import SpanData
from annotator.ops.adjudication import adjudicate
from annotator.ops.agreement import agreement
from annotator.ops.packs import merge, pack
from annotator.store import Store

TEAM = ("ann", "ben", "cat")
LABELS = ("PERSON", "ORG", "GPE")
CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*")


def texts(corpus: Path, n: int) -> list[str]:
    files = sorted(corpus.glob("*/*.txt"))
    out = []
    for path in files:
        try:
            out.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue
        if len(out) == n:
            break
    return out


def build(path: Path, corpus_texts: list[str]) -> None:
    rng = random.Random(1)
    with Store(path) as store, store.transaction():
        for i, text in enumerate(corpus_texts):
            doc, _ = store.add_document(f"d{i}.txt", text)
            base = [(m.start(), m.end(), rng.choice(LABELS)) for m in CAPITALISED.finditer(text)]
            for name in TEAM:
                spans = []
                for start, end, label in base:
                    roll = rng.random()
                    if roll < 0.1:
                        continue
                    spans.append(SpanData(start, end, rng.choice(LABELS) if roll < 0.2 else label,
                                          "human"))  # fmt: skip
                store.replace_annotations(doc, name, spans)
                store.set_status(doc, name, "done")


def timed(fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def baseline(store: Store) -> None:
    for doc_id, _name, text in store.iter_texts():
        token_bounds(text)
        for name in TEAM:
            store.spans(doc_id, name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--sizes", default="200,400,800")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    token_bounds("Warm up: spaCy's tokenizer loads once, outside the timings.")
    print(f"Machine: {machine()}\n")
    print("| docs | read+tokenize s | agreement s | ratio | pack s | merge s | merge again s "
          "| adjudicate s | agreement ms/doc |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        corpus_texts = texts(args.corpus, n)
        with tempfile.TemporaryDirectory() as tmp:
            project = Path(tmp) / "p.db"
            build(project, corpus_texts)
            with Store(project) as store:
                token_bounds.cache_clear()  # each side tokenizes from scratch
                base_s, _ = timed(lambda: baseline(store))
                token_bounds.cache_clear()
                agree_s, report = timed(lambda: agreement(store))
                out = Path(tmp) / "ann.db"
                pack_s, _ = timed(lambda o=out: pack(store, annotator="ann", query="all", out=o))
                with Store(out) as packed:  # ann relabels one span per document at home
                    for doc_id in packed.document_ids():
                        spans = packed.spans(doc_id, "ann")
                        if spans and spans[0].id is not None:
                            packed.update_span(spans[0].id, label="NORP")
                merge_s, _ = timed(lambda o=out: merge(store, [o]))
                again_s, again = timed(lambda o=out: merge(store, [o]))
                assert again.layers_taken == 0
                adj_s, _ = timed(lambda: adjudicate(store, "judge", prefer=["ann"]))
                documents = store.count_documents()  # the corpus repeats a few articles
        print(f"| {documents:,} | {base_s:.2f} | {agree_s:.2f} | {agree_s / base_s:.1f}x "
              f"| {pack_s:.2f} | {merge_s:.2f} | {again_s:.2f} | {adj_s:.2f} "
              f"| {1000 * agree_s / documents:.1f} |")  # fmt: skip
        sys.stdout.flush()
        assert report.documents == documents


if __name__ == "__main__":
    main()
