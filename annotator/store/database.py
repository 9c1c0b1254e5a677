"""Opening a project file: connection settings, the project check, migrations, transactions."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from annotator.errors import StoreError
from annotator.store.schema import APP_MARKER, MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 10_000


def now() -> str:
    """A UTC timestamp with milliseconds, sortable as text."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def connect(path: Path, *, readonly: bool = False) -> sqlite_utils.Database:
    """Open (or create) the project at ``path``; raise :class:`StoreError` with one clear line."""
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a database file")
    exists = path.exists() and path.stat().st_size > 0
    if readonly and not exists:
        raise StoreError(f"{path}: no such project database")
    if not readonly and path.exists() and not _writable(path):
        raise StoreError(f"{path}: the database file is read-only; check its permissions")
    if not exists and not path.parent.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{path}: cannot create the folder: {exc.strerror}") from None
    try:
        if readonly:
            conn = _connect_readonly(path)
        else:
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not an Annotator project ({_reason(exc)})") from None
    db = sqlite_utils.Database(conn)
    if tables and "project" not in tables:
        conn.close()
        raise StoreError(
            f"{path}: a SQLite database, but not an Annotator project; choose another --db file"
        )
    if "project" in tables:
        marker = conn.execute("SELECT value FROM project WHERE key = 'app'").fetchone()
        if marker is None or marker[0] != APP_MARKER:
            conn.close()
            raise StoreError(f"{path}: not an Annotator project (missing project marker)")
    if version > SCHEMA_VERSION:
        conn.close()
        raise StoreError(
            f"{path}: made by a newer Annotator (schema {version}, this one knows "
            f"{SCHEMA_VERSION}); upgrade Annotator"
        )
    if version < SCHEMA_VERSION:
        if readonly:
            conn.close()
            raise StoreError(f"{path}: needs a schema upgrade but is opened read-only")
        migrate(db, version)
    return db


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """Read-only; on a read-only disk, where SQLite cannot make its WAL index, open it immutable."""
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(
        f"{uri}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
    )
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        if "unable to open" not in str(exc):
            raise
        conn.close()
        conn = sqlite3.connect(
            f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None, check_same_thread=False
        )
    return conn


def migrate(db: sqlite_utils.Database, version: int) -> None:
    """Run every migration after ``version``, each in its own transaction."""
    for number in range(version + 1, SCHEMA_VERSION + 1):
        try:
            db.execute("BEGIN IMMEDIATE")
            MIGRATIONS[number - 1](db)
            db.execute(f"PRAGMA user_version = {number}")
            db.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            db.conn.rollback()
            raise StoreError(f"cannot upgrade the database to schema {number}: {exc}") from None


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """One atomic unit of work. A nested use is a savepoint: its failure undoes only itself."""
    conn = db.conn
    if conn.in_transaction:
        name = f"sp{next(_savepoints)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
            raise
        conn.execute(f"RELEASE {name}")
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise StoreError(f"cannot write to the project: {_reason(exc)}") from None
    try:
        yield
    except sqlite3.OperationalError as exc:
        conn.rollback()
        raise StoreError(f"could not save: {_reason(exc)}") from None
    except BaseException:
        conn.rollback()
        raise
    else:
        try:
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            conn.rollback()
            raise StoreError(f"could not save: {_reason(exc)}") from None


_savepoints = itertools.count(1)


def _writable(path: Path) -> bool:
    import os

    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _reason(exc: sqlite3.DatabaseError) -> str:
    text = str(exc)
    if "file is not a database" in text:
        return "the file is not a SQLite database, or it is corrupt"
    if "readonly database" in text:
        return "the database is read-only (file permissions, a read-only disk, or opened read-only)"
    if "database is locked" in text:
        return "the database is busy in another program; try again"
    return text
