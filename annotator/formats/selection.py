"""What every writer does first: choose the spans and relations a format can hold, count the rest.

Spans come out sorted by offset (so a file read back and written again is identical);
relations are renumbered to the kept spans. Every span or relation left out is counted in the
report: never silent loss.
"""

from __future__ import annotations

import errno
import glob
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from annotator.errors import ExportError
from annotator.formats.base import WriteOptions, WriteReport
from annotator.model import BOILERPLATE, DocumentRecord, RelationData, SpanData


@dataclass
class Selection:
    """The spans (sorted) and relations (indices into ``spans``) a writer writes."""

    spans: list[SpanData]
    relations: list[RelationData]


def span_key(span: SpanData) -> tuple[int, int, str, str]:
    return (span.start, span.end, span.label, span.source)


def select(
    record: DocumentRecord,
    options: WriteOptions,
    report: WriteReport,
    *,
    fmt: str,
    holds: Callable[[SpanData], bool] | None = None,
    fits: Callable[[SpanData], bool] | None = None,
) -> Selection:
    """Keep the spans ``holds`` (by label: what the format can represent at all) and ``fits``
    (this span in this document, e.g. aligned to tokens: it reports its own warning)."""
    kept: dict[int, SpanData] = {}
    for i, span in enumerate(record.spans):
        if span.label == BOILERPLATE and not options.include_boilerplate:
            report.warn("BOILERPLATE spans left out (include boilerplate to keep them)")
            continue
        if holds is not None and not holds(span):
            report.warn(f"{fmt} cannot hold {span.label} spans: left out")
            continue
        if fits is not None and not fits(span):
            continue
        kept[i] = span
    order = sorted(kept, key=lambda i: span_key(kept[i]))
    new_index = {old: new for new, old in enumerate(order)}
    relations = []
    for rel in record.relations:
        if rel.head in new_index and rel.child in new_index:
            relations.append(
                RelationData(new_index[rel.head], new_index[rel.child], rel.label, rel.attrs)
            )
        else:
            report.warn(f"{fmt}: {rel.label} relations left out with a span they link")
    relations.sort(key=lambda r: (r.head, r.child, r.label))
    return Selection([kept[i] for i in order], relations)


def _read_umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


#: Read once at import (in the main thread): os.umask can only be read by setting it.
_UMASK = _read_umask()


def part_prefix(out: Path) -> str:
    """Temporary siblings are ``.NAME.PID.xxxx.part``: the process id tells a killed export's
    leftover from one still being written."""
    return f".{out.name}.{os.getpid()}."


def remove_stale_parts(out: Path) -> None:
    """Delete the ``.part`` files of ``out`` left by exports whose process is gone (kill -9)."""
    for part in out.parent.glob(f".{glob.escape(out.name)}.*.part"):
        pid = part.name[len(out.name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            part.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive
        return True
    return True


def why_not_written(out: Path, exc: OSError) -> str:
    """``cannot write OUT: ...``, naming a read-only folder as the reason when it is one."""
    folder = out.parent
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS) and not os.access(folder, os.W_OK):
        return f"cannot write {out}: {folder}: the folder is read-only; choose another output"
    return f"cannot write {out}: {exc.strerror or exc}"


@contextmanager
def atomic_output(out: Path, mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """Write ``out`` through a temporary file beside it, renamed into place on success only,
    so an interrupted export never leaves half a file under the real name."""
    out = Path(out)
    if out.is_dir():
        raise ExportError(f"{out} is a folder; this format writes one file")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_parts(out)
        fd, tmp = tempfile.mkstemp(prefix=part_prefix(out), suffix=".part", dir=out.parent)
    except OSError as exc:
        raise ExportError(why_not_written(out, exc)) from None
    if "b" not in mode:
        kwargs.setdefault("encoding", "utf-8")
        kwargs.setdefault("newline", "")
    try:
        with os.fdopen(fd, mode, **kwargs) as f:
            yield f
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; give the usual permissions
        os.replace(tmp, out)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExportError(why_not_written(out, exc)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_json_lines(
    records: Iterable[DocumentRecord],
    out: Path,
    rows: Callable[[DocumentRecord, WriteReport], Iterable[object]],
) -> WriteReport:
    """A JSON Lines file of each record's ``rows`` (one JSON value a line), written atomically."""
    report = WriteReport()
    with atomic_output(out) as f:
        for record in records:
            for row in rows(record, report):
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
            report.documents += 1
    report.paths.append(Path(out))
    return report
