"""spaCy DocBin (``.spacy``): training data for ``spacy train``, and its import.

Each document becomes a ``Doc`` tokenised by ``spacy.blank(lang)``:

* entities in ``doc.ents``; an entity that does not align to tokens is counted in the report,
  left out, and its tokens are marked *missing* (not "O") so training is not told it is no entity;
* QUOTE, SPEAKER, CUE spans in ``doc.spans["quotes"]``, ``["speakers"]``, ``["cues"]``, and
  BOILERPLATE in ``doc.spans["boilerplate"]`` when asked;
* ``doc.user_data["annotator"]``: a JSON string with the document's name, title, layer, status,
  meta,
  every written span's ``[start, end, label, source, reviewed, attrs]`` (speaker names live in
  attrs) and relations ``[head, child, label]`` as indices into that list.

The file is written as a stream: token arrays go to temporary files and are assembled into the
DocBin layout (zlib-compressed msgpack, spaCy's ``DocBin.to_bytes``) at the end, so memory
stays flat however many documents are exported. The reader loads the file whole, as spaCy does;
span groups other than the four above are not imported.
"""

from __future__ import annotations

import json
import struct
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from annotator.errors import InputError
from annotator.formats.base import ReadItem, ReadOptions, WriteOptions, WriteReport
from annotator.formats.records import (
    default_source,
    display_name,
    finish_record,
    normalise_record_text,
    resolve_layer,
    span_source,
)
from annotator.formats.selection import atomic_output, select
from annotator.formats.tokenization import alignment_check, char_span, doc_for
from annotator.model import (
    BOILERPLATE,
    CUE,
    QUOTE,
    SPEAKER,
    DocumentRecord,
    RelationData,
    SpanData,
    is_entity,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: Span group of each non-entity label.
SPAN_GROUPS = {QUOTE: "quotes", SPEAKER: "speakers", CUE: "cues", BOILERPLATE: "boilerplate"}
USER_DATA_KEY = "annotator"
PAYLOAD_VERSION = 1
_CHUNK = 1 << 20


def write_docbin(
    records: Iterable[DocumentRecord], out: Path, options: WriteOptions
) -> WriteReport:
    report = WriteReport()
    with atomic_output(out, "wb") as f, _DocBinStream(Path(out).parent) as stream:
        for record in records:
            doc, payload = to_doc(record, options, report)
            stream.add(doc, {USER_DATA_KEY: json.dumps(payload, ensure_ascii=False)})
            report.documents += 1
        stream.finish(f)
    report.paths.append(Path(out))
    return report


def to_doc(
    record: DocumentRecord, options: WriteOptions, report: WriteReport
) -> tuple[Doc, dict[str, Any]]:
    """The Doc of one record and the payload stored in its user data."""
    doc = doc_for(record, options.lang)
    aligned = alignment_check(doc, report, fmt="spacy", name=record.name)
    missing_tokens: set[int] = set()

    def fits(span: SpanData) -> bool:
        if aligned(span):
            return True
        if is_entity(span.label):
            region = doc.char_span(span.start, span.end, alignment_mode="expand")
            if region is not None:
                missing_tokens.update(range(region.start, region.end))
        return False

    selection = select(record, options, report, fmt="spacy", fits=fits)
    ents: list[Span] = []
    groups: dict[str, list[Span]] = {name: [] for name in ("quotes", "speakers", "cues")}
    if options.include_boilerplate:
        groups["boilerplate"] = []
    for span in selection.spans:
        tokens = char_span(doc, span)
        assert tokens is not None  # select() kept aligned spans only
        if is_entity(span.label):
            ents.append(tokens)
            missing_tokens.difference_update(range(tokens.start, tokens.end))
        else:
            groups[SPAN_GROUPS[span.label]].append(tokens)
    doc.set_ents(ents, missing=[doc[i : i + 1] for i in sorted(missing_tokens)])
    for name, spans in groups.items():
        doc.spans[name] = spans
    payload = {
        "version": PAYLOAD_VERSION,
        "name": record.name,
        "title": record.title,
        "layer": record.layer,
        "status": record.status,
        "meta": record.meta,
        "spans": [
            [s.start, s.end, s.label, s.source, s.reviewed, s.attrs] for s in selection.spans
        ],
        "relations": [[r.head, r.child, r.label] for r in selection.relations],
    }
    return doc, payload


class _DocBinStream:
    """Writes the fields of ``DocBin.to_bytes`` from temporary files, one document at a time."""

    _ARRAYS = ("cats", "flags", "span_groups", "user_data")

    def __init__(self, folder: Path) -> None:
        from spacy.attrs import ENT_IOB, ENT_TYPE, ORTH
        from srsly import msgpack

        folder.mkdir(parents=True, exist_ok=True)
        self._tmp = tempfile.TemporaryDirectory(prefix=".docbin-", dir=folder)
        tmp = Path(self._tmp.name)
        self.attrs = [ORTH, ENT_IOB, ENT_TYPE]  # ORTH first, as DocBin requires
        self._packer = msgpack.Packer(use_bin_type=True)
        self._files: dict[str, IO[bytes]] = {
            name: (tmp / name).open("w+b")
            for name in ("tokens", "spaces", "lengths", *self._ARRAYS)
        }
        self.strings: set[str] = {""}
        self.count = 0

    def __enter__(self) -> _DocBinStream:
        return self

    def __exit__(self, *exc: object) -> None:
        for f in self._files.values():
            f.close()
        self._tmp.cleanup()

    def add(self, doc: Doc, user_data: dict[str, Any]) -> None:
        import numpy
        from spacy.attrs import SPACY

        array = doc.to_array(self.attrs).reshape((len(doc), len(self.attrs)))
        files = self._files
        files["tokens"].write(numpy.ascontiguousarray(array, dtype="uint64").tobytes("C"))
        files["spaces"].write(numpy.asarray(doc.to_array(SPACY), dtype=bool).tobytes("C"))
        files["lengths"].write(numpy.asarray([len(doc)], dtype="int32").tobytes("C"))
        self.strings.update(token.text for token in doc)
        self.strings.update(ent.label_ for ent in doc.ents)
        for group in doc.spans.values():
            self.strings.update(span.label_ for span in group)
        pack = self._packer.pack
        files["cats"].write(pack(doc.cats))
        files["flags"].write(pack({"has_unknown_spaces": doc.has_unknown_spaces}))
        files["span_groups"].write(pack(doc.spans.to_bytes()))
        files["user_data"].write(pack(self._packer.pack(user_data)))
        self.count += 1

    def finish(self, out: IO[bytes]) -> None:
        """Write the compressed DocBin: a msgpack map whose big values are copied from disk."""
        pack = self._packer.pack
        z = zlib.compressobj()
        fields: list[tuple[str, Any]] = [
            ("version", "0.1"),
            ("attrs", self.attrs),
            ("tokens", "bin"),
            ("spaces", "bin"),
            ("lengths", "bin"),
            ("strings", sorted(self.strings)),
            ("cats", "array"),
            ("flags", "array"),
            ("span_groups", "array"),
            ("user_data", "array"),
        ]
        out.write(z.compress(self._packer.pack_map_header(len(fields))))
        for key, value in fields:
            out.write(z.compress(pack(key)))
            if value == "bin":
                f = self._files[key]
                out.write(z.compress(_bin_header(f.tell())))
                self._copy(f, out, z)
            elif value == "array":
                out.write(z.compress(self._packer.pack_array_header(self.count)))
                self._copy(self._files[key], out, z)
            else:
                out.write(z.compress(pack(value)))
        out.write(z.flush())

    @staticmethod
    def _copy(src: IO[bytes], out: IO[bytes], z: Any) -> None:
        src.flush()
        src.seek(0)
        while chunk := src.read(_CHUNK):
            out.write(z.compress(chunk))


def _bin_header(size: int) -> bytes:
    if size < 1 << 8:
        return struct.pack(">BB", 0xC4, size)
    if size < 1 << 16:
        return struct.pack(">BH", 0xC5, size)
    return struct.pack(">BI", 0xC6, size)


def read_docbin(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    """Documents of a ``.spacy`` file: entities, the span groups above, and the stored payload."""
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    where = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            yield InputError(
                f"file is {size:,} bytes, over the {options.max_bytes:,}-byte limit", path=where
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(f"cannot read file: {exc.strerror}", path=where)
        return
    if not data:
        yield InputError("empty file, nothing to import", path=where)
        return
    too_big = _inflates_beyond(data, INFLATE_FACTOR * options.max_bytes)
    if too_big:
        yield InputError(too_big, path=where)
        return
    try:
        docbin = DocBin(store_user_data=True).from_bytes(data)
    except Exception as exc:  # any corrupt byte string: zlib, msgpack, numpy errors
        yield _not_a_docbin(exc, where)
        return
    file_name = display_name(path, options)
    docs = enumerate(docbin.get_docs(Vocab()), start=1)
    while True:
        try:
            number, doc = next(docs)
        except StopIteration:
            return
        except Exception as exc:  # a corrupt table: spaCy's KeyError E018, numpy errors, ...
            yield _not_a_docbin(exc, where)
            return
        try:
            yield _record(doc, number, path, file_name, options)
        except (TypeError, ValueError, IndexError, KeyError, AttributeError, RecursionError):
            yield InputError(
                f"document {number}: malformed {USER_DATA_KEY!r} user data", path=where
            )


#: A ``.spacy`` file may decompress to this many times the file size limit (real DocBins inflate
#: 2-4 times; a decompression bomb, a thousand times and more).
INFLATE_FACTOR = 5


def _inflates_beyond(data: bytes, limit: int) -> str | None:
    """Why ``data`` cannot be decompressed within ``limit`` bytes, or None. Inflated 1 MB at a
    time and thrown away, so a bomb costs one chunk of memory, not its inflated size."""
    inflater = zlib.decompressobj()
    total = 0
    chunk = 1 << 20
    try:
        total += len(inflater.decompress(data, chunk))
        while inflater.unconsumed_tail and total <= limit:
            total += len(inflater.decompress(inflater.unconsumed_tail, chunk))
    except zlib.error:
        return None  # not zlib data: spaCy's reader says what is wrong with it
    if total > limit:
        return (
            f"decompresses to over {limit:,} bytes ({INFLATE_FACTOR}x the file size limit); "
            "refused as a possible decompression bomb"
        )
    return None


def _not_a_docbin(exc: Exception, where: str) -> InputError:
    detail = str(exc.args[0]) if len(exc.args) == 1 else str(exc)
    detail = " ".join(detail.split())[:200] or type(exc).__name__
    return InputError(f"not a valid spaCy DocBin file: {detail}", path=where)


def _record(doc: Doc, number: int, path: Path, file_name: str, options: ReadOptions) -> ReadItem:
    where = str(path)
    payload: dict[str, Any] = {}
    raw = doc.user_data.get(USER_DATA_KEY)
    if isinstance(raw, str):
        try:
            payload = json.loads(raw)
        except (json.JSONDecodeError, RecursionError):
            return InputError(
                f"document {number}: unreadable {USER_DATA_KEY!r} user data", path=where
            )
    if not doc.text.strip():
        return InputError(f"document {number} has no text", path=where)
    layer = resolve_layer(options, payload.get("layer"))
    default = default_source(layer)
    stored = {(s[0], s[1], s[2]): i for i, s in enumerate(payload.get("spans") or [])}
    entries = payload.get("spans") or []
    found = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    for name in SPAN_GROUPS.values():
        if name in doc.spans:
            found.extend((s.start_char, s.end_char, s.label_) for s in doc.spans[name])
    spans: list[SpanData] = []
    index_of_stored: dict[int, int] = {}
    for key in sorted(found):
        i = stored.get(key)
        entry = entries[i] if i is not None else None
        if i is not None:
            index_of_stored[i] = len(spans)
        spans.append(
            SpanData(
                key[0], key[1], key[2],
                source=span_source(entry[3] if entry else None, default),
                reviewed=bool(entry[4]) if entry else False,
                attrs=dict(entry[5]) if entry and isinstance(entry[5], dict) else {},
            )
        )  # fmt: skip
    relations = [
        RelationData(index_of_stored[h], index_of_stored[c], label)
        for h, c, label in payload.get("relations") or []
        if h in index_of_stored and c in index_of_stored
    ]
    text, spans = normalise_record_text(doc.text, spans)
    record = DocumentRecord(
        name=payload.get("name") or f"{file_name}:{number}",
        text=text,
        title=payload.get("title"),
        meta=payload.get("meta") or {},
        spans=spans,
        relations=relations,
        layer=layer,
        status=payload.get("status"),
    )
    return finish_record(record, options, path, None)
