"""The fault suite at a larger scale, and how fast Ctrl+C stops ``annotate --processes 2``.

    python bench/faults.py [--scale 5] [--stops 5] [--skip-suite]

1. Runs tests/faults/ (fuzzed inputs to every importer, kill -9 at random moments, concurrent
   writers, a full disk, damaged projects) with ``FAULTS_SCALE`` times the inputs of the test
   command, and prints what became of them: a clean import, clean one-line messages, a
   traceback, a hang, data lost.
2. Stops ``annotate --processes 2`` with SIGINT to its process group (as Ctrl+C in a terminal)
   at three moments: before the first result (workers paused), mid-run (after the first
   committed batch) and while the workers are being stopped, ``--stops`` times each; prints the
   time from the signal to the command's exit. Baseline, same run: ``annotate --processes 1``
   stopped mid-run.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import machine

REPO = Path(__file__).resolve().parent.parent
PAUSED = REPO / "tests" / "paused_cli.py"
COLUMNS = ("inputs", "clean_imports", "clean_messages", "tracebacks", "hangs", "data_lost")


def run_suite(scale: float) -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "faults.jsonl"
        env = dict(os.environ, FAULTS_SCALE=str(scale), FAULTS_REPORT=str(report),
                   QT_QPA_PLATFORM="offscreen")  # fmt: skip
        subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/faults"],
            cwd=REPO, env=env, check=False,
        )  # fmt: skip
        if not report.exists():
            return []
        return [json.loads(line) for line in report.read_text().splitlines()]


def print_suite(rows: list[dict[str, object]]) -> None:
    print("| fault test | " + " | ".join(c.replace("_", " ") for c in COLUMNS) + " |")
    print("|---|" + "---:|" * len(COLUMNS))
    totals = dict.fromkeys(COLUMNS, 0)
    for row in rows:
        print(f"| {row['name']} | " + " | ".join(f"{row[c]:,}" for c in COLUMNS) + " |")
        for c in COLUMNS:
            totals[c] += int(row[c])  # type: ignore[call-overload]
    print("| **all** | " + " | ".join(f"**{totals[c]:,}**" for c in COLUMNS) + " |")


def _project(folder: Path, n: int) -> Path:
    stories = folder / "stories"
    stories.mkdir()
    for i in range(n):
        (stories / f"{i:05}.txt").write_text(
            f"Story {i}. Angela Merkel visited Paris. “We agree,” she said on Monday {i}.\n"
        )
    db = folder / "p.db"
    subprocess.run([sys.executable, "-m", "annotator", "--db", str(db), "import", str(stories)],
                   check=True, capture_output=True)  # fmt: skip
    return db


def stop_time(db: Path, point: str, processes: int, markers: Path) -> float:
    """Seconds from Ctrl+C at ``point`` to the end of ``annotate``; checks it ended cleanly."""
    markers.mkdir()
    args = ["--db", str(db), "annotate", "--force", "--processes", str(processes),
            "--batch-size", "8"]  # fmt: skip
    proc = subprocess.Popen(
        [sys.executable, str(PAUSED), str(markers), point, "--", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    want = processes if point == "worker" else 1
    while len([p for p in markers.iterdir() if not p.name.startswith(".")]) < want:
        if proc.poll() is not None:
            raise SystemExit(f"annotate ended before {point}: {proc.communicate()}")
        time.sleep(0.01)
    started = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate()
    took = time.monotonic() - started
    if proc.returncode != 130 or b"Traceback" in err:
        raise SystemExit(f"not a clean stop at {point}: {proc.returncode} {err.decode()}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=5.0)
    parser.add_argument("--stops", type=int, default=5)
    parser.add_argument("--skip-suite", action="store_true")
    args = parser.parse_args()
    print(f"Machine: {machine()}\n")
    if not args.skip_suite:
        rows = run_suite(args.scale)
        print(f"\nFault suite at scale {args.scale:g}:\n")
        print_suite(rows)
    cases = [("mid-run (baseline: 1 process)", "progress:65", 1),
             ("before the first result", "worker", 2), ("mid-run", "progress:65", 2),
             ("while stopping the workers", "teardown", 2)]  # fmt: skip
    print(f"\nCtrl+C to exit, annotate --processes 2, {args.stops} stops each (seconds):\n")
    print("| moment | processes | median | max |")
    print("|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        db = _project(Path(tmp), 400)
        for label, point, processes in cases:
            times = [stop_time(db, point, processes, Path(tmp) / f"m-{point}-{processes}-{i}")
                     for i in range(args.stops)]  # fmt: skip
            print(f"| {label} | {processes} | {statistics.median(times):.2f} | "
                  f"{max(times):.2f} |")  # fmt: skip


if __name__ == "__main__":
    main()
