"""Fuzz every importer: random bytes, random JSON, truncated and damaged real files.

Each input is imported into a project that already holds annotated documents. The outcome must
be a clean import or clean one-line messages naming the file: never an exception out of
``import_paths``, never a reader crash turned into a message ("cannot read (KeyError: …)"),
never a hang, and never a change to what the project held before.
"""

from __future__ import annotations

import json
import shutil
import string
import traceback
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.formats import EXPORT_FORMATS
from annotator.ops.export import export
from annotator.ops.importing import import_paths
from annotator.store import Store

from ..formats.conftest import hussain
from .conftest import DISGUISED, Hang, Tally, hang_limit, project_digest, scaled

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parent.parent / "data" / "formats"
#: File names whose suffix picks each importer (a .txt beside a fuzzed .ann: brat).
SUFFIXES = (".txt", ".jsonl", ".json", ".csv", ".tsv", ".conll", ".spacy", ".ann")
#: Keys the JSON readers look at, so random JSON reaches past the first check.
KEYS = ("text", "id", "title", "meta", "spans", "tokens", "ner_tags", "relations", "label",
        "labels", "start", "end", "token_start", "token_end", "answer", "entities", "head",
        "child", "start_offset", "end_offset", "_input_hash", "layer", "status", "document",
        "speaker", "cue", "attrs", "source", "ws", "cats", "accept", "options")  # fmt: skip
PER_TEST = scaled(100)
#: Pieces that break a file's structure where they are put.
SPLICES = [
    '"',
    "{",
    "]",
    "\n",
    "\t",
    "\\u",
    ",",
    "null",
    "-1",
    "9" * 30,
    "\x00",
    "é",
    "\ud800",
    "\\ud800",
]
TEXT_CHARS = st.characters(codec="utf-8") | st.sampled_from([*string.whitespace, "\ufeff", "\x00"])
CODECS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]
BRAT_TEXT = (DATA / "brat" / "politics" / "hussain.txt").read_bytes()
#: Seconds any single input may take (a correctness bound on a loaded machine).
LIMIT = 60

json_scalars = (
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.floats() | st.text(max_size=30)
)
json_values = st.recursive(
    json_scalars | st.sampled_from(["PERSON", "ORG", "QUOTE", "SPEAKER", "accept", ""]),
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), inner, max_size=6)
    ),
    max_leaves=25,
)
offsets = st.integers(-3, 60)
plausible_span = st.fixed_dictionaries(
    {"start": offsets, "end": offsets, "label": st.sampled_from(["PERSON", "QUOTE", "", "X\tY"])},
    optional={"token_start": offsets, "token_end": offsets, "text": st.text(max_size=5),
              "source": json_scalars, "attrs": json_values, "id": json_scalars},
)  # fmt: skip
#: Records that look right (a text, spans with offsets) so checks deeper in get reached.
plausible = st.fixed_dictionaries(
    {"text": st.text(min_size=1, max_size=60)},
    optional={"spans": st.lists(plausible_span, max_size=4), "meta": json_values,
              "id": json_scalars, "answer": st.sampled_from(["accept", "reject", "ignore", 3]),
              "relations": st.lists(st.dictionaries(st.sampled_from(KEYS), offsets), max_size=3),
              "tokens": st.lists(plausible_span, max_size=4), "label": json_values,
              "entities": st.lists(plausible_span, max_size=3), "ner_tags": json_values,
              "title": json_scalars},
)  # fmt: skip
records = plausible | st.dictionaries(st.sampled_from(KEYS), json_values, min_size=1, max_size=8)


