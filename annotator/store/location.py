"""Where the project database lives (docs/design.md §4): ``--db``, ``ANNOTATOR_DB`` or the
default."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from annotator.config import APP_NAME, DB_ENV, DB_FILENAME


def default_db_path() -> Path:
    """``annotator.db`` in the user data directory."""
    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def resolve_db_path(cli_value: str | os.PathLike[str] | None) -> tuple[Path, bool]:
    """The database to use and whether it is the default one (which may be filled with samples).

    ``--db`` wins over ``ANNOTATOR_DB``, which wins over the default location.
    """
    if cli_value:
        return Path(cli_value), False
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env), False
    return default_db_path(), True
