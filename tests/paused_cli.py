"""Run the ``annotator`` command with a pause point, so tests signal it at a known moment.

    python tests/paused_cli.py MARKERS POINT -- annotator-arguments...

At ``POINT`` the process writes its pid to a file in the folder ``MARKERS`` and waits (in an
interruptible sleep) for the test's signal; the test waits for that file, never for the clock:

- ``progress:N``: in the command's progress callback when it reports document N (an import of
  batches of 500 reports 500 just after committing its first batch; annotate reports 65 just
  after committing its first 64). Marker ``progress``.
- ``worker``: in every worker process of ``annotate --processes N``, before its first batch.
  Markers ``worker-<pid>``.
- ``teardown``: in ``annotate --processes N`` when the worker pool starts to stop its workers.
  Marker ``teardown``.

:func:`start` and :func:`wait_for` are the test side.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()


def pause(markers: Path, name: str) -> None:
    tmp = markers / f".{name}.tmp"
    tmp.write_text(str(os.getpid()), encoding="utf-8")
    tmp.rename(markers / name)  # the file appears whole
    while True:
        time.sleep(60)


def _install(markers: Path, point: str) -> None:
    kind, _, arg = point.partition(":")
    if kind == "progress":
        from annotator.cli import common

        at = int(arg)
        report = common.ProgressBar.__call__

        def progress(self: Any, done: int, total: int, name: str) -> None:
            report(self, done, total, name)
            if done == at:
                pause(markers, "progress")

        common.ProgressBar.__call__ = progress  # type: ignore[method-assign]
    elif kind == "worker":
        from annotator.nlp import workers

        work = workers.annotate_batch

        def first_batch(*args: Any, **kwargs: Any) -> Any:
            pause(markers, f"worker-{os.getpid()}")
            return work(*args, **kwargs)

        workers.annotate_batch = first_batch  # type: ignore[assignment]
    elif kind == "teardown":
        from annotator.nlp import workers

        stop = workers.WorkerPool.stop

        def stopping(self: Any) -> None:
            try:
                pause(markers, "teardown")
            finally:
                stop(self)

        workers.WorkerPool.stop = stopping  # type: ignore[method-assign]
    else:
        raise SystemExit(f"unknown pause point {point!r}")


def start(markers: Path, point: str, args: Sequence[str], **popen: Any) -> subprocess.Popen[bytes]:
    """Start ``annotator ARGS`` paused at ``point``; its output is piped."""
    markers.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(
        [sys.executable, str(HERE), str(markers), point, "--", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen,
    )  # fmt: skip


def wait_for(
    markers: Path, proc: subprocess.Popen[bytes], ready: Callable[[list[Path]], bool],
    *, limit: float = 600,
) -> list[Path]:  # fmt: skip
    """Wait until the markers written so far satisfy ``ready``; fail if the process ends first.

    ``limit`` only turns a broken run into a failure instead of a hang: the test's outcome never
    depends on how fast the machine is.
    """
    deadline = time.monotonic() + limit
    while True:
        found = sorted(p for p in markers.iterdir() if not p.name.startswith("."))
        if ready(found):
            return found
        if proc.poll() is not None:
            out, err = proc.communicate()
            raise AssertionError(f"ended before the pause point: {out!r} {err!r}")
        if time.monotonic() > deadline:
            raise AssertionError("the pause point was not reached")
        time.sleep(0.02)


def main() -> None:
    markers, point, dashes, *args = sys.argv[1:]
    assert dashes == "--"
    # Start from the default hang-up action, as a command run from a terminal does: a test
    # run under nohup passes on an ignored SIGHUP, and the hang-up test would then wait forever.
    if hasattr(signal, "SIGHUP"):  # POSIX only
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
    _install(Path(markers), point)
    from annotator.cli import main as cli

    sys.argv = ["annotator", *args]
    cli()


if __name__ == "__main__":
    main()
