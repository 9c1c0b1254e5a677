"""The label scheme as a file: ``annotator labels import|export|list``, and labels that imports
bring along.

A scheme file is JSON or YAML (by suffix): ``{"labels": [{"name", "kind", ...}]}`` or the bare
list, each entry as :meth:`annotator.model.Label.to_dict` writes it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from annotator.errors import SchemeError
from annotator.model import (
    ATTRIBUTES,
    DEFAULT_SPAN_GROUP,
    FRAGMENT,
    NON_ENTITY_LABELS,
    REJECTED_GROUP,
    RELATION_LABELS,
    DocumentRecord,
    Label,
)
from annotator.resources import default_labels
from annotator.store import Store
from annotator.store.settings import set_setting, settings_with_prefix

YAML_SUFFIXES = (".yaml", ".yml")


def read_scheme(path: Path) -> list[Label]:
    """The labels of a scheme file; :class:`SchemeError` names the file and what is wrong."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemeError(f"{path}: cannot read the scheme: {exc}") from None
    try:
        data: Any = (
            yaml.safe_load(text) if path.suffix.lower() in YAML_SUFFIXES else json.loads(text)
        )
    except (ValueError, yaml.YAMLError) as exc:
        reason = str(exc).splitlines()[0]
        raise SchemeError(f"{path}: not a valid scheme file ({reason})") from None
    entries = data.get("labels") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise SchemeError(f'{path}: expected a list of labels or {{"labels": [...]}}')
    return [Label.from_dict(e, where=f"{path}: label {n}: ") for n, e in enumerate(entries, 1)]


def write_scheme(labels: Iterable[Label], path: Path) -> None:
    data = {"labels": [label.to_dict() for label in labels]}
    if Path(path).suffix.lower() in YAML_SUFFIXES:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    else:
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise SchemeError(f"{path}: cannot write the scheme: {exc.strerror}") from None


#: Settings key prefix of what imports kept about a corpus for exports (brat's annotation.conf).
FORMAT_PREFIX = "format:"


def corpus_settings(store: Store) -> dict[str, str]:
    """What imports kept about the corpus, for the format writers (``WriteOptions.settings``)."""
    kept = settings_with_prefix(store, FORMAT_PREFIX)
    return {key: value for key, value in kept.items() if isinstance(value, str)}


def keep_corpus_setting(store: Store, key: str, value: str) -> None:
    set_setting(store, FORMAT_PREFIX + key, value)


#: The default label colours before the palette chosen for colour-vision deficiencies: a
#: project made then stored these, and gets the new defaults on open (see :func:`project_labels`).
OLD_DEFAULT_COLORS: dict[tuple[str, str], str] = {
    ("entity", "PERSON"): "#f4a261", ("entity", "ORG"): "#8ecae6",
    ("entity", "GPE"): "#90be6d", ("entity", "NORP"): "#c9ada7",
    ("entity", "LOC"): "#76c893", ("entity", "FAC"): "#b5838d",
    ("entity", "EVENT"): "#e9c46a", ("entity", "PRODUCT"): "#cdb4db",
    ("entity", "WORK_OF_ART"): "#ffafcc", ("entity", "LAW"): "#a2d2ff",
    ("entity", "LANGUAGE"): "#bde0fe", ("entity", "DATE"): "#ffd6a5",
    ("entity", "TIME"): "#fdffb6", ("entity", "PERCENT"): "#caffbf",
    ("entity", "MONEY"): "#9bf6ff", ("entity", "QUANTITY"): "#a0c4ff",
    ("entity", "ORDINAL"): "#bdb2ff", ("entity", "CARDINAL"): "#ffc6ff",
    ("quote", "QUOTE"): "#2a9d8f", ("speaker", "SPEAKER"): "#e76f51",
    ("cue", "CUE"): "#6d597a",
}  # fmt: skip


def refresh_default_colors(store: Store) -> list[str]:
    """Labels still in their old default colour take the new default; a colour the user chose
    is kept. Returns the names of the labels recoloured."""
    new = {(lb.kind, lb.name): lb.color for lb in default_labels()}
    changes = {
        (lb.kind, lb.name): new[(lb.kind, lb.name)]
        for lb in store.labels()
        if (lb.kind, lb.name) in new
        and lb.color.lower() == OLD_DEFAULT_COLORS.get((lb.kind, lb.name), "").lower()
    }
    if changes:
        store.set_label_colors(changes)
    return [name for _kind, name in changes]


