"""The next name without a span: runs of capitalised tokens, numbers and amounts that no entity
span covers, in the exports' tokens."""

from __future__ import annotations

from annotator.model import SpanData
from annotator.ops.candidates import find_candidate

TEXT = (
    "The BBC Radio 4 show cost £15.8m, up 5% on 2004. Howard said Anglo-Irish talks with "
    "Mr Blair's team in New York went well.\n"
    "The Bank of England said the plan was good. Labour leader Tony Blair and Michael Howard "
    "met. He said no."
)


def _walk(text: str, spans: list[SpanData]) -> list[str]:
    found, offset = [], 0
    while (run := find_candidate(text, spans, offset)) is not None and run[0] >= offset:
        found.append(text[run[0] : run[1]])
        offset = run[1]
    return found


def test_runs_numbers_and_amounts_in_reading_order() -> None:
    assert _walk(TEXT, []) == [
        "BBC Radio 4", "£15.8m", "5%", "2004", "Anglo-Irish", "Blair", "New York",
        "Bank of England", "Tony Blair", "Michael Howard",
    ]  # fmt: skip


def test_a_sentence_start_alone_is_no_candidate() -> None:
    # "The", "Howard" (after a full stop), "Labour", "He" start sentences on their own.
    found = _walk(TEXT, [])
    assert not {"The", "Howard", "Labour", "He"} & set(found)


def test_entity_spans_hide_candidates_but_quotes_do_not() -> None:
    start = TEXT.index("Tony Blair")
    spans = [
        SpanData(start, start + len("Tony Blair"), "PERSON"),
        SpanData(0, TEXT.index("\n"), "QUOTE"),  # a quote covers text, not a name
    ]
    found = _walk(TEXT, spans)
    assert "Tony Blair" not in found and "BBC Radio 4" in found


def test_backward_and_round_the_end() -> None:
    end = len(TEXT)
    last = find_candidate(TEXT, [], end, forward=False)
    assert last is not None and TEXT[last[0] : last[1]] == "Michael Howard"
    before = find_candidate(TEXT, [], last[0], forward=False)
    assert before is not None and TEXT[before[0] : before[1]] == "Tony Blair"
    # After the last candidate the search goes round to the first one.
    first = find_candidate(TEXT, [], last[1])
    assert first is not None and TEXT[first[0] : first[1]] == "BBC Radio 4"
    assert find_candidate("no names here at all.", [], 0) is None
