"""Real processes under real faults: kill -9 at random moments, concurrent writers, a full disk
and a damaged project file. Every command must end with a clean result or a one-line message
(no traceback, no hang), and nothing committed may be lost or duplicated.

Kill moments are drawn at random (seeded, ``FAULTS_SEED``) between the start and the end of an
uninterrupted run measured in the same test: any moment must pass, so no outcome depends on the
machine's speed.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import Tally, project_digest, scaled

pytestmark = pytest.mark.slow

SEED = int(os.environ.get("FAULTS_SEED", "9"))
#: Seconds any command may take here before it counts as a hang (a correctness bound).
LIMIT = 600


def _corpus(folder: Path, n: int, offset: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(offset, offset + n):
        (folder / f"{i:05}.txt").write_text(
            f"Story {i}\n\nAngela Merkel visited Paris on Monday {i}. “We agree on story {i},” "
            "she said. The minister said nothing more.\n",
            encoding="utf-8",
        )
    return folder


def _cli(db: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "annotator", "--db", str(db), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def _finish(proc: subprocess.Popen[bytes], tally: Tally) -> tuple[int, str]:
    """Wait for a command; count its outcome; return its exit code and stderr."""
    tally.inputs += 1
    try:
        _, err = proc.communicate(timeout=LIMIT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        tally.hangs += 1
        raise AssertionError(f"{proc.args}: no end after {LIMIT} s") from None
    text = err.decode("utf-8", "replace")
    if "Traceback" in text or "Exception ignored" in text:
        tally.tracebacks += 1
        raise AssertionError(f"{proc.args}: {text}")
    if proc.returncode == 0:
        tally.clean_imports += 1
    else:
        tally.clean_messages += 1
        problems = [line for line in text.splitlines() if line.startswith("Error")]
        assert len(problems) <= 1, text
    return proc.returncode, text


def _intact(db: Path) -> None:
    with sqlite3.connect(db, timeout=60) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _timed(db: Path, tally: Tally, *args: str) -> float:
    started = time.monotonic()
    code, err = _finish(_cli(db, *args), tally)
    assert code == 0, err
    return time.monotonic() - started


def _kill_at_random(
    db: Path, tally: Tally, rng: random.Random, span: float, kills: int, *args: str
) -> None:
    """Start ``args`` and kill -9 it at a random moment, ``kills`` times; then let it finish."""
    for _ in range(kills):
        proc = _cli(db, *args)
        time.sleep(rng.uniform(0, span))  # a random moment to kill at, not a wait for anything
        proc.kill()
        proc.communicate()
        tally.inputs += 1
        _intact(db)
    _timed(db, tally, *args)


def test_kill_9_of_import_and_annotate_resumes_to_the_same_content(
    tmp_path: Path, tally: Tally
) -> None:
    rng = random.Random(SEED)
    corpus = _corpus(tmp_path / "corpus", 1100)  # three batches of 500 (the last 100)
    reference = tmp_path / "reference.db"
    import_time = _timed(reference, tally, "import", str(corpus))
    db = tmp_path / "killed.db"
    _kill_at_random(db, tally, rng, import_time, scaled(3), "import", str(corpus))
    _check_same(db, reference, tally)

    stories = _corpus(tmp_path / "stories", 250)  # four batches of 64 (the last 58)
    reference = tmp_path / "reference2.db"
    _timed(reference, tally, "import", str(stories))
    db = tmp_path / "killed2.db"
    shutil.copy(reference, db)
    annotate_time = _timed(reference, tally, "annotate", "--processes", "2")
    _kill_at_random(db, tally, rng, annotate_time, scaled(2), "annotate", "--processes", "2")
    _check_same(db, reference, tally)


def _check_same(db: Path, reference: Path, tally: Tally) -> None:
    if project_digest(db) != project_digest(reference):
        tally.data_lost += 1
    assert project_digest(db) == project_digest(reference)


def test_two_importers_an_annotator_and_an_exporter_at_once(tmp_path: Path, tally: Tally) -> None:
    first = _corpus(tmp_path / "a", 300)
    second = _corpus(tmp_path / "b", 300, offset=200)  # 100 stories in both
    db = tmp_path / "p.db"
    _timed(db, tally, "import", str(_corpus(tmp_path / "seed", 30, offset=5000)))
    _timed(db, tally, "annotate")
    procs = [_cli(db, "import", str(first)), _cli(db, "import", str(second)),
             _cli(db, "annotate"),
             _cli(db, "export", "--format", "prodigy", "--layer", "model",
                  "--out", str(tmp_path / "out.jsonl"))]  # fmt: skip
    for proc in procs:
        code, err = _finish(proc, tally)
        assert code == 0, err
        assert "locked" not in err and "busy" not in err
    _intact(db)
    with sqlite3.connect(db) as conn:
        docs, hashes = conn.execute(
            "SELECT count(*), count(DISTINCT content_hash) FROM documents"
        ).fetchone()
    assert docs == hashes == 30 + 500  # nothing duplicated, nothing missing
    _timed(db, tally, "annotate")  # what the concurrent run did not see yet
    reference = tmp_path / "reference.db"
    for folder in ("seed", "a", "b"):
        _timed(reference, tally, "import", str(tmp_path / folder))
    _timed(reference, tally, "annotate")
    _check_same(db, reference, tally)
    back = tmp_path / "back.db"  # the export, taken mid-way, is whole and imports cleanly
    code, err = _finish(_cli(back, "import", str(tmp_path / "out.jsonl")), tally)
    assert code == 0 and "failed" not in err, err


@pytest.fixture
def small_disk(tmp_path: Path) -> Path:
    """A 3 MB tmpfs: a disk that fills up. Needs root (mount) on Linux."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("a full disk needs a tmpfs mount: Linux and root only")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(disk)], capture_output=True
    )  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_full_disk_loses_nothing_committed(
    tmp_path: Path, small_disk: Path, tally: Tally
) -> None:
    db = small_disk / "p.db"
    _timed(db, tally, "import", str(_corpus(tmp_path / "first", 100)))
    _timed(db, tally, "annotate")
    before = project_digest(db)
    (tmp_path / "big").mkdir()
    for i in range(40):  # far more than the disk holds
        (tmp_path / "big" / f"{i}.txt").write_text(f"Long story {i}. " + "Words here. " * 20_000)
    code, err = _finish(_cli(db, "import", str(tmp_path / "big")), tally)
    assert code != 0 and ("disk" in err or "full" in err), err
    _intact(db)
    copy = tmp_path / "copy.db"  # the first 100 documents and their annotations are all there
    shutil.copy(db, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute("DELETE FROM documents WHERE name NOT LIKE '0%'")
    if project_digest(copy) != before:
        tally.data_lost += 1
    assert project_digest(copy) == before
    filler = small_disk / "filler"
    subprocess.run(["dd", "if=/dev/zero", f"of={filler}", "bs=64k"], capture_output=True)
    for fmt, out in (("prodigy", "out.jsonl"), ("brat", "brat")):
        code, err = _finish(
            _cli(db, "export", "--format", fmt, "--layer", "model", "--out", str(small_disk / out)),
            tally,
        )
        assert code != 0 and "Error" in err, err
        left = sorted(p.name for p in small_disk.iterdir())
        assert left == ["filler", "p.db", "p.db-shm", "p.db-wal"], left  # no half export left


def test_a_damaged_project_gives_one_line_never_a_traceback(tmp_path: Path, tally: Tally) -> None:
    rng = random.Random(SEED)
    good = tmp_path / "good.db"
    _timed(good, tally, "import", str(_corpus(tmp_path / "c", 300)))
    size = good.stat().st_size
    for i in range(scaled(3)):
        db = tmp_path / f"bad{i}.db"
        data = bytearray(good.read_bytes())
        start = rng.randrange(100, size - 4096)
        length = rng.choice([16, 512, 4096])
        data[start : start + length] = rng.randbytes(length)
        db.write_bytes(bytes(data))
        out = str(tmp_path / f"out{i}.jsonl")
        export = ("export", "--format", "prodigy", "--status", "all", "--out", out)
        for args in (("stats",), export, ("import", str(tmp_path / "c"))):
            _finish(_cli(db, *args), tally)
