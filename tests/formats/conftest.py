"""Sample records, golden files and comparison helpers for the format tests.

Golden files live in tests/data/formats/; run with ``ANNOTATOR_UPDATE_GOLDEN=1`` to rewrite them
after a deliberate change of a format (and review the diff).
"""

from __future__ import annotations

import filecmp
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from annotator.errors import InputError
from annotator.formats import FORMATS, ReadOptions, WriteOptions
from annotator.model import BOILERPLATE, DocumentRecord, RelationData, SpanData

DATA = Path(__file__).resolve().parent.parent / "data" / "formats"
UPDATE = os.environ.get("ANNOTATOR_UPDATE_GOLDEN") == "1"

TEXT = (
    "𝕏 Shadow minister Imran Hussain has quit Labour’s frontbench in protest at "
    "Sir Keir Starmer’s position 😀.\n"
    "In his resignation letter, Mr Hussain said: “It has become clear that my view on Gaza "
    "differs substantially.\n"
    "“I believe the party needs to go further 😀 and call for a ceasefire.”\n"
    "Please use Chrome browser for a more accessible video player\n"
    "The MP for Bradford East visited Washington on Thursday."
)


def at(text: str, needle: str, label: str, source: str = "model", **kw: Any) -> SpanData:
    start = text.index(needle)
    return SpanData(start, start + len(needle), label, source, **kw)


def hussain() -> DocumentRecord:
    """A news paragraph: entities, a two-paragraph quote with speaker, cue and speaker name,
    a boilerplate line, astral characters before and inside spans."""
    quote_start = TEXT.index("“It has")
    quote_end = TEXT.index("ceasefire.”") + len("ceasefire.”")
    spans = [
        SpanData(quote_start, quote_end, "QUOTE", "human", {"speaker_name": "Imran Hussain"}, True),
        at(TEXT, "Mr Hussain", "SPEAKER", "human"),
        at(TEXT, "said", "CUE"),
        at(TEXT, "Imran Hussain", "PERSON"),
        at(TEXT, "Labour", "ORG"),
        at(TEXT, "Keir Starmer", "PERSON", "human", reviewed=True),
        at(TEXT, "Mr Hussain", "PERSON", "human"),
        at(TEXT, "Gaza", "GPE"),
        at(TEXT, "Please use Chrome browser for a more accessible video player", BOILERPLATE),
        at(TEXT, "Chrome", "PRODUCT"),
        at(TEXT, "Bradford East", "GPE", "human"),
        at(TEXT, "Washington", "GPE"),
        at(TEXT, "Thursday", "DATE"),
    ]
    return DocumentRecord(
        name="politics/hussain.txt",
        text=TEXT,
        title=TEXT.split("\n")[0],
        meta={"encoding": "utf-8", "topic": "politics", "tags": ["labour", "gaza"]},
        spans=spans,
        relations=[RelationData(0, 1, "SPEAKER"), RelationData(0, 2, "CUE")],
        layer="alice",
        status="done",
        id=12,
    )


def davey() -> DocumentRecord:
    """A model layer's predictions, no quotes."""
    text = "Sir Ed Davey, leader of the Liberal Democrats, said troops could go to Ukraine."
    return DocumentRecord(
        name="politics/davey.txt",
        text=text,
        meta={},
        spans=[
            at(text, "Ed Davey", "PERSON"),
            at(text, "the Liberal Democrats", "ORG"),
            at(text, "Ukraine", "GPE"),
        ],
        layer="model:en_core_web_sm@3.8.0",
        id=13,
    )


def sample_records() -> list[DocumentRecord]:
    return [hussain(), davey()]


def span_key(span: SpanData) -> tuple:
    return (span.start, span.end, span.label)


def canonical(record: DocumentRecord, *, boilerplate: bool = True) -> dict[str, Any]:
    """Everything a lossless format must keep, in an order-free form."""
    keep = [s for s in record.spans if boilerplate or s.label != BOILERPLATE]
    return {
        "name": record.name,
        "text": record.text,
        "title": record.title,
        "meta": record.meta,
        "layer": record.layer,
        "status": record.status,
        "spans": sorted(
            (s.start, s.end, s.label, s.source, s.reviewed, sorted(s.attrs.items())) for s in keep
        ),
        "relations": sorted(
            (span_key(record.spans[r.head]), span_key(record.spans[r.child]), r.label)
            for r in record.relations
        ),
    }


def entities(record: DocumentRecord) -> list[tuple[str, str]]:
    """(label, text with whitespace collapsed) of every entity, in text order."""
    return [
        (s.label, " ".join(record.text[s.start : s.end].split()))
        for s in sorted(record.spans, key=lambda s: s.start)
        if s.label not in ("QUOTE", "SPEAKER", "CUE", BOILERPLATE)
    ]


def read_all(fmt: str, path: Path, **options: Any) -> tuple[list[DocumentRecord], list[InputError]]:
    reader = FORMATS[fmt].reader
    assert reader is not None
    items = list(reader(path, ReadOptions(**options)))
    records = [i for i in items if isinstance(i, DocumentRecord)]
    errors = [i for i in items if isinstance(i, InputError)]
    return records, errors


def write(fmt: str, records: list[DocumentRecord], out: Path, **options: Any):
    writer = FORMATS[fmt].writer
    assert writer is not None
    return writer(iter(records), out, WriteOptions(**options))


def assert_same_tree(a: Path, b: Path) -> None:
    """Byte-identical files, or folders with the same files, byte-identical."""
    if a.is_file():
        assert a.read_bytes() == b.read_bytes(), f"{a} and {b} differ"
        return
    cmp = filecmp.dircmp(a, b)
    assert not cmp.left_only and not cmp.right_only, (cmp.left_only, cmp.right_only)
    for name in cmp.common_files:
        assert (a / name).read_bytes() == (b / name).read_bytes(), f"{name} differs"
    for sub in cmp.common_dirs:
        assert_same_tree(a / sub, b / sub)


def check_golden(written: Path, name: str, *, normalise: Callable[[bytes], bytes] | None = None):
    """Compare a written file with ``tests/data/formats/<name>`` (rewrite it when updating)."""
    golden = DATA / name
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(written.read_bytes())
    assert golden.exists(), f"missing golden file {golden}; run with ANNOTATOR_UPDATE_GOLDEN=1"
    got, want = written.read_bytes(), golden.read_bytes()
    if normalise is not None:
        got, want = normalise(got), normalise(want)
    assert got == want, f"{written} differs from the golden file {golden}"


@pytest.fixture
def records() -> list[DocumentRecord]:
    return sample_records()
