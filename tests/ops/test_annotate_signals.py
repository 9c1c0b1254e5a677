"""``annotate --processes 2`` under real signals: Ctrl+C at any moment, the parent killed.

Each run is paused at a known point (tests/paused_cli.py) and signalled there, so no outcome
depends on the machine's speed. Ctrl+C is sent to the whole process group, as a terminal does.
Stop times are checked against a generous bound only (a loaded machine); the 2 s the README
promises is measured by bench/annotate_speed.py.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import pytest

from annotator.ops.importing import import_paths
from annotator.store import Store

from .. import paused_cli

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc (Linux)"),
]

#: A correctness bound for "stopped at once" on a loaded machine (the promise is 2 s).
STOP_BOUND = 15.0


@pytest.fixture
def project(tmp_path: Path) -> Path:
    db = tmp_path / "p.db"
    folder = tmp_path / "stories"
    folder.mkdir()
    for i in range(400):
        (folder / f"{i:04}.txt").write_text(f"Story {i}. The minister said “yes” on Monday {i}.")
    with Store(db) as store:
        import_paths(store, [folder])
    return db


def _annotate(tmp_path: Path, db: Path, point: str) -> subprocess.Popen[bytes]:
    args = ["--db", str(db), "annotate", "--processes", "2", "--batch-size", "8"]
    return paused_cli.start(tmp_path / "markers", point, args, start_new_session=True)


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its exit status is left


def _wait_gone(pids: Iterable[int], limit: float = 60) -> list[int]:
    """The pids still running after waiting up to ``limit`` seconds for them to end."""
    deadline = time.monotonic() + limit
    pids = list(pids)
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return [p for p in pids if _alive(p)]


def _stop(proc: subprocess.Popen[bytes], *signals: signal.Signals) -> tuple[float, bytes]:
    started = time.monotonic()
    for sig in signals:
        os.killpg(proc.pid, sig)
    _, err = proc.communicate(timeout=120)
    return time.monotonic() - started, err


def _committed(db: Path) -> int:
    with sqlite3.connect(db, timeout=30) as conn:
        return int(conn.execute("SELECT count(*) FROM layer_documents").fetchone()[0])


def _clean_exit(proc: subprocess.Popen[bytes], err: bytes, took: float) -> None:
    assert proc.returncode == 130, err
    assert b"Interrupted" in err
    for noise in (b"Traceback", b"Exception ignored", b"W127", b"KeyboardInterrupt"):
        assert noise not in err, err
    assert took < STOP_BOUND


def test_ctrl_c_before_the_first_result(tmp_path: Path, project: Path) -> None:
    proc = _annotate(tmp_path, project, "worker")
    markers = paused_cli.wait_for(tmp_path / "markers", proc, lambda found: len(found) == 2)
    workers = [int(m.read_text()) for m in markers]
    took, err = _stop(proc, signal.SIGINT)
    _clean_exit(proc, err, took)
    assert _committed(project) == 0
    assert _wait_gone(workers) == []


def test_ctrl_c_during_the_run_keeps_the_committed_batch(tmp_path: Path, project: Path) -> None:
    proc = _annotate(tmp_path, project, "progress:65")
    paused_cli.wait_for(tmp_path / "markers", proc, bool)
    workers = _children(proc.pid)
    assert len(workers) == 2
    took, err = _stop(proc, signal.SIGINT)
    _clean_exit(proc, err, took)
    assert _committed(project) == 64
    assert _wait_gone(workers) == []


def test_ctrl_c_three_times_while_the_workers_are_stopped(tmp_path: Path, project: Path) -> None:
    proc = _annotate(tmp_path, project, "teardown")
    paused_cli.wait_for(tmp_path / "markers", proc, bool)
    workers = _children(proc.pid)
    took, err = _stop(proc, signal.SIGINT, signal.SIGINT, signal.SIGINT)
    _clean_exit(proc, err, took)
    assert _wait_gone(workers) == []


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_workers_die_with_their_parent(tmp_path: Path, project: Path, sig: signal.Signals) -> None:
    proc = _annotate(tmp_path, project, "progress:65")
    paused_cli.wait_for(tmp_path / "markers", proc, bool)
    workers = _children(proc.pid)
    assert len(workers) == 2
    os.kill(proc.pid, sig)  # the parent only, as a system shutting it down would
    proc.communicate(timeout=120)
    assert _wait_gone(workers) == [], "worker processes outlived their parent"
    assert _committed(project) == 64
