"""Quotation marks to quotation spans, over plain text (no model needed)."""

from __future__ import annotations

import pytest

from annotator.nlp.marks import find_marked_quotes


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_marked_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “no” twice.", ["“no”"]),
        ('He said "no" twice.', ['"no"']),
        ("Call centre users ‘lose patience’", ["‘lose patience’"]),
        ("Call centre users 'lose patience'", ["'lose patience'"]),
        ("Er sagte „nein“ dazu.", ["„nein“"]),
        ("Il a dit «non» hier.", ["«non»"]),
        ("Il a dit « non » hier.", ["« non »"]),
    ],
)
def test_every_kind_of_mark_includes_its_marks(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Labour’s leader can’t say the teachers’ union liked the ’90s.",
        "Labour's leader can't say the teachers' union liked the '90s.",
        "Rock 'n' roll is what 'em old fans liked.",
    ],
)
def test_apostrophes_are_not_quote_marks(text: str) -> None:
    assert quoted(text) == []


def test_nested_quotes_stay_inside_the_outer_one() -> None:
    text = "He said: \"I told her 'by the way, we sold you' and left.\" Then he went."
    assert quoted(text) == ["\"I told her 'by the way, we sold you' and left.\""]
    curly = "‘He shouted “fire” at us’, she recalled."
    assert quoted(curly) == ["‘He shouted “fire” at us’"]


def test_apostrophe_inside_single_quotes() -> None:
    assert quoted("Headline: ‘We can’t go on like this’ says boss") == [
        "‘We can’t go on like this’"
    ]


def test_multi_paragraph_on_separate_lines_is_one_quote() -> None:
    text = "Mr Hussain said: “It has become clear.\n“I believe the party must act.”\nNext line."
    (q,) = find_marked_quotes(text)
    assert text[q.start : q.end] == "“It has become clear.\n“I believe the party must act.”"
    assert q.paragraphs == 2


def test_multi_paragraph_run_together_on_one_line_is_one_quote() -> None:
    text = (
        'Ms Hewitt said: "We have already doubled it. "We are going to extend the pay." '
        'She said more. "We have made a firm commitment."'
    )
    assert quoted(text) == [
        '"We have already doubled it. "We are going to extend the pay."',
        '"We have made a firm commitment."',
    ]


def test_multi_paragraph_across_blank_lines() -> None:
    text = 'Parry said: "Maybe there won\'t.\n\n"Our position is clear." Then he left.'
    assert quoted(text) == ['"Maybe there won\'t.\n\n"Our position is clear."']


def test_unclosed_quote_ends_with_its_paragraph_or_first_sentence() -> None:
    text = "He said: “This never closes.\nA new paragraph of narrative."
    assert quoted(text) == ["“This never closes."]
    text = 'Mr Milburn said: "Opportunism. In reference to that, Mr Milburn said: "Fine."'
    assert quoted(text) == ['"Opportunism.', '"Fine."']


def test_split_quote_gives_two_spans() -> None:
    text = '"It\'s been a surprising tournament," he said, "and maybe Ireland have more."'
    assert quoted(text) == [
        '"It\'s been a surprising tournament,"',
        '"and maybe Ireland have more."',
    ]
