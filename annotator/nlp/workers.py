"""Run the pipeline in worker processes that stop at once and never outlive their parent.

``nlp.pipe(n_process=N)`` hid its workers behind queues whose feeder threads could hang the
exit, let Ctrl+C through to the workers (tracebacks), ignored it until the first result and
left the workers running when the parent was killed. This pool keeps that under control:

- Each worker gets one batch at a time over its own pipe and sends its results back; the
  parent reads them in order. No queue, no feeder thread: nothing to join at exit.
- Workers ignore Ctrl+C (SIGINT is blocked while they are forked, so no window lets one in);
  the parent gets it while it waits and stops them: SIGTERM, then SIGKILL after a second.
- Workers die with their parent, however it ends (kill -9 included): on Linux the kernel sends
  them SIGKILL (``prctl(PR_SET_PDEATHSIG)``); elsewhere a thread in each worker watches the
  parent's pid.
- A worker that dies (e.g. out of memory) is a :class:`ModelError`, not a hang.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from itertools import islice
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from spacy.language import Language

from annotator.errors import ModelError
from annotator.model import RelationData, SpanData
from annotator.nlp.pipeline import annotate_texts

C = TypeVar("C")
Result = tuple[C, list[SpanData], list[RelationData], list[str]]

#: Seconds a stopped worker gets to end on SIGTERM before it is killed.
STOP_GRACE = 1.0
#: Seconds between a worker's checks that its parent is alive (where prctl is missing).
WATCH_EVERY = 0.5
PR_SET_PDEATHSIG = 1


def annotate_batch(
    nlp: Language, batch: list[tuple[str, Any]], batch_size: int, name_of: Callable[[Any], str]
) -> list[Result[Any]]:
    """What a worker does with one batch (a function of its own so tests can pause it)."""
    return list(annotate_texts(nlp, batch, batch_size=batch_size, name_of=name_of))


def _die_with_parent(parent: int) -> None:
    """Make this process end when ``parent`` does, even by kill -9."""
    libc_name = ctypes.util.find_library("c") if sys.platform.startswith("linux") else None
    if libc_name:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != parent:  # the parent died before prctl: nobody will signal
                os._exit(1)
            return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_EVERY)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _work(
    nlp: Language, inbox: Connection, outbox: Connection, parent: int, batch_size: int,
    name_of: Callable[[Any], str],
) -> None:  # fmt: skip
    """A worker's life: batches in, results out, until ``None`` or the parent goes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _die_with_parent(parent)
    try:
        while (batch := inbox.recv()) is not None:
            outbox.send(annotate_batch(nlp, batch, batch_size, name_of))
    except (EOFError, BrokenPipeError):
        pass  # the parent stopped listening: nothing left to do
    finally:
        outbox.close()


class WorkerPool:
    """``processes`` workers running ``nlp`` over batches, results in input order."""

    def __init__(
        self, nlp: Language, processes: int, *, batch_size: int, name_of: Callable[[Any], str]
    ):
        context = multiprocessing.get_context()
        self.procs: list[Any] = []
        self.inboxes: list[Connection] = []
        self.outboxes: list[Connection] = []
        parent = os.getpid()
        # SIGINT blocked (not ignored: one that arrives now is delivered just after) while the
        # workers are forked, so none of them runs a moment with the default Ctrl+C handler.
        blocked = _block_ctrl_c()
        try:
            for _ in range(processes):
                inbox_r, inbox_w = context.Pipe(duplex=False)
                outbox_r, outbox_w = context.Pipe(duplex=False)
                proc = context.Process(
                    target=_work, args=(nlp, inbox_r, outbox_w, parent, batch_size, name_of),
                    name="annotator-worker", daemon=True,
                )  # fmt: skip
                self.procs.append(proc)
                proc.start()
                inbox_r.close()
                outbox_w.close()
                self.inboxes.append(inbox_w)
                self.outboxes.append(outbox_r)
        except BaseException:
            self.stop()  # the workers started so far
            raise
        finally:
            if blocked is not None:
                signal.pthread_sigmask(signal.SIG_SETMASK, blocked)

    def run(self, batches: Iterator[list[tuple[str, Any]]]) -> Iterator[list[Result[Any]]]:
        """Each worker holds one batch at a time: a worker never blocks sending results while
        the parent blocks sending it work, so the two can never wait for each other."""
        busy: list[int] = []  # workers in the order their batches were handed out
        for worker, batch in zip(range(len(self.procs)), batches, strict=False):
            self.inboxes[worker].send(batch)
            busy.append(worker)
        while busy:
            worker = busy.pop(0)
            yield self._receive(worker)
            batch = next(batches, [])
            if batch:
                self.inboxes[worker].send(batch)
                busy.append(worker)

    def _receive(self, worker: int) -> list[Result[Any]]:
        try:
            results: list[Result[Any]] = self.outboxes[worker].recv()
            return results
        except (EOFError, OSError):
            proc = self.procs[worker]
            proc.join(STOP_GRACE)
            raise ModelError(
                f"a worker process ended unexpectedly (exit code {proc.exitcode}); run again, "
                "perhaps with fewer --processes (each needs memory for a whole pipeline)"
            ) from None

    def stop(self) -> None:
        """End every worker (at once, without waiting for its batch) and free the pipes."""
        with _no_ctrl_c():
            for proc in self.procs:
                if proc.is_alive():
                    proc.terminate()
            deadline = time.monotonic() + STOP_GRACE
            for proc in self.procs:
                proc.join(max(0.0, deadline - time.monotonic()))
                if proc.is_alive():
                    proc.kill()
                    proc.join()
            for conn in [*self.inboxes, *self.outboxes]:
                conn.close()


def _block_ctrl_c() -> set[Any] | None:
    """Block SIGINT in this thread (where the platform can); return the previous mask."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})


@contextlib.contextmanager
def _no_ctrl_c() -> Iterator[None]:
    """A second Ctrl+C while the workers are being stopped changes nothing (no traceback)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def annotate_in_processes(
    nlp: Language,
    items: Iterable[tuple[str, C]],
    *,
    processes: int,
    batch_size: int = 32,
    name_of: Callable[[C], str] = str,
) -> Generator[Result[C], None, None]:
    """:func:`annotate_texts` over ``processes`` worker processes; the same results, in order."""
    source = iter(items)
    batches = iter(lambda: list(islice(source, batch_size)), [])
    pool = WorkerPool(nlp, processes, batch_size=batch_size, name_of=name_of)
    try:
        for results in pool.run(batches):
            yield from results
    finally:
        pool.stop()
