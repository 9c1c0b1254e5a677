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

spaCy's own ``DocBin`` writes the file, so its layout follows the installed spaCy. A DocBin
holds its documents' token arrays in memory until written (about 25 bytes a token); with
``docs_per_file`` (``export --docs-per-file N``) the export is a folder of ``.spacy`` files of N
documents each, which ``spacy train`` reads as one corpus and which keeps memory flat however
large the corpus. The reader loads a file whole, as spaCy does (import a folder of shards to
read them all).

Span categories go to ``doc.spans[group]`` and come back from any span group not ours;
document labels are ``doc.cats`` (accept 1.0, reject 0.0); a partial annotation marks every
token outside its entities missing; other programs' JSON user data lands in
``meta["spacy_user_data"]``.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.errors import ExportError, InputError
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
from annotator.formats.staging import recover_stale, staged_folder
from annotator.formats.tokenization import alignment_check, char_span, doc_for
from annotator.model import (
    BOILERPLATE,
    CUE,
    QUOTE,
    SPEAKER,
    DocumentRecord,
    RelationData,
    SpanData,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, DocBin, Span

#: Token attributes stored: the text and the entity tags (ORTH first, as DocBin requires).
DOCBIN_ATTRS = ("ORTH", "ENT_IOB", "ENT_TYPE")
#: File names of a sharded export (``spacy train`` reads every ``.spacy`` file of a folder).
SHARD_NAME = re.compile(r"\d{5,}\.spacy")
#: Span group of each non-entity label.
SPAN_GROUPS = {QUOTE: "quotes", SPEAKER: "speakers", CUE: "cues", BOILERPLATE: "boilerplate"}
USER_DATA_KEY = "annotator"
#: The meta key holding other programs' ``doc.user_data`` (JSON values) until exported again.
OTHER_USER_DATA = "spacy_user_data"
PAYLOAD_VERSION = 1


def write_docbin(
    records: Iterable[DocumentRecord], out: Path, options: WriteOptions
) -> WriteReport:
    """One ``.spacy`` file, or a folder of them when ``options.docs_per_file`` is set."""
    report = WriteReport()
    if options.docs_per_file:
        return _write_shards(records, Path(out), options, report)
    with atomic_output(out, "wb") as f:
        docbin = _docbin()
        for record in records:
            docbin.add(_annotated_doc(record, options, report))
            report.documents += 1
        f.write(docbin.to_bytes())
    report.paths.append(Path(out))
    return report


def _docbin() -> DocBin:
    from spacy.tokens import DocBin

    return DocBin(attrs=list(DOCBIN_ATTRS), store_user_data=True)


def _annotated_doc(record: DocumentRecord, options: WriteOptions, report: WriteReport) -> Doc:
    doc, payload = to_doc(record, options, report)
    doc.user_data[USER_DATA_KEY] = json.dumps(payload, ensure_ascii=False)
    return doc


def _shards_in(folder: Path) -> set[str]:
    """The shard files of an earlier export in ``folder`` (replaced by the next export)."""
    return {p.name for p in folder.iterdir() if SHARD_NAME.fullmatch(p.name)}


def _write_shards(
    records: Iterable[DocumentRecord], out: Path, options: WriteOptions, report: WriteReport
) -> WriteReport:
    """A folder of ``00000.spacy``, ``00001.spacy``, ... of ``docs_per_file`` documents each.

    Only one shard is in memory at a time. The folder is built beside ``out`` and swapped in
    whole (formats/staging.py): an earlier export's shards go, anything else in it stays.
    """
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} is a file; with files of N documents the export is a folder")
    recover_stale(out, _shards_in)
    with staged_folder(out, _shards_in) as folder:
        docbin, shards = _docbin(), 0
        for record in records:
            docbin.add(_annotated_doc(record, options, report))
            report.documents += 1
            if len(docbin) == options.docs_per_file:
                docbin.to_disk(folder / f"{shards:05d}.spacy")
                docbin, shards = _docbin(), shards + 1
        if len(docbin) or not shards:
            docbin.to_disk(folder / f"{shards:05d}.spacy")
    report.paths.append(out)
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
        if span.is_entity:
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
        if span.is_entity:
            ents.append(tokens)
            missing_tokens.difference_update(range(tokens.start, tokens.end))
        else:
            groups.setdefault(span.group or SPAN_GROUPS[span.label], []).append(tokens)
    if record.partial:  # binary answers: every token outside the entities is unknown
        doc.set_ents(ents, default="missing")
    else:
        doc.set_ents(ents, missing=[doc[i : i + 1] for i in sorted(missing_tokens)])
    doc.cats = {label: 1.0 if answer == "accept" else 0.0
                for label, answer in record.categories.items()}  # fmt: skip
    for name, spans in groups.items():
        doc.spans[name] = spans
    meta = dict(record.meta)
    others = meta.pop(OTHER_USER_DATA, None)
    if isinstance(others, dict):  # other programs' user data go back where they came from
        doc.user_data.update({k: v for k, v in others.items() if k != USER_DATA_KEY})
    payload = {
        "version": PAYLOAD_VERSION,
        "name": record.name,
        "title": record.title,
        "layer": record.layer,
        "status": record.status,
        "meta": meta,
        "spans": [
            [s.start, s.end, s.label, s.source, s.reviewed, s.attrs, s.group]
            for s in selection.spans
        ],
        "partial": record.partial,
        "relations": [[r.head, r.child, r.label] for r in selection.relations],
    }
    return doc, payload


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
    found = [(e.start_char, e.end_char, e.label_, "") for e in doc.ents]
    ours = set(SPAN_GROUPS.values())
    for name, group in doc.spans.items():  # our groups hold built-in kinds; others are groups
        found.extend(
            (s.start_char, s.end_char, s.label_, "" if name in ours else name) for s in group
        )
    spans: list[SpanData] = []
    index_of_stored: dict[int, int] = {}
    for key in sorted(found):
        position = stored.get(key[:3])
        entry = entries[position] if position is not None else None
        if position is not None:
            index_of_stored[position] = len(spans)
        spans.append(
            SpanData(
                key[0], key[1], key[2],
                source=span_source(entry[3] if entry else None, default),
                reviewed=bool(entry[4]) if entry else False,
                attrs=dict(entry[5]) if entry and isinstance(entry[5], dict) else {},
                group=key[3],
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
        categories={str(k): "accept" if v >= 0.5 else "reject" for k, v in doc.cats.items()},
        partial=payload.get("partial") is True,
    )
    for data_key, value in doc.user_data.items():  # other programs' user data, if it is JSON
        if isinstance(data_key, str) and data_key != USER_DATA_KEY:
            try:
                json.dumps(value)
            except (TypeError, ValueError):
                record.import_notes["spacy: user_data that is not JSON left out"] = 1
                continue
            record.meta.setdefault(OTHER_USER_DATA, {})[data_key] = value
    return finish_record(record, options, path, None)
