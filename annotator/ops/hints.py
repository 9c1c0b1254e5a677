"""Jump hints: short prefix-free letter strings, one per target on screen (as avy and Vimium
label what can be jumped to). The first targets get single letters; only when there are more
targets than letters do the last letters become prefixes of two-letter hints, so typing a hint
never needs more keys than the number of targets on screen demands."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TypeVar

T = TypeVar("T", bound=Hashable)

#: Home row first, then the upper and lower rows: the easiest keys go to the first targets.
HINT_LETTERS = "asdfghjklqwertyuiopzxcvbnm"


def hint_names(count: int, letters: str = HINT_LETTERS) -> list[str]:
    """``count`` hints, none a prefix of another, as short as ``count`` allows.

    Leaves of a letter tree: while there are too few, the last of the shortest leaves becomes
    a prefix for ``len(letters)`` longer ones. Ordered shortest first, then in letter order.
    """
    if count <= 0:
        return []
    leaves = list(letters)
    while len(leaves) < count:
        shortest = min(len(h) for h in leaves)
        last = max(i for i, h in enumerate(leaves) if len(h) == shortest)
        prefix = leaves.pop(last)
        leaves.extend(prefix + c for c in letters)
    return sorted(leaves, key=lambda h: (len(h), [letters.index(c) for c in h]))[:count]


def narrow(hints: dict[str, int], typed: str) -> tuple[int | None, dict[str, int]]:
    """What ``typed`` picks: (the target of a complete hint or None, the hints still open)."""
    if typed in hints:
        return hints[typed], {}
    return None, {h: t for h, t in hints.items() if h.startswith(typed)}


def keep_hints(
    previous: dict[str, T], targets: list[T], letters: str = HINT_LETTERS
) -> dict[str, T]:
    """Hints for ``targets`` (in reading order) where each target that had a hint in
    ``previous`` keeps it, so an edit or a scroll does not move every hint; the others get the
    free hints, shortest first. The hints come from the set for the larger of the two counts,
    so they stay prefix-free."""
    names = hint_names(max(len(targets), len(previous)), letters)
    had = {target: hint for hint, target in previous.items()}
    kept = {had[t]: t for t in targets if t in had and had[t] in names}
    free = iter(h for h in names if h not in kept)
    placed = set(kept.values())
    return {**kept, **{next(free): t for t in targets if t not in placed}}
