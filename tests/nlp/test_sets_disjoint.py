"""The quote sets are separate documents, compared by content, not by file name.

A copy of an article under another name (the BBC corpus holds some) would let a development
article into a blind set unnoticed; hashing the text with whitespace collapsed catches that.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SETS = ("quotes_gold", "quotes_heldout", "quotes_test2", "quotes_blind3")


def _hashes(folder: Path) -> set[str]:
    return {
        hashlib.sha256(re.sub(rb"\s+", b" ", p.read_bytes()).strip()).hexdigest()
        for p in folder.glob("*.txt")
    }


def test_quote_sets_are_pairwise_disjoint_by_content() -> None:
    hashes = {name: _hashes(DATA / name) for name in SETS}
    for name, digests in hashes.items():
        assert len(digests) == len(list((DATA / name).glob("*.txt"))), f"{name} repeats a text"
    for first, second in itertools.combinations(SETS, 2):
        assert not hashes[first] & hashes[second], f"{first} and {second} share a document"


def test_blind_set_is_disjoint_from_the_seeds() -> None:
    assert not _hashes(DATA / "quotes_blind3") & _hashes(ROOT / "seeds")


def test_hash_sees_through_a_renamed_and_respaced_copy(tmp_path: Path) -> None:
    source = next((DATA / "quotes_blind3").glob("*.txt"))
    (tmp_path / "copy.txt").write_bytes(source.read_bytes().replace(b"\n\n", b"\n  \n"))
    assert _hashes(tmp_path) <= _hashes(DATA / "quotes_blind3")


def test_blind_set_is_large_enough_and_covers_every_topic() -> None:
    docs = sorted((DATA / "quotes_blind3").glob("*.txt"))
    assert len(docs) >= 12
    assert {p.name.split("_")[1] for p in docs} == {
        "business",
        "entertainment",
        "politics",
        "sport",
        "tech",
    }
    lines = [
        line
        for p in (DATA / "quotes_blind3").glob("*.quotes.jsonl")
        for line in p.read_text("utf-8").splitlines()
    ]
    assert len(lines) >= 120
