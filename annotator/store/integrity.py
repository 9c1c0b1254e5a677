"""Noticing a damaged project before writing into it.

On every clean close the project file's size and modification time are recorded in the user's
state folder (not in the file, which would change it again, nor beside it: one file is one
project). A project whose file changed since its last clean close (a crash, a copy, another
program, a disk fault) gets ``PRAGMA quick_check`` on open; one that fails it is refused for
writing, with how to recover. ``quick_check`` reads every page once: about a second per few
hundred MB, paid only after an unclean stop.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from pathlib import Path

from platformdirs import user_state_dir

from annotator.config import APP_NAME
from annotator.errors import StoreError

#: Environment variable naming another folder for the record (tests, portable installs).
STATE_ENV = "ANNOTATOR_STATE_DIR"
#: Entries kept; the oldest go first (a researcher has a handful of projects, tests thousands).
MAX_ENTRIES = 200


def _state_file() -> Path:
    folder = os.environ.get(STATE_ENV) or user_state_dir(APP_NAME, appauthor=False)
    return Path(folder) / "clean-close.json"


def _key(path: Path) -> str:
    return os.fsdecode(path.resolve()).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _signature(path: Path) -> list[int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def _load() -> dict[str, list[int]]:
    try:
        data = json.loads(_state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def changed_since_clean_close(path: Path) -> bool:
    """True unless the file is exactly as its last clean close left it."""
    signature = _signature(path)
    return signature is None or _load().get(_key(path)) != signature


def record_clean_close(path: Path) -> None:
    """Remember the file as it is now; best effort (a read-only home only costs a check)."""
    signature = _signature(path)
    if signature is None:
        return
    state = _state_file()
    entries = _load()
    entries.pop(_key(path), None)
    entries[_key(path)] = signature
    entries = dict(list(entries.items())[-MAX_ENTRIES:])
    try:
        state.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".clean-close.", dir=state.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(entries, f)
        os.replace(tmp, state)
    except OSError:
        return


def recover_hint(path: Path | None = None) -> str:
    """How to rescue a damaged project with SQLite's own tool."""
    return (
        f"to rescue what it holds, run: sqlite3 {path or 'PROJECT.db'} .recover | "
        "sqlite3 recovered.db, then use --db recovered.db"
    )


def quick_check(conn: sqlite3.Connection, path: Path) -> None:
    """Raise :class:`StoreError` if SQLite finds the file damaged."""
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as exc:
        rows = [str(exc)]
    if rows != ["ok"]:
        found = " ".join(" ".join(rows).split())[:200]
        raise StoreError(
            f"{path}: the project file is damaged ({found}); nothing was "
            f"written to it; {recover_hint(path)}"
        )