def project_labels(store: Store) -> list[Label]:
    """The project's scheme; a project without one gets the default scheme first, and one made
    before the current palette gets its new default colours (:func:`refresh_default_colors`)."""
    if not store.labels():
        store.set_labels(default_labels())
    else:
        refresh_default_colors(store)
    return store.labels()


def import_scheme(store: Store, path: Path, *, replace: bool = False) -> list[Label]:
    """Add a scheme file's labels to the project (or replace the scheme); return those added.

    Merging keeps the project's labels as they are and adds the file's new (kind, name) pairs.
    """
    labels = read_scheme(path)
    if replace:
        store.set_labels(labels)
        return labels
    project_labels(store)
    return store.add_labels(labels)


def labels_of_record(record: DocumentRecord) -> list[Label]:
    """The labels a record uses, with their kinds: what an import adds to the scheme."""
    found: list[Label] = []
    by_index = record.spans
    for span in record.spans:
        if (span.label in NON_ENTITY_LABELS and not span.group) or span.group == REJECTED_GROUP:
            continue
        if span.group:
            found.append(Label(span.label, "span", group=span.group))
        else:
            found.append(Label(span.label, "entity"))
        attributes = span.attrs.get(ATTRIBUTES)
        if isinstance(attributes, dict):
            for key, value in attributes.items():
                found.append(Label(str(key), "attribute", values=_attr_values(value)))
    for rel in record.relations:
        if rel.label in RELATION_LABELS or rel.label == FRAGMENT:
            continue
        heads = (by_index[rel.head].label,) if 0 <= rel.head < len(by_index) else ()
        children = (by_index[rel.child].label,) if 0 <= rel.child < len(by_index) else ()
        found.append(Label(rel.label, "relation", heads=heads, children=children))
    for name in record.categories:
        found.append(Label(name, "category", group=DEFAULT_CATEGORY_SET, multi=True))
    return found


#: Category set imported document labels join when the scheme does not know them.
DEFAULT_CATEGORY_SET = "imported"


def _attr_values(value: Any) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else ()


class SchemeGrowth:
    """Collects the labels an import uses and adds the unknown ones to the scheme at the end,
    merging what one label kind allows (relation heads and children, attribute values)."""

    def __init__(self) -> None:
        self._found: dict[tuple[str, str], Label] = {}

    def add(self, record: DocumentRecord) -> None:
        for label in labels_of_record(record):
            key = (label.kind, label.name)
            old = self._found.get(key)
            if old is None:
                self._found[key] = label
            else:
                self._found[key] = Label(
                    old.name, old.kind, group=old.group, multi=old.multi,
                    heads=_union(old.heads, label.heads),
                    children=_union(old.children, label.children),
                    values=_union(old.values, label.values),
                )  # fmt: skip

    def apply(self, store: Store) -> list[Label]:
        """Add the labels the project's scheme lacks; return them."""
        if not self._found:
            return []
        project_labels(store)
        known = {(label.kind, label.name) for label in store.labels()}
        grouped = {
            label.name: label for label in store.labels("category")
        }  # an imported category the scheme has in another set stays there
        new = [
            label for key, label in self._found.items()
            if key not in known and not (label.kind == "category" and label.name in grouped)
        ]  # fmt: skip
        return store.add_labels(new)


def _union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*a, *b)))


def describe(labels: Iterable[Label]) -> str:
    """One line per kind: ``entity: Disease, Gene; relation: Theme``."""
    by_kind: dict[str, list[str]] = {}
    for label in labels:
        by_kind.setdefault(label.kind, []).append(label.name)
    return "; ".join(f"{kind}: {', '.join(names)}" for kind, names in by_kind.items())


__all__ = [
    "DEFAULT_SPAN_GROUP", "SchemeGrowth", "describe", "import_scheme", "labels_of_record",
    "project_labels", "read_scheme", "write_scheme",
]  # fmt: skip
