"""How spans look: one character format per label and review state, merged into the document.

Formats are merged with ``QTextCursor.mergeCharFormat`` inside one edit block (no
``ExtraSelection`` lists: they are rebuilt on every paint and cost a Python object per span).
Each visual channel belongs to one kind of span, so overlapping spans stay visible together
(a SPEAKER over a PERSON keeps the PERSON background and adds its bold underlined text):
- entities: a solid background in the label colour;
- quotes: a light tint of the quote colour, coloured text and an underline;
- speaker mentions and cue phrases: bold text with an underline (solid for speakers, dotted for
  cues) in their colour;
- boilerplate: grey text.
The label is told by colour alone (a palette that stays distinguishable under the common
colour-vision deficiencies, see tests/gui/test_palette.py); the review state by a channel of its
own: an unreviewed model suggestion has a line over its text, in the same colours. Hovering a
span names its label and state.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextDocument

from annotator.gui.offsets import OffsetMap
from annotator.model import Label, SpanData, label_kind

#: Merge order: later kinds paint over earlier ones where they set the same property.
_ORDER = {"quote": 0, "boilerplate": 1, "entity": 2, "speaker": 3, "cue": 3}
_FALLBACK_COLOR = "#bbbbbb"
_DIM_TEXT = QColor("#8a9099")


def is_suggestion(span: SpanData) -> bool:
    """An unreviewed span the model proposed."""
    return span.source == "model" and not span.reviewed


class SpanStyles:
    """The character format of each (label, suggestion) pair, from the label scheme."""

    def __init__(self, labels: Mapping[str, Label]):
        self._labels = labels
        self._cache: dict[tuple[str, bool], QTextCharFormat] = {}

    def reset(self) -> None:
        """Forget the formats made: the scheme's colours changed."""
        self._cache.clear()

    def color(self, label: str) -> QColor:
        entry = self._labels.get(label)
        return QColor(entry.color if entry else _FALLBACK_COLOR)

    def kind(self, label: str) -> str:
        entry = self._labels.get(label)
        return entry.kind if entry else label_kind(label)

    def format(self, span: SpanData) -> QTextCharFormat:
        key = (span.label, is_suggestion(span))
        fmt = self._cache.get(key)
        if fmt is None:
            fmt = self._cache[key] = self._make(*key)
        return fmt

    def _make(self, label: str, suggestion: bool) -> QTextCharFormat:
        color = self.color(label)
        kind = self.kind(label)
        fmt = QTextCharFormat()
        if kind == "entity":
            fmt.setBackground(color)
        elif kind == "quote":
            tint = QColor(color)
            tint.setAlpha(34)
            fmt.setBackground(tint)
            fmt.setForeground(color.darker(150))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(color)
        elif kind in ("speaker", "cue"):
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setForeground(color.darker(115))
            fmt.setUnderlineStyle(
                QTextCharFormat.UnderlineStyle.SingleUnderline
                if kind == "speaker"
                else QTextCharFormat.UnderlineStyle.DotLine
            )
            fmt.setUnderlineColor(color)
        elif kind == "boilerplate":
            fmt.setForeground(_DIM_TEXT)
        if suggestion:
            fmt.setFontOverline(True)
        return fmt

    def swatch(self, label: str) -> QColor:
        """The colour a list or palette shows for a label."""
        return self.color(label)


def paint_spans(
    document: QTextDocument,
    spans: Iterable[SpanData],
    offsets: OffsetMap,
    styles: SpanStyles,
    *,
    qt_range: tuple[int, int] | None = None,
) -> None:
    """Merge the formats of ``spans`` into ``document``, in one edit block.

    With ``qt_range`` only that range is cleared and repainted (after an edit); without it the
    document is assumed fresh from ``setPlainText``.
    """
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    try:
        lo, hi = 0, offsets.qt_length
        if qt_range is not None:
            lo, hi = max(0, qt_range[0]), min(offsets.qt_length, qt_range[1])
            if hi <= lo:
                return
            cursor.setPosition(lo)
            cursor.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(QTextCharFormat())
        ordered = sorted(spans, key=lambda s: _ORDER.get(styles.kind(s.label), 2))
        keep = QTextCursor.MoveMode.KeepAnchor
        for span in ordered:
            start, end = offsets.to_qt(span.start), offsets.to_qt(span.end)
            start, end = max(start, lo), min(end, hi)
            if start >= end:
                continue
            cursor.setPosition(start)
            cursor.setPosition(end, keep)
            cursor.mergeCharFormat(styles.format(span))
    finally:
        cursor.endEditBlock()
