"""Turn bindings (data) into the window's actions and menus, and its F1 help."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from functools import reduce
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from annotator.gui.bindings import MENUS, Binding, key_rows, label_keys, label_rows
from annotator.model import Label


def resolve(root: object, path: str) -> Callable[..., Any]:
    """The callable at attribute ``path`` from ``root`` ("editor.resize")."""
    return reduce(getattr, path.split("."), root)  # type: ignore[arg-type]


class Commands:
    """The actions of one window, built from bindings and the label scheme.

    Targets are looked up when the command runs, so a replaced attribute is honoured.
    ``ran`` (if given) hears the name of every command run, before it runs.
    """

    def __init__(
        self, *, window: QMainWindow, view: QWidget, workspace: QWidget,
        ran: Callable[[str], None] | None = None,
    ):  # fmt: skip
        self.window = window
        self.view = view
        self.workspace = workspace
        self.ran = ran or (lambda _name: None)
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}

    def build(
        self, bindings: Iterable[Binding], labels: Sequence[Label],
        apply_label: Callable[[str], None],
    ) -> None:  # fmt: skip
        bar = self.window.menuBar()
        bindings = list(bindings)
        used = {b.menu for b in bindings} | {"Label"}
        self.menus = {name: bar.addMenu(f"&{name}") for name in MENUS if name in used}
        for binding in bindings:
            self._add(binding)
        self.set_labels(labels, apply_label)

    def replace(self, prefix: str, bindings: Iterable[Binding]) -> None:
        """Drop the actions whose names start with ``prefix``; add ``bindings`` instead."""
        for name in [n for n in self.actions if n.startswith(prefix)]:
            self._drop(self.actions.pop(name))
        for binding in bindings:
            self._add(binding)

    def _drop(self, action: QAction) -> None:
        for menu in self.menus.values():
            menu.removeAction(action)
        for widget in (self.window, self.view, self.workspace):
            widget.removeAction(action)
        action.deleteLater()

    def set_labels(self, labels: Sequence[Label], apply_label: Callable[[str], None]) -> None:
        """One action per label (its key, the Label menu), replacing those there before."""
        for name in [n for n in self.actions if n.startswith("label:")]:
            self._drop(self.actions.pop(name))
        for label in labels:
            action = QAction(label.name, self.window)
            if label.key:
                action.setShortcuts([QKeySequence(k) for k in label_keys(label.key)])
            action.setStatusTip(label.description)
            action.setToolTip(f"{label.name} ({label.kind})")

            def run(_checked: bool = False, name: str = label.name) -> None:
                self.ran(f"label:{name}")
                apply_label(name)

            action.triggered.connect(run)
            self._scope(action, "editor")
            self.menus["Label"].addAction(action)
            self.actions[f"label:{label.name}"] = action

    def _add(self, binding: Binding) -> None:
        action = QAction(binding.text, self.window)
        action.setShortcuts([QKeySequence(k) for k in binding.keys])
        action.setStatusTip(binding.tip)
        action.setToolTip(binding.tip or binding.title)
        action.setCheckable(binding.checkable)
        if binding.checkable:
            action.toggled.connect(lambda on, b=binding: self.run(b, on))
        else:
            action.triggered.connect(lambda _checked=False, b=binding: self.run(b))
        self._scope(action, binding.scope)
        if binding.menu not in self.menus:  # a menu of its own (the adjudication window's)
            self.menus[binding.menu] = self.window.menuBar().addMenu(f"&{binding.menu}")
        self.menus[binding.menu].addAction(action)
        self.actions[binding.name] = action

    def run(self, binding: Binding, *extra: Any) -> None:
        self.ran(binding.name)
        resolve(self.window, binding.target)(*binding.args, *extra)

    def _scope(self, action: QAction, scope: str) -> None:
        if scope == "window":
            self.window.addAction(action)
            return
        action.setShortcutContext(
            Qt.ShortcutContext.WidgetShortcut
            if scope == "view"
            else Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        (self.view if scope == "view" else self.workspace).addAction(action)


def shortcuts_html(
    bindings: Iterable[Binding], labels: Sequence[Label], extra: Sequence[str]
) -> str:
    """The F1 help: the same rows as the README's key table, menu by menu."""
    parts = ["<h2>Keyboard shortcuts</h2>"]
    groups: dict[str, list[tuple[str, str]]] = {"Label": label_rows(labels)}
    for menu, keys, what in key_rows(bindings):
        groups.setdefault(menu, []).append((keys, what))
    for menu in [m for m in MENUS if m in groups] + [m for m in groups if m not in MENUS]:
        rows = "".join(
            f"<tr><td style='padding-right:18px'><b>{html.escape(keys)}</b></td>"
            f"<td>{html.escape(what)}</td></tr>"
            for keys, what in groups[menu]
        )
        parts.append(f"<h3>{html.escape(menu)}</h3><table>{rows}</table>")
    parts.append("<h3>Mouse and text</h3><ul>")
    parts += [f"<li>{html.escape(line)}</li>" for line in extra]
    parts.append("</ul>")
    return "".join(parts)
