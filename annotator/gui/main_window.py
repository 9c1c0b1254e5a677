"""The main window: document list left, the article centre, quotes and entities right.

It wires the parts together, turns the key bindings into actions and menus, runs the document
workflow (accept, skip, reopen, next) and notices changes made by other processes.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import NotFoundError
from annotator.gui import messages, session
from annotator.gui.bindings import BINDINGS, Binding, category_bindings
from annotator.gui.commands import Commands, shortcuts_html
from annotator.gui.dialogs import guidelines_html, show_help
from annotator.gui.doc_labels import DocumentLabelsPanel
from annotator.gui.document_list import STATUS_COLOR, STATUS_TEXT, DocumentListPanel
from annotator.gui.editor import DocumentEditor
from annotator.gui.find_bar import FindBar
from annotator.gui.flow import DocumentFlow
from annotator.gui.highlight import SpanStyles, is_suggestion
from annotator.gui.jobs import Jobs
from annotator.gui.jump import JumpHints
from annotator.gui.model_jobs import ModelJobs
from annotator.gui.palette import LabelPalette
from annotator.gui.scheme_dialog import SchemeDialog
from annotator.gui.span_list import SpanListPanel
from annotator.gui.team import TeamViews
from annotator.gui.text_view import TextView
from annotator.gui.undo import UndoManager
from annotator.gui.workers import StatusProgress, TaskRunner
from annotator.model import SPAN_KINDS, SpanData
from annotator.ops import edits, history, suggestions, workflow
from annotator.ops.doc_labels import ToggleCategory
from annotator.ops.scheme import project_labels
from annotator.store import Store, progress

MOUSE_HELP = (
    "Select text with the mouse or Shift+arrows, then press a label key or click the palette.",
    "Selections snap to the tokens the exports use; Ctrl+T switches to exact characters.",
    "A label key needs selected text or a selected span; entities stay within a paragraph.",
    "Click a span to select it (click again to reach an overlapping one); Esc drops it.",
    "J turns hints on (and off): a letter on every span (yellow) and name without a span"
    " (white) in view; Shift and that letter select it. Fix only what is wrong; Ctrl+Return"
    " accepts the rest.",
    "A selected span: a label key relabels it, Delete removes it, Alt+arrows resize it.",
    "Quotes: select the quote, press Shift+S and click the speaker (Shift+V: the cue).",
    "Model suggestions have a line over them (hover a span for its label and state);"
    " accepting the document marks all reviewed.",
    "Tab moves between panes: search, status filter, label filter, document list, article,"
    " quotes, entities (Ctrl+1 to Ctrl+4 jump there); inside the article Tab selects the next"
    " suggestion to review, Space or Return accepts it, Delete rejects it.",
    "Ctrl+Z undoes the open document's edits, newest first, and then, step by step, those of"
    " earlier sessions from the edit log. After Ctrl+Return (or Ctrl+Shift+Return) moved on,"
    " Ctrl+Z in the next document, once it has nothing of its own to undo, goes back and undoes"
    " that accept (or skip).",
    "An undo is skipped, with a message, when another window or program changed the same"
    " span since.",
)

EMPTY_PROJECT = (
    "This project has no documents yet.\n\n"
    "Import articles with File ▸ Import files… (Ctrl+O) or Import folder… (Ctrl+Shift+O):"
    " plain text, JSONL, CSV/TSV, or any format Annotator exports.\n"
    "From a terminal: annotator --db PROJECT import PATH…, then annotator annotate to"
    " pre-annotate them."
)
NO_DOCUMENT = "Choose a document in the list on the left (Ctrl+1, then Return)."

#: The window's own connection waits this long for another program's write lock (workers and
#: the CLI keep the store's long timeout): an edit is refused at once rather than freezing.
GUI_BUSY_TIMEOUT_MS = 250


class MainWindow(QMainWindow):
    """One project open for one annotator.

    Signals:
        command_triggered(str): a command (a binding's name, or ``label:NAME``) is about to run.
    """

    command_triggered = Signal(str)

    def __init__(
        self, *, store: Store, annotator: str, is_default: bool = False, poll_ms: int = 1000,
        bindings: Sequence[Binding] = BINDINGS,
    ):  # fmt: skip
        super().__init__()
        self.store = store
        self.annotator = annotator
        store.db.execute(f"PRAGMA busy_timeout = {GUI_BUSY_TIMEOUT_MS}")
        project_labels(store)  # the default scheme, or old default colours brought up to date
        self.scheme = scheme = store.labels(SPAN_KINDS)
        categories = store.labels("category")
        self.bindings = tuple(bindings) + category_bindings(categories)
        self.labels = {label.name: label for label in scheme}
        self.styles = SpanStyles(self.labels)
        self.undo = UndoManager(
            store=store, on_changed=self._on_edit, on_error=self.report_error,
            status=self.show_status, open_document=self.open_document, annotator=annotator,
            parent=self,
        )  # fmt: skip
        self.runner = TaskRunner(db_path=store.path, parent=self)
        self.job_progress = StatusProgress()
        self.jobs = Jobs(
            runner=self.runner, window=self, annotator=annotator, status=self,
            bar=self.job_progress,
        )  # fmt: skip
        self.model_jobs = ModelJobs(
            runner=self.runner, window=self, store=store, status=self, bar=self.job_progress
        )
        self._pending_open: int | None = None
        self.scheme_dialog: SchemeDialog | None = None
        self._offer: suggestions.Offer | None = None

        self.documents = DocumentListPanel(
            store=store, annotator=annotator, labels=list(self.labels),
            categories=[c.name for c in categories], parent=self,
        )  # fmt: skip
        self.doc_labels = DocumentLabelsPanel(
            store=store, annotator=annotator, categories=categories, push=self.undo.push,
            parent=self,
        )  # fmt: skip
        self.view = TextView(styles=self.styles)
        self.editor = DocumentEditor(
            view=self.view, store=store, annotator=annotator, push=self.undo.push,
            labels=self.labels, parent=self,
        )  # fmt: skip
        self.find_bar = FindBar(view=self.view, found=self.editor.select_found)
        self.jump = JumpHints(editor=self.editor, parent=self)
        self.flow = DocumentFlow(
            store=store, annotator=annotator, undo=self.undo, window=self, dialog_parent=self,
            parent=self,
        )  # fmt: skip
        self.palette = LabelPalette(labels=scheme)
        self.side = SpanListPanel(styles=self.styles)
        self.team = TeamViews(window=self, store=store, annotator=annotator, runner=self.runner)
        self._build_layout()
        self._build_tab_order()
        self._build_status_bar()
        self._build_actions(self.bindings)

        self.documents.document_chosen.connect(self.open_document)
        self.documents.table.chosen.connect(self.view.setFocus)
        self.palette.label_chosen.connect(self.editor.apply_label)
        self.side.span_activated.connect(self._jump_to_span)
        self.editor.message.connect(self.show_status)
        self.editor.spans_changed.connect(self._on_spans_changed)
        self.editor.span_selected.connect(self.side.select_span)
        self.editor.snap_changed.connect(self._on_snap)
        self.jobs.data_changed.connect(self.refresh)
        self.jobs.seeding_changed.connect(self._on_seeding)

        self._data_version = store.data_version()
        self.poll_timer = QTimer(self, interval=poll_ms)
        self.poll_timer.timeout.connect(self.poll)
        self.poll_timer.start()

        # Qt appends the application display name ("— Annotator") itself.
        self.setWindowTitle(f"{store.path.name} — {annotator}")
        self.resize(1400, 860)
        self._update_progress()
        self._update_header()
        if is_default and store.count_documents() == 0:
            self.jobs.first_run()
        else:
            self._reopen_last()

    def _reopen_last(self) -> None:
        """The document (and place in it) the last session on this project left off at."""
        place = session.recall(self.store.path, self.annotator)
        if place is not None and place.document_id in self.store.document_ids():
            self.open_document(place.document_id)
            if self.editor.document_id == place.document_id:
                self.view.place_caret(min(place.caret, len(self.view.text)))
                self.view.verticalScrollBar().setValue(place.scroll)
                return
        first = workflow.next_unfinished(self.store, self.annotator, None)
        if first is not None:
            self.open_document(first)

    # -- building -------------------------------------------------------------------------
    def _build_layout(self) -> None:
        self.title = QLabel("No document open", objectName="documentTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.state = QLabel("", objectName="documentState")
        self.note = QLabel("", objectName="documentNote")
        self.note.setWordWrap(True)
        header = QVBoxLayout()
        header.setSpacing(0)
        header.addWidget(self.title)
        header.addWidget(self.state)
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(header)
        column.addWidget(self.note)
        column.addWidget(self.find_bar)
        column.addWidget(self.view, 1)
        self.note.hide()

        self.workspace = QWidget(objectName="workspace")
        inner = QSplitter(Qt.Orientation.Horizontal, self.workspace)
        inner.addWidget(centre)
        inner.addWidget(self.side)
        inner.setStretchFactor(0, 3)
        inner.setStretchFactor(1, 1)
        inner.setSizes([640, 380])
        box = QVBoxLayout(self.workspace)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        box.addWidget(self.palette)
        box.addWidget(self.doc_labels)
        box.addWidget(inner, 1)

        self.documents.setMinimumWidth(250)
        self.side.setMinimumWidth(280)
        outer = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(self.documents)
        outer.addWidget(self.workspace)
        outer.setStretchFactor(1, 1)
        outer.setSizes([420, 980])
        outer.setContentsMargins(8, 6, 8, 0)
        self.setCentralWidget(outer)

    def _build_tab_order(self) -> None:
        """Tab visits the panes in reading order; the tables don't trap Tab in their cells."""
        docs = self.documents
        chain = [docs.search, docs.status, docs.label, docs.table, self.view, *self.side.views]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _build_actions(self, bindings: Sequence[Binding]) -> None:
        self.commands = Commands(
            window=self, view=self.view, workspace=self.workspace,
            ran=self.command_triggered.emit,
        )  # fmt: skip
        self.commands.build(bindings, self.scheme, self.editor.apply_label)
        self.actions = self.commands.actions
        self.actions["snap_tokens"].setChecked(True)
        self.undo.show_texts(self.actions["undo"], self.actions["redo"])

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.busy_label = QLabel("Pre-annotating…", objectName="busyLabel")
        self.busy_label.hide()
        self.snap_label = QLabel("Snap: tokens")
        self.progress_label = QLabel("")
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.job_progress)
        bar.addPermanentWidget(self.snap_label)
        bar.addPermanentWidget(QLabel(f"Annotator: {self.annotator}"))
        bar.addPermanentWidget(self.progress_label)

    # -- reporting ------------------------------------------------------------------------
    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def report_error(self, exc: BaseException) -> None:
        messages.show_exception(exc, parent=self, status=self.show_status)

    def _update_progress(self) -> None:
        done, total = progress(self.store, self.annotator)
        self.progress_label.setText(f"Done {done} / {total}")

    def _update_header(self) -> None:
        doc_id = self.editor.document_id
        if doc_id is None:
            empty = self.store.count_documents() == 0
            self.title.setText("No documents yet" if empty else "No document open")
            self.view.setPlaceholderText(EMPTY_PROJECT if empty else NO_DOCUMENT)
            self.state.setText("")
            self.note.hide()
            return
        document = self.store.document(doc_id)
        self.title.setText(document.title or document.name)
        status = self.store.status(doc_id, self.annotator)
        spans = self.view.spans
        open_suggestions = sum(1 for s in spans if is_suggestion(s))
        color = STATUS_COLOR.get(status, "#000")
        self.state.setText(
            f"<span style='color:{color}'><b>{STATUS_TEXT.get(status, status)}</b></span>"
            f" · {len(spans)} spans · {open_suggestions} to review"
        )
        note = self.store.note(doc_id, self.annotator)
        lines = [f"Note: {note}"] if note else []
        if self._offer is not None and self._offer.spans:
            lines.append(
                f"{len(self._offer.spans)} new suggestion(s) from {self._offer.layer} —"
                " Ctrl+Shift+M merges those that do not clash with your spans"
            )
        self.note.setText("\n".join(lines))
        self.note.setVisible(bool(lines))

    # -- documents ------------------------------------------------------------------------
    def open_document(self, document_id: int) -> None:
        if self.jobs.seeding:
            self._pending_open = document_id
            self.show_status("Pre-annotating the samples; the document opens when that is done")
            return
        try:
            copied = workflow.open_document(self.store, document_id, self.annotator)
        except Exception as exc:
            self.report_error(exc)
            return
        self.undo.set_document(document_id)
        self.editor.open(document_id)
        self.doc_labels.show_document(document_id)
        self.documents.show_document(document_id)
        if copied:
            self.documents.refresh()
        self._check_offer()
        self._update_header()
        self._update_progress()
        review = sum(1 for s in self.view.spans if is_suggestion(s))
        self.show_status(
            f"Opened “{self.document_title(60)}” — {review} suggestion(s) to review"
            + (" (Tab: the first)" if review else "")
            + (" — Return: read it" if self.documents.table.browsing else "")
        )
        if not self.documents.table.browsing:  # arrows in the list keep the keys there
            self.view.setFocus()

    def _check_offer(self) -> None:
        """Newer suggestions than this copy of the document holds: say so in the header."""
        doc_id = self.editor.document_id
        self._offer = None if doc_id is None else suggestions.pending(
            self.store, doc_id, self.annotator
        )  # fmt: skip

    def _on_edit(self, edit: edits.Edit, description: str) -> None:
        if edit.document_id == self.editor.document_id:
            self.editor.reload()
            self.doc_labels.show_document(edit.document_id)
            if description.startswith(("Undo", "Redo")):
                self._reveal(edit.targets())
            if isinstance(edit, suggestions.MergeSuggestions):
                self._check_offer()
        recount = isinstance(edit, edits.SetStatus | history.LoggedStep | ToggleCategory)
        self.documents.refresh(recount=recount)
        self._update_progress()
        self._update_header()
        self.show_status(description)

    def _on_spans_changed(self) -> None:
        links = {}
        for quote, linked in self.editor.quotes():
            links[quote.id or 0] = linked
        self.side.set_document(self.view.text, self.view.spans, links)
        self.side.select_span(self.view.selected_span or -1)

    def _jump_to_span(self, span_id: int) -> None:
        self.editor.select_span(span_id, reveal=True)
        self.view.setFocus()

    def refresh(self) -> None:
        """Re-read what may have changed elsewhere: the list, the progress, the open document."""
        self.documents.refresh()
        self._update_progress()
        doc_id = self.editor.document_id
        if doc_id is not None:
            try:
                self.store.document(doc_id)
            except NotFoundError:
                self.editor.close()
                self._update_header()
                return
            # An untouched document receives suggestions a run has just made for it.
            if workflow.open_document(self.store, doc_id, self.annotator):
                self.documents.refresh()
            self.editor.reload()
            self._check_offer()
            self._update_header()
        elif not self.jobs.seeding:
            first = self._pending_open or workflow.next_unfinished(self.store, self.annotator, None)
            self._pending_open = None
            if first is not None:
                self.open_document(first)

    def _reveal(self, span_ids: list[int]) -> None:
        """Scroll to the first span an undo or redo touched that is still there."""
        for span_id in span_ids:
            span = self.view.span(self.undo.ids.resolve(span_id))
            if span is not None:
                self.editor.select_span(span.id, reveal=True)
                return

    def poll(self) -> None:
        """Notice commits by other connections (a second window, the CLI, our workers)."""
        version = self.store.data_version()
        if version != self._data_version:
            self._data_version = version
            self.refresh()

    def _on_seeding(self, running: bool) -> None:
        self.busy_label.setVisible(running)
        if not running:
            self.refresh()

    # -- commands (targets of bindings.py) ------------------------------------------------
    def focus_pane(self, pane: str) -> None:
        widgets = {
            "documents": self.documents.table, "article": self.view,
            "quotes": self.side.views[0], "entities": self.side.views[1],
        }  # fmt: skip
        widgets[pane].setFocus()

    def current_document(self) -> int | None:
        return self.editor.document_id

    def document_title(self, limit: int) -> str:
        title = self.title.text()
        return title if len(title) <= limit else title[: limit - 1] + "…"

    def progress_text(self) -> str:
        return self.progress_label.text()

    def _on_snap(self, on: bool) -> None:
        self.snap_label.setText("Snap: tokens" if on else "Snap: characters")
        self.show_status("Selections snap to whole tokens" if on else "Exact characters")

    def show_shortcuts(self) -> None:
        show_help(
            self, "Keyboard shortcuts", shortcuts_html(self.bindings, self.scheme, MOUSE_HELP)
        )

    def edit_scheme(self) -> None:
        """The label-scheme dialog; every change is saved and taken up at once."""
        if self.scheme_dialog is None:
            reserved = {
                k.upper() for b in self.bindings if not b.name.startswith("category:")
                for k in b.keys if len(k) == 1
            }  # fmt: skip
            self.scheme_dialog = SchemeDialog(
                store=self.store, reserved=reserved, changed=self._scheme_changed, parent=self
            )
        self.scheme_dialog.refresh()
        self.scheme_dialog.show()
        self.scheme_dialog.raise_()
        self.scheme_dialog.name.setFocus()

    def _scheme_changed(self) -> None:
        """Take up an edited scheme: label keys and menu, palette, colours, the article."""
        self.scheme = self.store.labels(SPAN_KINDS)
        self.labels.clear()
        self.labels.update({label.name: label for label in self.scheme})
        self.styles.reset()
        self.palette.set_labels(self.scheme)
        self.commands.set_labels(self.scheme, self.editor.apply_label)
        categories = self.store.labels("category")
        story_keys = category_bindings(categories)
        kept = [b for b in self.bindings if not b.name.startswith("category:")]
        self.bindings = (*kept, *story_keys)
        self.commands.replace("category:", story_keys)
        self.doc_labels.set_categories(categories)
        self.doc_labels.show_document(self.editor.document_id)
        self.documents.set_labels(list(self.labels), [c.name for c in categories])
        if self.editor.document_id is not None:
            self.editor.reload()

    def show_guidelines(self) -> None:
        show_help(self, "Annotation guidelines", guidelines_html(list(self.labels.values())))

    def selected_span(self) -> SpanData | None:
        return self.view.span(self.view.selected_span)

    def closeEvent(self, event: QCloseEvent) -> None:
        doc_id = self.editor.document_id
        if doc_id is not None:
            place = session.Place(doc_id, self.view.caret(), self.view.verticalScrollBar().value())
            session.remember(self.store.path, self.annotator, place)
        self.poll_timer.stop()
        self.runner.cancel_all()
        self.team.close()
        super().closeEvent(event)
