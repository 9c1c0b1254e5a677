"""Jump hints in the article: J puts a short letter hint on every span and every missed name
(see :mod:`annotator.ops.candidates`) in view, and keeps them there, updated as the view
scrolls, spans change and documents open, until J hides them. Shift and a hint's letter
select that span, or select that name so a label key adds it (its hint is white, a span's
yellow). Plain letters stay label keys, so with hints on a review is: Shift+hint, the fix key,
the next Shift+hint, ..., Ctrl+Return to accept the rest.

A target keeps its hint while it stays in view (``ops.hints.keep_hints``), so one look at the
screen serves several corrections. While Shift+S (or Shift+V) waits for the speaker (or cue),
a hint links that span instead. Hints longer than a letter are typed letter by letter (Shift
held); Backspace or Esc takes the letters back. S and V are no hint letters: Shift+S and
Shift+V link a speaker and a cue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from annotator.ops.candidates import candidates_between
from annotator.ops.hints import HINT_LETTERS, keep_hints, narrow
from annotator.ops.span_rules import quoted

if TYPE_CHECKING:
    from annotator.gui.editor import DocumentEditor

#: A target: a span (its id) or a stretch of text without one (start, end).
Target = int | tuple[int, int]
#: Shift+S and Shift+V are commands of their own.
LETTERS = "".join(c for c in HINT_LETTERS if c not in "sv")


class JumpHints(QObject):
    """Shows hints over the article view and turns Shift+letters into a selection."""

    def __init__(self, *, editor: DocumentEditor, parent: QObject | None = None):
        super().__init__(parent)
        self.editor = editor
        self.view = editor.view
        self.active = False
        self.targets: dict[str, Target] = {}
        self.typed = ""
        self.view.installEventFilter(self)
        # Spans change, a document opens, the view scrolls or resizes: new hints at once, so
        # the next key reads the hints on screen.
        editor.spans_changed.connect(self._refresh)
        self.view.verticalScrollBar().valueChanged.connect(self._refresh)

    def start(self) -> None:
        """J: show the hints, or hide them when they show."""
        if self.active:
            self.stop("Hints off")
            return
        if self.editor.document_id is None or not self.view.text:
            self.editor.message.emit("Open a document first")
            return
        self.active = True
        self.view.setFocus()
        self._refresh()
        self.editor.message.emit(
            "Hints on: Shift and a hint's letter select that span (or name); J: off"
        )

    def stop(self, message: str = "") -> None:
        self.active = False
        self.targets, self.typed = {}, ""
        self.view.set_hints({}, "")
        if message:
            self.editor.message.emit(message)

    def _refresh(self) -> None:
        """Hints for what is in view now."""
        if not self.active:
            return
        view = self.view
        self.typed = ""
        if not view.text:
            self.targets = {}
            view.set_hints({}, "")
            return
        first, last = view.visible_range()
        found: list[tuple[int, int, Target]] = [
            (max(s.start, first), -s.end, s.id)
            for s in view.spans
            if s.id is not None and s.end > first and s.start < last and not s.group
        ]
        names = candidates_between(view.text, view.spans, first, last, tokens=self.editor.tokens)
        found += [(s, -e, (s, e)) for s, e in names]
        found.sort(key=lambda f: (f[0], f[1]))
        self.targets = keep_hints(self.targets, [target for _s, _e, target in found], LETTERS)
        self._show()

    def _show(self) -> None:
        places = {}
        for hint, target in self.targets.items():
            if not hint.startswith(self.typed):
                continue
            if isinstance(target, int):
                span = self.view.span(target)
                if span is not None:
                    places[hint] = span.start
            else:
                places[hint] = target[0]
        plain = {h for h, t in self.targets.items() if not isinstance(t, int)}
        self.view.set_hints(places, self.typed, plain)

    def type_letter(self, letter: str) -> None:
        chosen, still = narrow(self.targets, self.typed + letter)
        if chosen is not None:
            self.typed = ""
            self._show()
            self._select(chosen)
            return
        if not still:
            self.editor.message.emit(f"No hint “{(self.typed + letter).upper()}” in view")
            self.typed = ""
            self._show()
            return
        self.typed += letter
        self._show()

    def _select(self, target: Target) -> None:
        if self.editor.linker.pending is not None:  # Shift+S waits: link what the hint names
            span = self.view.span(target) if isinstance(target, int) else None
            start, end = (span.start, span.end) if span is not None else cast(tuple, target)
            self.editor.linker.link_range(start, end)
            return
        if isinstance(target, int):
            self.editor.select_span(target)
            return
        start, end = target
        self.editor.select_text_range(start, end)
        self.editor.message.emit(f"{quoted(self.view.text[start:end])}: a label key adds it")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not self.active or watched is not self.view:
            return super().eventFilter(watched, event)
        if kind == QEvent.Type.Resize:
            self._refresh()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return super().eventFilter(watched, event)
        key = cast(QKeyEvent, event)
        if not self._ours(key):
            return super().eventFilter(watched, event)
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # a hint letter, not a command: it comes as a key press
        elif key.key() == Qt.Key.Key_Escape:
            self.typed = ""
            self._show()
        elif key.key() == Qt.Key.Key_Backspace:
            self.typed = self.typed[:-1]
            self._show()
        else:
            self.type_letter(key.text().lower())
        return True

    def _ours(self, event: QKeyEvent) -> bool:
        """Shift and a hint letter; Backspace or Esc while a hint is half typed."""
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Escape) and self.typed:
            return True
        text = event.text().lower()
        return modifiers == Qt.KeyboardModifier.ShiftModifier and len(text) == 1 and text in LETTERS
