"""Opening a project file: connection settings, the project check, migrations, transactions."""

from __future__ import annotations

import itertools
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from annotator.errors import StoreError
from annotator.store.integrity import changed_since_clean_close, quick_check, recover_hint
from annotator.store.schema import APP_MARKER, MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 10_000
#: Every commit is on disk before it returns (a power cut loses nothing the window showed).
EDIT_SYNC = "FULL"
#: Bulk work (imports, model runs) may lose its last batches on a power cut; it resumes.
BULK_SYNC = "NORMAL"


def now() -> str:
    """A UTC timestamp with milliseconds, sortable as text."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def connect(path: Path, *, readonly: bool = False) -> tuple[sqlite_utils.Database, bool]:
    """Open (or create) the project at ``path``; raise :class:`StoreError` with one clear line.

    Returns the database and whether its integrity was checked (see integrity.py). Nothing in
    the file changes before it is known to be a project (or empty): no WAL switch, no schema.
    """
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a database file")
    exists = path.exists() and path.stat().st_size > 0
    if readonly and not exists:
        raise StoreError(f"{path}: no such project database")
    if not readonly:
        _check_writable(path, exists)
    conn: sqlite3.Connection | None = None
    try:
        if readonly:
            conn = _connect_readonly(path)
        else:
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        _check_project(conn, path, tables)
        checked = False
        if not readonly and "project" in tables and changed_since_clean_close(path):
            quick_check(conn, path)
            checked = True
        if not readonly:
            _switch_to_wal(conn)
            conn.execute(f"PRAGMA synchronous = {EDIT_SYNC}")
    except (sqlite3.DatabaseError, StoreError) as exc:
        if conn is not None:
            conn.close()
        if isinstance(exc, StoreError):
            raise
        if _damaged(exc) or "database is locked" in str(exc):
            raise StoreError(f"{path}: {_reason(exc)}") from None
        raise StoreError(f"{path}: not an Annotator project ({_reason(exc)})") from None
    db = sqlite_utils.Database(conn)
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
    return db, checked


def _switch_to_wal(conn: sqlite3.Connection) -> None:
    """Put the file in WAL mode, waiting out another opener's write lock as the busy timeout would.

    The switch reads the file header under a shared lock and then takes the write lock; SQLite
    never waits on such an upgrade (two upgraders would deadlock), so it answers "database is
    locked" at once, without the busy timeout, while another connection holds the write lock:
    several processes creating one project together meet exactly that. The switch is retried
    until the busy timeout has passed. On a file already in WAL mode it changes nothing.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "database is locked" not in str(exc) or time.monotonic() > deadline:
                raise
            _wait_for_other_opener()


def _wait_for_other_opener() -> None:
    """The pause between two tries of the WAL switch (a test replaces it to stay off the clock)."""
    time.sleep(0.01)


def _check_project(conn: sqlite3.Connection, path: Path, tables: set[str]) -> None:
    """An empty file or an Annotator project; anything else is refused untouched."""
    if tables and "project" not in tables:
        raise StoreError(
            f"{path}: a SQLite database, but not an Annotator project; choose another --db file"
        )
    if "project" in tables:
        marker = conn.execute("SELECT value FROM project WHERE key = 'app'").fetchone()
        if marker is None or marker[0] != APP_MARKER:
            raise StoreError(f"{path}: not an Annotator project (missing project marker)")


def _check_writable(path: Path, exists: bool) -> None:
    """Say precisely what cannot be written: the file, or the folder SQLite keeps its journal in."""
    if not exists and not path.parent.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{path}: cannot create the folder: {exc.strerror}") from None
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreError(f"{path}: the database file is read-only; check its permissions")
    if not os.access(path.parent, os.W_OK | os.X_OK):
        what = "create a project in" if not path.exists() else "write the project's journal in"
        raise StoreError(
            f"{path.parent}: the folder is read-only, so Annotator cannot {what} it; "
            "check the folder's permissions or choose another --db location"
        )


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """Read-only; on a read-only disk, where SQLite cannot make its WAL index, open it immutable."""
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(
        f"{uri}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
    )
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        if "unable to open" not in str(exc) and "readonly" not in str(exc):
            raise
        conn.close()
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise StoreError(
                f"{path}: its folder is read-only and it holds changes not yet merged into the "
                f"file ({wal.name}); open it once where the folder is writable"
            ) from None
        conn = sqlite3.connect(
            f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None, check_same_thread=False
        )
    return conn


def migrate(db: sqlite_utils.Database, version: int) -> None:
    """Run every migration after ``version``, each in its own transaction.

    The version is read again inside each write transaction: another process may have created
    or upgraded the project since ``version`` was read."""
    for number in range(version + 1, SCHEMA_VERSION + 1):
        try:
            db.execute("BEGIN IMMEDIATE")
            if db.execute("PRAGMA user_version").fetchone()[0] >= number:
                db.execute("COMMIT")
                continue
            MIGRATIONS[number - 1](db)
            db.execute(f"PRAGMA user_version = {number}")
            db.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            if db.conn.in_transaction:
                db.conn.rollback()
            raise StoreError(f"cannot upgrade the database to schema {number}: {exc}") from None


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """One atomic unit of work. A nested use is a savepoint: its failure undoes only itself.

    SQLite rolls the whole transaction back by itself on some errors (a full disk, a corrupt
    page, I/O errors); the savepoint is then gone and the original error is what is reported.
    """
    conn = db.conn
    if conn.in_transaction:
        name = f"sp{next(_savepoints)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                try:
                    conn.execute(f"ROLLBACK TO {name}")
                    conn.execute(f"RELEASE {name}")
                except sqlite3.Error:
                    pass  # the transaction is already gone; the error below says why
            raise
        conn.execute(f"RELEASE {name}")
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot write to the project: {_reason(exc)}") from None
    try:
        yield
    except sqlite3.DatabaseError as exc:
        _rollback(conn)
        raise StoreError(f"could not save: {_reason(exc)}") from None
    except BaseException:
        _rollback(conn)
        raise
    else:
        try:
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            _rollback(conn)
            raise StoreError(f"could not save: {_reason(exc)}") from None


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        try:
            conn.rollback()
        except sqlite3.Error:
            pass  # the connection is unusable; the caller reports the first error


_savepoints = itertools.count(1)


@contextmanager
def bulk_writes(db: sqlite_utils.Database) -> Iterator[None]:
    """Commit with ``synchronous=NORMAL`` inside: a power cut may lose the last batches of an
    import or model run (which resume), never corrupt the file. Edits keep ``FULL``."""
    db.execute(f"PRAGMA synchronous = {BULK_SYNC}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA synchronous = {EDIT_SYNC}")


def _damaged(exc: sqlite3.DatabaseError) -> bool:
    return "malformed" in str(exc) or getattr(exc, "sqlite_errorcode", 0) == 11  # SQLITE_CORRUPT


def _reason(exc: sqlite3.DatabaseError) -> str:
    text = str(exc)
    if "file is not a database" in text:
        return "the file is not a SQLite database, or it is corrupt"
    if "readonly database" in text:
        return "the database is read-only (file permissions, a read-only disk, or opened read-only)"
    if "database is locked" in text:
        return "the database is busy in another program; try again"
    if _damaged(exc):
        return f"the project file is damaged ({text}); nothing more was written; {recover_hint()}"
    if "database or disk is full" in text:
        return "the disk is full; free some space and try again (nothing of this step was saved)"
    return text
