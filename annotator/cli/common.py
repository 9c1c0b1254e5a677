"""What every command shares: the project context, one-line errors, progress bars."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

import click

from annotator.config import default_annotator
from annotator.errors import AnnotatorError, SettingError, StoreError, printable
from annotator.model import GOLD_LAYER, is_model_layer
from annotator.store import Store, resolve_db_path


class Context:
    """What the group passes to its commands: the chosen database."""

    def __init__(self, db: str | None, annotator: str | None = None):
        if db is not None and not db.strip():
            raise click.BadParameter("is empty; name a project file", param_hint="--db")
        if annotator is not None:
            annotator = check_annotator(annotator)
        self.db_path, self.is_default = resolve_db_path(db)
        #: Given with --annotator; None: the app asks once, commands use ANNOTATOR_USER/login.
        self.explicit_annotator = annotator

    @property
    def annotator(self) -> str:
        """Whose layer a command works on: --annotator, else ANNOTATOR_USER, else the login."""
        return self.explicit_annotator or default_annotator()

    def open(self, *, readonly: bool = False) -> Store:
        return Store(self.db_path, readonly=readonly)

    def open_existing(self) -> Store:
        """For commands that only read: never create a project as a side effect."""
        if not self.db_path.exists():
            raise StoreError(f"{self.db_path}: no such project; import some articles first")
        if self.db_path.stat().st_size == 0:
            return Store(self.db_path)  # an empty file becomes an empty project
        return Store(self.db_path, readonly=True)


def check_annotator(name: str) -> str:
    """An annotator name is a layer name: not empty, not ``gold``, not a model layer."""
    name = name.strip()
    if not name:
        raise click.BadParameter("is empty; give a name", param_hint="--annotator")
    if name == GOLD_LAYER or is_model_layer(name) or "@conflict-" in name:
        raise click.BadParameter(
            f"{name!r} is a layer name, not an annotator", param_hint="--annotator"
        )
    return name


pass_context = click.make_pass_decorator(Context)


def option_name(setting: str) -> str:
    """The option of a setting the library names: ``docs_per_file`` -> ``--docs-per-file``."""
    return "--" + setting.replace("_", "-")


#: What Ctrl+C leaves behind in a command that writes into the project in transactions.
COMMITTED_IS_SAVED = "Interrupted; everything committed before the interruption is saved."


@contextmanager
def user_errors(interrupted: str = COMMITTED_IS_SAVED) -> Iterator[None]:
    """Turn library errors into one-line messages and Ctrl+C into a clean stop that says what
    ``interrupted`` says is true of the command."""
    try:
        yield
    except SettingError as exc:
        raise click.ClickException(f"{option_name(exc.setting)}: {exc.reason}") from None
    except AnnotatorError as exc:
        raise click.ClickException(str(exc)) from None
    except sqlite3.DatabaseError as exc:  # a project damaged past what opening it could see
        reason = printable(str(exc))  # SQLite may quote the damaged text, newlines and all
        reason = reason if len(reason) <= 200 else reason[:200] + "…"
        raise click.ClickException(
            f"the project database cannot be read ({reason}); it may be corrupt: restore a copy"
        ) from None
    except KeyboardInterrupt:
        try:
            click.echo(f"\n{interrupted}", err=True)
        except KeyboardInterrupt:
            pass  # a second Ctrl+C while stopping: stopping already
        sys.exit(130)


class ProgressBar:
    """Progress on stderr fed by ops callbacks ``(done, total, name)``; only on a terminal.

    With a known total it is a bar; with none (total 0, e.g. an export's stream) a counter.
    """

    def __init__(self, label: str, *, enabled: bool | None = None, stream: TextIO | None = None):
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._bar: Any = None
        self._done = 0

    def __call__(self, done: int, total: int, name: str) -> None:
        if not self.enabled:
            return
        if total <= 0:
            if done == 1 or done % 100 == 0:
                self.stream.write(f"\r{self.label}: {done:,} documents")
                self.stream.flush()
            self._done = done
            return
        if self._bar is None:
            self._bar = click.progressbar(
                length=total, label=self.label, file=self.stream, show_pos=True
            )
            self._bar.__enter__()
        self._bar.update(done - self._done)
        self._done = done

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None
        elif self.enabled and self._done:
            self.stream.write(f"\r{self.label}: {self._done:,} documents\n")
            self.stream.flush()


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int, str], None]]:
    bar = ProgressBar(label)
    try:
        yield bar
    finally:
        bar.close()
