"""The label palette: one button per label, in its colour, with its key."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLayout, QLayoutItem, QToolButton, QWidget

from annotator.model import Label


class FlowLayout(QLayout):
    """Lays children out in rows that wrap at the available width."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _place(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


def _text_color(background: QColor) -> str:
    return "#111111" if background.lightnessF() > 0.55 else "#ffffff"


class LabelPalette(QWidget):
    """Click a label to apply it, like pressing its key.

    Signals:
        label_chosen(str): the label's name.
    """

    label_chosen = Signal(str)

    def __init__(self, *, labels: Sequence[Label], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("palette")
        self.buttons: dict[str, QToolButton] = {}
        self.flow = flow = FlowLayout(self)
        flow.setContentsMargins(0, 2, 0, 2)
        self.set_labels(labels)

    def set_labels(self, labels: Sequence[Label]) -> None:
        """One button per label, replacing those shown (the scheme was edited)."""
        for button in self.buttons.values():
            self.flow.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        flow = self.flow
        for label in labels:
            button = QToolButton(self)
            key = f"  {label.key.upper()}" if label.key else ""
            button.setText(f"{label.name}{key}")
            button.setToolTip(f"<b>{label.name}</b> ({label.kind}){key}<br>{label.description}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep the text selection
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            color = QColor(label.color)
            button.setStyleSheet(
                f"QToolButton {{ background: {label.color}; color: {_text_color(color)};"
                " border: 1px solid rgba(0,0,0,0.18); border-radius: 4px; padding: 3px 6px;"
                " font-size: 9pt; }"
                f"QToolButton:hover {{ border: 1px solid #1d4ed8; }}"
            )
            button.clicked.connect(lambda _=False, name=label.name: self.label_chosen.emit(name))
            flow.addWidget(button)
            self.buttons[label.name] = button
