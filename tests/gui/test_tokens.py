"""Snapping selections to token boundaries."""

from __future__ import annotations

from annotator.gui.tokens import Tokens

TEXT = "Mr Hussain’s view: 1,400 Israeli-Hamas deaths."


def test_snap_grows_to_whole_words_and_drops_spaces() -> None:
    tokens = Tokens(TEXT)
    start = TEXT.index("ussain")
    assert tokens.snap(start, start + 3) == (3, 10)
    assert TEXT[slice(*tokens.snap(2, 11))] == "Hussain’"  # the apostrophe is its own token
    assert tokens.snap(2, 3) is None  # only a space
    n = TEXT.index("1,400")
    assert TEXT[slice(*tokens.snap(n + 1, n + 2))] == "1,400"
    i = TEXT.index("Israeli")
    assert TEXT[slice(*tokens.snap(i, i + 3))] == "Israeli"


def test_word_at_caret_and_steps() -> None:
    tokens = Tokens(TEXT)
    assert tokens.at(0) == (0, 2)
    assert tokens.at(2) == (0, 2)  # caret right after a word
    end = TEXT.index("view") + 4
    assert tokens.next_end(10) == 11  # "’"
    assert tokens.previous_end(end) == TEXT.index("’s") + 2
    assert tokens.previous_start(3) == 0
    assert tokens.next_start(0) == 3
