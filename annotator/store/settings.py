"""Project settings: JSON values under a key in the ``project`` table (one file, one project).

Used for what a project remembers between sessions: the pre-annotation model, the latest
evaluation of each model or layer and the learning curve.
"""

from __future__ import annotations

import json
from typing import Any

from annotator.store.store import Store

#: Keys of the project table that are not settings.
_RESERVED = frozenset({"app"})


def get_setting(store: Store, key: str, default: Any = None) -> Any:
    """The JSON value stored under ``key``, or ``default`` when there is none (or it is broken)."""
    raw = store.project_value(f"setting:{key}")
    if raw is None:
        return default
    try:
        return json.loads(raw)
    except ValueError:
        return default


def set_setting(store: Store, key: str, value: Any) -> None:
    """Store ``value`` (JSON-serialisable; None removes the key), committed at once."""
    if key in _RESERVED:
        raise ValueError(f"{key!r} is not a setting")
    raw = None if value is None else json.dumps(value, ensure_ascii=False)
    store.set_project_value(f"setting:{key}", raw)


def settings_with_prefix(store: Store, prefix: str) -> dict[str, Any]:
    """Every setting whose key starts with ``prefix`` (key without the prefix -> value)."""
    out: dict[str, Any] = {}
    for key, value in store.db.execute(
        "SELECT key, value FROM project WHERE key LIKE ? ORDER BY key",
        [f"setting:{prefix}%"],
    ):
        try:
            out[key[len("setting:") + len(prefix) :]] = json.loads(value)
        except ValueError:
            continue
    return out
