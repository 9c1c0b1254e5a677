"""The fault suite's shared parts: the outcome tally, a project digest, hang detection.

``FAULTS_SCALE`` multiplies how many inputs each fault test tries (bench/faults.py runs the
suite at a larger scale); ``FAULTS_REPORT`` names a JSON-lines file each test appends its tally
to, from which bench/faults.py prints the table in bench/README.md.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import signal
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest

from annotator.store import Store

SCALE = float(os.environ.get("FAULTS_SCALE", "1"))
#: A message made from an exception the reader did not expect: a crash in disguise.
DISGUISED = re.compile(r"cannot read \((?!.*(?:Errno|No space|disk))\w+(Error|Exception)\b")


def scaled(n: int) -> int:
    return max(1, round(n * SCALE))


@dataclass
class Tally:
    """What happened to the inputs one fault test tried."""

    name: str
    inputs: int = 0
    clean_messages: int = 0
    clean_imports: int = 0
    tracebacks: int = 0
    hangs: int = 0
    data_lost: int = 0

    def save(self) -> None:
        report = os.environ.get("FAULTS_REPORT")
        if report:
            with open(report, "a", encoding="utf-8") as f:
                f.write(json.dumps(asdict(self)) + "\n")


@pytest.fixture
def tally(request: pytest.FixtureRequest) -> Iterator[Tally]:
    result = Tally(request.node.name)
    yield result
    result.save()
    assert (result.tracebacks, result.hangs, result.data_lost) == (0, 0, 0), result


class Hang(Exception):
    """An input that took longer than any input may."""


@contextlib.contextmanager
def hang_limit(seconds: int) -> Iterator[None]:
    """Raise :class:`Hang` in the main thread after ``seconds`` (a correctness bound only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def alarm(signum: int, frame: object) -> None:
        raise Hang(f"no answer after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def project_digest(db: Path) -> str:
    """Content of a project, independent of ids and of the order things were written in:
    every document's name and text with every layer's spans (offsets, label, source, attrs)
    and relations (by the spans they link)."""
    digest = hashlib.sha256()
    with Store(db, readonly=True) as store:
        docs = sorted(
            (store.document(doc_id) for doc_id in store.document_ids()), key=lambda d: d.name
        )
        layers = sorted(name for name, _ in store.layers())
        for doc in docs:
            digest.update(json.dumps([doc.name, doc.text]).encode())
            for layer in layers:
                spans, relations = store.annotations(doc.id, layer)
                keys = [(s.start, s.end, s.label, s.source, json.dumps(s.attrs, sort_keys=True))
                        for s in spans]  # fmt: skip
                links = sorted((keys[r.head], keys[r.child], r.label) for r in relations)
                digest.update(json.dumps([layer, sorted(keys), links]).encode())
    return digest.hexdigest()
