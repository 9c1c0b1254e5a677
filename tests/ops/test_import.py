"""Importing text files: decodings, newlines, duplicates, bad files, interruption."""

from __future__ import annotations

import codecs
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.formats import ReadOptions
from annotator.ops.importing import import_paths
from annotator.store import Store

from .. import paused_cli
from ..conftest import SEED_ARTICLE, SEEDS


def make_mixed_folder(folder: Path) -> None:
    """The folder of the foundation issue: good files in four encodings, two bad ones."""
    folder.mkdir()
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "cp1252.txt").write_bytes(
        "Café prices rise\n\nA £5 coffee – “dear”.".encode("cp1252")
    )
    (folder / "utf16.txt").write_bytes(
        codecs.BOM_UTF16_LE + "Ünïcode headline\n\nBody 😀.".encode("utf-16-le")
    )
    (folder / "crlf.txt").write_bytes(b"Windows headline\r\n\r\nLine one.\r\nLine two.\rOld Mac.")
    (folder / "bom.txt").write_bytes(codecs.BOM_UTF8 + b"BOM headline\n\nText.")


def test_mixed_folder_imports_the_good_and_names_the_bad(store: Store, tmp_path: Path) -> None:
    make_mixed_folder(tmp_path / "in")
    report = import_paths(store, [tmp_path / "in"])
    assert report.imported == 4
    assert len(report.problems) == 2
    assert any("binary.txt" in p and "binary" in p for p in report.problems)
    assert any("empty.txt" in p and "empty" in p for p in report.problems)
    docs = {store.document(i).name: store.document(i) for i in store.document_ids()}
    assert set(docs) == {"bom.txt", "cp1252.txt", "crlf.txt", "utf16.txt"}
    assert docs["cp1252.txt"].text == "Café prices rise\n\nA £5 coffee – “dear”."
    assert docs["cp1252.txt"].meta["encoding"] == "cp1252"
    assert docs["utf16.txt"].text == "Ünïcode headline\n\nBody 😀."
    assert docs["utf16.txt"].meta["encoding"] == "utf-16"
    assert docs["crlf.txt"].text == "Windows headline\n\nLine one.\nLine two.\nOld Mac."
    assert docs["bom.txt"].text.startswith("BOM headline")  # the BOM is not text
    assert docs["crlf.txt"].title == "Windows headline"
    assert any("cp1252" in n for n in report.notes)


def test_text_is_stored_exactly_as_decoded(store: Store, tmp_path: Path) -> None:
    raw = "  Leading spaces, trailing too  \n\n\tTab, NFD: e\u0301, NFC: é, emoji 👩‍👩‍👧 \n"
    (tmp_path / "exact.txt").write_text(raw, encoding="utf-8")
    import_paths(store, [tmp_path / "exact.txt"])
    [doc_id] = store.document_ids()
    assert store.document_text(doc_id) == raw


def test_seed_twice_is_one_document_and_a_duplicate(store: Store) -> None:
    first = import_paths(store, [SEEDS])
    second = import_paths(store, [SEEDS])
    assert (first.imported, first.duplicates) == (1, 0)
    assert (second.imported, second.duplicates) == (0, 1)
    [doc_id] = store.document_ids()
    doc = store.document(doc_id)
    assert doc.name == SEED_ARTICLE.name
    assert doc.text == SEED_ARTICLE.read_text(encoding="utf-8")
    assert doc.title.startswith("Shadow minister Imran Hussain has quit")


def test_globs_and_missing_paths(store: Store, tmp_path: Path) -> None:
    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(f"Article {n}\n\nText {n}.")
    (tmp_path / "notes.md").write_text("not matched")
    report = import_paths(store, [str(tmp_path / "a*.txt"), tmp_path / "missing.txt"])
    assert report.imported == 3
    assert report.problems == [f"{tmp_path / 'missing.txt'}: no such file or folder"]


def test_size_limit_is_enforced_and_named(store: Store, tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("x" * 2000)
    (tmp_path / "small.txt").write_text("small")
    report = import_paths(store, [tmp_path], options=ReadOptions(max_bytes=1000))
    assert report.imported == 1
    assert "big.txt" in report.problems[0] and "over the 1,000-byte limit" in report.problems[0]


def test_bad_input_changes_nothing_already_saved(store: Store, tmp_path: Path) -> None:
    import_paths(store, [SEEDS])
    before = store.db.execute("SELECT id, name, text, meta FROM documents").fetchall()
    make_mixed_folder(tmp_path / "in")
    import_paths(store, [tmp_path / "in" / "binary.txt", tmp_path / "in" / "empty.txt"])
    assert store.db.execute("SELECT id, name, text, meta FROM documents").fetchall() == before


@pytest.mark.corpus
def test_bbc_corpus(store: Store, bbc: Path) -> None:
    report = import_paths(store, [bbc])
    # 2,225 articles: the corpus itself holds 98 exact repeats; one file is cp1252, not UTF-8.
    assert report.imported + report.duplicates == 2225
    assert report.problems == []
    assert report.notes == [f"{bbc / 'sport' / '199.txt'}: not UTF-8; decoded as cp1252"]
    doc_id = store.db.execute("SELECT id FROM documents WHERE name = 'sport/199.txt'").fetchone()[0]
    assert "a £15.8m signing from Parma" in store.document_text(doc_id)


def _import_in_subprocess(db: Path, folder: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "annotator", "--db", str(db), "import", str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def _synthetic_corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:05}.txt").write_text(f"Story {i}\n\n" + f"Paragraph of story {i}. " * 40)


def _count(db: Path) -> int:
    try:
        return (
            sqlite3.connect(db, timeout=10).execute("SELECT count(*) FROM documents").fetchone()[0]
        )
    except sqlite3.OperationalError:
        return 0


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_interrupted_import_is_consistent_and_resumes(tmp_path: Path, sig: signal.Signals) -> None:
    corpus = tmp_path / "corpus"
    _synthetic_corpus(corpus, 1200)
    db = tmp_path / "p.db"
    # Paused just after its first batch of 500 is committed, whatever the machine's speed.
    markers = tmp_path / "markers"
    proc = paused_cli.start(markers, "progress:500", ["--db", str(db), "import", str(corpus)])
    paused_cli.wait_for(markers, proc, lambda found: bool(found))
    os.kill(proc.pid, sig)
    _, err = proc.communicate(timeout=600)
    partial = _count(db)
    assert partial == 500, "exactly the committed batch is kept"
    if sig == signal.SIGINT:
        assert proc.returncode == 130
        assert b"Interrupted; everything committed before the interruption is saved." in err
        assert b"Traceback" not in err
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    again = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(db), "import", str(corpus)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert f"Imported {1200 - partial} documents ({partial} duplicates, 0 failed)" in again.stdout
    assert _count(db) == 1200


def test_the_write_lock_is_free_while_files_are_read(store: Store, tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"Story {i}")
    other = sqlite3.connect(store.path, timeout=0, isolation_level=None)
    seen = []

    def progress(done: int, total: int, name: str) -> None:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        seen.append(name)

    report = import_paths(store, [tmp_path], progress=progress, batch_size=2)
    assert report.imported == 5 and len(seen) == 5
