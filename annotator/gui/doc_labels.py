"""The document-labels panel: the story's categories (topic, frame, tone) while reading.

One checkable button per category of the label scheme, grouped by set; a category's number key
(bound through bindings.py) or a click sets or clears it for the open document in the
annotator's layer. Each change is a :class:`~annotator.ops.doc_labels.ToggleCategory` pushed on
the document's undo stack (``push``, the window's UndoManager), so Ctrl+Z takes it back; the
window shows the result again (:meth:`show_document`) when the edit, its undo or redo is done.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from annotator.model import Label
from annotator.ops.doc_labels import ToggleCategory, category_sets
from annotator.ops.edit_core import Edit
from annotator.store import Store


class DocumentLabelsPanel(QWidget):
    def __init__(
        self, *, store: Store, annotator: str, categories: list[Label],
        push: Callable[[Edit], bool], parent: QWidget | None = None,
    ):  # fmt: skip
        super().__init__(parent)
        self.setObjectName("documentLabels")
        self.store = store
        self.annotator = annotator
        self.push = push
        self.document_id: int | None = None
        self.buttons: dict[str, QPushButton] = {}
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(4)
        self.set_categories(categories)

    def set_categories(self, categories: list[Label]) -> None:
        """One button per category, by set, replacing those shown (the scheme was edited)."""
        row = self.row
        while row.count():
            item = row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons = {}
        for group, labels in category_sets(categories).items():
            row.addWidget(QLabel(f"{group}:"))
            for label in labels:
                text = f"{label.key} {label.name}" if label.key else label.name
                button = QPushButton(text, objectName=f"category:{label.name}")
                button.setCheckable(True)
                button.setToolTip(label.description)
                button.clicked.connect(lambda _on=False, n=label.name: self.toggle(n))
                row.addWidget(button)
                self.buttons[label.name] = button
        row.addStretch(1)
        self.setVisible(bool(self.buttons))
        self.show_document(None)

    def show_document(self, document_id: int | None) -> None:
        self.document_id = document_id
        current = (
            {} if document_id is None
            else self.store.document_labels(document_id, self.annotator)
        )  # fmt: skip
        for name, button in self.buttons.items():
            button.setEnabled(document_id is not None)
            button.setChecked(current.get(name) == "accept")

    def toggle(self, name: str) -> None:
        """Set or clear category ``name`` of the open document (a number key, a click)."""
        if self.document_id is None:
            self.show_document(None)
            return
        document_id = self.document_id
        if not self.push(ToggleCategory(document_id, self.annotator, name=name)):
            self.show_document(document_id)  # refused (shown by push): the buttons as saved
