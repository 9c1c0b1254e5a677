"""Jump-hint names: prefix-free, as short as the count allows, and kept across refreshes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.ops.hints import HINT_LETTERS, hint_names, keep_hints, narrow


def _prefix_free(hints: list[str]) -> bool:
    return not any(a != b and b.startswith(a) for a in hints for b in hints)


@given(st.integers(min_value=0, max_value=800))
def test_hint_names_are_prefix_free_and_short(count: int) -> None:
    hints = hint_names(count)
    assert len(hints) == len(set(hints)) == count
    assert _prefix_free(hints)
    if count <= len(HINT_LETTERS):
        assert all(len(h) == 1 for h in hints)
    elif count <= len(HINT_LETTERS) ** 2:
        assert max(len(h) for h in hints) == 2
    assert hints == sorted(hints, key=len)  # the first targets get the shortest hints


def test_the_first_targets_get_the_home_row() -> None:
    assert hint_names(4) == ["a", "s", "d", "f"]
    assert hint_names(4, "adfg") == ["a", "d", "f", "g"]
    sixty = hint_names(60)
    assert sum(len(h) == 1 for h in sixty) == 24  # two letters become prefixes of 26 each


@given(
    st.lists(st.integers(0, 60), unique=True, max_size=40),
    st.lists(st.integers(0, 60), unique=True, max_size=40),
)
def test_keep_hints_keeps_what_stays_and_stays_prefix_free(old: list[int], new: list[int]) -> None:
    before = keep_hints({}, sorted(old), "adfgh")
    after = keep_hints(before, sorted(new), "adfgh")
    assert sorted(after.values()) == sorted(new)
    assert _prefix_free(list(after))
    # A target keeps its hint unless more targets turned that letter into a prefix.
    still = set(hint_names(max(len(old), len(new)), "adfgh"))
    had = {t: h for h, t in before.items()}
    assert all(after[had[t]] == t for t in new if t in had and had[t] in still)
    if len(new) <= len(old):
        assert all(after[had[t]] == t for t in new if t in had)


def test_narrow_picks_a_whole_hint_or_keeps_the_prefixed_ones() -> None:
    hints = {"a": 1, "ma": 2, "mb": 3}
    assert narrow(hints, "a") == (1, {})
    assert narrow(hints, "m") == (None, {"ma": 2, "mb": 3})
    assert narrow(hints, "x") == (None, {})
