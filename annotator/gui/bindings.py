"""Commands as data: each command of the window, its menu, keys, scope and target.

A binding names its target by an attribute path from the main window (``"editor.resize"``)
and the arguments to call it with, so no window method exists only to forward a key. The
window turns each entry into a ``QAction`` (menus show the keys); the F1 help and the key
table of the README are generated from the same entries (a test checks the README).

To add commands (a panel of another module, say), append bindings to :data:`BINDINGS` or pass
extra ones to the window; label keys come from the label scheme, see :func:`label_rows`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.model import Label


@dataclass(frozen=True)
class Binding:
    """One command.

    ``target``: attribute path from the window to the callable; ``args`` are passed to it (a
    checkable command also gets its new state). ``scope``: ``window`` (anywhere), ``editor``
    (article, side lists, palette) or ``view`` (only while the article has the focus).
    """

    name: str
    text: str
    keys: tuple[str, ...]
    menu: str
    target: str
    args: tuple[Any, ...] = ()
    tip: str = ""
    scope: str = "window"
    checkable: bool = False

    @property
    def title(self) -> str:
        return self.text.replace("&", "").rstrip("…")


def _b(name: str, text: str, keys: Sequence[str], menu: str, target: str, *args: Any,
       tip: str = "", scope: str = "window", checkable: bool = False) -> Binding:  # fmt: skip
    return Binding(name, text, tuple(keys), menu, target, args, tip, scope, checkable)


BINDINGS: tuple[Binding, ...] = (
    # File
    _b("import_files", "&Import files…", ["Ctrl+O"], "File", "jobs.import_files",
       tip="Add text, JSONL or CSV files"),
    _b("import_folder", "Import &folder…", ["Ctrl+Shift+O"], "File", "jobs.import_folder",
       tip="Add every file of a folder"),
    _b("export", "&Export…", ["Ctrl+E"], "File", "jobs.export",
       tip="Write gold data in a training format"),
    _b("quit", "&Quit", ["Ctrl+Q"], "File", "close"),
    # Edit
    _b("undo", "&Undo", ["Ctrl+Z"], "Edit", "undo.undo",
       tip="Undo the open document's last edit (also from earlier sessions)"),
    _b("redo", "&Redo", ["Ctrl+Shift+Z", "Ctrl+Y"], "Edit", "undo.redo"),
    _b("accept_span", "Accept suggestion", ["Space", "Return"], "Edit", "editor.accept_selected",
       tip="Mark the selected suggestion reviewed and go to the next one", scope="view"),
    _b("delete_span", "&Delete span", ["Delete", "Backspace"], "Edit", "editor.delete_selected",
       tip="Delete (reject) the selected span", scope="editor"),
    _b("grow_end", "Grow end", ["Alt+Right"], "Edit", "editor.resize", "end", True,
       tip="Move the span's end one token right", scope="editor"),
    _b("shrink_end", "Shrink end", ["Alt+Left"], "Edit", "editor.resize", "end", False,
       tip="Move the span's end one token left", scope="editor"),
    _b("grow_start", "Grow start", ["Alt+Shift+Left"], "Edit", "editor.resize", "start", True,
       tip="Move the span's start one token left", scope="editor"),
    _b("shrink_start", "Shrink start", ["Alt+Shift+Right"], "Edit", "editor.resize", "start",
       False, tip="Move the span's start one token right", scope="editor"),
    _b("next_unreviewed", "Next unreviewed span", ["Tab"], "Edit", "editor.step", True, True,
       tip="The next suggestion still to review (every span when all are reviewed)",
       scope="view"),
    _b("previous_unreviewed", "Previous unreviewed span", ["Shift+Tab"], "Edit", "editor.step",
       False, True, scope="view"),
    _b("next_span", "Next span", ["Alt+Down"], "Edit", "editor.step", True, False,
       tip="The next span, reviewed or not", scope="view"),
    _b("previous_span", "Previous span", ["Alt+Up"], "Edit", "editor.step", False, False,
       scope="view"),
    _b("next_same_label", "Next span of this label", ["Ctrl+Down"], "Edit",
       "editor.step_label", True, scope="view"),
    _b("previous_same_label", "Previous span of this label", ["Ctrl+Up"], "Edit",
       "editor.step_label", False, scope="view"),
    _b("next_candidate", "Next name without a span", ["Alt+N"], "Edit",
       "editor.select_candidate", True,
       tip="Select the next capitalised name, number or amount no entity covers; then a label"
           " key adds it", scope="editor"),
    _b("previous_candidate", "Previous name without a span", ["Alt+Shift+N"], "Edit",
       "editor.select_candidate", False, scope="editor"),
    _b("jump", "&Jump hints on or off", ["J"], "Edit", "jump.start",
       tip="Letter hints on every span and missed name in view; Shift and a hint's letter"
           " select it", scope="editor"),
    _b("snap_tokens", "Snap to &tokens", ["Ctrl+T"], "Edit", "editor.set_snap",
       tip="Selections grow to whole tokens; off: exact characters", checkable=True),
    _b("find_in_article", "&Find in article…", ["Ctrl+F"], "Edit", "find_bar.start",
       tip="Search the open article; Return: next match, Esc: back to the article"),
    _b("find_next", "Find next", ["F3"], "Edit", "find_bar.step", True),
    _b("find_documents", "Search &documents…", ["Ctrl+Shift+F"], "Edit",
       "documents.focus_search", tip="Search the text of every document"),
    # View
    _b("focus_documents", "&Document list", ["Ctrl+1"], "View", "focus_pane", "documents"),
    _b("focus_article", "&Article", ["Ctrl+2"], "View", "focus_pane", "article"),
    _b("focus_quotes", "&Quotes list", ["Ctrl+3"], "View", "focus_pane", "quotes"),
    _b("focus_entities", "&Entities list", ["Ctrl+4"], "View", "focus_pane", "entities"),
    # Quote
    _b("link_speaker", "Link &speaker…", ["Shift+S"], "Quote", "editor.linker.start", "SPEAKER",
       tip="Then click the speaker mention (or select it)", scope="editor"),
    _b("link_cue", "Link &cue…", ["Shift+V"], "Quote", "editor.linker.start", "CUE",
       tip="Then click the cue verb (or select it)", scope="editor"),
    _b("pick_speaker", "&Pick speaker from people…", ["Ctrl+Shift+S"], "Quote",
       "editor.linker.pick_speaker", tip="Type to filter the article's people, Return links",
       scope="editor"),
    _b("edit_speaker_name", "Edit speaker &name…", ["F2"], "Quote",
       "editor.linker.edit_speaker_name", scope="editor"),
    # Document
    _b("accept_document", "&Accept document", ["Ctrl+Return"], "Document", "flow.accept",
       tip="Mark done, every span reviewed, and go to the next unfinished document"),
    _b("skip_document", "&Skip document", ["Ctrl+Shift+Return"], "Document", "flow.skip"),
    _b("reopen_document", "&Reopen document", ["Ctrl+Shift+R"], "Document", "flow.reopen"),
    _b("next_unfinished", "&Next unfinished", ["Ctrl+PgDown"], "Document", "flow.next", False),
    _b("previous_unfinished", "&Previous unfinished", ["Ctrl+PgUp"], "Document", "flow.next",
       True),
    _b("accept_suggestions", "Accept all su&ggestions", ["Ctrl+Shift+A"], "Document",
       "editor.accept_suggestions",
       tip="Mark every model suggestion reviewed (they keep source=model)"),
    _b("clear_suggestions", "&Clear all suggestions", ["Ctrl+Shift+Delete"], "Document",
       "editor.clear_suggestions", tip="Delete every unreviewed model suggestion"),
    _b("merge_suggestions", "&Merge new suggestions", ["Ctrl+Shift+M"], "Document",
       "editor.merge_suggestions",
       tip="Add the newest model run's suggestions that do not clash with your spans"),
    _b("edit_note", "Edit &note…", ["Ctrl+Shift+N"], "Document", "flow.edit_note"),
    _b("adjudicate", "A&djudicate…", ["Ctrl+J"], "Document", "team.adjudicate",
       tip="Settle where annotators differ into the gold layer, in a window of its own"),
    _b("show_agreement", "Agreement &between annotators…", ["Ctrl+Shift+K"], "Document",
       "team.agreement", tip="Pairwise scores as a heatmap and per-label coefficients"),
    # Annotate
    _b("preannotate", "&Pre-annotate new documents", ["Ctrl+R"], "Annotate", "jobs.preannotate",
       False, tip="Run the spaCy pipeline on documents it has not seen (in the background)"),
    _b("preannotate_all", "Pre-annotate &all documents again", [], "Annotate",
       "jobs.preannotate", True),
    _b("choose_model", "Choose pre-annotation &model…", ["Ctrl+Shift+P"], "Annotate",
       "model_jobs.choose_model",
       tip="Installed spaCy packages and trained model folders; remembered per project"),
    _b("train_model", "&Train model on gold data…", ["Ctrl+Shift+T"], "Annotate",
       "model_jobs.train_model",
       tip="Fine-tune or train NER on the done documents, in the background"),
    _b("evaluate_model", "&Evaluate pre-annotation model", ["Ctrl+Shift+E"], "Annotate",
       "model_jobs.evaluate_model", tip="Score the chosen model against the gold documents"),
    _b("show_statistics", "&Statistics and charts…", ["Ctrl+Shift+I"], "Annotate",
       "model_jobs.show_statistics",
       tip="Work over time, suggestion outcomes, per-label F1, learning curve"),
    # Help
    _b("edit_scheme", "Label &scheme…", ["Ctrl+Shift+L"], "Label", "edit_scheme",
       tip="Add, change or remove the project's labels"),
    _b("show_shortcuts", "&Keyboard shortcuts", ["F1"], "Help", "show_shortcuts"),
    _b("show_guidelines", "Annotation &guidelines", ["Shift+F1"], "Help", "show_guidelines"),
)  # fmt: skip

#: Commands of the adjudication window: its own, and the gold editing keys of the main window.
ADJUDICATION_BINDINGS: tuple[Binding, ...] = (
    _b(
        "next_disagreement",
        "&Next disagreement",
        ["J", "Alt+PgDown"],
        "Adjudicate",
        "step",
        True,
        tip="The next stretch where the annotators differ (J)",
    ),
    _b(
        "previous_disagreement",
        "&Previous disagreement",
        ["K", "Alt+PgUp"],
        "Adjudicate",
        "step",
        False,
    ),
    *(
        _b(
            f"pick_{n}",
            f"Pick version {n}",
            [str(n)],
            "Adjudicate",
            "pick",
            n,
            tip=f"Gold takes the spans of the annotator numbered {n} in this stretch",
        )
        for n in range(1, 10)
    ),
    _b(
        "reject_versions",
        "&Reject every version",
        ["X"],
        "Adjudicate",
        "reject",
        tip="No span in gold for this stretch",
    ),
    _b(
        "keep_edited",
        "&Keep gold as edited",
        ["Ctrl+Return"],
        "Adjudicate",
        "keep_edited",
        tip="Settle the stretch with gold as you edited it (label keys, Delete, Alt+arrows)",
    ),
    _b("next_document", "Next &document", ["Ctrl+PgDown"], "Adjudicate", "next_document", True),
    _b(
        "previous_document",
        "Previous d&ocument",
        ["Ctrl+PgUp"],
        "Adjudicate",
        "next_document",
        False,
    ),
    _b("close_adjudication", "&Close", ["Ctrl+W"], "Adjudicate", "close"),
    *(
        b
        for b in BINDINGS
        if b.name
        in {
            "undo",
            "redo",
            "delete_span",
            "grow_end",
            "shrink_end",
            "grow_start",
            "shrink_start",
            "next_span",
            "previous_span",
            "snap_tokens",
            "link_speaker",
            "link_cue",
            "edit_speaker_name",
            "show_shortcuts",
        }
    ),
)

MENUS: tuple[str, ...] = (
    "File", "Edit", "View", "Label", "Quote", "Document", "Annotate", "Help",
)  # fmt: skip


def label_keys(key: str) -> list[str]:
    """A label's key; a symbol typed with Shift ("%") also matches with Shift held."""
    keys = [key.upper()]
    if not key.isalnum():
        keys.append(f"Shift+{key}")
    return keys


