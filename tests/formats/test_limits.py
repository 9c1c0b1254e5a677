"""Memory bounds against hostile or huge inputs (issue 9, defect 6): a ``.spacy`` decompression
bomb is refused with a clear message before it is inflated, and a Prodigy JSONL export of a huge
document streams its tokens instead of building the whole line in memory."""

from __future__ import annotations

import json
import random
import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
import srsly

from annotator.errors import InputError
from annotator.formats import FORMATS, ReadOptions, WriteOptions
from annotator.formats.tokenization import doc_for
from annotator.model import DocumentRecord, SpanData
from annotator.ops.importing import import_paths
from annotator.store import Store


def _bomb(path: Path, inflated: int) -> int:
    """A valid-looking DocBin whose strings inflate to ``inflated`` bytes from a tiny file."""
    payload = srsly.msgpack_dumps(
        {"attrs": [], "tokens": b"", "spaces": b"", "lengths": b"", "strings": ["x" * inflated],
         "version": "0.1", "cats": [], "flags": []}
    )  # fmt: skip
    data = zlib.compress(payload, 9)
    path.write_bytes(data)
    return len(data)


def test_a_docbin_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    path = tmp_path / "bomb.spacy"
    size = _bomb(path, 400 * 1024 * 1024)
    assert size < 1024 * 1024
    reader = FORMATS["spacy"].reader
    assert reader is not None
    import spacy.tokens  # noqa: F401 - loaded outside the count

    tracemalloc.start()
    try:
        items = list(reader(path, ReadOptions()))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert "bomb.spacy" in str(items[0]) and "decompress" in str(items[0])
    assert peak < 20 * 1024 * 1024  # inflated a chunk at a time, never whole


def test_the_bomb_is_one_line_in_an_import_and_the_rest_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _bomb(folder / "bomb.spacy", 300 * 1024 * 1024)
    (folder / "good.txt").write_text("A good article.", encoding="utf-8")
    with Store(tmp_path / "p.db") as store:
        report = import_paths(store, [folder])
    assert report.imported == 1
    assert len(report.problems) == 1 and "bomb.spacy" in report.problems[0]


def test_an_oversized_docbin_file_is_refused_by_size(tmp_path: Path) -> None:
    path = tmp_path / "big.spacy"
    path.write_bytes(zlib.compress(random.Random(1).randbytes(2_000_000), 0))
    reader = FORMATS["spacy"].reader
    assert reader is not None
    items = list(reader(path, ReadOptions(max_bytes=1_000_000)))
    assert len(items) == 1 and "limit" in str(items[0])


def _huge_record(chars: int) -> DocumentRecord:
    rng = random.Random(6)
    words = ["The", "minister", "said", "London", "markets", "rose", "by", "5%", "on", "Monday."]
    parts: list[str] = []
    total = 0
    while total < chars:
        word = rng.choice(words)
        parts.append(word)
        total += len(word) + 1
    text = " ".join(parts)
    start = text.index("London")
    return DocumentRecord(
        name="huge", text=text, spans=[SpanData(start, start + 6, "GPE", source="human")]
    )


def _peak(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_a_prodigy_export_of_a_huge_document_streams_its_line(tmp_path: Path) -> None:
    record = _huge_record(2_000_000)
    out = tmp_path / "huge.jsonl"
    writer = FORMATS["prodigy"].writer
    assert writer is not None
    writer([_huge_record(1000)], out, WriteOptions())  # load the tokenizer outside the count
    doc_alone = _peak(lambda: doc_for(record, "en"))
    peak = _peak(lambda: writer([record], out, WriteOptions()))
    task = json.loads(out.read_text(encoding="utf-8"))
    assert task["text"] == record.text
    assert task["tokens"][0] == {"text": "The", "start": 0, "end": 3, "id": 0, "ws": True} or (
        task["tokens"][0]["start"] == 0
    )
    assert "".join(t["text"] + " " * t["ws"] for t in task["tokens"]) == record.text
    assert task["spans"][0]["label"] == "GPE"
    # The export costs about what spaCy's Doc of the text costs (the tokens' offsets and one chunk
    # of the line besides), not a dict per token plus the whole line (2.1x the Doc before).
    assert peak < 1.25 * doc_alone, f"{peak / doc_alone:.2f} times the Doc's own peak"
