"""Linking a quote to its speaker mention and cue: by click, selection or from a list.

Shift+S (or Shift+V) waits for a click or a selection on the speaker (or cue); Ctrl+Shift+S
picks the speaker among the article's people, nearest first, by typing; F2 edits the name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from annotator.gui.dialogs import PickMentionDialog, SpeakerNameDialog
from annotator.gui.text_view import TextView
from annotator.model import CUE, QUOTE, SPEAKER, SpanData, is_entity
from annotator.ops import edits
from annotator.ops.span_rules import context, distance, quoted
from annotator.ops.speakers import clean_name, full_name, is_name, same_person

if TYPE_CHECKING:
    from annotator.gui.editor import DocumentEditor

_LINK_WORD = {SPEAKER: "speaker mention", CUE: "cue"}


class QuoteLinker(QObject):
    """Links of the quotes of the editor's document."""

    def __init__(self, *, editor: DocumentEditor, parent: QObject | None = None):
        super().__init__(parent)
        self.editor = editor
        self.view: TextView = editor.view
        #: (relation label, quote id) while waiting for a click or selection.
        self.pending: tuple[str, int] | None = None

    def _current_quote(self) -> SpanData | None:
        span = self.view.span(self.view.selected_span)
        if span is not None and span.label == QUOTE:
            return span
        if span is not None:
            for quote in self.view.spans:  # a selected speaker or cue: its quote
                if quote.label == QUOTE and any(
                    linked.id == span.id for linked in self.editor.links(quote.id or 0).values()
                ):
                    return quote
        caret = span.start if span is not None else self.view.caret()
        return next((s for s in self.view.spans_at(caret) if s.label == QUOTE), None)

    def start(self, label: str) -> None:
        """Wait for a click (or selection) on the quote's speaker mention or cue."""
        quote = self._current_quote()
        if quote is None or quote.id is None:
            self.editor.message.emit("Select a quote first (click it, or Tab to it)")
            return
        self.pending = (label, quote.id)
        self.view.set_selected_span(quote.id)
        self.view.set_link_mode(True)
        self.editor.message.emit(
            f"Click the {_LINK_WORD[label]} of {quoted(self.editor.span_text(quote), 30)} "
            "(or select it, or Shift and its J hint); Esc cancels"
        )

    def cancel(self, message: str = "Linking cancelled") -> None:
        self.pending = None
        self.view.set_link_mode(False)
        self.editor.message.emit(message)

    def link_at(self, offset: int) -> None:
        """A click while linking: the span (or token) under it becomes the speaker or cue."""
        label, _quote = self.pending or ("", 0)
        under = self.view.spans_at(offset)
        preferred = [s for s in under if s.label == label]
        preferred = preferred or [s for s in under if is_entity(s.label)]
        if preferred:
            self.link_range(preferred[0].start, preferred[0].end)
            return
        token = self.editor.tokens.at(offset)
        if token is None:
            self.cancel("Nothing there to link")
            return
        self.link_range(*token)

    def link_range(self, start: int, end: int) -> None:
        """A selection while linking: it (snapped) becomes the speaker or cue."""
        if self.pending is None:
            return
        label, quote_id = self.pending
        if self.editor.snap:
            snapped = self.editor.tokens.snap(start, end)
            if snapped is None:
                self.cancel("Nothing there to link")
                return
            start, end = snapped
        self.pending = None
        self.view.set_link_mode(False)
        self.link(quote_id, label, start, end)

    def link(self, quote_id: int, label: str, start: int, end: int) -> bool:
        """Link ``start..end`` as the quote's speaker or cue, drawing that span if needed."""
        quote = self.view.span(quote_id)
        if quote is None:
            return False
        args = self.editor.edit_args()
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
        done = f"Linked {word} {quoted(mention)} to the quote"
        attrs = dict(quote.attrs)
        if label == SPEAKER:
            name, done = self._speaker_name(quote, start, end, done)
            if name is not None:
                attrs = {**quote.attrs, "speaker_name": name}
        # A person chose who speaks (or what cues): the quotation is now theirs, reviewed.
        changes = {"attrs": attrs, "source": "human"}
        steps.append(edits.UpdateSpan(*args, span_id=quote_id, changes=changes))
        if not self.editor.push(edits.Batch(*args, edits=steps, text=f"Link {word}")):
            return False
        self.editor.select_span(quote_id)
        self.editor.message.emit(done)
        return True

    def _speaker_name(
        self, quote: SpanData, start: int, end: int, done: str
    ) -> tuple[str | None, str]:
        """The quote's new speaker name (None: keep it) and the status line to show.

        A name (a PERSON entity, or a mention that is not a pronoun or description) becomes
        the speaker name, as the one fuller name of that person in the article has it ("Mr
        Thomas" speaks as "Richard Thomas"), unless the current name already is that person
        ("Imran Hussain" for "Hussain"); "he" or "the minister" keep the name, and the status
        line says so.
        """
        person = next(
            (s for s in self.editor.people() if s.start <= start and end <= s.end), None
        ) or next((s for s in self.editor.people() if start <= s.start and s.end <= end), None)
        mention = self.view.text[start:end]
        found = clean_name(self.editor.span_text(person) if person else mention)
        current = str(quote.attrs.get("speaker_name") or "")
        if person is None and not is_name(mention):
            kept = f"the speaker name stays “{current}”" if current else "no speaker name yet"
            return None, f"{done}; {kept} (F2 to change)"
        people = (clean_name(self.editor.span_text(p)) for p in self.editor.people())
        found = full_name(found, people)  # "Mr Thomas" speaks as the "Richard Thomas" named
        if current and same_person(current, found):
            return None, done
        return found, f"{done}; speaker name: {found}"

    def pick_speaker(self) -> None:
        """Choose the speaker among the article's PERSON mentions, nearest the quote first;
        typing filters the list, Return links the first match."""
        quote = self._current_quote()
        if quote is None or quote.id is None:
            self.editor.message.emit("Select a quote first (Tab to it)")
            return
        people = sorted(self.editor.people(), key=lambda p: (distance(p, quote), p.start))
        if not people:
            self.editor.message.emit(
                "No PERSON entity in this article; link the speaker with Shift+S"
            )
            return
        text = self.view.text
        items = [f"{text[p.start : p.end]}  —  {context(text, p.start, p.end)}" for p in people]
        index = PickMentionDialog.ask(self.view, "Pick the speaker", items)
        if index is not None:
            person = people[index]
            self.link(quote.id, SPEAKER, person.start, person.end)

    def edit_speaker_name(self) -> None:
        quote = self._current_quote()
        if quote is None or quote.id is None:
            self.editor.message.emit("Select a quote first")
            return
        current = str(quote.attrs.get("speaker_name") or "")
        names = list(dict.fromkeys(self.editor.span_text(p) for p in self.editor.people()))
        name = SpeakerNameDialog.ask(self.view, current, names)
        if name is None or name == current:
            return
        attrs = {**quote.attrs, "speaker_name": name}
        if not name:
            attrs.pop("speaker_name")
        changes = {"attrs": attrs, "source": "human"}
        edit = edits.UpdateSpan(*self.editor.edit_args(), span_id=quote.id, changes=changes)
        if self.editor.push(edit):
            self.editor.message.emit(f"Speaker name: {name or '—'}")
