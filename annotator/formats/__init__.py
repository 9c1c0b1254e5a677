"""Format registry: one reader and/or writer per format, looked up by name or by file.

``import`` and ``export`` find formats here; each format lives in its own module. For import,
:func:`detect_format` decides from the suffix and, for JSON(L) and CSV, from the first record:
a folder holding ``annotation.conf`` is a brat folder (read whole); a ``.txt`` beside an ``.ann``
is read through the ``.ann``; label files and brat's own files are passed by.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.formats import (
    brat,
    categories,
    conll,
    csvtsv,
    docbin,
    doccano,
    hf,
    jsonl,
    prodigy,
    quotes,
    text,
)
from annotator.formats.base import (
    Format,
    ReadOptions,
    SkippedInput,
    WriteOptions,
    WriteReport,
)

FORMATS: dict[str, Format] = {
    "text": Format("text", (".txt", ".text"), reader=text.read_text),
    "prodigy": Format(
        "prodigy", (".jsonl", ".json", ".ndjson"), reader=jsonl.read_jsonl,
        writer=prodigy.write_prodigy,
    ),
    "csv": Format("csv", (".csv", ".tsv"), reader=csvtsv.read_csv),
    "spacy": Format("spacy", (".spacy",), reader=docbin.read_docbin, writer=docbin.write_docbin),
    "conll": Format("conll", (".conll", ".iob", ".bio"), reader=conll.read_conll,
                    writer=conll.write_conll),
    "brat": Format("brat", (".ann",), reader=brat.read_brat, writer=brat.write_brat,
                   writes_folder=True),
    "hf": Format("hf", (".jsonl",), reader=hf.read_hf, writer=hf.write_hf),
    "doccano": Format("doccano", (".jsonl",), reader=jsonl.read_jsonl,
                      writer=doccano.write_doccano),
    "doc-labels-csv": Format("doc-labels-csv", (".csv",),
                             writer=categories.write_categories_csv),
    "quotes-jsonl": Format("quotes-jsonl", (".jsonl",), reader=quotes.refuse_import,
                           writer=quotes.write_quotes_jsonl),
    "quotes-csv": Format("quotes-csv", (".csv",), reader=quotes.refuse_import,
                         writer=quotes.write_quotes_csv),
}  # fmt: skip
#: Older names still accepted: ``jsonl`` named the Prodigy task format before it was ``prodigy``.
ALIASES: dict[str, str] = {"jsonl": "prodigy"}
#: Formats an export can write (the CLI's ``--format`` choices, the export dialog's list).
EXPORT_FORMATS = tuple(name for name, fmt in FORMATS.items() if fmt.writer is not None)
_PEEK_BYTES = 1 << 20


def get_format(name: str) -> Format:
    try:
        return FORMATS[ALIASES.get(name, name)]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise AnnotatorError(f"unknown format {name!r}; known formats: {known}") from None


def format_for_path(path: Path) -> Format | None:
    """The reader format a file's suffix claims, or None for files import should not read.

    Suffix only; :func:`detect_format` also looks inside and is what import should use.
    """
    suffix = path.suffix.lower()
    for fmt in FORMATS.values():
        if fmt.reader is not None and suffix in fmt.suffixes:
            return fmt
    return None


def detect_format(path: Path) -> Format | None:
    """The format to import ``path`` (file or folder) with, or None to pass it by."""
    path = Path(path)
    if path.is_dir():
        if (path / brat.CONF).exists() or (path / brat.MANIFEST).exists():
            return FORMATS["brat"]
        return None
    name, suffix = path.name.lower(), path.suffix.lower()
    if name.endswith(hf.LABELS_SUFFIX) or name == brat.MANIFEST or suffix == ".conf":
        return None
    if suffix in (".txt", ".text"):
        return None if path.with_suffix(".ann").exists() else FORMATS["text"]
    if suffix in FORMATS["prodigy"].suffixes:
        keys = _first_record_keys(path)
        if {"tokens", "ner_tags"} <= keys:
            return FORMATS["hf"]
        if quotes.is_quotes_row(keys) and "tokens" not in keys:
            return FORMATS["quotes-jsonl"]
        return FORMATS["prodigy"]
    if suffix in FORMATS["csv"].suffixes:
        header = _peek_text(path).split("\n", 1)[0].strip().lstrip("\ufeff")
        if header.startswith(",".join(quotes.CSV_COLUMNS[:4])):
            return FORMATS["quotes-csv"]
        return FORMATS["csv"]
    return format_for_path(path)


def _peek_text(path: Path) -> str:
    try:
        with path.open("rb") as f:
            data = f.read(_PEEK_BYTES)
    except OSError:
        return ""
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return data.decode("utf-16", errors="ignore")
    return data.decode("utf-8", errors="replace").lstrip("\ufeff")


def _first_record_keys(path: Path) -> set[str]:
    """Keys of the first JSON object in a JSONL file or a JSON array (empty if none)."""
    text = _peek_text(path).lstrip()
    if text.startswith("["):
        text = text[1:].lstrip()
    try:
        obj, _ = json.JSONDecoder().raw_decode(text)
    except (ValueError, RecursionError):
        return set()
    return set(obj) if isinstance(obj, dict) else set()


__all__ = ["ALIASES", "EXPORT_FORMATS", "FORMATS", "Format", "ReadOptions", "SkippedInput",
           "WriteOptions", "WriteReport", "detect_format", "format_for_path",
           "get_format"]  # fmt: skip
