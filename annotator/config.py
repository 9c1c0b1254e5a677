"""Settings: where the project database lives, and who is annotating."""

from __future__ import annotations

import getpass
import os

APP_NAME = "annotator"
DB_ENV = "ANNOTATOR_DB"
USER_ENV = "ANNOTATOR_USER"
DB_FILENAME = "annotator.db"


def default_annotator() -> str:
    """The annotator name when none is given: ``ANNOTATOR_USER`` or the login name."""
    name = os.environ.get(USER_ENV)
    if name:
        return name
    try:
        return getpass.getuser() or "annotator"
    except (KeyError, OSError):
        return "annotator"
