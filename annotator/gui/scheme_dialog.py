"""The label-scheme dialog: the project's labels by kind, added, changed and removed in place.

Every change goes through :mod:`annotator.ops.scheme_edit` (names without control characters,
keys that clash with no other label and no command of the window, colours as #rrggbb) and is
saved to the project at once; a refusal is shown in the dialog, which stays open. ``changed``
tells the window to take up the new scheme (label keys, palette, colours).
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.model import LABEL_KINDS, Label
from annotator.ops.scheme import project_labels
from annotator.ops.scheme_edit import add_label, remove_label, update_label
from annotator.store import Store

#: Colour of a new label when none is given.
DEFAULT_COLOR = "#a3a3a3"


class SchemeDialog(QDialog):
    def __init__(
        self, *, store: Store, reserved: Collection[str], changed: Callable[[], None],
        parent: QWidget | None = None,
    ):  # fmt: skip
        super().__init__(parent)
        self.setObjectName("schemeDialog")
        self.setWindowTitle("Label scheme")
        self.store = store
        self.reserved = reserved
        self.changed = changed
        self.tree = QTreeWidget(objectName="schemeLabels")
        self.tree.setHeaderLabels(["label", "key", "colour", "description"])
        self.tree.currentItemChanged.connect(lambda item, _old: self._fill(item))
        self.name = QLineEdit(objectName="schemeName")
        self.kind = QComboBox(objectName="schemeKind")
        self.kind.addItems(list(LABEL_KINDS))
        self.key = QLineEdit(objectName="schemeKey", maxLength=1)
        self.color = QLineEdit(objectName="schemeColor", placeholderText=DEFAULT_COLOR)
        self.description = QLineEdit(objectName="schemeDescription")
        form = QFormLayout()
        fields = (("&Name", self.name), ("K&ind", self.kind), ("&Key", self.key),
                  ("&Colour", self.color), ("&Description", self.description))  # fmt: skip
        for text, widget in fields:
            form.addRow(text, widget)
        self.add_button = QPushButton("&Add label", objectName="schemeAdd")
        self.save_button = QPushButton("&Save changes", objectName="schemeSave")
        self.remove_button = QPushButton("&Remove label", objectName="schemeRemove")
        close = QPushButton("Close", objectName="schemeClose")
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove)
        close.clicked.connect(self.close)
        self.message = QLabel("", objectName="schemeMessage", wordWrap=True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.save_button, self.remove_button, close):
            buttons.addWidget(button)
        box = QVBoxLayout(self)
        box.addWidget(self.tree, 1)
        box.addLayout(form)
        box.addLayout(buttons)
        box.addWidget(self.message)
        self.resize(560, 520)
        self.refresh()

    def refresh(self, select: tuple[str, str] | None = None) -> None:
        """List the scheme by kind; select label ``(kind, name)`` when given."""
        self.tree.clear()
        kinds: dict[str, QTreeWidgetItem] = {}
        for label in project_labels(self.store):
            parent = kinds.get(label.kind)
            if parent is None:
                parent = kinds[label.kind] = QTreeWidgetItem(self.tree, [label.kind])
                parent.setExpanded(True)
            group = f" ({label.group})" if label.group else ""
            item = QTreeWidgetItem(
                parent, [label.name + group, label.key, label.color, label.description]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, label)
            if select == (label.kind, label.name):
                self.tree.setCurrentItem(item)
        for column in (0, 1, 2):  # names and keys in full; the description takes the rest
            self.tree.resizeColumnToContents(column)

    def _selected(self) -> Label | None:
        item = self.tree.currentItem()
        label = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        return label if isinstance(label, Label) else None

    def _fill(self, item: QTreeWidgetItem | None) -> None:
        label = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if isinstance(label, Label):
            self.name.setText(label.name)
            self.kind.setCurrentText(label.kind)
            self.key.setText(label.key)
            self.color.setText(label.color)
            self.description.setText(label.description)

    def _run(self, action: Callable[[], object], done: str, select: tuple[str, str] | None) -> None:
        try:
            action()
        except Exception as exc:  # a refusal: said in the dialog, nothing saved
            self.message.setText(str(exc))
            return
        self.message.setText(done)
        self.refresh(select)
        self.changed()

    def add(self) -> None:
        label = Label(
            self.name.text(), self.kind.currentText(), color=self.color.text() or DEFAULT_COLOR,
            key=self.key.text(), description=self.description.text(),
        )  # fmt: skip
        self._run(
            lambda: add_label(self.store, label, reserved=self.reserved),
            f"Added {label.name!r} ({label.kind})", (label.kind, label.name),
        )  # fmt: skip

    def save(self) -> None:
        label = self._selected()
        if label is None:
            self.message.setText("Choose a label in the list first")
            return
        self._run(
            lambda: update_label(
                self.store, label.kind, label.name, key=self.key.text(),
                color=self.color.text() or label.color, description=self.description.text(),
                reserved=self.reserved,
            ),
            f"Saved {label.name!r}", (label.kind, label.name),
        )  # fmt: skip

    def remove(self) -> None:
        label = self._selected()
        if label is None:
            self.message.setText("Choose a label in the list first")
            return
        self._run(
            lambda: remove_label(self.store, label.kind, label.name),
            f"Removed {label.name!r}", None,
        )  # fmt: skip
