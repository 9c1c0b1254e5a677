"""Time ``annotate`` against bare ``nlp.pipe`` of the same model, in the same run.

    python bench/annotate_speed.py BBC_CORPUS_DIR [--docs 500] [--memory 2000,10000]

Rows, for 1 and 2 processes:
- bare nlp.pipe, full default pipeline (every component the model ships);
- bare nlp.pipe, the same model components annotate keeps (unused ones switched off);
- annotate: the same components plus boilerplate and quote detection, the corpus pass for repeated
  lines, conversion to spans and the database writes, committed in batches.
The ratio is annotate's documents/s over each bare run (target >= 0.90); the CPU ratio divides
documents per CPU second (the process and its workers), which other jobs on a shared machine do
not distort. With --memory, annotate
runs in a fresh process over corpora of those sizes and reports its peak resident memory.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import machine


def corpus_texts(folder: Path, n: int) -> list[tuple[str, str]]:
    files = sorted(p for p in folder.rglob("*.txt") if p.stem.lower() != "readme")
    out = []
    for path in files:
        try:
            out.append((path.relative_to(folder).as_posix(), path.read_text(encoding="utf-8")))
        except UnicodeDecodeError:
            continue
        if len(out) == n:
            break
    return out


def fill_db(db: Path, texts: list[tuple[str, str]], copies: int = 1) -> None:
    from annotator.store import Store

    with Store(db) as store, store.transaction():
        for c in range(copies):
            for name, text in texts:
                store.add_document(f"{c}/{name}", text if c == 0 else f"{text}\n\n(copy {c})")


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the ``n_process`` workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def bare(
    model: str, texts: list[str], processes: int, *, exclude: tuple[str, ...]
) -> tuple[float, float]:
    """Documents per second of wall time and of CPU time (workers included)."""
    import spacy

    nlp = spacy.load(model, exclude=list(exclude))
    list(nlp.pipe(texts[:20]))  # warm up
    start, cpu = time.perf_counter(), cpu_seconds()
    for _ in nlp.pipe(texts, batch_size=32, n_process=processes):
        pass
    return len(texts) / (time.perf_counter() - start), len(texts) / (cpu_seconds() - cpu)


def run_annotate(db: Path, processes: int) -> tuple[float, float]:
    """Documents per second of wall time and of CPU time (workers included)."""
    from annotator.ops.annotate import annotate
    from annotator.store import Store

    with Store(db) as store:
        start, cpu = time.perf_counter(), cpu_seconds()
        report = annotate(store, processes=processes, batch_size=32, force=True)
        wall = time.perf_counter() - start
        return report.annotated / wall, report.annotated / (cpu_seconds() - cpu)


CHILD = """
import sys, resource
from annotator.ops.annotate import annotate
from annotator.store import Store
with Store(sys.argv[1]) as store:
    annotate(store)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--memory", default="", help="corpus sizes for the memory check")
    parser.add_argument("--memory-only", action="store_true", help="skip the speed rows")
    args = parser.parse_args()

    from annotator.nlp.pipeline import UNUSED_COMPONENTS, default_model_name

    model = default_model_name()
    texts = corpus_texts(args.corpus, args.docs)
    print(f"machine: {machine()}\nmodel: {model}; {len(texts)} BBC articles")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        fill_db(db, texts)
        plain = [t for _, t in texts]
        for processes in () if args.memory_only else (1, 2):
            full, _ = bare(model, plain, processes, exclude=())
            same, same_cpu = bare(model, plain, processes, exclude=tuple(UNUSED_COMPONENTS))
            ours, ours_cpu = run_annotate(db, processes)
            rows.append((processes, full, same, ours, same_cpu, ours_cpu))
        if rows:
            print(
                "\n| processes | bare full docs/s | bare same docs/s | annotate docs/s "
                "| ratio vs same | ratio vs full | CPU ratio vs same |"
                "\n|---:|---:|---:|---:|---:|---:|---:|"
            )
        for p, full, same, ours, same_cpu, ours_cpu in rows:
            print(
                f"| {p} | {full:.0f} | {same:.0f} | {ours:.0f} | {ours / same:.2f} "
                f"| {ours / full:.2f} | {ours_cpu / same_cpu:.2f} |"
            )
        if args.memory:
            print("\n| documents | annotate peak MB |\n|---:|---:|")
            for size in (int(s) for s in args.memory.split(",")):
                mdb = Path(tmp) / f"mem-{size}.db"
                copies = -(-size // len(texts))
                fill_db(mdb, texts, copies)
                out = subprocess.run(
                    [sys.executable, "-c", CHILD, str(mdb)], capture_output=True, text=True,
                    check=True,
                )  # fmt: skip
                print(
                    f"| {size:,} ({copies * len(texts):,} stored) | {int(out.stdout) / 1024:.0f} |"
                )


if __name__ == "__main__":
    main()
