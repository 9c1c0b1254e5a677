"""Memory and time against hostile or huge inputs, each case in a fresh process (its own peak).

    python bench/hostile_inputs.py [--bomb-kb 256] [--doc-mb 5] [CORPUS_DIR]

Rows, each with its baseline measured in the same run:
* a ``.spacy`` decompression bomb: ``import`` (refused after inflating 100 MB a megabyte at a
  time) against spaCy's own ``DocBin().from_bytes`` of the same file (what import did before);
* a Prodigy JSONL export of one huge document: the streamed writer against building the whole
  task (a dict per token) and ``json.dumps`` of it (what it did before), and against making the
  spaCy ``Doc`` alone (the floor);
* opening a project: after a clean close (no check) against after an unclean one
  (``PRAGMA quick_check``), on the corpus given (default: a synthetic 2,000 x 5 kB).
"""

from __future__ import annotations

import argparse
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

#: Peak resident memory of this process image (ru_maxrss would carry the parent's over exec).
PEAK = (
    "print(next(int(line.split()[1]) // 1024 for line in open('/proc/self/status') "
    "if line.startswith('VmHWM')))"
)


def _run(code: str, *args: str, setup: str = "") -> tuple[float, int, str]:
    """Seconds, peak MB and the last output line of ``code`` run in a fresh interpreter (after
    ``setup``, which is not timed)."""
    wrapped = (
        f"{setup}\nimport time\nt0 = time.perf_counter()\n{code}\n"
        f"print(time.perf_counter() - t0)\n{PEAK}"
    )
    out = subprocess.run(
        [sys.executable, "-c", wrapped, *args], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    return float(out[-2]), int(out[-1]), out[-3] if len(out) > 2 else ""


def bomb(folder: Path, kb: int) -> list[tuple[str, float, int, str]]:
    import srsly

    head = srsly.msgpack_dumps({"attrs": [], "tokens": b"", "spaces": b"", "lengths": b"",
                                "version": "0.1"})  # fmt: skip
    chunk = b"x" * 2**24  # deflates about 1,000 to 1
    inflated = len(chunk) * max(1, kb * 1024 // len(zlib.compress(chunk, 9)))
    # A msgpack map with one more key, "strings": [one str32 of ``inflated`` bytes].
    prefix = bytes([head[0] + 1]) + head[1:] + srsly.msgpack_dumps("strings") + b"\x91\xdb"
    prefix += struct.pack(">I", inflated)
    deflater = zlib.compressobj(9)
    body = [deflater.compress(prefix)]
    for _ in range(inflated // len(chunk)):
        body.append(deflater.compress(chunk))
    body.append(deflater.flush())
    data = b"".join(body)
    path = folder / "bomb.spacy"
    path.write_bytes(data)
    ours = _run(
        "import sys\nfrom pathlib import Path\nfrom annotator.formats import FORMATS, ReadOptions\n"
        "print(list(FORMATS['spacy'].reader(Path(sys.argv[1]), ReadOptions()))[0])",
        str(path),
    )
    theirs = _run(
        "import sys\nfrom spacy.tokens import DocBin\n"
        "try:\n    DocBin().from_bytes(open(sys.argv[1], 'rb').read())\n"
        "except Exception as exc:\n    print(type(exc).__name__)",
        str(path),
    )
    label = f"{len(data) // 1024} kB bomb -> {inflated // 2**20} MB"
    return [(f"{label}: import (bounded)", *ours[:2], "refused"),
            (f"{label}: DocBin.from_bytes (before)", *theirs[:2], theirs[2][:30])]  # fmt: skip


EXPORT = """
import json, random, sys
from pathlib import Path
from annotator.formats import FORMATS, WriteOptions
from annotator.formats.prodigy import to_task
from annotator.formats.base import WriteReport
from annotator.formats.tokenization import doc_for
from annotator.model import DocumentRecord
rng = random.Random(6)
words = ["The", "minister", "said", "London", "markets", "rose", "by", "5%", "on", "Monday."]
text = " ".join(rng.choice(words) for _ in range(int(float(sys.argv[1]) * 2**20 / 6.5)))
record = DocumentRecord(name="huge", text=text)
out = Path(sys.argv[2])
mode = sys.argv[3]
if mode == "streamed":
    FORMATS["prodigy"].writer([record], out, WriteOptions())
elif mode == "whole":
    task = to_task(record, WriteOptions(), WriteReport())
    task["tokens"] = [t for chunk in task["tokens"].chunks() for t in chunk]
    out.write_text(json.dumps(task, ensure_ascii=False) + "\\n", encoding="utf-8")
else:
    doc_for(record, "en")
print(len(text))
"""


def export(folder: Path, mb: float) -> list[tuple[str, float, int, str]]:
    rows = []
    for mode, name in (("doc", "spaCy Doc alone (floor)"), ("whole", "whole task (before)"),
                       ("streamed", "streamed task")):  # fmt: skip
        seconds, peak, chars = _run(EXPORT, str(mb), str(folder / f"{mode}.jsonl"), mode)
        rows.append((f"{mb:g} MB document: {name}", seconds, peak, f"{int(chars):,} chars"))
    same = (folder / "whole.jsonl").read_bytes() == (folder / "streamed.jsonl").read_bytes()
    rows.append(("streamed line == whole line", 0.0, 0, str(same)))
    return rows


OPEN_SETUP = """
import os, sys
from annotator.store import Store
from annotator.store.integrity import STATE_ENV
"""
OPEN = """
os.environ[STATE_ENV] = sys.argv[2]  # an empty folder: no clean close recorded, as after a crash
with Store(sys.argv[1]) as store:
    print(store.integrity_checked)
"""


def opening(folder: Path, corpus: Path | None) -> list[tuple[str, float, int, str]]:
    from annotator.ops.importing import import_paths
    from annotator.store import Store

    if corpus is None:
        corpus = folder / "synthetic"
        corpus.mkdir()
        for n in range(2000):
            (corpus / f"{n:05}.txt").write_text(f"Title {n}\n\n" + f"word{n} text " * 400)
    db = folder / "open.db"
    with Store(db) as store:
        import_paths(store, [corpus])
    size = db.stat().st_size / 2**20
    state, empty = folder / "state", folder / "empty-state"
    _run(OPEN, str(db), str(state), setup=OPEN_SETUP)  # records the clean close
    clean = _run(OPEN, str(db), str(state), setup=OPEN_SETUP)
    unclean = _run(OPEN, str(db), str(empty), setup=OPEN_SETUP)
    name = f"open a {size:.0f} MB project"
    return [(f"{name} after a clean close", *clean[:2], f"checked={clean[2]}"),
            (f"{name} after a crash", *unclean[:2], f"checked={unclean[2]}")]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--bomb-kb", type=int, default=256)
    parser.add_argument("--doc-mb", type=float, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = (
            bomb(folder, args.bomb_kb) + export(folder, args.doc_mb) + opening(folder, args.corpus)
        )
    print("| case | s | peak MB | note |\n|---|---:|---:|---|")
    for name, seconds, peak, note in rows:
        print(f"| {name} | {seconds:.2f} | {peak:,} | {note} |")


if __name__ == "__main__":
    main()
