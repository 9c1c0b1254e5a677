"""The editor snaps to the exports' tokens: one tokenization everywhere."""

from __future__ import annotations

from annotator.formats.tokenization import char_span, doc_for
from annotator.model import DocumentRecord, SpanData
from annotator.ops.tokens import Tokens

TEXT = "Mr Hussain’s view: 1,400 Israeli-Hamas deaths.\n\nBBC Radio 4's Today programme."


def test_snap_grows_to_whole_tokens_and_drops_spaces() -> None:
    tokens = Tokens.of(TEXT)
    start = TEXT.index("ussain")
    assert TEXT[slice(*tokens.snap(start, start + 3))] == "Hussain"  # spaCy splits off ’s
    assert tokens.snap(2, 3) is None  # only a space
    n = TEXT.index("1,400")
    assert TEXT[slice(*tokens.snap(n + 1, n + 2))] == "1,400"
    radio = TEXT.index("BBC")
    assert TEXT[slice(*tokens.snap(radio, radio + 12))] == "BBC Radio 4's"
    assert tokens.snap(TEXT.index("\n"), TEXT.index("\n") + 2) is None  # blank lines


def test_every_snapped_span_aligns_with_the_export_tokens() -> None:
    tokens = Tokens.of(TEXT)
    doc = doc_for(DocumentRecord(name="t", text=TEXT), "en")
    for start in range(len(TEXT)):
        for end in range(start + 1, min(len(TEXT), start + 15) + 1):
            snapped = tokens.snap(start, end)
            if snapped is not None:
                assert char_span(doc, SpanData(*snapped, "ORG")) is not None, snapped


def test_steps_move_by_tokens() -> None:
    tokens = Tokens.of(TEXT)
    end = TEXT.index("4's") + 1
    assert TEXT[: tokens.next_end(end)].endswith("4's")  # "'s" is one token, as in spaCy
    assert tokens.previous_end(end + 2) == end
    assert tokens.previous_start(3) == 0
    assert tokens.next_start(0) == 3


def test_pretokenized_text_keeps_its_own_tokens() -> None:
    tokens = Tokens.of("New-York Times rose", pretokenized=True)
    assert tokens.snap(1, 2) == (0, 8)


def test_line_by_line_tokens_are_the_whole_texts_tokens() -> None:
    """spaCy never looks across white space: tokenizing one line at a time changes nothing."""
    text = (
        "Mr Hussain’s view: 1,400 Israeli-Hamas deaths.\n\n“We’ll see,” he said (on BBC One's"
        " show).\nU.S. e-mail: info@bbc.co.uk, £3.5bn, 10%...\n  \nLast line—ends here"
    )
    from annotator.formats.tokenization import token_bounds

    starts, ends = token_bounds(text)
    tokens = Tokens.of(text)
    assert [tokens.snap(s, e) for s, e in zip(starts, ends)] == list(zip(starts, ends))
    for offset in range(len(text)):
        after = [e for e in ends if e > offset]
        assert tokens.next_end(offset) == (after[0] if after else None), offset
        before = [s for s in starts if s < offset]
        assert tokens.previous_start(offset) == (before[-1] if before else None), offset
