"""Draw a blind quote set from the BBC corpus, reproducibly.

    python bench/draw_blind_set.py ../shared/corpora/bbc-news-2005 --copy tests/data/quotes_blind4
    python bench/draw_blind_set.py ../shared/corpora/bbc-news-2005 --seed 20261130 [--copy DIR]

Seeds used so far (``SEEDS``): 20261128 for quotes_blind3, 20261129 for quotes_blind4, 20261130
for quotes_blind5, 20261131 for quotes_blind6, 20261132 for quotes_blind7, 20261133 for
quotes_dev7 and 20261134 for quotes_dev8 (development sets drawn the same way), 20261135 for
quotes_blind8, 20261136 for quotes_blind9, 20261137 for quotes_dev9 and 20261138 for
quotes_dev10 (drawn in that order), 20261139 for quotes_dev11; without ``--seed``
the seed recorded for the ``--copy`` folder's name is used, so every set redraws as made.
A new set takes a new seed, recorded here once it is drawn, ``--skip-near-copies`` and
``--skip-read``: the sets up to quotes_dev11 were drawn without them (so they redraw as made) and
three near copies got in (``NEAR_COPIES`` in tests/nlp/test_sets_disjoint.py); quotes_blind10
(20261140), quotes_blind11 (20261141), quotes_blind12 (20261142), quotes_blind13 (20261143),
quotes_blind14 (20261144), quotes_blind15 (20261145), quotes_blind16 (20261146), quotes_blind17
(20261147), quotes_blind18 (20261148), quotes_blind19 (20261149) and quotes_blind20 (20261150)
were drawn with both. After quotes_blind20 the BBC corpus has 19 articles with quotation marks
left outside every set and unread (business, politics and sport only): with both options a new
set of the default size stops with "corpus exhausted".

Articles are drawn at random with the given seed, round robin over the five topics, among those
with quotation marks, skipping any whose text (whitespace collapsed) hashes like a document of
any other quote set in tests/data (every ``quotes_*`` folder but the one drawn into) or of
seeds/. Drawing goes on, in the same order, until there are at least ``--min-docs`` articles
and the straight double marks promise ``--min-quotes`` quotations (two marks per quotation;
multi-paragraph quotations have more, so the estimate is generous and the count is checked by
hand afterwards). Nothing here looks for quotations.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import shutil
from pathlib import Path

SEEDS = {
    "quotes_blind3": 20261128,
    "quotes_blind4": 20261129,
    "quotes_blind5": 20261130,
    "quotes_blind6": 20261131,
    "quotes_blind7": 20261132,
    "quotes_dev7": 20261133,
    "quotes_dev8": 20261134,
    "quotes_blind8": 20261135,
    "quotes_blind9": 20261136,
    "quotes_dev9": 20261137,
    "quotes_dev10": 20261138,
    "quotes_dev11": 20261139,
    "quotes_blind10": 20261140,
    "quotes_blind11": 20261141,
    "quotes_blind12": 20261142,
    "quotes_blind13": 20261143,
    "quotes_blind14": 20261144,
    "quotes_blind15": 20261145,
    "quotes_blind16": 20261146,
    "quotes_blind17": 20261147,
    "quotes_blind18": 20261148,
    "quotes_blind19": 20261149,
    "quotes_blind20": 20261150,
}
TOPICS = ("business", "entertainment", "politics", "sport", "tech")
ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def content_hash(data: bytes) -> str:
    """Hash of the text with runs of whitespace collapsed, so re-spaced copies collide too."""
    return hashlib.sha256(re.sub(rb"\s+", b" ", data).strip()).hexdigest()


def excluded_paths(target: Path | None) -> list[Path]:
    """Texts of every quote set but ``target`` (the folder being drawn into) and of seeds/."""
    own = target.resolve() if target else None
    folders = [f for f in sorted(DATA.glob("quotes_*")) if f.is_dir() and f.resolve() != own]
    paths = [p for folder in folders for p in folder.glob("*.txt")]
    return paths + sorted((ROOT / "seeds").glob("*.txt"))


def excluded_hashes(target: Path | None) -> set[str]:
    return {content_hash(p.read_bytes()) for p in excluded_paths(target)}


def runs(data: bytes) -> set[tuple[str, ...]]:
    """The five-word runs of a text, lowercased (as tests/nlp/test_sets_disjoint.py compares)."""
    words = re.findall(r"\w+", data.decode("utf-8", "replace").lower())
    return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}


def read_articles() -> set[str]:
    """Corpus articles read during development outside the sets (``bench/read_articles.txt``)."""
    lines = (ROOT / "bench" / "read_articles.txt").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


class NearCopies:
    """Texts already in a set, to refuse the same story under another name: more than 80% of
    the smaller text's five-word runs shared (the corpus holds such copies, edited by a word)."""

    def __init__(self, paths: list[Path]):
        self.sizes: list[int] = []
        self.holders: dict[tuple[str, ...], list[int]] = {}
        for p in paths:
            self.add(runs(p.read_bytes()))

    def add(self, text_runs: set[tuple[str, ...]]) -> None:
        k = len(self.sizes)
        self.sizes.append(len(text_runs))
        for run in text_runs:
            self.holders.setdefault(run, []).append(k)

    def copies_of(self, text_runs: set[tuple[str, ...]]) -> list[int]:
        """The texts added so far (by the order they were added) that ``text_runs`` copies."""
        shared: dict[int, int] = {}
        for run in text_runs:
            for k in self.holders.get(run, ()):
                shared[k] = shared.get(k, 0) + 1
        return sorted(k for k, n in shared.items() if n > 0.8 * min(len(text_runs), self.sizes[k]))

    def copies(self, text_runs: set[tuple[str, ...]]) -> bool:
        return bool(self.copies_of(text_runs))


