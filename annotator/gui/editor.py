"""What keys and clicks mean in the article: labelling, selecting, reviewing, resizing.

The editor turns a user gesture into an :mod:`annotator.ops.edits` edit and hands it to the
undo manager, which applies it (committed) before the view is refreshed from the store. The
rules a span must keep live in :mod:`annotator.ops.span_rules`; quote links in
:mod:`annotator.gui.linking`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QObject, Signal

from annotator.gui.highlight import is_suggestion
from annotator.gui.linking import QuoteLinker
from annotator.gui.text_view import TextView
from annotator.model import CUE, QUOTE, SPEAKER, Label, SpanData, is_entity
from annotator.ops import edits, suggestions
from annotator.ops.candidates import find_candidate
from annotator.ops.span_rules import quoted, refusal
from annotator.ops.tokens import Tokens, is_pretokenized, warm_up
from annotator.store import Relation, Store

Push = Callable[[edits.Edit], bool]


class DocumentEditor(QObject):
    """The editing logic of the open document, over a :class:`TextView`.

    Signals:
        message(str): a line for the status bar, after every action.
        spans_changed(): the spans or links of the document changed (side lists refresh).
        span_selected(int): the selected span (-1: none).
        snap_changed(bool): snapping to tokens was switched on or off.
    """

    message = Signal(str)
    spans_changed = Signal()
    span_selected = Signal(int)
    snap_changed = Signal(bool)

    def __init__(
        self, *, view: TextView, store: Store, annotator: str, push: Push,
        labels: Mapping[str, Label], parent: QObject | None = None,
    ):  # fmt: skip
        super().__init__(parent)
        self.view = view
        self.store = store
        self.annotator = annotator
        self.labels = labels
        self.push = push
        self.document_id: int | None = None
        self.relations: list[Relation] = []
        self._links: dict[int, dict[str, SpanData]] = {}
        self.snap = True
        self._tokens: Tokens | None = None
        # spaCy loads in the background, so the first label key does not wait for it.
        threading.Thread(target=warm_up, name="spacy-tokenizer", daemon=True).start()
        self.linker = QuoteLinker(editor=self, parent=self)
        view.describe = self.describe
        view.clicked.connect(self._on_clicked)
        view.selection_made.connect(self._on_selection_made)
        view.escape_pressed.connect(self.escape)

    # -- document -----------------------------------------------------------------------
    def open(self, document_id: int) -> None:
        self.document_id = document_id
        self.linker.pending = None
        self.view.set_link_mode(False)
        document = self.store.document(document_id)
        text = document.text
        self._tokens = Tokens(text, pretokenized=is_pretokenized(document.meta))
        self.relations = self.store.relations(document_id, self.annotator)
        self.view.load(text, self.store.spans(document_id, self.annotator))
        self._index_links()
        self.spans_changed.emit()
        self.span_selected.emit(-1)

    def close(self) -> None:
        self.document_id = None
        self._tokens = None
        self.relations = []
        self.view.load("", [])
        self._index_links()
        self.spans_changed.emit()

    def reload(self) -> None:
        """Show what the store now holds for the open document (after an edit or outside)."""
        if self.document_id is None:
            return
        selected = self.view.selected_span
        self.relations = self.store.relations(self.document_id, self.annotator)
        self.view.set_spans(self.store.spans(self.document_id, self.annotator))
        self._index_links()
        self._mark_links()
        self.spans_changed.emit()
        if selected != self.view.selected_span:
            self.span_selected.emit(self.view.selected_span or -1)

    @property
    def tokens(self) -> Tokens:
        """The export tokens of the open document, line by line as keys need them."""
        if self._tokens is None:
            self._tokens = Tokens(self.view.text)
        return self._tokens

    def set_snap(self, on: bool) -> None:
        self.snap = on
        self.snap_changed.emit(on)

    def edit_args(self) -> tuple[int, str]:
        assert self.document_id is not None
        return self.document_id, self.annotator

    def span_text(self, span: SpanData) -> str:
        return self.view.text[span.start : span.end]

    # -- queries for the side lists and tooltips -----------------------------------------
    def links(self, quote_id: int) -> dict[str, SpanData]:
        """The speaker and cue spans linked to a quote."""
        return self._links.get(quote_id, {})

    def _index_links(self) -> None:
        self._links = {}
        for rel in self.relations:
            child = self.view.span(rel.child_id)
            if child is not None:
                self._links.setdefault(rel.head_id, {})[rel.label] = child

    def quotes(self) -> list[tuple[SpanData, dict[str, SpanData]]]:
        return [(s, self.links(s.id or 0)) for s in self.view.spans if s.label == QUOTE]

    def people(self) -> list[SpanData]:
        return [s for s in self.view.spans if s.label == "PERSON"]

    def describe(self, spans: Sequence[SpanData]) -> str:
        """Tooltip: label, source and review state; for a quote its speaker name and cue."""
        lines = []
        for span in spans:
            state = "model suggestion" if is_suggestion(span) else f"{span.source}, reviewed"
            lines.append(f"<b>{span.label}</b> — {state}")
            if span.label == QUOTE:
                links = self.links(span.id or 0)
                name = span.attrs.get("speaker_name") or "—"
                mention = links.get(SPEAKER)
                said = f" (“{self.span_text(mention)}”)" if mention else ""
                lines.append(f"Speaker: {name}{said}")
                cue = links.get(CUE)
                lines.append(f"Cue: {self.span_text(cue) if cue else '—'}")
        return "<br>".join(lines)

    # -- selection ------------------------------------------------------------------------
    def select_span(self, span_id: int | None, *, reveal: bool = False) -> None:
        span = self.view.span(span_id)
        self.view.set_selected_span(span.id if span else None)
        if span is not None:
            if reveal:
                self.view.reveal(span.start, span.end)
            self.view.place_caret(span.start)
            state = "suggestion: Space accepts, Delete rejects" if is_suggestion(span) else (
                f"{span.source}, reviewed"
            )  # fmt: skip
            self.message.emit(f"{span.label} {quoted(self.span_text(span))} ({state})")
        self._mark_links()
        self.span_selected.emit(span.id if span and span.id else -1)

    def _mark_links(self) -> None:
        span = self.view.span(self.view.selected_span)
        marked: set[int] = set()
        if span is not None and span.label == QUOTE and span.id is not None:
            marked = {s.id for s in self.links(span.id).values() if s.id is not None}
        self.view.set_marked(marked)

    def step(self, forward: bool, unreviewed: bool = False) -> None:
        """Select the next (or previous) span in reading order; with ``unreviewed``, the next
        suggestion still to review (every span once none is left)."""
        spans = self.view.spans
        if unreviewed and any(is_suggestion(s) for s in spans):
            spans = [s for s in spans if is_suggestion(s)]
        self._step_within(spans, forward)

    def step_label(self, forward: bool) -> None:
        """The next (or previous) span with the selected span's label."""
        current = self.view.span(self.view.selected_span)
        if current is None:
            self.message.emit("Select a span first; then Ctrl+Down finds the next of its label")
            return
        self._step_within([s for s in self.view.spans if s.label == current.label], forward)

    def _step_within(self, spans: list[SpanData], forward: bool) -> None:
        if not spans:
            self.message.emit("No span in this document")
            return
        current = self.view.span(self.view.selected_span)
        here = (current.start, -current.end, current.id or 0) if current else (
            self.view.caret(), -len(self.view.text) - 1, -1
        )  # fmt: skip
        keys = [(s.start, -s.end, s.id or 0) for s in spans]
        if forward:
            later = [i for i, k in enumerate(keys) if k > here]
            index = later[0] if later else 0
        else:
            earlier = [i for i, k in enumerate(keys) if k < here]
            index = earlier[-1] if earlier else len(spans) - 1
        self.select_span(spans[index].id, reveal=True)

    def select_candidate(self, forward: bool) -> None:
        """Select the next (or previous) name, number or amount no entity span covers, so the
        label key adds it: a missing span in two inputs."""
        if self.document_id is None:
            self.message.emit("Open a document first")
            return
        selection = self.view.selection()
        offset = (selection[1] if forward else selection[0]) if selection else self.view.caret()
        found = find_candidate(
            self.view.text, self.view.spans, offset, forward=forward, tokens=self.tokens
        )
        if found is None:
            self.message.emit("Every capitalised name and number here has a span")
            return
        self.select_text_range(*found)
        wrapped = found[0] < offset if forward else found[1] > offset
        where = " (from the other end)" if wrapped else ""
        self.message.emit(
            f"{quoted(self.view.text[found[0] : found[1]])}{where}: a label key adds it"
        )

    def select_text_range(self, start: int, end: int) -> None:
        """Select text (no span) so that a label key adds it; the view scrolls to it."""
        if self.view.selected_span is not None:
            self.view.set_selected_span(None)
            self._mark_links()
            self.span_selected.emit(-1)
        self.view.reveal(start, end)
        self.view.select_text(start, end)

    def escape(self) -> None:
        if self.linker.pending is not None:
            self.linker.cancel()
            return
        self.view.place_caret(self.view.caret())
        self.select_span(None)
        self.message.emit("Nothing selected")

    def _on_clicked(self, offset: int) -> None:
        if self.linker.pending is not None:
            self.linker.link_at(offset)
            return
        under = self.view.spans_at(offset)
        if not under:
            self.select_span(None)
            return
        current = self.view.span(self.view.selected_span)
        # A second click on the same place walks through overlapping spans.
        index = (under.index(current) + 1) % len(under) if current in under else 0
        self.select_span(under[index].id)

    def _on_selection_made(self, start: int, end: int) -> None:
        if self.linker.pending is not None:
            self.linker.link_range(start, end)
            return
        if self.view.selected_span is not None:
            self.view.set_selected_span(None)
            self._mark_links()
            self.span_selected.emit(-1)

    def _target(self) -> tuple[int, int] | None:
        """The text a label key applies to: the selection, snapped to tokens unless exact."""
        selected = self.view.selection()
        if selected is None:
            return None
        return self.tokens.snap(*selected) if self.snap else selected

    def _refused(self, label: str, start: int, end: int, ignore: int | None = None) -> bool:
        why = refusal(self.view.text, self.view.spans, label, start, end, ignore=ignore)
        if why is not None:
            self.message.emit(why)
        return why is not None

    # -- labelling and review -------------------------------------------------------------
    def apply_label(self, label: str) -> None:
        """A label key: label the selected text, or relabel the selected span."""
        if self.document_id is None:
            self.message.emit("Open a document first")
            return
        if self.linker.pending is not None:
            self.linker.cancel()
        selected = self.view.span(self.view.selected_span)
        if selected is not None and self.view.selection() is None:
            self._relabel(selected, label)
            return
        if self.view.selection() is None:
            self.message.emit(
                f"{label}: select some text first (Shift+arrows or the mouse), or Tab to a span"
            )
            return
        target = self._target()
        if target is None:
            self.message.emit("Only white space is selected; select a word")
            return
        start, end = target
        same = (s for s in self.view.spans if (s.start, s.end, s.label) == (start, end, label))
        twin = next(same, None) or self._entity_at(start, end, label)
        if twin is not None:  # the selection is a span's text: the key is for that span
            self.select_span(twin.id)
            self._relabel(twin, label)
            return
        if self._refused(label, start, end):
            return
        create = edits.CreateSpan(*self.edit_args(), label=label, start=start, end=end)
        if self.push(create):
            self.view.place_caret(end)
            self.select_span(create.current_id())
            self.message.emit(f"Added {label} {quoted(self.view.text[start:end])}")

    def _relabel(self, span: SpanData, label: str) -> None:
        if span.label == label:
            self.message.emit(f"Already {label}")
            return
        if self._refused(label, span.start, span.end, ignore=span.id):
            return
        self.push(edits.UpdateSpan(*self.edit_args(), span_id=span.id or 0,
                                   changes={"label": label}))  # fmt: skip

    def _entity_at(self, start: int, end: int, label: str) -> SpanData | None:
        """The entity spanning exactly ``start..end`` when ``label`` is an entity label too."""
        if not is_entity(label):
            return None
        found = (s for s in self.view.spans if (s.start, s.end) == (start, end) and s.is_entity)
        return next(found, None)

    def select_found(self, start: int, end: int) -> None:
        """Find selected ``start..end``: a span of exactly that text is selected instead (label
        keys relabel it, Delete removes it); otherwise no span stays outlined beside the text."""
        same = next((s for s in self.view.spans if (s.start, s.end) == (start, end)), None)
        self.select_span(same.id if same is not None else None)

    def accept_selected(self) -> None:
        """Space or Return: accept the selected suggestion and go to the next one."""
        if self.linker.pending is not None and self.view.selection() is not None:
            self.linker.link_range(*self.view.selection())  # type: ignore[misc]
            return
        span = self.view.span(self.view.selected_span)
        if span is None:
            self.message.emit("Tab to a suggestion first, then Space accepts it")
            return
        if not is_suggestion(span):
            self.step(True, unreviewed=True)
            self.message.emit(f"{span.label} {quoted(self.span_text(span))} is already reviewed")
            return
        edit = edits.UpdateSpan(*self.edit_args(), span_id=span.id or 0,
                                changes={"reviewed": True})  # fmt: skip
        if self.push(edit):
            left = sum(1 for s in self.view.spans if is_suggestion(s))
            if left:
                self.step(True, unreviewed=True)
            self.message.emit(
                f"Accepted {span.label} {quoted(self.span_text(span))}; {left} to review"
            )

    def delete_selected(self) -> None:
        span = self.view.span(self.view.selected_span)
        if span is None:
            self.message.emit("Click a span first, then press Delete")
            return
        if self.push(edits.DeleteSpan(*self.edit_args(), span_id=span.id or 0)):
            self.message.emit(f"Deleted {span.label} {quoted(self.span_text(span))}")

    def resize(self, edge: str, grow: bool) -> None:
        """Move the selected span's ``start`` or ``end`` by a token (or a character)."""
        span = self.view.span(self.view.selected_span)
        if span is None:
            self.message.emit("Click a span first, then resize it with Alt+arrows")
            return
        start, end = span.start, span.end
        tokens, exact = self.tokens, not self.snap
        if edge == "end":
            if exact:
                end = end + 1 if grow else end - 1
            else:
                end = (tokens.next_end(end) if grow else tokens.previous_end(end)) or -1
        elif exact:
            start = start - 1 if grow else start + 1
        else:
            found = tokens.previous_start(start) if grow else tokens.next_start(start)
            start = -1 if found is None else found
        if not 0 <= start < end <= len(self.view.text):
            self.message.emit("The span cannot get any " + ("larger" if grow else "smaller"))
            return
        if self._refused(span.label, start, end, ignore=span.id):
            return
        changes = {"start": start, "end": end}
        if self.push(edits.UpdateSpan(*self.edit_args(), span_id=span.id or 0, changes=changes)):
            self.message.emit(f"{span.label} is now {quoted(self.view.text[start:end])}")

    # -- whole document -------------------------------------------------------------------
    def accept_suggestions(self) -> None:
        count = sum(1 for s in self.view.spans if is_suggestion(s))
        if self.document_id is None or not count:
            self.message.emit("No suggestions to accept")
            return
        if self.push(edits.AcceptSuggestions(*self.edit_args())):
            self.message.emit(f"Accepted {count} suggestions")

    def clear_suggestions(self) -> None:
        count = sum(1 for s in self.view.spans if is_suggestion(s))
        if self.document_id is None or not count:
            self.message.emit("No suggestions to clear")
            return
        if self.push(edits.ClearSuggestions(*self.edit_args())):
            self.message.emit(f"Cleared {count} suggestions")

    def merge_suggestions(self) -> None:
        """Add a newer model run's suggestions that do not clash with this document's spans."""
        if self.document_id is None:
            self.message.emit("Open a document first")
            return
        offer = suggestions.pending(self.store, self.document_id, self.annotator)
        if offer is None or not offer.spans:
            self.message.emit("No new suggestions for this document")
            return
        edit = suggestions.MergeSuggestions(*self.edit_args(), source_layer=offer.layer)
        if self.push(edit):
            self.message.emit(
                f"Merged {edit.added} new suggestion(s) from {offer.layer}"
                + (f"; {edit.clashing} left out (they clash with your spans)"
                   if edit.clashing else "")
                + " — Ctrl+Z undoes the merge"
            )  # fmt: skip
