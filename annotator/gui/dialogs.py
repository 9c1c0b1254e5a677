"""Small dialogs, each behind an ``ask()`` classmethod that tests replace.

Also the help windows: keyboard shortcuts from the bindings, guidelines from the label scheme.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.model import STATUS_FILTERS, Label


class AnnotatorNameDialog:
    """Asked once: whose layer the edits go to."""

    @classmethod
    def ask(cls, parent: QWidget | None, default: str) -> str | None:
        name, ok = QInputDialog.getText(
            parent, "Who is annotating?",
            "Your name (your corrections are kept in a layer of that name):",
            QLineEdit.EchoMode.Normal, default,
        )  # fmt: skip
        name = name.strip()
        return name if ok and name else None


class SpeakerNameDialog:
    """The full name of who is quoted (``attrs.speaker_name`` of the quote)."""

    @classmethod
    def ask(cls, parent: QWidget | None, current: str, people: Sequence[str]) -> str | None:
        items = list(dict.fromkeys([current, *people])) if current else list(dict.fromkeys(people))
        name, ok = QInputDialog.getItem(
            parent, "Speaker name", "Who says this quote (full name):", items or [""], 0, True
        )
        return name.strip() if ok else None


class PickMentionDialog(QDialog):
    """Choose one of the article's PERSON mentions: type to filter, arrows to move, Return."""

    def __init__(self, parent: QWidget | None, title: str, items: Sequence[str]):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Type part of the name…")
        self.listing = QListWidget(self)
        self.listing.addItems(list(items))
        self.listing.setCurrentRow(0)
        self.listing.itemDoubleClicked.connect(self.accept)
        self.filter.textChanged.connect(self._narrow)
        self.filter.installEventFilter(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.listing)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # wide enough for each mention's sentence, within the window it was opened from
        room = parent.window().width() * 9 // 10 if parent is not None else 900
        wanted = self.listing.sizeHintForColumn(0) + 2 * self.listing.frameWidth() + 40
        self.resize(max(560, min(wanted, room)), 360)
        for row in range(self.listing.count()):
            item = self.listing.item(row)
            item.setToolTip(item.text())

    def _narrow(self, text: str) -> None:
        """Keep the items whose name (before the context) contains every typed word."""
        words = text.casefold().split()
        first = -1
        for row in range(self.listing.count()):
            item = self.listing.item(row)
            name = item.text().split("  —  ", 1)[0].casefold()
            hidden = not all(w in name for w in words)
            item.setHidden(hidden)
            if not hidden and first < 0:
                first = row
        self.listing.setCurrentRow(first)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the filter line move in the list; Return picks."""
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                rows = [
                    r for r in range(self.listing.count()) if not self.listing.item(r).isHidden()
                ]
                if rows:
                    here = self.listing.currentRow()
                    at = rows.index(here) if here in rows else 0
                    at = max(0, min(len(rows) - 1, at + (1 if key == Qt.Key.Key_Down else -1)))
                    self.listing.setCurrentRow(rows[at])
                return True
        return super().eventFilter(watched, event)

    def chosen(self) -> int | None:
        row = self.listing.currentRow()
        if row < 0 or self.listing.item(row).isHidden():
            return None
        return row

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, items: Sequence[str]) -> int | None:
        dialog = cls(parent, title, items)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()


class _NoteEdit(QPlainTextEdit):
    """The note's text: Return starts a new line, Ctrl+Return saves (as it accepts elsewhere)."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class NoteDialog:
    """The annotator's free-text note on a document."""

    @classmethod
    def ask(cls, parent: QWidget | None, current: str) -> str | None:
        dialog = QDialog(parent)
        dialog.setWindowTitle("Note on this document")
        layout = QVBoxLayout(dialog)
        editor = _NoteEdit(current, dialog)
        editor.setPlaceholderText("Ctrl+Return saves, Esc cancels")
        editor.setTabChangesFocus(True)  # Tab reaches Save, as everywhere else
        editor.submitted.connect(dialog.accept)
        layout.addWidget(editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.resize(420, 220)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return editor.toPlainText()


class ImportDialog:
    """Which files or folder to import."""

    @classmethod
    def ask(cls, parent: QWidget | None, *, folder: bool) -> list[Path]:
        if folder:
            chosen = QFileDialog.getExistingDirectory(parent, "Import a folder")
            return [Path(chosen)] if chosen else []
        files, _ = QFileDialog.getOpenFileNames(
            parent, "Import files", "", "Articles (*.txt *.text *.jsonl *.csv *.tsv);;All (*)"
        )
        return [Path(f) for f in files]


@dataclass
class ExportChoice:
    format: str
    out: Path
    layer: str
    status: str
    split: str
    include_boilerplate: bool
    docs_per_file: int = 0  # spacy only: a folder of shards of this many documents; 0 = one file


class ExportDialog(QDialog):
    """Format, destination, layer, status and split of an export (and spacy's shard size)."""

    def __init__(self, parent: QWidget | None, formats: Sequence[str], annotator: str):
        super().__init__(parent)
        self.setWindowTitle("Export")
        form = QFormLayout(self)
        self.format = QComboBox(self)
        self.format.addItems(list(formats))
        self.out = QLineEdit(self)
        browse = QPushButton("Browse…", self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.out)
        row.addWidget(browse)
        self.layer = QComboBox(self)
        self.layer.addItems(["gold", annotator, "model"])
        self.status = QComboBox(self)
        self.status.addItems(STATUS_FILTERS)
        self.status.setCurrentText("done")
        self.split = QLineEdit(self)
        self.split.setPlaceholderText("e.g. train=0.8,dev=0.1,test=0.1 (empty: one file)")
        self.boilerplate = QCheckBox("Include boilerplate lines", self)
        # A single .spacy file holds the whole corpus in memory while it is written; shards of
        # N documents keep a large export small, as `export --docs-per-file N` does.
        self.docs_per_file = QSpinBox(self)
        self.docs_per_file.setRange(0, 1_000_000)
        self.docs_per_file.setSingleStep(100)
        self.docs_per_file.setSpecialValueText("one file")
        self.docs_per_file.setToolTip("spacy: write a folder of .spacy files of N documents each")
        self.format.currentTextChanged.connect(self._format_changed)
        self._format_changed(self.format.currentText())
        self.problem = QLabel("", self)
        self.problem.setObjectName("dialogProblem")
        self.problem.setStyleSheet("color: #b91c1c;")
        self.problem.hide()
        self.out.textChanged.connect(lambda _text: self.problem.hide())
        form.addRow("Format", self.format)
        form.addRow("Write to", row)
        form.addRow("Layer", self.layer)
        form.addRow("Documents", self.status)
        form.addRow("Split", self.split)
        form.addRow("Documents per file", self.docs_per_file)
        form.addRow("", self.boilerplate)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _format_changed(self, format_: str) -> None:
        self.docs_per_file.setEnabled(format_ == "spacy")

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, "Export to")
        if chosen:
            self.out.setText(chosen)

    def accept(self) -> None:
        """OK keeps the dialog (and every choice) open until it says where to write."""
        if not self.out.text().strip():
            self.problem.setText("Choose where to write the export: type a path or Browse…")
            self.problem.show()
            self.out.setFocus()
            return
        super().accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, formats: Sequence[str], annotator: str
    ) -> ExportChoice | None:
        dialog = cls(parent, formats, annotator)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return ExportChoice(
            dialog.format.currentText(), Path(dialog.out.text().strip()),
            dialog.layer.currentText(), dialog.status.currentText(), dialog.split.text().strip(),
            dialog.boilerplate.isChecked(),
            dialog.docs_per_file.value() if dialog.docs_per_file.isEnabled() else 0,
        )  # fmt: skip


