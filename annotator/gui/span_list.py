"""The side lists of the open document: its quotes (with speaker and cue) and its entities."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.highlight import SpanStyles, is_suggestion
from annotator.model import CUE, QUOTE, SPEAKER, SpanData, is_entity
from annotator.ops.speakers import is_name, same_person

Index = QModelIndex | QPersistentModelIndex
SPAN_ID_ROLE = Qt.ItemDataRole.UserRole


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class SpanListModel(QAbstractTableModel):
    """Rows of quotes (``quotes=True``: quote, speaker, cue) or of entities (label, text)."""

    def __init__(self, *, quotes: bool, styles: SpanStyles, parent: QWidget | None = None):
        super().__init__(parent)
        self.quotes = quotes
        self._styles = styles
        self._text = ""
        self._rows: list[SpanData] = []
        self._links: dict[int, dict[str, SpanData]] = {}
        self._headers = ["Quote", "Speaker", "Cue"] if quotes else ["Label", "Text"]

    def set_rows(
        self, text: str, spans: list[SpanData], links: dict[int, dict[str, SpanData]]
    ) -> None:
        self.beginResetModel()
        self._text = text
        keep = (lambda s: s.label == QUOTE) if self.quotes else (lambda s: is_entity(s.label))
        self._rows = [s for s in spans if keep(s)]
        self._links = links
        self.endResetModel()

    @property
    def text(self) -> str:
        """The text of the document whose rows these are."""
        return self._text

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def span_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, span_id: int) -> int | None:
        for row, span in enumerate(self._rows):
            if span.id == span_id:
                return row
        return None

    def _speaker(self, span: SpanData) -> tuple[str, str, bool]:
        """The quote's speaker name, the linked mention, and whether the two disagree."""
        mention = self._links.get(span.id or 0, {}).get(SPEAKER)
        name = str(span.attrs.get("speaker_name") or "")
        said = self._text[mention.start : mention.end] if mention else ""
        mismatch = bool(name and said and is_name(said) and not same_person(name, said))
        return name, said, mismatch

    def _cell(self, span: SpanData, column: int) -> str:
        if not self.quotes:
            return span.label if column == 0 else _short(self._text[span.start : span.end], 60)
        links = self._links.get(span.id or 0, {})
        if column == 0:
            return _short(self._text[span.start : span.end])
        if column == 1:
            name, said, mismatch = self._speaker(span)
            if name and said and said != name:
                return f"{'⚠ ' if mismatch else ''}{name} ({said})"
            return name or said or "—"
        cue = links.get(CUE)
        return self._text[cue.start : cue.end] if cue else "—"

    def column_texts(self, column: int) -> set[str]:
        """The distinct texts of a column (to size it without measuring every row)."""
        return {self._cell(span, column) for span in self._rows}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        span = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(span, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if self.quotes and index.column() == 1:
                name, said, mismatch = self._speaker(span)
                tip = f"Speaker name: {name or '—'}\nMention in the text: {said or '—'}"
                warn = "\nThe name and the mention disagree (F2 edits the name)"
                return tip + (warn if mismatch else "")
            return self._text[span.start : span.end]
        if role == Qt.ItemDataRole.ForegroundRole and self.quotes and index.column() == 1:
            return QColor("#b45309") if self._speaker(span)[2] else None
        if role == SPAN_ID_ROLE:
            return span.id
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0 and not self.quotes:
            return QColor(self._styles.swatch(span.label))
        if role == Qt.ItemDataRole.FontRole and is_suggestion(span):
            font = QFont()
            font.setOverline(True)  # the article's mark of a suggestion to review
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class _ElideMiddle(QStyledItemDelegate):
    """Names keep both ends visible: "Imran Hu…(Hussain)" would hide who it is."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # type: ignore[override]
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle  # type: ignore[attr-defined]


def _table(model: SpanListModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab goes to the next pane, not the next cell
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(0 if model.quotes else 1, QHeaderView.ResizeMode.Stretch)
    return view


class SpanListPanel(QWidget):
    """Quotes above entities; a click jumps to the span in the text.

    Signals:
        span_activated(int): the span id of the clicked row.
    """

    span_activated = Signal(int)

    def __init__(self, *, styles: SpanStyles, parent: QWidget | None = None):
        super().__init__(parent)
        self.quotes = SpanListModel(quotes=True, styles=styles, parent=self)
        self.entities = SpanListModel(quotes=False, styles=styles, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.views: list[QTableView] = []
        self.titles: list[QLabel] = []
        for model in (self.quotes, self.entities):
            box = QWidget(splitter)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.setSpacing(2)
            title = QLabel(box)
            title.setObjectName("sectionTitle")
            view = _table(model, box)
            view.clicked.connect(self._on_clicked)
            view.activated.connect(self._on_clicked)
            inner.addWidget(title)
            inner.addWidget(view)
            splitter.addWidget(box)
            self.views.append(view)
            self.titles.append(title)
        self.views[0].setItemDelegateForColumn(1, _ElideMiddle(self.views[0]))
        self.views[0].setColumnWidth(1, 120)
        self.views[0].setColumnWidth(2, 64)
        self.views[1].setColumnWidth(0, 110)
        layout.addWidget(splitter)
        self._speakers: tuple[object, ...] = ()
        self._update_titles()

    def set_document(
        self, text: str, spans: list[SpanData], links: dict[int, dict[str, SpanData]]
    ) -> None:
        another = text != self.quotes.text  # a new document: its lists start at the top
        for model in (self.quotes, self.entities):
            model.set_rows(text, spans, links)
        if another:
            for view in self.views:
                view.scrollToTop()
        self._update_titles()
        speakers = tuple(
            (q.attrs.get("speaker_name"), links.get(q.id or 0, {}).get(SPEAKER))
            for q in spans if q.label == QUOTE
        )  # fmt: skip
        if speakers != self._speakers:  # measuring every row is slow: only when they change
            self._speakers = speakers
            self.fit_speakers()

    def fit_speakers(self) -> None:
        """Size the Speaker column to its names, up to 45% of the list (the rest elides)."""
        view = self.views[0]
        metrics = view.fontMetrics()
        header = view.horizontalHeader()

        def widest(column: int) -> int:
            texts = self.quotes.column_texts(column)
            found = max((metrics.horizontalAdvance(t) for t in texts), default=0) + 12
            return max(found, header.sectionSizeHint(column))

        room = int((self.width() - 24) * 0.45)  # the panel's width is current in resizeEvent
        view.setColumnWidth(1, max(90, min(widest(1) + 8, room)))
        view.setColumnWidth(2, widest(2))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_speakers()

    def _update_titles(self) -> None:
        self.titles[0].setText(f"Quotes ({self.quotes.rowCount()})")
        self.titles[1].setText(f"Entities ({self.entities.rowCount()})")

    def _on_clicked(self, index: QModelIndex) -> None:
        span_id = index.data(SPAN_ID_ROLE)
        if span_id is not None:
            self.span_activated.emit(int(span_id))

    def select_span(self, span_id: int) -> None:
        """Highlight the row of a span selected in the text (without emitting)."""
        for view, model in zip(self.views, (self.quotes, self.entities)):
            row = model.row_of(span_id) if span_id >= 0 else None
            selection = view.selectionModel()
            selection.blockSignals(True)
            if row is None:
                view.clearSelection()
            else:
                view.selectRow(row)
                view.scrollTo(model.index(row, 0))
            selection.blockSignals(False)
            view.viewport().update()
