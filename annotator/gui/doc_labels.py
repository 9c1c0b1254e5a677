"""The document-labels panel: the story's categories (topic, frame, tone) while reading.

One checkable button per category of the label scheme, grouped by set; a category's number key
(bound through bindings.py) or a click sets or clears it for the open document in the
annotator's layer. The writes go through :mod:`annotator.ops.doc_labels`.

Signals:
    changed(int): the labels of document ``id`` changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from annotator.model import Label
from annotator.ops.doc_labels import category_sets, toggle_category
from annotator.store import Store


class DocumentLabelsPanel(QWidget):
    changed = Signal(int)

    def __init__(
        self, *, store: Store, annotator: str, categories: list[Label],
        report_error: Callable[[BaseException], None], parent: QWidget | None = None,
    ):  # fmt: skip
        super().__init__(parent)
        self.setObjectName("documentLabels")
        self.store = store
        self.annotator = annotator
        self.report_error = report_error
        self.document_id: int | None = None
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
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
        try:
            toggle_category(self.store, self.document_id, self.annotator, name)
        except Exception as exc:  # shown to the user, the panel stays usable
            self.report_error(exc)
        self.show_document(self.document_id)
        self.changed.emit(self.document_id)
