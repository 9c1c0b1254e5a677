"""What keys and clicks mean in the article: labelling, selecting, resizing, linking quotes.

The editor turns a user gesture into an :mod:`annotator.ops.edits` edit and hands it to the
undo manager, which applies it (committed) before the view is refreshed from the store.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QObject, Signal

from annotator.gui.dialogs import PickMentionDialog, SpeakerNameDialog
from annotator.gui.highlight import is_suggestion
from annotator.gui.speakers import clean_name, is_name, same_person
from annotator.gui.text_view import TextView
from annotator.gui.tokens import Tokens
from annotator.model import CUE, QUOTE, SPEAKER, Label, SpanData, is_entity
from annotator.ops import edits
from annotator.store import Relation, Store

Push = Callable[[edits.Edit], bool]
_LINK_WORD = {SPEAKER: "speaker mention", CUE: "cue"}


def _quoted(text: str, limit: int = 40) -> str:
    """A short quotation of span text for messages (quote spans keep their own marks)."""
    text = " ".join(text.split())
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return short if text[:1] in "“\"‘'«" else f"“{short}”"


class DocumentEditor(QObject):
    """The editing logic of the open document, over a :class:`TextView`.

    Signals:
        message(str): a line for the status bar, after every action.
        spans_changed(): the spans or links of the document changed (side lists refresh).
        span_selected(int): the selected span (-1: none).
    """

    message = Signal(str)
    spans_changed = Signal()
    span_selected = Signal(int)

    def __init__(
        self, *, view: TextView, store: Store, annotator: str, push: Push,
        labels: Mapping[str, Label], parent: QObject | None = None,
    ):  # fmt: skip
        super().__init__(parent)
        self.view = view
        self.store = store
        self.annotator = annotator
        self.labels = labels
        self._push = push
        self.document_id: int | None = None
        self.relations: list[Relation] = []
        self._links: dict[int, dict[str, SpanData]] = {}
        self.snap = True
        self._tokens: Tokens | None = None
        self._link: tuple[str, int] | None = None  # (relation label, quote id)
        view.describe = self.describe
        view.clicked.connect(self._on_clicked)
        view.selection_made.connect(self._on_selection_made)
        view.escape_pressed.connect(self.escape)

    # -- document -----------------------------------------------------------------------
    def open(self, document_id: int) -> None:
        self.document_id = document_id
        self._tokens = None
        self._link = None
        self.view.set_link_mode(False)
        text = self.store.document_text(document_id)
        self.relations = self.store.relations(document_id, self.annotator)
        self.view.load(text, self.store.spans(document_id, self.annotator))
        self._index_links()
        self.spans_changed.emit()
        self.span_selected.emit(-1)

    def close(self) -> None:
        self.document_id = None
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
        if self._tokens is None:
            self._tokens = Tokens(self.view.text)
        return self._tokens

    def _edit_args(self) -> tuple[int, str]:
        assert self.document_id is not None
        return self.document_id, self.annotator

    def _text(self, span: SpanData) -> str:
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
                said = f" (“{self._text(mention)}”)" if mention else ""
                lines.append(f"Speaker: {name}{said}")
                cue = links.get(CUE)
                lines.append(f"Cue: {self._text(cue) if cue else '—'}")
        return "<br>".join(lines)

    # -- selection ------------------------------------------------------------------------
    def select_span(self, span_id: int | None, *, reveal: bool = False) -> None:
        span = self.view.span(span_id)
        self.view.set_selected_span(span.id if span else None)
        if span is not None:
            if reveal:
                self.view.reveal(span.start, span.end)
            self.view.place_caret(span.start)
            state = "suggestion" if is_suggestion(span) else span.source
            self.message.emit(f"{span.label} {_quoted(self._text(span))} ({state})")
        self._mark_links()
        self.span_selected.emit(span.id if span and span.id else -1)

    def _mark_links(self) -> None:
        span = self.view.span(self.view.selected_span)
        marked: set[int] = set()
        if span is not None and span.label == QUOTE and span.id is not None:
            marked = {s.id for s in self.links(span.id).values() if s.id is not None}
        self.view.set_marked(marked)

    def step(self, forward: bool) -> None:
        """Select the next (or previous) span in reading order."""
        spans = self.view.spans
        if not spans:
            return
        current = self.view.span(self.view.selected_span)
        keys = [(s.start, -s.end) for s in spans]
        if current is None:
            here = (self.view.caret(), -len(self.view.text) - 1)
            later = [i for i, k in enumerate(keys) if k >= here]
            index = (later[0] if later else 0) if forward else (later[0] - 1 if later else -1)
        else:
            index = spans.index(current) + (1 if forward else -1)
        self.select_span(spans[index % len(spans)].id, reveal=True)

    def escape(self) -> None:
        if self._link is not None:
            self._end_link("Linking cancelled")
            return
        self.view.place_caret(self.view.caret())
        self.select_span(None)
        self.message.emit("Nothing selected")

    def _on_clicked(self, offset: int) -> None:
        if self._link is not None:
            self._link_at(offset)
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
        if self._link is not None:
            self._link_range(start, end)
            return
        if self.view.selected_span is not None:
            self.view.set_selected_span(None)
            self._mark_links()
            self.span_selected.emit(-1)

    def _target(self) -> tuple[int, int] | None:
        """The text a label key applies to: the selection (snapped), else the word at the caret."""
        selected = self.view.selection()
        if selected is not None:
            return self.tokens.snap(*selected) if self.snap else selected
        return self.tokens.at(self.view.caret())

    def _overlap(self, label: str, start: int, end: int, ignore: int | None = None) -> bool:
        """Refuse (with the words, not offsets) an entity that would overlap another one."""
        if not is_entity(label):
            return False
        clash = next(
            (s for s in self.view.spans if is_entity(s.label) and s.id != ignore
             and s.start < end and start < s.end),
            None,
        )  # fmt: skip
        if clash is not None:
            self.message.emit(
                f"{label} {_quoted(self.view.text[start:end])} would overlap {clash.label} "
                f"{_quoted(self._text(clash))}; entities never overlap"
            )
        return clash is not None

    # -- labelling ------------------------------------------------------------------------
    def apply_label(self, label: str) -> None:
        """A label key: relabel the selected span, or label the selected text (or word)."""
        if self.document_id is None:
            self.message.emit("Open a document first")
            return
        if self._link is not None:
            self._end_link("Linking cancelled")
        selected = self.view.span(self.view.selected_span)
        if selected is not None and self.view.selection() is None:
            if selected.label == label:
                self.message.emit(f"Already {label}")
                return
            if self._overlap(label, selected.start, selected.end, ignore=selected.id):
                return
            self._push(edits.UpdateSpan(*self._edit_args(), span_id=selected.id or 0,
                                        changes={"label": label}))  # fmt: skip
            return
        target = self._target()
        if target is None:
            self.message.emit("Select some text first (or put the caret on a word)")
            return
        start, end = target
        twin = next(
            (s for s in self.view.spans if (s.start, s.end, s.label) == (start, end, label)), None
        )
        if twin is not None:
            self.select_span(twin.id)
            self.message.emit(f"That text is already {label}")
            return
        if self._overlap(label, start, end):
            return
        create = edits.CreateSpan(*self._edit_args(), label=label, start=start, end=end)
        if self._push(create):
            self.view.place_caret(end)
            self.select_span(create.current_id())
            self.message.emit(f"Added {label} {_quoted(self.view.text[start:end])}")

    def delete_selected(self) -> None:
        span = self.view.span(self.view.selected_span)
        if span is None:
            self.message.emit("Click a span first, then press Delete")
            return
        if self._push(edits.DeleteSpan(*self._edit_args(), span_id=span.id or 0)):
            self.message.emit(f"Deleted {span.label} {_quoted(self._text(span))}")

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
        if self._overlap(span.label, start, end, ignore=span.id):
            return
        changes = {"start": start, "end": end}
        if self._push(edits.UpdateSpan(*self._edit_args(), span_id=span.id or 0, changes=changes)):
            self.message.emit(f"{span.label} is now {_quoted(self.view.text[start:end])}")

    # -- quotes ---------------------------------------------------------------------------
    def _current_quote(self) -> SpanData | None:
        span = self.view.span(self.view.selected_span)
        if span is not None and span.label == QUOTE:
            return span
        if span is not None:
            for quote in self.view.spans:  # a selected speaker or cue: its quote
                if quote.label == QUOTE and any(
                    linked.id == span.id for linked in self.links(quote.id or 0).values()
                ):
                    return quote
        caret = span.start if span is not None else self.view.caret()
        return next((s for s in self.view.spans_at(caret) if s.label == QUOTE), None)

    def start_link(self, label: str) -> None:
        """Wait for a click (or selection) on the quote's speaker mention or cue."""
        quote = self._current_quote()
        if quote is None or quote.id is None:
            self.message.emit("Select a quote first (click it, or Tab to it)")
            return
        self._link = (label, quote.id)
        self.view.set_selected_span(quote.id)
        self.view.set_link_mode(True)
        self.message.emit(
            f"Click the {_LINK_WORD[label]} of {_quoted(self._text(quote), 30)} "
            "(or select it); Esc cancels"
        )

    def _end_link(self, message: str) -> None:
        self._link = None
        self.view.set_link_mode(False)
        self.message.emit(message)

    def _link_at(self, offset: int) -> None:
        label, _quote = self._link or ("", 0)
        under = self.view.spans_at(offset)
        preferred = [s for s in under if s.label == label]
        preferred = preferred or [s for s in under if is_entity(s.label)]
        if preferred:
            self._link_range(preferred[0].start, preferred[0].end)
            return
        token = self.tokens.at(offset)
        if token is None:
            self._end_link("Nothing there to link")
            return
        self._link_range(*token)

    def _link_range(self, start: int, end: int) -> None:
        if self._link is None:
            return
        label, quote_id = self._link
        if self.snap:
            snapped = self.tokens.snap(start, end)
            if snapped is None:
                self._end_link("Nothing there to link")
                return
            start, end = snapped
        self._link = None
        self.view.set_link_mode(False)
        self.link(quote_id, label, start, end)

    def link(self, quote_id: int, label: str, start: int, end: int) -> bool:
        """Link ``start..end`` as the quote's speaker or cue, drawing that span if needed."""
        quote = self.view.span(quote_id)
        if quote is None:
            return False
        args = self._edit_args()
        child = next(
            (s for s in self.view.spans if (s.start, s.end, s.label) == (start, end, label)), None
        )
        steps: list[edits.Edit] = []
        target: edits.SpanRef
        if child is None:
            create = edits.CreateSpan(*args, label=label, start=start, end=end)
            steps.append(create)
            target = create
        else:
            target = child.id or 0
        steps.append(edits.SetLink(*args, quote=quote_id, label=label, child=target))
        mention = self.view.text[start:end]
        word = _LINK_WORD[label]
        done = f"Linked {word} {_quoted(mention)} to the quote"
        if label == SPEAKER:
            name, done = self._speaker_name(quote, start, end, done)
            if name is not None:
                attrs = {**quote.attrs, "speaker_name": name}
                steps.append(edits.UpdateSpan(*args, span_id=quote_id, changes={"attrs": attrs}))
        if not self._push(edits.Batch(*args, edits=steps, text=f"Link {word}")):
            return False
        self.select_span(quote_id)
        self.message.emit(done)
        return True

    def _speaker_name(
        self, quote: SpanData, start: int, end: int, done: str
    ) -> tuple[str | None, str]:
        """The quote's new speaker name (None: keep it) and the status line to show.

        A name (a PERSON entity, or a mention that is not a pronoun or description) becomes
        the speaker name, unless the current name already is that person ("Imran Hussain" for
        "Hussain"); "he" or "the minister" keep the name, and the status line says so.
        """
        person = next(
            (s for s in self.people() if s.start <= start and end <= s.end), None
        ) or next((s for s in self.people() if start <= s.start and s.end <= end), None)
        mention = self.view.text[start:end]
        found = clean_name(self._text(person) if person else mention)
        current = str(quote.attrs.get("speaker_name") or "")
        if person is None and not is_name(mention):
            kept = f"the speaker name stays “{current}”" if current else "no speaker name yet"
            return None, f"{done}; {kept} (F2 to change)"
        if current and same_person(current, found):
            return None, done
        return found, f"{done}; speaker name: {found}"

    def pick_speaker(self) -> None:
        """Choose the speaker among the article's PERSON mentions."""
        quote = self._current_quote()
        people = self.people()
        if quote is None or quote.id is None:
            self.message.emit("Select a quote first")
            return
        if not people:
            self.message.emit("No PERSON entity in this article; link the speaker by clicking")
            return
        items = [f"{self._text(p)}  (at {p.start})" for p in people]
        index = PickMentionDialog.ask(self.view, "Pick the speaker", items)
        if index is not None:
            person = people[index]
            self.link(quote.id, SPEAKER, person.start, person.end)

    def edit_speaker_name(self) -> None:
        quote = self._current_quote()
        if quote is None or quote.id is None:
            self.message.emit("Select a quote first")
            return
        current = str(quote.attrs.get("speaker_name") or "")
        names = list(dict.fromkeys(self._text(p) for p in self.people()))
        name = SpeakerNameDialog.ask(self.view, current, names)
        if name is None or name == current:
            return
        attrs = {**quote.attrs, "speaker_name": name}
        if not name:
            attrs.pop("speaker_name")
        edit = edits.UpdateSpan(*self._edit_args(), span_id=quote.id, changes={"attrs": attrs})
        if self._push(edit):
            self.message.emit(f"Speaker name: {name or '—'}")

    # -- whole document -------------------------------------------------------------------
    def accept_suggestions(self) -> None:
        count = sum(1 for s in self.view.spans if is_suggestion(s))
        if self.document_id is None or not count:
            self.message.emit("No suggestions to accept")
            return
        if self._push(edits.AcceptSuggestions(*self._edit_args())):
            self.message.emit(f"Accepted {count} suggestions")

    def clear_suggestions(self) -> None:
        count = sum(1 for s in self.view.spans if is_suggestion(s))
        if self.document_id is None or not count:
            self.message.emit("No suggestions to clear")
            return
        if self._push(edits.ClearSuggestions(*self._edit_args())):
            self.message.emit(f"Cleared {count} suggestions")
