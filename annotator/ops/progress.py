"""The callbacks every long operation takes (import, annotate, export, train, evaluate, pack)."""

from __future__ import annotations

from collections.abc import Callable

#: Called as ``progress(done, total, name)``: items done, their total (0 when not known
#: beforehand, as in a streamed export) and the name of the item just done.
Progress = Callable[[int, int, str], None]
#: Asked between units of work; True stops the operation at the next safe point.
Cancel = Callable[[], bool]
