"""Find in the open article: a search line above the text; a match becomes the text selection.

Typing selects the first match at or after the caret (no match: nothing stays selected);
Return (or F3) the next, Shift+Return the previous; Esc returns to the article with the match
still selected, so a label key labels it (a match that is exactly a span's text selects that
span: a label key relabels it).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from annotator.gui.text_view import TextView


class _FindLine(QLineEdit):
    def __init__(self, bar: FindBar):
        super().__init__(bar)
        self._bar = bar

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self._bar.step(not shift)
            return
        if key == Qt.Key.Key_Escape:
            self._bar.finish()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """The article's search line (hidden until Ctrl+F)."""

    def __init__(
        self, *, view: TextView, found: Callable[[int, int], None] | None = None,
        parent: QWidget | None = None,
    ):  # fmt: skip
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        #: Told each match after it is selected (the editor selects a span of exactly it).
        self._found = found
        self.line = _FindLine(self)
        self.line.setPlaceholderText("Find in article…  (Return: next, Esc: back to the text)")
        self.count = QLabel("", self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        row.addWidget(self.count)
        self.line.textEdited.connect(lambda _text: self._search(self._origin()))
        self.hide()

    def start(self) -> None:
        self.show()
        self.line.setFocus()
        self.line.selectAll()

    def finish(self) -> None:
        self.hide()
        self.view.setFocus()

    def _origin(self) -> int:
        selected = self.view.selection()
        return selected[0] if selected else self.view.caret()

    def step(self, forward: bool = True) -> None:
        """The next (or previous) match after the current one."""
        if not self.line.text():
            self.start()
            return
        selected = self.view.selection()
        here = self.view.caret() if selected is None else selected[0]
        self._search(here + 1 if forward else here - 1, forward=forward)

    def _search(self, origin: int, *, forward: bool = True) -> None:
        needle = self.line.text()
        if not needle:
            self.count.setText("")
            return
        pattern = re.compile(re.escape(needle), re.IGNORECASE)
        matches = [(m.start(), m.end()) for m in pattern.finditer(self.view.text)]
        if not matches:  # the last match is no longer what was asked for: a label key must
            self.count.setText("not found")  # not label it
            selected = self.view.selection()
            if selected is not None:
                self.view.place_caret(selected[0])
            return
        if forward:
            found = next((m for m in matches if m[0] >= origin), matches[0])
        else:
            found = next((m for m in reversed(matches) if m[0] <= origin), matches[-1])
        self.count.setText(f"{matches.index(found) + 1} of {len(matches)}")
        self.view.reveal(*found)
        self.view.select_text(*found)
        if self._found is not None:
            self._found(*found)
