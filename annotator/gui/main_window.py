"""The main window: document list left, the article centre, quotes and entities right.

It wires the parts together, turns the key bindings into actions and menus, runs the document
workflow (accept, skip, reopen, next) and notices changes made by other processes.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import NotFoundError
from annotator.gui import messages
from annotator.gui.bindings import BINDINGS, MENUS
from annotator.gui.dialogs import NoteDialog, guidelines_html, shortcuts_html, show_help
from annotator.gui.document_list import STATUS_COLOR, STATUS_TEXT, DocumentListPanel
from annotator.gui.editor import DocumentEditor
from annotator.gui.highlight import SpanStyles, is_suggestion
from annotator.gui.jobs import Jobs
from annotator.gui.palette import LabelPalette
from annotator.gui.span_list import SpanListPanel
from annotator.gui.text_view import TextView
from annotator.gui.undo import UndoManager
from annotator.gui.workers import TaskRunner
from annotator.model import CUE, SPEAKER, SpanData
from annotator.ops import edits, workflow
from annotator.resources import default_labels
from annotator.store import Store, progress

MOUSE_HELP = (
    "Select text with the mouse or Shift+arrows, then press a label key or click the palette.",
    "Selections snap to whole words; Ctrl+T switches to exact characters.",
    "With no selection, a label key labels the word at the caret.",
    "Click a span to select it (click again to reach an overlapping one); Esc drops it.",
    "A selected span: a label key relabels it, Delete removes it, Alt+arrows resize it.",
    "Quotes: select the quote, press Shift+S and click the speaker (Shift+V: the cue).",
    "Model suggestions are italic and paler; accepting the document marks all reviewed.",
    "Tab moves between panes: search, status filter, label filter, document list, article,"
    " quotes, entities (Ctrl+1 to Ctrl+4 jump there); inside the article Tab selects the next"
    " span.",
    "Ctrl+Z undoes the open document's edits, newest first; the history starts when the window"
    " opens. After Ctrl+Return (or Ctrl+Shift+Return) moved on, Ctrl+Z in the next document,"
    " once it has nothing of its own to undo, goes back and undoes that accept (or skip).",
    "An undo is skipped, with a message, when another window or program changed the same"
    " span since.",
)

#: The window's own connection waits this long for another program's write lock (workers and
#: the CLI keep the store's long timeout): an edit is refused at once rather than freezing.
GUI_BUSY_TIMEOUT_MS = 250


def label_keys(key: str) -> list[QKeySequence]:
    """A label's key; a symbol typed with Shift ("%") also matches with Shift held."""
    keys = [QKeySequence(key.upper())]
    if not key.isalnum():
        keys.append(QKeySequence(f"Shift+{key}"))
    return keys


