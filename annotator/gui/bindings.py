"""Key bindings as data: each command of the window, its menu, keys and scope.

The main window turns each entry into a ``QAction`` (so menus show the keys) and connects it to
the method of the same name. Label keys come from the label scheme, not from here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Binding:
    """One command. ``scope``: ``window`` (anywhere), ``editor`` (text, side lists, palette) or
    ``view`` (only while the text has the focus)."""

    command: str
    text: str
    keys: tuple[str, ...] = ()
    menu: str = "Edit"
    tip: str = ""
    scope: str = "window"
    checkable: bool = False


BINDINGS: tuple[Binding, ...] = (
    Binding("import_files", "&Import files…", ("Ctrl+O",), "File", "Add text, JSONL or CSV files"),
    Binding(
        "import_folder", "Import &folder…", ("Ctrl+Shift+O",), "File", "Add every file of a folder"
    ),
    Binding("export", "&Export…", ("Ctrl+E",), "File", "Write gold data in a training format"),
    Binding("quit", "&Quit", ("Ctrl+Q",), "File"),
    Binding("delete_span", "&Delete span", ("Delete", "Backspace"), "Edit", scope="editor"),
    Binding(
        "grow_end",
        "Grow end",
        ("Alt+Right",),
        "Edit",
        "Move the span's end one token right",
        "editor",
    ),
    Binding(
        "shrink_end",
        "Shrink end",
        ("Alt+Left",),
        "Edit",
        "Move the span's end one token left",
        "editor",
    ),
    Binding(
        "grow_start",
        "Grow start",
        ("Alt+Shift+Left",),
        "Edit",
        "Move the span's start one token left",
        "editor",
    ),
    Binding(
        "shrink_start",
        "Shrink start",
        ("Alt+Shift+Right",),
        "Edit",
        "Move the span's start one token right",
        "editor",
    ),
    Binding("next_span", "Next span", ("Tab",), "Edit", scope="view"),
    Binding("previous_span", "Previous span", ("Shift+Tab",), "Edit", scope="view"),
    Binding(
        "snap_tokens",
        "Snap to &tokens",
        ("Ctrl+T",),
        "Edit",
        "Selections grow to whole words; off: exact characters",
        checkable=True,
    ),
    Binding("find", "&Find documents…", ("Ctrl+F",), "Edit", "Search the text of every document"),
    Binding(
        "link_speaker",
        "Link &speaker…",
        ("Shift+S",),
        "Quote",
        "Then click the speaker mention (or select it)",
        "editor",
    ),
    Binding(
        "link_cue",
        "Link &cue…",
        ("Shift+V",),
        "Quote",
        "Then click the cue verb (or select it)",
        "editor",
    ),
    Binding(
        "pick_speaker", "&Pick speaker from people…", ("Ctrl+Shift+S",), "Quote", scope="editor"
    ),
    Binding("edit_speaker_name", "Edit speaker &name…", ("F2",), "Quote", scope="editor"),
    Binding(
        "accept_document",
        "&Accept document",
        ("Ctrl+Return",),
        "Document",
        "Mark done, every span reviewed, and go to the next unfinished document",
    ),
    Binding("skip_document", "&Skip document", ("Ctrl+Shift+Return",), "Document"),
    Binding("reopen_document", "&Reopen document", ("Ctrl+Shift+R",), "Document"),
    Binding("next_unfinished", "&Next unfinished", ("Ctrl+PgDown",), "Document"),
    Binding("previous_unfinished", "&Previous unfinished", ("Ctrl+PgUp",), "Document"),
    Binding(
        "accept_suggestions",
        "Accept all su&ggestions",
        ("Ctrl+Shift+A",),
        "Document",
        "Mark every model suggestion reviewed (they keep source=model)",
    ),
    Binding(
        "clear_suggestions",
        "&Clear all suggestions",
        ("Ctrl+Shift+Delete",),
        "Document",
        "Delete every unreviewed model suggestion",
    ),
    Binding("edit_note", "Edit &note…", ("Ctrl+Shift+N",), "Document"),
    Binding(
        "preannotate",
        "&Pre-annotate new documents",
        ("Ctrl+R",),
        "Annotate",
        "Run the spaCy pipeline on documents it has not seen",
    ),
    Binding("preannotate_all", "Pre-annotate &all documents again", (), "Annotate"),
    Binding("focus_documents", "&Document list", ("Ctrl+1",), "View", "Focus the document list"),
    Binding("focus_article", "&Article", ("Ctrl+2",), "View", "Focus the article text"),
    Binding("focus_quotes", "&Quotes list", ("Ctrl+3",), "View", "Focus the list of quotes"),
    Binding("focus_entities", "&Entities list", ("Ctrl+4",), "View", "Focus the list of entities"),
    Binding("show_shortcuts", "&Keyboard shortcuts", ("F1",), "Help"),
    Binding("show_guidelines", "Annotation &guidelines", ("Shift+F1",), "Help"),
)

MENUS: tuple[str, ...] = (
    "File", "Edit", "View", "Label", "Quote", "Document", "Annotate", "Help",
)  # fmt: skip