class Fuzz:
    """A project with annotated documents, and the check every fuzzed input goes through."""

    def __init__(self, root: Path, tally: Tally):
        self.root = root
        self.tally = tally
        self.db = root / "project.db"
        self.store = Store(self.db)
        self.store.add_document("kept.txt", "Angela Merkel visited Paris on Monday.")
        import_paths(self.store, [DATA / "prodigy-rel.jsonl"])
        self.before = self._held()
        self.samples = self._real_exports()
        self.n = 0

    def _held(self) -> str:
        return project_digest(self.db)

    def _real_exports(self) -> dict[str, bytes]:
        """One real file per importable format, written by our own exporters."""
        out = self.root / "real"
        with Store(out.with_suffix(".db")) as store:
            doc_id, _ = store.add_document(hussain().name, hussain().text)
            spans, relations = hussain().spans, hussain().relations
            store.replace_annotations(doc_id, "gold", spans, relations)
            files: dict[str, bytes] = {}
            for fmt in EXPORT_FORMATS:
                if fmt.startswith("quotes") or fmt == "brat":
                    continue
                target = out / fmt / f"out{_suffix(fmt)}"
                export(store, format=fmt, out=target, status="all")
                files[f"{fmt}-{target.name}"] = target.read_bytes()
        for path in sorted(DATA.iterdir()):
            if path.is_file():
                files[path.name] = path.read_bytes()
        files["brat.ann"] = (DATA / "brat" / "politics" / "hussain.ann").read_bytes()
        return files

    def check(self, name: str, data: bytes, *, companion: bytes | None = None) -> None:
        """Import one fuzzed file (with a .txt companion for a .ann) and judge the outcome."""
        self.n += 1
        folder = self.root / f"in{self.n}"
        folder.mkdir()
        path = folder / name
        path.write_bytes(data)
        if companion is not None:
            path.with_suffix(".txt").write_bytes(companion)
        try:
            self.check_paths(name, [path], data)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def check_paths(self, name: str, paths: list[Path], data: bytes = b"") -> None:
        self.tally.inputs += 1
        try:
            with hang_limit(LIMIT):
                report = import_paths(self.store, paths)
        except Hang:
            self.tally.hangs += 1
            raise AssertionError(f"{name}: hangs on {data[:200]!r}") from None
        except Exception:
            self.tally.tracebacks += 1
            raise AssertionError(f"{name}: {data[:300]!r}\n{traceback.format_exc()}") from None
        for message in report.problems:
            if "\n" in message or DISGUISED.search(message) or not message.strip():
                self.tally.tracebacks += 1
                raise AssertionError(f"{name}: not a clean message: {message!r} for {data[:300]!r}")
        if report.problems:
            self.tally.clean_messages += 1
        else:
            self.tally.clean_imports += 1

    def finish(self) -> None:
        self.store.close()
        if not self._kept():
            self.tally.data_lost += 1

    def _kept(self) -> bool:
        """The documents and annotations held before the fuzzing are all still there."""
        fresh = self.root / "before.db"
        with Store(fresh) as store:
            store.add_document("kept.txt", "Angela Merkel visited Paris on Monday.")
            import_paths(store, [DATA / "prodigy-rel.jsonl"])
        return project_digest(fresh) == self.before and _contains(self.db, fresh)


def _contains(db: Path, reference: Path) -> bool:
    """Every document of ``reference`` is in ``db`` with the same text and annotations."""
    with Store(db, readonly=True) as big, Store(reference, readonly=True) as small:
        for doc_id in small.document_ids():
            doc = small.document(doc_id)
            match = big.find_by_hash(doc.content_hash)
            if match is None:
                return False
            for layer, _ in small.layers():
                ours, theirs = small.annotations(doc_id, layer), big.annotations(match, layer)
                if _keys(ours) != _keys(theirs):
                    return False
    return True


def _keys(annotations: tuple[Any, Any]) -> tuple[list[Any], list[Any]]:
    spans, relations = annotations
    keys = [(s.start, s.end, s.label, s.source, s.attrs) for s in spans]
    return sorted(map(repr, keys)), sorted(repr((keys[r.head], keys[r.child])) for r in relations)


def _suffix(fmt: str) -> str:
    from annotator.formats import get_format

    return get_format(fmt).out_suffix or ".out"


@pytest.fixture
def fuzz(tmp_path: Path, tally: Tally) -> Any:
    fuzzer = Fuzz(tmp_path, tally)
    yield fuzzer
    fuzzer.finish()


FUZZ = settings(max_examples=PER_TEST, deadline=None, database=None, derandomize=True,
                suppress_health_check=list(HealthCheck))  # fmt: skip


