"""What every format module provides: a reader, a writer, or both, with their options.

Readers yield :class:`DocumentRecord` objects and, for bad input, :class:`InputError` objects
(yielded, not raised) so that one bad file or line never stops the rest of an import.
Writers take an iterable of records (streamed: never a list of the whole corpus) and return a
:class:`WriteReport` whose warnings say what the format could not hold.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import InputError
from annotator.model import DocumentRecord

#: Largest single input file accepted (bytes); bigger files are reported and skipped.
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass
class ReadOptions:
    #: Layer to put imported spans in (None: the format's own, else "gold").
    layer: str | None = None
    #: Status to give imported documents for that layer's annotator (e.g. "done").
    status: str | None = None
    #: CSV/TSV column holding the text.
    text_column: str = "text"
    max_bytes: int = MAX_FILE_BYTES
    #: Root the import started from, so names are relative to it ("business/001.txt").
    root: Path | None = None


@dataclass
class WriteOptions:
    #: Tag scheme for CoNLL: iob1, iob2 or bilou.
    scheme: str = "iob2"
    include_boilerplate: bool = False
    #: spaCy language code (or pipeline) used to tokenize for token-based formats.
    lang: str = "en"  # tokenization.DEFAULT_LANG
    #: spacy: write a folder of ``.spacy`` files of this many documents each (0: one file).
    docs_per_file: int = 0
    #: What imports kept about the corpus (Store.settings), e.g. a brat annotation.conf.
    settings: dict[str, str] = field(default_factory=dict)


@dataclass
class WriteReport:
    documents: int = 0
    #: Counted warnings: message -> how many times (never silent loss).
    warnings: Counter[str] = field(default_factory=Counter)
    #: Files written.
    paths: list[Path] = field(default_factory=list)

    def warn(self, message: str, count: int = 1) -> None:
        self.warnings[message] += count


class SkippedInput(InputError):
    """A record deliberately not imported (e.g. a Prodigy "reject"): reported, but not a fault."""


ReadItem = DocumentRecord | InputError
Reader = Callable[[Path, ReadOptions], Iterator[ReadItem]]
Writer = Callable[[Iterable[DocumentRecord], Path, WriteOptions], WriteReport]


@dataclass(frozen=True)
class Format:
    """A registered format: its name, the file suffixes it claims, its reader and writer."""

    name: str
    suffixes: tuple[str, ...] = ()
    reader: Reader | None = None
    writer: Writer | None = None
    #: True when the writer produces a folder rather than one file.
    writes_folder: bool = False

    @property
    def out_suffix(self) -> str:
        """Suffix an export file of this format gets by default ("" for folder formats)."""
        return "" if self.writes_folder or not self.suffixes else self.suffixes[0]