def _help_window(parent: QWidget | None, title: str, body: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    layout = QVBoxLayout(dialog)
    browser = QTextBrowser(dialog)
    browser.setHtml(body)
    browser.setObjectName("helpText")
    layout.addWidget(browser)
    dialog.resize(620, 640)
    dialog.show()
    return dialog


def guidelines_html(labels: Sequence[Label]) -> str:
    """Annotation guidelines built from the label descriptions of the scheme."""
    parts = ["<h2>Annotation guidelines</h2>"]
    for label in labels:
        key = f" — key <b>{html.escape(label.key.upper())}</b>" if label.key else ""
        parts.append(
            f"<p><span style='background:{label.color}'>&nbsp;{html.escape(label.name)}"
            "&nbsp;</span>"
            f" <i>{html.escape(label.kind)}</i>{key}<br>{html.escape(label.description)}</p>"
        )
    return "".join(parts)


def show_help(parent: QWidget | None, title: str, body: str) -> QDialog:
    """A non-modal window with rich text."""
    return _help_window(parent, title, body)


__all__ = [
    "AnnotatorNameDialog",
    "ExportChoice",
    "ExportDialog",
    "ImportDialog",
    "NoteDialog",
    "PickMentionDialog",
    "SpeakerNameDialog",
    "guidelines_html",
    "show_help",
]  # fmt: skip
