"""One root exception; every message is meant for the user and names the file, line or document."""

from __future__ import annotations

import unicodedata


def printable(text: str) -> str:
    """``text`` as one line that any terminal or dialog can show: bytes of a file name that
    are not UTF-8 become ``\\xNN``, lone surrogates ``\\udNNN``, control characters ``\\n``..."""
    if text.isprintable():
        return text
    try:  # a file name's undecodable bytes come back as the bytes they were
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return "".join(
        ch.encode("unicode_escape").decode("ascii") if unicodedata.category(ch) == "Cc" else ch
        for ch in text
    )


class AnnotatorError(Exception):
    """Root of every error the tool reports to the user as one line (not a bug)."""


class InputError(AnnotatorError):
    """A file, line or record that cannot be imported."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        #: The message without the file and line, for grouping repeated problems.
        self.reason = printable(message)
        where = ""
        if path is not None:
            where = f"{printable(path)}:{line}: " if line is not None else f"{printable(path)}: "
        super().__init__(where + self.reason)


class SettingError(AnnotatorError):
    """A setting the user chose (a command-line option, a field of a dialog) cannot be used.

    ``setting`` names it in the library's words (``split``, ``status``); each front end says it
    in its own (the CLI as ``--split``), so messages never speak of one front end's controls.
    """

    def __init__(self, setting: str, message: str):
        self.setting = setting
        self.reason = message
        super().__init__(f"{setting}: {message}")


class SpanError(AnnotatorError):
    """A span or relation breaks an invariant (offsets, overlapping entities, unknown label)."""


class StoreError(AnnotatorError):
    """The database cannot be used: not a project, corrupt, read-only, too new."""


class NotFoundError(AnnotatorError):
    """A document, span, layer or label that does not exist."""


class ModelError(AnnotatorError):
    """A spaCy pipeline that cannot be found, loaded or trained."""


class ExportError(AnnotatorError):
    """An export that cannot be written."""


class SchemeError(AnnotatorError):
    """A label scheme (file or edit) that is not valid: unknown kind, bad field, clash."""


class EditConflict(AnnotatorError):
    """Undo or redo refused: what the edit touched was changed elsewhere since."""
