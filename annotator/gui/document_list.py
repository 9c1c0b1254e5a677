"""The document list: a windowed table over the store that stays instant at 100,000 documents.

The model knows only the row count; rows are read a page at a time with
``list_documents(offset, limit)`` when the view asks for them, and a few pages are cached.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFocusEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.model import STATUSES
from annotator.store import DocumentFilter, DocumentRow, Store, count_documents, list_documents
from annotator.store.gui_queries import document_position, last_edits, team_statuses
from annotator.store.queries import CATEGORY_FILTER

Index = QModelIndex | QPersistentModelIndex
DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole
HEADERS = ("Title", "Status", "Spans", "Edited", "Team")
STATUS_TEXT = {"new": "new", "in_progress": "in progress", "done": "done", "skipped": "skipped"}
STATUS_COLOR = {"new": "#6b7280", "in_progress": "#b45309", "done": "#15803d", "skipped": "#9ca3af"}


def team_text(team: Sequence[tuple[str, str]]) -> str:
    """How many of the annotators who opened a document have finished it: ``2/3 done``."""
    if not team:
        return ""
    done = sum(1 for _name, status in team if status == "done")
    return f"{done}/{len(team)} done"


def _when(stamp: str | None, *, short: bool = True) -> str:
    """When a document was last edited: the time today, else the day (full in the tooltip)."""
    if not stamp:
        return ""
    try:
        when = datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp
    if not short:
        return when.strftime("%d %b %Y %H:%M")
    return when.strftime("%H:%M" if when.date() == datetime.now().date() else "%d %b")


#: One page of rows: the rows, last edits, waiting suggestions, every annotator's status.
_Page = tuple[list[DocumentRow], dict[int, str], dict[int, int], dict[int, list[tuple[str, str]]]]


class DocumentListModel(QAbstractTableModel):
    """Documents matching a :class:`DocumentFilter`, read page by page."""

    PAGE = 200
    CACHED_PAGES = 8

    def __init__(self, *, store: Store, annotator: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.filter = DocumentFilter(annotator=annotator)
        self._count = count_documents(store, self.filter)
        self._pages: OrderedDict[int, _Page] = OrderedDict()
        #: The model layer a first open copies suggestions from (counted for new documents).
        self._suggestions_from = store.newest_model_layer()
        #: Pages read from the store since the last reset (for tests of laziness).
        self.pages_read = 0

    # -- Qt model -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return HEADERS[section] if 0 <= section < len(HEADERS) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        found = self._row(index.row())
        if found is None:
            return None
        row, edited, suggested, team = found
        column = index.column()
        last = max(filter(None, (row.last_edited, edited)), default=None)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.title or row.name
            if column == 1:
                return STATUS_TEXT.get(row.status, row.status)
            if column == 2:
                return f"{suggested} waiting" if suggested else row.spans
            if column == 4:
                return team_text(team)
            return _when(last)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return f"{row.title or row.name}\n{row.name} (#{row.id})"
            if column == 2 and suggested:
                return f"{suggested} model suggestions wait for review (not opened yet)"
            if column == 3 and last:
                return f"Last edited {_when(last, short=False)}"
            if column == 4 and team:
                return "\n".join(f"{name}: {STATUS_TEXT.get(st, st)}" for name, st in team)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return QColor(STATUS_COLOR.get(row.status, "#000000"))
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and suggested:
            return QColor("#6b7280")
        if role == Qt.ItemDataRole.FontRole and column == 2 and suggested:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == DOCUMENT_ID_ROLE:
            return row.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- pages --------------------------------------------------------------------------
    def _row(self, row: int) -> tuple[DocumentRow, str | None, int, list[tuple[str, str]]] | None:
        if not 0 <= row < self._count:
            return None
        number, at = divmod(row, self.PAGE)
        page = self._pages.get(number)
        if page is None:
            offset = number * self.PAGE
            rows = list_documents(self.store, self.filter, offset=offset, limit=self.PAGE)
            edits = last_edits(self.store, self.filter.annotator, [r.id for r in rows])
            unopened = [r.id for r in rows if r.status == "new" and not r.spans]
            layer = self._suggestions_from
            waiting = self.store.span_counts(layer, unopened) if layer and unopened else {}
            team = team_statuses(self.store, [r.id for r in rows])
            page = self._pages[number] = (rows, edits, waiting, team)
            self.pages_read += 1
            while len(self._pages) > self.CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        rows, edits, waiting, team = page
        if at >= len(rows):
            return None
        doc = rows[at].id
        return rows[at], edits.get(doc), waiting.get(doc, 0), team.get(doc, [])

    def document_id(self, row: int) -> int | None:
        found = self._row(row)
        return None if found is None else found[0].id

    def row_of(self, document_id: int) -> int | None:
        return document_position(self.store, self.filter, document_id)

    def set_filter(
        self, *, status: str | None = None, label: str | None = None, search: str | None = None
    ) -> None:
        self.beginResetModel()
        self.filter = DocumentFilter(self.filter.annotator, status, label, search or None)
        self._count = count_documents(self.store, self.filter)
        self._pages.clear()
        self.endResetModel()

    def refresh(self, *, recount: bool = True) -> None:
        """Re-read after a change: in place when the row count holds, else a reset.

        ``recount=False`` skips counting when the change cannot move a document in or out of
        the filter (a span edit while no status or label filter is set).
        """
        flt = self.filter
        if recount:
            self._suggestions_from = self.store.newest_model_layer()
        recount = recount or bool(flt.status or flt.label)
        count = count_documents(self.store, flt) if recount else self._count
        if count != self._count:
            self.beginResetModel()
            self._count = count
            self._pages.clear()
            self.endResetModel()
            return
        self._pages.clear()
        if count:
            self.dataChanged.emit(
                self.index(0, 0), self.index(count - 1, len(HEADERS) - 1),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
                 Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole],
            )  # fmt: skip


class DocumentTable(QTableView):
    """The document table: Tab leaves it, and getting the focus never opens a document.

    The arrow keys open each document they pass and keep the keys here (:attr:`browsing`
    is True meanwhile); Return or Enter hands the keys to the article (``chosen``).
    """

    chosen = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabKeyNavigation(False)  # Tab goes to the next pane, not the next cell
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.browsing = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.chosen.emit()
            return
        self.browsing = True
        try:
            super().keyPressEvent(event)
        finally:
            self.browsing = False

    def focusInEvent(self, event: QFocusEvent) -> None:
        # Qt makes the first row current when a table without one gets the focus: that must
        # not count as choosing a document.
        selection = self.selectionModel()
        blocked = selection.blockSignals(True)
        try:
            super().focusInEvent(event)
        finally:
            selection.blockSignals(blocked)


class DocumentListPanel(QWidget):
    """Filters (status, label, full-text search) above the document table.

    Signals:
        document_chosen(int): the user picked a document.
    """

    document_chosen = Signal(int)

    def __init__(
        self,
        *,
        store: Store,
        annotator: str,
        labels: Sequence[str],
        categories: Sequence[str] = (),
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.model = DocumentListModel(store=store, annotator=annotator, parent=self)
        self.status = QComboBox(self)
        self.status.addItem("All statuses", None)
        for status in STATUSES:
            self.status.addItem(STATUS_TEXT[status].capitalize(), status)
        self.label = QComboBox(self)
        self.set_labels(labels, categories)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search all documents…  (Ctrl+Shift+F)")
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._open_first_match)
        self.search.installEventFilter(self)  # Esc: back to the article
        self.status.currentIndexChanged.connect(self.apply_filter)
        self.label.currentIndexChanged.connect(self.apply_filter)

        self.table = DocumentTable(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 88), (2, 84), (3, 64), (4, 64)):  # "123 waiting" fits
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.status)
        filters.addWidget(self.label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        self._current: int | None = None

    def set_labels(self, labels: Sequence[str], categories: Sequence[str] = ()) -> None:
        """Fill the label filter; the chosen entry stays chosen while it still exists."""
        chosen = self.label.currentData()
        self.label.blockSignals(True)
        self.label.clear()
        self.label.addItem("Any label", None)
        for name in labels:
            self.label.addItem(name, name)
        for name in categories:  # the story's labels (document categories)
            self.label.addItem(f"story: {name}", f"{CATEGORY_FILTER}{name}")
        index = self.label.findData(chosen)
        self.label.setCurrentIndex(max(index, 0))
        self.label.blockSignals(False)
        if index < 0 and chosen is not None:  # the filtered label was removed: show all again
            self.apply_filter()

    def apply_filter(self) -> None:
        self.model.set_filter(
            status=self.status.currentData(), label=self.label.currentData(),
            search=self.search.text().strip(),
        )  # fmt: skip
        self.show_document(self._current)

    def _open_first_match(self) -> None:
        """Return in the search line: the first document found opens, the article takes the keys."""
        if self._debounce.isActive():  # typed just now: filter first
            self._debounce.stop()
            self.apply_filter()
        first = self.model.document_id(0) if self.model.rowCount() else None
        if first is None:
            return
        if first != self._current:
            self._current = first
            self.document_chosen.emit(first)
        self.table.chosen.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc in the search line clears the search and gives the article the keys back."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape  # type: ignore[attr-defined]
        ):
            self._debounce.stop()
            if self.search.text():
                self.search.clear()
                self.apply_filter()
            self.table.chosen.emit()
            return True
        return super().eventFilter(watched, event)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self, *, recount: bool = True) -> None:
        self.model.refresh(recount=recount)
        self.show_document(self._current)

    def show_document(self, document_id: int | None) -> None:
        """Select the row of the open document without reopening it."""
        self._current = document_id
        row = None if document_id is None else self.model.row_of(document_id)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            if row is None:
                self.table.clearSelection()
                selection.clearCurrentIndex()
            else:
                index = self.model.index(row, 0)
                self.table.setCurrentIndex(index)
                self.table.selectRow(row)
                self.table.scrollTo(index)
        finally:
            selection.blockSignals(False)
        self.table.viewport().update()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        document_id = self.model.document_id(current.row()) if current.isValid() else None
        if document_id is not None and document_id != self._current:
            self._current = document_id
            self.document_chosen.emit(document_id)
