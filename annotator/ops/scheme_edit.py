"""Editing the label scheme one label at a time (the app's label-scheme dialog).

Qt-free. Every change is checked against the whole scheme first (a name without control
characters, a key no other label of its key space has, a colour the app can draw) and saved to
the project at once; a label still used by spans, links or document labels is not removed.
Refusals are :class:`SchemeError` with a one-line reason for the person.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import replace

from annotator.errors import SchemeError
from annotator.model import LABEL_KINDS, Label
from annotator.ops.scheme import project_labels
from annotator.store import Store
from annotator.store.scheme import check_scheme

_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


def check_label(label: Label, reserved: Collection[str] = ()) -> None:
    """The label on its own: a visible name, a known kind, one key character that is no
    command's (``reserved``, upper case), a #rrggbb colour."""
    if not label.name.strip():
        raise SchemeError("a label needs a name")
    for text, what in ((label.name, "name"), (label.description, "description")):
        bad = next((c for c in text if unicodedata.category(c) in ("Cc", "Cf")), None)
        if bad is not None:
            raise SchemeError(f"the {what} {text!r} holds a control character (U+{ord(bad):04X})")
    if label.name != label.name.strip():
        raise SchemeError(f"the name {label.name!r} starts or ends with a space")
    if label.kind not in LABEL_KINDS:
        raise SchemeError(f"unknown kind {label.kind!r}; use one of {', '.join(LABEL_KINDS)}")
    if label.key and (len(label.key) != 1 or not label.key.isprintable() or label.key.isspace()):
        raise SchemeError(f"the key {label.key!r} must be one letter, digit or sign")
    if label.key and label.key.upper() in reserved:
        raise SchemeError(f"the key {label.key!r} is a command of the window already")
    if label.color and not _COLOR.fullmatch(label.color):
        raise SchemeError(f"the colour {label.color!r} must look like #3b82f6")


def _save(store: Store, labels: list[Label]) -> None:
    check_scheme(labels)  # key clashes, twice-listed names, category sets
    store.set_labels(labels)


def add_label(store: Store, label: Label, *, reserved: Collection[str] = ()) -> Label:
    """Add ``label`` at the end of the scheme; refuse a clash with one already there."""
    check_label(label, reserved)
    labels = project_labels(store)
    if any((lb.kind, lb.name) == (label.kind, label.name) for lb in labels):
        raise SchemeError(f"the scheme has a {label.kind} label {label.name!r} already")
    _save(store, [*labels, label])
    return label


def update_label(
    store: Store, kind: str, name: str, *, key: str, color: str, description: str,
    reserved: Collection[str] = (),
) -> Label:  # fmt: skip
    """Change the key, colour and description of label ``name`` of ``kind``."""
    labels = project_labels(store)
    index = _find(labels, kind, name)
    changed = replace(labels[index], key=key, color=color, description=description)
    check_label(changed, reserved)
    labels[index] = changed
    _save(store, labels)
    return changed


def remove_label(store: Store, kind: str, name: str) -> None:
    """Remove label ``name`` of ``kind``; refuse while anything in the project uses it."""
    labels = project_labels(store)
    index = _find(labels, kind, name)
    uses = store.label_uses(kind, name)
    if uses:
        raise SchemeError(
            f"{name!r} is used {uses} time{'s' if uses != 1 else ''} in the project; "
            "relabel or delete those first"
        )
    del labels[index]
    _save(store, labels)


def _find(labels: list[Label], kind: str, name: str) -> int:
    for i, label in enumerate(labels):
        if (label.kind, label.name) == (kind, name):
            return i
    raise SchemeError(f"no {kind} label {name!r} in the scheme")
