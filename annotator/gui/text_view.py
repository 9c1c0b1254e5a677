"""The article view: read-only text with highlighted spans, selectable by mouse and keyboard.

It knows spans and positions but not the store: the editor decides what a click or a key means.
Every offset it takes or gives is a code point; :mod:`annotator.gui.offsets` converts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from annotator.gui.highlight import SpanStyles, paint_spans
from annotator.gui.offsets import OffsetMap
from annotator.model import SpanData

_SERIF = ["Source Serif 4", "Noto Serif", "DejaVu Serif", "Georgia", "serif"]
_OUTLINE = QColor("#1d4ed8")


def _key(span: SpanData) -> tuple[object, ...]:
    return (span.id, span.label, span.start, span.end, span.source, span.reviewed)


class TextView(QTextEdit):
    """One document's text with its spans.

    Signals:
        clicked(int): a plain click on the character at this code-point offset.
        selection_made(int, int): a mouse selection ended (code points, start < end).
        escape_pressed(): Escape, to drop the span selection or a pending link.
    """

    clicked = Signal(int)
    selection_made = Signal(int, int)
    escape_pressed = Signal()

    def __init__(self, *, styles: SpanStyles, parent: QWidget | None = None):
        super().__init__(parent)
        self._styles = styles
        self._text = ""
        self._offsets = OffsetMap("")
        self._spans: list[SpanData] = []
        self._by_id: dict[int, SpanData] = {}
        self._selected: int | None = None
        self._marked: set[int] = set()
        self._hints: dict[str, int] = {}
        self._plain: set[str] = set()
        self._typed = ""
        #: Tooltip text of the spans under the mouse; set by the editor.
        self.describe: Callable[[Sequence[SpanData]], str] | None = None
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setUndoRedoEnabled(False)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        font = QFont()
        font.setFamilies(_SERIF)
        font.setPointSizeF(12.5)
        self.document().setDefaultFont(font)
        self.document().setDocumentMargin(24)
        self.setObjectName("textView")

    # -- content ------------------------------------------------------------------------
    @property
    def text(self) -> str:
        return self._text

    @property
    def offsets(self) -> OffsetMap:
        return self._offsets

    @property
    def spans(self) -> list[SpanData]:
        return self._spans

    def load(self, text: str, spans: Sequence[SpanData]) -> None:
        """Show a new document: text, paragraph spacing and every span, in one go."""
        self.setUpdatesEnabled(False)
        try:
            self._text = text
            self._offsets = OffsetMap(text)
            self._selected = None
            self._marked = set()
            self._hints = {}
            # setPlainText inserts with the caret's current character format: start from a
            # clean one, or a caret left inside a quote styles the whole next document.
            self.setTextCursor(QTextCursor(self.document()))
            self.setCurrentCharFormat(QTextCharFormat())
            self.setPlainText(text)
            self.setCurrentCharFormat(QTextCharFormat())
            cursor = QTextCursor(self.document())
            cursor.beginEditBlock()
            cursor.select(QTextCursor.SelectionType.Document)
            block = QTextBlockFormat()
            block.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            block.setBottomMargin(9)
            cursor.mergeBlockFormat(block)
            cursor.endEditBlock()
            self._set(spans)
            paint_spans(self.document(), self._spans, self._offsets, self._styles)
        finally:
            self.setUpdatesEnabled(True)

    def set_spans(self, spans: Sequence[SpanData]) -> None:
        """Replace the spans; only the stretch of text where something changed is repainted."""
        old = {_key(s): s for s in self._spans}
        new = {_key(s): s for s in spans}
        changed = [old[k] for k in old.keys() - new.keys()] + [
            new[k] for k in new.keys() - old.keys()
        ]
        self._set(spans)
        if self._selected is not None and self._selected not in self._by_id:
            self._selected = None
        if not changed:
            return
        lo = min(s.start for s in changed)
        hi = max(s.end for s in changed)
        # Repaint whole spans that reach into the changed stretch, so clipping stays exact.
        for span in self._spans:
            if span.start < hi and span.end > lo:
                lo, hi = min(lo, span.start), max(hi, span.end)
        paint_spans(
            self.document(), self._spans, self._offsets, self._styles,
            qt_range=self._offsets.span_to_qt(lo, hi),
        )  # fmt: skip
        self.viewport().update()

    def _set(self, spans: Sequence[SpanData]) -> None:
        self._spans = sorted(spans, key=lambda s: (s.start, -s.end))
        self._by_id = {s.id: s for s in self._spans if s.id is not None}

    def span(self, span_id: int | None) -> SpanData | None:
        return None if span_id is None else self._by_id.get(span_id)

    def spans_at(self, offset: int) -> list[SpanData]:
        """Spans covering the character at ``offset``, shortest first."""
        found = [s for s in self._spans if s.start <= offset < s.end]
        return sorted(found, key=lambda s: (s.end - s.start, s.start))

    # -- selection ----------------------------------------------------------------------
    @property
    def selected_span(self) -> int | None:
        return self._selected

    def set_selected_span(self, span_id: int | None) -> None:
        """Outline one span (or none) as the target of relabel, resize and delete keys."""
        self._selected = span_id if span_id in self._by_id else None
        self.viewport().update()

    def set_marked(self, span_ids: set[int]) -> None:
        """Spans linked to the selected quote: drawn with a thinner outline."""
        self._marked = set(span_ids)
        self.viewport().update()

    def set_hints(self, hints: dict[str, int], typed: str, plain: set[str] | None = None) -> None:
        """Jump hints to draw: hint -> code-point offset; ``typed``: the letters typed so far;
        ``plain``: the hints on text without a span (drawn white, as a label key adds them)."""
        self._hints = dict(hints)
        self._plain = set(plain or ())
        self._typed = typed
        self.viewport().update()

    def visible_range(self) -> tuple[int, int]:
        """Code-point offsets of the first and past the last character in view."""
        area = self.viewport().rect()
        first = self.cursorForPosition(area.topLeft()).position()
        last = self.cursorForPosition(area.bottomRight()).position()
        start, end = self._offsets.span_from_qt(first, last)
        return start, min(end + 1, self._offsets.length)

    def selection(self) -> tuple[int, int] | None:
        """The selected text in code points, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self._offsets.span_from_qt(cursor.selectionStart(), cursor.selectionEnd())
        return (start, end) if start < end else None

    def caret(self) -> int:
        return self._offsets.from_qt(self.textCursor().position())

    def select_text(self, start: int, end: int) -> None:
        """Select ``start..end`` (code points) as if the user had."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def place_caret(self, offset: int) -> None:
        """Drop any text selection; the caret goes to ``offset``."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(min(offset, self._offsets.length)))
        self.setTextCursor(cursor)

    def reveal(self, start: int, end: int) -> None:
        """Scroll so that ``start..end`` is in view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(end))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        cursor.setPosition(self._offsets.to_qt(start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def set_link_mode(self, on: bool) -> None:
        shape = Qt.CursorShape.CrossCursor if on else Qt.CursorShape.IBeamCursor
        self.viewport().setCursor(shape)

    # -- events -------------------------------------------------------------------------
    def char_at(self, point: QPoint) -> int:
        """The code-point offset of the character under a viewport point."""
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        if point.x() < self.cursorRect(cursor).x() and position > 0:
            position -= 1
        return min(self._offsets.from_qt(position), max(0, self._offsets.length - 1))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or not self._text:
            return
        selected = self.selection()
        if selected is not None:
            self.selection_made.emit(*selected)
        else:
            self.clicked.emit(self.char_at(event.position().toPoint()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.describe is not None and self._text:
            point = event.pos()  # type: ignore[attr-defined]
            spans = self.spans_at(self.char_at(point))
            if spans:
                QToolTip.showText(event.globalPos(), self.describe(spans), self.viewport())  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        outlined = [(i, 1.2) for i in self._marked] + [(self._selected, 2.0)]
        painter: QPainter | None = None
        for span_id, width in outlined:
            span = self.span(span_id)
            if span is None:
                continue
            if painter is None:
                painter = QPainter(self.viewport())
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(_OUTLINE, width))
            for rect in self.span_rects(span.start, span.end):
                painter.drawRoundedRect(rect.adjusted(-1.5, 0.5, 1.5, -0.5), 3, 3)
        if self._hints:
            painter = painter or QPainter(self.viewport())
            self._paint_hints(painter)
        if painter is not None:
            painter.end()

    def _paint_hints(self, painter: QPainter) -> None:
        """Each hint as a small yellow tag at the top left of its target, typed letters dim."""
        font = QFont(self.font())
        font.setFamilies(["DejaVu Sans Mono", "monospace"])
        font.setBold(True)
        font.setPointSizeF(9.5)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        taken: list[QRectF] = []
        for hint, offset in sorted(self._hints.items(), key=lambda h: h[1]):
            rects = self.span_rects(offset, min(offset + 1, self._offsets.length))
            if not rects:
                continue
            label = hint.upper()
            width = metrics.horizontalAdvance(label) + 6
            # Up and left of the first letter, so the word under it stays readable.
            height = metrics.height() + 2
            box = QRectF(max(0.0, rects[0].left() - width * 0.6),
                         max(0.0, rects[0].top() - height * 0.55), width, height)  # fmt: skip
            while any(box.intersects(t) for t in taken):  # two targets at one place
                box.translate(width + 2, 0)
            taken.append(box)
            painter.setPen(QPen(QColor("#7c5e00"), 1))
            painter.setBrush(
                QColor(255, 255, 255, 235) if hint in self._plain else QColor(255, 216, 77, 235)
            )
            painter.drawRoundedRect(box, 3, 3)
            typed = len(self._typed)
            x = box.left() + 3
            y = box.top() + 1 + metrics.ascent()
            for i, char in enumerate(label):
                painter.setPen(QColor("#9a8a4a") if i < typed else QColor("#111111"))
                painter.drawText(QPoint(int(x), int(y)), char)
                x += metrics.horizontalAdvance(char)

    def span_rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles of ``start..end``, one per visible line it covers."""
        qt_start, qt_end = self._offsets.span_to_qt(start, end)
        dx = -self.horizontalScrollBar().value()
        dy = -self.verticalScrollBar().value()
        bottom = self.viewport().height()
        rects: list[QRectF] = []
        block = self.document().findBlock(qt_start)
        while block.isValid() and block.position() < qt_end:
            layout = block.layout()
            origin = layout.position()
            if origin.y() + dy > bottom:
                break
            base = block.position()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                line_start = base + line.textStart()
                a = max(qt_start, line_start)
                b = min(qt_end, line_start + line.textLength())
                if a >= b:
                    continue
                x1 = line.cursorToX(a - base)[0]
                x2 = line.cursorToX(b - base)[0]
                rects.append(
                    QRectF(x1, line.y(), x2 - x1, line.height()).translated(
                        origin.x() + dx, origin.y() + dy
                    )
                )
            block = block.next()
        return rects