def label_rows(labels: Iterable[Label]) -> list[tuple[str, str]]:
    """The key-table rows of the label keys: one for the span labels, one for the document
    categories (whose keys are commands of their own, see :func:`category_bindings`)."""
    labels = list(labels)
    keys = [lb.key.upper() for lb in labels if lb.key and lb.kind not in NOT_SPAN_KINDS]
    rows = [
        (" ".join(keys), "label the selection, or relabel the selected span (needs one of them)")
    ]
    categories = [lb.key for lb in labels if lb.key and lb.kind == "category"]
    if categories:
        rows.append((" ".join(categories), "set or clear a story label of the open document"))
    return rows


#: Label kinds that do not label spans (no span label key).
NOT_SPAN_KINDS = ("category", "relation", "attribute")


def category_bindings(labels: Iterable[Label]) -> tuple[Binding, ...]:
    """One command per document category of the scheme: its key sets or clears the category
    of the open document (the document-labels panel), from the article and the side lists."""
    return tuple(
        _b(f"category:{lb.name}", f"Story label: {lb.name}", [lb.key] if lb.key else [],
           "Document", "doc_labels.toggle", lb.name, tip=lb.description, scope="editor")
        for lb in labels if lb.kind == "category"
    )  # fmt: skip


def key_rows(bindings: Iterable[Binding] = BINDINGS) -> list[tuple[str, str, str]]:
    """``(menu, keys, what)`` of every binding that has keys, in menu order."""
    order = {menu: i for i, menu in enumerate(MENUS)}
    rows = [(b.menu, ", ".join(b.keys), b.title) for b in bindings if b.keys]
    return sorted(rows, key=lambda row: order.get(row[0], len(order)))


def key_table_markdown(labels: Iterable[Label], bindings: Iterable[Binding] = BINDINGS) -> str:
    """The README's key table."""
    lines = ["| keys | what | menu |", "|---|---|---|"]
    for keys, what in label_rows(labels):
        lines.append(f"| {keys} | {what} | Label |")
    for menu, keys, what in key_rows(bindings):
        lines.append(f"| {keys} | {what} | {menu} |")
    return "\n".join(lines)
