"""What every command shares: the project context, one-line errors, progress bars."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from annotator.errors import AnnotatorError
from annotator.store import Store, resolve_db_path


class Context:
    """What the group passes to its commands: the chosen database."""

    def __init__(self, db: str | None):
        self.db_path, self.is_default = resolve_db_path(db)

    def open(self, *, readonly: bool = False) -> Store:
        return Store(self.db_path, readonly=readonly)


pass_context = click.make_pass_decorator(Context)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn library errors into one-line messages and Ctrl+C into a clean stop."""
    try:
        yield
    except AnnotatorError as exc:
        raise click.ClickException(str(exc)) from None
    except KeyboardInterrupt:
        click.echo(
            "\nInterrupted; everything committed before the interruption is saved.", err=True
        )
        sys.exit(130)


class ProgressBar:
    """A click progress bar fed by ops progress callbacks ``(done, total, name)``."""

    def __init__(self, label: str, *, enabled: bool = True):
        self.label = label
        self.enabled = enabled and sys.stderr.isatty()
        self._bar: Any = None
        self._done = 0

    def __call__(self, done: int, total: int, name: str) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            self._bar = click.progressbar(
                length=total or None, label=self.label, file=sys.stderr, show_pos=True
            )
            self._bar.__enter__()
        self._bar.update(done - self._done)
        self._done = done

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int, str], None]]:
    bar = ProgressBar(label)
    try:
        yield bar
    finally:
        bar.close()
