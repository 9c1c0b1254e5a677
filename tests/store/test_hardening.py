"""The store under hostile conditions (issue 9, defects 7, 8, 10 and durability): other programs'
files are left untouched, corrupt projects are refused before anything is written, the real
SQLite error is reported, several processes can create one project at once, and edits are
committed with ``synchronous=FULL``."""

from __future__ import annotations

import multiprocessing
import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.errors import StoreError
from annotator.ops.importing import import_paths
from annotator.store import Store

from ..conftest import SEEDS


def _foreign_db(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
    conn.executemany("INSERT INTO users (name) VALUES (?)", [(f"u{i}",) for i in range(100)])
    conn.commit()
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize("readonly", [False, True])
def test_another_programs_database_is_refused_unchanged(tmp_path: Path, readonly: bool) -> None:
    path = tmp_path / "other.sqlite"
    before = _foreign_db(path)
    assert before[18:20] == b"\x01\x01"  # rollback journal, not WAL
    with pytest.raises(StoreError, match="not an Annotator project"):
        Store(path, readonly=readonly)
    assert path.read_bytes() == before
    assert not (tmp_path / "other.sqlite-wal").exists()


def test_the_cli_refuses_another_programs_database_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    before = _foreign_db(path)
    (tmp_path / "a.txt").write_text("An article.", encoding="utf-8")
    for args in (["import", str(tmp_path / "a.txt")], ["stats"]):
        run = subprocess.run(
            [sys.executable, "-m", "annotator", "--db", str(path), *args],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert run.returncode == 1 and "not an Annotator project" in run.stderr
        assert "Traceback" not in run.stderr
    assert path.read_bytes() == before


def _project(tmp_path: Path) -> Path:
    """A real project of several hundred pages, closed cleanly."""
    path = tmp_path / "project.db"
    folder = tmp_path / "articles"
    folder.mkdir()
    rng = random.Random(9)
    words = [f"word{i}" for i in range(2000)]
    for n in range(300):
        body = " ".join(rng.choice(words) for _ in range(400))
        (folder / f"a{n:03}.txt").write_text(f"Headline {n}\n\n{body}", encoding="utf-8")
    with Store(path) as store:
        report = import_paths(store, [folder])
        assert report.imported == 300
    return path


def _corrupt_middle(path: Path, *, keep_mtime: bool = False) -> None:
    stat = path.stat()
    rng = random.Random(8)
    with open(path, "r+b") as f:
        f.seek(stat.st_size // 4)
        f.write(rng.randbytes(stat.st_size // 2))
    if keep_mtime:  # bit rot: the size and time of the file do not change
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_a_corrupt_project_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    path = _project(tmp_path)
    _corrupt_middle(path)
    damaged = path.read_bytes()
    with pytest.raises(StoreError, match=r"damaged.*\.recover"):
        Store(path)
    new = tmp_path / "new.txt"
    new.write_text("A new article that must not be written.", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(path), "import", str(new)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 1, run.stdout
    assert ".recover" in run.stderr and "Traceback" not in run.stderr
    assert path.read_bytes() == damaged
    assert (
        not (tmp_path / "project.db-wal").exists() or not (tmp_path / "project.db-wal").read_bytes()
    )


def test_a_clean_project_opens_without_a_check_and_a_changed_one_with(tmp_path: Path) -> None:
    path = _project(tmp_path)
    with Store(path) as store:
        assert store.integrity_checked is False  # closed cleanly: no full read on open
    with sqlite3.connect(path) as conn:  # another program changes the file
        conn.execute("UPDATE documents SET title = 'x' WHERE id = 1")
    conn.close()
    with Store(path) as store:
        assert store.integrity_checked is True
    with Store(path) as store:
        assert store.integrity_checked is False


def test_corruption_found_while_writing_reports_the_real_error(tmp_path: Path) -> None:
    """Bit rot the size/time check cannot see: the write fails with SQLite's own message, not
    with 'no such savepoint', and nothing is half-written."""
    path = _project(tmp_path)
    _corrupt_middle(path, keep_mtime=True)
    folder = tmp_path / "more"
    folder.mkdir()
    for n in range(50):
        (folder / f"m{n}.txt").write_text(f"More {n} " + "text " * 300, encoding="utf-8")
    with Store(path) as store:
        with pytest.raises(StoreError) as info:
            import_paths(store, [folder])
    message = str(info.value)
    assert "savepoint" not in message
    assert "malformed" in message or "damaged" in message
    assert ".recover" in message


def _create(path: str, barrier: multiprocessing.synchronize.Barrier, results: object) -> None:
    """Open (create) the project, with every process past its version read before any writes."""
    from annotator.store import database

    real = database.migrate

    def migrate_after_all_have_looked(db: object, version: int) -> None:
        barrier.wait(timeout=120)
        real(db, version)  # type: ignore[arg-type]

    database.migrate = migrate_after_all_have_looked  # type: ignore[assignment]
    try:
        with Store(path) as store:
            store.add_document(f"doc-{os.getpid()}", f"Text of process {os.getpid()}.")
        results.put("ok")  # type: ignore[attr-defined]
    except Exception as exc:  # reported to the test, which names it
        results.put(f"{type(exc).__name__}: {exc}")  # type: ignore[attr-defined]


def test_several_processes_create_one_project_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    workers = 4
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(workers)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=_create, args=(str(path), barrier, results)) for _ in range(workers)
    ]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=240) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert outcomes == ["ok"] * workers
    with Store(path, readonly=True) as store:
        assert store.count_documents() == workers


def test_opening_waits_for_another_programs_write_lock_on_the_wal_switch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The WAL switch gets "locked" at once, busy timeout or not, while another holds the write
    lock (what made several processes creating one project fail now and then); it waits."""
    from annotator.store import database

    path = tmp_path / "p.db"
    with Store(path) as store:
        store.add_document("d0", "Kept.")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA journal_mode = DELETE")  # as a new file is, before the first opener
    other.execute("BEGIN IMMEDIATE")  # a second opener's write lock (its schema transaction)
    pauses: list[str] = []

    def other_commits() -> None:
        pauses.append("paused")
        other.execute("COMMIT")

    monkeypatch.setattr(database, "_wait_for_other_opener", other_commits, raising=False)
    with Store(path) as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.count_documents() == 1
    other.close()
    assert pauses == ["paused"]


def test_a_write_lock_held_past_the_busy_timeout_is_named_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.store import database

    path = tmp_path / "p.db"
    with Store(path):
        pass
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA journal_mode = DELETE")
    other.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 0)  # the lock outlasts the wait
    with pytest.raises(StoreError) as info:
        Store(path)
    other.rollback()
    other.close()
    assert str(info.value) == f"{path}: the database is busy in another program; try again"


def test_edits_commit_with_full_sync_and_bulk_imports_with_normal(tmp_path: Path) -> None:
    seen: list[int] = []
    with Store(tmp_path / "p.db") as store:
        assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL

        def progress(done: int, total: int, name: str) -> None:
            seen.append(store.db.execute("PRAGMA synchronous").fetchone()[0])

        import_paths(store, [SEEDS], progress=progress)
        assert seen and set(seen) == {1}  # NORMAL while importing
        assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2


@pytest.mark.parametrize(
    ("search", "expected"),
    [("zeb\x00ra", 0), ("\x00", 3), ("zebra\x00", 1), ("\ud800", 3), ("zeb\udcffra", 0),
     ("zebra \ud83d", 1), ("\x01\x02", 3), ("zebra", 1)],
)  # fmt: skip
def test_full_text_search_never_raises_for_odd_characters(
    tmp_path: Path, search: str, expected: int
) -> None:
    """A NUL or a lone surrogate separates words like a space; on their own they match all."""
    from annotator.store.queries import DocumentFilter, count_documents, list_documents

    with Store(tmp_path / "p.db") as store:
        for n, text in enumerate(("A zebra crossing.", "A lion.", "A horse.")):
            store.add_document(f"d{n}", text)
        flt = DocumentFilter(annotator="ana", search=search)
        assert count_documents(store, flt) == expected
        assert len(list_documents(store, flt)) == expected


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs, where root may mount one; skipped otherwise."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root): no full disk to test with")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_reports_the_real_error_and_keeps_what_was_saved(
    small_disk: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    rng = random.Random(3)
    for n in range(400):
        words = " ".join(f"w{rng.randrange(100_000)}" for _ in range(800))
        (folder / f"a{n:03}.txt").write_text(f"Headline {n}\n\n{words}", encoding="utf-8")
    db = small_disk / "project.db"
    run = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(db), "import", str(folder)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 1
    assert "disk is full" in run.stderr, run.stderr
    assert "savepoint" not in run.stderr and "Traceback" not in run.stderr
    with Store(db, readonly=True) as store:  # the project still opens
        assert store.count_documents() == 0  # the one batch of 400 that did not fit: not half