def test_random_bytes_under_every_importers_name(fuzz: Fuzz) -> None:
    @FUZZ
    @given(st.sampled_from(SUFFIXES), st.binary(max_size=3000))
    def run(suffix: str, data: bytes) -> None:
        companion = b"Some text of the document." if suffix == ".ann" else None
        fuzz.check(f"doc{suffix}", data, companion=companion)

    run()


def test_random_json_records(fuzz: Fuzz) -> None:
    @FUZZ
    @given(st.lists(records | json_values, min_size=1, max_size=4), st.sampled_from(
        [".jsonl", ".json"]), st.booleans())  # fmt: skip
    def run(lines: list[Any], suffix: str, as_array: bool) -> None:
        if suffix == ".json" or as_array:
            data = json.dumps(lines, ensure_ascii=False)
        else:
            data = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines)
        fuzz.check(f"doc{suffix}", data.encode("utf-8", "surrogatepass"))

    run()


def test_truncated_and_damaged_real_files(fuzz: Fuzz) -> None:
    names = sorted(fuzz.samples)

    @FUZZ
    @given(st.sampled_from(names), st.data())
    def run(sample: str, draw: st.DataObject) -> None:
        data = bytearray(fuzz.samples[sample])
        how = draw.draw(st.sampled_from(["truncate", "flip", "splice", "delete"]))
        at = draw.draw(st.integers(0, max(0, len(data) - 1)))
        if how == "truncate":
            data = data[:at]
        elif how == "flip":
            for _ in range(draw.draw(st.integers(1, 8))):
                i = draw.draw(st.integers(0, max(0, len(data) - 1)))
                if data:
                    data[i] = draw.draw(st.integers(0, 255))
        elif how == "splice":
            insert = draw.draw(st.sampled_from(SPLICES))
            data[at:at] = insert.encode("utf-8", "surrogatepass")
        else:
            end = draw.draw(st.integers(at, len(data)))
            del data[at:end]
        suffix = _sample_suffix(sample)
        companion = BRAT_TEXT if suffix == ".ann" else None
        fuzz.check(f"doc{suffix}", bytes(data), companion=companion)

    run()


def _sample_suffix(sample: str) -> str:
    return ".json" if sample.endswith(".labels.json") else Path(sample).suffix


def test_text_files_of_every_kind(fuzz: Fuzz) -> None:
    @FUZZ
    @given(st.text(alphabet=TEXT_CHARS, max_size=500), st.sampled_from(CODECS))
    def run(text: str, codec: str) -> None:
        fuzz.check("doc.txt", text.encode(codec, "replace"))

    run()


def test_random_csv_tables(fuzz: Fuzz) -> None:
    cell = st.text(max_size=20) | st.sampled_from(['"', '""', "a,b", "x\ny", "=1+1", ""])

    @FUZZ
    @given(
        st.lists(st.sampled_from(["text", "id", "title", "body", "", "text"]), min_size=1,
                 max_size=4),
        st.lists(st.lists(cell, max_size=5), max_size=5), st.sampled_from([",", ";", "\t", "|"]),
        st.sampled_from([".csv", ".tsv"]),
    )  # fmt: skip
    def run(header: list[str], rows: list[list[str]], sep: str, suffix: str) -> None:
        lines = [sep.join(header), *(sep.join(row) for row in rows)]
        fuzz.check(f"doc{suffix}", "\n".join(lines).encode("utf-8", "surrogatepass"))

    run()


def test_damaged_brat_folders(fuzz: Fuzz) -> None:
    """A brat folder whose manifest or .ann is damaged, imported as a folder."""
    brat = DATA / "brat"

    @FUZZ
    @given(st.sampled_from(["annotator-documents.jsonl", "politics/hussain.ann",
                            "annotation.conf"]), st.lists(records | json_values, max_size=3),
           st.binary(max_size=200), st.booleans())  # fmt: skip
    def run(victim: str, lines: list[Any], noise: bytes, as_json: bool) -> None:
        fuzz.n += 1
        folder = fuzz.root / f"brat{fuzz.n}"
        shutil.copytree(brat, folder)
        body = "\n".join(json.dumps(x) for x in lines).encode() if as_json else noise
        (folder / victim).write_bytes(body)
        fuzz.check_paths(victim, [folder])
        shutil.rmtree(folder, ignore_errors=True)

    run()