def draw(
    corpus: Path,
    seed: int,
    min_docs: int,
    min_quotes: int,
    target: Path | None = None,
    skip_near_copies: bool = False,
    skip_read: bool = False,
) -> list[Path]:
    rng = random.Random(seed)
    queues = {t: sorted((corpus / t).glob("*.txt")) for t in TOPICS}
    for files in queues.values():
        rng.shuffle(files)
    taken: list[Path] = []
    seen = excluded_hashes(target)
    near = NearCopies(excluded_paths(target)) if skip_near_copies else None
    read = read_articles() if skip_read else set()
    estimate = 0
    while len(taken) < min_docs or estimate < min_quotes:
        progressed = False
        for topic in TOPICS:
            while queues[topic]:
                path = queues[topic].pop(0)
                data = path.read_bytes()
                digest = content_hash(data)
                marks = data.count(b'"')
                if marks < 2 or digest in seen or f"{topic}/{path.name}" in read:
                    continue
                if near is not None:
                    text_runs = runs(data)
                    if near.copies(text_runs):
                        continue
                    near.add(text_runs)
                seen.add(digest)
                taken.append(path)
                estimate += marks // 2
                progressed = True
                break
        if not progressed:
            raise SystemExit("corpus exhausted before the set was large enough")
    return taken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--seed", type=int, help=f"default: the one recorded for --copy, {SEEDS}")
    parser.add_argument("--min-docs", type=int, default=12)
    parser.add_argument("--min-quotes", type=int, default=150)
    parser.add_argument("--copy", type=Path, help="copy the drawn articles into this folder")
    parser.add_argument(
        "--skip-near-copies",
        action="store_true",
        help="also skip the same story under another name (use it for every new set)",
    )
    parser.add_argument(
        "--skip-read",
        action="store_true",
        help="also skip articles read during development (bench/read_articles.txt)",
    )
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else SEEDS.get(args.copy.name if args.copy else "")
    if seed is None:
        parser.error("--seed is needed for a folder with no recorded seed")
    skip, read = args.skip_near_copies, args.skip_read
    drawn = draw(args.corpus, seed, args.min_docs, args.min_quotes, args.copy, skip, read)
    for path in drawn:
        name = f"bbc_{path.parent.name}_{path.stem}.txt"
        print(name, path.read_bytes().count(b'"'))
        if args.copy:
            args.copy.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, args.copy / name)


if __name__ == "__main__":
    main()
