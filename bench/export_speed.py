"""Export speed and memory of every format writer, on a real corpus and on synthetic documents.

    python bench/export_speed.py PATH_TO_BBC_CORPUS [--synthetic 10000] [--formats prodigy,spacy]

``spacy/N`` is the spacy writer with ``docs_per_file=N`` (a folder of shards).

Documents come from the corpus's text files (with entity spans on capitalised words) and from
a stream of synthetic ~5 kB news documents (entities, a quote with speaker and cue, a
boilerplate line), generated one at a time so the generator itself holds nothing. Each
(format, data set) runs in a fresh process: the peak memory reported is the growth of the
process's maximum resident set size while writing, so it counts spaCy's C allocations too.
The synthetic set runs at 2,000 documents and at ``--synthetic`` documents: a streaming writer
shows the same peak for both.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from machine import machine

from annotator.formats import EXPORT_FORMATS

#: Every export format, and spacy written as a folder of shards of 1,000 documents.
BENCH_FORMATS = (*EXPORT_FORMATS, "spacy/1000")

OUT_NAME = {"brat": "out", "spacy": "out.spacy", "conll": "out.conll", "quotes-csv": "out.csv"}

WORDS = (
    "the government said on a plan to cut spending and raise taxes while ministers met "
    "officials in talks over the budget deal that could affect millions of families across "
    "the country as prices rose again this year and markets fell sharply after the report"
).split()
NAMES = ("Keir Starmer", "Ed Davey", "Sadiq Khan", "Rachel Reeves", "Andy Burnham")
PLACES = ("London", "Gaza", "Ukraine", "Manchester", "Brussels", "Washington")
ORGS = ("Labour", "the Treasury", "the BBC", "Nato", "the European Union")


def synthetic(n: int, seed: int = 0) -> Iterator[object]:
    """``n`` synthetic ~5 kB documents, made one at a time."""
    rng = random.Random(seed)
    for i in range(n):
        yield _synthetic_document(i, rng)


def _synthetic_document(i: int, rng: random.Random) -> object:
    from annotator.model import DocumentRecord, RelationData, SpanData

    parts: list[str] = []
    spans: list[SpanData] = []
    pos = 0

    def add(piece: str, label: str | None = None) -> None:
        nonlocal pos
        if label:
            spans.append(SpanData(pos, pos + len(piece), label))
        parts.append(piece)
        pos += len(piece)

    def words(k: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(k))

    add(f"Synthetic report {i}\n\n")
    boilerplate_at = rng.randrange(3, 8)
    for paragraph in range(12):
        if paragraph == boilerplate_at:
            add("Please use Chrome browser for a more accessible video player", "BOILERPLATE")
            add("\n\n")
            continue
        for _ in range(3):
            add(f"{rng.choice(WORDS).capitalize()} {words(8)} ")
            add(rng.choice(NAMES), "PERSON")
            add(f" {words(6)} in ")
            add(rng.choice(PLACES), "GPE")
            add(" with ")
            add(rng.choice(ORGS), "ORG")
            add(f" {words(5)}. ")
        add("\n\n")
    speaker = len(spans)
    add(rng.choice(NAMES), "SPEAKER")
    add(" ")
    add("said", "CUE")
    add(": ")
    add(f"“{words(20)}.”", "QUOTE")
    return DocumentRecord(
        name=f"synthetic/{i:06d}.txt", text="".join(parts), title=f"Synthetic report {i}",
        spans=spans, layer="gold", status="done", id=i,
        relations=[RelationData(speaker + 2, speaker, "SPEAKER"),
                   RelationData(speaker + 2, speaker + 1, "CUE")],
    )  # fmt: skip


def corpus(root: Path) -> Iterator[object]:
    """The corpus's text files as records, with entity spans on capitalised words."""
    from annotator.formats import ReadOptions
    from annotator.formats.text import read_text
    from annotator.model import DocumentRecord, SpanData

    for path in sorted(root.rglob("*.txt")):
        if path.name.upper() == "README.TXT":
            continue
        for record in read_text(path, ReadOptions(root=root)):
            if not isinstance(record, DocumentRecord):
                continue
            record.spans = [
                SpanData(m.start(), m.end(), "PERSON" if len(m[0]) % 2 else "ORG")
                for m in re.finditer(r"(?<!\S)[A-Z][a-z]+(?=\s)", record.text)
            ]
            record.layer = "gold"
            yield record


def child(fmt: str, data: str, n: int, root: str) -> None:
    """One measurement in this (fresh) process; prints a JSON line."""
    from annotator.formats import FORMATS, WriteOptions
    from annotator.formats.tokenization import tokenizer_for

    tokenizer_for("en")  # load spaCy before the baseline
    name, _, per_file = fmt.partition("/")
    options = WriteOptions(docs_per_file=int(per_file or 0))
    writer = FORMATS[name].writer
    assert writer is not None
    records = synthetic(n) if data == "synthetic" else corpus(Path(root))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / ("out" if per_file else OUT_NAME.get(name, "out.jsonl"))
        warm = Path(tmp) / ("warm" + out.suffix)
        writer(synthetic(20, seed=1), warm, options)
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        report = writer(records, out, options)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"format": fmt, "data": data, "documents": report.documents,
                      "seconds": seconds, "peak_mb": (peak - base) / 1024}))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="folder of text files (the BBC corpus)")
    parser.add_argument("--synthetic", type=int, default=10_000, help="synthetic documents")
    parser.add_argument(
        "--formats", default=",".join(BENCH_FORMATS), help="comma-separated formats"
    )
    parser.add_argument("--child", nargs=3, metavar=("FORMAT", "DATA", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]), str(args.corpus))
        return
    runs = [("corpus", 0), ("synthetic", 2_000), ("synthetic", args.synthetic)]
    rows = []
    print(f"machine: {machine()}", flush=True)
    print(f"{'format':<13} {'data':<16} {'docs':>7} {'seconds':>8} {'docs/s':>8} {'peak MB':>8}")
    for fmt in args.formats.split(","):
        for data, n in runs:
            result = subprocess.run(
                [sys.executable, __file__, str(args.corpus), "--child", fmt, data, str(n)],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            row = json.loads(result.stdout.strip().splitlines()[-1])
            rows.append(row)
            label = f"{data} {n:,}" if data == "synthetic" else "corpus"
            print(
                f"{fmt:<13} {label:<16} {row['documents']:>7,} {row['seconds']:>8.1f} "
                f"{row['documents'] / row['seconds']:>8.0f} {row['peak_mb']:>8.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