class MainWindow(QMainWindow):
    """One project open for one annotator."""

    def __init__(
        self, *, store: Store, annotator: str, is_default: bool = False, poll_ms: int = 1000
    ):
        super().__init__()
        self.store = store
        self.annotator = annotator
        store.db.execute(f"PRAGMA busy_timeout = {GUI_BUSY_TIMEOUT_MS}")
        if not store.labels():
            store.set_labels(default_labels())
        scheme = store.labels()
        self.labels = {label.name: label for label in scheme}
        self.styles = SpanStyles(self.labels)
        self.undo = UndoManager(
            store=store, on_changed=self._on_edit, on_error=self.report_error,
            status=self.show_status, open_document=self.open_document, parent=self,
        )  # fmt: skip
        self.runner = TaskRunner(db_path=store.path, parent=self)
        self.jobs = Jobs(runner=self.runner, window=self, annotator=annotator, status=self)
        self._pending_open: int | None = None

        self.documents = DocumentListPanel(
            store=store, annotator=annotator, labels=list(self.labels), parent=self
        )
        self.view = TextView(styles=self.styles)
        self.editor = DocumentEditor(
            view=self.view, store=store, annotator=annotator, push=self.undo.push,
            labels=self.labels, parent=self,
        )  # fmt: skip
        self.palette = LabelPalette(labels=scheme)
        self.side = SpanListPanel(styles=self.styles)
        self._build_layout()
        self._build_tab_order()
        self.actions: dict[str, QAction] = {}
        self._build_status_bar()
        self._build_actions(scheme)

        self.documents.document_chosen.connect(self.open_document)
        self.palette.label_chosen.connect(self.editor.apply_label)
        self.side.span_activated.connect(self._jump_to_span)
        self.editor.message.connect(self.show_status)
        self.editor.spans_changed.connect(self._on_spans_changed)
        self.editor.span_selected.connect(self.side.select_span)
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
            first = workflow.next_unfinished(store, annotator, None)
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

    def _build_actions(self, scheme: list) -> None:
        menus = {name: self.menuBar().addMenu(f"&{name}") for name in MENUS}
        undo, redo = self.undo.actions(self)
        for action in (undo, redo):
            self.addAction(action)
            menus["Edit"].addAction(action)
        menus["Edit"].addSeparator()
        self.actions.update(undo=undo, redo=redo)
        for binding in BINDINGS:
            action = QAction(binding.text, self)
            action.setShortcuts([QKeySequence(k) for k in binding.keys])
            action.setStatusTip(binding.tip)
            action.setToolTip(binding.tip or binding.text.replace("&", ""))
            action.setCheckable(binding.checkable)
            method = getattr(self, binding.command)
            if binding.checkable:
                action.toggled.connect(method)
            else:
                action.triggered.connect(lambda _checked=False, m=method: m())
            self._scope(action, binding.scope)
            menus[binding.menu].addAction(action)
            self.actions[binding.command] = action
        self.actions["snap_tokens"].setChecked(True)
        for label in scheme:
            action = QAction(label.name, self)
            if label.key:
                action.setShortcuts(label_keys(label.key))
            action.setStatusTip(label.description)
            action.triggered.connect(
                lambda _checked=False, name=label.name: self.editor.apply_label(name)
            )
            self._scope(action, "editor")
            menus["Label"].addAction(action)
            self.actions[f"label:{label.name}"] = action
        self._menus = menus

    def _scope(self, action: QAction, scope: str) -> None:
        if scope == "window":
            self.addAction(action)
            return
        action.setShortcutContext(
            Qt.ShortcutContext.WidgetShortcut
            if scope == "view"
            else Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        (self.view if scope == "view" else self.workspace).addAction(action)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.busy_label = QLabel("Pre-annotating…", objectName="busyLabel")
        self.busy_label.hide()
        self.snap_label = QLabel("Snap: words")
        self.progress_label = QLabel("")
        bar.addPermanentWidget(self.busy_label)
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
            self.title.setText("No document open")
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
        self.note.setText(f"Note: {note}")
        self.note.setVisible(bool(note))

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
        self.documents.show_document(document_id)
        if copied:
            self.documents.refresh()
        self._update_header()
        self._update_progress()
        review = sum(1 for s in self.view.spans if is_suggestion(s))
        title = self.title.text()
        title = title if len(title) <= 60 else title[:59] + "…"
        self.show_status(f"Opened “{title}” — {review} suggestion(s) to review")
        self.view.setFocus()

    def _on_edit(self, edit: edits.Edit, description: str) -> None:
        if edit.document_id == self.editor.document_id:
            self.editor.reload()
        self.documents.refresh(recount=isinstance(edit, edits.SetStatus))
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
            self.editor.reload()
            self._update_header()
        elif not self.jobs.seeding:
            first = self._pending_open or workflow.next_unfinished(self.store, self.annotator, None)
            self._pending_open = None
            if first is not None:
                self.open_document(first)

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

    # -- commands (named in bindings.py) -------------------------------------------------
    def import_files(self) -> None:
        self.jobs.import_files()

    def import_folder(self) -> None:
        self.jobs.import_folder()

    def export(self) -> None:
        self.jobs.export()

    def preannotate(self) -> None:
        self.jobs.preannotate()

    def preannotate_all(self) -> None:
        self.jobs.preannotate(force=True)

    def quit(self) -> None:
        self.close()

    def delete_span(self) -> None:
        self.editor.delete_selected()

    def grow_end(self) -> None:
        self.editor.resize("end", grow=True)

    def shrink_end(self) -> None:
        self.editor.resize("end", grow=False)

    def grow_start(self) -> None:
        self.editor.resize("start", grow=True)

    def shrink_start(self) -> None:
        self.editor.resize("start", grow=False)

    def next_span(self) -> None:
        self.editor.step(True)

    def previous_span(self) -> None:
        self.editor.step(False)

    def snap_tokens(self, on: bool) -> None:
        self.editor.snap = on
        self.snap_label.setText("Snap: words" if on else "Snap: characters")
        self.show_status("Selections snap to whole words" if on else "Exact characters")

    def find(self) -> None:
        self.documents.search.setFocus()
        self.documents.search.selectAll()

    def focus_documents(self) -> None:
        self.documents.table.setFocus()

    def focus_article(self) -> None:
        self.view.setFocus()

    def focus_quotes(self) -> None:
        self.side.views[0].setFocus()

    def focus_entities(self) -> None:
        self.side.views[1].setFocus()

    def link_speaker(self) -> None:
        self.editor.start_link(SPEAKER)

    def link_cue(self) -> None:
        self.editor.start_link(CUE)

    def pick_speaker(self) -> None:
        self.editor.pick_speaker()

    def edit_speaker_name(self) -> None:
        self.editor.edit_speaker_name()

    def accept_suggestions(self) -> None:
        self.editor.accept_suggestions()

    def clear_suggestions(self) -> None:
        self.editor.clear_suggestions()

    def accept_document(self) -> None:
        self._set_status("done", advance=True)

    def skip_document(self) -> None:
        self._set_status("skipped", advance=True)

    def reopen_document(self) -> None:
        self._set_status("in_progress", advance=False)

    def _set_status(self, status: str, *, advance: bool) -> None:
        doc_id = self.editor.document_id
        if doc_id is None:
            self.show_status("Open a document first")
            return
        title = self.title.text()
        title = f"“{title if len(title) <= 50 else title[:49] + '…'}”"
        if not self.undo.push(edits.SetStatus(doc_id, self.annotator, status=status)):
            return
        done = {"done": "Accepted", "skipped": "Skipped"}.get(status, "Reopened")
        line = f"{done} {title} ({self.progress_label.text()})"
        if advance:
            following = workflow.next_unfinished(self.store, self.annotator, doc_id)
            following = following or workflow.next_unfinished(self.store, self.annotator, None)
            if following is not None and following != doc_id:
                self.open_document(following)
                if self.editor.document_id == following:
                    self.undo.advanced(doc_id, following)
            else:
                line += " — every document is done or skipped"
            line += " — Ctrl+Z to undo"
        self.show_status(line)

    def next_unfinished(self, backwards: bool = False) -> None:
        after = self.editor.document_id
        found = workflow.next_unfinished(self.store, self.annotator, after, backwards=backwards)
        if found is None:
            self.show_status(
                "No unfinished document " + ("before" if backwards else "after") + " this one"
            )
            return
        self.open_document(found)

    def previous_unfinished(self) -> None:
        self.next_unfinished(backwards=True)

    def edit_note(self) -> None:
        doc_id = self.editor.document_id
        if doc_id is None:
            self.show_status("Open a document first")
            return
        note = NoteDialog.ask(self, self.store.note(doc_id, self.annotator))
        if note is not None and self.undo.push(edits.SetNote(doc_id, self.annotator, note=note)):
            self.show_status("Note saved")

    def show_shortcuts(self) -> None:
        menus = [(name, menu.actions()) for name, menu in self._menus.items()]
        show_help(self, "Keyboard shortcuts", shortcuts_html(menus, MOUSE_HELP))

    def show_guidelines(self) -> None:
        show_help(self, "Annotation guidelines", guidelines_html(list(self.labels.values())))

    def selected_span(self) -> SpanData | None:
        return self.view.span(self.view.selected_span)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.poll_timer.stop()
        self.runner.cancel_all()
        super().closeEvent(event)
