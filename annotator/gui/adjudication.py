"""The adjudication window: settle, from the keyboard, where annotators differ into gold.

Left, the documents two or more annotators finished, each with its progress (settled of
disagreements); centre, the document's gold layer, editable with the usual keys (edits go to
``gold`` and mark the spans ``edited``); right, the versions of the current disagreement, one
numbered line per annotator. J/K move between disagreements, a number key picks that
annotator's version, X rejects every version, Ctrl+Return keeps gold as edited; each is an
undoable :class:`annotator.ops.adjudication.Settle` on the window's own undo stacks.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.gui import messages
from annotator.gui.bindings import ADJUDICATION_BINDINGS, Binding
from annotator.gui.commands import Commands, shortcuts_html
from annotator.gui.dialogs import show_help
from annotator.gui.doc_labels import DocumentLabelsPanel
from annotator.gui.editor import DocumentEditor
from annotator.gui.highlight import SpanStyles
from annotator.gui.text_view import TextView
from annotator.gui.undo import UndoManager
from annotator.model import GOLD_LAYER, SPAN_KINDS
from annotator.ops import edits
from annotator.ops.adjudication import (
    EDITED,
    PICKED,
    REJECTED,
    Disagreement,
    Settle,
    category_disagreements,
    disagreements,
    documents_to_adjudicate,
    prepare,
    progress,
)
from annotator.ops.span_rules import quoted
from annotator.resources import default_labels
from annotator.store import Store

DOCUMENT_ROLE = Qt.ItemDataRole.UserRole
#: True while a document row still waits for its progress (computed when the row is shown).
PENDING_ROLE = Qt.ItemDataRole.UserRole + 1
#: Rows whose progress is computed when the list is filled (about a screenful); the rest as
#: they scroll into view, so opening the window does not compute every document's
#: disagreements.
FIRST_ROWS = 40
HELP = (
    "The article shows the gold layer: spans all annotators agreed on are already in it.",
    "J / K: next / previous disagreement; the right pane lists each annotator's version.",
    "A number key picks that annotator's version; X rejects them all (no span).",
    "Or edit gold yourself (label keys, Delete, Alt+arrows) and press Ctrl+Return to keep it.",
    "Ctrl+Z undoes a decision or an edit; Ctrl+PgDown / Ctrl+PgUp change document.",
)

#: What the window says while no document has two annotators' finished versions.
NOTHING_YET = (
    "No document is finished by two or more annotators yet. Each annotator labels in their own "
    "name (annotator pack --annotator NAME, then annotator merge their files back); the "
    "documents two or more of them accepted appear here. Ctrl+J reads the list again."
)


def decision_text(decision: str | None) -> str:
    if decision is None:
        return "open"
    if decision.startswith(PICKED):
        return f"picked {decision.removeprefix(PICKED)}"
    return {REJECTED: "rejected", EDITED: "kept as edited"}.get(decision, decision)


class AdjudicationWindow(QMainWindow):
    """Adjudication of one project by one adjudicator.

    Signals:
        command_triggered(str): a command (a binding's name) is about to run.
        gold_changed(): a decision or gold edit was saved (the main window refreshes).
    """

    command_triggered = Signal(str)
    gold_changed = Signal()

    def __init__(
        self, *, store: Store, adjudicator: str,
        bindings: Sequence[Binding] = ADJUDICATION_BINDINGS, parent: QWidget | None = None,
    ):  # fmt: skip
        super().__init__(parent)
        self.store = store
        self.adjudicator = adjudicator
        self.scheme = [
            lb for lb in (store.labels() or default_labels()) if lb.kind in SPAN_KINDS
        ]  # span labels only: the document categories' number keys pick versions here
        self.labels = {label.name: label for label in self.scheme}
        self.bindings = tuple(bindings)
        # each document's stack starts from the adjudicator's edits of gold in the edit log
        self.undo = UndoManager(
            store=store, on_changed=self._on_edit, on_error=self.report_error,
            status=self.show_status, open_document=self.open_document,
            annotator=adjudicator, layer=GOLD_LAYER, parent=self,
        )  # fmt: skip
        self.view = TextView(styles=SpanStyles(self.labels))
        self.editor = DocumentEditor(
            view=self.view, store=store, annotator=GOLD_LAYER, push=self._push,
            labels=self.labels, parent=self,
        )  # fmt: skip
        self.editor.message.connect(self.show_status)
        self.document_id: int | None = None
        self.found: list[Disagreement] = []
        self.current = 0
        self._build()
        self.commands = Commands(
            window=self, view=self.view, workspace=self.workspace,
            ran=self.command_triggered.emit,
        )  # fmt: skip
        self.commands.build(self.bindings, self.scheme, self.editor.apply_label)
        self.actions = self.commands.actions
        if "snap_tokens" in self.actions:
            self.actions["snap_tokens"].setChecked(True)
        self.undo.show_texts(self.actions["undo"], self.actions["redo"])
        self.setWindowTitle(f"Adjudication — {store.path.name} — {adjudicator}")
        self.resize(1300, 800)
        self.reopen()

    def reopen(self) -> None:
        """Read the list again (annotators may have finished or merged documents since) and
        show the open document again, or the first one still to settle."""
        self.reload_documents()
        ids = documents_to_adjudicate(self.store)
        found = self.document_id if self.document_id in ids else self._first_open()
        if found is not None:
            self.open_document(found)
            return
        self.document_id = None
        self.title.setText("Nothing to adjudicate yet")
        self.where.setText(NOTHING_YET)
        self.show_status("No document is finished by two or more annotators yet")

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.documents = QListWidget(self)
        self.documents.setMinimumWidth(220)
        self.documents.itemActivated.connect(self._on_document_activated)
        self.documents.itemClicked.connect(self._on_document_activated)
        self.documents.verticalScrollBar().valueChanged.connect(self._fill_visible)
        self.documents.verticalScrollBar().rangeChanged.connect(self._fill_visible)
        self.title = QLabel("", objectName="documentTitle")
        self.title.setWordWrap(True)
        self.where = QLabel("", objectName="documentState")
        self.where.setWordWrap(True)
        # gold's story labels: _push makes each toggle the adjudicator's edit of gold (undoable)
        self.story_labels = DocumentLabelsPanel(
            store=self.store, annotator=GOLD_LAYER, categories=self.store.labels("category"),
            push=self._push, parent=self,
        )  # fmt: skip
        for button in self.story_labels.buttons.values():
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the article
        #: Where the annotators chose different story categories (gold is set with the buttons).
        self.story_disagreements = QLabel("", objectName="storyDisagreements")
        self.story_disagreements.setWordWrap(True)
        self.workspace = QWidget(objectName="workspace")
        column = QVBoxLayout(self.workspace)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.where)
        column.addWidget(self.story_labels)
        column.addWidget(self.story_disagreements)
        column.addWidget(self.view, 1)
        self.versions = QListWidget(self)
        self.versions.setWordWrap(True)
        self.versions.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        side = QWidget()
        box = QVBoxLayout(side)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel("Versions (press the number to pick)", objectName="sectionTitle"))
        box.addWidget(self.versions, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for widget in (self.documents, self.workspace, side):
            splitter.addWidget(widget)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 700, 340])
        self.setCentralWidget(splitter)

    # -- reporting ------------------------------------------------------------------------
    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def report_error(self, exc: BaseException) -> None:
        messages.show_exception(exc, parent=self, status=self.show_status)

    def show_shortcuts(self) -> None:
        show_help(self, "Adjudication keys", shortcuts_html(self.bindings, self.scheme, HELP))

    # -- documents ------------------------------------------------------------------------
    def reload_documents(self) -> None:
        """Fill the document list: every document to adjudicate, with its progress."""
        self.documents.clear()
        for row, document_id in enumerate(documents_to_adjudicate(self.store)):
            item = QListWidgetItem()
            item.setData(DOCUMENT_ROLE, document_id)
            self.documents.addItem(item)
            if row < FIRST_ROWS:
                self._update_item(item)
            else:
                doc = self.store.document(document_id)
                item.setText(f"{doc.title or doc.name}\n…")
                item.setData(PENDING_ROLE, True)

    def _fill_visible(self, *_args: object) -> None:
        """Compute the progress of the rows scrolled into view that still wait for it."""
        view = self.documents
        first = view.indexAt(QPoint(1, 1)).row()
        last = view.indexAt(QPoint(1, view.viewport().height() - 2)).row()
        if first < 0:
            return
        last = view.count() - 1 if last < 0 else last
        for row in range(first, last + 1):
            item = view.item(row)
            if item is not None and item.data(PENDING_ROLE):
                self._update_item(item)

    def _update_item(self, item: QListWidgetItem) -> None:
        document_id = int(item.data(DOCUMENT_ROLE))
        doc = self.store.document(document_id)
        settled, total = progress(self.store, document_id)
        started = self.store.has_layer_document(document_id, GOLD_LAYER)
        state = f"{settled}/{total} settled" if started else f"{total} to settle"
        item.setText(f"{doc.title or doc.name}\n{state}")
        done = started and settled == total
        item.setForeground(QColor("#15803d" if done else "#b45309" if started else "#374151"))
        item.setToolTip(f"{doc.name} (#{document_id}): {state}")
        item.setData(PENDING_ROLE, False)

    def _item(self, document_id: int) -> QListWidgetItem | None:
        for row in range(self.documents.count()):
            item = self.documents.item(row)
            if item.data(DOCUMENT_ROLE) == document_id:
                return item
        return None

    def _first_open(self) -> int | None:
        ids = documents_to_adjudicate(self.store)
        for document_id in ids:
            settled, total = progress(self.store, document_id)
            if not self.store.has_layer_document(document_id, GOLD_LAYER) or settled < total:
                return document_id
        return ids[0] if ids else None

    def _on_document_activated(self, item: QListWidgetItem) -> None:
        self.open_document(int(item.data(DOCUMENT_ROLE)))

    def open_document(self, document_id: int) -> None:
        """Show a document's gold; the first time, what everyone agreed on goes into it."""
        try:
            if prepare(self.store, document_id, self.adjudicator):
                self.gold_changed.emit()
        except Exception as exc:
            self.report_error(exc)
            return
        self.document_id = document_id
        self.undo.set_document(document_id)
        self.editor.open(document_id)
        doc = self.store.document(document_id)
        self.title.setText(doc.title or doc.name)
        item = self._item(document_id)
        if item is not None:
            self._update_item(item)
            self.documents.setCurrentItem(item)
        self.story_labels.show_document(document_id)
        self._show_story_disagreements()
        self._refresh(first_open=True)
        self.view.setFocus()

    def _show_story_disagreements(self) -> None:
        if self.document_id is None:
            return
        lines = []
        for one in category_disagreements(self.store, self.document_id):
            what = f"{one.set}: {one.category}" if one.category else one.set
            versions = "; ".join(f"{a} {', '.join(c) or 'nothing'}" for a, c in one.versions)
            lines.append(f"Story category {what} differs ({versions}); gold: "
                         f"{', '.join(one.gold) or 'nothing'}")  # fmt: skip
        self.story_disagreements.setText("\n".join(lines))
        self.story_disagreements.setVisible(bool(lines))

    def next_document(self, forward: bool = True) -> None:
        ids = documents_to_adjudicate(self.store)
        if self.document_id not in ids:
            found = ids[0] if ids else None
        else:
            at = ids.index(self.document_id) + (1 if forward else -1)
            found = ids[at] if 0 <= at < len(ids) else None
        if found is None:
            self.show_status("No " + ("next" if forward else "previous") + " document")
            return
        self.open_document(found)

    # -- disagreements ----------------------------------------------------------------------
    def _refresh(self, *, first_open: bool = False) -> None:
        if self.document_id is None:
            return
        previous = self.found[self.current].key if self.found and not first_open else None
        self.found = disagreements(self.store, self.document_id)
        keys = [d.key for d in self.found]
        if previous in keys:
            self.current = keys.index(previous)
        else:
            open_ones = [i for i, d in enumerate(self.found) if d.decision is None]
            self.current = open_ones[0] if open_ones else 0
        self._show_current()

    def _show_current(self) -> None:
        self.versions.clear()
        settled = sum(1 for d in self.found if d.decision is not None)
        if not self.found:
            self.where.setText("The annotators agree everywhere: gold is complete")
            return
        found = self.found[self.current]
        text = self.view.text
        self.where.setText(
            f"Disagreement {self.current + 1} of {len(self.found)} · {settled} settled · "
            f"{found.tier} {quoted(text[found.start : found.end])}: "
            f"{decision_text(found.decision)}"
        )
        for version in found.versions:
            spans = ", ".join(f"{s.label} “{text[s.start : s.end]}”" for s in version.spans)
            extra = [
                f" ({s.attrs['speaker_name']})" for s in version.spans
                if s.attrs.get("speaker_name")
            ]  # fmt: skip
            line = f"{version.number}  {version.annotator}: {spans or 'no span'}{''.join(extra)}"
            item = QListWidgetItem(line)
            if found.decision == PICKED + version.annotator:
                item.setForeground(QColor("#15803d"))
            self.versions.addItem(item)
        self.view.reveal(found.start, found.end)
        inside = [
            s.id for s in self.view.spans
            if s.id is not None and s.start < found.end and found.start < s.end
        ]  # fmt: skip
        if inside:  # outlined: label keys relabel it, Delete removes it, Alt+arrows resize it
            self.editor.select_span(inside[0])
        else:  # selected: a label key makes it a gold span
            self.editor.select_span(None)
            self.view.select_text(found.start, found.end)

    def current_disagreement(self) -> Disagreement | None:
        return self.found[self.current] if self.found else None

    def step(self, forward: bool = True) -> None:
        if not self.found:
            self.show_status("No disagreement in this document; Ctrl+PgDown: next document")
            return
        at = self.current + (1 if forward else -1)
        if not 0 <= at < len(self.found):
            self.show_status(
                ("Last" if forward else "First") + " disagreement of this document"
                " — Ctrl+PgDown / Ctrl+PgUp: another document"
            )
            return
        self.current = at
        self._show_current()

    def _settle(self, choice: str) -> None:
        found = self.current_disagreement()
        if found is None or self.document_id is None:
            self.show_status("No disagreement to settle here")
            return
        edit = Settle(
            self.document_id, self.adjudicator, tier=found.tier, start=found.start,
            end=found.end, choice=choice,
        )  # fmt: skip
        if self.undo.push(edit):
            following = [
                i for i, d in enumerate(self.found)
                if d.decision is None and i > self.current
            ]  # fmt: skip
            if following:
                self.current = following[0]
                self._show_current()

    def pick(self, number: int) -> None:
        found = self.current_disagreement()
        if found is None:
            self.show_status("No disagreement to settle here")
            return
        if not 1 <= number <= len(found.versions):
            self.show_status(
                f"There is no version {number}; this stretch has {len(found.versions)}"
            )
            return
        self._settle(PICKED + found.versions[number - 1].annotator)

    def reject(self) -> None:
        self._settle(REJECTED)

    def keep_edited(self) -> None:
        self._settle(EDITED)

    # -- edits ------------------------------------------------------------------------------
    def _push(self, edit: edits.Edit) -> bool:
        """The editor's edits change ``gold`` in the adjudicator's name (the edit log's who)."""
        pending = [edit]
        while pending:
            one = pending.pop()
            if one.annotator == GOLD_LAYER:
                one.annotator, one.on_layer = self.adjudicator, GOLD_LAYER
            pending += getattr(one, "edits", [])
        return self.undo.push(edit)

    def _on_edit(self, edit: edits.Edit, description: str) -> None:
        if edit.document_id == self.document_id:
            self.editor.reload()
            self.story_labels.show_document(self.document_id)
            self._show_story_disagreements()
            self._refresh()
        item = self._item(edit.document_id)
        if item is not None:
            self._update_item(item)
        self.gold_changed.emit()
        self.show_status(description)

    def shortcut_of(self, name: str) -> QKeySequence:
        return self.actions[name].shortcut()
