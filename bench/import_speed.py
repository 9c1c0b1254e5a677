"""Time importing a real corpus and synthetic corpora; print documents/s and peak memory.

    python bench/import_speed.py [BBC_CORPUS_DIR] [--sizes 2000,10000]

Each import runs in a fresh process so its peak resident memory is its own. The baseline, measured
in the same run, is reading and decoding the same files without a database: the import's cost
over it is the store's (hashing, inserts, full-text index, commits).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from machine import machine

WORDS = (
    "the minister said government would council election vote people police city report "
    "year week market shares company growth plans told BBC News talks deal Ukraine Europe"
).split()


def synthetic_corpus(folder: Path, n: int, size: int = 5000, seed: int = 1) -> None:
    """``n`` articles of about ``size`` characters, written one at a time."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        words: list[str] = [f"Headline {i}\n\n"]
        length = 0
        while length < size:
            sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 25))) + ". "
            words.append(sentence)
            length += len(sentence)
        (folder / f"{i:06}.txt").write_text("".join(words), encoding="utf-8")


CHILD_IMPORT = """
import sys, time, resource
from annotator.ops.importing import import_paths
from annotator.store import Store
t = time.perf_counter()
with Store(sys.argv[1]) as store:
    report = import_paths(store, [sys.argv[2]])
print(time.perf_counter() - t, report.imported + report.duplicates,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

CHILD_BASELINE = """
import sys, time, resource
from pathlib import Path
from annotator.formats.decoding import decode_bytes
t = time.perf_counter()
n = 0
for p in sorted(Path(sys.argv[2]).rglob("*.txt")):
    decode_bytes(p.read_bytes(), path=str(p)); n += 1
print(time.perf_counter() - t, n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run_child(code: str, db: Path, folder: Path) -> tuple[float, int, int]:
    out = subprocess.run(
        [sys.executable, "-c", code, str(db), str(folder)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return float(out[0]), int(out[1]), int(out[2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, help="the BBC News 2005 folder")
    parser.add_argument("--sizes", default="2000,10000", help="synthetic corpus sizes")
    args = parser.parse_args()
    print(f"machine: {machine()}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        cases: list[tuple[str, Path]] = []
        if args.corpus:
            cases.append(("BBC News 2005", args.corpus))
        for n in (int(s) for s in args.sizes.split(",")):
            folder = Path(tmp) / f"synthetic-{n}"
            synthetic_corpus(folder, n)
            cases.append((f"synthetic {n:,} x 5 kB", folder))
        for name, folder in cases:
            base_s, _, base_rss = run_child(CHILD_BASELINE, Path(tmp) / "unused.db", folder)
            db = Path(tmp) / f"{folder.name}.db"
            secs, docs, rss = run_child(CHILD_IMPORT, db, folder)
            rows.append(
                (name, docs, secs, docs / secs, rss / 1024, base_s, secs / base_s, base_rss / 1024)
            )
    print(
        "\n| corpus | docs | import s | docs/s | peak MB | read+decode s | ratio | read peak MB |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|"
    )
    for name, docs, secs, rate, rss, base_s, ratio, base_rss in rows:
        print(f"| {name} | {docs:,} | {secs:.2f} | {rate:,.0f} | {rss:.0f} | {base_s:.2f} | "
              f"{ratio:.1f}x | {base_rss:.0f} |")  # fmt: skip


if __name__ == "__main__":
    main()
