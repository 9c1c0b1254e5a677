"""One root exception; every message is meant for the user and names the file, line or document."""

from __future__ import annotations


class AnnotatorError(Exception):
    """Root of every error the tool reports to the user as one line (not a bug)."""


class InputError(AnnotatorError):
    """A file, line or record that cannot be imported."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(where + message)


class SpanError(AnnotatorError):
    """A span or relation breaks an invariant (offsets, overlapping entities, unknown label)."""


class StoreError(AnnotatorError):
    """The database cannot be used: not a project, corrupt, read-only, too new."""


class NotFoundError(AnnotatorError):
    """A document, span, layer or label that does not exist."""


class ModelError(AnnotatorError):
    """A spaCy pipeline that cannot be found or loaded."""


class ExportError(AnnotatorError):
    """An export that cannot be written."""
