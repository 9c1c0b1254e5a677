"""The one way errors reach the user: user errors as one line, bugs with their traceback logged.

Message boxes are non-modal and can be switched off for headless runs and tests
(``messages.boxes_enabled = False``); the status bar line is always written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.errors import AnnotatorError, StoreError

log = logging.getLogger("annotator.gui")

#: Show message boxes (off for headless tests); status-bar lines are always shown.
boxes_enabled = True

BUSY = "The project is busy (another program is writing); try again in a moment"


def is_busy(exc: BaseException) -> bool:
    """The store could not get the write lock: another process holds it (not a bug)."""
    return isinstance(exc, StoreError) and "busy" in str(exc)


def describe(exc: BaseException) -> str:
    """One line for the user."""
    if is_busy(exc):
        return BUSY
    if isinstance(exc, AnnotatorError):
        return str(exc)
    return f"Something went wrong ({type(exc).__name__}: {exc}); the details are in the log."


def show_exception(
    exc: BaseException,
    *,
    parent: QWidget | None = None,
    status: Callable[[str], None] | None = None,
    title: str = "Annotator",
) -> str:
    """Tell the user about ``exc``; returns the line shown.

    An :class:`AnnotatorError` is the user's to fix: one line in the status bar. Anything else
    is a bug: its traceback goes to the log and a non-modal box says so.
    """
    line = describe(exc)
    if status is not None:
        status(line)
    if not isinstance(exc, AnnotatorError):
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        show_message(line, parent=parent, title=title, icon=QMessageBox.Icon.Critical)
    return line


def show_message(
    text: str,
    *,
    parent: QWidget | None = None,
    title: str = "Annotator",
    icon: QMessageBox.Icon = QMessageBox.Icon.Information,
    details: str = "",
) -> QMessageBox | None:
    """A non-modal message box (None when boxes are switched off)."""
    if not boxes_enabled:
        log.info("%s: %s", title, text)
        return None
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box
