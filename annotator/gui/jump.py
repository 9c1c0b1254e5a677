"""Jump hints in the article: one key (J) puts a short letter hint on every span and every
missed name (see :mod:`annotator.ops.candidates`) in view; typing a hint selects that span, or
selects that name so a label key adds it (its hint is white, a span's yellow). Any span on
screen is two or three keys away, so a review goes straight to the wrong suggestions and
Ctrl+Return accepts the rest.

While hints show, letters type hints (label keys and other one-letter commands wait),
Backspace takes a letter back, Esc drops the hints; any other key drops them and does what
it always does (Ctrl+Return still accepts the document).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from annotator.ops.candidates import candidates_between
from annotator.ops.hints import HINT_LETTERS, hint_names, narrow
from annotator.ops.span_rules import quoted

if TYPE_CHECKING:
    from annotator.gui.editor import DocumentEditor

#: A target: a span (its id) or a stretch of text without one (start, end).
Target = int | tuple[int, int]


class JumpHints(QObject):
    """Shows hints over the article view and turns typed letters into a selection."""

    def __init__(self, *, editor: DocumentEditor, parent: QObject | None = None):
        super().__init__(parent)
        self.editor = editor
        self.view = editor.view
        self.targets: dict[str, Target] = {}
        self.typed = ""
        self.view.installEventFilter(self)
        editor.spans_changed.connect(self._on_spans_changed)

    @property
    def active(self) -> bool:
        return bool(self.targets)

    def start(self) -> None:
        """Label every span and missed name in view with a hint."""
        view = self.view
        if self.editor.document_id is None or not view.text:
            self.editor.message.emit("Open a document first")
            return
        view.setFocus()
        first, last = view.visible_range()
        spans = [
            s for s in view.spans
            if s.id is not None and s.end > first and s.start < last and not s.group
        ]  # fmt: skip
        found: list[tuple[int, int, Target]] = [
            (max(s.start, first), -s.end, s.id) for s in spans if s.id is not None
        ]
        names = candidates_between(view.text, view.spans, first, last, tokens=self.editor.tokens)
        found += [(s, -e, (s, e)) for s, e in names]
        if not found:
            self.editor.message.emit("Nothing to jump to in view")
            return
        found.sort(key=lambda f: (f[0], f[1]))
        names_for = hint_names(len(found))
        self.targets = {
            hint: target for hint, (_s, _e, target) in zip(names_for, found, strict=True)
        }
        self.typed = ""
        self._show()
        missed = f" and {len(names)} name(s) without a span" if names else ""
        self.editor.message.emit(f"Type a hint: {len(spans)} span(s){missed} in view; Esc: no jump")

    def cancel(self, message: str = "") -> None:
        self.targets, self.typed = {}, ""
        self.view.set_hints({}, "")
        if message:
            self.editor.message.emit(message)

    def _on_spans_changed(self) -> None:
        if self.targets:  # another document, or the spans moved under the hints
            self.cancel()

    def _show(self) -> None:
        view = self.view
        places = {}
        for hint, target in self.targets.items():
            if not hint.startswith(self.typed):
                continue
            if isinstance(target, int):
                span = view.span(target)
                if span is None:
                    continue
                places[hint] = span.start
            else:
                places[hint] = target[0]
        plain = {h for h, t in self.targets.items() if not isinstance(t, int)}
        view.set_hints(places, self.typed, plain)

    def type_letter(self, letter: str) -> None:
        chosen, still = narrow(self.targets, self.typed + letter)
        if chosen is not None:
            self.cancel()
            self._select(chosen)
            return
        if not still:
            self.cancel(f"No hint starts with “{self.typed + letter}”; no jump")
            return
        self.typed += letter
        self._show()

    def _select(self, target: Target) -> None:
        if isinstance(target, int):
            self.editor.select_span(target)
            return
        start, end = target
        self.editor.select_text_range(start, end)
        self.editor.message.emit(f"{quoted(self.view.text[start:end])}: a label key adds it")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.targets or watched is not self.view:
            return super().eventFilter(watched, event)
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            key = cast(QKeyEvent, event)
            if not self._ours(key):  # any other key drops the hints and does its own work
                if key.key() not in (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt):
                    self.cancel()
                return super().eventFilter(watched, event)
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()  # a letter types a hint, not a label: it comes as a key press
            else:
                self._key(key)
            return True
        if kind in (QEvent.Type.FocusOut, QEvent.Type.Wheel, QEvent.Type.MouseButtonPress):
            self.cancel()
        return super().eventFilter(watched, event)

    @staticmethod
    def _ours(event: QKeyEvent) -> bool:
        """Plain letters, Backspace and Esc belong to the hints while they show."""
        if event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            return False
        text = event.text().lower()
        return (len(text) == 1 and text in HINT_LETTERS) or event.key() in (
            Qt.Key.Key_Backspace, Qt.Key.Key_Escape,
        )  # fmt: skip

    def _key(self, event: QKeyEvent) -> None:
        text = event.text().lower()
        if event.key() == Qt.Key.Key_Escape:
            self.cancel("No jump")
        elif event.key() == Qt.Key.Key_Backspace:
            if not self.typed:
                self.cancel("No jump")
                return
            self.typed = self.typed[:-1]
            self._show()
        else:
            self.type_letter(text)
