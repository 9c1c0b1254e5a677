"""Start the desktop app: the QApplication, the annotator's name, the project and the window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.config import APP_NAME, USER_ENV, default_annotator
from annotator.errors import AnnotatorError
from annotator.gui.dialogs import AnnotatorNameDialog
from annotator.gui.session import settings
from annotator.store import Store

SETTINGS_KEY = "annotator/name"

STYLE = """
QMainWindow, QSplitter { background: #f6f7f9; }
QLabel#documentTitle { font-size: 13pt; font-weight: 600; color: #111827; padding: 2px 4px; }
QLabel#documentState { color: #4b5563; padding: 2px 6px; }
QLabel#documentNote { background: #fff7d6; border: 1px solid #f0d98c; border-radius: 4px;
                      padding: 4px 8px; color: #5b4a12; }
QLabel#sectionTitle { font-weight: 600; color: #374151; padding: 4px 2px 0 2px; }
QLabel#busyLabel { color: #b45309; font-weight: 600; }
QTextEdit#textView { background: #ffffff; border: 1px solid #d1d5db; border-radius: 6px;
                     selection-background-color: #bfdbfe; selection-color: #111827; }
QTextEdit#textView:focus { border: 2px solid #2563eb; }
QTableView { background: #ffffff; alternate-background-color: #f9fafb; border: 1px solid #d1d5db;
             border-radius: 6px; selection-background-color: #dbeafe; selection-color: #111827; }
QTableView:focus { border: 2px solid #2563eb; }
QHeaderView::section { background: #f3f4f6; border: none; border-bottom: 1px solid #d1d5db;
                       padding: 4px 6px; font-weight: 600; color: #374151; }
QLineEdit, QComboBox { padding: 3px 6px; border: 1px solid #d1d5db; border-radius: 4px;
                       background: #ffffff; }
QLineEdit:focus, QComboBox:focus { border: 2px solid #2563eb; }
QComboBox { color: #111827; }
QComboBox QAbstractItemView { background: #ffffff; color: #111827; border: 1px solid #d1d5db;
                              selection-background-color: #dbeafe; selection-color: #111827;
                              outline: 0; }
QWidget#documentLabels QPushButton { padding: 3px 8px; border: 1px solid #d1d5db;
                                     border-radius: 4px; background: #ffffff; color: #111827; }
QWidget#documentLabels QPushButton:checked { background: #2563eb; border-color: #1d4ed8;
                                             color: #ffffff; }
QWidget#documentLabels QPushButton:disabled { color: #9ca3af; background: #f3f4f6; }
QStatusBar { background: #eef0f3; color: #1f2937; }
QStatusBar QLabel { padding: 0 8px; }
"""


def resolve_annotator(explicit: str | None = None) -> str:
    """Whose layer edits go to: given, ``ANNOTATOR_USER``, remembered, or asked once."""
    if explicit:
        return explicit
    if os.environ.get(USER_ENV):
        return default_annotator()
    remembered = settings().value(SETTINGS_KEY)
    if remembered:
        return str(remembered)
    name = AnnotatorNameDialog.ask(None, default_annotator()) or default_annotator()
    settings().setValue(SETTINGS_KEY, name)
    settings().sync()
    return name


def application() -> QApplication:
    """The QApplication, created once with the project's names, font and style."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Annotator")
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    app.setFont(font)
    app.setStyleSheet(STYLE)
    return app


def run_app(db_path: Path, *, is_default: bool, annotator: str | None = None) -> int:
    """Open the project at ``db_path`` in the desktop app; returns the exit code.

    On an empty *default* database the sample articles are imported and pre-annotated in the
    background; a database named with ``--db`` is never filled unasked.
    """
    from annotator.gui.main_window import MainWindow

    app = application()
    try:
        store = Store(db_path)
    except AnnotatorError as exc:
        QMessageBox.critical(None, "Annotator", str(exc))
        return 1
    name = resolve_annotator(annotator)
    window = MainWindow(store=store, annotator=name, is_default=is_default)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()
